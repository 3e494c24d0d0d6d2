"""Stage 1: read YAML strictly, keeping the line and column of every key and value.

Editors write these files by hand, so the loader refuses what PyYAML would silently guess:
duplicate keys, YAML 1.1 booleans (`on` is an everyday Finnish word), octal-looking numbers,
dates and sexagesimal numbers. Only `true`/`false`, plain integers and decimals are typed;
every other scalar stays the text the editor wrote. Anchors, aliases, merge keys and tags are
refused (they are never needed in a record, and aliases can blow a small file up to gigabytes).
A UTF-8 BOM and CRLF line ends are fine. Every problem comes back as file:line:col.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .messages import N_, _
from .problems import Problem

Path_ = tuple  # a key path such as ("quotes", 0, "source", "sv")

_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(0|[1-9][0-9]*)\.[0-9]+$")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "false": False}
_KEY_LINE = re.compile(r"^(\s*)(- +)?([^\s:#'\"][^:#]*?|'[^']*'|\"[^\"]*\"):(\s|$)")
BOM = "\ufeff"

TAB = N_("a tab character: indent with spaces only (2 spaces per level); set your editor to insert spaces for the Tab key")
EMPTY = N_("the file is empty: a record needs at least 'kind:' and its fields (make one with: .venv/bin/python build_pages.py new project SLUG)")
NOT_UTF8 = N_("the file is not UTF-8 text: save it as UTF-8 in your editor (VS Code: click the encoding in the status bar → 'Save with Encoding' → UTF-8)")
NOT_UTF8_BUT_UTF16 = N_("the file is saved as UTF-16, not UTF-8: save it as UTF-8 in your editor (VS Code: click 'UTF-16' in the status bar → 'Save with Encoding' → UTF-8)")
NOT_MAPPING = N_("the file must be a set of 'key: value' lines (a mapping), not a single value: start with 'kind:' at the left edge")
NOT_MAPPING_LIST = N_("the file must be a set of 'key: value' lines (a mapping), not a list: start with 'kind:' at the left edge")


@dataclass
class Document:
    """One loaded file: its data and where each key path stands in the file."""

    file: str  # path as shown to editors (relative to the repo)
    data: dict
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # Where each text value stands in the file: (start, end) character offsets of its scalar
    # (quotes and block indicators included), and the file's text, so a word inside a text
    # can be reported at its own line and column.
    spans: dict[Path_, tuple[int, int]] = field(default_factory=dict, repr=False)
    text: str = field(default="", repr=False)

    def position(self, path: Path_) -> tuple[int, int]:
        """Line and column of the deepest part of `path` present in the file."""
        path = tuple(path)
        while path and path not in self.positions:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def problem(self, path: Path_, message: str) -> Problem:
        line, column = self.position(path)
        return Problem(self.file, line, column, message)

    def value(self, path: Path_):
        """The value at `path` as the file gives it (None if there is none)."""
        node = self.data
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return None
        return node

    def locate(self, path: Path_, offset: int) -> tuple[int, int]:
        """Line and column in the file of character `offset` of the text at `path`.

        The text YAML gives differs from what the file holds (quotes, escapes, a long text
        folded over several lines), so the two are walked side by side: equal characters
        match; a line break and indentation in the file stand for one space of the text;
        quotes, backslashes and block indicators in the file are skipped."""
        path = tuple(path)
        value = self.value(path)
        span = self.spans.get(path)
        if span is None or not isinstance(value, str) or not self.text:
            return self.position(path)
        start, end = span
        source = self.text
        i, j = 0, start
        offset = max(0, min(offset, len(value)))
        while i < offset and j < end:
            if value[i] == source[j]:
                i += 1
                j += 1
            elif value[i].isspace() and not source[j].isspace():
                i += 1  # a folded line break that the file writes as nothing here
            else:
                j += 1
        if offset < len(value):
            while j < end and source[j] != value[offset]:
                j += 1
        return _line_col(source, min(j, max(end - 1, start)))

    def problem_at(self, path: Path_, offset: int, message: str) -> Problem:
        """A problem at character `offset` inside the text at `path`."""
        line, column = self.locate(path, offset)
        return Problem(self.file, line, column, message)


class _Refused(yaml.MarkedYAMLError):
    """A YAML feature the records do not use, refused where it stands."""

    def __init__(self, mark, message: str):
        super().__init__(problem=message, problem_mark=mark)
        self.message = message


class _StrictLoader(yaml.SafeLoader):
    """Composes nodes only (values are built below, on our terms); refuses anchors and aliases."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, _("'*{name}' is a YAML alias, not used in these files: write the value out in full (or put a text starting with '*' in quotes)").format(name=event.anchor))
        if getattr(event, "anchor", None) is not None:
            raise _Refused(event.start_mark, _("'&{name}' is a YAML anchor, not used in these files: remove it (or put a text starting with '&' in quotes)").format(name=event.anchor))
        return super().compose_node(parent, index)


