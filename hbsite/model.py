"""Stage 2: the schema — the one contract for records.

The same pydantic models give (1) validation with messages for editors, (2) the JSON Schema
in `schemas/` that VS Code uses for autocomplete, and (3) the field reference in the editors'
guide. Field descriptions are messages (English here, marked with N_(); Finnish in
hbsite/locale/fi/LC_MESSAGES/hb.po): `new` writes them in the editor's language, and the
committed JSON Schema and the guide's field list are generated in Finnish, the editors'
language (hbsite/messages.py: described(), in_language()).

Texts are keyed by variant (mkdocs.yml lists the keys); the keys come from mkdocs.yml, so the
models are made for a given tuple of variant keys by `schema_for()`.
"""
from __future__ import annotations

import re
import typing
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Literal, Optional, Union

from .messages import N_, _, described

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    create_model,
    model_validator,
)

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ALLOWED_SCHEMES = ("https://", "http://", "mailto:")
# What a web address may be: https/http with a host, or mailto with an address. No spaces and
# none of < > " ' ` \ (they would end the link in Markdown or HTML). The JSON Schema carries the
# same pattern, so the editor underlines what the build refuses.
# The patterns are written for every dialect that reads them: Python's re, JSON Schema (ECMA-262
# with the u flag: no needless escapes such as \") and the web form's browser (v flag: / escaped).
_NO_URL = r"\s<>" + "\"'`" + r"\\"  # space, < > " ' ` \
_URL_CHAR = rf"[^{_NO_URL}]"
URL_PATTERN = rf"^$|^https?://[^{_NO_URL}\/?#@]+{_URL_CHAR}*$|^mailto:[^{_NO_URL}@]+@{_URL_CHAR}+$"
EMAIL_PATTERN = rf"^$|^[^{_NO_URL}@]+@[^{_NO_URL}@]+\.[^{_NO_URL}@]+$"
_URL = re.compile(URL_PATTERN)
_EMAIL = re.compile(EMAIL_PATTERN)
# Every text must have at least one character that is not a space (JSON Schema: pattern).
_NOT_BLANK = r"\S"
RESERVED_SLUGS = {"index": N_("it is the address of the list page"), "404": N_("it is the address of the 'page not found' page")}

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), Field(json_schema_extra={"pattern": _NOT_BLANK})]


def _check_url(value: str) -> str:
    value = value.strip()
    if not value:
        return value
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    if scheme and scheme not in ("https", "http", "mailto") and not value.lower().startswith(ALLOWED_SCHEMES):
        raise ValueError(_("'{scheme}:' addresses are not allowed — only https://, http:// or mailto: (a '{scheme}:' link could run code or hide content); leave it \"\" if the address is not known").format(scheme=scheme))
    if not value.startswith(ALLOWED_SCHEMES):
        raise ValueError(_("a web address must start with https:// (or http:// or mailto:), in lowercase; leave it \"\" if it is not known"))
    if any(ch.isspace() for ch in value):
        raise ValueError(_("a web address cannot contain spaces: copy the address again from the browser's address bar"))
    bad = sorted({ch for ch in value if ch in "<>\"'`\\"})
    if bad:
        raise ValueError(_("a web address cannot contain {characters}: copy the address again from the browser's address bar").format(characters=" ".join(bad)))
    if not _URL.match(value):
        raise ValueError(_("this is not a complete web address: write it as https://example.fi/page (or mailto:name@example.fi)"))
    return value


def _check_email(value: str) -> str:
    value = value.strip()
    if value and not _EMAIL.match(value):
        raise ValueError(_("this is not an e-mail address: write it as name@example.fi (without 'mailto:'), or leave it \"\""))
    return value


def _check_date(value: str) -> str:
    value = value.strip()
    if value and not ISO_DATE.match(value):
        raise ValueError(_("a date is written year-month-day in quotes, for example \"2020-01-08\"; leave it \"\" if it is not known"))
    if value:
        import datetime

        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(_("{date} is not a real date: check the day and the month").format(date=value)) from None
    return value


def _check_web_url(value: str) -> str:
    value = _check_url(value)
    if value.lower().startswith("mailto:"):
        raise ValueError(_("only a web page can be a source or a link target: write an address that starts with https:// (an e-mail address is not allowed here), or leave it \"\" if the address is not known"))
    return value


