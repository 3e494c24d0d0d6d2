"""Sources, state grants and link targets (issue #9): what `check` says about them, and how the
pages show them in every variant."""
from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from hbsite.build import load_content, render_pages
from hbsite.gaps import find_gaps
from hbsite.model import schema_for
from hbsite.render import HAND_WRITTEN, Renderer
from hbsite.validate import validate
from tests.hb_fixtures import (
    KEYS,
    PROGRAMME,
    PROJECT,
    PUBLICATION,
    ROOT,
    STANDALONE,
    VARIANTS,
    T,
    key_col,
    line_of,
    make_repo,
    project,
    record_path,
    write_record,
)

SCHEMA = schema_for(KEYS)
NBSP = "\u00a0"
BY_KEY = {v.key: v for v in VARIANTS}
EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]


@pytest.fixture
def repo(tmp_path) -> Path:
    repo = make_repo(tmp_path / "repo")
    for variant in VARIANTS:  # the hand-written pages, wherever make_repo put them
        for path in HAND_WRITTEN if isinstance(HAND_WRITTEN, tuple) else HAND_WRITTEN.values():
            target = repo / "docs" / variant.folder / path
            if not target.exists() and (ROOT / "docs" / variant.folder / path).exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / "docs" / variant.folder / path, target)
    return repo


def another_project(label: str) -> dict:
    """The fixture project under another name (every record needs its own)."""
    return project() | {"name": T(label), "short_name": T(label)}


def problems_of(root: Path) -> list[str]:
    return [str(p) for p in validate(root, SCHEMA, VARIANTS)[1]]


def edit(repo: Path, slug: str, old: str, new: str) -> str:
    path = repo / record_path(slug)
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def one_problem(repo: Path, slug: str, line: int, col: int, message: str) -> None:
    problems = problems_of(repo)
    assert len(problems) == 1, problems
    assert problems[0] == f"{record_path(slug)}:{line}:{col}: {message}"


# ── check: each new mistake, one message at its place ──────────────────────────────────────
def test_the_same_address_twice_is_refused_at_the_second_source(repo):
    text = edit(repo, PROJECT, "url: ''\n", "url: https://example.org/avustukset\n")
    line = line_of(text, "url: https://example.org/avustukset", after="url: https://example.org/avustukset")
    one_problem(repo, PROJECT, line, key_col(text, line),
                "sources[2].url: this address is already listed as source 1: list each source once — put all the fields it supports in one source's supports:")


def test_supports_names_only_fields_of_the_record(repo):
    text = edit(repo, PROJECT, "  - grant\n", "  - grant\n  - granted\n")
    line = line_of(text, "- granted")
    fields = ", ".join(n for n in SCHEMA.Project.model_fields if n not in ("kind", "sources", "unknown", "notes", "fingerprints"))
    one_problem(repo, PROJECT, line, 5,
                f"sources[2].supports[2]: 'granted' is not a field of a project — use the name of a field of this record: {fields}")
    assert fields.startswith("programme, name, short_name") and "grant" in fields and "link" in fields


def test_a_grant_without_a_source_that_supports_it_is_refused(repo):
    text = edit(repo, PROJECT, "  - grant\n", "  - start\n")
    one_problem(repo, PROJECT, line_of(text, "grant:"), 1,
                "grant: a state grant needs its source — add grant to the supports: list of the source that gives the amount and the date (for example supports: [grant])")


def test_the_day_a_source_was_read_is_a_real_day_not_in_the_future(repo):
    text = edit(repo, PROGRAMME, "read_on: '2026-12-01'", "read_on: '2999-01-01'")
    line = line_of(text, "read_on:")
    one_problem(repo, PROGRAMME, line, 3, f"sources[1].read_on: 2999-01-01 is in the future — write the day it happened (today is {__import__('datetime').date.today().isoformat()} at the latest)")
    text = edit(repo, PROGRAMME, "read_on: '2999-01-01'", "read_on: '2026-02-30'")
    one_problem(repo, PROGRAMME, line, 3, "sources[1].read_on: 2026-02-30 is not a real date: check the day and the month")
    edit(repo, PROGRAMME, "read_on: '2026-02-30'", "read_on: ''")
    one_problem(repo, PROGRAMME, line, 3, 'sources[1].read_on: is empty — write the date in quotes, for example "2026-12-02"')


