"""The one canonical format of a record file, and the translations' fingerprints.

Whoever writes a record — the web form (which rewrites the whole file on save), a person, or
`build_pages.py new` — `build_pages.py format` turns it into the same text: the schema line,
the model's key order, the variants in mkdocs.yml's order, texts with paragraphs as literal
blocks (`|-`), long texts folded at WIDTH (`>-`), short ones plain or in double quotes when
YAML could read them as something else. The text depends only on the data, so a one-field
change in the form is a one-value diff after `format`.

Comments are data the form loses, so a record keeps none: `format` refuses a file with a
comment (it says where, and that the note belongs in `notes:` or `unknown:`), except the hint
comments `build_pages.py new` writes, which it drops.

Fingerprints (the record's `fingerprints:`, written only here) keep, for every text field and
every variant but the field's original (Finnish, or a quotation's own language), which
original text the variant was written from: "ORIGINAL VARIANT", two short hashes. When a
variant's own text changes, its fingerprint moves to the current original; when only the
original changes, the variant's fingerprint stays behind and the variant is stale until it is
edited or confirmed (`format --confirm FILE`).
"""
from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString

from .messages import N_, _
from .validate import _inner_model, _is_dict

WIDTH = 100
FINGERPRINTS = "fingerprints"
# Plain scalars that YAML (1.1 or 1.2) would read as something other than the text: numbers,
# booleans and nulls, dates and times, sexagesimal numbers.
_NOT_TEXT = re.compile(
    r"^(?:[-+]?(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
    r"|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~"
    r"|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?|[-+]?\d+(?::[0-5]?\d)+(?:\.\d*)?)$"
)
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")


def fingerprint(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]


def _plain_ok(value: str) -> bool:
    if not value or value != value.strip() or value[0] in _INDICATORS or _NOT_TEXT.match(value):
        return False
    return not (": " in value or " #" in value or value.endswith(":") or "\t" in value or any(ord(c) < 32 for c in value))


def _scalar(value, indent: int, start: int):
    """The scalar in its canonical style: `start` is the column where it would begin on its
    key's line, `indent` the column of a block's lines."""
    if not isinstance(value, str):
        return value
    if "\n" in value:
        return LiteralScalarString(value)
    plain = _plain_ok(value)
    if start + len(value) + (0 if plain else 2) > WIDTH and " " in value.strip():
        return _folded(value, indent)
    return value if plain else DoubleQuotedScalarString(value)


def _folded(value: str, indent: int) -> FoldedScalarString:
    """A long text folded into lines of at most WIDTH characters (a word longer than a line
    stands alone): the folds are ours, not the emitter's, so they depend only on the text."""
    folded = FoldedScalarString(value)
    positions, length = [], 0
    for index, char in enumerate(value):
        if char == " " and 0 < index < len(value) - 1 and value[index - 1] != " " and value[index + 1] != " ":
            word_end = value.find(" ", index + 1)
            word_end = len(value) if word_end < 0 else word_end
            if indent + length + (word_end - index) > WIDTH:
                positions.append(index)
                length = 0
                continue
        length += 1
    folded.fold_pos = positions
    return folded


def _flow_ok(items: list, start: int) -> bool:
    """A list of short plain scalars is written on its key's line: [a, b]."""
    if any(isinstance(v, (dict, list)) or (isinstance(v, str) and (not _plain_ok(v) or "," in v)) for v in items):
        return False
    return start + len(", ".join(str(v) for v in items)) + 2 <= WIDTH


def without_defaults(value, model: type[BaseModel] | None):
    """The data without what says nothing: a value equal to its field's default ("" for an
    unknown date, [] for no items, {} for no notes) and an optional text left empty, as the
    web form writes them. The file then has one way to say "not given": leaving it out."""
    if isinstance(value, list):
        return [without_defaults(v, model) for v in value]
    if not isinstance(value, dict) or model is None:
        return value
    out = {}
    for key, item in value.items():
        info = model.model_fields.get(key)
        if info is None:
            out[key] = item
            continue
        if item is None or (not info.is_required() and (
                (item == "" and info.default in (None, "")) or (item in ([], {}) and info.default_factory in (list, dict)))):
            continue
        inner = None if _is_dict(info.annotation) else _inner_model(info.annotation)
        out[key] = without_defaults(item, inner)
    return out


def _by_field(keys, fields: list[str]) -> list:
    """A dict field's keys (field names, or dotted parts of fields: unknown, notes,
    fingerprints) in the record's field order, then by name."""
    rank = {name: i for i, name in enumerate(fields)}
    return sorted(keys, key=lambda k: (rank.get(str(k).split(".")[0], len(rank)), str(k)))


