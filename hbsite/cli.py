"""Command line of build_pages.py.

    .venv/bin/python build_pages.py                 validate, render and write docs/ (then: mkdocs build)
    .venv/bin/python build_pages.py check           validate only; exit 1 with file:line:col messages
    .venv/bin/python build_pages.py gaps [-o FILE]  the content-gaps report in Markdown
    .venv/bin/python build_pages.py schema          write schemas/*.schema.json and CONTRIBUTING.md's field list
    .venv/bin/python build_pages.py fields          write only CONTRIBUTING.md's field list
    .venv/bin/python build_pages.py messages        write CONTRIBUTING.md's table of messages (from hb.po)
    .venv/bin/python build_pages.py new programme SLUG
    .venv/bin/python build_pages.py new project SLUG [--programme PROGRAMME]
    .venv/bin/python build_pages.py new publication SLUG --project PROJECT
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

from pydantic import TypeAdapter

from .build import Content, load_content, render_pages
from .fields import write_guide
from .gaps import find_gaps, gaps_markdown
from .load import load_file, read_text
from .messages import N_, _, in_language, ngettext
from .model import RESERVED_SLUGS, SLUG, schema_for, site_schema_for
from .problems import Problem, ProblemsFound, format_problems, format_warnings
from .canonical import COMMENT
from .scaffold import scaffold
from .validate import RECORD_SCHEMA, SITE_SCHEMA, record_files, schema_line
from .variants import read_variants
from .write import write_file, write_pages

ROOT = Path(__file__).resolve().parent.parent
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
EVENTS_FOLDER = "aikajana"  # `new event SLUG` writes projects/aikajana/SLUG.yml


def _without_titles(node, top: bool = True):
    """pydantic's generated titles are English class and field names: editors see only the
    Finnish descriptions (the document's own title stays)."""
    if isinstance(node, dict):
        return {k: _without_titles(v, False) for k, v in node.items() if not (k == "title" and not top and isinstance(v, str))}
    if isinstance(node, list):
        return [_without_titles(v, False) for v in node]
    return node


# The language of the committed JSON Schemas: the editors' (VS Code shows the descriptions).
SCHEMA_LANGUAGE = "fi"


def _described_in(node, code: str):
    """The schema with every description (an English message of the model) in language `code`."""
    if isinstance(node, dict):
        return {k: in_language(v, code) if k == "description" and isinstance(v, str) else _described_in(v, code) for k, v in node.items()}
    if isinstance(node, list):
        return [_described_in(v, code) for v in node]
    return node


def schema_documents(root: Path) -> dict[str, str]:
    """The JSON Schemas, as committed under schemas/ (a test keeps them in sync), in Finnish."""
    keys = tuple(v.key for v in read_variants(root / "mkdocs.yml"))
    schema = schema_for(keys)
    union = _without_titles(TypeAdapter(schema.Record).json_schema())
    # One branch per kind, chosen by `kind` (if/then), instead of pydantic's oneOf: an editor
    # gets the fields of the kind they wrote and errors about that kind only.
    kinds = {kind: model.__name__ for kind, model in schema.record_models().items()}
    record = {
        "title": in_language(N_("A record of the HB site: a programme, a project, a publication or an event"), SCHEMA_LANGUAGE),
        "description": N_("One record: a programme, a project, a publication or an event on the timeline. Guide: CONTRIBUTING.md."),
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": list(kinds), "description": N_("The kind of record: programme, project, publication or event.")}},
        "allOf": [
            {"if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]}, "then": {"$ref": f"#/$defs/{name}"}}
            for kind, name in kinds.items()
        ],
        "$defs": union["$defs"],
    }
    site = _without_titles(site_schema_for(keys).model_json_schema())
    site = {"title": in_language(N_("The HB site's settings and interface texts (site.yml)"), SCHEMA_LANGUAGE), **site}
    record, site = _described_in(record, SCHEMA_LANGUAGE), _described_in(site, SCHEMA_LANGUAGE)

    def dump(doc: dict) -> str:
        return json.dumps({"$schema": JSON_SCHEMA_DIALECT, **doc}, ensure_ascii=False, indent=2) + "\n"

    return {RECORD_SCHEMA: dump(record), SITE_SCHEMA: dump(site)}


CMS_CONFIG = "admin/config.yml"


def cms_document(root: Path) -> str:
    """admin/config.yml as committed (a test keeps it in sync): the web form, from the schema."""
    import yaml

    from .cms import cms_config, header

    variants = read_variants(root / "mkdocs.yml")
    record = json.loads(schema_documents(root)[RECORD_SCHEMA])
    kinds = {branch["if"]["properties"]["kind"]["const"]: branch["then"]["$ref"].rsplit("/", 1)[1] for branch in record["allOf"]}
    config = cms_config(record, variants, kinds, SCHEMA_LANGUAGE)
    return header(SCHEMA_LANGUAGE) + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)


def cmd_cms(root: Path, args) -> int:
    path = root / CMS_CONFIG
    text = cms_document(root)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        print(_("{file} is up to date").format(file=CMS_CONFIG))
        return 0
    write_file(path, text.encode("utf-8"))
    print(_("wrote {file}").format(file=CMS_CONFIG))
    return 0


def _report_problems(problems) -> int:
    print(format_problems(problems), file=sys.stderr)
    files = len({p.file for p in problems})
    in_files = ngettext("in {files} file", "in {files} files", files).format(files=files)
    print("\n" + ngettext("{count} problem {in_files}. Nothing was written: fix it and run again.",
                          "{count} problems {in_files}. Nothing was written: fix them and run again.",
                          len(problems)).format(count=len(problems), in_files=in_files), file=sys.stderr)
    return 1


def _summary(content: Content, pages, report, seconds: float) -> str:
    r = content.records
    per_variant = Counter(p.variant for p in pages)
    counts = ", ".join(f"{v.key} {per_variant[v.key]}" for v in content.variants)
    return "\n".join([
        _("records: {count} ({programmes} programmes, {projects} projects, {publications} publications)").format(
            count=len(r.all()), programmes=len(r.programmes), projects=len(r.projects), publications=len(r.publications)),
        _("pages per variant: {counts}").format(counts=counts),
        _("docs/: {written} written, {unchanged} unchanged, {removed} removed in {seconds:.2f} s").format(
            written=report.written, unchanged=report.unchanged, removed=report.removed, seconds=seconds),
    ])


def cmd_build(root: Path, args) -> int:
    from .gate import content_gate, page_safety
    from .report import readability_report

    started = time.perf_counter()
    content = load_content(root)
    problems = content.problems + page_safety(content)  # a page the build cannot read or that hides text
    if problems:
        return _report_problems(sorted(set(problems)))
    pages = render_pages(content)
    report = write_pages(pages, root)
    print(_summary(content, pages, report, time.perf_counter() - started))
    gaps = find_gaps(content.records, content.site)
    print(_("content gaps: {count} (.venv/bin/python build_pages.py gaps)").format(count=len(gaps)))
    # Readability and terms do not stop the build (the preview shows the page while its
    # words are reworked); `check`, pre-commit and the pull request refuse them. They are
    # measured here only when asked for: a sixth of a cold build at 1,000 records (PERFORMANCE.md).
    if not args.readability:
        return 0
    gate = content_gate(content)
    if gate.voikko_missing:
        print(_("readability: not measured — {reason}").format(reason=gate.voikko_missing))
    else:
        print(readability_report(content))
    if gate.problems:
        print(ngettext("content check: {count} problem in readability or terms (.venv/bin/python build_pages.py check)",
                       "content check: {count} problems in readability or terms (.venv/bin/python build_pages.py check)",
                       len(gate.problems)).format(count=len(gate.problems)))
    return 0


def _format_warnings(root: Path) -> None:
    """What `check` says about the format without failing: files `format` would change, and
    translations older than their Finnish. (`format --check` fails on the first; CI and the
    pull request run it.)"""
    from .canonical import NOT_CANONICAL, first_difference

    formatted = list(_record_format(root, record_files(root / "projects")))
    warnings = [Problem(shown, first_difference(text, r.text), 1, _(NOT_CANONICAL).format(file=shown))
                for _p, shown, text, r in formatted if r.text is not None and r.text != text]
    warnings += [p for _p, _s, _t, r in formatted for p in r.problems if r.text is None and p.message == _(COMMENT)]
    if warnings:
        print(format_warnings(sorted(warnings), _("format")), file=sys.stderr)
    stale = stale_problems(root, formatted)
    if stale:
        print(format_warnings(stale, _("translation")), file=sys.stderr)


def cmd_check(root: Path, args) -> int:
    from .gate import content_gate
    from .report import readability_report, readability_summary

    content = load_content(root)
    gate = content_gate(content)
    problems = sorted(set(content.problems + gate.problems))
    if gate.voikko_missing:
        print(_("readability cannot be checked: {reason}").format(reason=gate.voikko_missing), file=sys.stderr)
    if problems:
        code = _report_problems(problems)
        return code
    if gate.voikko_missing:
        return 1  # the check is not complete: never "ok" without it (and in CI, a failure)
    render_pages(content)  # templates must render too, in memory only
    _format_warnings(root)
    print(_("ok: {records} records in {variants} variants").format(records=len(content.records.all()), variants=len(content.variants)))
    print(readability_report(content) if getattr(args, "readability", False) else readability_summary(content, gate.measured))
    return 0


def _record_format(root: Path, paths: list[Path], confirm: bool = False):
    """(path, shown, original text, Formatted) of each record file."""
    from .canonical import format_text, scaffold_hints

    variants = read_variants(root / "mkdocs.yml")
    schema = schema_for(tuple(v.key for v in variants))
    hints = scaffold_hints(schema, variants)
    for path in paths:
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        text, problems = read_text(path, shown)
        if text is None:
            from .canonical import Formatted

            yield path, shown, "", Formatted(None, problems, [])
            continue
        yield path, shown, text, format_text(text, shown, schema_line(path, root), schema, variants, hints, confirm)


def stale_problems(root: Path, formatted) -> list[Problem]:
    """A warning per variant whose text is older than its original, at the variant's line."""
    from .canonical import STALE

    variants = {v.key: v for v in read_variants(root / "mkdocs.yml")}
    found = []
    for _path, shown, _text, result in formatted:
        for stale in result.stale:
            line, column = result.document.position(stale.path) if result.document is not None else (1, 1)
            variant = variants.get(stale.variant)
            found.append(Problem(shown, line, column, _(STALE).format(field=stale.field, variant=variant.name if variant else stale.variant, key=stale.variant, file=shown)))
    return found


def cmd_format(root: Path, args) -> int:
    """Write every record (or the files named) in the canonical format; --check only tells."""
    from .canonical import NOT_CANONICAL, first_difference

    paths = [Path(p).resolve() for p in args.files] if args.files else record_files(root / "projects")
    problems, changed = [], []
    formatted = list(_record_format(root, paths, confirm=args.confirm))
    for path, shown, text, result in formatted:
        if result.text is None:
            problems += result.problems
        elif result.text != text:
            changed.append(shown)
            if args.check:
                problems.append(Problem(shown, first_difference(text, result.text), 1, _(NOT_CANONICAL).format(file=shown)))
            else:
                write_file(path, result.text.encode("utf-8"))
    if problems:
        return _report_problems(sorted(problems))
    if not args.check:
        for shown in changed:
            print(_("formatted {file}").format(file=shown))
    stale = stale_problems(root, formatted)
    if stale:
        print(format_warnings(stale, _("translation")), file=sys.stderr)
    print(ngettext("{count} record is in the project's format", "{count} records are in the project's format", len(paths)).format(count=len(paths)))
    return 0


def _stale_markdown(root: Path) -> str:
    """The report's list of translations older than their Finnish: a page whose variant may
    say something the Finnish no longer says."""
    stale = [(shown, r) for _p, shown, _t, r in _record_format(root, record_files(root / "projects")) if r.stale]
    heading = "\n## " + _("Translations to check")
    if not stale:
        return heading + "\n\n" + _("None: every variant was written from the current Finnish text.") + "\n"
    names = {v.key: v.name for v in read_variants(root / "mkdocs.yml")}
    lines = [heading, "", _("The Finnish text of these fields changed after the variant was written: the variant's page may be out of date."), "",
             "| " + _("File") + " | " + _("Field") + " | " + _("Variant") + " |", "|---|---|---|"]
    for shown, result in stale:
        for item in result.stale:
            line = result.document.position(item.path)[0]
            lines.append(f"| `{shown}:{line}` | `{item.field}` | {names.get(item.variant, item.variant)} |")
    return "\n".join(lines) + "\n"


def cmd_gaps(root: Path, args) -> int:
    content = load_content(root)
    if content.problems:
        return _report_problems(content.problems)
    site_document, _problems = load_file(root / "site.yml", "site.yml")
    text = gaps_markdown(find_gaps(content.records, content.site, site_document))
    text += _stale_markdown(root)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return 0


def cmd_schema(root: Path, args) -> int:
    for name, text in schema_documents(root).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(_("wrote {file}").format(file=name))
        else:
            print(_("{file} is up to date").format(file=name))
    return cmd_fields(root, args)


def cmd_fields(root: Path, args) -> int:
    keys = tuple(v.key for v in read_variants(root / "mkdocs.yml"))
    if not (root / "CONTRIBUTING.md").exists():
        print(_("CONTRIBUTING.md is missing: restore it from git (the field list goes between its marker comments)"), file=sys.stderr)
        return 1
    try:
        changed = write_guide(root, keys)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    print(_("wrote CONTRIBUTING.md (field list)") if changed else _("CONTRIBUTING.md field list is up to date"))
    return 0


def cmd_messages(root: Path, args) -> int:
    from .guide import write_guide as write_messages

    if not (root / "CONTRIBUTING.md").exists():
        print(_("CONTRIBUTING.md is missing: restore it from git (the table of messages goes between its marker comments)"), file=sys.stderr)
        return 1
    try:
        changed = write_messages(root)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    print(_("wrote CONTRIBUTING.md (table of messages)") if changed else _("CONTRIBUTING.md table of messages is up to date"))
    return 0


def _kinds_by_slug(root: Path) -> dict[str, tuple[str, Path]]:
    """slug → (kind, file) for every record file whose kind can be read (valid or not)."""
    found: dict[str, tuple[str, Path]] = {}
    for path in record_files(root / "projects"):
        document, _problems = load_file(path, str(path))
        kind = document.data.get("kind") if document is not None else None
        found.setdefault(path.stem, (kind if isinstance(kind, str) else "?", path))
    return found


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def cmd_new(root: Path, args) -> int:
    slug = args.slug
    if not SLUG.match(slug):
        return _fail(_("'{name}' cannot be a file name: use lowercase letters a–z, digits and hyphens, for example 'hebu-vantaa'").format(name=slug))
    if slug in RESERVED_SLUGS:
        return _fail(_("'{name}' cannot be a file name: {reason}").format(name=slug, reason=_(RESERVED_SLUGS[slug])))
    known = _kinds_by_slug(root)
    if slug in known:
        return _fail(_("{file} exists already: choose another name").format(file=known[slug][1].relative_to(root).as_posix()))

    def missing(option: str, value: str, wanted: str) -> str | None:
        """None if `value` names a record of kind `wanted`, else the message to print."""
        if known.get(value, ("",))[0] == wanted:
            return None
        names = sorted(s for s, (k, _path) in known.items() if k == wanted)
        near = difflib.get_close_matches(value, names, n=1)
        if near:
            message = _("{option} {value}: there is no {wanted} '{value}' — did you mean '{guess}'?")
        elif names:
            message = _("{option} {value}: there is no {wanted} '{value}' — the {wanted}s are: {known}")
        else:
            message = _("{option} {value}: there is no {wanted} '{value}' — there is no {wanted} yet")
        return message.format(option=option, value=value, wanted=wanted, guess=near[0] if near else "", known=", ".join(names))

    fixed: dict[str, str] = {}
    folder = root / "projects"
    if args.kind == "event":
        folder = folder / EVENTS_FOLDER
    if args.kind == "publication":
        if not args.project:
            return _fail(_("a publication belongs to a project: add --project PROJECT, for example --project avain-kansalaisuuteen"))
        # A publication may belong to a programme too (the trial's final report).
        if known.get(args.project, ("",))[0] != "programme" and (problem := missing("--project", args.project, "project")):
            return _fail(problem)
        folder = folder / args.project / "julkaisut"
        fixed["project"] = args.project
    elif args.project:
        return _fail(_("--project is for publications (a project can have --programme)"))
    if args.programme:
        if args.kind != "project":
            return _fail(_("--programme is for projects"))
        if problem := missing("--programme", args.programme, "programme"):
            return _fail(problem)
        folder = folder / args.programme
        fixed["programme"] = args.programme

    path = folder / f"{slug}.yml"
    variants = read_variants(root / "mkdocs.yml")
    model = schema_for(tuple(v.key for v in variants)).record_models()[args.kind]
    schema_path = os.path.relpath(root / RECORD_SCHEMA, path.parent).replace(os.sep, "/")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold(model, args.kind, schema_path, fixed, {v.key: v.name for v in variants}), encoding="utf-8")
    shown = path.relative_to(root).as_posix()
    print(_("created {file}: fill in every text in every variant, then run: .venv/bin/python build_pages.py check").format(file=shown))
    return 0


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    root = root or Path(os.environ.get("HB_ROOT", ROOT))
    parser = argparse.ArgumentParser(prog="build_pages.py", description=_("Generate the HB site's pages from the YAML records."))
    sub = parser.add_subparsers(dest="command")
    build = sub.add_parser("build", help=_("validate, render and write docs/ (the default)"))
    build.add_argument("--readability", action="store_true", help=_("also print the readability report"))
    check = sub.add_parser("check", help=_("validate only: every problem as file:line:col, exit 1 if any"))
    check.add_argument("--readability", action="store_true", help=_("also print the readability report"))
    gaps = sub.add_parser("gaps", help=_("print the content-gaps report (Markdown, for a pull-request comment)"))
    gaps.add_argument("-o", "--output", help=_("write the report to this file instead"))
    sub.add_parser("schema", help=_("write schemas/*.schema.json and the field list in CONTRIBUTING.md"))
    sub.add_parser("fields", help=_("write the field list in CONTRIBUTING.md"))
    sub.add_parser("messages", help=_("write the table of messages in CONTRIBUTING.md (from hbsite/locale/fi/LC_MESSAGES/hb.po)"))
    sub.add_parser("cms", help=_("write the web form's configuration admin/config.yml from the schema"))
    fmt = sub.add_parser("format", help=_("write the records in the project's one format (the web form's saves too); --check only tells"))
    fmt.add_argument("files", nargs="*", help=_("record files (default: every record under projects/)"))
    fmt.add_argument("--check", action="store_true", help=_("change nothing: exit 1 if a file is not in the format"))
    fmt.add_argument("--confirm", action="store_true", help=_("take the variants of the files as checked against their current Finnish text"))
    new = sub.add_parser("new", help=_("create a new record with every field, each explained in a comment"))
    new.add_argument("kind", choices=["project", "publication", "programme", "event"])
    new.add_argument("slug", help=_("the file name without .yml; it becomes the page address"))
    new.add_argument("--programme", help=_("a project: the programme it belongs to (the file goes to projects/PROGRAMME/)"))
    new.add_argument("--project", help=_("a publication: its project (the file goes to projects/PROJECT/julkaisut/)"))
    args = parser.parse_args(argv)
    command = args.command or "build"
    if command == "build" and not hasattr(args, "readability"):
        args.readability = False
    handler = {"build": cmd_build, "check": cmd_check, "gaps": cmd_gaps, "schema": cmd_schema,
               "fields": cmd_fields, "messages": cmd_messages, "new": cmd_new, "format": cmd_format, "cms": cmd_cms}[command]
    try:
        return handler(root, args)
    except ProblemsFound as found:
        return _report_problems(found.problems)
