"""Stage 2b: documents → validated records, every problem mapped back to file:line:col.

One run reports every problem in every file. Checks across records (unique slugs, links
between records) run only on records that validated on their own.
"""
from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .load import Document, load_file
from .model import SLUG, Schema
from .problems import Problem
from .variants import Variant

KINDS_HELP = "programme (ohjelma), project (hanke) or publication (julkaisu)"


@dataclass(frozen=True)
class Entry:
    """A validated record with the facts of its file."""

    slug: str
    file: str
    record: BaseModel
    document: Document = field(repr=False, compare=False)

    @property
    def kind(self) -> str:
        return self.record.kind


@dataclass
class Records:
    """Every validated record, by kind, each list sorted by slug."""

    programmes: list[Entry] = field(default_factory=list)
    projects: list[Entry] = field(default_factory=list)
    publications: list[Entry] = field(default_factory=list)

    def all(self) -> list[Entry]:
        return self.programmes + self.projects + self.publications

    def by_slug(self) -> dict[str, Entry]:
        return {e.slug: e for e in self.all()}

    def projects_of(self, programme: str) -> list[Entry]:
        return [p for p in self.projects if p.record.programme == programme]

    def publications_of(self, project: str) -> list[Entry]:
        return [p for p in self.publications if p.record.project == project]


def record_files(projects_dir: Path) -> list[Path]:
    return sorted(p for p in projects_dir.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def _dotted(loc: tuple) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item + 1}]")  # editors count from 1
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts) or "(file)"


def _inner_model(annotation) -> type[BaseModel] | None:
    """The pydantic model inside Optional[...], list[...] or Annotated[...], if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found:
            return found
    return None


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    for item in loc:
        if isinstance(item, int):
            continue
        info = model.model_fields.get(item)
        if info is None:
            return None
        inner = _inner_model(info.annotation)
        if inner is None:
            return None
        model = inner
    return model


class _Messages:
    """Plain-language messages for pydantic's error types."""

    def __init__(self, variants: tuple[Variant, ...]):
        self.variants = variants
        self.keys = [v.key for v in variants]
        self.names = {v.key: v.name for v in variants}

    def text_key(self, key: str) -> str:
        return f"the {self.names[key]} text ({key})"

    def __call__(self, error: dict, model: type[BaseModel]) -> tuple[tuple, str]:
        loc = tuple(error["loc"])
        kind = error["type"]
        where = _dotted(loc)
        last = loc[-1] if loc else None
        if kind == "missing":
            parent = _dotted(loc[:-1])
            if last in self.keys:
                return loc, f"{parent}: {self.text_key(last)} is missing — every text needs {', '.join(self.keys)}"
            return loc, f"{where}: this field is required — add '{last}:' (see 'python build_pages.py new' for a full example)"
        if kind == "extra_forbidden":
            parent_model = _model_at(model, loc[:-1])
            allowed = list(parent_model.model_fields) if parent_model else []
            guess = difflib.get_close_matches(str(last), allowed, n=1, cutoff=0.6)
            hint = f" — did you mean '{guess[0]}'?" if guess else f" — allowed here: {', '.join(allowed)}"
            return loc, f"{where}: unknown field '{last}'{hint}"
        if kind == "literal_error":
            expected = error.get("ctx", {}).get("expected", "")
            return loc, f"{where}: '{error['input']}' is not allowed — use one of {expected}"
        if kind in ("string_too_short",):
            if last in self.keys:
                return loc, f"{_dotted(loc[:-1])}: {self.text_key(last)} is empty — write the text"
            return loc, f"{where}: is empty — write the text, or remove the field if it is optional"
        if kind == "too_short":
            return loc, f"{where}: needs at least one item"
        if kind == "string_type":
            got = error["input"]
            if isinstance(got, bool):
                return loc, f"{where}: YAML read this as yes/no ({got}); put the text in quotes"
            if isinstance(got, (int, float)):
                return loc, f"{where}: YAML read this as a number; put the text in quotes, for example \"{got}\""
            if got is None:
                return loc, f"{where}: is empty — write the text in quotes, or remove the field if it is optional"
            return loc, f"{where}: must be text"
        if kind in ("model_type", "model_attributes_type", "dict_type"):
            if last in (None,) or _model_at(model, loc) is None:
                return loc, f"{where}: must be a block of 'key: value' lines"
            fields = ", ".join(_model_at(model, loc).model_fields)
            return loc, f"{where}: must be a block of 'key: value' lines with {fields}"
        if kind == "list_type":
            return loc, f"{where}: must be a list: put each item on its own line starting with '- '"
        if kind in ("int_type", "int_parsing"):
            return loc, f"{where}: must be a whole number without quotes, for example 2019"
        if kind in ("greater_than", "greater_than_equal", "less_than_equal"):
            return loc, f"{where}: {error['msg'].lower()}"
        if kind == "string_pattern_mismatch":
            if last in ("programme", "project"):
                return loc, f"{where}: must be the file name of a record without .yml, for example 'avain-kansalaisuuteen'"
            return loc, f"{where}: {error['msg']}"
        if kind == "value_error":
            message = str(error.get("ctx", {}).get("error", error["msg"]))
            if message.startswith("translations: missing "):
                missing = message.removeprefix("translations: missing ").split(", ")
                named = ", ".join(f"{self.names.get(k, k)} ({k})" for k in missing)
                return loc + ("translations",), f"{where}.translations: the translation for {named} is missing — the original stays as it is, and each other variant needs its translation"
            return loc, f"{where}: {message}"
        return loc, f"{where}: {error['msg']}"


