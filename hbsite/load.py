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

from .problems import Problem

Path_ = tuple  # a key path such as ("quotes", 0, "source", "sv")

_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(0|[1-9][0-9]*)\.[0-9]+$")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "false": False}
_KEY_LINE = re.compile(r"^(\s*)(- +)?([^\s:#'\"][^:#]*?|'[^']*'|\"[^\"]*\"):(\s|$)")
BOM = "\ufeff"

TAB = "a tab character: indent with spaces only (2 spaces per level); set your editor to insert spaces for the Tab key"
EMPTY = "the file is empty: a record needs at least 'kind:' and its fields (make one with: python build_pages.py new project SLUG)"
NOT_UTF8 = "the file is not UTF-8 text: save it as UTF-8 in your editor (VS Code: click the encoding in the status bar → 'Save with Encoding' → UTF-8)"
NOT_MAPPING = "the file must be a set of 'key: value' lines (a mapping), not {what}: start with 'kind:' at the left edge"


@dataclass
class Document:
    """One loaded file: its data and where each key path stands in the file."""

    file: str  # path as shown to editors (relative to the repo)
    data: dict
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path_) -> tuple[int, int]:
        """Line and column of the deepest part of `path` present in the file."""
        path = tuple(path)
        while path and path not in self.positions:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def problem(self, path: Path_, message: str) -> Problem:
        line, column = self.position(path)
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
            raise _Refused(event.start_mark, f"'*{event.anchor}' is a YAML alias, not used in these files: write the value out in full (or put a text starting with '*' in quotes)")
        if getattr(event, "anchor", None) is not None:
            raise _Refused(event.start_mark, f"'&{event.anchor}' is a YAML anchor, not used in these files: remove it (or put a text starting with '&' in quotes)")
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
        self.problems: list[Problem] = []

    def add(self, node, message: str) -> None:
        line, column = _mark(node)
        self.problems.append(Problem(self.file, line, column, message))

    def value(self, node, path: Path_) -> Any:
        if isinstance(node, yaml.MappingNode):
            if node.tag not in ("tag:yaml.org,2002:map",):
                self.add(node, f"the tag '{_tag(node.tag)}' is not used in these files: remove it")
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag not in ("tag:yaml.org,2002:seq",):
                self.add(node, f"the tag '{_tag(node.tag)}' is not used in these files: remove it")
            items = []
            for index, child in enumerate(node.value):
                self.positions[path + (index,)] = _mark(child)
                items.append(self.value(child, path + (index,)))
            return items
        return self.scalar(node)

    def mapping(self, node: yaml.MappingNode, path: Path_) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.add(key_node, "a key must be a plain word followed by ':', such as 'name:'")
                continue
            key = key_node.value
            if key == "<<" and key_node.style is None:
                self.add(key_node, "merge keys ('<<') are not used in these files: write the fields out in full")
                continue
            if key in result or path + (key,) in self.positions:
                first = self.positions[path + (key,)]
                self.add(key_node, f"'{key}' appears twice in the same block (first on line {first[0]}): keep one and delete the other")
                continue
            self.positions[path + (key,)] = _mark(key_node)
            result[key] = self.value(value_node, path + (key,))
        return result

    def scalar(self, node: yaml.ScalarNode) -> Any:
        text = node.value
        if node.tag != _STR:
            self.add(node, f"the tag '{_tag(node.tag)}' is not used in these files: remove it (put a text in quotes instead)")
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
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        raise _LoadFailed(Problem(file, line, column, NOT_UTF8)) from None