def _check_target_url(value: str) -> str:
    value = _check_web_url(value)
    if not value:
        raise ValueError(_("is empty — write the address of the page the link goes to, or delete this target (write targets: [] when no address is known)"))
    return value


def _check_past_date(value: str) -> str:
    value = _check_date(value)
    if not value:
        raise ValueError(_("is empty — write the date in quotes, for example \"2026-12-02\""))
    import datetime

    today = datetime.date.today()
    if datetime.date.fromisoformat(value) > today:
        raise ValueError(_("{date} is in the future — write the day it happened (today is {today} at the latest)").format(date=value, today=today.isoformat()))
    return value


Url = Annotated[str, AfterValidator(_check_url), Field(description=N_("A web address that starts with https:// (or http:// or mailto:). Leave it empty \"\" if the address is not known — do not guess."), json_schema_extra={"pattern": URL_PATTERN})]
Email = Annotated[str, AfterValidator(_check_email), Field(json_schema_extra={"pattern": EMAIL_PATTERN})]
IsoDate = Annotated[str, AfterValidator(_check_date), Field(json_schema_extra={"pattern": r"^$|^\d{4}-\d{2}-\d{2}$"})]
WEB_URL_PATTERN = rf"^$|^https?://[^{_NO_URL}\/?#@]+{_URL_CHAR}*$"
WebUrl = Annotated[str, AfterValidator(_check_web_url), Field(json_schema_extra={"pattern": WEB_URL_PATTERN})]
TargetUrl = Annotated[str, AfterValidator(_check_target_url), Field(json_schema_extra={"pattern": WEB_URL_PATTERN.removeprefix("^$|")})]
PastDate = Annotated[str, AfterValidator(_check_past_date), Field(json_schema_extra={"pattern": r"^\d{4}-\d{2}-\d{2}$"})]
Slug = Annotated[str, StringConstraints(pattern=SLUG.pattern)]
# Two short hashes, "ORIGINAL VARIANT" (hbsite/canonical.py).
Fingerprint = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{8} [0-9a-f]{8}$")]
EVENT_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _check_event_date(value: str) -> str:
    """A date as precise as its source: a year, a month or a day."""
    value = value.strip()
    if not EVENT_DATE.match(value):
        raise ValueError(_("write the date in quotes as precisely as the source gives it: \"2022-03-04\" (a day), \"2022-03\" (a month) or \"2022\" (a year)"))
    import datetime

    year, month, day = (value.split("-") + ["01", "01"])[:3]
    try:
        datetime.date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(_("{date} is not a real date: check the day and the month").format(date=value)) from None
    return value


EventDate = Annotated[str, AfterValidator(_check_event_date), Field(json_schema_extra={"pattern": EVENT_DATE.pattern})]
DATE_NOTE = N_("{about} Written \"YYYY-MM-DD\" in quotes, for example \"2020-01-08\". Leave it empty \"\" if the day is not known — do not guess.")
# How each variant key reads in a description ("Text in Swedish (sv)."); other keys are named as they are.


def literal_values(annotation) -> tuple:
    """The allowed values of a Literal field, also inside Optional[...] (for the scaffold and
    the field reference, which both describe the model)."""
    if typing.get_origin(annotation) is Literal:
        return typing.get_args(annotation)
    for arg in typing.get_args(annotation):
        found = literal_values(arg)
        if found:
            return found
    return ()


# Marks a list that a new record starts empty ([] means "not known yet"): the scaffold writes
# `name: []` and shows one item as a comment, instead of an item with empty values.
STARTS_EMPTY = {"x-starts-empty": True}

# Marks fields that hold names of organisations and places. The readability report does not
# grade their words (a name such as "Diakonia-ammattikorkeakoulu" cannot be made shorter),
# but still checks them for abbreviations.
PROPER_NAMES = {"x-proper-names": True}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# Literal, not Enum: strict validation takes the editor's plain text values.
Role = Literal["administrator", "responsible", "co_implementer", "partner", "coordinator", "funder"]
PublicationType = Literal[
    "animation_video", "documentary_video", "final_publication", "report", "slide_set", "publication", "interim_report", "glossary"
]
Unit = Literal["minutes", "pages", "concepts"]
# The unit each type of publication is measured in: a video lasts minutes, a text has pages,
# a glossary has concepts.
UNIT_OF_TYPE = {
    "animation_video": "minutes", "documentary_video": "minutes",
    "final_publication": "pages", "report": "pages", "slide_set": "pages", "publication": "pages", "interim_report": "pages",
    "glossary": "concepts",
}
# What a timeline event may also be shown as on the "now" page: the heading it goes under.
Topic = Literal["after_pilot", "law", "where_to_ask"]
Language = Literal["fi", "sv", "en"]