def _node(value, model: type[BaseModel] | None, dict_values: bool, indent: int, start: int, key_order: list[str] | None = None):
    """The data as ruamel nodes with canonical styles. `model` describes a mapping's keys;
    `dict_values` says the mapping is a dict field (its keys are free, its values follow the
    model); `indent` is the column of this node's keys or block lines, `start` the column
    where a scalar or a flow list would begin."""
    if isinstance(value, dict):
        if key_order is not None:
            keys = _by_field(value, key_order)
        else:
            order = list(model.model_fields) if model is not None and not dict_values else []
            keys = [k for k in order if k in value] + [k for k in value if k not in order]
        out = CommentedMap()
        for key in keys:
            item = value[key]
            if item is None:
                continue  # absent and null mean the same; the file says it by leaving it out
            info = None
            if dict_values:
                sub_model, sub_dict = model, False
            else:
                info = model.model_fields.get(key) if model is not None else None
                if item == "" and info is not None and info.default is None and not info.is_required():
                    continue  # an optional value the form left empty: not given (its default)
                sub_model = _inner_model(info.annotation) if info is not None else None
                sub_dict = info is not None and _is_dict(info.annotation) and sub_model is not None
            by_field = list(model.model_fields) if info is not None and not dict_values and _is_dict(info.annotation) else None
            out[key] = _node(item, sub_model, sub_dict, indent + 2, indent + len(str(key)) + 2, by_field)
        if not out:
            out.fa.set_flow_style()
        return out
    if isinstance(value, list):
        # Items: "- " two columns in from the key, their content two further.
        seq = CommentedSeq(_node(v, model, False, indent + 2 if isinstance(v, dict) else indent + 4, indent + 2) for v in value)
        if _flow_ok(value, start):
            seq.fa.set_flow_style()
        return seq
    return _scalar(value, indent, start)


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 100_000  # no folding by the emitter: _folded() decides every fold
    y.allow_unicode = True
    y.preserve_quotes = False
    return y


def emit(data: dict, model: type[BaseModel], variants: tuple[str, ...], schema_line: str) -> str:
    """The canonical text of a record with `data` (already in the model's terms)."""
    stream = io.StringIO()
    _yaml().dump(_node(data, model, False, 0, 0), stream)
    return schema_line + "\n" + stream.getvalue()


# ── Comments ────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Comment:
    line: int  # 1-based
    text: str


def comments(text: str) -> list[Comment]:
    """Every comment in a YAML text, with its line (the schema line included)."""
    first, _, rest = text.partition("\n")
    if "#" not in rest:  # no other comment can be there: spare the slow round-trip parse
        return [Comment(1, first.strip())] if first.lstrip().startswith("#") else []
    found: dict[int, str] = {}

    def collect(item):
        if item is None:
            return
        if isinstance(item, list):
            for part in item:
                collect(part)
            return
        value = getattr(item, "value", None)
        mark = getattr(item, "start_mark", None)
        if isinstance(value, str) and mark is not None:
            for offset, line in enumerate(value.lstrip("\n").split("\n")):
                if line.strip().startswith("#"):
                    found.setdefault(mark.line + 1 + offset, line.strip())

    def walk(node):
        ca = getattr(node, "ca", None)
        if ca is not None:
            collect(ca.comment)
            for value in ca.items.values():
                collect(value)
            collect(getattr(ca, "end", None))
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(YAML(typ="rt").load(text))
    # A comment that ruamel keeps before the document's first key.
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.lstrip().startswith("#"):
            found.setdefault(number, line.strip())
            continue
        break
    return [Comment(line, found[line]) for line in sorted(found)]


# ── Fingerprints ────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Stale:
    field: str    # dotted path of the text field, e.g. "organisers.0.name"
    variant: str  # the variant whose text is older than the original
    path: tuple   # key path of the variant's text in the record, for its line


def _texts(data, model: type[BaseModel] | None, variants: tuple[str, ...], path: tuple = ()):
    """(field path, original path, {variant: text path}) of every translated text in the record:
    a Text (original: the first variant) or an original with translations (quotes, titles)."""
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield from _texts(item, model, variants, path + (i,))
        return
    if not isinstance(data, dict) or model is None:
        return
    names = set(model.model_fields)
    if set(variants) <= names and names <= set(variants) and all(model.model_fields[v].is_required() for v in variants):  # a Text
        first = variants[0]
        if isinstance(data.get(first), str):
            yield path, path + (first,), {v: path + (v,) for v in variants[1:] if isinstance(data.get(v), str)}
        return
    if {"text", "lang", "translations"} <= names and isinstance(data.get("text"), str):
        translations = data.get("translations") if isinstance(data.get("translations"), dict) else {}
        yield path, path + ("text",), {v: path + ("translations", v) for v in variants if isinstance(translations.get(v), str)}
    for key, info in model.model_fields.items():  # the model's order, as the file is written
        if key not in data or key == FINGERPRINTS or _is_dict(info.annotation):
            continue
        yield from _texts(data[key], _inner_model(info.annotation), variants, path + (key,))


def _get(data, path: tuple):
    for part in path:
        data = data[part]
    return data


def _dotted(path: tuple) -> str:
    return ".".join(str(p) for p in path)


