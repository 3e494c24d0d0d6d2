"""The records' one format (`build_pages.py format`), the translations' fingerprints, and the
web form's configuration made from the schema (`build_pages.py cms`)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from hbsite.canonical import WIDTH
from hbsite.cli import CMS_CONFIG, cms_document
from hbsite.load import load_text
from hbsite.validate import record_files
from hbsite.variants import read_variants
from tests.conftest import ROOT, copy_repo

VARIANTS = read_variants(ROOT / "mkdocs.yml")
KEYS = [v.key for v in VARIANTS]


def cmd(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LANG": "C", "LANGUAGE": "", "LC_ALL": "", "GITHUB_ACTIONS": ""}
    return subprocess.run([sys.executable, "build_pages.py", *args], cwd=repo, capture_output=True, text=True, env=env)


HEBU = "projects/hb-kokeilu-2020-2021/hebu-vantaa.yml"


def test_every_committed_record_is_in_the_format():
    result = cmd(ROOT, "format", "--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_format_depends_only_on_the_data(tmp_path):
    """The same record written in another layout — keys reordered, flow style, one long line,
    other quotes, as the web form or a person writes it — formats to the same text."""
    repo = copy_repo(tmp_path / "repo")
    path = repo / HEBU
    canonical = path.read_text(encoding="utf-8")
    document, problems = load_text(canonical, HEBU)
    assert not problems
    data = dict(reversed(list(document.data.items())))  # every key in another order
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=10_000, default_flow_style=True), encoding="utf-8")
    result = cmd(repo, "format", HEBU)
    assert result.returncode == 0, result.stderr
    assert path.read_text(encoding="utf-8") == canonical
    assert cmd(repo, "format", HEBU).stdout == cmd(repo, "format", "--check", HEBU).stdout  # idempotent: nothing more to change


def test_the_format_keeps_lines_within_the_width_but_for_single_words_and_paragraphs():
    """Long texts are folded at WIDTH; a paragraph of a text with paragraphs (a literal block,
    `|-`) stays one line, as the editor wrote it, and so does a word longer than a line."""
    for path in record_files(ROOT / "projects"):
        literal_indent = None
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            indent = len(line) - len(line.lstrip())
            if literal_indent is not None and (not line.strip() or indent >= literal_indent):
                continue
            literal_indent = indent + 2 if line.endswith("|-") else None
            if len(line) > WIDTH:
                value = line.split(": ", 1)[-1].strip().strip('"')
                assert " " not in value, f"{path}:{number}: {len(line)} characters"


def test_a_comment_is_refused_at_its_line_with_where_the_note_goes(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    path = repo / HEBU
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index("aims:")
    lines.insert(at, "# start: no source gives the day")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    result = cmd(repo, "format", HEBU)
    assert result.returncode == 1
    assert f"{HEBU}:{at + 1}:1: a comment: the web form drops comments" in result.stderr and "notes:" in result.stderr and "unknown:" in result.stderr
    assert path.read_text(encoding="utf-8") == before, "nothing is written"
    check = cmd(repo, "check")
    assert f"{HEBU}:{at + 1}:1: format: a comment" in check.stderr


def test_the_hints_of_a_new_record_are_dropped_and_the_rest_stays(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    assert cmd(repo, "new", "event", "2026-testi").returncode == 0
    path = repo / "projects/aikajana/2026-testi.yml"
    assert "# " in path.read_text(encoding="utf-8").split("\n", 1)[1], "the scaffold explains its fields in comments"
    result = cmd(repo, "format", "projects/aikajana/2026-testi.yml")
    assert result.returncode == 0, result.stderr
    text = path.read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if line.lstrip().startswith("#")] == [text.splitlines()[0]]
    assert "kind: event" in text and "date: \"\"" in text


def _edit_value(text: str, field: str, key: str, new: str) -> str:
    """The record with `field.key` (a Text's variant) replaced by `new`, in the format."""
    document, problems = load_text(text, "x")
    assert not problems
    data = document.data
    data[field][key] = new
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def test_only_the_finnish_changed_names_the_three_other_variants_at_their_lines(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    path = repo / HEBU
    path.write_text(_edit_value(path.read_text(encoding="utf-8"), "aims", "fi", "Hanke kuunteli asiakkaita."), encoding="utf-8")
    assert cmd(repo, "format", HEBU).returncode == 0
    check = cmd(repo, "check")
    assert check.returncode == 0, check.stderr  # a warning, not an error: the page is still right in Finnish
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("aims:")
    expected = sorted(f"{HEBU}:{next(i for i in range(start, len(lines)) if lines[i].startswith(f'  {k}:')) + 1}:3: translation: the Finnish text of aims" for k in KEYS[1:])
    found = sorted(re.findall(rf"{re.escape(HEBU)}:\d+:\d+: translation: the Finnish text of aims", check.stderr))
    assert found == expected, check.stderr
    report = cmd(repo, "gaps").stdout.split("## Translations to check", 1)[1]
    rows = [f"| `{HEBU}:{entry.split(':')[1]}` | `aims` | {v.name} |" for entry, v in zip(expected, VARIANTS[1:])]
    assert all(row in report for row in rows), report

    # Editing the Swedish too takes it off the list; confirming takes the rest.
    path.write_text(_edit_value(path.read_text(encoding="utf-8"), "aims", "sv", "Projektet lyssnade på klienterna."), encoding="utf-8")
    assert cmd(repo, "format", HEBU).returncode == 0
    check = cmd(repo, "check")
    assert "(sv)" not in check.stderr and check.stderr.count("the Finnish text of aims") == len(KEYS) - 2, check.stderr
    assert cmd(repo, "format", "--confirm", HEBU).returncode == 0
    assert "the Finnish text of" not in cmd(repo, "check").stderr


def test_a_variant_edited_alone_is_not_stale(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    path = repo / HEBU
    path.write_text(_edit_value(path.read_text(encoding="utf-8"), "aims", "sv", "Projektet lyssnade på klienterna."), encoding="utf-8")
    assert cmd(repo, "format", HEBU).returncode == 0
    assert "translation:" not in cmd(repo, "check").stderr


# ── The web form's configuration ──────────────────────────────────────────────────────────


def test_the_committed_form_configuration_is_in_sync_with_the_schema():
    assert (ROOT / CMS_CONFIG).read_text(encoding="utf-8") == cms_document(ROOT), "run: .venv/bin/python build_pages.py cms"


def _fields(items):
    for item in items:
        yield item
        yield from _fields(item.get("fields", []))


def test_the_form_has_a_collection_per_kind_with_every_field_of_the_schema():
    config = yaml.safe_load((ROOT / CMS_CONFIG).read_text(encoding="utf-8"))
    schema = yaml.safe_load((ROOT / "schemas/record.schema.json").read_text(encoding="utf-8"))
    collections = {c["name"]: c for c in config["collections"]}
    assert set(collections) == {b["if"]["properties"]["kind"]["const"] for b in schema["allOf"]}
    for kind, collection in collections.items():
        definition = next(b["then"]["$ref"].rsplit("/", 1)[1] for b in schema["allOf"] if b["if"]["properties"]["kind"]["const"] == kind)
        model = schema["$defs"][definition]
        names = [f["name"] for f in collection["fields"]]
        assert names == [n for n in model["properties"] if n != "fingerprints"], kind
        required = {f["name"] for f in collection["fields"] if f.get("required")}
        assert required == set(model["required"]), kind
        assert collection["filter"] == {"field": "kind", "value": kind}
        for field in _fields(collection["fields"]):
            assert field["label"] and field["label"] != field["name"] or field["name"] in KEYS, f"{kind}: {field['name']} has no Finnish label"
    project = {f["name"]: f for f in collections["project"]["fields"]}
    assert [f["name"] for f in project["name"]["fields"]] == KEYS  # a text: one box per variant, in mkdocs.yml's order
    assert [f["label"] for f in project["name"]["fields"]] == [v.name for v in VARIANTS]
    sources = {f["name"]: f for f in project["sources"]["fields"]}
    assert sources["supports"]["widget"] == "select" and "grant" in sources["supports"]["options"]
    assert sources["read_on"]["pattern"][0] == schema["$defs"]["Source"]["properties"]["read_on"]["pattern"]
    assert project["budget"]["widget"] == "number" and project["budget"]["value_type"] == "int"
    assert {f["name"]: f for f in project["organisers"]["fields"]}["role"]["options"][0] == "administrator"
    assert config["publish_mode"] == "editorial_workflow"  # every change is a pull request


def test_the_site_build_puts_the_form_at_admin_with_a_backend(site_dir):
    assert (site_dir / "admin" / "index.html").is_file(), "tools/build_admin.sh makes build/admin/"
    config = yaml.safe_load((site_dir / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["name"] == "github" and config["collections"]
    html = (site_dir / "admin" / "index.html").read_text(encoding="utf-8")
    viewport = re.search(r'<meta name="viewport" content="([^"]*)"', html).group(1)
    assert "maximum-scale" not in viewport and "user-scalable" not in viewport  # editors can zoom
    assert "Content-Security-Policy" in html


def _patterns(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            else:
                yield from _patterns(value)
    elif isinstance(node, list):
        for value in node:
            yield from _patterns(value)


def test_every_pattern_of_the_schema_is_a_valid_browser_regexp():
    """JSON Schema reads patterns as ECMA-262 regexps with the u flag, and the web form's
    browser with the v flag: an escape that Python accepts (\\") would stop the form saving."""
    import json
    import shutil

    node = shutil.which("node")
    assert node, "Node.js (tools/ensure_tools.sh installs it)"
    patterns = sorted({p for name in ("record", "site") for p in _patterns(json.loads((ROOT / f"schemas/{name}.schema.json").read_text(encoding="utf-8")))})
    script = "const ps = JSON.parse(require('fs').readFileSync(0, 'utf8')); const bad = [];" \
             "for (const p of ps) for (const f of ['u', 'v']) { try { new RegExp(p, f); } catch (e) { bad.push(f + ': ' + e.message); } }" \
             "console.log(JSON.stringify(bad));"
    result = subprocess.run([node, "-e", script], input=json.dumps(patterns), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [], result.stdout
    assert patterns
