"""The language of every message an editor sees: gettext, with the catalogs in hbsite/locale/.

The messages in the code are English; hbsite/locale/<lang>/LC_MESSAGES/hb.po holds their
translations (Finnish today). The language is chosen the standard way, by the first of
LANGUAGE, LC_ALL, LC_MESSAGES and LANG that is set ("fi_FI.UTF-8" → Finnish; "C" or a language
without a catalog → English). The .po file is read directly (Babel), so no compiled .mo file
is kept in the repository or has to be made before a run.

    from hbsite.messages import _, ngettext
    _("{file} is missing: create it").format(file=name)

A message is one literal string with named values, so that its translation can move them.
"""
from __future__ import annotations

import gettext
import io
import os
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "hb"
SOURCE_LANGUAGE = "en"
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def requested_languages(environ=os.environ) -> list[str]:
    """The languages the locale variables ask for, most wanted first, as bare codes ("fi")."""
    for name in ENVIRONMENT:
        value = environ.get(name, "").strip()
        if value:
            codes = []
            for item in value.split(":"):
                code = item.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
                if code in ("c", "posix"):
                    code = SOURCE_LANGUAGE
                if code and code not in codes:
                    codes.append(code)
            return codes
    return []


def available_languages() -> list[str]:
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def language(environ=os.environ) -> str:
    """The language messages are shown in now."""
    available = set(available_languages()) | {SOURCE_LANGUAGE}
    return next((code for code in requested_languages(environ) if code in available), SOURCE_LANGUAGE)


@lru_cache(maxsize=None)
def _translations(code: str) -> gettext.NullTranslations:
    if code == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po", "rb") as handle:
        catalog = read_po(handle, locale=code)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def translations() -> gettext.NullTranslations:
    return _translations(language())


def _(message: str) -> str:
    return translations().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return translations().ngettext(singular, plural, count)