def validate(root: Path, schema: Schema, variants: tuple[Variant, ...], projects_dir: Path | None = None) -> tuple[Records, list[Problem]]:
    projects_dir = projects_dir or root / "projects"
    problems: list[Problem] = []
    entries: list[Entry] = []
    messages = _Messages(variants)
    models = schema.record_models()
    seen_slugs: dict[str, str] = {}

    for path in record_files(projects_dir):
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        slug = path.stem
        document, found = load_file(path, shown)
        problems.extend(found)
        if path.suffix == ".yaml":
            problems.append(Problem(shown, 1, 1, "record files end in .yml: rename the file"))
        if not SLUG.match(slug):
            problems.append(Problem(shown, 1, 1, f"the file name '{path.name}' is the page address: use lowercase letters a–z, digits and hyphens only (for example 'hebu-vantaa.yml')"))
        if slug in seen_slugs:
            problems.append(Problem(shown, 1, 1, f"the file name '{slug}' is already used by {seen_slugs[slug]}: every record needs its own file name"))
        seen_slugs.setdefault(slug, shown)
        if document is None:
            continue
        kind = document.data.get("kind")
        if kind not in models:
            if kind is None:
                problems.append(document.problem((), f"'kind:' is missing — start the record with kind: {KINDS_HELP}"))
            else:
                problems.append(document.problem(("kind",), f"kind: '{kind}' is not known — use {KINDS_HELP}"))
            continue
        model = models[kind]
        try:
            record = model.model_validate(document.data)
        except ValidationError as error:
            for item in error.errors():
                loc, message = messages(item, model)
                problems.append(document.problem(loc, message))
            continue
        if not found:
            entries.append(Entry(slug, shown, record, document))

    records = Records()
    for entry in sorted(entries, key=lambda e: e.slug):
        getattr(records, {"programme": "programmes", "project": "projects", "publication": "publications"}[entry.kind]).append(entry)
    problems.extend(_cross_checks(records))
    return records, sorted(set(problems))


def _cross_checks(records: Records) -> list[Problem]:
    problems = []
    programmes = {e.slug for e in records.programmes}
    projects = {e.slug for e in records.projects}
    for entry in records.projects:
        target = entry.record.programme
        if target and target not in programmes:
            near = difflib.get_close_matches(target, sorted(programmes), n=1)
            hint = f" — did you mean '{near[0]}'?" if near else f" — known programmes: {', '.join(sorted(programmes)) or 'none'}"
            problems.append(entry.document.problem(("programme",), f"programme: there is no programme '{target}'{hint}"))
    for entry in records.publications:
        target = entry.record.project
        if target not in projects:
            near = difflib.get_close_matches(target, sorted(projects), n=1)
            hint = f" — did you mean '{near[0]}'?" if near else ""
            problems.append(entry.document.problem(("project",), f"project: there is no project '{target}'{hint}"))
    return problems


def validate_site_file(root: Path, model: type[BaseModel], variants: tuple[Variant, ...]) -> tuple[BaseModel | None, list[Problem]]:
    """site.yml: settings and interface strings."""
    path = root / "site.yml"
    if not path.exists():
        return None, [Problem("site.yml", 1, 1, "site.yml is missing: it holds the site settings and interface strings")]
    document, problems = load_file(path, "site.yml")
    if document is None:
        return None, problems
    try:
        site = model.model_validate(document.data)
    except ValidationError as error:
        messages = _Messages(variants)
        for item in error.errors():
            loc, message = messages(item, model)
            problems.append(document.problem(loc, message))
        return None, problems
    return (site if not problems else None), problems