@pytest.mark.parametrize("url, message", [
    ("mailto:tieto@example.fi", "only a web page can be a source or a link target: write an address that starts with https:// (an e-mail address is not allowed here)"),
    ("ftp://example.org/x", "'ftp:' addresses are not allowed — only https://, http:// or mailto:"),
    ("www.example.org", "a web address must start with https://"),
])
def test_a_source_address_is_a_web_address(repo, url, message):
    text = edit(repo, PROGRAMME, "url: https://example.org/alueelliset-hankkeet", f"url: {url}")
    problems = problems_of(repo)
    assert len(problems) == 1 and problems[0].startswith(f"{record_path(PROGRAMME)}:{line_of(text, 'url:')}:3: sources[1].url: {message}"), problems


def test_a_link_has_one_target_per_language_and_each_has_an_address(repo):
    text = edit(repo, STANDALONE, "    lang: fi\n", "    lang: fi\n  - url: https://example.org/avain-2\n    lang: fi\n")
    line = line_of(text, "lang: fi", after="avain-2")
    one_problem(repo, STANDALONE, line, 5, "link.targets[2].lang: target 1 is already in 'fi': give one target per language — delete one of them")
    text = edit(repo, STANDALONE, "url: https://example.org/avain-2", "url: ''")
    line = line_of(text, "- url: ''", after="targets:")
    problems = problems_of(repo)
    assert f"{record_path(STANDALONE)}:{line}:5: link.targets[2].url: is empty — write the address of the page the link goes to, or delete this target (write targets: [] when no address is known)" in problems


def test_the_old_fields_are_refused_with_the_new_names(repo):
    text = edit(repo, PROJECT, "link:\n", "link:\n  url: https://example.org/x\n")
    one_problem(repo, PROJECT, line_of(text, "url: https://example.org/x"), 3, "link.url: unknown field 'url' — allowed here: text, targets")
    text = edit(repo, PROJECT, "  url: https://example.org/x\n", "")
    text = edit(repo, PROJECT, "\nsources:", "\nsource: Alueelliset hankkeet\nsources:")
    one_problem(repo, PROJECT, line_of(text, "source: Alueelliset"), 1, "source: unknown field 'source' — did you mean 'sources'?")


def test_a_grant_amount_is_a_whole_number_without_spaces(repo):
    text = edit(repo, PROJECT, "amount: 535952", "amount: 535 952")
    one_problem(repo, PROJECT, line_of(text, "amount:"), 3, 'grant.amount: must be a whole number without quotes, for example 16 (not "535 952")')


# ── pages ──────────────────────────────────────────────────────────────────────────────────
def pages(repo: Path) -> dict[tuple[str, str], str]:
    content = load_content(repo)
    assert content.problems == [], content.problems
    return {(p.variant, p.path): p.markdown for p in render_pages(content)}


def html(md: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(md, extensions=EXTENSIONS), "html.parser")


def section(md: str, heading: str) -> BeautifulSoup:
    """The HTML of a page's section from `## heading` to the next `## `."""
    start = md.index(f"## {heading}\n")
    end = md.find("\n## ", start + 1)
    return html(md[start:] if end < 0 else md[start:end])


GRANT = {  # the fixture's grant, on the project page, as each variant writes money
    "fi": ("Valtionavustus", f"Hanke sai valtionavustusta 535{NBSP}952{NBSP}€."),
    "sv": ("Statsunderstöd", f"Projektet fick 535{NBSP}952{NBSP}€ i statsunderstöd."),
    "selko": ("Raha valtiolta", f"Valtio antoi hankkeelle rahaa 535{NBSP}952{NBSP}euroa."),
    "lattlast": ("Pengar från staten", f"Staten gav projektet 535{NBSP}952{NBSP}euro."),
}