class Extent(Strict):
    __doc__ = N_("The extent of a publication: a video's length in minutes or a publication's number of pages.")

    value: int = Field(gt=0, description=N_("The extent as a whole number without quotes, for example 16."))
    unit: Unit = Field(description=N_("The unit: minutes (videos), pages (publications, reports and slide sets) or concepts (glossaries)."))


class Website(Strict):
    __doc__ = N_("A website where a project's materials are collected.")

    name: NonEmpty = Field(description=N_("The website's name as it is, for example henkilokohtainenbudjetointi.fi."))
    url: Url = ""


class Source(Strict):
    __doc__ = N_("A source the record's facts rest on: a web page or a publication. At the end of the page the sources are shown as links.")

    url: WebUrl = Field(default="", description=N_("The source's web address, starting with https:// (or http://). Leave it empty \"\" if you have not seen and checked the address yourself — do not guess; the gap shows in the gaps list."))
    publisher: str = Field(default="", description=N_("The publisher as the source itself names it, in the source's language, for example Terveyden ja hyvinvoinnin laitos (THL). Leave it empty \"\" if the publisher is not known for certain; the gap shows in the gaps list."))
    title: NonEmpty = Field(description=N_("The source's title as it is, in the source's own language."))
    lang: Language = Field(description=N_("The source's language: fi, sv or en."))
    read_on: PastDate = Field(description=N_("The day the source was read, written \"YYYY-MM-DD\" in quotes, for example \"2026-12-02\". Not in the future."))
    supports: list[NonEmpty] = Field(default_factory=list, description=N_("Optional: the fields of this record whose facts come from this source, when that is not obvious, for example [start, end, grant]. A filled-in state grant (grant) always needs a source that lists grant."))


class Target(Strict):
    __doc__ = N_("A link's target in one language. The page picks the target in the page's language; otherwise the first one.")

    url: TargetUrl = Field(description=N_("The web address of the target page, starting with https:// (or http://)."))
    lang: Language = Field(description=N_("The target page's language: fi, sv or en. One target per language."))


def _problem(loc: tuple, message: str, **values):
    """One validation error at `loc` inside the record (message: one literal string with named values)."""
    from pydantic_core import InitErrorDetails, PydanticCustomError

    return InitErrorDetails(type=PydanticCustomError("value_error", message, values), loc=loc, input=values.get("value"))


def _raise(problems: list, title: str) -> None:
    from pydantic import ValidationError

    if problems:
        raise ValidationError.from_exception_data(title, problems)


# Fields a source cannot "support": the record's kind and its list of sources.
_NOT_SUPPORTED = ("kind", "sources", "unknown", "notes", "fingerprints")


def _check_sources(record: BaseModel) -> None:
    """The checks that need the whole record: no url twice, `supports` names this record's
    fields, a filled grant rests on a source."""
    kind = record.kind
    fields = [name for name in type(record).model_fields if name not in _NOT_SUPPORTED]
    problems = []
    first_at: dict[str, int] = {}
    for i, source in enumerate(record.sources):
        if source.url:
            if source.url in first_at:
                problems.append(_problem(("sources", i, "url"), _("this address is already listed as source {first}: list each source once — put all the fields it supports in one source's supports:"), first=first_at[source.url] + 1, value=source.url))
            first_at.setdefault(source.url, i)
        for j, name in enumerate(source.supports):
            if name not in fields:
                problems.append(_problem(("sources", i, "supports", j), _("'{value}' is not a field of a {kind} — use the name of a field of this record: {allowed}"), value=name, kind=kind, allowed=", ".join(fields)))
    for name, _reason in record.unknown.items():
        # A key names a field, or a part of one ("link.targets": the link's address).
        first, *rest = name.split(".")
        value = getattr(record, first, None)
        for part in rest:
            value = getattr(value, part, None)
        if first not in fields:
            problems.append(_problem(("unknown", name), _("'{value}' is not a field of a {kind} — use the name of a field of this record: {allowed}"), value=name, kind=kind, allowed=", ".join(fields)))
        elif value not in (None, "", []):
            problems.append(_problem(("unknown", name), _("{value} is filled in, so it is no longer unknown — delete this note"), value=name))
    for name in record.notes:
        if name.split(".")[0] not in fields:
            problems.append(_problem(("notes", name), _("'{value}' is not a field of a {kind} — use the name of a field of this record: {allowed}"), value=name, kind=kind, allowed=", ".join(fields)))
    if getattr(record, "grant", None) is not None and not any("grant" in s.supports for s in record.sources):
        problems.append(_problem(("grant",), _("a state grant needs its source — add grant to the supports: list of the source that gives the amount and the date (for example supports: [grant])")))
    _raise(problems, type(record).__name__)


