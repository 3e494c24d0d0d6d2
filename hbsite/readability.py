"""Readability measures: Wiio (simple form) for Finnish, LIX for Swedish.

Wiio, as in Voikko's `voikko-readability`: grade = 2.7 + 30 × the share of words whose
*base form* has four or more syllables. Base forms come from libvoikko with the voikko-fi
dictionary (Debian: libvoikko1, voikko-fi); syllables from Voikko's hyphenator, which
knows Finnish syllable rules (diphthongs, compounds) better than a vowel count would.

LIX = words / sentences + 100 × (words longer than 6 letters) / words.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .messages import N_, _

# A word: letters (and digits) with inner hyphens or apostrophes, "HeBu-Vantaa" is one word.
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# A sentence ends at . ! ? or a colon/semicolon followed by a capital, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+|(?<=[:;])\s+(?=[A-ZÅÄÖ])")
# Acronyms, in any alphabet: two or more capitals, as a word or a word's first part before a
# hyphen (THL, HB, AMK, HB-malli). Which abbreviations with a full stop a language has
# ("esim.", "t.ex.") is data: terms.yml → abbreviations, per variant.
_ACRONYM = re.compile(r"(?<![\w-])([^\W\d_]{2,})(?=[-\s.,:;!?)»”\"']|$)")
# Letter-dot-letter-dot forms ("t.ex.", "e.g.", "u.s.a.") are abbreviations in any language.
_DOTTED_GENERIC = re.compile(r"(?<![\w.])[^\W\d_]{1,3}\.(?:[^\W\d_]{1,3}\.)+")

VOIKKO_MISSING = N_(
    "libvoikko with its Finnish dictionary is needed to measure the easy-to-read texts, and it is not installed: "
    "install it with `sudo apt-get install libvoikko1 voikko-fi && .venv/bin/python -m pip install libvoikko` "
    "(or `bash tools/setup.sh --all`; macOS: `brew install libvoikko` and the voikko-fi dictionary), then run the check again"
)


class VoikkoMissing(RuntimeError):
    pass


@lru_cache(maxsize=1)
def _voikko():
    try:
        import libvoikko

        voikko = libvoikko.Voikko("fi")
    except (ImportError, OSError) as error:
        raise VoikkoMissing(_(VOIKKO_MISSING)) from error
    voikko.setMinHyphenatedWordLength(2)
    voikko.setHyphenateUnknownWords(True)
    voikko.setNoUglyHyphenation(False)  # count one-letter syllables too ("a-si-a-kas")
    return voikko


@lru_cache(maxsize=20000)
def base_form(word: str) -> str:
    analyses = _voikko().analyze(word)
    for analysis in analyses:
        if analysis.get("BASEFORM"):
            return analysis["BASEFORM"]
    return word


@lru_cache(maxsize=20000)
def syllables(word: str) -> int:
    pattern = _voikko().getHyphenationPattern(word)
    return 1 + sum(1 for ch in pattern if ch in "-=")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of the text, without the spaces around it."""
    spans = []
    start = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        if WORD.search(piece):
            left = len(piece) - len(piece.lstrip())
            spans.append((start + left, start + len(piece.rstrip())))
        if match:
            start = match.end()
    return spans


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def words(text: str) -> list[str]:
    return WORD.findall(text)


def abbreviation_spans(text: str, dotted: tuple[str, ...] = ()) -> list[tuple[int, str]]:
    """(offset, form) of every abbreviation: the known ones with a full stop (`dotted`, from
    terms.yml), letter-dot-letter-dot forms, and acronyms (two or more capitals)."""
    found: dict[int, str] = {}
    if dotted:
        known = re.compile(r"(?<![\w.])(" + "|".join(re.escape(a) for a in sorted(dotted, key=len, reverse=True)) + r")(?=\s|$|[,;:)])", re.I)
        for match in known.finditer(text):
            found[match.start()] = match.group(1)
    for match in _DOTTED_GENERIC.finditer(text):
        found.setdefault(match.start(), match.group(0))
    for match in _ACRONYM.finditer(text):
        if match.group(1).isupper():
            found.setdefault(match.start(), match.group(1))
    return sorted(found.items())


def abbreviations(text: str, dotted: tuple[str, ...] = ()) -> list[str]:
    return [form for _, form in abbreviation_spans(text, dotted)]


def is_long_for_wiio(word: str) -> bool:
    """A word that raises the Wiio grade: its base form has four or more syllables."""
    return not word.isdigit() and syllables(base_form(word)) >= 4


def is_long_for_lix(word: str) -> bool:
    """A word that raises LIX: more than six letters."""
    return len(word) > 6


def wiio(text: str) -> float:
    found = [w for w in words(text) if not w.isdigit()]
    if not found:
        return 0.0
    long_words = sum(1 for w in found if is_long_for_wiio(w))
    return 2.7 + 30 * long_words / len(found)


def measure(text: str, names: str = "", dotted: tuple[str, ...] = ()) -> dict:
    """Wiio, mean and longest sentence, abbreviations — for one Finnish (selkosuomi) text.

    `names` are names of organisations and places that go with the text: they are checked for
    abbreviations and long sentences, but not graded, since a name cannot be made shorter."""
    parts = sentences(text)
    counts = [len(words(s)) for s in parts] or [0]
    every = parts + sentences(names)
    every_counts = [len(words(s)) for s in every] or [0]
    longest = max(range(len(every_counts)), key=every_counts.__getitem__)
    return {
        "wiio": wiio(text),
        "sentences": len(parts),
        "mean_sentence_words": sum(counts) / max(len(parts), 1),
        "longest_sentence_words": every_counts[longest],
        "longest_sentence": every[longest] if every else "",
        "abbreviations": abbreviations(text, dotted) + abbreviations(names, dotted),
    }


def lix(text: str) -> float:
    found = words(text)
    if not found:
        return 0.0
    long_words = sum(1 for w in found if len(w) > 6)
    return len(found) / max(len(sentences(text)), 1) + 100 * long_words / len(found)


if __name__ == "__main__":  # python -m hbsite.readability < text.txt: measure one text by hand
    import sys

    source = sys.stdin.read()
    print(measure(source))
    print(f"LIX {lix(source):.0f}")
