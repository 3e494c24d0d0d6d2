"""Messages in the editor's language: every message of the code has its Finnish in
hbsite/locale/fi/LC_MESSAGES/hb.po, the locale variables choose the language the standard way,
`check`, the gaps report and `new` speak Finnish or English, and the guide's table of common
messages follows the catalog."""
from __future__ import annotations

import ast
import os
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from hbsite import messages
from hbsite.cli import main, schema_documents
from hbsite.guide import END, START, messages_markdown, shown
from tests.hb_fixtures import EVERY, EVERY_FI, KEYS, PROJECT, PUBLICATION, STANDALONE, drop_line, line_of, make_repo, record_path, replace_line

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "hbsite" / "locale" / "fi" / "LC_MESSAGES" / "hb.po"
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def extracted() -> dict:
    """Every message of the code, as `pybabel extract -F babel.cfg -k N_` finds it: id → places."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    found: dict = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(ROOT / "hbsite", method_map, options_map, keywords=keywords):
        found.setdefault(message, []).append(f"hbsite/{filename}:{lineno}")
    return found


def catalog():
    with open(CATALOG, "rb") as handle:
        return read_po(handle, locale="fi")


def names(text: str) -> set[str]:
    """The {name}s a message fills in ("{{" is a literal brace)."""
    return {field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(text) if field}


def locale(monkeypatch, **values: str) -> None:
    """Exactly these locale variables, none of the others."""
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)


# ── the catalog covers the code ───────────────────────────────────────────────────────────
def test_the_code_has_messages_to_translate():
    found = extracted()
    assert len(found) > 300, len(found)
    assert "{field}: unknown field '{key}' — did you mean '{guess}'?" in found
    assert ("{count} problem {in_files}. Nothing was written: fix it and run again.",
            "{count} problems {in_files}. Nothing was written: fix them and run again.") in found


def test_every_message_of_the_code_is_translated_into_finnish():
    fi = catalog()
    missing, untranslated, fuzzy, lost = [], [], [], []
    for message_id, places in extracted().items():
        key = message_id[0] if isinstance(message_id, tuple) else message_id
        entry = fi.get(key)
        if entry is None or (isinstance(message_id, tuple) != isinstance(entry.id, tuple)):
            missing.append((message_id, places[0]))
            continue
        translations = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if not all(translations):
            untranslated.append((message_id, places[0]))
        if entry.fuzzy:
            fuzzy.append((message_id, places[0]))
        wanted = set().union(*(names(m) for m in (message_id if isinstance(message_id, tuple) else (message_id,))))
        for translation in translations:
            if translation and not wanted <= names(translation):
                lost.append((message_id, sorted(wanted - names(translation)), places[0]))
    how = "update hb.po (CONTRIBUTING.md → Viestit ja niiden käännökset)"
    assert not missing, f"not in hb.po — {how}: {missing}"
    assert not untranslated, f"no Finnish yet — {how}: {untranslated}"
    assert not fuzzy, f"marked fuzzy (not used): check the Finnish and remove '#, fuzzy': {fuzzy}"
    assert not lost, f"the Finnish loses a {{name}} of the message: {lost}"


def test_the_catalog_has_no_message_the_code_no_longer_has():
    in_code = {m[0] if isinstance(m, tuple) else m for m in extracted()}
    stale = [entry.id for entry in catalog() if entry.id and (entry.id[0] if isinstance(entry.id, tuple) else entry.id) not in in_code]
    assert not stale, f"remove these from hb.po (pybabel update … --ignore-obsolete): {stale}"
    assert not catalog().obsolete


def test_the_catalog_reads_and_every_translation_formats():
    """Each Finnish message can be filled in with its values (no stray brace)."""
    fi = catalog()
    for entry in fi:
        if not entry.id:
            continue
        for translation in entry.string if isinstance(entry.string, tuple) else (entry.string,):
            list(string.Formatter().parse(translation))  # raises ValueError on a broken brace


HELPERS = {"_", "ngettext", "N_"}


def test_every_message_is_one_literal_string():
    """_(), ngettext() and N_() take a literal (or a constant marked with N_()), never an
    f-string or a sum of strings: the translation could not move the values."""
    bad = []
    for path in sorted((ROOT / "hbsite").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {node.targets[0].id for node in ast.walk(tree) if isinstance(node, ast.Assign) and len(node.targets) == 1
                     and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Call)
                     and isinstance(node.value.func, ast.Name) and node.value.func.id == "N_"}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in HELPERS):
                continue
            for arg in node.args[:2 if node.func.id == "ngettext" else 1]:
                literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                marked = node.func.id == "_" and isinstance(arg, ast.Name) and arg.id in constants
                # _(RESERVED_SLUGS[slug]), _(HEADER[kind]), _(KINDS_HELP): dicts and constants of N_() messages
                looked_up = node.func.id == "_" and isinstance(arg, (ast.Subscript, ast.Name))
                if not (literal or marked or looked_up):
                    bad.append(f"{path.name}:{node.lineno}: {ast.unparse(arg)[:60]}")
    assert not bad, bad


# ── which language ────────────────────────────────────────────────────────────────────────
@pytest.mark.parametrize(
    "environ, expected",
    [
        ({"LANG": "fi_FI.UTF-8"}, "fi"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({}, "en"),
        ({"LANG": "sv_FI.UTF-8"}, "en"),  # no Swedish catalog: the messages' own language
        ({"LANGUAGE": "sv:fi", "LANG": "C.UTF-8"}, "fi"),  # the first language that has a catalog
        ({"LANGUAGE": "en", "LC_ALL": "fi_FI.UTF-8"}, "en"),
        ({"LANGUAGE": "fi", "LC_ALL": "C.UTF-8"}, "fi"),
        ({"LC_ALL": "fi_FI.UTF-8", "LC_MESSAGES": "C.UTF-8", "LANG": "C.UTF-8"}, "fi"),
        ({"LC_ALL": "C.UTF-8", "LC_MESSAGES": "fi_FI.UTF-8", "LANG": "fi_FI.UTF-8"}, "en"),
        ({"LC_MESSAGES": "fi_FI.UTF-8", "LANG": "C.UTF-8"}, "fi"),
        ({"LC_MESSAGES": "C.UTF-8", "LANG": "fi_FI.UTF-8"}, "en"),
        ({"LANGUAGE": "", "LANG": "fi_FI.UTF-8"}, "fi"),  # an empty variable does not count
        ({"LANG": "fi_FI@euro"}, "fi"),
    ],
)
def test_the_locale_variables_choose_the_language(monkeypatch, environ, expected):
    assert messages.language(environ) == expected
    locale(monkeypatch, **environ)
    assert messages.language() == expected
    assert messages._("The site cannot be shown") == {"fi": "Sivustoa ei voi näyttää", "en": "The site cannot be shown"}[expected]


def test_language_beats_lc_all_beats_lc_messages_beats_lang(monkeypatch):
    chain = ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"]
    for winner in range(len(chain)):
        for language, other in (("fi", "C.UTF-8"), ("en", "fi_FI.UTF-8")):
            environ = {name: other for name in chain[winner + 1:]}
            environ[chain[winner]] = "fi_FI.UTF-8" if language == "fi" else "C.UTF-8"
            if chain[winner] == "LANGUAGE":
                environ[chain[winner]] = language
            locale(monkeypatch, **environ)
            assert messages.language() == language, environ


def test_plural_messages_follow_the_count(monkeypatch):
    locale(monkeypatch, LANGUAGE="fi")
    one, many = "in {files} file", "in {files} files"
    assert messages.ngettext(one, many, 1).format(files=1) == "1 tiedostossa"
    text = messages.ngettext("{count} problem {in_files}. Nothing was written: fix it and run again.",
                             "{count} problems {in_files}. Nothing was written: fix them and run again.", 3)
    assert text.format(count=3, in_files="2 tiedostossa") == "3 virhettä 2 tiedostossa. Mitään ei kirjoitettu: korjaa virheet ja aja komento uudelleen."


# ── check, gaps and new in both languages ─────────────────────────────────────────────────
@pytest.fixture
def broken(tmp_path) -> tuple[Path, dict[str, int]]:
    """The fixture repo with four typical mistakes in two records."""
    repo = make_repo(tmp_path / "repo")
    project = repo / record_path(PROJECT)
    text = project.read_text(encoding="utf-8")
    at = {"aims": line_of(text, "aims:"), "summary": line_of(text, "summary:")}
    text = drop_line(text, "sv: Tavoitteet (sv)")
    text = replace_line(text, "summary:", "summry:")
    project.write_text(text, encoding="utf-8")
    publication = repo / record_path(PUBLICATION)
    text = publication.read_text(encoding="utf-8")
    at["language"] = line_of(text, "language: fi")
    at["quote"] = line_of(text, "type:")
    text = replace_line(text, "language: fi", "language: fin")
    text = replace_line(text, "type:", 'type: "animation_video')
    publication.write_text(text, encoding="utf-8")
    return repo, at


def run_check(repo: Path, **environ: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES + ("GITHUB_ACTIONS",)}
    env |= {"HB_ROOT": str(repo), **environ}
    return subprocess.run([sys.executable, str(ROOT / "build_pages.py"), "check"], capture_output=True, text=True, env=env)


def test_check_speaks_finnish_with_a_finnish_locale(broken):
    repo, at = broken
    result = run_check(repo, LANG="fi_FI.UTF-8")
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.splitlines()
    project, publication = record_path(PROJECT), record_path(PUBLICATION)
    expected = [
        f"{publication}:{at['quote']}:7: tästä alkavaa lainausmerkkiä \" ei ole suljettu: lopeta teksti merkkiin \" (kirjoita tekstin sisällä oleva \" muodossa \\\")",
        f"{project}:{at['summary']}:1: summry: tuntematon kenttä 'summry' — tarkoititko 'summary'?",
        f"{project}:{at['aims']}:1: aims: kieliversion Svenska (sv) teksti puuttuu — jokainen teksti kirjoitetaan kielillä {EVERY_FI}",
        "",
        "3 virhettä 2 tiedostossa. Mitään ei kirjoitettu: korjaa virheet ja aja komento uudelleen.",
    ]
    assert lines == expected, result.stderr
    assert "Traceback" not in result.stderr


def test_check_speaks_english_with_the_c_locale(broken):
    repo, at = broken
    result = run_check(repo, LANG="C.UTF-8")
    assert result.returncode == 1, result.stdout + result.stderr
    project, publication = record_path(PROJECT), record_path(PUBLICATION)
    assert result.stderr.splitlines() == [
        f"{publication}:{at['quote']}:7: the quotation mark \" that starts here is never closed: end the text with \" (write a \" inside the text as \\\")",
        f"{project}:{at['summary']}:1: summry: unknown field 'summry' — did you mean 'summary'?",
        f"{project}:{at['aims']}:1: aims: the Svenska text (sv) is missing — every text needs {EVERY}",
        "",
        "3 problems in 2 files. Nothing was written: fix them and run again.",
    ], result.stderr


def test_a_value_outside_the_choices_is_listed_in_the_editors_language(broken, monkeypatch, capsys):
    """pydantic's own list of choices ("'fi', 'sv' or 'en'") is English: the message makes its own."""
    repo, at = broken
    publication = repo / record_path(PUBLICATION)
    text = publication.read_text(encoding="utf-8").replace('type: "animation_video', "type: animation_video")
    publication.write_text(text, encoding="utf-8")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    locale(monkeypatch, LANG="fi_FI.UTF-8")
    assert main(["check"], root=repo) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"{record_path(PUBLICATION)}:{at['language']}:1: language: 'fin' ei käy — käytä jotakin näistä: 'fi', 'sv' tai 'en'" in err, err
    locale(monkeypatch, LANG="C.UTF-8")
    assert main(["check"], root=repo) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"{record_path(PUBLICATION)}:{at['language']}:1: language: 'fin' is not allowed — use one of 'fi', 'sv' or 'en'" in err, err


