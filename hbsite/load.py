"""Stage 1: read YAML strictly, keeping the line and column of every key and value.

Editors write these files by hand, so the loader refuses what PyYAML would silently guess:
duplicate keys, YAML 1.1 booleans (`on` is an everyday Finnish word), octal-looking numbers,
dates and sexagesimal numbers. Only `true`/`false`, plain integers and decimals are typed;
every other scalar stays the text the editor wrote. A UTF-8 BOM and CRLF line ends are fine.
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
_YAML11_BOOLS = {"y", "n", "yes", "no", "on", "off", "Y", "N", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF"}


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


class _StrictLoader(yaml.SafeLoader):
    """Composes nodes only; constructing values is done below, on our terms."""


# No implicit typing at all: every plain scalar is composed as a string node.
_StrictLoader.yaml_implicit_resolvers = {}


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
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
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
                self.add(key_node, "a key must be a plain word, such as 'name:'")
                continue
            if key_node.value == "<<" and key_node.tag != "tag:yaml.org,2002:str":
                self.add(key_node, "merge keys ('<<') are not used in these files: write the fields out")
                continue
            key = key_node.value
            if key in result:
                first = self.positions[path + (key,)]
                self.add(key_node, f"'{key}' appears twice in the same block (first on line {first[0]}): keep one and delete the other")
                continue
            self.positions[path + (key,)] = _mark(key_node)
            result[key] = self.value(value_node, path + (key,))
        return result

    def scalar(self, node: yaml.ScalarNode) -> Any:
        text = node.value
        if node.tag != "tag:yaml.org,2002:str":
            self.add(node, f"the tag '{node.tag}' is not used in these files: remove it")
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


def _decode(raw: bytes, file: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise _LoadFailed(
            Problem(file, line, column, "the file is not UTF-8 text: save it as UTF-8 in your editor (for example VS Code: 'Save with Encoding' → UTF-8)")
        ) from None


class _LoadFailed(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def _syntax_problem(error: yaml.MarkedYAMLError, file: str, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    source_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    problem = (error.problem or "").strip()
    if "\t" in source_line[: max(column, 1)] or "found character '\\t'" in problem:
        tab_column = source_line.find("\t") + 1 or column
        return Problem(file, line, tab_column, "a tab character: indent with spaces only (2 spaces per level)")
    if "mapping values are not allowed" in problem:
        message = "unexpected ':' — a text containing ': ' must be in quotes, or the indentation is wrong"
    elif "expected <block end>" in problem or "did not find expected key" in problem or "bad indentation" in problem:
        message = "the indentation is wrong: line this key up with the other keys of the same block (2 spaces per level)"
    elif "could not find expected ':'" in problem:
        message = "a key is missing its ':' — write 'key: value'"
    elif "found unexpected end of stream" in problem or "while scanning a quoted scalar" in str(error.context or ""):
        message = "a quotation mark is not closed: end the text with the same quote mark it starts with"
    else:
        message = f"the YAML cannot be read ({problem or error}); check the indentation and quotes on this line"
    return Problem(file, line, column, message)


def load_text(text: str, file: str) -> tuple[Document | None, list[Problem]]:
    """Parse one document; return it (or None) and every problem found."""
    try:
        nodes = list(yaml.compose_all(text, Loader=_StrictLoader))
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, file, text)]
    except yaml.YAMLError as error:  # e.g. a control character
        return None, [Problem(file, 1, 1, f"the YAML cannot be read: {error}")]
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        return None, [Problem(file, 1, 1, "the file is empty: a record needs at least 'kind:' and its fields (see 'python build_pages.py new')")]
    if len(nodes) > 1:
        line, column = _mark(nodes[1])
        return None, [Problem(file, line, column, "a second document ('---') in the file: put one record in each file")]
    root = nodes[0]
    if not isinstance(root, yaml.MappingNode):
        line, column = _mark(root)
        return None, [Problem(file, line, column, "the file must be a set of 'key: value' lines (a mapping), not a list or a single value")]
    builder = _Builder(file)
    data = builder.mapping(root, ())
    return Document(file, data, builder.positions), builder.problems


def load_file(path: Path, shown_as: str) -> tuple[Document | None, list[Problem]]:
    try:
        text = _decode(path.read_bytes(), shown_as)
    except _LoadFailed as failed:
        return None, [failed.problem]
    return load_text(text, shown_as)
