"""Stage 3: records → Markdown pages, one set per variant, through Jinja templates.

Content is data, never markup: every value a template prints goes through `finalize`, which
escapes it for HTML and for Markdown, so `<script>`, `[x](javascript:…)` or `{{ 7*7 }}` in
a record show as literal text. Only helpers defined here return `Markup` (trusted output).
Record values are never rendered as templates; the hand-written pages in `docs/<variant>/` are
templates, run in Jinja's sandbox.
"""
from __future__ import annotations

import functools
import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import jinja2
from jinja2 import meta
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from .memo import Memo, ReadRecords, Reads, ReadSlugs, digest, fingerprint, read_value
from .messages import _
from .model import ISO_DATE
from .validate import Entry, Records
from .variants import Variant

# Python-Markdown's backslash-escapable characters (markdown.Markdown.ESCAPED_CHARS plus the
# tables extension's '|'). Escaping any other character would leave a visible backslash.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")
_BLANK_LINE = re.compile(r"\n\s*\n")
PUBLICATION_TYPES = ("report", "final_publication", "interim_report", "publication", "glossary", "slide_set", "animation_video", "documentary_video")


def md_escape(value: Any) -> Markup:
    """Plain text → inline Markdown that renders as exactly that text."""
    return _escaped(str(value))


@functools.lru_cache(maxsize=65536)  # a name or an interface text is escaped on many pages
def _escaped(text: str) -> Markup:
    text = html.escape(" ".join(text.split()), quote=True)
    return Markup(_MD_SPECIAL.sub(r"\\\1", text))


def md_paragraphs(value: Any) -> Markup:
    """Plain text with blank-line paragraphs → escaped Markdown paragraphs."""
    parts = [p for p in _BLANK_LINE.split(str(value).strip()) if p.strip()]
    return Markup("\n\n".join(md_escape(p) for p in parts))


def attr(value: Any) -> Markup:
    """A value for an HTML attribute in raw HTML inside Markdown."""
    return Markup(html.escape(str(value), quote=True))


def _date(iso: str) -> str:
    """2020-01-08 → 8.1.2020, the form Finnish and Finland-Swedish texts both use."""
    year, month, day = iso.split("-")
    return f"{int(day)}.{int(month)}.{year}"


NBSP = "\u00a0"
# Interface strings (site.yml) that the helpers below use, besides those the templates name.
STRINGS_IN_CODE = ("money", "grant_sentence", "grant_total_partial", "source_read", "number_words", "period_until", "period_from",
                   "in_lang_fi", "in_lang_sv", "in_lang_en", "and", "month_names", "event_source", "event_about", "events_checked_on", "sources")


def grouped(amount: int) -> str:
    """535952 → "535 952" with no-break spaces between the thousands (Finnish and Swedish)."""
    return f"{amount:,}".replace(",", NBSP)


def md_escape_nbsp(value: Any) -> Markup:
    """md_escape that keeps no-break spaces (md_escape folds every space into one plain space)."""
    return Markup(NBSP).join(md_escape(part) for part in str(value).split(NBSP))


class VariantText(str):
    """A record text in one variant, with the language it is really in when that differs from
    the page's: a Swedish text identical to the Finnish one is a name kept in Finnish
    ("Metropolia", "Karviainen"), so it is marked lang="fi" for screen readers."""

    lang: str | None = None

    def __new__(cls, value: str, lang: str | None = None):
        obj = super().__new__(cls, value)
        obj.lang = lang
        return obj


def md_inline(value: Any) -> Markup:
    """Escaped inline Markdown, wrapped in a lang span when the text is in another language."""
    escaped = md_escape(value)
    lang = getattr(value, "lang", None)
    return Markup(f'<span lang="{attr(lang)}">{escaped}</span>') if lang else escaped


def md_paragraphs_lang(value: Any) -> Markup:
    lang = getattr(value, "lang", None)
    body = md_paragraphs(value)
    return Markup(f'<div lang="{attr(lang)}" markdown>\n\n{body}\n\n</div>') if lang else body


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return md_inline(value)


