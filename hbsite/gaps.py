"""The content-gaps report: facts we lack, listed instead of guessed (Markdown, for a PR comment).

A gap is not an error: the page shows "not known yet" and the build passes. The report lists
each gap with the file and line where it would be filled in, so that an editor who finds the
fact in a source can add it.
"""
from __future__ import annotations

import dataclasses
import datetime

from dataclasses import dataclass

from pydantic import BaseModel

from .load import Document
from .messages import _, ngettext
from .validate import Records


@dataclass(frozen=True, order=True)
class Gap:
    file: str
    line: int
    field: str
    what: str


def _gap(document: Document | None, file: str, path: tuple, what: str) -> Gap:
    line = document.position(path)[0] if document is not None else 1
    field = "".join(f"[{p + 1}]" if isinstance(p, int) else ("." if i else "") + str(p) for i, p in enumerate(path))
    return Gap(file, line, field, what)  # list items counted from 1, as in check's messages


# A source read longer ago than this may have changed: the report asks for it to be read again.
STALE_AFTER_DAYS = 365


def find_gaps(records: Records, site: BaseModel | None, site_document: Document | None = None,
              today: datetime.date | None = None) -> list[Gap]:
    """Every empty optional fact and every source due to be read again, sorted by file and line."""
    today = today or datetime.date.today()
    gaps: list[Gap] = []
    unsourced: dict[tuple[str, str], list] = {}
    for entry in records.all():
        before = len(gaps)
        r, doc, file = entry.record, entry.document, entry.file
        if entry.kind in ("project", "publication"):
            link = r.link
            if link is None:
                gaps.append(_gap(doc, file, ("link",), _("no link: the web address of the project's or publication's own page is not recorded (add link: with text: and targets:)")))
            elif not link.targets:
                gaps.append(_gap(doc, file, ("link", "targets"), _("no link target: the address of the page the link goes to is not known, so the page shows no link (add a target with url: and lang:)")))
        for i, source in enumerate(r.sources):
            for name in ("url", "publisher"):
                if not getattr(source, name):
                    unsourced.setdefault((source.url or source.title, name), []).append((doc, file, ("sources", i, name), source.title))
            read_on = datetime.date.fromisoformat(source.read_on)
            if (today - read_on).days > STALE_AFTER_DAYS:
                what = (_("read on {date}, more than 12 months ago: the page on where personal budgeting stands today rests on it — read the source again, correct the event if it has changed, and write the new day in read_on") if getattr(r, "topic", None)
                        else _("read on {date}, more than 12 months ago: read the source again, correct the record if it has changed, and write the new day in read_on"))
                gaps.append(_gap(doc, file, ("sources", i, "read_on"), what.format(date=source.read_on)))
        website = getattr(r, "website", None)
        if website is not None and not website.url:
            gaps.append(_gap(doc, file, ("website", "url"), _("missing URL: the address of {name} is not recorded").format(name=website.name)))
        if entry.kind in ("programme", "project"):
            for name in ("start", "end"):
                if not getattr(r, name):
                    years = getattr(r, "years", None)
                    if name == "start":
                        what = _("empty: the exact start date is not known (the source says {years})") if years else _("empty: the exact start date is not known")
                    else:
                        what = _("empty: the exact end date is not known (the source says {years})") if years else _("empty: the exact end date is not known")
                    gaps.append(_gap(doc, file, (name,), what.format(years=years)))
        if entry.kind == "project" and not r.organisers:
            gaps.append(_gap(doc, file, ("organisers",), _("empty: the source does not name who ran the project; the page says it is not known")))
        if entry.kind == "project" and r.programme and r.region is None:
            gaps.append(_gap(doc, file, ("region",), _("empty: the region of this regional project is not recorded")))
        if entry.kind == "publication" and r.year is None:
            gaps.append(_gap(doc, file, ("year",), _("empty: the publication year is not known")))
        if entry.kind == "publication" and r.extent is None:
            gaps.append(_gap(doc, file, ("extent",), _("empty: the number of pages or minutes is not known")))
        # The record's own note of why a fact is empty (`unknown:`), beside the gap.
        for i in range(before, len(gaps)):
            name = gaps[i].field if gaps[i].field in r.unknown else gaps[i].field.split(".")[0]
            if name in r.unknown:
                line = doc.position(("unknown", name))[0] if doc is not None else gaps[i].line
                gaps[i] = dataclasses.replace(gaps[i], line=line, what=_("{what} — why: {reason}").format(what=gaps[i].what, reason=r.unknown[name]))
    # A source cited by several records lacks its address or publisher once: one gap, listed at
    # the first record that cites it, naming the others (filled in, it is copied to each).
    for (_source, name), places in unsourced.items():
        doc, file, path, title = places[0]
        others = ", ".join(sorted({p[1] for p in places[1:]}))
        if name == "url":
            what = (_("missing URL: the address of the source '{title}' is not recorded, so the page cannot link to it (also cited without it in {files})") if others
                    else _("missing URL: the address of the source '{title}' is not recorded, so the page cannot link to it"))
        else:
            what = (_("missing publisher: who published the source '{title}' is not confirmed (also cited without it in {files})") if others
                    else _("missing publisher: who published the source '{title}' is not confirmed"))
        what = what.format(title=title, files=others)
        gaps.append(_gap(doc, file, path, what))
    if site is not None:
        statement = site.settings.statement
        for name in type(statement).model_fields:
            if getattr(statement, name) in (None, ""):
                gaps.append(_gap(site_document, "site.yml", ("settings", "statement", name),
                                 _("not set yet: the accessibility statement shows it as missing")))
    return sorted(gaps)


def gaps_markdown(gaps: list[Gap]) -> str:
    heading = "## " + _("Content gaps")
    if not gaps:
        return heading + "\n\n" + _("None: every optional fact is filled in.") + "\n"
    files = len({g.file for g in gaps})
    in_files = ngettext("in {files} file", "in {files} files", files).format(files=files)
    lines = [
        heading,
        "",
        ngettext("{count} fact {in_files} is not known yet.", "{count} facts {in_files} are not known yet.", len(gaps)).format(count=len(gaps), in_files=in_files)
        + " " + _("They are left empty on purpose, and the pages say so. Fill one in only from a source you can name — never guess an address or a date."),
        "",
        "| " + _("File") + " | " + _("Field") + " | " + _("What is missing") + " |",
        "|---|---|---|",
    ]
    lines += [f"| `{g.file}:{g.line}` | `{g.field}` | {g.what.replace('|', '/')} |" for g in gaps]
    return "\n".join(lines) + "\n"
