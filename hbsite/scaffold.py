"""`build_pages.py new KIND SLUG`: a record with every field, made from the schema itself.

Each field gets its Finnish description from the model as a comment, so the scaffold and the
schema cannot drift apart. Text fields are left empty: the build refuses the file until an
editor has written every variant.
"""
from __future__ import annotations

import typing

from pydantic import BaseModel

from .validate import _inner_model


def _is_list(annotation) -> bool:
    if typing.get_origin(annotation) is list:
        return True
    return any(_is_list(a) for a in typing.get_args(annotation) if a is not type(None))


def _literal_values(annotation) -> tuple:
    if typing.get_origin(annotation) is typing.Literal:
        return typing.get_args(annotation)
    for arg in typing.get_args(annotation):
        found = _literal_values(arg)
        if found:
            return found
    return ()


def _comment(text: str | None) -> str:
    return f"  # {' '.join(text.split())}" if text else ""


def _fields(model: type[BaseModel], indent: str, fixed: dict[str, str]) -> list[str]:
    lines: list[str] = []
    plain_texts = model.__name__ in ("Text", "Translations")  # fi/sv/selko need no comment
    names = sorted(model.model_fields, key=lambda n: n not in fixed)  # 'kind' first
    for name in names:
        info = model.model_fields[name]
        annotation = info.annotation
        inner = _inner_model(annotation)
        description = info.description or (inner.__doc__ if inner else None)
        if name in fixed:
            lines.append(f"{indent}{name}: {fixed[name]}{_comment(description)}")
        elif inner is not None and _is_list(annotation):
            lines.append(f"{indent}{name}:{_comment(description)}")
            item = _fields(inner, indent + "    ", {})
            item[0] = indent + "  - " + item[0].lstrip()
            lines += item
        elif inner is not None:
            lines.append(f"{indent}{name}:{_comment(description)}")
            lines += _fields(inner, indent + "  ", {})
        elif _literal_values(annotation):
            options = _literal_values(annotation)
            default = info.default if isinstance(info.default, str) else options[0]
            listed = ", ".join(str(o) or '""' for o in options)
            lines.append(f'{indent}{name}: "{default}"{_comment((description or "") + f" Vaihtoehdot: {listed}.")}')
        elif annotation is int or typing.get_origin(annotation) is typing.Union and int in typing.get_args(annotation):
            lines.append(f"{indent}# {name}: {_comment(description).strip(' #')}")
        elif info.default is None:  # optional single value: shown, but commented out
            lines.append(f'{indent}# {name}: ""{_comment(description)}')
        else:
            lines.append(f'{indent}{name}: ""{"" if plain_texts else _comment(description)}')
    return lines


def scaffold(model: type[BaseModel], kind: str, schema_path: str, fixed: dict[str, str]) -> str:
    header = [
        f"# yaml-language-server: $schema={schema_path}",
        f"# Uusi tietue ({kind}). Täytä jokainen teksti kaikilla kielillä; jätä tuntematon osoite tai",
        "# päivämäärä tyhjäksi (\"\") — älä arvaa. Tarkista: python build_pages.py check",
    ]
    return "\n".join(header + _fields(model, "", {"kind": kind, **fixed})) + "\n"