class _Sourced(Strict):
    """A record kind with sources: the checks across its fields run after the fields are valid."""

    @model_validator(mode="after")
    def _sources_hold(self):
        _check_sources(self)
        return self


@dataclass(frozen=True)
class Schema:
    """The record models for one tuple of variant keys."""

    variants: tuple[str, ...]
    Text: type[BaseModel]
    Quote: type[BaseModel]
    Link: type[BaseModel]
    Grant: type[BaseModel]
    Programme: type[BaseModel]
    Project: type[BaseModel]
    Publication: type[BaseModel]
    Event: type[BaseModel]
    Record: object  # the discriminated union of the record kinds

    def record_models(self) -> dict[str, type[BaseModel]]:
        return {"programme": self.Programme, "project": self.Project, "publication": self.Publication, "event": self.Event}


@lru_cache(maxsize=None)
def schema_for(variants: tuple[str, ...]) -> Schema:
    listed = ", ".join(variants)
    text_fields = {
        key: (NonEmpty, Field(description=described(N_("The text of the variant '{key}' (mkdocs.yml lists the variants)."), key=key)))
        for key in variants
    }
    Text = create_model(
        "Text",
        __base__=Strict,
        __doc__=described(N_("The text in every variant ({variants}); all of them are required. Plain text: no Markdown and no HTML. Paragraphs are separated by a blank line."), variants=listed),
        **text_fields,
    )

    translation_fields = {
        key: (Optional[NonEmpty], Field(default=None, description=described(N_("The translation for the variant '{key}'. Leave it out if the original is already in this language."), key=key)))
        for key in variants
    }
    Translations = create_model(
        "Translations",
        __base__=Strict,
        __doc__=N_("The translations of an original text: into every variant whose language is not the original's. On the page a translation is marked as a translation."),
        **translation_fields,
    )

    class Original(Strict):
        __doc__ = N_("An original text (for example a publication's title) that is kept word for word as it is.")

        text: NonEmpty = Field(description=N_("The original text word for word, in its original language."))
        lang: Language = Field(default="fi", description=N_("The language of the original text: fi, sv or en. Usually fi."))
        translations: Translations = Field(description=described(N_("Translations into the other variants ({variants}; not the original's own language)."), variants=listed))

        @model_validator(mode="after")
        def _every_variant_can_read_it(self):
            missing = [key for key in variants if key != self.lang and not getattr(self.translations, key)]
            if missing:
                raise ValueError(f"translations: missing {', '.join(missing)}")
            if self.lang in variants and getattr(self.translations, self.lang):
                raise ValueError(f"translations: same {self.lang}")
            return self

    class Quote(Original):
        __doc__ = N_("A quotation from a report or a web page. The quotation stays in its original words; a translation is marked as a translation on the page.")

        source: Text = Field(description=N_("Where the quotation comes from, for example 'Ote hankkeen loppuraportista'."))

    class Link(Strict):
        __doc__ = N_("A link to more information: its text in every language and a target page in each language it exists in. If no target is known, targets is an empty list [] and no link is shown (the gap shows in the gaps list).")

        text: Text = Field(description=N_("The link's text, which says where the link goes (not just 'Read more')."))
        targets: list[Target] = Field(default_factory=list, description=N_("The target pages, one per language (fi, sv, en). The page shows the target in its own language; if there is none, the first one, and says its language, for example (på finska). An empty list [] if no address is known."), json_schema_extra=STARTS_EMPTY)

        @model_validator(mode="after")
        def _one_target_per_language(self):
            problems = []
            seen: dict[str, int] = {}
            for i, target in enumerate(self.targets):
                if target.lang in seen:
                    problems.append(_problem(("targets", i, "lang"), _("target {first} is already in '{value}': give one target per language — delete one of them"), first=seen[target.lang] + 1, value=target.lang))
                seen.setdefault(target.lang, i)
            _raise(problems, "Link")
            return self

    class Grant(Strict):
        __doc__ = N_("A state grant: who granted it, to whom, how much and when. It needs a source with grant in its supports list.")

        amount: int = Field(gt=0, description=N_("The amount of the grant in euros as a whole number without quotes and spaces, for example 535952."))
        # The sources give the day the ministry announced the grants, not the day of the
        # decision, so the field is named for what they state (issue #14).
        announced_on: PastDate = Field(description=N_("The day the ministry announced the grant (the date of its press release), written \"YYYY-MM-DD\" in quotes, for example \"2020-09-17\"."))
        grantor: Text = Field(description=N_("Who granted it, for example Sosiaali- ja terveysministeriö. In Swedish, the official Swedish name."), json_schema_extra=PROPER_NAMES)
        recipient: Text = Field(description=N_("The recipient as the decision names it. In Swedish, the official Swedish name if there is one."), json_schema_extra=PROPER_NAMES)

    class Organiser(Strict):
        __doc__ = N_("An organisation and its role in the project.")

        name: Text = Field(description=N_("The organisation's name. In Swedish, the official Swedish name if there is one; otherwise the Finnish name."), json_schema_extra=PROPER_NAMES)
        role: Role = Field(description=N_("The role: administrator, responsible (the party responsible for the project, 'vastuutaho'), co_implementer, partner, coordinator or funder."))

    def name_field():
        return Field(description=N_("The full name, as the source gives it."))

    def short_name_field():
        return Field(description=N_("A short name for lists and links."))

    def summary_field():
        return Field(description=N_("One sentence: the main aim or what it is about. Shown in lists."))

    def sources_field():
        return Field(min_length=1, description=N_("The sources of the record's facts: at least one. At the end of the page they are shown under the heading Sources."))

    def outcome_field():
        return Field(default=None, description=N_("Optional: what came of it — its results as a public source gives them. Paragraphs are separated by a blank line."))

    def unknown_field():
        return Field(default_factory=dict, description=N_("Optional: why a fact is left empty, by field name, for example start: \"The sources disagree: …\" (a part of a field is named with a dot, for example link.targets). The gaps report shows the reason."))

    def notes_field():
        # Notes live in the data, not in YAML comments: the web form (and any tool that rewrites
        # the file) keeps data but drops comments.
        return Field(default_factory=dict, description=N_("Optional: the editors' notes on how a filled-in value was read from the sources, by field name, for example end: \"The source says only 'to the end of 2021'.\" Not shown on the page. Why a value is empty goes in unknown."))

    def fingerprints_field():
        return Field(default_factory=dict, description=N_("Written by build_pages.py format, not by hand: for each text, which original (Finnish) text each variant was written from. When only the Finnish changes, check names the variants to check."), json_schema_extra={"x-generated": True})

    class Programme(_Sourced):
        __doc__ = N_("A programme or trial with regional projects (for example THL's trial 2020–2021).")

        kind: Literal["programme"] = Field(description=N_("The kind of record: programme."))
        name: Text = name_field()
        short_name: Text = short_name_field()
        summary: Text = summary_field()
        organiser: Text = Field(description=N_("Who organised the programme."), json_schema_extra=PROPER_NAMES)
        intro: Text = Field(description=N_("An introduction: what the programme was. Paragraphs are separated by a blank line."))
        start: IsoDate = Field(default="", description=described(DATE_NOTE, about=N_("The start date.")))
        end: IsoDate = Field(default="", description=described(DATE_NOTE, about=N_("The end date.")))
        outcome: Optional[Text] = outcome_field()
        sources: list[Source] = sources_field()
        unknown: dict[str, NonEmpty] = unknown_field()
        notes: dict[str, NonEmpty] = notes_field()
        fingerprints: dict[str, dict[str, Fingerprint]] = fingerprints_field()

    class Project(_Sourced):
        __doc__ = N_("A project. A regional project belongs to a programme.")

        kind: Literal["project"] = Field(description=N_("The kind of record: project."))
        programme: Optional[Slug] = Field(default=None, description=N_("The programme's name (its file name without .yml) if the project belongs to a programme, for example hb-kokeilu-2020-2021."))
        name: Text = name_field()
        short_name: Text = short_name_field()
        summary: Text = summary_field()
        organisers: list[Organiser] = Field(default_factory=list, description=N_("Who carried out the project, with their roles; the administrator first. Leave it out if the source names no one: the gap shows in the gaps list."))
        region: Optional[Text] = Field(default=None, description=N_("The region where the project worked (regional projects)."), json_schema_extra=PROPER_NAMES)
        years: Optional[NonEmpty] = Field(default=None, description=N_("The project's years as the source gives them, for example 2016–2019."))
        start: IsoDate = Field(default="", description=described(DATE_NOTE, about=N_("The start date.")))
        end: IsoDate = Field(default="", description=described(DATE_NOTE, about=N_("The end date.")))
        aims: Text = Field(description=N_("The aims as the source gives them. Paragraphs are separated by a blank line."))
        target_groups: list[Text] = Field(default_factory=list, description=N_("Optional: who the project was for, one group at a time."))
        outcome: Optional[Text] = outcome_field()
        quotes: list[Quote] = Field(default_factory=list, description=N_("Quotations from reports or web pages, word for word."))
        background: list[Text] = Field(default_factory=list, description=N_("Background facts, one at a time."))
        funding: Optional[Text] = Field(default=None, description=N_("Funding: who funded it and with what money."))
        grant: Optional[Grant] = Field(default=None, description=N_("The state grant the project received (regional projects). Shown on the project's page; the programme's page adds the grants up."))
        budget: Optional[Annotated[int, Field(gt=0)]] = Field(default=None, description=N_("Optional: the project's total budget in euros as a whole number without quotes and spaces, for example 1061877."))
        universities: list[Text] = Field(default_factory=list, description=N_("The universities of applied sciences that took part."), json_schema_extra=PROPER_NAMES)
        pilots: list[Text] = Field(default_factory=list, description=N_("The pilots (trial sites)."), json_schema_extra=PROPER_NAMES)
        partners: list[Text] = Field(default_factory=list, description=N_("The national partners."), json_schema_extra=PROPER_NAMES)
        website: Optional[Website] = Field(default=None, description=N_("The website where the project's materials are collected."))
        link: Optional[Link] = Field(default=None, description=N_("A link to the project's own page (or the best public page about the project)."))
        sources: list[Source] = sources_field()
        unknown: dict[str, NonEmpty] = unknown_field()
        notes: dict[str, NonEmpty] = notes_field()
        fingerprints: dict[str, dict[str, Fingerprint]] = fingerprints_field()

    class Publication(_Sourced):
        __doc__ = N_("A publication, a video, a slide set or a glossary. It belongs to a project or a programme.")

        kind: Literal["publication"] = Field(description=N_("The kind of record: publication."))
        project: Slug = Field(description=N_("The name of the project or programme it belongs to (its file name without .yml), for example avain-kansalaisuuteen."))
        title: Original = Field(description=N_("The publication's title in its original language, and its translations."))
        type: PublicationType = Field(description=N_("The type of publication: animation_video, documentary_video, final_publication, report, slide_set, publication, interim_report or glossary."))
        summary: Optional[Text] = Field(default=None, description=N_("Optional: one sentence on what the publication is about."))
        extent: Optional[Extent] = Field(default=None, description=N_("The extent: the length in minutes, the number of pages or of concepts. Leave it out if no source gives it: the gap shows in the gaps list."))
        language: Language = Field(description=N_("The publication's own language: fi, sv or en."))
        year: Optional[Annotated[int, Field(ge=1990, le=2100)]] = Field(default=None, description=N_("The year of publication as a whole number, for example 2019. Leave it out if the year is not known."))
        link: Optional[Link] = Field(default=None, description=N_("A link to the publication."))
        sources: list[Source] = sources_field()
        unknown: dict[str, NonEmpty] = unknown_field()
        notes: dict[str, NonEmpty] = notes_field()
        fingerprints: dict[str, dict[str, Fingerprint]] = fingerprints_field()

        @model_validator(mode="after")
        def _extent_in_the_unit_of_its_type(self):
            wanted = UNIT_OF_TYPE[self.type]
            if self.extent is not None and self.extent.unit != wanted:
                _raise([_problem(("extent", "unit"), _("a {type} is measured in {wanted}, not {unit}: write unit: {wanted} (or correct the type)"),
                                 type=self.type, wanted=wanted, unit=self.extent.unit, value=self.extent.unit)], "Publication")
            return self

    class Event(_Sourced):
        __doc__ = N_("An event on the timeline: what happened and when, with its sources. An event with a topic is also shown on the page on where personal budgeting stands today.")

        kind: Literal["event"] = Field(description=N_("The kind of record: event."))
        date: EventDate = Field(description=N_("When it happened, as precisely as the source gives it, in quotes: \"2022-03-04\" (a day), \"2022-03\" (a month) or \"2022\" (a year)."))
        text: Text = Field(description=N_("What happened, in one to three sentences."))
        topic: Optional[Topic] = Field(default=None, description=N_("Optional: the heading it is also shown under on the page on where personal budgeting stands today: after_pilot (after the trial of 2020–2021), law (the law) or where_to_ask (where to ask)."))
        about: Optional[Slug] = Field(default=None, description=N_("Optional: the programme or project it concerns (its file name without .yml), for example hb-kokeilu-2020-2021. The timeline links to its page."))
        sources: list[Source] = sources_field()
        unknown: dict[str, NonEmpty] = unknown_field()
        notes: dict[str, NonEmpty] = notes_field()
        fingerprints: dict[str, dict[str, Fingerprint]] = fingerprints_field()

    Record = Annotated[Union[Programme, Project, Publication, Event], Field(discriminator="kind")]
    return Schema(variants, Text, Quote, Link, Grant, Programme, Project, Publication, Event, Record)