@dataclass(frozen=True)
class Page:
    """One page to write: its path inside a variant's folder and its Markdown."""

    variant: str
    path: str  # e.g. "hankkeet/hebu-vantaa.md"
    markdown: str
    hand_written: bool = False  # the rendering of docs/<variant>/<path> (goes to build/pages/)


# Where each kind of page lives inside a variant folder. URLs follow with directory URLs.
HOME = "index.md"
NOW = "nyt/index.md"
TIMELINE = "aikajana/index.md"
PROJECTS_INDEX = "hankkeet/index.md"
PUBLICATIONS_INDEX = "julkaisut/index.md"
STATEMENT = "saavutettavuusseloste/index.md"
NOT_FOUND = "404.md"
# Front matter the renderer adds to a hand-written page: a variant's "not found" page is no
# search result.
FRONT_MATTER = {NOT_FOUND: "---\nsearch:\n  exclude: true\n---\n"}
# The hand-written pages: docs/<variant>/<path>, committed. They are Jinja templates (sandboxed)
# rendered with the records; the rendering goes to build/pages/, where MkDocs reads it.
HAND_WRITTEN = (HOME, NOW, TIMELINE, PROJECTS_INDEX, PUBLICATIONS_INDEX, STATEMENT, NOT_FOUND)


def record_path(entry: Entry) -> str:
    if entry.kind == "publication":
        return f"{PUBLICATIONS_INDEX}#{entry.slug}"
    if entry.kind == "event":
        return f"{TIMELINE}#{entry.slug}"
    return f"hankkeet/{entry.slug}.md"


# A long list (a programme's projects, the publications index) is shown this many at a time,
# so that a page stays near 60 KB of HTML however many records there are (bench/bench.py
# measures it); today's 9 projects and 6 publications fit on one page.
LIST_PAGE_SIZE = 50


def list_page_path(first: str, number: int) -> str:
    """Page 1 is the list's own page; later pages sit below it: hankkeet/x.md → hankkeet/x/sivu-2.md,
    julkaisut/index.md → julkaisut/sivu-2.md."""
    if number == 1:
        return first
    folder = first.removesuffix("index.md") if first.endswith("/index.md") else first.removesuffix(".md") + "/"
    return f"{folder}sivu-{number}.md"


@dataclass(frozen=True)
class Paged:
    """One page of a long list: its items, its number, and every page's number and path."""

    items: list
    number: int
    links: list[tuple[int, str]]

    @property
    def count(self) -> int:
        return len(self.links)


