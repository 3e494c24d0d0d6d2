"""The web form's configuration (admin/config.yml), made from the record schema.

The form is Sveltia CMS (admin/): one collection per record kind, each field from the JSON
Schema that `build_pages.py schema` writes — its Finnish description as the hint, required
fields, patterns, choices, whole numbers, lists — so the form, VS Code and `check` share one
contract. Every text is an object with one subfield per variant (mkdocs.yml's list), which is
the records' own shape. `build_pages.py cms` writes the file; a test keeps it current.

What the form cannot know (readability, terms, links between records) comes back on the pull
request at file:line, from `check`.
"""
from __future__ import annotations

from .messages import N_, _, in_language

# The Finnish label of each field (the descriptions give the details as hints).
LABELS = {
    "about": N_("Concerns (programme or project)"), "aims": N_("Aims"), "amount": N_("Amount (€)"),
    "announced_on": N_("Announced on"), "background": N_("Background"), "budget": N_("Budget (€)"),
    "date": N_("Date"), "end": N_("End date"), "extent": N_("Extent"), "funding": N_("Funding"),
    "grant": N_("State grant"), "grantor": N_("Grantor"), "intro": N_("Introduction"), "kind": N_("Kind"),
    "lang": N_("Language"), "language": N_("Language of the publication"), "link": N_("Link"),
    "name": N_("Name"), "notes": N_("Notes (not shown on the page)"), "organiser": N_("Organiser"),
    "organisers": N_("Organisers"), "outcome": N_("Outcome"), "partners": N_("National partners"),
    "pilots": N_("Pilots"), "programme": N_("Programme"), "project": N_("Project or programme"),
    "publisher": N_("Publisher"), "quotes": N_("Quotations"), "read_on": N_("Read on"),
    "recipient": N_("Recipient"), "region": N_("Region"), "role": N_("Role"), "short_name": N_("Short name"),
    "source": N_("Where the quotation comes from"), "sources": N_("Sources"), "start": N_("Start date"),
    "summary": N_("Summary"), "supports": N_("Fields this source supports"), "target_groups": N_("Target groups"),
    "targets": N_("Link targets"), "text": N_("Text"), "title": N_("Title"), "topic": N_("Topic on the 'now' page"),
    "translations": N_("Translations"), "type": N_("Type"), "unit": N_("Unit"),
    "universities": N_("Universities of applied sciences"), "unknown": N_("Why a fact is missing"),
    "url": N_("Web address"), "value": N_("Number"), "website": N_("Website"), "year": N_("Year"), "years": N_("Years"),
}
COLLECTIONS = {
    "programme": (N_("Programmes"), N_("Programme")),
    "project": (N_("Projects"), N_("Project")),
    "publication": (N_("Publications"), N_("Publication")),
    "event": (N_("Timeline events"), N_("Timeline event")),
}
# Where each kind's files are, below projects/ (how deep the form looks for them).
DEPTH = {"programme": 1, "project": 2, "publication": 3, "event": 2}
# The field that names an entry in the form's lists.
TITLE_FIELD = {"programme": "name.fi", "project": "name.fi", "publication": "title.text", "event": "text.fi"}
# Texts written in one line (names); every other text gets a box for paragraphs.
ONE_LINE = {"name", "short_name", "region", "grantor", "recipient", "organiser", "source", "years"}
PATTERN_MESSAGE = N_("This is not in the required form: see the hint under the field.")
# Written by `build_pages.py format`, never in the form (the form keeps it as it is).
NOT_IN_FORM = {"fingerprints"}