def _line_col(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def _tab_problems(text: str, file: str) -> list[Problem]:
    """Every line indented with a tab (YAML's own error names only the first, and vaguely)."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            problems.append(Problem(file, number, indent.index("\t") + 1, TAB))
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
        return Problem(file, line, tab_column, "a tab character inside the line: replace it with a space (a tab cannot stand in an unquoted text)")
    if "quoted scalar" in context:
        opening = lines[context_at[0] - 1][context_at[1] - 1 : context_at[1]] if context_at[0] <= len(lines) else '"'
        inner = "write a ' inside the text twice ('')" if opening == "'" else 'write a " inside the text as \\"'
        return Problem(file, *context_at, f"the quotation mark {opening} that starts here is never closed: end the text with {opening} ({inner})")
    if "flow mapping" in context or "flow sequence" in context:
        opening, closing = ("{", "}") if "mapping" in context else ("[", "]")
        return Problem(file, *context_at, f"the '{opening}' that starts here is not closed with '{closing}' on the same line: close it, or put the text in quotes if it starts with '{opening}'")
    if "scanning an alias" in context or "scanning an anchor" in context:
        sign = "*" if "alias" in context else "&"
        return Problem(file, *context_at, f"a text starting with '{sign}' must be in quotes, for example \"{sign}…\"")
    if "cannot start any token" in problem:
        char = problem.split("'")[1] if "'" in problem else "?"
        return Problem(file, line, column, f"a text cannot start with '{char}' without quotes: put the whole text in quotes, for example \"{char}…\"")
    if "mapping values are not allowed" in problem:
        key = _KEY_LINE.match(source_line)
        if key and key.end(3) + 1 == column:  # the ':' right after the line's first word: a key
            previous = _previous_content_line(lines, line)
            if previous and ":" not in previous[1] and not previous[1].lstrip().startswith("- "):
                prev_number, prev_text = previous
                word = prev_text.strip()
                return Problem(file, prev_number, _first_token_column(prev_text), f"'{word}' is missing its ':' — write '{word}:' (or join this line to the text above it)")
            return Problem(file, line, _first_token_column(source_line), "this line is indented more than the key above it: line it up with the other keys of the same block (2 spaces per level)")
        return Problem(file, line, column, "unexpected ': ' inside a text: put the whole text in quotes, for example \"Tavoite: …\"")
    if "expected <block end>" in problem and "<scalar>" in problem:
        before = source_line[: column - 1].rstrip()
        if before.endswith(('"', "'")):
            return Problem(file, line, column, "text continues after the closing quotation mark: put the whole text in single quotes ('…\"…\"…') or write an inner \" as \\\"")
        return Problem(file, line, _first_token_column(source_line), "the indentation is wrong: line this line up with the other keys of the same block (2 spaces per level)")
    if "expected <block end>" in problem or "did not find expected key" in problem or "bad indentation" in problem or "expected '-'" in problem:
        if "'-'" in problem or "'?'" in problem:
            return Problem(file, line, _first_token_column(source_line), "a list and 'key: value' lines are mixed in one block: every item of a list starts with '- ' at the same indentation")
        return Problem(file, line, _first_token_column(source_line), "the indentation is wrong: line this key up with the other keys of the same block (2 spaces per level)")
    if "could not find expected ':'" in problem:
        return Problem(file, line, column, "a key is missing its ':' — write 'key: value'")
    if "block scalar" in context or "block scalar" in problem:
        return Problem(file, line, column, "a text block after '|' or '>' is indented wrongly: indent every line of the text 2 spaces more than its key")
    return Problem(file, line, column, f"the YAML cannot be read here ({problem or error}): check the indentation and the quotes on this line")


def load_text(text: str, file: str) -> tuple[Document | None, list[Problem]]:
    """Parse one document; return it (or None) and every problem found."""
    if text.startswith(BOM):
        text = text[1:]
    tabs = _tab_problems(text, file)
    if tabs:
        return None, tabs
    try:
        nodes = _compose_all(text)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, file, text)]
    except yaml.reader.ReaderError as error:  # a control character or another unprintable one
        line, column = _line_col(text, error.position)
        code = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        return None, [Problem(file, line, column, f"an invisible control character ({code}) is in the text here: delete it (retype the word around it)")]
    except yaml.YAMLError as error:
        return None, [Problem(file, 1, 1, f"the YAML cannot be read: {error}")]
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        return None, [Problem(file, 1, 1, EMPTY)]
    if len(nodes) > 1:
        line, column = _mark(nodes[1])
        return None, [Problem(file, line, column, "a second document ('---') in the file: put one record in each file")]
    root = nodes[0]
    if not isinstance(root, yaml.MappingNode):
        line, column = _mark(root)
        what = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
        return None, [Problem(file, line, column, NOT_MAPPING.format(what=what))]
    builder = _Builder(file)
    data = builder.value(root, ())
    return Document(file, data, builder.positions), builder.problems


def read_text(path: Path, shown_as: str) -> tuple[str | None, list[Problem]]:
    """The file's text (BOM removed), or the problem that it is not UTF-8."""
    try:
        return decode(path.read_bytes(), shown_as), []
    except _LoadFailed as failed:
        return None, [failed.problem]


def load_file(path: Path, shown_as: str) -> tuple[Document | None, list[Problem]]:
    text, problems = read_text(path, shown_as)
    if text is None:
        return None, problems
    return load_text(text, shown_as)
