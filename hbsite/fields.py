"""The editors' field reference (Finnish, Markdown), generated from the schema's descriptions.

The guide is Finnish, so the reference is written in Finnish whatever the editor's locale: the
model's descriptions (English messages) are taken from the Finnish catalog, and the table's own
words below are Finnish. `build_pages.py messages` writes the guide's message table the same way
(hbsite/guide.py).

`python build_pages.py fields` (and `schema`) writes it into CONTRIBUTING.md between the marker
comments below; tests/test_schema.py keeps the file in sync with the model.
"""
from __future__ import annotations

import typing
from pathlib import Path

from pydantic import BaseModel

from .messages import _, in_language
from .model import literal_values, schema_for, site_schema_for
from .validate import _inner_model

START = "<!-- kentät alkaa: tämä osa tehdään koneella (.venv/bin/python build_pages.py fields); älä muokkaa käsin -->"
END = "<!-- kentät loppuu -->"

# The Finnish name of each part, in the order the reference explains them.
PARTS = {
    "Text": "Teksti",
    "Original": "Alkuperäinen teksti",
    "Translations": "Käännökset",
    "Quote": "Lainaus",
    "Link": "Linkki",
    "Target": "Linkin kohde",
    "Source": "Lähde",
    "Grant": "Valtionavustus",
    "Organiser": "Toteuttaja",
    "Website": "Sivusto",
    "Extent": "Laajuus",
    "StatementSettings": "Saavutettavuusselosteen arvot",
}
KINDS = (("programme", "Ohjelma"), ("project", "Hanke"), ("publication", "Julkaisu"), ("event", "Aikajanan tapahtuma"))
LANGUAGE = "fi"  # the guide's language


def _fi(text: str | None) -> str:
    return " ".join(in_language(text, LANGUAGE).split()) if text else ""


def _anchor(name: str) -> str:
    return PARTS[name].lower().replace(" ", "-")  # GitHub's heading anchors keep ä and ö


def _is(annotation, origin) -> bool:
    if typing.get_origin(annotation) is origin:
        return True
    return any(_is(a, origin) for a in typing.get_args(annotation))


def _is_int(annotation) -> bool:
    return annotation is int or any(_is_int(a) for a in typing.get_args(annotation))


def _patterns(annotation, info=None) -> str:
    """Every regex pattern attached to a field, wherever pydantic keeps it."""
    found = []
    sources = [info.json_schema_extra if info is not None and isinstance(info.json_schema_extra, dict) else {}]
    for meta in (info.metadata if info is not None else []):
        sources.append({"pattern": getattr(meta, "pattern", None)})
        extra = getattr(meta, "json_schema_extra", None)
        if isinstance(extra, dict):
            sources.append(extra)
    for source in sources:
        if source.get("pattern"):
            found.append(str(source["pattern"]))
    for arg in typing.get_args(annotation):
        for meta in getattr(arg, "__metadata__", ()):
            found.append(str(getattr(meta, "pattern", "") or ""))
            extra = getattr(meta, "json_schema_extra", None)
            if isinstance(extra, dict):
                found.append(str(extra.get("pattern", "")))
        found.append(_patterns(arg))
    return " ".join(p for p in found if p)


