"""Stage 2b: documents → validated records, every problem mapped back to file:line:col.

One run reports every problem in every file. Checks across records (unique file names, links
between records) use every file that could be read, so a record with a typo does not also
make the records that point at it fail.
"""
from __future__ import annotations

import difflib
import os
import re
import typing
from dataclasses import dataclass, field
from functools import cached_property
from hashlib import blake2b
from pathlib import Path

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from .load import Document, load_text, read_text
from .messages import N_, _, in_language
from .model import RESERVED_SLUGS, SLUG, Schema, literal_values
from .problems import Problem
from .variants import Variant

KINDS = ("programme", "project", "publication", "event")
KINDS_HELP = N_("programme, project, publication or event")
RECORD_SCHEMA = "schemas/record.schema.json"
SITE_SCHEMA = "schemas/site.schema.json"
SCHEMA_LINE = "# yaml-language-server: $schema="


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

    @cached_property
    def digest(self) -> str:
        """The record's file name and text: the same digest, the same record (hbsite/memo.py)."""
        return blake2b(f"{self.file}\0{self.document.text}".encode(), digest_size=16).hexdigest()


@dataclass
class Records:
    """Every validated record, by kind, each list sorted by slug."""

    programmes: list[Entry] = field(default_factory=list)
    projects: list[Entry] = field(default_factory=list)
    publications: list[Entry] = field(default_factory=list)
    events: list[Entry] = field(default_factory=list)  # sorted by date, then slug

    def all(self) -> list[Entry]:
        return self.programmes + self.projects + self.publications + self.events

    def by_slug(self) -> dict[str, Entry]:
        return {e.slug: e for e in self.all()}

    def projects_of(self, programme: str) -> list[Entry]:
        return [p for p in self.projects if p.record.programme == programme]

    def publications_of(self, project: str) -> list[Entry]:
        return [p for p in self.publications if p.record.project == project]

    def events_of(self, topic: str | None = None) -> list[Entry]:
        """The timeline (every event) or the events shown under one topic of the "now" page."""
        return [e for e in self.events if topic is None or e.record.topic == topic]


def record_files(projects_dir: Path) -> list[Path]:
    return sorted(p for p in projects_dir.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def schema_line(file: Path, root: Path, schema: str = RECORD_SCHEMA) -> str:
    """The first line every record needs: the JSON Schema, relative to the record's folder."""
    return SCHEMA_LINE + os.path.relpath(root / schema, file.parent).replace(os.sep, "/")


def check_schema_line(text: str, expected: str, shown: str) -> list[Problem]:
    first = text.splitlines()[0].rstrip() if text.strip() else ""
    if first == expected:
        return []
    if first.startswith(SCHEMA_LINE.split("$")[0].rstrip()) or "$schema" in first:
        message = _("the first line must name the schema that gives the editor its autocomplete and checks — replace line 1 with: {line}")
    else:
        message = _("the first line must name the schema that gives the editor its autocomplete and checks — add this as line 1: {line}")
    return [Problem(shown, 1, 1, message.format(line=expected))]


# ── pydantic errors → plain messages ──────────────────────────────────────────────────────
def _dotted(loc: tuple) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item + 1}]")  # editors count from 1
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts) or "(file)"


def _inner_model(annotation) -> type[BaseModel] | None:
    """The pydantic model inside Optional[...], list[...], dict[..., ...] or Annotated[...], if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found:
            return found
    return None


def _is_dict(annotation) -> bool:
    if typing.get_origin(annotation) is dict:
        return True
    return any(_is_dict(a) for a in typing.get_args(annotation))


def _walk(model: type[BaseModel], loc: tuple) -> tuple[type[BaseModel] | None, FieldInfo | None]:
    """The model that holds the last key of `loc`, and that key's field (None if unknown)."""
    holder: type[BaseModel] | None = model
    info: FieldInfo | None = None
    skip_key = False
    for item in loc:
        if isinstance(item, int):
            continue
        if skip_key:  # a key of a dict field (site.yml strings): the value's model follows
            skip_key = False
            continue
        if holder is None:
            return None, None
        info = holder.model_fields.get(item)
        if info is None:
            return holder, None
        if _is_dict(info.annotation):
            skip_key = True
        holder = _inner_model(info.annotation)
    return holder, info


