"""`build_pages.py new KIND SLUG`: a record with every field, made from the schema itself.

Each field gets its description from the model as a comment, in the editor's language
(hbsite/messages.py), so the scaffold and the schema cannot drift apart. Texts, and choices that have no sensible default, are left empty:
`check` refuses the file (with one "is empty" message per gap) until an editor has filled in
every variant. Optional parts are there too, marked "optional" ("Valinnainen"), to be deleted if unused.
"""
from __future__ import annotations

import typing

from pydantic import BaseModel

from .messages import N_, _, in_language
from .model import literal_values
from .validate import _inner_model

OPTIONAL = N_("Optional: delete the whole part if this information is not available.")
HEADER = {
    "programme": N_("# A new programme (programme). Guide: CONTRIBUTING.md."),
    "project": N_("# A new project (project). Guide: CONTRIBUTING.md."),
    "publication": N_("# A new publication (publication). Guide: CONTRIBUTING.md."),
    "event": N_("# A new event on the timeline (event). Guide: CONTRIBUTING.md."),
}


def _is_list(annotation) -> bool:
    if typing.get_origin(annotation) is list:
        return True
    return any(_is_list(a) for a in typing.get_args(annotation) if a is not type(None))


def _is_int(annotation) -> bool:
    if annotation is int:
        return True
    return any(_is_int(a) for a in typing.get_args(annotation))


def _comment(*parts: str | None) -> str:
    text = " ".join(" ".join(p.split()) for p in parts if p)
    return f"  # {text}" if text else ""


def _fields(model: type[BaseModel], indent: str, fixed: dict[str, str], skip: frozenset = frozenset()) -> list[str]:
    lines: list[str] = []
    plain_texts = model.__name__ in ("Text", "Translations")  # fi/sv/selko speak for themselves
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        annotation = info.annotation
        inner = _inner_model(annotation)
        description = info.description or (inner.__doc__ if inner else None)
        description = in_language(description) if description else None
        optional = not info.is_required()
        note = _(OPTIONAL) if optional and (inner is not None or _is_list(annotation)) else None
        if name in fixed:
            lines.append(f"{indent}{name}: {fixed[name]}{_comment(description)}")
        elif plain_texts:  # every variant's text (or translation) is written out, empty
            lines.append(f'{indent}{name}: ""')
        elif inner is not None and _is_list(annotation) and _starts_empty(info):
            lines.append(f"{indent}{name}: []{_comment(description)}")
            item = _fields(inner, indent + "    ", {}, _skip_for(inner))
            item[0] = indent + "  - " + item[0].lstrip()
            lines += [f"{indent}# {line[len(indent):]}" for line in item]  # the shape, to copy
        elif inner is not None and _is_list(annotation):
            lines.append(f"{indent}{name}:{_comment(description, note)}")
            item = _fields(inner, indent + "    ", {}, _skip_for(inner))
            item[0] = indent + "  - " + item[0].lstrip()
            lines += item
        elif inner is not None:
            lines.append(f"{indent}{name}:{_comment(description, note)}")
            lines += _fields(inner, indent + "  ", {}, _skip_for(inner))
        elif _is_list(annotation):  # a list of plain values (a source's supports): empty, to fill in
            lines.append(f"{indent}{name}: []{_comment(description)}")
        elif typing.get_origin(annotation) is dict:  # notes by field name (unknown:): none yet
            lines.append(f"{indent}{name}: {{}}{_comment(description)}")
        elif literal_values(annotation):
            options = [str(o) for o in literal_values(annotation) if o != ""]
            default = info.default if isinstance(info.default, str) else ""
            listed = None if description and options[0] in description else _("Choices: {choices}.").format(choices=", ".join(options))
            lines.append(f'{indent}{name}: "{default}"{_comment(description, listed)}')
        elif _is_int(annotation):
            if optional:
                lines.append(f"{indent}# {name}:{_comment(description)}")
            else:
                lines.append(f"{indent}{name}:{_comment(description)}")
        elif info.default is None:  # an optional single value: shown, but commented out
            optional_note = _("Optional.")
            lines.append(f'{indent}# {name}: ""{_comment(description, optional_note)}')
        else:
            lines.append(f'{indent}{name}: ""{_comment(description)}')
    return lines


def _starts_empty(info) -> bool:
    extra = info.json_schema_extra
    return isinstance(extra, dict) and bool(extra.get("x-starts-empty"))


def _skip_for(model: type[BaseModel]) -> frozenset:
    # An original text is Finnish by default (lang: fi): it needs translations into the others.
    if model.__name__ == "Translations":
        return frozenset({"fi"})
    return frozenset()


def scaffold(model: type[BaseModel], kind: str, schema_path: str, fixed: dict[str, str], variants: dict[str, str]) -> str:
    """`variants`: each variant's key and name (mkdocs.yml), for the header's list."""
    header = [
        f"# yaml-language-server: $schema={schema_path}",
        _(HEADER[kind]),
        _("# Fill in every text in every variant ({variants}).").format(variants=", ".join(f"{key} = {name}" for key, name in variants.items())),
        _("# An address or a date that is not known stays empty (\"\") — do not guess; it shows in the gaps list."),
        _("# The parts marked 'Optional' can be deleted entirely if there is no information."),
        _("# Check at the end: .venv/bin/python build_pages.py check"),
    ]
    return "\n".join(header + _fields(model, "", {"kind": kind, **fixed})) + "\n"