@pytest.mark.parametrize("key", KEYS)
def test_the_grant_shows_on_the_project_page_in_every_variant(repo, key):
    md = pages(repo)[(key, f"hankkeet/{PROJECT}.md")]
    heading, sentence = GRANT[key]
    grant = section(md, heading)
    assert grant.p.get_text() == sentence
    items = [li.get_text(" ") for li in grant.find_all("li")]
    assert items[0].endswith(T("Sosiaali- ja terveysministeriö")[key]) and items[1].endswith(T("Vantaan kaupunki")[key])
    assert items[2].endswith("17.9.2020")


def test_the_programme_page_adds_up_its_projects_grants(repo):
    second = another_project("Toinen") | {"grant": project()["grant"] | {"amount": 390448}}
    write_record(repo, f"projects/{PROGRAMME}/toinen-hanke.yml", second)
    rendered = pages(repo)
    expected = {"fi": ("Hankkeita: 2", f"Valtionavustukset yhteensä: 926{NBSP}400{NBSP}€"),
                "sv": ("Projekt: 2", f"Statsunderstöd sammanlagt: 926{NBSP}400{NBSP}€"),
                "selko": ("Hankkeita: 2", f"Valtio antoi hankkeille rahaa yhteensä: 926{NBSP}400{NBSP}euroa")}
    for key, (count, total) in expected.items():
        items = [li.get_text() for li in html(rendered[(key, f"hankkeet/{PROGRAMME}.md")]).find_all("li")]
        assert count in items and total in items, items

    third = another_project("Kolmas")
    del third["grant"]
    write_record(repo, f"projects/{PROGRAMME}/kolmas-hanke.yml", third)
    items = [li.get_text() for li in html(pages(repo)[("fi", f"hankkeet/{PROGRAMME}.md")]).find_all("li")]
    assert "Hankkeita: 3" in items
    assert f"Valtionavustukset yhteensä: 926{NBSP}400{NBSP}€ (avustus tiedossa 2 hankkeelta 3 hankkeesta)" in items, items


def test_a_link_goes_to_the_target_in_the_pages_language_or_says_which_language_it_is_in(repo):
    rendered = pages(repo)
    links = {key: html(rendered[(key, f"hankkeet/{STANDALONE}.md")]).find("a", href="https://example.org/avain") for key in KEYS}
    assert links["fi"].get_text() == "Avain-hankkeen sivu (fi)" and not links["fi"].has_attr("hreflang")
    assert links["selko"].get_text() == "Avain-hankkeen sivu (selko)" and not links["selko"].has_attr("hreflang"), "selko pages are in Finnish"
    assert links["sv"].get_text() == "Avain-hankkeen sivu (sv) (på finska)" and links["sv"]["hreflang"] == "fi"

    edit(repo, STANDALONE, "    lang: fi\n", "    lang: fi\n  - url: https://example.org/sv/avain\n    lang: sv\n")
    rendered = pages(repo)
    sv = html(rendered[("sv", f"hankkeet/{STANDALONE}.md")])
    assert sv.find("a", href="https://example.org/avain") is None
    chosen = sv.find("a", href="https://example.org/sv/avain")
    assert chosen.get_text() == "Avain-hankkeen sivu (sv)" and not chosen.has_attr("hreflang")
    assert html(rendered[("fi", f"hankkeet/{STANDALONE}.md")]).find("a", href="https://example.org/avain") is not None

    edit(repo, STANDALONE, "  - url: https://example.org/avain\n    lang: fi\n", "")  # only the Swedish page is left
    fi = html(pages(repo)[("fi", f"hankkeet/{STANDALONE}.md")]).find("a", href="https://example.org/sv/avain")
    assert fi.get_text() == "Avain-hankkeen sivu (fi) (ruotsiksi)" and fi["hreflang"] == "sv"