def _parent_model(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    holder, _info = _walk(model, loc[:-1])
    return holder


def _field(model: type[BaseModel], loc: tuple) -> FieldInfo | None:
    parent = _parent_model(model, loc)
    if parent is None or not loc or isinstance(loc[-1], int):
        return None
    return parent.model_fields.get(loc[-1])


def _and(items: list[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def _or(items: list[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else _("{items} or {last}").format(items=", ".join(items[:-1]), last=items[-1])


class _Messages:
    """Plain-language messages for pydantic's error types."""

    def __init__(self, variants: tuple[Variant, ...]):
        self.variants = variants
        self.keys = [v.key for v in variants]
        self.names = {v.key: v.name for v in variants}
        self.every = _and(self.keys)


    def _is_text(self, model: type[BaseModel], loc: tuple) -> bool:
        holder = _parent_model(model, loc)
        return holder is not None and holder.__name__ == "Text" and loc and loc[-1] in self.keys

    def _is_translation(self, model: type[BaseModel], loc: tuple) -> bool:
        holder = _parent_model(model, loc)
        return holder is not None and holder.__name__ == "Translations" and loc and loc[-1] in self.keys

    def _empty(self, model: type[BaseModel], loc: tuple) -> str:
        where = _dotted(loc)
        if self._is_translation(model, loc):
            return _("{field}: the {variant} translation ({key}) is empty — write the translation").format(field=_dotted(loc[:-1]), variant=self.names[loc[-1]], key=loc[-1])
        info = _field(model, loc)
        if info is not None and not info.is_required():
            return _("{field}: is empty — write the text, or delete the line if there is nothing to say").format(field=where)
        return _("{field}: is empty — write the text").format(field=where)

    def __call__(self, error: dict, model: type[BaseModel]) -> tuple[tuple, str]:
        loc = tuple(error["loc"])
        kind = error["type"]
        got = error.get("input")
        if "[key]" in loc:  # a key of site.yml's strings
            loc = tuple(x for x in loc if x != "[key]")
            return loc, _("{field}: the name '{name}' may only contain lowercase letters a–z, digits and '_'").format(field=_dotted(loc), name=loc[-1])
        where = _dotted(loc)
        last = loc[-1] if loc else None
        ctx = error.get("ctx") or {}

        if kind == "missing":
            if self._is_text(model, loc):
                return loc, _("{field}: the {variant} text ({key}) is missing — every text needs {keys}").format(field=_dotted(loc[:-1]), variant=self.names[last], key=last, keys=self.every)
            info = _field(model, loc)
            if info is not None and info.description:
                return loc, _("{field}: this field is required — add '{key}:' ({about})").format(field=where, key=last, about=" ".join(in_language(info.description).split()))
            return loc, _("{field}: this field is required — add '{key}:'").format(field=where, key=last)
        if kind == "extra_forbidden":
            parent = _parent_model(model, loc)
            allowed = list(parent.model_fields) if parent else []
            guess = self.guesses.get(loc) or self._guess(model, loc)
            if guess:
                message = _("{field}: unknown field '{key}' — did you mean '{guess}'?")
            elif parent is not None and parent.__name__ in ("Text", "Translations"):
                message = _("{field}: unknown field '{key}' — the texts here are {allowed}")
            else:
                message = _("{field}: unknown field '{key}' — allowed here: {allowed}")
            listed = self.every if parent is not None and parent.__name__ in ("Text", "Translations") else ", ".join(allowed)
            return loc, message.format(field=where, key=last, guess=guess[0] if guess else "", allowed=listed)
        if kind == "literal_error":
            info = _field(model, loc)
            values = literal_values(info.annotation) if info is not None else ()
            expected = _or([repr(v) for v in values]) if values else ctx.get("expected", "")
            if got in (None, ""):
                return loc, _("{field}: is empty — write one of {allowed}").format(field=where, allowed=expected)
            return loc, _("{field}: '{value}' is not allowed — use one of {allowed}").format(field=where, value=got, allowed=expected)
        if kind == "string_too_short":
            if self._is_text(model, loc):
                return loc, self._text_empty(loc)
            return loc, self._empty(model, loc)
        if kind == "string_type":
            if isinstance(got, bool):
                return loc, _("{field}: YAML read '{value}' as yes/no, not as text — put the text in quotes").format(field=where, value=str(got).lower())
            if isinstance(got, (int, float)):
                return loc, _("{field}: YAML read this as a number, not as text — put it in quotes, for example \"{value}\"").format(field=where, value=got)
            if got is None:
                if self._is_text(model, loc):
                    return loc, self._text_empty(loc)
                return loc, self._empty(model, loc)
            if isinstance(got, list):
                return loc, _("{field}: must be one text, not a list — remove the '- ' in front").format(field=where)
            if isinstance(got, dict):
                if set(got) & set(self.keys):
                    return loc, _("{field}: is written once, as it stands in the source — not separately for {keys}").format(field=where, keys=self.every)
                return loc, _("{field}: must be one text, not a block of 'key: value' lines").format(field=where)
            return loc, _("{field}: must be text").format(field=where)
        if kind in ("model_type", "model_attributes_type", "dict_type"):
            holder, info = _walk(model, loc)
            fields = list(holder.model_fields) if holder is not None and kind != "dict_type" else []
            if fields:
                wanted = _("{fields} under it, each on its own line indented 2 spaces").format(fields=_and([f + ":" for f in fields]))
            else:
                wanted = _("its 'key: value' lines under it, indented 2 spaces")
            if got is None:
                if info is not None and not info.is_required() and info.default is None:
                    return loc, _("{field}: is empty — write {wanted}, or delete '{key}:' if there is nothing to say").format(field=where, wanted=wanted, key=last)
                return loc, _("{field}: is empty — write {wanted}").format(field=where, wanted=wanted)
            if isinstance(got, list):
                return loc, _("{field}: must be a block of 'key: value' lines, not a list — write {wanted}").format(field=where, wanted=wanted)
            return loc, _("{field}: must be a block of 'key: value' lines, not a single text — write {wanted}").format(field=where, wanted=wanted)
        if kind == "list_type":
            if got is None:
                return loc, _("{field}: is empty — add the items, each on its own line starting with '- ', or delete '{key}:'").format(field=where, key=last)
            return loc, _("{field}: must be a list: put each item on its own line starting with '- '").format(field=where)
        if kind == "too_short":
            return loc, _("{field}: needs at least one item, each on its own line starting with '- '").format(field=where)
        if kind in ("int_type", "int_parsing", "int_from_float"):
            if got is None:
                return loc, _("{field}: is empty — write a whole number, for example 16").format(field=where)
            if isinstance(got, str):
                return loc, _("{field}: must be a whole number without quotes, for example 16 (not \"{value}\")").format(field=where, value=got)
            return loc, _("{field}: must be a whole number, for example 16").format(field=where)
        if kind == "greater_than":
            return loc, _("{field}: must be more than {limit}").format(field=where, limit=ctx.get("gt"))
        if kind == "greater_than_equal":
            return loc, _("{field}: {value} is not possible — it must be at least {limit}").format(field=where, value=got, limit=ctx.get("ge"))
        if kind == "less_than_equal":
            return loc, _("{field}: {value} is not possible — it must be at most {limit}").format(field=where, value=got, limit=ctx.get("le"))
        if kind == "string_pattern_mismatch":
            if last in ("programme", "project"):
                example = "hb-kokeilu-2020-2021" if last == "programme" else "avain-kansalaisuuteen"
                if not str(got).strip():
                    message = _("{field}: is empty — write the file name of the programme without .yml, for example '{example}'") if last == "programme" else _("{field}: is empty — write the file name of the project without .yml, for example '{example}'")
                    return loc, message.format(field=where, example=example)
                message = (_("{field}: '{value}' is not a record's name — write the file name of the programme without .yml: lowercase letters a–z, digits and hyphens, for example '{example}'") if last == "programme"
                           else _("{field}: '{value}' is not a record's name — write the file name of the project without .yml: lowercase letters a–z, digits and hyphens, for example '{example}'"))
                return loc, message.format(field=where, value=got, example=example)
            return loc, _("{field}: '{value}' is not in the right form").format(field=where, value=got)
        if kind == "value_error":
            message = str(ctx.get("error", error["msg"]))
            if message.startswith("translations: missing "):
                missing = message.removeprefix("translations: missing ").split(", ")
                named = _and([f"{self.names.get(k, k)} ({k})" for k in missing])
                return loc + ("translations",), _("{field}.translations: the translation for {variants} is missing — the original text stays as it is, and every other variant needs its translation").format(field=where, variants=named)
            if message.startswith("translations: same "):
                lang = message.removeprefix("translations: same ")
                return loc + ("translations", lang), _("{field}.translations.{key}: the original is already in '{key}' (lang: {key}) — delete this translation").format(field=where, key=lang)
            return loc, f"{where}: {message}"  # the model's own message (hbsite/model.py), already translated
        return loc, f"{where}: {error['msg']}"  # pydantic's own message: a case not foreseen above

    guesses: dict = {}

    def _text_empty(self, loc: tuple) -> str:
        return _("{field}: the {variant} text ({key}) is empty — write the text").format(field=_dotted(loc[:-1]), variant=self.names[loc[-1]], key=loc[-1])

    def _guess(self, model: type[BaseModel], loc: tuple) -> list[str]:
        """The field an unknown key was probably meant to be: a near name, or the same name
        in other letter case."""
        parent = _parent_model(model, loc)
        allowed = list(parent.model_fields) if parent else []
        last = str(loc[-1])
        return difflib.get_close_matches(last, allowed, n=1, cutoff=0.6) or [a for a in allowed if a.lower() == last.lower()]

    def problems(self, document: Document, model: type[BaseModel], error: ValidationError) -> list[Problem]:
        items = error.errors()
        # A misspelt key ('summry', or 'sw' for 'sv') is one mistake: "did you mean 'summary'?"
        # says it all, so the "'summary' is required" that it causes is not reported as well.
        # When no name is near, an unknown key next to exactly one missing field is taken to be it.
        missing = {tuple(i["loc"]) for i in items if i["type"] == "missing"}
        self.guesses = {}
        for item in items:
            if item["type"] != "extra_forbidden":
                continue
            loc = tuple(item["loc"])
            guess = self._guess(model, loc)
            if not guess:
                near = [m for m in missing if m[:-1] == loc[:-1]]
                unknown_here = [i for i in items if i["type"] == "extra_forbidden" and tuple(i["loc"])[:-1] == loc[:-1]]
                if len(near) == 1 and len(unknown_here) == 1:
                    guess = [near[0][-1]]
            if guess:
                self.guesses[loc] = guess
        explained = {loc[:-1] + (guess[0],) for loc, guess in self.guesses.items()}
        out = []
        for item in items:
            if item["type"] == "missing" and tuple(item["loc"]) in explained:
                continue
            loc, message = self(item, model)
            out.append(document.problem(loc, message))
        self.guesses = {}
        return out


# ── the records ───────────────────────────────────────────────────────────────────────────
@dataclass
class _Seen:
    """What a readable file says it is, valid or not (for the checks across records)."""

    slug: str
    file: str
    kind: str | None


def validate(root: Path, schema: Schema, variants: tuple[Variant, ...], projects_dir: Path | None = None,
             known=None) -> tuple[Records, list[Problem]]:
    """Every record file under `projects_dir` (projects/): the valid records and every problem.
    `known` keeps each file's own checks by its name and text for the next run in the same
    process (mkdocs serve, hbsite/memo.py); the checks across records run every time."""
    projects_dir = projects_dir or root / "projects"
    problems: list[Problem] = []
    entries: list[Entry] = []
    messages = _Messages(variants)
    models = schema.record_models()
    seen_slugs: dict[str, str] = {}
    seen: list[_Seen] = []

    for path in record_files(projects_dir):
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        slug = path.stem
        if path.suffix == ".yaml":
            problems.append(Problem(shown, 1, 1, _("record files end in .yml: rename the file to {name}").format(name=slug + ".yml")))
        if not SLUG.match(slug):
            problems.append(Problem(shown, 1, 1, _("the file name '{name}' is the page address: use lowercase letters a–z, digits and hyphens only (for example 'hebu-vantaa.yml')").format(name=path.name)))
        elif slug in RESERVED_SLUGS:
            problems.append(Problem(shown, 1, 1, _("the file name '{name}' cannot be used: {reason} — choose another name").format(name=path.name, reason=_(RESERVED_SLUGS[slug]))))
        if slug in seen_slugs:
            problems.append(Problem(shown, 1, 1, _("the file name '{name}' is already used by {other}: every record needs its own file name, because the name is the page address").format(name=slug, other=seen_slugs[slug])))
        seen_slugs.setdefault(slug, shown)

        text, found = read_text(path, shown)
        if text is None:
            problems.extend(found)
            seen.append(_Seen(slug, shown, None))
            continue
        key = (shown, text, schema_line(path, root), tuple(v.key for v in variants))
        checked = known.get(key) if known is not None else None
        if checked is None:
            checked = _check_record(slug, shown, text, key[2], models, messages)
        if known is not None:
            known.put(key, checked)
        kind, entry, found = checked
        seen.append(_Seen(slug, shown, kind))
        problems.extend(found)
        if entry is not None:
            entries.append(entry)

    records = Records()
    for entry in sorted(entries, key=lambda e: e.slug):
        getattr(records, {"programme": "programmes", "project": "projects", "publication": "publications", "event": "events"}[entry.kind]).append(entry)
    # An event dated to a year or a month comes after the dated days of that year or month:
    # "at the end of 2021" must not be listed before October 2021.
    records.events.sort(key=lambda e: (e.record.date + "-99" * (2 - e.record.date.count("-")), e.slug))
    problems.extend(_cross_checks(records, seen))
    problems.extend(_same_names(records, variants))
    return records, sorted(set(problems))


def _check_record(slug: str, shown: str, text: str, expected_line: str, models: dict, messages: _Messages) -> tuple[str | None, Entry | None, list[Problem]]:
    """One record file's own checks: what kind it says it is, the record (None if it has a
    problem) and its problems. The same text always gives the same answer."""
    problems = list(check_schema_line(text, expected_line, shown))
    document, found = load_text(text, shown)
    problems.extend(found)
    if document is None:
        return None, None, problems  # unreadable: its own problem says why
    kind = document.data.get("kind")
    seen_kind = kind if isinstance(kind, str) else None
    if kind not in models:
        if kind is None:
            near = [k for k in document.data if isinstance(k, str) and k != "kind" and difflib.get_close_matches(k.lower(), ["kind"], cutoff=0.6)]
            if near:
                problems.append(document.problem((near[0],), _("'{key}' should be 'kind' (lowercase): write kind: {kinds}").format(key=near[0], kinds=_(KINDS_HELP))))
            else:
                problems.append(document.problem((), _("'kind:' is missing — start the record with kind: followed by {kinds}").format(kinds=_(KINDS_HELP))))
        else:
            guess = difflib.get_close_matches(str(kind).lower(), KINDS, n=1, cutoff=0.5)
            message = _("kind: '{value}' is not known — did you mean '{guess}'?") if guess else _("kind: '{value}' is not known — use {kinds}")
            problems.append(document.problem(("kind",), message.format(value=kind, guess=guess[0] if guess else "", kinds=_(KINDS_HELP))))
        return seen_kind, None, problems
    model = models[kind]
    try:
        record = model.model_validate(document.data)
    except ValidationError as error:
        problems.extend(messages.problems(document, model, error))
        return seen_kind, None, problems
    extra = _value_problems(document)
    problems.extend(extra)
    return seen_kind, (Entry(slug, shown, record, document) if not found and not extra else None), problems


# ── what a record's values may not do, beyond the schema ─────────────────────────────────
MAX_TEXT_CHARS = 5000
TOO_LONG = N_("this text is {length} characters long, at most {limit}: a text this long is not read on a web page and cannot be reviewed — shorten it or split it")
URL_TOO_LONG = N_("this web address is {length} characters long, at most {limit}: copy the page's own short address from the browser's address bar")
URL_USER = N_("the address has a user name or password before '@' ({shown}): the link would go to '{host}', not to the site the text before '@' names, and a password must never be in a page — write the address without it")
URL_LOOKALIKE_HOST = N_("the site name '{host}' has letters of another alphabet ({letters}) that only look like Latin ones: the link would go to another site than it seems — type the address with the keyboard")
URL_PUNYCODE = N_("the site name is written in its coded form '{host}', which reviewers cannot read: write it with its letters, '{readable}'")
URL_LOOKALIKE_CHAR = N_("the address has '{char}' ({code} {name}), which only looks like '{looks}': copy the address again from the browser's address bar")
URL_NUMERIC_HOST = N_("the address goes to '{host}', a machine's number or a local name, not a public site: write the site's own address (https://www.example.fi/…)")
_LOOKALIKE_PUNCTUATION = {"\u2215": "/", "\u2044": "/", "\u29f8": "/", "\uff0f": "/", "\u2024": ".", "\uff0e": ".", "\u3002": ".",
                          "\uff1a": ":", "\ua789": ":", "\u02d0": ":", "\uff03": "#", "\uff1f": "?", "\uff20": "@", "\u2010": "-", "\u2011": "-"}
_IP = re.compile(r"^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:.]+\])$")


def _strings(value, path: tuple = ()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))
    elif isinstance(value, str):
        yield path, value


def _value_problems(document: Document) -> list[Problem]:
    """Absurdly long texts, and web addresses that would take a reader somewhere else than
    they seem to (user:password@, lookalike letters in the site name, coded site names,
    lookalike slashes and dots, addresses of machines)."""
    problems = []
    for path, value in _strings(document.data):
        if len(value) > MAX_TEXT_CHARS:
            problems.append(document.problem(path, _(TOO_LONG).format(length=len(value), limit=MAX_TEXT_CHARS)))
        if re.match(r"(?i)https?://", value.strip()):
            problems.extend(document.problem(path, message) for message in url_problems(value.strip()))
    return problems


def url_problems(url: str) -> list[str]:
    """What is wrong with a web address that the schema's pattern accepts (empty: nothing)."""
    import unicodedata
    from urllib.parse import urlsplit

    if len(url) > 2000:
        return [_(URL_TOO_LONG).format(length=len(url), limit=2000)]
    out = []
    for char in url:
        if char in _LOOKALIKE_PUNCTUATION:
            out.append(_(URL_LOOKALIKE_CHAR).format(char=char, code=f"U+{ord(char):04X}", name=unicodedata.name(char, ""), looks=_LOOKALIKE_PUNCTUATION[char]))
            return out
    try:
        parts = urlsplit(url)
    except ValueError:
        return out
    netloc = parts.netloc
    if "@" in netloc:
        user, host = netloc.rsplit("@", 1)
        return [_(URL_USER).format(shown=user + "@", host=host.split(":")[0])]
    host = (parts.hostname or "").rstrip(".")
    if _IP.match(netloc.split(":")[0] if not netloc.startswith("[") else netloc.split("]")[0] + "]") or "." not in host:
        return [_(URL_NUMERIC_HOST).format(host=host or netloc)]
    labels = host.split(".")
    readable = []
    for label in labels:
        if label.lower().startswith("xn--"):
            try:
                readable.append(label[4:].encode("ascii").decode("punycode"))
            except (UnicodeError, ValueError):
                readable.append(label)
        else:
            readable.append(label)
    shown = ".".join(readable)
    foreign = sorted({ch for ch in shown if not ch.isascii() and ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN")})
    if foreign:
        letters = ", ".join(f"'{ch}' {unicodedata.name(ch, '')}" for ch in foreign)
        return [_(URL_LOOKALIKE_HOST).format(host=shown, letters=letters)]
    if shown != host:
        return [_(URL_PUNYCODE).format(host=host, readable=shown)]
    return out


def _same_names(records: Records, variants: tuple[Variant, ...]) -> list[Problem]:
    """Two records with the same name in a variant look like one record in every list and
    link: the second is refused, naming the first."""
    problems = []
    for field_name in ("name", "short_name"):
        seen: dict[tuple[str, str], tuple[Entry, tuple]] = {}
        for entry in records.programmes + records.projects:
            for variant in variants:
                path = (field_name, variant.key)
                text = entry.document.value(path)
                if not isinstance(text, str):
                    continue
                key = (variant.key, " ".join(text.casefold().split()))
                if key in seen:
                    first, first_path = seen[key]
                    line, column = first.document.position(first_path)
                    problems.append(entry.document.problem(path, _(SAME_NAME).format(
                        field=".".join(path), text=" ".join(text.split()), other=first.file, line=line, column=column)))
                else:
                    seen[key] = (entry, path)
    seen_titles: dict[str, tuple[Entry, tuple]] = {}
    for entry in records.publications:
        path = ("title", "text")
        text = entry.document.value(path)
        if not isinstance(text, str):
            continue
        key = " ".join(text.casefold().split())
        if key in seen_titles:
            first, first_path = seen_titles[key]
            line, column = first.document.position(first_path)
            problems.append(entry.document.problem(path, _(SAME_NAME).format(
                field="title.text", text=" ".join(text.split()), other=first.file, line=line, column=column)))
        else:
            seen_titles[key] = (entry, path)
    return problems


SAME_NAME = N_("{field}: '{text}' is already the name of another record ({other}:{line}:{column}): two records with one name look like one in every list and link — give this one its own name")


def _cross_checks(records: Records, seen: list[_Seen]) -> list[Problem]:
    """Links between records. A target counts when its file exists and says its kind, even if
    the file itself has problems (those are reported at that file)."""
    problems = []
    by_kind: dict[str, set[str]] = {kind: set() for kind in KINDS}
    kind_of: dict[str, str] = {}
    for item in seen:
        if item.kind in by_kind:
            by_kind[item.kind].add(item.slug)
            kind_of.setdefault(item.slug, item.kind)

    unreadable = {item.slug for item in seen if item.kind is None}

    def missing(entry: Entry, key: str, target: str, *kinds: str) -> None:
        """`target` must name a record of one of `kinds`."""
        if any(target in by_kind[k] for k in kinds) or (target in unreadable and target not in kind_of):
            return  # there, or there but unreadable (reported at that file, not at every link to it)
        wanted = " / ".join(kinds)
        if target in kind_of:
            problems.append(entry.document.problem((key,), _("{field}: '{value}' is a {kind}, not a {wanted} — write the file name of a {wanted}").format(field=key, value=target, kind=kind_of[target], wanted=wanted)))
            return
        known = sorted(set().union(*(by_kind[k] for k in kinds)))
        near = difflib.get_close_matches(target, known, n=1)
        if near:
            message = _("{field}: there is no {wanted} '{value}' (no file projects/…/{value}.yml with kind: {wanted}) — did you mean '{guess}'?")
        elif known:
            message = _("{field}: there is no {wanted} '{value}' (no file projects/…/{value}.yml with kind: {wanted}) — the {wanted}s are: {known}")
        else:
            message = _("{field}: there is no {wanted} '{value}' (no file projects/…/{value}.yml with kind: {wanted}) — there is no {wanted} yet")
        problems.append(entry.document.problem((key,), message.format(field=key, value=target, wanted=wanted, guess=near[0] if near else "", known=", ".join(known))))

    for entry in records.projects:
        if entry.record.programme:
            missing(entry, "programme", entry.record.programme, "programme")
    for entry in records.publications:
        missing(entry, "project", entry.record.project, "project", "programme")
    for entry in records.events:
        if entry.record.about:
            missing(entry, "about", entry.record.about, "programme", "project")
    return problems


def validate_site_file(root: Path, model: type[BaseModel], variants: tuple[Variant, ...]) -> tuple[BaseModel | None, list[Problem]]:
    """site.yml: settings and interface strings."""
    path = root / "site.yml"
    if not path.exists():
        return None, [Problem("site.yml", 1, 1, _("site.yml is missing: it holds the site settings and interface strings"))]
    text, problems = read_text(path, "site.yml")
    if text is None:
        return None, problems
    problems = check_schema_line(text, schema_line(path, root, SITE_SCHEMA), "site.yml")
    document, found = load_text(text, "site.yml")
    problems += found
    if document is None:
        return None, problems
    try:
        site = model.model_validate(document.data)
    except ValidationError as error:
        problems += _Messages(variants).problems(document, model, error)
        return None, problems
    return (site if not problems else None), problems
