"""The build's readability report: every selkosuomi text measured, LIX for every Swedish page.

Selkosuomi targets (Selkokeskus guidance, made measurable): Wiio grade ≤ 5, mean sentence
≤ 9 words, no sentence over 15 words, no abbreviations. Quotes' original words are someone
else's and are not measured; their plain renderings are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from pydantic import BaseModel

from .build import Content

WIIO_MAX = 5.0
MEAN_WORDS_MAX = 9.0
SENTENCE_WORDS_MAX = 15


@dataclass(frozen=True)
class Measured:
    file: str
    variant: str
    wiio: float
    mean_words: float
    longest_words: int
    longest: str
    abbreviations: tuple[str, ...]

    def misses(self) -> list[str]:
        out = []
        if self.wiio > WIIO_MAX:
            out.append(f"Wiio {self.wiio:.2f} > {WIIO_MAX}")
        if self.mean_words > MEAN_WORDS_MAX:
            out.append(f"mean sentence {self.mean_words:.1f} words > {MEAN_WORDS_MAX}")
        if self.longest_words > SENTENCE_WORDS_MAX:
            out.append(f"a sentence of {self.longest_words} words > {SENTENCE_WORDS_MAX}: “{self.longest}”")
        if self.abbreviations:
            out.append(f"abbreviations: {', '.join(self.abbreviations)}")
        return out


def _holds_names(info) -> bool:
    extra = info.json_schema_extra
    return isinstance(extra, dict) and bool(extra.get("x-proper-names"))


def variant_texts(value, key: str, names: bool = False) -> Iterator[tuple[str, bool]]:
    """(text, is a name) for every text of variant `key` inside a record; quotes' and titles'
    original words are left out (not ours to simplify)."""
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        if key in fields and isinstance(getattr(value, key), str) and "text" not in fields:
            text = getattr(value, key)
            if text:
                yield text, names
            return
        for name, info in fields.items():
            if name == "text" and "translations" in fields:
                continue
            yield from variant_texts(getattr(value, name), key, names or _holds_names(info))
    elif isinstance(value, list):
        for item in value:
            yield from variant_texts(item, key, names)


# What a hand-written page's prose is once its Markdown and Jinja are taken away.
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"^\s*(#+|[-*+]|\d+\.)\s+|[*_`]|<[^>]+>|^\{:.*\}$|^---$", re.M)


def page_prose(markdown: str) -> str:
    """The readable text of a hand-written page (front matter, Jinja and Markdown removed)."""
    if markdown.startswith("---\n"):
        markdown = markdown.split("\n---\n", 1)[-1]
    text = _JINJA.sub(" ", markdown)
    text = _MD_LINK.sub(r"\1", text)
    return _MD_MARKS.sub("", text)


def selko_texts(content: Content, key: str) -> Iterator[tuple[str, str, str]]:
    """(file, prose, names) for every page of the variant: a record's texts together, or a
    hand-written page's prose. Wiio and the mean sentence are properties of a whole page: a
    one-word field such as an organiser's name would give a meaningless grade on its own.
    Names of organisations and places (fields marked in the model) are kept apart."""
    for entry in content.records.all():
        found = list(variant_texts(entry.record, key))
        prose = "\n\n".join(text for text, is_name in found if not is_name)
        names = "\n".join(text for text, is_name in found if is_name)
        yield entry.file, prose, names
    for page in sorted((content.root / "pages").glob(f"*.{key}.md")):
        yield f"pages/{page.name}", page_prose(page.read_text(encoding="utf-8")), ""


def variants_measured(content: Content, measure: str) -> list:
    return [v for v in content.variants if v.readability == measure]


def measure_selko(content: Content) -> list[Measured]:
    """Every page of every easy-to-read variant (mkdocs.yml: `readability: selkokieli`)."""
    from . import readability

    results = []
    measure = readability.measure
    if content.cache is not None:  # results by text and dictionary, kept in build/cache/
        dictionary = readability.dictionary_id()
        measure = lambda prose, names: content.cache.memo("readability", (dictionary, prose, names), lambda: readability.measure(prose, names))
    for variant in variants_measured(content, "selkokieli"):
        for file, prose, names in selko_texts(content, variant.key):
            m = measure(prose, names)
            results.append(Measured(file, variant.key, m["wiio"], m["mean_sentence_words"], m["longest_sentence_words"], m["longest_sentence"], tuple(m["abbreviations"])))
    if content.cache is not None:
        content.cache.save_memo("readability")
    return results


def lix_per_page(content: Content) -> list[tuple[str, str, float]]:
    """(variant, page, LIX) for every project/programme page and hand-written page of each
    variant whose readability measure is LIX (mkdocs.yml: `readability: lix`)."""
    from . import readability

    rows = []
    for variant in variants_measured(content, "lix"):
        for entry in content.records.all():
            if entry.kind == "publication":
                continue
            text = "\n".join(t for t, _ in variant_texts(entry.record, variant.key))
            rows.append((variant.key, entry.slug, readability.lix(text)))
        for page in sorted((content.root / "pages").glob(f"*.{variant.key}.md")):
            rows.append((variant.key, page.name, readability.lix(page_prose(page.read_text(encoding="utf-8")))))
    return rows


def readability_summary(content: Content) -> str:
    """One line for the build's summary; the full report is `build_pages.py --readability`."""
    from .readability import VoikkoMissing

    try:
        selko = measure_selko(content)
    except VoikkoMissing as missing:
        return f"readability: not measured — {missing}"
    if not selko:
        return "readability: no easy-to-read variant"
    failing = sum(1 for m in selko if m.misses())
    worst = max(m.wiio for m in selko)
    return (f"readability: {len(selko)} easy-to-read pages, worst Wiio {worst:.2f}, "
            f"{failing} missing a target (python build_pages.py build --readability)")


def readability_report(content: Content) -> str:
    selko = measure_selko(content)
    lines = ["readability (easy-to-read variants):"]
    failing = [m for m in selko if m.misses()]
    if selko:
        worst = max(selko, key=lambda m: m.wiio)
        lines.append(
            f"  {len(selko)} pages; worst Wiio {worst.wiio:.2f} ({worst.file}); "
            f"longest sentence {max(m.longest_words for m in selko)} words; "
            f"mean sentence at most {max(m.mean_words for m in selko):.1f} words; "
            f"abbreviations {sum(len(m.abbreviations) for m in selko)}; texts missing a target {len(failing)}"
        )
    for m in failing:
        lines.append(f"  {m.file} ({m.variant}): " + "; ".join(m.misses()))
    lines.append("LIX per page (< 30 very easy, 30–40 easy, 40–50 medium, > 50 hard):")
    for variant, page, value in lix_per_page(content):
        lines.append(f"  {variant} {page}: LIX {value:.0f}")
    return "\n".join(lines)
