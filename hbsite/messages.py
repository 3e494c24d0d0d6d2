"""The language of every message an editor sees: gettext, with the catalogs in hbsite/locale/.

The messages in the code are English; hbsite/locale/<lang>/LC_MESSAGES/hb.po holds their
translations (Finnish today). The language is chosen the standard way, by the first of
LANGUAGE, LC_ALL, LC_MESSAGES and LANG that is set ("fi_FI.UTF-8" → Finnish; "C" or a language
without a catalog → English). The .po file is read directly (Babel), so no compiled .mo file
is kept in the repository or has to be made before a run.

    from hbsite.messages import _, ngettext
    _("{file} is missing: create it").format(file=name)

A message is one literal string with named values, so that its translation can move them.
A constant that holds a message is marked with N_() (which returns it unchanged, so that
`pybabel extract` finds it) and translated where it is used: _(TAB). The model's field
descriptions are messages too (N_() in hbsite/model.py): `new` writes them in the editor's
language, and the committed JSON Schema and CONTRIBUTING.md's field list are written in
Finnish with described() and in_language().

How to add or change a message: CONTRIBUTING.md → "Viestit ja niiden käännökset".
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


@lru_cache(maxsize=None)
def available_languages() -> list[str]:
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def language(environ=os.environ) -> str:
    """The language messages are shown in now."""
    available = set(available_languages()) | {SOURCE_LANGUAGE}
    return next((code for code in requested_languages(environ) if code in available), SOURCE_LANGUAGE)


@lru_cache(maxsize=None)
def _translations(code: str) -> gettext.NullTranslations:
    path = LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    if code == SOURCE_LANGUAGE or not path.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=code)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def translations(code: str | None = None) -> gettext.NullTranslations:
    """The catalog of `code`, or of the language the locale variables choose."""
    return _translations(code or language())


def _(message: str) -> str:
    return translations().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return translations().ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks a message kept in a constant (for `pybabel extract`); translate it with _() where
    it is shown."""
    return message


# A description made of a message and values (a variant's key, another message), as
# described() wrote it in English: its text → (message, values). in_language() translates
# such a text as a whole, so the translation can put the values where its language needs them.
_DESCRIBED: dict[str, tuple[str, dict[str, str]]] = {}


def described(message: str, **values: str) -> str:
    """`message` with its values, in English (the model's own text), remembered for in_language().
    Mark the message with N_(); a value that is itself a message is marked with N_() too."""
    text = message.format(**values)
    _DESCRIBED[text] = (message, values)
    return text


def in_language(text: str, code: str | None = None) -> str:
    """A message, or a text made by described(), in language `code` (default: the editor's)."""
    catalog = translations(code)
    if text in _DESCRIBED:
        message, values = _DESCRIBED[text]
        return catalog.gettext(message).format(**{k: in_language(v, code) for k, v in values.items()})
    return catalog.gettext(text)