class _Config:
    def __init__(self, schema: dict, variants, language: str):
        self.defs = schema["$defs"]
        self.variants = variants
        self.language = language

    def _(self, message: str) -> str:
        return in_language(message, self.language)

    def resolve(self, prop: dict) -> tuple[dict, bool]:
        """The property's own schema (a $ref followed, Optional unwrapped) and whether null is allowed."""
        nullable = False
        if "anyOf" in prop:
            options = [p for p in prop["anyOf"] if p.get("type") != "null"]
            nullable = len(options) < len(prop["anyOf"])
            merged = {k: v for k, v in prop.items() if k != "anyOf"}
            prop = {**options[0], **merged}
        if "$ref" in prop:
            target = self.defs[prop["$ref"].rsplit("/", 1)[1]]
            prop = {**target, **{k: v for k, v in prop.items() if k != "$ref"}}
        return prop, nullable

    def is_text(self, prop: dict) -> bool:
        """A text in every variant (all required); translations (some optional) are not."""
        keys = {v.key for v in self.variants}
        return prop.get("type") == "object" and set(prop.get("properties", {})) == keys and set(prop.get("required", [])) == keys

    def field(self, name: str, prop: dict, required: bool, record_fields: list[str]) -> dict:
        prop, nullable = self.resolve(prop)
        names = {v.key: v.name for v in self.variants}
        out = {"name": name, "label": self._(LABELS[name]) if name in LABELS else names.get(name, name)}
        if prop.get("description"):
            out["hint"] = prop["description"]
        out["required"] = bool(required and not nullable)
        kind = prop.get("type")
        if self.is_text(prop):
            out["widget"] = "object"
            out["fields"] = self.text_fields(prop, one_line=name in ONE_LINE or prop.get("x-proper-names", False))
        elif kind == "object" and "properties" in prop:
            out["widget"] = "object"
            out["fields"] = self.fields(prop, record_fields)
        elif kind == "object":  # a dict by field name: unknown, notes
            out["widget"] = "keyvalue"
        elif kind == "array":
            items, _nullable = self.resolve(prop["items"])
            out["widget"] = "list"
            if name == "supports":  # a choice of the record's own fields
                out.update(widget="select", multiple=True, options=record_fields)
            elif self.is_text(items):
                out["fields"] = self.text_fields(items, one_line=prop.get("x-proper-names", False))
            elif items.get("type") == "object":
                out["fields"] = self.fields(items, record_fields)
            if "minItems" in prop:
                out["min"] = prop["minItems"]
        elif "enum" in prop or "const" in prop:
            out["widget"] = "select"
            out["options"] = [o for o in prop.get("enum", [prop.get("const")]) if o not in ("", None)]
            if "" in prop.get("enum", []):
                out["required"] = False
        elif kind == "integer":
            out.update(widget="number", value_type="int")
            if "exclusiveMinimum" in prop:
                out["min"] = prop["exclusiveMinimum"] + 1
            elif "minimum" in prop:
                out["min"] = prop["minimum"]
            if "maximum" in prop:
                out["max"] = prop["maximum"]
        else:
            out["widget"] = "text" if name in names else "string"  # a translation: room for paragraphs
            pattern = prop.get("pattern")
            if pattern and pattern != r"\S":
                out["pattern"] = [pattern, self._(PATTERN_MESSAGE)]
        if "default" in prop and prop["default"] not in (None, "", [], {}):
            out["default"] = prop["default"]
        return out

    def text_fields(self, prop: dict, one_line: bool) -> list[dict]:
        return [{"name": v.key, "label": v.name, "widget": "string" if one_line else "text", "required": True}
                for v in self.variants if v.key in prop["properties"]]

    def fields(self, model: dict, record_fields: list[str]) -> list[dict]:
        required = set(model.get("required", []))
        return [self.field(name, prop, name in required, record_fields)
                for name, prop in model["properties"].items() if name not in NOT_IN_FORM]


def cms_config(schema: dict, variants, kinds: dict[str, str], language: str = "fi") -> dict:
    """The form's configuration: `schema` is the record JSON Schema, `kinds` kind → its $defs name."""
    config = _Config(schema, variants, language)
    collections = []
    for kind, definition in kinds.items():
        model = schema["$defs"][definition]
        record_fields = [n for n in model["properties"] if n not in ("kind", "sources", "unknown", "notes", *NOT_IN_FORM)]
        fields = config.fields(model, record_fields)
        for f in fields:
            if f["name"] == "kind":  # fixed by the collection
                f.update(widget="hidden", default=kind)
                f.pop("options", None)
        plural, singular = COLLECTIONS[kind]
        collections.append({
            "name": kind,
            "label": config._(plural),
            "label_singular": config._(singular),
            "folder": "projects/aikajana" if kind == "event" else "projects",
            "extension": "yml",
            "format": "yml",
            "create": True,
            "nested": {"depth": DEPTH[kind], "subfolders": False},
            "filter": {"field": "kind", "value": kind},
            "identifier_field": TITLE_FIELD[kind],
            "summary": "{{" + TITLE_FIELD[kind] + "}}",
            "fields": fields,
        })
    return {
        # The backend (repository, login) is added when the site is built (hbsite/admin.py).
        "publish_mode": "editorial_workflow",
        "media_folder": "docs/assets/media",
        "slug": {"encoding": "ascii", "clean_accents": True, "maxlength": 60},
        "collections": collections,
    }


HEADER = N_("# The web form's configuration, written by: .venv/bin/python build_pages.py cms (do not edit: the record schema is the source).")


def header(language: str = "fi") -> str:
    return in_language(HEADER, language) + "\n"


