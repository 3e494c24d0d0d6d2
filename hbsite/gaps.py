"""The content-gaps report: facts we lack, listed instead of guessed (Markdown, for a PR comment)."""
from __future__ import annotations

from pydantic import BaseModel

from .validate import Records


def find_gaps(records: Records, site: BaseModel | None) -> list[tuple[str, str]]:
    """(file, what is missing) for every empty optional fact."""
    gaps: list[tuple[str, str]] = []
    for entry in records.all():
        r = entry.record
        link = getattr(r, "link", None)
        if link is None or not link.url:
            gaps.append((entry.file, "link.url — the web address of the page or file is not known"))
        website = getattr(r, "website", None)
        if website is not None and not website.url:
            gaps.append((entry.file, f"website.url — the address of {website.name} is not recorded"))
        if entry.kind in ("programme", "project") and not (r.start and r.end):
            gaps.append((entry.file, "start/end — the exact dates are not known" + (f" (the source says {r.years})" if getattr(r, "years", None) else "")))
        if entry.kind == "publication" and r.year is None:
            gaps.append((entry.file, "year — the publication year is not known"))
    if site is not None:
        statement = site.settings.statement
        for name in type(statement).model_fields:
            if getattr(statement, name) in (None, ""):
                gaps.append(("site.yml", f"settings.statement.{name} — not set; the accessibility statement shows it as missing"))
    return gaps


def gaps_markdown(gaps: list[tuple[str, str]]) -> str:
    if not gaps:
        return "## Content gaps\n\nNone: every optional fact is filled in.\n"
    lines = ["## Content gaps", "", f"{len(gaps)} facts are not known yet. They are left empty on purpose: fill them in only from a source you can name.", "", "| File | Missing |", "|---|---|"]
    lines += [f"| `{file}` | {what} |" for file, what in gaps]
    return "\n".join(lines) + "\n"
