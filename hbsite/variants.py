"""The one list of variants, read from mkdocs.yml (plugins → hb-i18n → languages)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

PLUGIN = "hb-i18n"


GRADES = ("wiio", "lix")


@dataclass(frozen=True)
class Readability:
    """A variant's readability measure and targets, as data (mkdocs.yml → the variant's
    `readability:`). `grade`: wiio (Finnish: base forms from Voikko) or lix (any language).
    A target left out is not checked; without any target the grade is only reported."""

    grade: str
    grade_max: float | None = None  # per page
    grade_median_max: float | None = None  # the median over all the variant's pages
    mean_sentence_max: float | None = None  # words, per page
    sentence_max: int | None = None  # words, every sentence
    abbreviations: bool = True  # False: no "esim.", no acronyms such as "THL"

    @property
    def has_targets(self) -> bool:
        return any(v is not None for v in (self.grade_max, self.grade_median_max, self.mean_sentence_max, self.sentence_max)) or not self.abbreviations


_READABILITY_KEYS = {"grade", "grade_max", "grade_median_max", "mean_sentence_max", "sentence_max", "abbreviations"}


def _readability(value, where: str) -> Readability | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ValueError(f"{where}: readability must be a block such as 'grade: wiio' with its targets (grade_max, mean_sentence_max, sentence_max, abbreviations), not '{value}'")
    unknown = sorted(set(value) - _READABILITY_KEYS)
    if unknown:
        raise ValueError(f"{where}: readability: unknown setting '{unknown[0]}' — the settings are {', '.join(sorted(_READABILITY_KEYS))}")
    grade = value.get("grade")
    if grade not in GRADES:
        raise ValueError(f"{where}: readability: grade must be one of {', '.join(GRADES)}, not '{grade}'")
    for name in ("grade_max", "grade_median_max", "mean_sentence_max", "sentence_max"):
        number = value.get(name)
        if number is not None and (isinstance(number, bool) or not isinstance(number, (int, float)) or number <= 0):
            raise ValueError(f"{where}: readability: {name} must be a number above 0, not '{number}'")
    if not isinstance(value.get("abbreviations", True), bool):
        raise ValueError(f"{where}: readability: abbreviations must be true (allowed) or false (refused)")
    return Readability(
        grade=grade,
        grade_max=value.get("grade_max"),
        grade_median_max=value.get("grade_median_max"),
        mean_sentence_max=value.get("mean_sentence_max"),
        sentence_max=value.get("sentence_max"),
        abbreviations=value.get("abbreviations", True),
    )


@dataclass(frozen=True)
class Variant:
    key: str  # folder, URL segment and text key: "fi", "sv", "selko"
    lang: str  # BCP 47 tag of the text: "fi", "sv", "fi"
    name: str  # the variant's own name: "Svenska"
    default: bool
    hreflang: str = ""  # the tag of hreflang alternates: "fi-x-selko" (defaults to lang)
    site_name: str = ""  # the variant's own site name (<title>, header)
    site_description: str = ""  # the variant's own description (<meta name="description">)
    # How this variant's texts are measured, and the targets `check` holds them to
    # (mkdocs.yml: the variant's `readability:` block); None: not measured.
    readability: Readability | None = None

    @property
    def folder(self) -> str:
        return self.key

    @property
    def url_prefix(self) -> str:
        return "" if self.default else f"{self.key}/"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may carry !!python/name and !ENV tags; their values do not matter here."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_variants(mkdocs_yml: Path) -> tuple[Variant, ...]:
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and PLUGIN in plugin:
            languages = (plugin[PLUGIN] or {}).get("languages") or []
            variants = tuple(
                Variant(
                    key=item["locale"],
                    lang=item.get("lang", item["locale"]),
                    name=item["name"],
                    default=bool(item.get("default")),
                    hreflang=item.get("hreflang") or item.get("lang", item["locale"]),
                    site_name=item.get("site_name") or config.get("site_name", ""),
                    site_description=item.get("site_description") or config.get("site_description", ""),
                    readability=_readability(item.get("readability"), f"{mkdocs_yml.name}: variant '{item['locale']}'"),
                )
                for item in languages
                if item.get("build", True)
            )
            if sum(v.default for v in variants) != 1:
                raise ValueError(f"{mkdocs_yml}: exactly one variant must have 'default: true'")
            return variants
    raise ValueError(f"{mkdocs_yml}: no '{PLUGIN}' plugin with 'languages' found")
