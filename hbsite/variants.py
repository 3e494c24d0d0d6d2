"""The one list of variants, read from mkdocs.yml (plugins → hb-i18n → languages)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

PLUGIN = "hb-i18n"


@dataclass(frozen=True)
class Variant:
    key: str  # folder, URL segment and text key: "fi", "sv", "selko"
    lang: str  # BCP 47 tag of the text: "fi", "sv", "fi"
    name: str  # the variant's own name: "Svenska"
    default: bool
    # Which readability measure the build report applies to this variant's texts:
    # "selkokieli" (easy-to-read Finnish: Wiio and sentence targets) or "lix" (Swedish).
    readability: str | None = None

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
                    readability=item.get("readability"),
                )
                for item in languages
                if item.get("build", True)
            )
            if sum(v.default for v in variants) != 1:
                raise ValueError(f"{mkdocs_yml}: exactly one variant must have 'default: true'")
            return variants
    raise ValueError(f"{mkdocs_yml}: no '{PLUGIN}' plugin with 'languages' found")