def update_fingerprints(data: dict, model: type[BaseModel], variants: tuple[str, ...], confirm: bool = False) -> dict:
    """The record's fingerprints after this save: a variant edited since the last save (or new)
    is taken to be written from the current original; an unchanged one keeps its old
    fingerprint. `confirm` takes every variant as checked against the current original."""
    old = data.get(FINGERPRINTS) if isinstance(data.get(FINGERPRINTS), dict) else {}
    new: dict[str, dict[str, str]] = {}
    for field_path, original_path, variant_paths in _texts(data, model, variants):
        original = fingerprint(_get(data, original_path))
        kept = old.get(_dotted(field_path)) if isinstance(old.get(_dotted(field_path)), dict) else {}
        row = {}
        for variant, vpath in variant_paths.items():
            own = fingerprint(_get(data, vpath))
            before = str(kept.get(variant, "")).split()
            if not confirm and len(before) == 2 and before[1] == own:
                row[variant] = " ".join(before)
            else:
                row[variant] = f"{original} {own}"
        if row:
            new[_dotted(field_path)] = row
    return new


def stale_translations(data: dict, model: type[BaseModel], variants: tuple[str, ...]) -> list[Stale]:
    """The variants whose text was written from an older original than the record's current one."""
    old = data.get(FINGERPRINTS) if isinstance(data.get(FINGERPRINTS), dict) else {}
    found = []
    for field_path, original_path, variant_paths in _texts(data, model, variants):
        original = fingerprint(_get(data, original_path))
        row = old.get(_dotted(field_path)) if isinstance(old.get(_dotted(field_path)), dict) else {}
        for variant, vpath in variant_paths.items():
            parts = str(row.get(variant, "")).split()
            if len(parts) == 2 and parts[0] != original and parts[1] == fingerprint(_get(data, vpath)):
                found.append(Stale(_dotted(field_path), variant, vpath))
    return found


def with_fingerprints(data: dict, fingerprints: dict) -> dict:
    """The data with its fingerprints as the last key (none: the key is left out)."""
    out = {k: v for k, v in data.items() if k != FINGERPRINTS}
    if fingerprints:
        out[FINGERPRINTS] = fingerprints
    return out


def model_of(data: dict, record_models: dict[str, type[BaseModel]]) -> type[BaseModel] | None:
    kind = data.get("kind") if isinstance(data, dict) else None
    return record_models.get(kind) if isinstance(kind, str) else None



# ── One file ────────────────────────────────────────────────────────────────────────────

COMMENT = N_("a comment: the web form drops comments when it saves the record — write the note into notes: (how a filled-in value was read from its source) or unknown: (why a value is empty), by field name, and delete the comment")
NOT_CANONICAL = N_("the file is not in the project's format (first difference on this line): run .venv/bin/python build_pages.py format {file} — on a pull request from the web form this is done for you")
STALE = N_("the Finnish text of {field} has changed since the {variant} text was written: check the {variant} text ({key}) and update it; if it is still right, run .venv/bin/python build_pages.py format --confirm {file}")


def scaffold_hints(schema, variants) -> set[str]:
    """The comments `build_pages.py new` writes (its hints and commented-out optional fields):
    `format` drops them, as the editor would."""
    from .scaffold import scaffold

    names = {v.key: v.name for v in variants}
    hints: set[str] = set()
    for kind, model in schema.record_models().items():
        hints |= {c.text for c in comments(scaffold(model, kind, "x", {}, names))}
    return hints


@dataclass
class Formatted:
    text: str | None          # the canonical text (None: the file cannot be formatted)
    problems: list            # why not, at file:line
    stale: list[Stale]        # translations older than their original, after formatting
    document: object = None   # the loaded file (for the stale texts' lines)


def format_text(text: str, shown: str, schema_line: str, schema, variants, hints: set[str], confirm: bool = False) -> Formatted:
    from .load import load_text
    from .problems import Problem

    document, problems = load_text(text, shown)
    if document is None or problems:
        return Formatted(None, problems, [], document)
    keys = tuple(v.key for v in variants)
    found = [c for c in comments(text) if c.text not in hints and not (c.line == 1 and c.text == schema_line)]
    if found:
        return Formatted(None, [Problem(shown, c.line, 1, _(COMMENT)) for c in found], [], document)
    model = model_of(document.data, schema.record_models())
    data = without_defaults(document.data, model)
    if model is not None:
        data = with_fingerprints(data, update_fingerprints(data, model, keys, confirm))
    out = emit(data, model, keys, schema_line)
    stale = stale_translations(data, model, keys) if model is not None else []
    return Formatted(out, [], stale, document)


def first_difference(old: str, new: str) -> int:
    """The first line (1-based) where two texts differ."""
    a, b = old.splitlines(), new.splitlines()
    for number, (x, y) in enumerate(zip(a, b), 1):
        if x != y:
            return number
    return min(len(a), len(b)) + 1
