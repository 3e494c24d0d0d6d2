"""The content-gaps report: facts we lack, listed instead of guessed (Markdown, for a PR comment).

A gap is not an error: the page shows "not known yet" and the build passes. The report lists
each gap with the file and line where it would be filled in, so that an editor who finds the
fact in a source can add it.
"""
from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from .load import Document
from .validate import Records


@dataclass(frozen=True, order=True)
class Gap:
    file: str
    line: int
    field: str
    what: str


def _gap(document: Document | None, file: str, path: tuple, what: str) -> Gap:
    line = document.position(path)[0] if document is not None else 1
    return Gap(file, line, ".".join(str(p) for p in path), what)


def find_gaps(records: Records, site: BaseModel | None, site_document: Document | None = None) -> list[Gap]:
    """Every empty optional fact, sorted by file and line."""
    gaps: list[Gap] = []
    for entry in records.all():
        r, doc, file = entry.record, entry.document, entry.file
        if entry.kind in ("project", "publication"):
            link = r.link
            if link is None:
                gaps.append(_gap(doc, file, ("link",), "no link: the web address of the project's or publication's own page is not recorded (add link: with url: and text:)"))
            elif not link.url:
                gaps.append(_gap(doc, file, ("link", "url"), "missing URL: the address of the link is not known, so the page shows the link text without a link"))
        website = getattr(r, "website", None)
        if website is not None and not website.url:
            gaps.append(_gap(doc, file, ("website", "url"), f"missing URL: the address of {website.name} is not recorded"))
        if entry.kind in ("programme", "project"):
            for name in ("start", "end"):
                if not getattr(r, name):
                    said = f" (the source says {r.years})" if getattr(r, "years", None) else ""
                    gaps.append(_gap(doc, file, (name,), f"empty: the exact {name} date is not known{said}"))
        if entry.kind == "project" and not r.organisers:
            gaps.append(_gap(doc, file, ("organisers",), "empty: the source does not name who ran the project; the page says it is not known"))
        if entry.kind == "project" and r.programme and r.region is None:
            gaps.append(_gap(doc, file, ("region",), "empty: the region of this regional project is not recorded"))
        if entry.kind == "publication" and r.year is None:
            gaps.append(_gap(doc, file, ("year",), "empty: the publication year is not known"))
    if site is not None:
        statement = site.settings.statement
        for name in type(statement).model_fields:
            if getattr(statement, name) in (None, ""):
                gaps.append(_gap(site_document, "site.yml", ("settings", "statement", name),
                                 "not set yet: the accessibility statement shows it as missing"))
    return sorted(gaps)


def gaps_markdown(gaps: list[Gap]) -> str:
    if not gaps:
        return "## Content gaps\n\nNone: every optional fact is filled in.\n"
    files = len({g.file for g in gaps})
    lines = [
        "## Content gaps",
        "",
        f"{len(gaps)} facts in {files} files are not known yet. They are left empty on purpose, and the pages say so. "
        "Fill one in only from a source you can name — never guess an address or a date.",
        "",
        "| File | Field | What is missing |",
        "|---|---|---|",
    ]
    lines += [f"| `{g.file}:{g.line}` | `{g.field}` | {g.what.replace('|', '/')} |" for g in gaps]
    return "\n".join(lines) + "\n"