def page_count(items: list) -> int:
    return max(1, -(-len(items) // LIST_PAGE_SIZE))


def paged(items: list, number: int, first: str) -> Paged:
    start = (number - 1) * LIST_PAGE_SIZE
    links = [(n, list_page_path(first, n)) for n in range(1, page_count(items) + 1)]
    return Paged(items[start:start + LIST_PAGE_SIZE], number, links)


def ordered_publications(records: Records) -> list[Entry]:
    """The publications index's order: by type (PUBLICATION_TYPES), then by file name."""
    return sorted(records.publications, key=lambda e: (PUBLICATION_TYPES.index(e.record.type), e.slug))


class Renderer:
    def __init__(self, root: Path, variants: tuple[Variant, ...], records: Records, site: Any, memo: Memo | None = None):
        self.root = root
        self.variants = variants
        self.records = self.given = records
        self.site = site
        self.by_slug = records.by_slug()
        self._used: dict[str, set[str]] = {}
        self.memo = memo
        if memo is not None:
            # The templates see the records through readers that note what each page reads.
            self._reads = Reads()
            self._given_slugs, self._values = self.by_slug, {}
            self.records = ReadRecords(records, self._reads)
            self.by_slug = ReadSlugs(self.by_slug, self._reads)
            self._inputs = digest(repr(variants), *self._texts([root / "site.yml", *sorted((root / "templates").glob("*"))]))
        if memo is not None and root in memo.environments:
            self.env, self.pages_env = memo.environments[root]
            return
        loader = jinja2.FileSystemLoader(str(root / "templates"))
        common = dict(undefined=jinja2.StrictUndefined, finalize=_finalize, autoescape=True,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
        self.env = jinja2.Environment(loader=loader, **common)
        self.pages_env = SandboxedEnvironment(loader=jinja2.FileSystemLoader(str(root / "docs")), **common)
        for env in (self.env, self.pages_env):
            env.filters.update(md=md_inline, paragraphs=md_paragraphs_lang, attr=attr)
        if memo is not None:  # Jinja reloads a template whose file changed
            memo.environments[root] = (self.env, self.pages_env)

    @staticmethod
    def _texts(paths: list[Path]) -> list[str]:
        return [f"{p.name}\0{p.read_text(encoding='utf-8') if p.is_file() else ''}" for p in paths]

    def _page(self, make: Callable[[], str], *inputs: Any) -> str:
        """A page's Markdown: made by `make`, or, under serve (hbsite/memo.py), the last build's
        when its inputs are the same and everything it read of the records still is."""
        if self.memo is None:
            return make()
        key = digest(self._inputs, fingerprint(inputs))
        kept = self.memo.pages.get(key)
        if kept is not None and all(self._read_value(read) == value for read, value in kept[1]):
            return kept[0]
        self._reads.items = set()
        markdown = make()
        self.memo.pages.put(key, (markdown, tuple((read, self._read_value(read)) for read in self._reads.items)))
        return markdown

    def _read_value(self, read: tuple) -> Any:
        if read not in self._values:
            self._values[read] = read_value(self.given, self._given_slugs, read)
        return self._values[read]

    # ── helpers given to templates ──────────────────────────────────────────────────────
    def _helpers(self, variant: Variant, current: str) -> dict[str, Callable]:
        strings = self.site.strings
        default = next(v for v in self.variants if v.default)

        def t(key: str, **values) -> str:
            if key not in strings:
                raise KeyError(f"site.yml: strings.{key} is missing")
            text = getattr(strings[key], variant.key)
            return text.format(**values) if values else text

        def text(value) -> VariantText:
            own = getattr(value, variant.key)
            kept = variant.lang != default.lang and own == getattr(value, default.key)
            return VariantText(own, default.lang if kept else None)

        def link_to(target: str) -> Markup:
            path, _, anchor = target.partition("#")
            rel = posixpath.relpath(path, posixpath.dirname(current) or ".")
            return Markup(rel + (f"#{anchor}" if anchor else ""))

        def link(label: Any, target: str, **attrs) -> Markup:
            extra = "".join(f' {k}="{attr(v)}"' for k, v in attrs.items())
            label_md = label if isinstance(label, Markup) else md_inline(label)
            if extra:
                return Markup(f"[{label_md}]({link_to(target)}){{{extra.strip()}}}")
            return Markup(f"[{label_md}]({link_to(target)})")

        def external(url: str, label: Any, lang: str | None = None) -> Markup:
            """A link out of the site. `lang` is the target page's language: when it is not the
            page's, the link text says so ("(på finska)") and the link carries hreflang."""
            # Schema allows only https/http/mailto; the URL is escaped for Markdown's link syntax.
            safe = url.replace("\\", "%5C").replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
            label_md = label if isinstance(label, Markup) else md_inline(label)
            if lang and lang != variant.lang:
                return Markup(f'[{label_md} {in_language(lang)}](<{safe}>){{hreflang="{attr(lang)}"}}')
            return Markup(f"[{label_md}](<{safe}>)")

        # ── languages of what a page links to (issue #9) ──
        def in_language(lang: str) -> Markup:
            """"(på finska)": the note for something in language `lang` (site.yml in_lang_<lang>)."""
            return md_escape(t(f"in_lang_{lang}"))

        def target(link) -> Any:
            """The target a page links to: the one in the page's language, else the first (None: none known)."""
            if link is None or not link.targets:
                return None
            return next((x for x in link.targets if x.lang == variant.lang), link.targets[0])

        def outbound(link, label: Any = None) -> Markup | None:
            """A record's link (project or publication) as Markdown, or None when no target is known."""
            chosen = target(link)
            if chosen is None:
                return None
            return external(chosen.url, text(link.text) if label is None else label, chosen.lang)

        def source_entry(source) -> Markup:
            """One source: publisher, title (a link when the address is known), its language when
            not the page's, and the day it was read."""
            other = source.lang != variant.lang
            title = VariantText(source.title, source.lang if other else None)
            if source.url:
                shown = external(source.url, title, source.lang)
            else:
                shown = Markup(f"{md_inline(title)} {in_language(source.lang)}") if other else md_inline(title)
            publisher = md_inline(VariantText(source.publisher, source.lang if other else None)) if source.publisher else None
            read = md_escape(t("source_read", date=_date(source.read_on)))
            return Markup(f"{publisher}: {shown}, {read}") if publisher else Markup(f"{shown}, {read}")

        def page_sources(record, publications=()) -> list:
            """A page's sources: its record's, then those of the publications it lists (their
            facts are on the page too), each source once."""
            return unique_sources([*record.sources, *(s for e in publications for s in e.record.sources)])

        def unique_sources(sources) -> list:
            seen, found = set(), []
            for source in sources:
                key = source.url or (source.publisher, source.title)
                if key not in seen:
                    seen.add(key)
                    found.append(source)
            return found

        def source_entries(sources) -> Markup:
            """Every source on one line (a publication's sources in a list)."""
            return Markup("; ").join(source_entry(s) for s in sources)

        # ── money and counts: computed from the records, never typed (issue #9) ──
        def date(iso: str) -> str:
            return _date(iso) if iso else t("gap")

        def money(amount: int) -> Markup:
            """535952 → "535 952 €" / "535 952 euroa" (site.yml money), with no-break spaces."""
            return md_escape_nbsp(t("money", amount=grouped(amount)).replace(" ", NBSP))

        def grant_sentence(grant) -> Markup:
            """The plain sentence that says how much the state gave (site.yml grant_sentence)."""
            amount = t("money", amount=grouped(grant.amount)).replace(" ", NBSP)
            return md_escape_nbsp(t("grant_sentence", amount=amount))

        def _record(slug: str, kind: str, helper: str):
            entry = self.by_slug.get(slug)
            if entry is None or entry.kind != kind:
                raise KeyError(_("{helper}('{slug}'): there is no {kind} '{slug}' — write the file name of a {kind} without .yml").format(helper=helper, slug=slug, kind=kind))
            return entry

        def count_projects(programme: str | None = None) -> int:
            """How many projects the programme has (all projects without an argument)."""
            if programme is None:
                return len(self.records.projects)
            return len(self.records.projects_of(_record(programme, "programme", "count_projects").slug))

        def count_publications(project: str | None = None) -> int:
            """How many publications the project has (all publications without an argument)."""
            if project is None:
                return len(self.records.publications)
            return len(self.records.publications_of(_record(project, "project", "count_publications").slug))

        def count_items(slug: str, field: str) -> int:
            """How many items a list field of a record has, e.g. count_items('avain-kansalaisuuteen', 'pilots')."""
            entry = self.by_slug.get(slug)
            if entry is None:
                raise KeyError(_("count_items('{slug}', '{field}'): there is no record '{slug}' — write the file name of a record without .yml").format(slug=slug, field=field))
            value = getattr(entry.record, field, None)
            if not isinstance(value, list):
                raise KeyError(_("count_items('{slug}', '{field}'): '{field}' is not a list field of a {kind} — use one of: {fields}").format(
                    slug=slug, field=field, kind=entry.kind, fields=", ".join(n for n, v in entry.record if isinstance(v, list))))
            return len(value)

        def number_word(n: int) -> str:
            """A count in running text as the variant writes it: the n-th word of site.yml
            number_words ("yhdeksän", "nio"), digits beyond the list."""
            words = t("number_words").split()
            return words[n] if 0 <= n < len(words) else str(n)

        def grants_of(programme: str) -> list:
            return [e.record.grant for e in self.records.projects_of(_record(programme, "programme", "grant_total").slug) if e.record.grant]

        def grant_total(programme: str) -> Markup | None:
            """The sum of the programme's projects' state grants ("2 926 400 €"), with a note when
            some projects have no grant recorded; None when none has."""
            grants = grants_of(programme)
            if not grants:
                return None
            total = money(sum(g.amount for g in grants))
            projects = len(self.records.projects_of(programme))
            if len(grants) < projects:
                return Markup(f"{total} {md_escape(t('grant_total_partial', known=len(grants), count=projects))}")
            return total

        def original(value) -> VariantText:
            """Text kept in its original language (a title, a quote), printed with its lang."""
            return VariantText(value.text, value.lang)

        def translation(value) -> str | None:
            if value.lang == variant.key:
                return None
            return getattr(value.translations, variant.key)

        def setting(dotted: str) -> Markup:
            node: Any = self.site.settings
            for part in dotted.split("."):
                node = getattr(node, part)
            if node in (None, ""):
                return Markup(f'<span class="hb-gap">{md_escape(t("not_set"))}</span>')
            if hasattr(node, variant.key):
                return md_paragraphs(getattr(node, variant.key))
            if dotted.endswith("conformance"):
                return md_escape(t(f"conformance_{node}"))
            if ISO_DATE.match(str(node)):
                return md_escape(_date(node))
            if dotted.endswith("_email"):
                return external(f"mailto:{node}", node)
            return md_escape(node)

        def period(record) -> str:
            # A date we lack is said, not left as a dangling dash ("–31.12.2021").
            if record.start and record.end:
                return f"{_date(record.start)}–{_date(record.end)}"
            if record.end:
                return t("period_until", end=_date(record.end))
            if record.start:
                return t("period_from", start=_date(record.start))
            return getattr(record, "years", None) or t("gap")

        # ── the timeline and the "now" page (issue #14) ──
        listed: list = []  # the events this page has listed so far: event_sources() lists their sources

        def event_date(iso: str) -> Markup:
            """"2022-03-04" → 4.3.2022, "2022-03" → maaliskuu 2022, "2022" → 2022, in a <time>."""
            parts = iso.split("-")
            shown = _date(iso) if len(parts) == 3 else f"{t('month_names').split()[int(parts[1]) - 1]} {parts[0]}" if len(parts) == 2 else iso
            return Markup(f'<time datetime="{attr(iso)}">{md_escape(shown[:1].upper() + shown[1:])}</time>')

        def named(source) -> Markup:
            """A source's publisher (or title) in its own language, marked as such when not the page's."""
            return md_inline(VariantText(source.publisher or source.title, source.lang if source.lang != variant.lang else None))

        def event_list(topic: str | None = None) -> Markup:
            """The events (of one topic of the "now" page, or all: the timeline) as an ordered
            list, oldest first: date, what happened, its sources, the record it concerns."""
            events = self.records.events_of(topic)
            listed.extend(e for e in events if e not in listed)
            items = []
            for e in events:
                ev = e.record
                sources = ", ".join(
                    external(s.url, named(s), s.lang) if s.url else named(s) for s in ev.sources)
                item = f'1. <span id="{attr(e.slug)}"></span>**{event_date(ev.date)}:** {md_inline(text(ev.text))} ({md_escape(t("event_source"))}: {sources})'
                if ev.about and ev.about in self.by_slug:
                    about = self.by_slug[ev.about]
                    item += f"<br>\n   {md_escape(t('event_about'))}: {link(text(about.record.short_name), record_path(about))}"
                items.append(item)
            return Markup('<div class="hb-timeline" markdown>\n\n' + "\n".join(items) + "\n\n</div>")

        def event_sources() -> Markup:
            """The sources section of a page that lists events: the sources of every event it has
            listed, each once, in the order the events came."""
            sources = unique_sources([s for e in listed for s in e.record.sources])
            return Markup(f"## {md_escape(t('sources'))}\n\n" + "\n".join(f"- {source_entry(s)}" for s in sources))

        def events_checked_on() -> str:
            """The sentence that says when the "now" statements were last checked: the oldest
            day any source of an event with a topic was read (every one was read since)."""
            days = [s.read_on for e in self.records.events if e.record.topic for s in e.record.sources]
            return t("events_checked_on", date=_date(min(days))) if days else t("gap")

        def variant_names() -> Markup:
            """The site's variants by their own names ("Suomi, Svenska, … ja Lätt svenska"), each
            marked with its language: the list comes from mkdocs.yml, never typed."""
            shown = [Markup(f'<span lang="{attr(v.lang)}">{md_escape(v.name)}</span>') if v.lang != variant.lang else md_escape(v.name)
                     for v in self.variants]
            return Markup(", ").join(shown[:-1]) + Markup(f" {md_escape(t('and'))} ") + shown[-1] if len(shown) > 1 else Markup("").join(shown)

        def names(organisers) -> Markup:
            if not organisers:
                return md_escape(t("gap"))
            return Markup(", ").join(md_inline(text(o.name)) for o in organisers)

        return dict(t=t, text=text, link=link, link_to=link_to, external=external, original=original,
                    translation=translation, setting=setting, period=period, names=names,
                    in_language=in_language, target=target, outbound=outbound, source_entry=source_entry,
                    source_entries=source_entries, page_sources=page_sources, date=date, money=money, grant_sentence=grant_sentence,
                    count_projects=count_projects, count_publications=count_publications,
                    count_items=count_items, number_word=number_word, grant_total=grant_total,
                    event_list=event_list, event_sources=event_sources, events_checked_on=events_checked_on,
                    variant_names=variant_names, count_variants=lambda: len(self.variants))

    def _context(self, variant: Variant, current: str) -> dict[str, Any]:
        return dict(
            variant=variant,
            variants=self.variants,
            records=self.records,
            by_slug=self.by_slug,
            record_path=record_path,
            paged=paged,
            ordered_publications=lambda: ordered_publications(self.records),
            publications_index=PUBLICATIONS_INDEX,
            publication_types=PUBLICATION_TYPES,
            **self._helpers(variant, current),
        )

    def _render(self, template: str, variant: Variant, current: str, **extra) -> str:
        return self.env.get_template(template).render(**self._context(variant, current), **extra)

    # ── pages ───────────────────────────────────────────────────────────────────────────
    def pages(self) -> list[Page]:
        out: list[Page] = []
        for variant in self.variants:
            out.extend(self.variant_pages(variant))
        return out

    def variant_pages(self, variant: Variant) -> list[Page]:
        pages = []
        records = self.given  # what the pages are, not what one page reads
        for entry in records.programmes:
            projects = records.projects_of(entry.slug)
            for number in range(1, page_count(projects) + 1):
                path = list_page_path(record_path(entry), number)
                page = paged(projects, number, record_path(entry))
                publications = records.publications_of(entry.slug)
                # A list page is given its own slice: an edited project renders the list page
                # that shows it again, not every page of the list.
                pages.append(Page(variant.key, path, self._page(lambda: self._render(
                    "programme.md.j2", variant, path, entry=entry, page=page, publications=publications),
                    "programme", variant.key, path, entry, page.items, page.links, publications)))
        for entry in records.projects:
            path = record_path(entry)
            publications = records.publications_of(entry.slug)
            pages.append(Page(variant.key, path, self._page(lambda: self._render(
                "project.md.j2", variant, path, entry=entry, publications=publications),
                "project", variant.key, path, entry, publications)))
        for path in HAND_WRITTEN:
            source = self._texts([self.root / "docs" / variant.folder / path]) if self.memo else ()
            pages.append(Page(variant.key, path, self._page(lambda: self._hand_written(variant, path),
                                                            "hand-written", variant.key, path, *source), hand_written=True))
        for number in range(2, page_count(records.publications) + 1):
            path = list_page_path(PUBLICATIONS_INDEX, number)
            pages.append(Page(variant.key, path, self._page(lambda: self._render("publication_page.md.j2", variant, path, number=number),
                                                            "publications", variant.key, path, number)))
        return pages

    def _hand_written(self, variant: Variant, path: str) -> str:
        template = f"{variant.folder}/{path}"
        context = self._context(variant, path)
        used = self._names_used(template)
        # The two lists are rendered only for the pages that print them (at 1,000 records they
        # are most of the time of a hand-written page).
        if "programme_list" in used:
            context["programme_list"] = Markup(self._render("programme_list.md.j2", variant, path))
        if "publication_list" in used:
            context["publication_list"] = Markup(self._render("publication_list.md.j2", variant, path, number=1))
        body = self.pages_env.get_template(template).render(**context)
        return FRONT_MATTER.get(path, "") + body

    def _names_used(self, template: str) -> set[str]:
        if template not in self._used:
            source = self.pages_env.loader.get_source(self.pages_env, template)[0]
            self._used[template] = meta.find_undeclared_variables(self.pages_env.parse(source))
        return self._used[template]
