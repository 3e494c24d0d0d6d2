"""A small repo for the content gate's tests (readability, terms): mkdocs.yml and terms.yml
(the real ones, or given), one project record whose texts the test chooses, and the
hand-written pages. The gate runs through the same code as `build_pages.py check`
(hbsite.gate.content_gate), on records validated by hbsite.validate."""
from __future__ import annotations

import shutil
from pathlib import Path

from hbsite.build import Content
from hbsite.gate import GateResult, content_gate
from hbsite.model import schema_for
from hbsite.render import HAND_WRITTEN
from hbsite.validate import schema_line, validate
from hbsite.variants import read_variants

ROOT = Path(__file__).resolve().parent.parent
RECORD = "projects/esimerkki.yml"
SIMPLE_PAGE = "# Sivu\n\nTämä on sivu.\n"


# A plain text for a variant the test does not name, by the variant's language (a test names
# the variants it is about; mkdocs.yml may list more).
PLAIN = {"fi": "Tämä on teksti.", "sv": "Det här är en text."}


def _every_variant(root: Path, texts: dict[str, str]) -> dict[str, str]:
    return {v.key: texts.get(v.key, PLAIN[v.lang.split("-")[0]]) for v in read_variants(root / "mkdocs.yml")} | texts


def project_text(root: Path, texts: dict[str, dict[str, str]], organiser: dict[str, str] | None = None, extra: str = "") -> str:
    """A project record: `texts` maps a field (name, short_name, summary, aims) to its text per
    variant, each written as given (a text may hold YAML, e.g. a folded second line); a variant
    the test leaves out gets a plain text in its language."""
    texts = {name: _every_variant(root, value) for name, value in texts.items()}
    if organiser:
        organiser = _every_variant(root, organiser)
    lines = [schema_line(root / RECORD, root), "kind: project"]
    for name in ("name", "short_name", "summary"):
        lines.append(f"{name}:")
        lines += [f"  {key}: {text}" for key, text in texts[name].items()]
    if organiser:
        lines += ["organisers:", "  - name:"]
        lines += [f"      {key}: {text}" for key, text in organiser.items()]
        lines.append("    role: administrator")
    lines.append("aims:")
    lines += [f"  {key}: {text}" for key, text in texts["aims"].items()]
    if extra:
        lines += extra.rstrip("\n").split("\n")
    lines += ["sources:", "  - title: Lähde", "    lang: fi", '    read_on: "2024-01-01"']
    return "\n".join(lines) + "\n"


def make_gate_repo(dest: Path, mkdocs: str | None = None, terms: str | None = None, pages: dict[str, str] | None = None) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    if mkdocs is None:
        shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    else:
        (dest / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    if terms is None:
        shutil.copy2(ROOT / "terms.yml", dest / "terms.yml")
    else:
        (dest / "terms.yml").write_text(terms, encoding="utf-8")
    for variant in read_variants(dest / "mkdocs.yml"):
        for path in HAND_WRITTEN:
            page = dest / "docs" / variant.key / path
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text((pages or {}).get(f"docs/{variant.key}/{path}", SIMPLE_PAGE), encoding="utf-8")
    return dest


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def run_gate(root: Path) -> GateResult:
    variants = read_variants(root / "mkdocs.yml")
    schema = schema_for(tuple(v.key for v in variants))
    records, problems = validate(root, schema, variants)
    assert problems == [], [str(p) for p in problems]
    return content_gate(Content(root, variants, schema, records, None))


def line_col(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1