def test_the_ok_line_and_summary_speak_finnish(tmp_path, monkeypatch, capsys):
    repo = make_repo(tmp_path / "repo")
    locale(monkeypatch, LANG="fi_FI.UTF-8")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main(["check"], root=repo) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"ok: 4 tietuetta, {len(KEYS)} kieliversiota\nluettavuus (selko): "), out
    assert "tavoitetta ei täytä 0 sivua (.venv/bin/python build_pages.py check --readability)" in out


def test_the_gaps_report_speaks_finnish(tmp_path, monkeypatch, capsys):
    repo = make_repo(tmp_path / "repo")
    locale(monkeypatch, LANGUAGE="fi")
    assert main(["gaps"], root=repo) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "## Puuttuvat tiedot"
    assert lines[2].endswith("joita ei vielä tiedetä. Ne on jätetty tyhjiksi tarkoituksella, ja sivuilla kerrotaan se. "
                             "Täydennä tieto vain lähteestä, jonka voit nimetä — älä koskaan arvaa osoitetta tai päivämäärää.")
    assert lines[2].split(" tiedostossa on ")[0].isdigit(), lines[2]
    assert "| Tiedosto | Kenttä | Mitä puuttuu |" in lines
    standalone = record_path(STANDALONE)
    assert f"| `{standalone}:1` | `end` | tyhjä: tarkkaa päättymispäivää ei tiedetä (lähteen mukaan 2016–2019) |" in lines
    assert any(line.startswith(f"| `{record_path(PUBLICATION)}:") and "| `link.targets` | linkillä ei ole kohdetta: kohdesivun osoitetta ei tiedetä" in line
               for line in lines), lines


