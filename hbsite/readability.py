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

# A word: letters (and digits) with inner hyphens or apostrophes, "HeBu-Vantaa" is one word.
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# A sentence ends at . ! ? or a colon/semicolon followed by a capital, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+|(?<=[:;])\s+(?=[A-ZÅÄÖ])")
# Abbreviations that selkokieli writes out ("esimerkiksi", not "esim.").
DOTTED_ABBREVIATIONS = (
    "esim.", "mm.", "ym.", "jne.", "ns.", "n.", "ks.", "yms.", "ts.", "vrt.", "tms.", "ko.", "ao.",
    "kts.", "puh.", "klo.", "s.", "v.", "nk.", "em.", "yo.", "huom.", "lk.", "ry.", "oy.",
)
_DOTTED = re.compile(r"(?<![\w.])(" + "|".join(re.escape(a) for a in DOTTED_ABBREVIATIONS) + r")(?=\s|$)", re.I)
# Acronyms: two or more capitals, as a word or a word's first part (THL, HB, AMK, HB-malli).
_ACRONYM = re.compile(r"(?<![\w-])[A-ZÅÄÖ]{2,}(?=[-\s.,:;!?)]|$)")


class VoikkoMissing(RuntimeError):
    pass


@lru_cache(maxsize=1)
def _voikko():
    try:
        import libvoikko

        voikko = libvoikko.Voikko("fi")
    except (ImportError, OSError) as error:
        raise VoikkoMissing(
            "libvoikko with the Finnish dictionary is needed for the readability report: "
            "apt-get install libvoikko1 voikko-fi && pip install libvoikko"
        ) from error
    voikko.setMinHyphenatedWordLength(2)
    voikko.setHyphenateUnknownWords(True)
    voikko.setNoUglyHyphenation(False)  # count one-letter syllables too ("a-si-a-kas")
    return voikko


def dictionary_id() -> str:
    """Which libvoikko and Finnish dictionary measure (the build cache keeps results by it)."""
    import os

    _voikko()  # VoikkoMissing when there is none
    import libvoikko

    found = [libvoikko.Voikko.getVersion()] + [f"{d.language} {d.variant} {d.description}" for d in libvoikko.Voikko.listDicts()]
    for folder in filter(None, (os.environ.get("VOIKKO_DICTIONARY_PATH"), os.path.expanduser("~/.voikko"), "/usr/lib/voikko", "/usr/share/voikko", "/etc/voikko")):
        for where, _, files in sorted(os.walk(folder)):
            for name in sorted(files):
                stat = os.stat(os.path.join(where, name))
                found.append(f"{where}/{name} {stat.st_size} {stat.st_mtime_ns}")
    return "\n".join(found)


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


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if WORD.search(s)]


def words(text: str) -> list[str]:
    return WORD.findall(text)


def abbreviations(text: str) -> list[str]:
    return [m.group(0) for m in _DOTTED.finditer(text)] + _ACRONYM.findall(text)


def wiio(text: str) -> float:
    found = [w for w in words(text) if not w.isdigit()]
    if not found:
        return 0.0
    long_words = sum(1 for w in found if syllables(base_form(w)) >= 4)
    return 2.7 + 30 * long_words / len(found)


def measure(text: str, names: str = "") -> dict:
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
        "abbreviations": abbreviations(text) + abbreviations(names),
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
