"""The guide's table of common messages (CONTRIBUTING.md), generated from the Finnish catalog.

A message of hbsite/locale/fi/LC_MESSAGES/hb.po is in the table when its translator comment
starts with "ohje:"; the comment's text (the lines after it too: a catalog tool wraps long
comments) is the table's "what to do". The message is shown as an editor sees its beginning:
the field in front ("{field}: ") left out, up to the first " — " or ": " outside brackets
that has words before it, with each value shown as "…". `.venv/bin/python build_pages.py messages` writes the
table between the marker comments below; tests/test_messages.py keeps it in sync with the
catalog.
"""
from __future__ import annotations

import re
from pathlib import Path

from .messages import DOMAIN, LOCALE_DIR, _

START = "<!-- viestit alkaa: tämä osa tehdään koneella tiedostosta hbsite/locale/fi/LC_MESSAGES/hb.po (.venv/bin/python build_pages.py messages); älä muokkaa käsin -->"
END = "<!-- viestit loppuu -->"
LANGUAGE = "fi"  # the guide's language
TAG = "ohje:"
_FIELD = re.compile(r"^\{field\}(\.[\w{}.]+)?: ")
_VALUE = re.compile(r"\{\{|\}\}|\{[^{}]*\}")


def catalog_path(code: str = LANGUAGE) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def common_messages(code: str = LANGUAGE) -> list[tuple[str, str]]:
    """(message as translated, what to do) for every message marked for the guide, in the
    catalog's order."""
    from babel.messages.pofile import read_po

    with open(catalog_path(code), "rb") as handle:
        catalog = read_po(handle, locale=code)
    found = []
    for message in catalog:
        advice: list[str] = []
        for comment in message.user_comments:
            comment = comment.strip()
            if comment.startswith(TAG):
                advice = [comment[len(TAG):].strip()]
            elif advice:
                advice.append(comment)  # the comment goes on, wrapped
        if not message.id or not advice:
            continue
        text = message.string[0] if isinstance(message.string, (list, tuple)) else message.string
        found.append((text, " ".join(advice)))
    return found


def shown(message: str) -> str:
    """The beginning of a message as the table shows it: 'tuntematon kenttä '…''."""
    text = _FIELD.sub("", message)
    depth = 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and text.startswith((" — ", ": "), index) and re.search(r"[^\W\d_]", _VALUE.sub("", text[:index])):
            text = text[:index]
            break
    return _VALUE.sub(lambda m: {"{{": "{", "}}": "}"}.get(m.group(0), "…"), text)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def messages_markdown(code: str = LANGUAGE) -> str:
    lines = [START, "", "| Ilmoitus alkaa | Mitä tehdä |", "|---|---|"]
    for message, advice in common_messages(code):
        beginning = _cell(shown(message))
        lines.append(f"| `{beginning}` | {_cell(advice)} |" if "`" not in beginning else f"| {beginning} | {_cell(advice)} |")
    lines += ["", END]
    return "\n".join(lines) + "\n"


def update_guide(text: str) -> str:
    """CONTRIBUTING.md with the message table replaced (ValueError if the markers are missing)."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise ValueError(_("CONTRIBUTING.md: the markers '{start}' and '{end}' are missing; put them back where the table of messages goes").format(start=START, end=END))
    return text[:start] + messages_markdown() + text[end + len(END) + 1:]


def write_guide(root: Path) -> bool:
    """Rewrite CONTRIBUTING.md's message table; True if the file changed."""
    path = root / "CONTRIBUTING.md"
    old = path.read_text(encoding="utf-8")
    new = update_guide(old)
    if new != old:
        path.write_text(new, encoding="utf-8")
    return new != old