def test_a_link_without_a_target_shows_no_link(repo):
    md = pages(repo)[("fi", f"hankkeet/{PROJECT}.md")]
    more = section(md, "Lisätietoa")
    assert more.find("a") is None and more.p.get_text() == "Linkin osoite ei ole vielä tiedossa."


@pytest.mark.parametrize("key, heading, entries", [
    ("fi", "Lähteet", ["Alueelliset hankkeet Suomen mallia rakentamassa, luettu 1.12.2026",
                       "Sosiaali- ja terveysministeriö: Valtionavustukset 2020, luettu 1.12.2026"]),
    ("sv", "Källor", ["Alueelliset hankkeet Suomen mallia rakentamassa (på finska), läst 1.12.2026",
                      "Sosiaali- ja terveysministeriö: Valtionavustukset 2020 (på finska), läst 1.12.2026"]),
    ("selko", "Mistä tiedot ovat", ["Alueelliset hankkeet Suomen mallia rakentamassa, luettu 1.12.2026",
                                    "Sosiaali- ja terveysministeriö: Valtionavustukset 2020, luettu 1.12.2026"]),
])
def test_a_project_page_ends_with_its_sources(repo, key, heading, entries):
    md = pages(repo)[(key, f"hankkeet/{PROJECT}.md")]
    assert md.rstrip().splitlines()[-len(entries) - 2] == f"## {heading}", "the sources are the page's last section"
    sources = section(md, heading)
    assert [li.get_text() for li in sources.find_all("li")] == entries
    first, second = sources.find_all("li")
    assert first.find("a") is None, "no address, no link"
    link = second.find("a")
    assert link["href"] == "https://example.org/avustukset" and link.get_text().startswith("Valtionavustukset 2020")
    if key == "sv":
        assert link["hreflang"] == "fi" and link.find("span", lang="fi").get_text() == "Valtionavustukset 2020"
        assert first.find("span", lang="fi").get_text() == "Alueelliset hankkeet Suomen mallia rakentamassa"
    else:
        assert not link.has_attr("hreflang") and second.find("span", lang=True) is None


def test_the_programme_page_and_the_publications_show_their_sources(repo):
    rendered = pages(repo)
    programme = section(rendered[("fi", f"hankkeet/{PROGRAMME}.md")], "Lähteet")
    assert [li.get_text() for li in programme.find_all("li")] == ["Suunta: Alueelliset hankkeet Suomen mallia rakentamassa, luettu 1.12.2026"]
    assert programme.find("a")["href"] == "https://example.org/alueelliset-hankkeet"
    item = next(li for li in html(rendered[("sv", "julkaisut/index.md")]).find_all("li") if li.find(id=PUBLICATION))
    assert "Källor: Suunta: Avain kansalaisuuteen (på finska), läst 1.12.2026" in item.get_text(), item.get_text()
    assert item.find("a", href="https://example.org/avain-lahde")["hreflang"] == "fi"
    # The project page lists its publications once and their sources with its own, each once.
    project = rendered[("sv", f"hankkeet/{STANDALONE}.md")]
    item = next(li for li in html(project).find_all("li") if li.find(id=PUBLICATION))
    assert "Källor" not in item.get_text()
    sources = [li.get_text() for li in section(project, "Källor").find_all("li")]
    assert sources.count("Suunta: Avain kansalaisuuteen (på finska), läst 1.12.2026") == 1, sources


# ── counts for the hand-written pages ──────────────────────────────────────────────────────
def helpers(repo: Path, key: str) -> dict:
    content = load_content(repo)
    return Renderer(content.root, content.variants, content.records, content.site)._helpers(BY_KEY[key], "index.md")