# No implicit typing at all: every plain scalar is composed as a string node.
_StrictLoader.yaml_implicit_resolvers = {}

# The same composing in C (libyaml), used by _compose_all() below where it reads a text exactly
# as _StrictLoader does. PyYAML built without libyaml has no CSafeLoader: then only the above.
_CSafeLoader = getattr(yaml, "CSafeLoader", None)
if _CSafeLoader is not None:
    class _FastLoader(_CSafeLoader):
        """libyaml's composer, with no implicit typing either."""

    _FastLoader.yaml_implicit_resolvers = {}


def _plain_style(node) -> None:
    """libyaml marks a plain scalar with style '' where PyYAML says None: make them alike."""
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.style == "":
                node.style = None
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


# Where libyaml and PyYAML read a text differently (found by comparing the two on mutated
# records): anchors and aliases ('&', '*'), tabs, a BOM inside the text, a comment right after
# a block scalar's '|' or '>', and the end of a text without a line break. Such a text goes to
# PyYAML.
_UNLIKE = re.compile(r"[&*\t\ufeff]|[|>][-+0-9]*#")


def _compose_all(text: str) -> list:
    """Every document's node tree. libyaml (about 7× faster) composes a text that has no '&'
    or '*' (so no anchors or aliases, which _StrictLoader refuses) and that it reads without
    an error; any other text goes to _StrictLoader, so every message and every line:column an
    editor sees comes from the same code as before."""
    if _CSafeLoader is not None and text.endswith("\n") and not _UNLIKE.search(text):
        try:
            nodes = list(yaml.compose_all(text, Loader=_FastLoader))
        except (yaml.YAMLError, UnicodeEncodeError):  # UnicodeEncodeError: a lone surrogate
            pass
        else:
            for node in nodes:
                if node is not None:
                    _plain_style(node)
            return nodes
    return list(yaml.compose_all(text, Loader=_StrictLoader))


_STR = "tag:yaml.org,2002:str"


def _tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _mark(node_or_mark) -> tuple[int, int]:
    mark = getattr(node_or_mark, "start_mark", node_or_mark)
    return mark.line + 1, mark.column + 1


