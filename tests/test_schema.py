"""The JSON Schemas (editor autocomplete) and the field list in CONTRIBUTING.md are generated
from the same model as the validation; these tests keep the committed files in sync and check
that the JSON Schema agrees with the validation on real and broken records."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from hbsite.cli import main, schema_documents
from hbsite.fields import END, START, fields_markdown
from hbsite.load import load_file, load_text
from hbsite.validate import record_files
from tests.hb_fixtures import KEYS, PROJECT, PUBLICATION, STANDALONE, make_repo, record_path

ROOT = Path(__file__).resolve().parent.parent
GENERATED = schema_documents(ROOT)
RECORD = json.loads(GENERATED["schemas/record.schema.json"])
SITE = json.loads(GENERATED["schemas/site.schema.json"])
REGENERATE = "run: .venv/bin/python build_pages.py schema (and commit the result)"


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_committed_schema_is_in_sync_with_the_model(name):
    path = ROOT / name
    assert path.exists(), f"{name} is missing — {REGENERATE}"
    assert path.read_text(encoding="utf-8") == GENERATED[name], f"{name} is out of date — {REGENERATE}"


def test_contributing_field_list_is_in_sync_with_the_model():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert START in text and END in text
    section = text[text.index(START): text.index(END) + len(END)] + "\n"
    assert section == fields_markdown(KEYS), "CONTRIBUTING.md's field list is out of date — run: .venv/bin/python build_pages.py fields"


def test_the_field_list_names_every_field_and_part():
    section = fields_markdown(KEYS)
    for field in ("kind", "programme", "organisers", "aims", "quotes", "link", "title", "translations", "extent", "year", "feedback_email"):
        assert f"| `{field}` |" in section, field
    for anchor in re.findall(r"\]\(#([^)]+)\)", section):
        heading = anchor.replace("-", " ")
        assert re.search(rf"^### {re.escape(heading)}", section, re.M | re.I), anchor


def test_schema_and_fields_commands_write_the_files(tmp_path, capsys):
    repo = make_repo(tmp_path / "repo", records=False)
    (repo / "CONTRIBUTING.md").write_text(f"# Ohje\n\n{START}\nvanha\n{END}\n\nLoppu.\n", encoding="utf-8")
    assert main(["schema"], root=repo) == 0
    for name, text in GENERATED.items():
        assert (repo / name).read_text(encoding="utf-8") == text
    guide = (repo / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "vanha" not in guide and guide.startswith("# Ohje\n\n") and guide.endswith(f"{END}\n\nLoppu.\n")
    assert main(["fields"], root=repo) == 0
    assert "up to date" in capsys.readouterr().out.splitlines()[-1]
    (repo / "CONTRIBUTING.md").write_text("# Ohje ilman merkkejä\n", encoding="utf-8")
    assert main(["fields"], root=repo) == 1


def descriptions(node, path="") -> list[tuple[str, str | None]]:
    """(path, description) of every property in the schema."""
    found = []
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            found.append((f"{path}.{name}", prop.get("description")))
        for key, value in node.items():
            if key != "if":  # the kind switch of the record schema, not a field
                found += descriptions(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += descriptions(value, f"{path}[{i}]")
    return found


ENGLISH = re.compile(r"\b(the|is|of|and|must|write|field|should)\b")


@pytest.mark.parametrize("schema", [RECORD, SITE], ids=["record", "site"])
def test_every_property_has_a_finnish_description(schema):
    found = descriptions(schema)
    assert found
    missing = [path for path, text in found if not text]
    assert not missing, missing
    english = [(path, text) for path, text in found if ENGLISH.search(text)]
    assert not english, english


def test_the_schemas_are_valid_json_schema():
    Draft202012Validator.check_schema(RECORD)
    Draft202012Validator.check_schema(SITE)
    assert RECORD["$schema"] == SITE["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def record_documents(root: Path):
    for path in record_files(root / "projects"):
        document, problems = load_file(path, path.relative_to(root).as_posix())
        assert document is not None and not problems, problems
        yield path.relative_to(root).as_posix(), document.data


def test_every_real_record_and_site_yml_pass_the_json_schema():
    if not (ROOT / "projects").exists():
        pytest.skip("no records yet")
    validator = Draft202012Validator(RECORD)
    checked = 0
    for name, data in record_documents(ROOT):
        errors = [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, (name, errors)
        checked += 1
    assert checked >= 1
    site, problems = load_file(ROOT / "site.yml", "site.yml")
    assert not problems
    errors = [e.message for e in Draft202012Validator(SITE).iter_errors(site.data)]
    assert not errors, errors


def test_the_fixture_records_pass_the_json_schema(tmp_path):
    validator = Draft202012Validator(RECORD)
    for name, data in record_documents(make_repo(tmp_path / "repo")):
        assert not list(validator.iter_errors(data)), name


# Mistakes the editor should see underlined as they type: the JSON Schema refuses what the
# validation refuses. Each: (record, replace this, with this).
REFUSED = {
    "missing variant text": (PROJECT, "  sv: Tavoitteet (sv)\n", ""),
    "empty variant text": (PROJECT, "fi: Tavoitteet (fi)", "fi: ''"),
    "blank variant text": (PROJECT, "fi: Tavoitteet (fi)", "fi: '  '"),
    "unknown field": (PROJECT, "summary:", "summry:"),
    "unknown kind": (PROJECT, "kind: project", "kind: projekt"),
    "role not a choice": (PROJECT, "role: administrator", "role: boss"),
    "javascript link": (PROJECT, "url: ''", "url: javascript:alert(1)"),
    "data link": (PROJECT, "url: ''", "url: 'data:text/html,x'"),
    "link without scheme": (PROJECT, "url: ''", "url: www.thl.fi"),
    "link with a space": (PROJECT, "url: ''", "url: https://thl.fi/a b"),
    "date in Finnish form": (PROJECT, "\nsources:", "\nstart: 8.1.2020\nsources:"),
    "year in quotes": (PUBLICATION, "year: 2019", "year: '2019'"),
    "extent zero": (PUBLICATION, "value: 2", "value: 0"),
    "bad programme name": (PROJECT, "programme: hb-kokeilu-2020-2021", "programme: HB kokeilu"),
    "e-mail address as a source": (PROJECT, "url: ''", "url: mailto:tieto@example.fi"),
    "date read left empty": (PROJECT, "read_on: '2026-12-01'", "read_on: ''"),
    "grant amount in quotes": (PROJECT, "amount: 535952", "amount: '535 952'"),
    "link target without address": (STANDALONE, "- url: https://example.org/avain\n", "- url: ''\n"),
    "link target language not a choice": (STANDALONE, "lang: fi\nsources:", "lang: finnish\nsources:"),
}


@pytest.mark.parametrize("slug, old, new", REFUSED.values(), ids=REFUSED.keys())
def test_the_json_schema_refuses_what_the_check_refuses(tmp_path, slug, old, new):
    repo = make_repo(tmp_path / "repo")
    text = (repo / record_path(slug)).read_text(encoding="utf-8")
    assert old in text
    document, problems = load_text(text.replace(old, new, 1), "x.yml")
    assert document is not None and not problems
    assert list(Draft202012Validator(RECORD).iter_errors(document.data)), "the JSON Schema accepted it"