def test_counts_come_from_the_records(repo):
    fi, sv, selko = (helpers(repo, key) for key in ("fi", "sv", "selko"))
    assert fi["count_projects"](PROGRAMME) == 1 and fi["count_projects"]() == 2
    assert fi["count_publications"](STANDALONE) == 1 and fi["count_publications"](PROJECT) == 0
    assert fi["count_items"](STANDALONE, "pilots") == 1
    assert (fi["number_word"](1), sv["number_word"](1), selko["number_word"](1)) == ("yksi", "en", "1")
    for slug in ("kolmas", "neljas"):
        write_record(repo, f"projects/{PROGRAMME}/{slug}.yml", another_project(slug))
    fi, sv, selko = (helpers(repo, key) for key in ("fi", "sv", "selko"))
    n = fi["count_projects"](PROGRAMME)
    assert (n, fi["number_word"](n), sv["number_word"](n), selko["number_word"](n)) == (3, "kolme", "tre", "3")
    assert fi["number_word"](40) == "40"
    assert fi["grant_total"](PROGRAMME) == f"1{NBSP}607{NBSP}856{NBSP}€"
    with pytest.raises(KeyError, match="count_projects\\('hb-kokeilu'\\): there is no programme 'hb-kokeilu'"):
        fi["count_projects"]("hb-kokeilu")
    with pytest.raises(KeyError, match="'region' is not a list field of a project"):
        fi["count_items"](STANDALONE, "region")


# ── gaps ───────────────────────────────────────────────────────────────────────────────────
def test_gaps_list_links_without_targets_and_sources_without_address_or_publisher(repo):
    records, problems = validate(repo, SCHEMA, VARIANTS)
    assert problems == []
    gaps = {(g.file, g.field): g for g in find_gaps(records, None)}
    project_text = (repo / record_path(PROJECT)).read_text(encoding="utf-8")
    assert gaps[(record_path(PROJECT), "link.targets")].line == line_of(project_text, "targets: []")
    assert gaps[(record_path(PROJECT), "sources[1].url")].line == line_of(project_text, "url: ''", after="sources:")
    assert gaps[(record_path(PROJECT), "sources[1].publisher")].what == "missing publisher: who published the source 'Alueelliset hankkeet Suomen mallia rakentamassa' is not confirmed"
    assert (record_path(PROJECT), "sources[2].url") not in gaps and (record_path(STANDALONE), "link.targets") not in gaps

    # The same source cited without its address by two records is one gap, naming the other.
    write_record(repo, f"projects/{PROGRAMME}/toinen-hanke.yml", another_project("Toinen"))
    records, _ = validate(repo, SCHEMA, VARIANTS)
    unsourced = [g for g in find_gaps(records, None) if g.field == "sources[1].url"]
    assert [(g.file, g.what.endswith(f"(also cited without it in projects/{PROGRAMME}/toinen-hanke.yml)")) for g in unsourced] == [(record_path(PROJECT), True)]


def test_a_count_of_a_record_that_does_not_exist_is_a_problem_at_the_page(repo):
    from hbsite.problems import ProblemsFound

    page = repo / "docs" / "fi" / "index.md"
    page.write_text("# Etusivu\n\nKokeilussa oli {{ number_word(count_projects('hb-kokeilu')) }} hanketta.\n", encoding="utf-8")
    content = load_content(repo)
    with pytest.raises(ProblemsFound) as found:
        render_pages(content)
    assert [(p.file, p.line) for p in found.value.problems] == [("docs/fi/index.md", 3)]
    assert "count_projects('hb-kokeilu'): there is no programme 'hb-kokeilu'" in found.value.problems[0].message


def test_a_hand_written_page_prints_counts_from_the_records(repo):
    for key in KEYS:
        (repo / "docs" / BY_KEY[key].folder / "index.md").write_text(
            "# X\n\n{{ number_word(count_projects('" + PROGRAMME + "')) }} / {{ count_publications('" + STANDALONE + "') }} / {{ grant_total('" + PROGRAMME + "') }}\n",
            encoding="utf-8")
    rendered = pages(repo)
    assert html(rendered[("fi", "index.md")]).p.get_text() == f"yksi / 1 / 535{NBSP}952{NBSP}€"
    assert html(rendered[("sv", "index.md")]).p.get_text() == f"en / 1 / 535{NBSP}952{NBSP}€"
    assert html(rendered[("selko", "index.md")]).p.get_text() == f"1 / 1 / 535{NBSP}952{NBSP}euroa"