class _Builder:
    def __init__(self, file: str):
        self.file = file
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.spans: dict[Path_, tuple[int, int]] = {}
        self.problems: list[Problem] = []

    def add(self, node, message: str) -> None:
        line, column = _mark(node)
        self.problems.append(Problem(self.file, line, column, message))

    def value(self, node, path: Path_) -> Any:
        if isinstance(node, yaml.MappingNode):
            if node.tag not in ("tag:yaml.org,2002:map",):
                self.add(node, _("the tag '{tag}' is not used in these files: remove it").format(tag=_tag(node.tag)))
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag not in ("tag:yaml.org,2002:seq",):
                self.add(node, _("the tag '{tag}' is not used in these files: remove it").format(tag=_tag(node.tag)))
            items = []
            for index, child in enumerate(node.value):
                self.positions[path + (index,)] = _mark(child)
                items.append(self.value(child, path + (index,)))
            return items
        self.spans[path] = (node.start_mark.index, node.end_mark.index)
        return self.scalar(node)

    def mapping(self, node: yaml.MappingNode, path: Path_) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.add(key_node, _("a key must be a plain word followed by ':', such as 'name:'"))
                continue
            key = key_node.value
            if key == "<<" and key_node.style is None:
                self.add(key_node, _("merge keys ('<<') are not used in these files: write the fields out in full"))
                continue
            if key in result or path + (key,) in self.positions:
                first = self.positions[path + (key,)]
                self.add(key_node, _("'{key}' appears twice in the same block (first on line {line}): keep one and delete the other").format(key=key, line=first[0]))
                continue
            self.positions[path + (key,)] = _mark(key_node)
            result[key] = self.value(value_node, path + (key,))
        return result

    def scalar(self, node: yaml.ScalarNode) -> Any:
        text = node.value
        if node.tag != _STR:
            self.add(node, _("the tag '{tag}' is not used in these files: remove it (put a text in quotes instead)").format(tag=_tag(node.tag)))
            return text
        if node.style is not None:  # quoted or block scalar: always text
            return text
        if text in _NULL:
            return None
        if text in _BOOL:
            return _BOOL[text]
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text):
            return float(text)
        return text  # on/off/yes/no, 00100, 2020-01-08, 12:30 … stay as written