def _shape(model: type[BaseModel], name: str, info, variants: tuple[str, ...]) -> str:
    """What kind of value the field takes, in Finnish."""
    annotation = info.annotation
    inner = _inner_model(annotation)
    every = ", ".join(variants)
    if inner is not None:
        part = inner.__name__
        label = f"[{PARTS.get(part, part).lower()}](#{_anchor(part)})" if part in PARTS else part
        if part == "Text":
            return f"lista tekstejä, jokainen kielillä {every}" if _is(annotation, list) else f"teksti kielillä {every}"
        if _is(annotation, list):
            return f"lista; jokainen kohta on {label}"
        if _is(annotation, dict):
            return f"tunnus → teksti kielillä {every}"
        return label
    if _is(annotation, list):  # a list of plain values (a source's supports)
        return "lista kenttien nimiä hakasulkeissa, esimerkiksi [start, end]"
    options = [str(o) for o in literal_values(annotation) if o != ""]
    if len(options) == 1:
        return f"aina `{options[0]}`"
    if options:
        return "yksi näistä: " + ", ".join(f"`{o}`" for o in options)
    if _is_int(annotation):
        return "kokonaisluku ilman lainausmerkkejä"
    pattern = _patterns(annotation, info)
    if "https?" in pattern and "^$" not in pattern:
        return "verkko-osoite"
    if "https?" in pattern:
        return "verkko-osoite tai \"\""
    if "@" in pattern:
        return "sähköpostiosoite tai \"\""
    if r"\d{4}" in pattern and "^$" not in pattern:
        return "päivämäärä \"VVVV-KK-PP\""
    if r"\d{4}" in pattern:
        return "päivämäärä \"VVVV-KK-PP\" tai \"\""
    if "[a-z0-9]+" in pattern:
        return "tunnus (tiedostonimi ilman .yml)"
    if model.__name__ in ("Text", "Translations"):
        return "teksti"
    return "teksti (yksi, ei kieliversioita)"


def _table(model: type[BaseModel], variants: tuple[str, ...]) -> list[str]:
    lines = ["| Kenttä | Pakollinen | Arvo | Mitä kirjoitetaan |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        inner = _inner_model(info.annotation)
        about = info.description or (inner.__doc__ if inner else "") or ""
        required = "kyllä" if info.is_required() else "ei"
        lines.append(f"| `{name}` | {required} | {_shape(model, name, info, variants)} | {_fi(about)} |")
    return lines


def _parts(models: list[type[BaseModel]]) -> list[type[BaseModel]]:
    """Every nested part (Text, Link, …) the models use, once, in the order of PARTS."""
    found: dict[str, type[BaseModel]] = {}

    def visit(model: type[BaseModel]) -> None:
        for info in model.model_fields.values():
            inner = _inner_model(info.annotation)
            if inner is not None and inner.__name__ not in found:
                found[inner.__name__] = inner
                visit(inner)

    for model in models:
        visit(model)
    return [found[name] for name in PARTS if name in found]


def fields_markdown(variants: tuple[str, ...]) -> str:
    schema = schema_for(variants)
    site = site_schema_for(variants)
    kinds = schema.record_models()
    out = [START, ""]
    for kind, title in KINDS:
        model = kinds[kind]
        out += [f"### {title} (`kind: {kind}`)", "", _fi(model.__doc__), ""]
        out += _table(model, variants) + [""]
    statement = site.model_fields["settings"].annotation.model_fields["statement"].annotation
    for part in _parts([*kinds.values(), statement]):
        if part.__name__ == "StatementSettings":
            continue
        out += [f"### {PARTS[part.__name__]}", "", _fi(part.__doc__), ""]
        out += _table(part, variants) + [""]
    out += [f"### {PARTS['StatementSettings']} (`site.yml` → `settings.statement`)", "", _fi(statement.__doc__), ""]
    out += _table(statement, variants) + ["", END]
    return "\n".join(out) + "\n"


def update_guide(text: str, variants: tuple[str, ...]) -> str:
    """CONTRIBUTING.md with the generated part replaced (ValueError if the markers are missing)."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise ValueError(_("CONTRIBUTING.md: the markers '{start}' and '{end}' are missing; put them back where the field reference goes").format(start=START, end=END))
    return text[:start] + fields_markdown(variants) + text[end + len(END) + 1 :]


def write_guide(root: Path, variants: tuple[str, ...]) -> bool:
    """Rewrite CONTRIBUTING.md's field reference; True if the file changed."""
    path = root / "CONTRIBUTING.md"
    old = path.read_text(encoding="utf-8")
    new = update_guide(old, variants)
    if new != old:
        path.write_text(new, encoding="utf-8")
    return new != old