def test_new_writes_its_comments_in_the_editors_language(tmp_path, monkeypatch, capsys):
    repo = make_repo(tmp_path / "repo")
    locale(monkeypatch, LANG="fi_FI.UTF-8")
    assert main(["new", "project", "uusi-hanke"], root=repo) == 0
    assert capsys.readouterr().out == "tehty projects/uusi-hanke.yml: kirjoita jokainen teksti jokaisella kielellä ja aja sitten: .venv/bin/python build_pages.py check\n"
    text = (repo / "projects/uusi-hanke.yml").read_text(encoding="utf-8")
    assert "# Uusi hanke (project). Ohje: CONTRIBUTING.md.\n# Täytä jokainen teksti jokaisella kieliversiolla (fi = " in text
    assert "\nname:  # Koko nimi, niin kuin lähde sen kertoo.\n" in text
    assert "# Tarkista lopuksi: .venv/bin/python build_pages.py check" in text
    locale(monkeypatch, LANG="C.UTF-8")
    assert main(["new", "project", "new-project"], root=repo) == 0
    text = (repo / "projects/new-project.yml").read_text(encoding="utf-8")
    assert "# A new project (project). Guide: CONTRIBUTING.md.\n# Fill in every text in every variant (fi = " in text
    assert "\nname:  # The full name, as the source gives it.\n" in text