class _LoadFailed(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def decode(raw: bytes, file: str) -> str:
    """UTF-8 bytes (with or without a BOM) → text; anything else is a problem at its byte."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _LoadFailed(Problem(file, 1, 1, _(NOT_UTF8_BUT_UTF16)))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        raise _LoadFailed(Problem(file, line, column, _(NOT_UTF8))) from None


# ── what a reviewer cannot see ─────────────────────────────────────────────────────────────
# Characters that change what a text shows or says without showing themselves: a pull request
# could hide words from its reviewer with them, and text pasted from a web page or a PDF
# brings them along unseen. Each is refused at its line and column, with its code and name.
_BIDI = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C}
_ZERO_WIDTH = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E, 0x2061, 0x2062, 0x2063, 0x2064, 0x034F,
               0x115F, 0x1160, 0x3164, 0xFFA0, 0x17B4, 0x17B5, 0x00AD}
_LINE_BREAKS = {0x0085, 0x2028, 0x2029}
# Spaces other than the ordinary one. The no-break space (U+00A0), the narrow no-break space
# (U+202F) and the thin space (U+2009) are allowed in texts: Finnish and Swedish typography
# uses them in numbers and amounts ("535 952 €"), they show as spaces, and every check reads
# them as spaces. (Inside a web address every space is refused: see hbsite/validate.py.)
_ALLOWED_SPACES = {0x00A0, 0x202F, 0x2009}
_ODD_SPACES = {0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x200A, 0x205F, 0x3000}
_HIDDEN = re.compile(
    "[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060-\u2064\ufeff\u180e\u034f"
    "\u115f\u1160\u3164\uffa0\u17b4\u17b5\u00ad\u0085\u2028\u2029\u1680\u2000-\u2008\u200a\u205f\u3000"
    "\ue000-\uf8ff\U000e0000-\U000e007f\U000e0100-\U000e01ef\U000f0000-\U0010ffff"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
BIDI = N_("a text-direction control character ({code} {name}) is here: it can make the text show in another order than the file says (the 'Trojan Source' trick) — delete it")
ZERO_WIDTH = N_("an invisible character ({code} {name}) is here: it does not show, but it splits or hides words from the checks and from search — delete it (retype the word around it)")
LINE_BREAK = N_("an unusual line-break character ({code} {name}) is here: it breaks the line numbering of every tool — replace it with an ordinary line break or a space")
ODD_SPACE = N_("an unusual space character ({code} {name}) is here, pasted from another program: replace it with an ordinary space")
PRIVATE = N_("a character with no meaning of its own ({code}, a private-use or tag character) is here: it shows as nothing or a box — delete it")
CONTROL = N_("an invisible control character ({code}) is in the text here: delete it (retype the word around it)")
MIXED_SCRIPT = N_("the word '{word}' mixes letters of different alphabets ({scripts}): its '{letter}' ({code} {name}) only looks like a Latin letter — retype the word with the keyboard")
MORE_HIDDEN = N_("{count} more hidden characters in this file (shown: the first {shown}): delete them all — VS Code shows them with 'Render Control Characters' and the 'Unicode highlight' settings")
TOO_BIG = N_("the file is {size} KB: a record or a page is a few KB, at most {limit} KB — a file this big cannot be reviewed; split it or remove what does not belong")
MAX_FILE_BYTES = 500_000
_MAX_SHOWN = 20
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC")
_LETTERS = re.compile(r"[^\W\d_]+")
# Letters outside Latin-1, Latin Extended-A/B and Latin Extended Additional: only a word with
# one of these can mix alphabets, so the others skip the per-letter Unicode-name lookups
# (they were most of the loader's time: bench/bench.py --profile).
_NOT_LATIN = re.compile(r"[^\u0000-\u024F\u1E00-\u1EFF]")


def _script(char: str) -> str | None:
    import unicodedata

    name = unicodedata.name(char, "")
    first = name.split(" ", 1)[0]
    return first if first in _SCRIPTS else None


def hidden_characters(text: str, file: str, controls: bool = True) -> list[Problem]:
    """Every character a reader or reviewer cannot see, and every word whose letters come from
    two alphabets (a Cyrillic 'а' in a Finnish word looks the same and breaks search and
    links): one problem each, at its line and column. `controls`: also report C0/C1 control
    characters (the YAML reader reports them in a record itself)."""
    import unicodedata

    problems: list[Problem] = []
    found = 0
    for match in _HIDDEN.finditer(text):
        char = match.group(0)
        point = ord(char)
        if point == 0xFEFF and match.start() == 0:
            continue  # a UTF-8 BOM at the start is fine
        if not controls and _CONTROL.match(char):
            continue
        found += 1
        if found > _MAX_SHOWN:
            continue
        code = f"U+{point:04X}"
        name = unicodedata.name(char, "")
        if point in _BIDI:
            message = _(BIDI).format(code=code, name=name)
        elif point in _ZERO_WIDTH:
            message = _(ZERO_WIDTH).format(code=code, name=name)
        elif point in _LINE_BREAKS:
            message = _(LINE_BREAK).format(code=code, name=name or "NEXT LINE")
        elif point in _ODD_SPACES:
            message = _(ODD_SPACE).format(code=code, name=name)
        elif _CONTROL.match(char):
            message = _(CONTROL).format(code=code)
        else:
            message = _(PRIVATE).format(code=code)
        line, column = _line_col(text, match.start())
        problems.append(Problem(file, line, column, message))
    if found > _MAX_SHOWN:
        problems.append(Problem(file, 1, 1, _(MORE_HIDDEN).format(count=found - _MAX_SHOWN, shown=_MAX_SHOWN)))
    for match in _LETTERS.finditer(text):
        word = match.group(0)
        if word.isascii() or not _NOT_LATIN.search(word):
            continue
        scripts = {}
        for index, char in enumerate(word):
            script = _script(char)
            if script is not None:
                scripts.setdefault(script, index)
        if len(scripts) > 1:
            odd = min((s for s in scripts if s != "LATIN"), key=scripts.get) if "LATIN" in scripts else sorted(scripts, key=scripts.get)[1]
            index = scripts[odd]
            letter = word[index]
            line, column = _line_col(text, match.start() + index)
            problems.append(Problem(file, line, column, _(MIXED_SCRIPT).format(
                word=word, scripts=", ".join(s.title() for s in sorted(scripts, key=scripts.get)),
                letter=letter, code=f"U+{ord(letter):04X}", name=unicodedata.name(letter, ""))))
    return problems


def _line_col(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def _tab_problems(text: str, file: str) -> list[Problem]:
    """Every line indented with a tab (YAML's own error names only the first, and vaguely)."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            problems.append(Problem(file, number, indent.index("\t") + 1, _(TAB)))
    return problems


def _first_token_column(line: str) -> int:
    stripped = line.lstrip(" ")
    if stripped.startswith("- "):
        stripped = stripped[2:].lstrip(" ")
    return len(line) - len(stripped) + 1


def _previous_content_line(lines: list[str], line: int) -> tuple[int, str] | None:
    for number in range(line - 1, 0, -1):
        text = lines[number - 1]
        if text.strip() and not text.lstrip().startswith("#"):
            return number, text
    return None


UNCLOSED_QUOTE = N_("the quotation mark {quote} that starts here is never closed: end the text with {quote} ({inner})")
_KEY_INSIDE = re.compile(r"\n[ ]*(- +)?[^\s:#'\"]+:(\s|$)")


def _unclosed_quote(text: str, error_line: int) -> tuple[tuple[int, int], str] | None:
    """Where a quoted text that swallowed the lines after it begins: a quote left open on
    one line is closed by the next quotation mark the file has, often many lines below, and
    YAML only stumbles there ("text continues after the closing quotation mark"). A quoted
    text that spans lines which look like 'key: value' lines was meant to end on its first."""
    last = None
    try:
        for token in yaml.scan(text, Loader=_StrictLoader):
            if token.start_mark.line + 1 > error_line:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                last = token
    except yaml.YAMLError:
        pass
    if last is None or last.end_mark.line + 1 != error_line or last.start_mark.line == last.end_mark.line:
        return None
    inside = text[last.start_mark.index : last.end_mark.index]
    if not _KEY_INSIDE.search(inside):
        return None
    return _mark(last.start_mark), last.style


def _syntax_problem(error: yaml.MarkedYAMLError, file: str, text: str) -> Problem:
    if isinstance(error, _Refused):
        line, column = _mark(error.problem_mark)
        return Problem(file, line, column, error.message)
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    context_at = _mark(error.context_mark) if error.context_mark else (line, column)

    if "found character '\\t'" in problem or "\t" in source_line[: max(column, 1)]:
        tab_column = source_line.find("\t") + 1 or column
        return Problem(file, line, tab_column, _("a tab character inside the line: replace it with a space (a tab cannot stand in an unquoted text)"))
    if "quoted scalar" in context:
        opening = lines[context_at[0] - 1][context_at[1] - 1 : context_at[1]] if context_at[0] <= len(lines) else '"'
        inner = _("write a ' inside the text twice ('')") if opening == "'" else _('write a " inside the text as \\"')
        return Problem(file, *context_at, _(UNCLOSED_QUOTE).format(quote=opening, inner=inner))
    if "flow mapping" in context or "flow sequence" in context:
        opening, closing = ("{", "}") if "mapping" in context else ("[", "]")
        return Problem(file, *context_at, _("the '{opening}' that starts here is not closed with '{closing}' on the same line: close it, or put the text in quotes if it starts with '{opening}'").format(opening=opening, closing=closing))
    if "scanning an alias" in context or "scanning an anchor" in context:
        sign = "*" if "alias" in context else "&"
        return Problem(file, *context_at, _("a text starting with '{sign}' must be in quotes, for example \"{sign}…\"").format(sign=sign))
    if "cannot start any token" in problem:
        char = problem.split("'")[1] if "'" in problem else "?"
        return Problem(file, line, column, _("a text cannot start with '{char}' without quotes: put the whole text in quotes, for example \"{char}…\"").format(char=char))
    if "mapping values are not allowed" in problem:
        key = _KEY_LINE.match(source_line)
        if key and key.end(3) + 1 == column:  # the ':' right after the line's first word: a key
            previous = _previous_content_line(lines, line)
            if previous and ":" not in previous[1] and not previous[1].lstrip().startswith("- "):
                prev_number, prev_text = previous
                word = prev_text.strip()
                return Problem(file, prev_number, _first_token_column(prev_text), _("'{word}' is missing its ':' — write '{word}:' (or join this line to the text above it)").format(word=word))
            return Problem(file, line, _first_token_column(source_line), _("this line is indented more than the key above it: line it up with the other keys of the same block (2 spaces per level)"))
        return Problem(file, line, column, _("unexpected ': ' inside a text: put the whole text in quotes, for example \"Tavoite: …\""))
    if "expected <block end>" in problem and "<scalar>" in problem:
        before = source_line[: column - 1].rstrip()
        opened = _unclosed_quote(text, line)
        if opened is not None:
            (open_line, open_column), opening = opened
            inner = _("write a ' inside the text twice ('')") if opening == "'" else _('write a " inside the text as \\"')
            return Problem(file, open_line, open_column, _(UNCLOSED_QUOTE).format(quote=opening, inner=inner))
        if before.endswith(('"', "'")):
            return Problem(file, line, column, _("text continues after the closing quotation mark: put the whole text in single quotes ('…\"…\"…') or write an inner \" as \\\""))
        return Problem(file, line, _first_token_column(source_line), _("the indentation is wrong: line this line up with the other keys of the same block (2 spaces per level)"))
    if "expected <block end>" in problem or "did not find expected key" in problem or "bad indentation" in problem or "expected '-'" in problem:
        if "'-'" in problem or "'?'" in problem:
            return Problem(file, line, _first_token_column(source_line), _("a list and 'key: value' lines are mixed in one block: every item of a list starts with '- ' at the same indentation"))
        return Problem(file, line, _first_token_column(source_line), _("the indentation is wrong: line this key up with the other keys of the same block (2 spaces per level)"))
    if "could not find expected ':'" in problem:
        return Problem(file, line, column, _("a key is missing its ':' — write 'key: value'"))
    if "block scalar" in context or "block scalar" in problem:
        return Problem(file, line, column, _("a text block after '|' or '>' is indented wrongly: indent every line of the text 2 spaces more than its key"))
    return Problem(file, line, column, _("the YAML cannot be read here ({error}): check the indentation and the quotes on this line").format(error=problem or error))


def load_text(text: str, file: str) -> tuple[Document | None, list[Problem]]:
    """Parse one document; return it (or None) and every problem found."""
    if text.startswith(BOM):
        text = text[1:]
    hidden = hidden_characters(text, file, controls=False)
    if any(chr(point) in text for point in _LINE_BREAKS):
        return None, hidden  # YAML counts these as line breaks: every later line number would be off
    tabs = _tab_problems(text, file)
    if tabs:
        return None, hidden + tabs
    try:
        nodes = _compose_all(text)
    except yaml.MarkedYAMLError as error:
        return None, hidden + [_syntax_problem(error, file, text)]
    except yaml.reader.ReaderError as error:  # a control character or another unprintable one
        line, column = _line_col(text, error.position)
        code = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        return None, hidden + [Problem(file, line, column, _(CONTROL).format(code=code))]
    except yaml.YAMLError as error:
        return None, [Problem(file, 1, 1, _("the YAML cannot be read: {error}").format(error=error))]
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        return None, [Problem(file, 1, 1, _(EMPTY))]
    if len(nodes) > 1:
        line, column = _mark(nodes[1])
        return None, [Problem(file, line, column, _("a second document ('---') in the file: put one record in each file"))]
    root = nodes[0]
    if not isinstance(root, yaml.MappingNode):
        line, column = _mark(root)
        message = NOT_MAPPING_LIST if isinstance(root, yaml.SequenceNode) else NOT_MAPPING
        return None, [Problem(file, line, column, _(message))]
    builder = _Builder(file)
    data = builder.value(root, ())
    return Document(file, data, builder.positions, builder.spans, text), hidden + builder.problems


def read_text(path: Path, shown_as: str) -> tuple[str | None, list[Problem]]:
    """The file's text (BOM removed), or the problem that it is not UTF-8 (or far too big)."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [Problem(shown_as, 1, 1, _(TOO_BIG).format(size=size // 1000, limit=MAX_FILE_BYTES // 1000))]
    try:
        return decode(path.read_bytes(), shown_as), []
    except _LoadFailed as failed:
        return None, [failed.problem]


def load_file(path: Path, shown_as: str) -> tuple[Document | None, list[Problem]]:
    text, problems = read_text(path, shown_as)
    if text is None:
        return None, problems
    return load_text(text, shown_as)
