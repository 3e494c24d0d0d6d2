"""Command line of build_pages.py.

    python build_pages.py                 validate, render and write docs/ (then: mkdocs build)
    python build_pages.py check           validate only; exit 1 with file:line:col messages
    python build_pages.py gaps [-o FILE]  the content-gaps report in Markdown
    python build_pages.py schema          write schemas/*.schema.json from the model
    python build_pages.py new project SLUG | new publication SLUG
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

from pydantic import TypeAdapter

from .build import Content, load_content, render_pages
from .gaps import find_gaps, gaps_markdown
from .model import SLUG, schema_for, site_schema_for
from .problems import ProblemsFound, format_problems
from .scaffold import scaffold
from .variants import read_variants
from .write import write_pages

ROOT = Path(__file__).resolve().parent.parent
RECORD_SCHEMA = "schemas/record.schema.json"
SITE_SCHEMA = "schemas/site.schema.json"


def schema_documents(root: Path) -> dict[str, str]:
    """The JSON Schemas, as committed under schemas/ (a test keeps them in sync)."""
    keys = tuple(v.key for v in read_variants(root / "mkdocs.yml"))
    schema = schema_for(keys)
    record = TypeAdapter(schema.Record).json_schema()
    record["title"] = "HB-sivuston tietue (ohjelma, hanke tai julkaisu)"
    site = site_schema_for(keys).model_json_schema()
    dump = lambda doc: json.dumps({"$schema": "https://json-schema.org/draft/2020-12/schema", **doc}, ensure_ascii=False, indent=2) + "\n"
    return {RECORD_SCHEMA: dump(record), SITE_SCHEMA: dump(site)}


def _report_problems(problems) -> int:
    print(format_problems(problems), file=sys.stderr)
    files = len({p.file for p in problems})
    print(f"\n{len(problems)} problem(s) in {files} file(s). Nothing was written: fix them and run again.", file=sys.stderr)
    return 1


def _summary(content: Content, pages, report, seconds: float) -> str:
    r = content.records
    per_variant = Counter(p.variant for p in pages)
    counts = ", ".join(f"{v.key} {per_variant[v.key]}" for v in content.variants)
    return (
        f"records: {len(r.all())} ({len(r.programmes)} programmes, {len(r.projects)} projects, "
        f"{len(r.publications)} publications)\n"
        f"pages per variant: {counts}\n"
        f"docs/: {report.written} written, {report.unchanged} unchanged, {report.removed} removed "
        f"in {seconds:.2f} s"
    )


def cmd_build(root: Path, args) -> int:
    started = time.perf_counter()
    content = load_content(root)
    if content.problems:
        return _report_problems(content.problems)
    pages = render_pages(content)
    report = write_pages(pages, root / "docs")
    print(_summary(content, pages, report, time.perf_counter() - started))
    gaps = find_gaps(content.records, content.site)
    print(f"content gaps: {len(gaps)} (python build_pages.py gaps)")
    if args.readability:
        from .report import readability_report

        print(readability_report(content))
    return 0


def cmd_check(root: Path, args) -> int:
    content = load_content(root)
    if content.problems:
        return _report_problems(content.problems)
    render_pages(content)  # templates must render too, in memory only
    print(f"ok: {len(content.records.all())} records in {len(content.variants)} variants")
    return 0


def cmd_gaps(root: Path, args) -> int:
    content = load_content(root)
    if content.problems:
        return _report_problems(content.problems)
    text = gaps_markdown(find_gaps(content.records, content.site))
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return 0


def cmd_schema(root: Path, args) -> int:
    for name, text in schema_documents(root).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
        print(f"wrote {name}")
    return 0


def cmd_new(root: Path, args) -> int:
    if not SLUG.match(args.slug):
        print(f"'{args.slug}' cannot be a file name: use lowercase letters a–z, digits and hyphens", file=sys.stderr)
        return 2
    folder = root / "projects"
    if args.kind == "publication":
        folder = folder / "julkaisut"
    path = folder / f"{args.slug}.yml"
    existing = [p for p in (root / "projects").rglob(f"{args.slug}.yml")]
    if existing:
        print(f"{existing[0].relative_to(root)} exists already: choose another name", file=sys.stderr)
        return 2
    keys = tuple(v.key for v in read_variants(root / "mkdocs.yml"))
    model = schema_for(keys).record_models()[args.kind]
    schema_path = os.path.relpath(root / RECORD_SCHEMA, path.parent)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold(model, args.kind, schema_path, {}), encoding="utf-8")
    print(f"created {path.relative_to(root)}: fill in every text, then run: python build_pages.py check")
    return 0


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    root = root or Path(os.environ.get("HB_ROOT", ROOT))
    parser = argparse.ArgumentParser(prog="build_pages.py", description="Generate the HB site's pages from the YAML records.")
    sub = parser.add_subparsers(dest="command")
    build = sub.add_parser("build", help="validate, render and write docs/ (the default)")
    build.add_argument("--readability", action="store_true", help="also print the readability report")
    sub.add_parser("check", help="validate only")
    gaps = sub.add_parser("gaps", help="print the content-gaps report (Markdown)")
    gaps.add_argument("-o", "--output")
    sub.add_parser("schema", help="write the JSON Schemas under schemas/")
    new = sub.add_parser("new", help="create a new record with every field")
    new.add_argument("kind", choices=["project", "publication", "programme"])
    new.add_argument("slug")
    args = parser.parse_args(argv)
    command = args.command or "build"
    if command == "build" and not hasattr(args, "readability"):
        args.readability = False
    handler = {"build": cmd_build, "check": cmd_check, "gaps": cmd_gaps, "schema": cmd_schema, "new": cmd_new}[command]
    try:
        return handler(root, args)
    except ProblemsFound as found:
        return _report_problems(found.problems)
