"""Readability: every text of every variant that has a readability measure in mkdocs.yml,
held to that variant's targets (`build_pages.py check`), and the report.

A variant's measure and targets are data (mkdocs.yml → the variant's `readability:`; see
hbsite/variants.py): selkosuomi today has Wiio ≤ 5 and a mean sentence ≤ 9 words per page,
no sentence over 15 words and no abbreviations; Swedish gets its LIX in the report. A miss
is a problem at the line and column of the words to change, inside the YAML text or the
Markdown page. Wiio (or LIX) and the mean sentence belong to a whole page — a record's texts
together, as the reader meets them — so a page that misses is reported at the text that
contributes most, naming its words. Quotes' and titles' original words are someone else's
and are not measured (their renderings are); names of organisations and places (fields
marked `x-proper-names`) are checked for long sentences and abbreviations but not graded.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import Callable, Iterator

from pydantic import BaseModel

from .build import Content
from .load import _line_col, hidden_characters, read_text
from .messages import N_, _
from .problems import Problem
from .render import HAND_WRITTEN
from .variants import Readability, Variant

# ── the texts of a variant, each with where it stands ─────────────────────────────────────


@dataclass(frozen=True)
class Passage:
    """One text as a reader meets it, and the way back from a character to its file:line:col."""

    file: str
    text: str
    is_name: bool
    where: Callable[[int], tuple[int, int]] = field(repr=False, compare=False)

    def problem(self, offset: int, message: str) -> Problem:
        line, column = self.where(offset)
        return Problem(self.file, line, column, message)


def _holds_names(info) -> bool:
    extra = info.json_schema_extra
    return isinstance(extra, dict) and bool(extra.get("x-proper-names"))


def _variant_paths(value, key: str, path: tuple = (), names: bool = False) -> Iterator[tuple[tuple, str, bool]]:
    """(key path, text, is a name) for every text of variant `key` inside a record; quotes' and
    titles' original words are left out (not ours to simplify or to correct)."""
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        if key in fields and isinstance(getattr(value, key), str) and "text" not in fields:
            text = getattr(value, key)
            if text:
                yield path + (key,), text, names
            return
        for name, info in fields.items():
            if name == "text" and "translations" in fields:
                continue
            yield from _variant_paths(getattr(value, name), key, path + (name,), names or _holds_names(info))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _variant_paths(item, key, path + (index,), names)
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _variant_paths(item, key, path + (name,), names)


def variant_texts(value, key: str, names: bool = False) -> Iterator[tuple[str, bool]]:
    """(text, is a name) for every text of variant `key` inside a record."""
    for _path, text, is_name in _variant_paths(value, key, (), names):
        yield text, is_name


def record_passages(entry, key: str) -> list[Passage]:
    """Every text of variant `key` in a record, as the file gives it (so offsets map back)."""
    document = entry.document
    out = []
    for path, text, is_name in _variant_paths(entry.record, key):
        raw = document.value(path)
        if isinstance(raw, str):
            out.append(Passage(entry.file, raw, is_name, lambda offset, path=path: document.locate(path, offset)))
        else:
            out.append(Passage(entry.file, text, is_name, lambda offset, path=path: document.position(path)))
    return out