def test_the_committed_schemas_are_finnish_whatever_the_locale(monkeypatch):
    locale(monkeypatch, LANG="C.UTF-8")
    english_machine = schema_documents(ROOT)
    locale(monkeypatch, LANG="fi_FI.UTF-8")
    assert schema_documents(ROOT) == english_machine
    assert '"description": "Koko nimi, niin kuin lähde sen kertoo."' in english_machine["schemas/record.schema.json"]


def test_the_serve_error_page_follows_the_locale(monkeypatch):
    from hbsite.problems import Problem
    from hbsite.serve_hook import error_page

    problems = [Problem("projects/x.yml", 3, 5, "aims: kieliversion Svenska (sv) teksti puuttuu")]
    locale(monkeypatch, LANG="fi_FI.UTF-8")
    page = error_page(problems)
    assert '<html lang="fi">' in page and "<title>Sivustoa ei voi näyttää</title>" in page
    assert "Tiedoissa on 1 virhe: korjaa se ja tallenna tiedosto, niin sivu palaa itsestään." in page
    locale(monkeypatch, LANG="C.UTF-8")
    assert "<title>The site cannot be shown</title>" in error_page(problems * 2)
    assert "2 problems in the records: fix them and save the files" in error_page(problems * 2)


# ── the guide follows the catalog ─────────────────────────────────────────────────────────
def test_the_guides_table_of_messages_is_in_sync_with_the_catalog():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert START in text and END in text
    section = text[text.index(START): text.index(END) + len(END)] + "\n"
    assert section == messages_markdown(), "CONTRIBUTING.md's table of messages is out of date — run: .venv/bin/python build_pages.py messages"


def test_the_table_lists_each_marked_message_by_its_finnish_beginning():
    table = messages_markdown()
    marked = [(entry.string, comment) for entry in catalog() for comment in entry.user_comments if comment.startswith("ohje:")]
    assert len(marked) >= 15, marked
    assert table.count("\n| `") == len(marked)
    assert "| `tuntematon kenttä '…'` | kentän nimessä on kirjoitusvirhe: korjaa se ehdotuksen mukaan |" in table
    assert "| `kieliversion … (…) teksti puuttuu` | lisää kentän alle puuttuvan kielen rivi, esimerkiksi `sv: …` |" in table


@pytest.mark.parametrize(
    "message, beginning",
    [
        ("{field}: tuntematon kenttä '{key}' — tarkoititko '{guess}'?", "tuntematon kenttä '…'"),
        ("'{found}': kirjoita '{use}' (sääntö: {glossary}:{line})", "'…': kirjoita '…' (sääntö: …:…)"),
        ("'{text}' on jo toisen tietueen nimi ({other}:{line}:{column}): kaksi", "'…' on jo toisen tietueen nimi (…:…:…)"),
        ("tämän rivin {{{{ … }}}}-merkintä ei toimi ({error}): tarkista", "tämän rivin {{ … }}-merkintä ei toimi (…)"),
    ],
)
def test_a_message_is_shown_by_its_beginning(message, beginning):
    assert shown(message) == beginning


def test_the_messages_command_writes_the_table(tmp_path, capsys):
    (tmp_path / "CONTRIBUTING.md").write_text(f"# Ohje\n\n{START}\nvanha\n{END}\n\nLoppu.\n", encoding="utf-8")
    assert main(["messages"], root=tmp_path) == 0
    guide = (tmp_path / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert guide == "# Ohje\n\n" + messages_markdown() + "\nLoppu.\n"
    assert main(["messages"], root=tmp_path) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "CONTRIBUTING.md table of messages is up to date"
    (tmp_path / "CONTRIBUTING.md").write_text("# Ohje ilman merkkejä\n", encoding="utf-8")
    assert main(["messages"], root=tmp_path) == 1
