"""Schema and cross-record checks: each mistake an editor can make in a record that YAML itself
accepts comes back as one plain message at the offending key's file:line:col."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from hbsite.build import load_content
from hbsite.model import schema_for, site_schema_for
from hbsite.validate import validate, validate_site_file
from tests.hb_fixtures import (
    KEYS,
    NAMES,
    PROGRAMME,
    PROJECT,
    PUBLICATION,
    STANDALONE,
    VARIANTS,
    T,
    drop_line,
    key_col,
    line_of,
    make_repo,
    project,
    publication,
    record_path,
    record_text,
    replace_line,
    write_record,
)

SCHEMA = schema_for(KEYS)
EVERY = ", ".join(KEYS[:-1]) + " and " + KEYS[-1]


@pytest.fixture
def repo(tmp_path) -> Path:
    return make_repo(tmp_path / "repo")


def problems_of(root: Path) -> list:
    return validate(root, SCHEMA, VARIANTS)[1]


def test_the_fixture_records_are_valid(repo):
    records, problems = validate(repo, SCHEMA, VARIANTS)
    assert problems == []
    assert [e.slug for e in records.all()] == [PROGRAMME, STANDALONE, PROJECT, PUBLICATION]
    assert load_content(repo).problems == []


# ── one broken thing per case ─────────────────────────────────────────────────────────────
# Each case: the record it edits, and a function from the record's text to
# (edited text, expected line, expected column, expected message).
Case = Callable[[str], tuple[str, int, int, str]]
CASES: dict[str, tuple[str, Case]] = {}


def case(name: str, slug: str = PROJECT):
    def register(edit: Case) -> Case:
        CASES[name] = (slug, edit)
        return edit
    return register


@case("variant text missing")
def _(text):
    new = drop_line(text, "sv: Tavoitteet (sv)")
    return new, line_of(new, "aims:"), 1, f"aims: the Svenska text (sv) is missing — every text needs {EVERY}"


@case("selko text missing in a list item")
def _(text):
    new = drop_line(text, "selko: Vantaan kaupunki (selko)")
    line = line_of(new, "- name:")
    return new, line, key_col(new, line), f"organisers[1].name: the Selkosuomi text (selko) is missing — every text needs {EVERY}"


@case("variant text empty")
def _(text):
    new = text.replace("fi: Hankkeen kuvaus (fi)", 'fi: ""')
    line = line_of(new, 'fi: ""')
    return new, line, 3, "summary: the Suomi text (fi) is empty — write the text"


@case("variant text only spaces")
def _(text):
    new = text.replace("selko: HeBu (selko)", "selko: '   '")
    return new, line_of(new, "selko: '   '"), 3, "short_name: the Selkosuomi text (selko) is empty — write the text"


@case("variant text left blank (null)")
def _(text):
    new = text.replace("sv: Vantaa (sv)", "sv:")
    return new, line_of(new, "  sv:", after="region:"), 3, "region: the Svenska text (sv) is empty — write the text"


@case("unknown field with a near name")
def _(text):
    new = text.replace("summary:", "summry:")
    return new, line_of(new, "summry:"), 1, "summry: unknown field 'summry' — did you mean 'summary'?"


@case("unknown field in a list item")
def _(text):
    new = text.replace("  role: administrator", "  rol: administrator")
    line = line_of(new, "rol:")
    return new, line, 3, "organisers[1].rol: unknown field 'rol' — did you mean 'role'?"


@case("unknown variant key in a text")
def _(text):
    new = text.replace("  sv: Vantaan HeBu (sv)", "  sv: Vantaan HeBu (sv)\n  en: Vantaan HeBu (en)")
    return new, line_of(new, "en: Vantaan HeBu"), 3, f"name.en: unknown field 'en' — the texts here are {EVERY}"


@case("variant key misspelt")
def _(text):
    new = text.replace("sv: HeBu (sv)", "sw: HeBu (sv)")
    return new, line_of(new, "sw: HeBu"), 3, "short_name.sw: unknown field 'sw' — did you mean 'sv'?"


@case("unknown field far from any name")
def _(text):
    new = text.replace("\nsources:", "\nkuvaaja: 100\nsources:")
    return new, line_of(new, "kuvaaja:"), 1, "kuvaaja: unknown field 'kuvaaja' — allowed here: kind, programme, name"


@case("capitalised field name")
def _(text):
    new = text.replace("region:", "Region:")
    return new, line_of(new, "Region:"), 1, "Region: unknown field 'Region' — did you mean 'region'?"


@case("required field missing")
def _(text):
    lines = text.splitlines(keepends=True)
    start = line_of(text, "aims:") - 1
    del lines[start:start + 1 + len(KEYS)]
    new = "".join(lines)
    return new, 1, 1, "aims: this field is required — add 'aims:' (The aims as the source gives them."


@case("required list empty")
def _(text):
    new = text[:text.index("\nsources:")] + "\nsources: []\n"
    return new, line_of(new, "sources: []"), 1, "sources: needs at least one item, each on its own line starting with '- '"


@case("kind missing")
def _(text):
    new = drop_line(text, "kind: project")
    return new, 1, 1, "'kind:' is missing — start the record with kind: followed by programme, project, publication or event"


@case("kind misspelt")
def _(text):
    new = text.replace("kind: project", "kind: projekt")
    return new, 2, 1, "kind: 'projekt' is not known — did you mean 'project'?"


@case("kind key capitalised")
def _(text):
    new = text.replace("kind: project", "Kind: project")
    return new, 2, 1, "'Kind' should be 'kind' (lowercase)"


@case("role not one of the choices")
def _(text):
    new = text.replace("role: administrator", "role: hallinnoija")
    line = line_of(new, "role:")
    return new, line, 3, "organisers[1].role: 'hallinnoija' is not allowed — use one of 'administrator', 'responsible', 'co_implementer', 'partner', 'coordinator' or 'funder'"


@case("true where a text belongs")
def _(text):
    new = text.replace("selko: Vantaa (selko)", "selko: true")
    return new, line_of(new, "selko: true"), 3, "region.selko: YAML read 'true' as yes/no, not as text — put the text in quotes"


@case("number where a text belongs")
def _(text):
    new = text.replace("fi: HeBu (fi)", "fi: 2019")
    return new, line_of(new, "fi: 2019"), 3, 'short_name.fi: YAML read this as a number, not as text — put it in quotes, for example "2019"'


@case("a single text where the variants belong")
def _(text):
    lines = text.splitlines(keepends=True)
    start = line_of(text, "region:") - 1
    lines[start:start + 1 + len(KEYS)] = ["region: Vantaa\n"]
    new = "".join(lines)
    return new, line_of(new, "region: Vantaa"), 1, f"region: must be a block of 'key: value' lines, not a single text — write {EVERY.replace(', ', ':, ').replace(' and ', ': and ')}: under it"


@case("an empty block")
def _(text):
    lines = text.splitlines(keepends=True)
    start = line_of(text, "name:") - 1
    lines[start:start + 1 + len(KEYS)] = ["name:\n"]
    new = "".join(lines)
    return new, line_of(new, "name:"), 1, "name: is empty — write " + ", ".join(f"{k}:" for k in KEYS[:-1]) + f" and {KEYS[-1]}: under it, each on its own line indented 2 spaces"


@case("a block where a list belongs")
def _(text):
    new = text.replace("organisers:\n- name:", "organisers:\n  name:")
    return new, line_of(new, "organisers:"), 1, "organisers: must be a list: put each item on its own line starting with '- '"


@case("an organiser without its role")
def _(text):
    new = text.replace("  role: administrator\n", "", 1)
    return new, line_of(new, "- name:") , 3, "organisers[1].role: this field is required — add 'role:' (The role: administrator, responsible (the party responsible for the project, 'vastuutaho'), co_implementer, partner, coordinator or funder.)"


@case("source written per variant")
def _(text):
    new = text.replace("  title: Alueelliset hankkeet Suomen mallia rakentamassa", "  title:\n      fi: A\n      sv: B\n      selko: C")
    line = line_of(new, "title:", after="sources:")
    return new, line, key_col(new, line), f"sources[1].title: is written once, as it stands in the source — not separately for {EVERY}"


@case("the old source: line")
def _(text):
    new = text.replace("\nsources:", "\nsource: Alueelliset hankkeet Suomen mallia rakentamassa\nsources:")
    return new, line_of(new, "source: Alueelliset"), 1, "source: unknown field 'source' — did you mean 'sources'?"


@case("javascript: link")
def _(text):
    new = text.replace("url: ''", "url: javascript:alert(document.cookie)")
    line = line_of(new, "url: javascript")
    return new, line, 3, "sources[1].url: 'javascript:' addresses are not allowed — only https://, http:// or mailto:"


@case("data: link")
def _(text):
    new = text.replace("url: ''", "url: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='")
    return new, line_of(new, "url: 'data:"), 3, "sources[1].url: 'data:' addresses are not allowed — only https://, http:// or mailto:"


@case("JavaScript: link in capitals")
def _(text):
    new = text.replace("url: ''", "url: JavaScript:alert(1)")
    return new, line_of(new, "url: JavaScript"), 3, "sources[1].url: 'javascript:' addresses are not allowed"


@case("link without https://")
def _(text):
    new = text.replace("url: ''", "url: www.thl.fi/hb")
    return new, line_of(new, "url: www"), 3, "sources[1].url: a web address must start with https:// (or http:// or mailto:), in lowercase"


@case("link with a space")
def _(text):
    new = text.replace("url: ''", "url: https://thl.fi/henkilökohtainen budjetointi")
    return new, line_of(new, "url: https"), 3, "sources[1].url: a web address cannot contain spaces"


@case("link with a quote mark")
def _(text):
    new = text.replace("url: ''", "url: 'https://thl.fi/\"onmouseover=\"alert(1)'")
    return new, line_of(new, "url: 'https"), 3, "sources[1].url: a web address cannot contain \""


@case("link with no host")
def _(text):
    new = text.replace("url: ''", "url: https://")
    return new, line_of(new, "url: https"), 3, "sources[1].url: this is not a complete web address"


@case("date in Finnish form")
def _(text):
    new = text.replace("\nsources:", "\nstart: 8.1.2020\nsources:")
    return new, line_of(new, "start:"), 1, 'start: a date is written year-month-day in quotes, for example "2020-01-08"'


@case("impossible date")
def _(text):
    new = text.replace("\nsources:", "\nend: 2021-02-30\nsources:")
    return new, line_of(new, "end:"), 1, "end: 2021-02-30 is not a real date: check the day and the month"


@case("quote translation missing")
def _(text):
    new = drop_line(text, "selko: Lainauksen käännös (selko)")
    return new, line_of(new, "translations:"), 3, "quotes[1].translations: the translation for Selkosuomi (selko) is missing — the original text stays as it is"


@case("quote translated into its own language")
def _(text):
    new = text.replace("    sv: Lainauksen käännös (sv)", "    fi: Lainaus suomeksi\n    sv: Lainauksen käännös (sv)")
    return new, line_of(new, "fi: Lainaus suomeksi"), 5, "quotes[1].translations.fi: the original is already in 'fi' (lang: fi) — delete this translation"


@case("quote translation empty")
def _(text):
    new = text.replace("sv: Lainauksen käännös (sv)", "sv: ''")
    return new, line_of(new, "sv: ''"), 5, "quotes[1].translations: the Svenska translation (sv) is empty — write the translation"


@case("programme name with capitals and spaces")
def _(text):
    new = text.replace("programme: hb-kokeilu-2020-2021", "programme: HB kokeilu")
    return new, 3, 1, "programme: 'HB kokeilu' is not a record's name — write the file name of the programme without .yml"


@case("programme that does not exist")
def _(text):
    new = text.replace("programme: hb-kokeilu-2020-2021", "programme: hb-kokeilu-2020")
    return new, 3, 1, "programme: there is no programme 'hb-kokeilu-2020' (no file projects/…/hb-kokeilu-2020.yml with kind: programme) — did you mean 'hb-kokeilu-2020-2021'?"


@case("programme that is a project")
def _(text):
    new = text.replace("programme: hb-kokeilu-2020-2021", "programme: avain-kansalaisuuteen")
    return new, 3, 1, "programme: 'avain-kansalaisuuteen' is a project, not a programme — write the file name of a programme"


@case("publication of a project that does not exist", PUBLICATION)
def _(text):
    new = text.replace("project: avain-kansalaisuuteen", "project: avain-kansalaisuuten")
    return new, 3, 1, "project: there is no project / programme 'avain-kansalaisuuten' (no file projects/…/avain-kansalaisuuten.yml with kind: project / programme) — did you mean 'avain-kansalaisuuteen'?"


@case("publication of a publication", PUBLICATION)
def _(text):
    # A publication belongs to a project or a programme (the trial's final report), never to
    # another publication.
    new = text.replace("project: avain-kansalaisuuteen", "project: piirrosvideo")
    return new, 3, 1, "project: 'piirrosvideo' is a publication, not a project / programme"


@case("publication year in quotes", PUBLICATION)
def _(text):
    new = text.replace("year: 2019", "year: '2019'")
    return new, line_of(new, "year:"), 1, "year: must be a whole number without quotes, for example 16 (not \"2019\")"


@case("publication year out of range", PUBLICATION)
def _(text):
    new = text.replace("year: 2019", "year: 219")
    return new, line_of(new, "year:"), 1, "year: 219 is not possible — it must be at least 1990"


@case("extent zero", PUBLICATION)
def _(text):
    new = text.replace("value: 2", "value: 0")
    return new, line_of(new, "value: 0"), 3, "extent.value: must be more than 0"


@case("extent left empty", PUBLICATION)
def _(text):
    new = text.replace("value: 2", "value:")
    return new, line_of(new, "value:"), 3, "extent.value: is empty — write a whole number, for example 16"


@case("publication type not one of the choices", PUBLICATION)
def _(text):
    new = text.replace("type: animation_video", "type: video")
    return new, line_of(new, "type: video"), 1, "type: 'video' is not allowed — use one of 'animation_video', 'documentary_video'"


@case("title translation missing", PUBLICATION)
def _(text):
    new = drop_line(text, "sv: Julkaisun nimen käännös (sv)")
    return new, line_of(new, "translations:"), 3, "title.translations: the translation for Svenska (sv) is missing"


@case("schema line missing")
def _(text):
    new = text.split("\n", 1)[1]
    return new, 1, 1, "the first line must name the schema that gives the editor its autocomplete and checks — add this as line 1: # yaml-language-server: $schema=../../schemas/record.schema.json"


@case("schema line with a wrong path", PUBLICATION)
def _(text):
    new = text.replace("$schema=../../../schemas", "$schema=../../schemas")
    return new, 1, 1, "replace line 1 with: # yaml-language-server: $schema=../../../schemas/record.schema.json"


@pytest.mark.parametrize("slug, edit", CASES.values(), ids=CASES.keys())
def test_a_broken_record_gives_one_message_at_its_key(repo, slug, edit):
    rel = record_path(slug)
    text = (repo / rel).read_text(encoding="utf-8")
    new, line, column, message = edit(text)
    assert new != text, "the case did not change the record"
    (repo / rel).write_text(new, encoding="utf-8")
    problems = problems_of(repo)
    assert len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    assert (problem.file, problem.line, problem.column) == (rel, line, column), str(problem)
    assert message in problem.message, str(problem)


def test_every_text_of_a_record_is_required_in_every_variant(repo):
    """Drop each variant of each text in turn: each is reported (no page ever lacks a variant)."""
    rel = record_path(PROJECT)
    text = (repo / rel).read_text(encoding="utf-8")
    checked = 0
    for number, content in enumerate(text.splitlines(), 1):
        key = content.strip().split(":")[0]
        if key not in KEYS or content.strip().startswith("- "):
            continue
        lines = text.splitlines(keepends=True)
        del lines[number - 1]
        (repo / rel).write_text("".join(lines), encoding="utf-8")
        problems = problems_of(repo)
        assert len(problems) == 1 and f"({key}) is missing" in problems[0].message and NAMES[key] in problems[0].message, (number, [str(p) for p in problems])
        checked += 1
    assert checked >= 8 * len(KEYS) - 1


# ── file names ────────────────────────────────────────────────────────────────────────────
def another_project() -> dict:
    """The fixture project under names of its own (two records with one name are refused)."""
    return {**project(), "name": T("Toinen hanke"), "short_name": T("Toinen")}


@pytest.mark.parametrize(
    "name, message",
    [
        ("HeBu-Vantaa.yml", "the file name 'HeBu-Vantaa.yml' is the page address: use lowercase letters a–z, digits and hyphens only"),
        ("hebu vantaa.yml", "the file name 'hebu vantaa.yml' is the page address"),
        ("pääkaupunkiseutu.yml", "the file name 'pääkaupunkiseutu.yml' is the page address"),
        ("index.yml", "the file name 'index.yml' cannot be used: it is the address of the list page"),
        ("uusi-hanke.yaml", "record files end in .yml: rename the file to uusi-hanke.yml"),
    ],
)
def test_a_file_name_that_cannot_be_an_address(repo, name, message):
    data = another_project()
    rel = f"projects/{PROGRAMME}/{name}"
    write_record(repo, rel, data)
    problems = problems_of(repo)
    assert [(p.file, p.line, p.column) for p in problems] == [(rel, 1, 1)], [str(p) for p in problems]
    assert message in problems[0].message


def test_the_same_file_name_in_two_folders(repo):
    second = f"projects/{STANDALONE}/{PROJECT}.yml"
    write_record(repo, second, another_project())
    first, later = sorted([second, record_path(PROJECT)])  # files are read in path order
    problems = problems_of(repo)
    assert [str(p) for p in problems] == [
        f"{later}:1:1: the file name '{PROJECT}' is already used by {first}: "
        "every record needs its own file name, because the name is the page address"
    ]


# ── one run, every problem ─────────────────────────────────────────────────────────────────
def test_one_run_reports_every_problem_in_every_file_in_order(repo):
    project_rel, publication_rel = record_path(PROJECT), record_path(PUBLICATION)
    text = (repo / project_rel).read_text(encoding="utf-8")
    text = drop_line(text, "sv: Tavoitteet (sv)").replace("summary:", "summry:").replace("role: administrator", "role: boss")
    (repo / project_rel).write_text(text, encoding="utf-8")
    pub = (repo / publication_rel).read_text(encoding="utf-8").replace("url: https://example.org/avain-lahde", "url: javascript:alert(1)")
    (repo / publication_rel).write_text(pub, encoding="utf-8")
    (repo / f"projects/{PROGRAMME}/tyhja.yml").write_text("", encoding="utf-8")
    (repo / f"projects/{PROGRAMME}/sarkain.yml").write_text("kind: project\nname:\n\tfi: A\n", encoding="utf-8")
    problems = problems_of(repo)
    files = [p.file for p in problems]
    assert files == sorted(files)
    assert {p.file for p in problems} == {project_rel, publication_rel, f"projects/{PROGRAMME}/tyhja.yml", f"projects/{PROGRAMME}/sarkain.yml"}
    messages = "\n".join(map(str, problems))
    for expected in ("summry: unknown field", "aims: the Svenska text (sv) is missing", "'boss' is not allowed",
                     "'javascript:' addresses are not allowed", "the file is empty", "a tab character",
                     "the first line must name the schema"):
        assert expected in messages, messages


def test_a_record_with_problems_does_not_make_the_records_that_point_at_it_fail(repo):
    rel = record_path(STANDALONE)
    text = (repo / rel).read_text(encoding="utf-8").replace("summary:", "summry:")
    (repo / rel).write_text(text, encoding="utf-8")
    problems = problems_of(repo)
    assert [p.file for p in problems] == [rel], "the publication of the broken project is not blamed"


# ── site.yml ───────────────────────────────────────────────────────────────────────────────
def site_problems(repo: Path, edit) -> list:
    path = repo / "site.yml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return validate_site_file(repo, site_schema_for(KEYS), VARIANTS)[1]


def test_site_yml_interface_string_missing_a_variant(repo):
    text = (repo / "site.yml").read_text(encoding="utf-8")
    dropped = line_of(text, "selko:", after="strings:")
    lines = text.splitlines()
    key_line = max(n for n in range(1, dropped) if lines[n - 1].startswith("  ") and lines[n - 1][2] not in " #")
    key = lines[key_line - 1].strip().rstrip(":")
    problems = site_problems(repo, lambda t: drop_line(t, "selko:", after="strings:"))
    assert [(p.file, p.line, p.column) for p in problems] == [("site.yml", key_line, 3)], [str(p) for p in problems]
    assert problems[0].message == f"strings.{key}: the Selkosuomi text (selko) is missing — every text needs {EVERY}"


@pytest.mark.parametrize(
    "setting, value, message",
    [
        ("feedback_email", '"saavutettavuus(at)thl.fi"', "settings.statement.feedback_email: this is not an e-mail address: write it as name@example.fi"),
        ("conformance", '"osittain"', "settings.statement.conformance: 'osittain' is not allowed — use one of '', 'full', 'partial' or 'none'"),
        ("prepared_on", '"1.2.2025"', "settings.statement.prepared_on: a date is written year-month-day in quotes"),
    ],
)
def test_site_yml_statement_settings(repo, setting, value, message):
    def edit(text: str) -> str:
        if f"    {setting}:" in text:
            return replace_line(text, f"    {setting}:", f"    {setting}: {value}")
        return text.replace("  statement:\n", f"  statement:\n    {setting}: {value}\n", 1)

    problems = site_problems(repo, edit)
    text = (repo / "site.yml").read_text(encoding="utf-8")
    assert [(p.file, p.line, p.column) for p in problems] == [("site.yml", line_of(text, f"    {setting}:"), 5)], [str(p) for p in problems]
    assert message in problems[0].message


def test_site_yml_needs_its_schema_line(repo):
    problems = site_problems(repo, lambda t: "\n".join(line for line in t.splitlines() if "yaml-language-server" not in line) + "\n")
    assert [str(p) for p in problems] == [
        "site.yml:1:1: the first line must name the schema that gives the editor its autocomplete and checks — add this as line 1: # yaml-language-server: $schema=schemas/site.schema.json"
    ]


def test_text_values_keep_yaml_1_1_words_and_leading_zeros(repo):
    rel = record_path(PROJECT)
    text = (repo / rel).read_text(encoding="utf-8")
    text = text.replace("fi: Vantaa (fi)", "fi: on").replace("sv: Vantaa (sv)", "sv: 'no'").replace("selko: Vantaa (selko)", "selko: 00100")
    (repo / rel).write_text(text, encoding="utf-8")
    records, problems = validate(repo, SCHEMA, VARIANTS)
    assert problems == []
    region = records.by_slug()[PROJECT].record.region
    assert (region.fi, region.sv, region.selko) == ("on", "no", "00100")


def test_the_fixture_text_helper_matches_the_variants():
    assert set(T("x")) == set(KEYS)
    assert record_text(Path("/r"), record_path(PROJECT), project()).startswith("# yaml-language-server: $schema=../../schemas/record.schema.json\n")
    assert publication()["project"] == STANDALONE


def test_a_record_that_cannot_be_read_is_reported_once_not_at_every_link_to_it(repo):
    rel = record_path(PROGRAMME)
    (repo / rel).write_text((repo / rel).read_text(encoding="utf-8") + "  sv: on\n", encoding="utf-8")
    problems = problems_of(repo)
    assert [p.file for p in problems] == [rel], [str(p) for p in problems]


def test_site_yml_interface_text_name_with_capitals(repo):
    def edit(text: str) -> str:
        return text.replace("strings:\n", "strings:\n  Oma-Teksti:\n" + "".join(f"    {k}: x\n" for k in KEYS), 1)

    problems = site_problems(repo, edit)
    text = (repo / "site.yml").read_text(encoding="utf-8")
    assert [str(p) for p in problems] == [
        f"site.yml:{line_of(text, 'Oma-Teksti:')}:3: strings.Oma-Teksti: the name 'Oma-Teksti' may only contain lowercase letters a–z, digits and '_'"
    ]


# ── two records with one name ─────────────────────────────────────────────────────────────
def test_two_records_with_the_same_name_are_refused_naming_both_files_and_lines(repo):
    second = f"projects/{PROGRAMME}/hebu-kopio.yml"
    data = {**project(), "short_name": T("Kopio")}  # the same name, another short name
    data["name"] = {**T("Vantaan HeBu"), "sv": "vantaan HEBU   (sv)"}  # letter case and spaces do not make another name
    write_record(repo, second, data)
    first_text = (repo / second).read_text(encoding="utf-8")  # 'hebu-kopio' comes before 'hebu-vantaa'
    later_text = (repo / record_path(PROJECT)).read_text(encoding="utf-8")
    problems = problems_of(repo)
    expected = []
    for key in KEYS:
        first_line = line_of(first_text, f"{key}: ", after="name:")
        later_line = line_of(later_text, f"{key}: ", after="name:")
        expected.append(
            f"{record_path(PROJECT)}:{later_line}:3: name.{key}: '{T('Vantaan HeBu')[key]}' is already the name of another record "
            f"({second}:{first_line}:3): two records with one name look like one in every list and link — give this one its own name"
        )
    assert [str(p) for p in problems] == expected


def test_two_projects_with_the_same_short_name_are_refused(repo):
    second = f"projects/{PROGRAMME}/toinen.yml"
    write_record(repo, second, {**project(), "name": T("Toinen hanke")})
    problems = problems_of(repo)  # records are compared in the order of their file names
    assert {p.file for p in problems} == {second}, [str(p) for p in problems]
    assert [p.message.split(":")[0] for p in problems] == [f"short_name.{key}" for key in KEYS]
    assert all(f"({record_path(PROJECT)}:" in p.message for p in problems)


# ── what a record's values may not do ────────────────────────────────────────────────────
URLS = {
    "user and password": ("https://kayttaja:salasana@www.vantaa.fi/hebu",
                          "the address has a user name or password before '@' (kayttaja:salasana@): the link would go to 'www.vantaa.fi', not to the site the text before '@' names, and a password must never be in a page — write the address without it"),
    "a site name before @": ("https://www.thl.fi@example.org/",
                             "the address has a user name or password before '@' (www.thl.fi@): the link would go to 'example.org'"),
    "Cyrillic lookalike in the host": ("https://www.v\u0430ntaa.fi/",
                                       "the site name 'www.v\u0430ntaa.fi' has letters of another alphabet ('\u0430' CYRILLIC SMALL LETTER A) that only look like Latin ones: the link would go to another site than it seems — type the address with the keyboard"),
    "punycode lookalike": ("https://xn--80ak6aa92e.com/",
                           "the site name '\u0430\u0440\u0440\u04cf\u0435.com' has letters of another alphabet"),
    "punycode of Latin letters": ("https://xn--mnchen-3ya.de/",
                                  "the site name is written in its coded form 'xn--mnchen-3ya.de', which reviewers cannot read: write it with its letters, 'münchen.de'"),
    "division slash": ("https://www.thl.fi\u2215hb",
                       "the address has '\u2215' (U+2215 DIVISION SLASH), which only looks like '/': copy the address again from the browser's address bar"),
    "fullwidth full stop": ("https://www.thl\uff0efi/",
                            "the address has '\uff0e' (U+FF0E FULLWIDTH FULL STOP), which only looks like '.'"),
    "a machine's number": ("http://192.168.1.10/hb",
                           "the address goes to '192.168.1.10', a machine's number or a local name, not a public site: write the site's own address (https://www.example.fi/…)"),
    "a local name": ("http://intranet/hb", "the address goes to 'intranet', a machine's number or a local name"),
    "absurdly long": ("https://www.thl.fi/" + "a" * 2100, "this web address is 2119 characters long, at most 2000"),
}


@pytest.mark.parametrize("url, message", URLS.values(), ids=URLS.keys())
def test_a_link_that_would_go_elsewhere_than_it_seems_is_refused(repo, url, message):
    rel = record_path(PROJECT)
    text = (repo / rel).read_text(encoding="utf-8").replace("url: ''", f"url: '{url}'", 1)
    (repo / rel).write_text(text, encoding="utf-8")
    problems = problems_of(repo)
    line = line_of(text, "url: '")
    if "\u0430" in url:  # the lookalike word is refused as such too, at its letter
        mixed = [p for p in problems if "mixes letters of different alphabets" in p.message]
        assert [(p.line, p.column) for p in mixed] == [(line, text.splitlines()[line - 1].index("\u0430") + 1)]
        problems = [p for p in problems if p not in mixed]
    assert [(p.file, p.line, p.column) for p in problems] == [(rel, line, key_col(text, line))], [str(p) for p in problems]
    assert problems[0].message.startswith(message), str(problems[0])


def test_a_no_break_space_inside_a_web_address_is_refused(repo):
    rel = record_path(PROJECT)
    text = (repo / rel).read_text(encoding="utf-8").replace("url: ''", "url: 'https://www.vantaa.fi/he\u00a0bu'", 1)
    (repo / rel).write_text(text, encoding="utf-8")
    problems = problems_of(repo)
    assert len(problems) == 1 and "a web address cannot contain spaces" in problems[0].message, [str(p) for p in problems]


def test_ordinary_addresses_pass(repo):
    for url in ("https://www.vantaa.fi/fi/hebu?a=1&b=2#osa", "https://münchen.de/", "https://fi.wikipedia.org/wiki/Henkilökohtainen_budjetointi"):
        rel = record_path(PROJECT)
        data = project()
        data["sources"][0]["url"] = url
        write_record(repo, rel, data)
        assert problems_of(repo) == [], url


def test_an_absurdly_long_text_is_refused_at_its_key(repo):
    rel = record_path(PROJECT)
    data = project()
    data["aims"] = {**T("Tavoitteet"), "sv": "Mål. " * 1200}
    write_record(repo, rel, data)
    text = (repo / rel).read_text(encoding="utf-8")
    problems = problems_of(repo)
    line = line_of(text, "sv: ", after="aims:")
    assert [str(p) for p in problems] == [
        f"{rel}:{line}:3: this text is 6000 characters long, at most 5000: a text this long is not read on a web page and cannot be reviewed — shorten it or split it"
    ]


def test_a_hidden_character_in_a_record_is_refused_and_the_record_left_out(repo):
    rel = record_path(PROJECT)
    data = project()
    data["summary"] = {**T("Tiivistelmä"), "fi": "Hanke \u202eakkin"}
    write_record(repo, rel, data)
    text = (repo / rel).read_text(encoding="utf-8")
    records, problems = validate(repo, SCHEMA, VARIANTS)
    line = line_of(text, "Hanke ")
    assert [(p.line, p.column) for p in problems] == [(line, text.splitlines()[line - 1].index("\u202e") + 1)]
    assert "Trojan Source" in problems[0].message
    assert PROJECT not in [e.slug for e in records.all()]