# ── Site settings and interface strings (site.yml) ────────────────────────────────────────

GAP_NOTE = N_("{about} Leave it out or \"\" if there is no value yet: the page then shows 'not known yet' and the value goes to the gaps list (.venv/bin/python build_pages.py gaps).")


@lru_cache(maxsize=None)
def site_schema_for(variants: tuple[str, ...]) -> type[BaseModel]:
    Text = schema_for(variants).Text

    class StatementSettings(Strict):
        __doc__ = N_("The values of the accessibility statement. A missing value shows on the page as missing, never as an invented fact.")

        conformance: Literal["", "full", "partial", "none"] = Field(default="", description=described(GAP_NOTE, about=N_("Conformance: full, partial or none.")))
        known_issues: Optional[Text] = Field(default=None, description=described(GAP_NOTE, about=N_("What is not accessible, and why.")))
        prepared_on: IsoDate = Field(default="", description=described(GAP_NOTE, about=N_("The day the statement was prepared, written \"YYYY-MM-DD\".")))
        updated_on: IsoDate = Field(default="", description=described(GAP_NOTE, about=N_("The day the statement was last updated, written \"YYYY-MM-DD\".")))
        assessment_method: Optional[Text] = Field(default=None, description=described(GAP_NOTE, about=N_("How accessibility was assessed (for example a self-assessment or an outside audit).")))
        feedback_email: Email = Field(default="", description=described(GAP_NOTE, about=N_("The e-mail address for accessibility feedback, written name@example.fi.")))
        feedback_handler: Optional[Text] = Field(default=None, description=described(GAP_NOTE, about=N_("Who handles accessibility feedback.")))
        alternative_access: Optional[Text] = Field(default=None, description=described(GAP_NOTE, about=N_("How to get the content in another form.")))

    class Settings(Strict):
        __doc__ = N_("The site's settings (today: the values of the accessibility statement).")

        statement: StatementSettings = Field(default_factory=StatementSettings, description=N_("The values of the accessibility statement."))

    class SiteFile(Strict):
        __doc__ = N_("site.yml: the site's settings and the interface texts in every variant.")

        settings: Settings = Field(default_factory=Settings, description=N_("The site's settings."))
        strings: dict[Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")], Text] = Field(description=N_("The interface texts: name → the text in every variant."))

    return SiteFile