# What a hand-written page's prose is once its Markdown and Jinja are taken away. Each piece
# of markup is replaced by spaces of its own length (line breaks kept), so every offset in
# the prose is the same offset in the file.
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
# An unclosed {{ or {% (a typo) is markup to the end of its line: the page's template error
# is reported for it, not a readability miss.
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{[{%#][^\n]*", re.S)
_MD_LINK_TARGET = re.compile(r"(!?\[)([^\]]*)(\]\([^)]*\))")
_MD_MARKS = re.compile(r"^\s*(#+|[-*+]|\d+\.)\s+|[*_`\\]|<[^>]+>|^\{:.*\}$|^---$|\{:[^}]*\}|^\s*\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*$", re.M)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def page_prose(markdown: str) -> str:
    """The readable text of a hand-written page: front matter, Jinja and Markdown marks become
    spaces; the words keep their places."""
    text = _FRONT_MATTER.sub(_blank, markdown.replace("\r\n", "\n"))
    text = _JINJA.sub(_blank, text)
    text = _MD_LINK_TARGET.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(3)), text)
    text = _MD_MARKS.sub(_blank, text)
    return text.replace("|", " ")


def hand_written_files(content: Content, key: str) -> Iterator[tuple[str, object]]:
    """(shown name, path) of each hand-written page of a variant that exists (docs/<variant>/…)."""
    for path in HAND_WRITTEN:
        page = content.root / "docs" / key / path
        if page.exists():
            yield f"docs/{key}/{path}", page


def hand_written_pages(content: Content, key: str) -> Iterator[tuple[str, str]]:
    """(file, text) of each readable hand-written page of a variant (docs/<variant>/…); a page
    that is not UTF-8 is reported by page_problems() and left out here."""
    for shown, path in hand_written_files(content, key):
        text, _problems = read_text(path, shown)
        if text is not None:
            yield shown, text.replace("\r\n", "\n")


def page_passage(file: str, markdown: str) -> Passage:
    return Passage(file, page_prose(markdown), False, lambda offset: _line_col(markdown, offset))


def page_problems(content: Content) -> list[Problem]:
    """Every hand-written page: UTF-8, not absurdly big, nothing a reviewer cannot see."""
    problems = []
    for variant in content.variants:
        for shown, path in hand_written_files(content, variant.key):
            text, found = read_text(path, shown)
            problems += found
            if text is not None:
                problems += hidden_characters(text.replace("\r\n", "\n"), shown)
    return problems


def pages_of(content: Content, variant: Variant, publications: bool = True) -> Iterator[tuple[str, list[Passage]]]:
    """(file, passages) for every page of a variant: a record's texts together, or a
    hand-written page's prose."""
    for entry in content.records.all():
        if publications or entry.kind != "publication":
            yield entry.file, record_passages(entry, variant.key)
    for file, text in hand_written_pages(content, variant.key):
        yield file, [page_passage(file, text)]


# ── measuring a page against its variant's targets ────────────────────────────────────────
GRADE_NAMES = {"wiio": "Wiio", "lix": "LIX"}
WIIO_MISS = N_("the page's Wiio grade is {grade:.2f}, the target is at most {limit:g}: {long} of its {words} words have four or more "
             "syllables in their base form, and this text has the most of them: {listed} — write shorter, everyday words "
             "for at least {replace} of them on this page")
LIX_MISS = N_("the page's LIX is {grade:.0f}, the target is at most {limit:g}: {long} of its {words} words are longer than six "
            "letters, and this text has the most of them: {listed} — write shorter words for some of them, or shorter sentences")
MEAN_MISS = N_("the page's sentences have {mean:.1f} words on average, the target is at most {limit:g}: this text's {count} "
             "sentences have {text_mean:.1f} on average, and its longest has {longest} words (“{start} …”) — split long "
             "sentences into short ones")
SENTENCE_MISS = N_("this sentence has {count} words, the target is at most {limit:g}: “{start} …” — split it into two or more sentences")
ABBREVIATION_KNOWN = N_("'{form}' is an abbreviation, and {variant} texts have none: write '{full}'")
ABBREVIATION_UNKNOWN = N_("'{form}' is an abbreviation, and {variant} texts have none: write it out in full (an acronym as the whole "
                        "name; a common one can be added with its written-out form under 'abbreviations:' in terms.yml)")
_LISTED_MAX = 12
_START_WORDS = 6


@dataclass(frozen=True)
class Measured:
    """One page of one variant, measured."""

    file: str
    variant: str
    grade_name: str  # "wiio" or "lix"
    grade: float
    mean_words: float
    longest_words: int
    longest: str
    abbreviations: tuple[str, ...]
    targets: Readability | None = None

    @property
    def wiio(self) -> float:
        return self.grade

    def misses(self) -> list[str]:
        t = self.targets
        out = []
        if t is None:
            return out
        if t.grade_max is not None and self.grade > t.grade_max:
            out.append(f"{GRADE_NAMES[self.grade_name]} {self.grade:.2f} > {t.grade_max:g}")
        if t.mean_sentence_max is not None and self.mean_words > t.mean_sentence_max:
            out.append(_("mean sentence {mean:.1f} words > {limit:g}").format(mean=self.mean_words, limit=t.mean_sentence_max))
        if t.sentence_max is not None and self.longest_words > t.sentence_max:
            out.append(_("a sentence of {count} words > {limit:g}: “{sentence}”").format(count=self.longest_words, limit=t.sentence_max, sentence=self.longest))
        if not t.abbreviations and self.abbreviations:
            out.append(_("abbreviations: {forms}").format(forms=", ".join(self.abbreviations)))
        return out


def _start(sentence: str) -> str:
    from .readability import words

    return " ".join(words(sentence)[:_START_WORDS])


def _is_long(grade: str) -> Callable[[str], bool]:
    from . import readability

    return readability.is_long_for_wiio if grade == "wiio" else readability.is_long_for_lix


def _listed(found: list[tuple[str, str]]) -> str:
    """'budjetointi (budjetoinnin), henkilökohtainen, …': base forms once each, with the
    text's own form when it differs."""
    shown: dict[str, list[str]] = {}
    for word, base in found:
        forms = shown.setdefault(base, [])
        if word.lower() != base.lower() and word not in forms:
            forms.append(word)
    items = [f"{base} ({', '.join(forms)})" if forms else base for base, forms in shown.items()]
    more = len(items) - _LISTED_MAX
    shown = ", ".join(items[:_LISTED_MAX])
    return _("{words} and {count} more").format(words=shown, count=more) if more > 0 else shown


def measure_page(file: str, passages: list[Passage], variant: Variant, expansions: dict[str, str] | None = None) -> tuple[Measured, list[Problem]]:
    """A page's figures and every miss of its variant's targets, each at its line and column."""
    from . import readability

    targets = variant.readability
    grade_name = targets.grade if targets else "wiio"
    expansions = expansions or {}
    dotted = tuple(form for form in expansions if form.endswith("."))
    is_long = _is_long(grade_name)
    base = readability.base_form if grade_name == "wiio" else (lambda w: w)
    problems: list[Problem] = []

    graded_words = graded_sentences = graded_long = 0
    per_text = []  # (passage, long words [(offset, word, base)], sentence spans with counts)
    longest = (0, "")
    found_abbreviations: list[str] = []
    for passage in passages:
        spans = readability.sentence_spans(passage.text)
        counted = [(a, b, len(readability.words(passage.text[a:b]))) for a, b in spans]
        for a, b, count in counted:
            if count > longest[0]:
                longest = (count, passage.text[a:b])
            if targets and targets.sentence_max is not None and count > targets.sentence_max:
                problems.append(passage.problem(a, _(SENTENCE_MISS).format(count=count, limit=targets.sentence_max, start=_start(passage.text[a:b]))))
        for offset, form in readability.abbreviation_spans(passage.text, dotted):
            found_abbreviations.append(form)
            if targets and not targets.abbreviations:
                full = expansions.get(form) or expansions.get(form.lower())
                message = _(ABBREVIATION_KNOWN).format(form=form, variant=variant.name, full=full) if full else _(ABBREVIATION_UNKNOWN).format(form=form, variant=variant.name)
                problems.append(passage.problem(offset, message))
        if passage.is_name:
            continue
        matches = [m for m in readability.WORD.finditer(passage.text) if not (grade_name == "wiio" and m.group(0).isdigit())]
        long_words = [(m.start(), m.group(0), base(m.group(0))) for m in matches if is_long(m.group(0))]
        graded_words += len(matches)
        graded_long += len(long_words)
        graded_sentences += len(counted)
        per_text.append((passage, long_words, counted))

    if grade_name == "wiio":
        grade = 2.7 + 30 * graded_long / graded_words if graded_words else 0.0
    else:
        grade = (graded_words / max(graded_sentences, 1) + 100 * graded_long / graded_words) if graded_words else 0.0
    total_words = sum(count for _p, _w, counted in per_text for _a, _b, count in counted)
    mean = total_words / graded_sentences if graded_sentences else 0.0

    if targets and targets.grade_max is not None and grade > targets.grade_max and per_text:
        passage, long_words, _counted = max(per_text, key=lambda item: len(item[1]))
        listed = _listed([(word, b) for _offset, word, b in long_words])
        if grade_name == "wiio":
            allowed = int(graded_words * (targets.grade_max - 2.7) / 30 + 1e-9)
            message = _(WIIO_MISS).format(grade=grade, limit=targets.grade_max, long=graded_long, words=graded_words, listed=listed, replace=max(graded_long - allowed, 1))
        else:
            message = _(LIX_MISS).format(grade=grade, limit=targets.grade_max, long=graded_long, words=graded_words, listed=listed)
        problems.append(passage.problem(long_words[0][0] if long_words else 0, message))
    if targets and targets.mean_sentence_max is not None and mean > targets.mean_sentence_max and per_text:
        limit = targets.mean_sentence_max

        def excess(item) -> float:
            return sum(count - limit for _a, _b, count in item[2] if count > limit)

        passage, _long, counted = max(per_text, key=excess)
        a, b, count = max(counted, key=lambda s: s[2])
        text_mean = sum(c for _a, _b, c in counted) / len(counted)
        problems.append(passage.problem(a, _(MEAN_MISS).format(mean=mean, limit=limit, count=len(counted), text_mean=text_mean, longest=count, start=_start(passage.text[a:b]))))

    measured = Measured(file, variant.key, grade_name, grade, mean, longest[0], longest[1], tuple(found_abbreviations), targets)
    return measured, problems


def readability_check(content: Content, expansions: dict[str, dict[str, str]] | None = None) -> tuple[list[Measured], list[Problem]]:
    """Every page of every variant whose readability has targets, measured; every miss.
    VoikkoMissing (hbsite.readability) when a Wiio variant cannot be measured."""
    if expansions is None:
        from .terms import load_glossary

        expansions = load_glossary(content.root, content.variants)[0].abbreviations
    measured, problems = [], []
    for variant in content.variants:
        if variant.readability is None or not variant.readability.has_targets:
            continue
        pages = []
        for file, passages in pages_of(content, variant):
            m, found = measure_page(file, passages, variant, expansions.get(variant.key, {}))
            pages.append(m)
            problems += found
        measured += pages
        problems += median_problems(variant, pages)
    return measured, problems


def median_problems(variant, pages: list[Measured]) -> list[Problem]:
    """The variant-wide target: the median grade of all its pages. A miss is reported at the
    pages with the highest grades, where a rewrite moves the median most."""
    target = variant.readability.grade_median_max
    if target is None or not pages:
        return []
    median = statistics.median(m.grade for m in pages)
    if median <= target:
        return []
    hardest = sorted(pages, key=lambda m: -m.grade)[:3]
    return [Problem(m.file, 1, 1, _(
        "the median {grade} of the {variant} pages is {median:.1f}, the target is at most {target:g}: this page's {grade} is "
        "{value:.1f}, one of the highest — write shorter words and sentences here first"
    ).format(grade=variant.readability.grade.upper() if variant.readability.grade == "lix" else "Wiio",
             variant=variant.name, median=median, target=target, value=m.grade)) for m in hardest]


def measure_selko(content: Content) -> list[Measured]:
    """Every page of every variant with readability targets (today: selkosuomi)."""
    return readability_check(content)[0]


def grade_per_page(content: Content) -> list[tuple[str, str, str, float]]:
    """(variant, page, grade name, value) for every project/programme page and hand-written
    page of each variant whose readability is only reported (mkdocs.yml: `grade: lix`
    without targets)."""
    rows = []
    for variant in content.variants:
        if variant.readability is None or variant.readability.has_targets:
            continue
        for file, passages in pages_of(content, variant, publications=False):
            m, _problems = measure_page(file, passages, variant)
            slug = file.rsplit("/", 1)[-1].removesuffix(".yml") if file.startswith("projects/") else file
            rows.append((variant.key, slug, variant.readability.grade, m.grade))
    return rows


def lix_per_page(content: Content) -> list[tuple[str, str, float]]:
    return [(variant, page, value) for variant, page, grade, value in grade_per_page(content) if grade == "lix"]


def readability_summary(content: Content, measured: list[Measured] | None = None) -> str:
    """One line for the build's and the check's summary; the full report is `--readability`."""
    from .readability import VoikkoMissing

    if measured is None:
        try:
            measured = measure_selko(content)
        except VoikkoMissing as missing:
            return _("readability: not measured — {reason}").format(reason=missing)
    if not measured:
        return _("readability: no variant has readability targets")
    lines = []
    for variant in content.variants:
        pages = [m for m in measured if m.variant == variant.key]
        if not pages:
            continue
        failing = sum(1 for m in pages if m.misses())
        worst = max(m.grade for m in pages)
        lines.append(_(
            "readability ({variant}): {pages} pages, worst {grade_name} {worst:.2f}, mean sentence at most {mean:.1f} words, "
            "longest sentence {longest} words, {abbreviations} abbreviations; {failing} pages miss a target "
            "(.venv/bin/python build_pages.py check --readability)"
        ).format(variant=variant.key, pages=len(pages), grade_name=GRADE_NAMES[pages[0].grade_name], worst=worst,
                 mean=max(m.mean_words for m in pages), longest=max(m.longest_words for m in pages),
                 abbreviations=sum(len(m.abbreviations) for m in pages), failing=failing))
    return "\n".join(lines)


def readability_report(content: Content) -> str:
    measured = measure_selko(content)
    lines = [_("readability (variants with targets):")]
    for variant in content.variants:
        pages = [m for m in measured if m.variant == variant.key]
        if not pages:
            continue
        t = variant.readability
        targets = ", ".join(filter(None, [
            f"{GRADE_NAMES[t.grade]} ≤ {t.grade_max:g}" if t.grade_max is not None else "",
            _("mean sentence ≤ {limit:g} words").format(limit=t.mean_sentence_max) if t.mean_sentence_max is not None else "",
            _("no sentence over {limit:g} words").format(limit=t.sentence_max) if t.sentence_max is not None else "",
            _("no abbreviations") if not t.abbreviations else "",
        ]))
        worst = max(pages, key=lambda m: m.grade)
        failing = [m for m in pages if m.misses()]
        lines.append("  " + _(
            "{variant} ({targets}): {pages} pages; worst {grade_name} {worst:.2f} ({file}); longest sentence {longest} words; "
            "mean sentence at most {mean:.1f} words; abbreviations {abbreviations}; pages missing a target {failing}"
        ).format(variant=variant.key, targets=targets, pages=len(pages), grade_name=GRADE_NAMES[t.grade], worst=worst.grade,
                 file=worst.file, longest=max(m.longest_words for m in pages), mean=max(m.mean_words for m in pages),
                 abbreviations=sum(len(m.abbreviations) for m in pages), failing=len(failing)))
        for m in pages:
            mark = "  " + _("MISS: {misses}").format(misses="; ".join(m.misses())) if m.misses() else ""
            lines.append("    " + _("{file}: {grade_name} {grade:.2f}, mean sentence {mean:.1f}, longest {longest}").format(
                file=m.file, grade_name=GRADE_NAMES[m.grade_name], grade=m.grade, mean=m.mean_words, longest=m.longest_words) + mark)
    lines.append(_("LIX per page (< 30 very easy, 30–40 easy, 40–50 medium, > 50 hard):"))
    for variant, page, value in lix_per_page(content):
        lines.append(f"  {variant} {page}: LIX {value:.0f}")
    return "\n".join(lines)
