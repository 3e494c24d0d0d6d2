"""Stage 2: the schema — the one contract for records.

The same pydantic models give (1) validation with messages for editors, (2) the JSON Schema
in `schemas/` that VS Code uses for autocomplete, and (3) the field reference in the editors'
guide. Field descriptions are in Finnish because editors read them.

Texts are keyed by variant (`fi`, `sv`, `selko`); the keys come from mkdocs.yml, so the
models are made for a given tuple of variant keys by `schema_for()`.
"""
from __future__ import annotations

import re
import typing
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Literal, Optional, Union

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
_URL_CHAR = r"[^\s<>\"'`\\]"
URL_PATTERN = rf"^$|^https?://[^\s<>\"'`\\/?#@]+{_URL_CHAR}*$|^mailto:[^\s<>\"'`\\@]+@{_URL_CHAR}+$"
EMAIL_PATTERN = r"^$|^[^\s<>\"'`\\@]+@[^\s<>\"'`\\@]+\.[^\s<>\"'`\\@]+$"
_URL = re.compile(URL_PATTERN)
_EMAIL = re.compile(EMAIL_PATTERN)
# Every text must have at least one character that is not a space (JSON Schema: pattern).
_NOT_BLANK = r"\S"
RESERVED_SLUGS = {"index": "it is the address of the list page", "404": "it is the address of the 'page not found' page"}

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), Field(json_schema_extra={"pattern": _NOT_BLANK})]


def _check_url(value: str) -> str:
    value = value.strip()
    if not value:
        return value
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    if scheme and scheme not in ("https", "http", "mailto") and not value.lower().startswith(ALLOWED_SCHEMES):
        raise ValueError(f"'{scheme}:' addresses are not allowed — only https://, http:// or mailto: (a '{scheme}:' link could run code or hide content); leave it \"\" if the address is not known")
    if not value.startswith(ALLOWED_SCHEMES):
        raise ValueError("a web address must start with https:// (or http:// or mailto:), in lowercase; leave it \"\" if it is not known")
    if any(ch.isspace() for ch in value):
        raise ValueError("a web address cannot contain spaces: copy the address again from the browser's address bar")
    bad = sorted({ch for ch in value if ch in "<>\"'`\\"})
    if bad:
        raise ValueError(f"a web address cannot contain {' '.join(bad)}: copy the address again from the browser's address bar")
    if not _URL.match(value):
        raise ValueError("this is not a complete web address: write it as https://example.fi/page (or mailto:name@example.fi)")
    return value


def _check_email(value: str) -> str:
    value = value.strip()
    if value and not _EMAIL.match(value):
        raise ValueError("this is not an e-mail address: write it as name@example.fi (without 'mailto:'), or leave it \"\"")
    return value


def _check_date(value: str) -> str:
    value = value.strip()
    if value and not ISO_DATE.match(value):
        raise ValueError("a date is written year-month-day in quotes, for example \"2020-01-08\"; leave it \"\" if it is not known")
    if value:
        import datetime

        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not a real date: check the day and the month") from None
    return value


def _check_web_url(value: str) -> str:
    value = _check_url(value)
    if value.lower().startswith("mailto:"):
        raise ValueError("only a web page can be a source or a link target: write an address that starts with https:// (an e-mail address is not allowed here), or leave it \"\" if the address is not known")
    return value


def _check_target_url(value: str) -> str:
    value = _check_web_url(value)
    if not value:
        raise ValueError("is empty — write the address of the page the link goes to, or delete this target (write targets: [] when no address is known)")
    return value


def _check_past_date(value: str) -> str:
    value = _check_date(value)
    if not value:
        raise ValueError("is empty — write the date in quotes, for example \"2026-12-02\"")
    import datetime

    today = datetime.date.today()
    if datetime.date.fromisoformat(value) > today:
        raise ValueError("{date} is in the future — write the day it happened (today is {today} at the latest)".format(date=value, today=today.isoformat()))
    return value


Url = Annotated[str, AfterValidator(_check_url), Field(description="Verkko-osoite, joka alkaa https:// (tai http:// tai mailto:). Jätä tyhjäksi \"\", jos osoitetta ei tiedetä — älä arvaa.", json_schema_extra={"pattern": URL_PATTERN})]
Email = Annotated[str, AfterValidator(_check_email), Field(json_schema_extra={"pattern": EMAIL_PATTERN})]
IsoDate = Annotated[str, AfterValidator(_check_date), Field(json_schema_extra={"pattern": r"^$|^\d{4}-\d{2}-\d{2}$"})]
WEB_URL_PATTERN = rf"^$|^https?://[^\s<>\"'`\\/?#@]+{_URL_CHAR}*$"
WebUrl = Annotated[str, AfterValidator(_check_web_url), Field(json_schema_extra={"pattern": WEB_URL_PATTERN})]
TargetUrl = Annotated[str, AfterValidator(_check_target_url), Field(json_schema_extra={"pattern": WEB_URL_PATTERN.removeprefix("^$|")})]
PastDate = Annotated[str, AfterValidator(_check_past_date), Field(json_schema_extra={"pattern": r"^\d{4}-\d{2}-\d{2}$"})]
Slug = Annotated[str, StringConstraints(pattern=SLUG.pattern)]
DATE_NOTE = " Muodossa \"VVVV-KK-PP\" lainausmerkeissä, esimerkiksi \"2020-01-08\". Jätä tyhjäksi \"\", jos päivää ei tiedetä — älä arvaa."
# How each variant key reads in a Finnish description; other keys are named as they are.
_IN_VARIANT = {"fi": "suomeksi", "sv": "ruotsiksi", "selko": "selkosuomeksi", "en": "englanniksi"}


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
Role = Literal["administrator", "co_implementer", "partner", "coordinator", "funder"]
PublicationType = Literal[
    "animation_video", "documentary_video", "final_publication", "slide_set", "publication", "interim_report"
]
Unit = Literal["minutes", "pages"]
# The unit each type of publication is measured in: a video lasts minutes, a text has pages.
UNIT_OF_TYPE = {
    "animation_video": "minutes", "documentary_video": "minutes",
    "final_publication": "pages", "slide_set": "pages", "publication": "pages", "interim_report": "pages",
}
Language = Literal["fi", "sv", "en"]


class Extent(Strict):
    """Julkaisun laajuus: videon kesto minuutteina tai julkaisun sivumäärä."""

    value: int = Field(gt=0, description="Laajuus kokonaislukuna ilman lainausmerkkejä, esimerkiksi 16.")
    unit: Unit = Field(description="Yksikkö: minutes (minuuttia, videot) tai pages (sivua, julkaisut ja diasarjat).")


class Website(Strict):
    """Verkkosivusto, jolle hankkeen aineistot on koottu."""

    name: NonEmpty = Field(description="Sivuston nimi sellaisenaan, esimerkiksi henkilokohtainenbudjetointi.fi.")
    url: Url = ""


class Source(Strict):
    """Lähde, jonka varassa tietueen tiedot ovat: verkkosivu tai julkaisu. Sivun lopussa lähteet näkyvät linkkeinä."""

    url: WebUrl = Field(default="", description="Lähteen verkko-osoite, joka alkaa https:// (tai http://). Jätä tyhjäksi \"\", jos osoitetta ei ole itse nähty ja tarkistettu — älä arvaa; puute näkyy puutelistassa.")
    publisher: str = Field(default="", description="Julkaisija niin kuin lähde itse sen nimeää, lähteen kielellä, esimerkiksi Terveyden ja hyvinvoinnin laitos (THL). Jätä tyhjäksi \"\", jos julkaisija ei ole varmasti tiedossa; puute näkyy puutelistassa.")
    title: NonEmpty = Field(description="Lähteen otsikko sellaisenaan, lähteen omalla kielellä.")
    lang: Language = Field(description="Lähteen kieli: fi, sv tai en.")
    read_on: PastDate = Field(description="Päivä, jona lähde luettiin, muodossa \"VVVV-KK-PP\" lainausmerkeissä, esimerkiksi \"2026-12-02\". Ei tulevaisuudessa.")
    supports: list[NonEmpty] = Field(default_factory=list, description="Valinnainen: ne tämän tietueen kentät, joiden tieto on tästä lähteestä, jos se ei ole itsestään selvää, esimerkiksi [start, end, grant]. Täytetty valtionavustus (grant) tarvitsee aina lähteen, jossa lukee grant.")


class Target(Strict):
    """Linkin kohde yhdellä kielellä. Sivu valitsee kohteen, jonka kieli on sivun kieli; muuten ensimmäisen."""

    url: TargetUrl = Field(description="Kohdesivun verkko-osoite, joka alkaa https:// (tai http://).")
    lang: Language = Field(description="Kohdesivun kieli: fi, sv tai en. Yksi kohde kutakin kieltä kohden.")


def _problem(loc: tuple, message: str, **values):
    """One validation error at `loc` inside the record (message: one literal string with named values)."""
    from pydantic_core import InitErrorDetails, PydanticCustomError

    return InitErrorDetails(type=PydanticCustomError("value_error", message, values), loc=loc, input=values.get("value"))


def _raise(problems: list, title: str) -> None:
    from pydantic import ValidationError

    if problems:
        raise ValidationError.from_exception_data(title, problems)


# Fields a source cannot "support": the record's kind and its list of sources.
_NOT_SUPPORTED = ("kind", "sources")


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
                problems.append(_problem(("sources", i, "url"), "this address is already listed as source {first}: list each source once — put all the fields it supports in one source's supports:", first=first_at[source.url] + 1, value=source.url))
            first_at.setdefault(source.url, i)
        for j, name in enumerate(source.supports):
            if name not in fields:
                problems.append(_problem(("sources", i, "supports", j), "'{value}' is not a field of a {kind} — use the name of a field of this record: {allowed}", value=name, kind=kind, allowed=", ".join(fields)))
    if getattr(record, "grant", None) is not None and not any("grant" in s.supports for s in record.sources):
        problems.append(_problem(("grant",), "a state grant needs its source — add grant to the supports: list of the source that gives the amount and the date (for example supports: [grant])"))
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
    Record: object  # the discriminated union of the three record kinds

    def record_models(self) -> dict[str, type[BaseModel]]:
        return {"programme": self.Programme, "project": self.Project, "publication": self.Publication}


def _in_variant(key: str) -> str:
    return _IN_VARIANT.get(key, f"kieliversiossa {key}")


@lru_cache(maxsize=None)
def schema_for(variants: tuple[str, ...]) -> Schema:
    listed = ", ".join(variants)
    text_fields = {
        key: (NonEmpty, Field(description=f"Teksti {_in_variant(key)} ({key})."))
        for key in variants
    }
    Text = create_model(
        "Text",
        __base__=Strict,
        __doc__=f"Teksti jokaisessa kieliversiossa ({listed}); kaikki ovat pakollisia. Pelkkää tekstiä: ei Markdownia eikä HTML:ää. Kappaleet erotetaan tyhjällä rivillä.",
        **text_fields,
    )

    translation_fields = {
        key: (Optional[NonEmpty], Field(default=None, description=f"Käännös {_in_variant(key)} ({key}). Jätä pois, jos alkuperäinen on jo tällä kielellä."))
        for key in variants
    }
    Translations = create_model(
        "Translations",
        __base__=Strict,
        __doc__="Alkuperäisen tekstin käännökset: jokaiseen kieliversioon, jonka kieli ei ole alkuperäisen kieli. Sivulla käännös merkitään käännökseksi.",
        **translation_fields,
    )

    class Original(Strict):
        """Alkuperäinen teksti (esimerkiksi julkaisun nimi), joka säilyy sanatarkasti sellaisenaan."""

        text: NonEmpty = Field(description="Alkuperäinen teksti sanatarkasti, alkuperäisellä kielellä.")
        lang: Language = Field(default="fi", description="Alkuperäisen tekstin kieli: fi, sv tai en. Yleensä fi.")
        translations: Translations = Field(description=f"Käännökset muihin kieliversioihin ({listed}; ei alkuperäisen omaa kieltä).")

        @model_validator(mode="after")
        def _every_variant_can_read_it(self):
            missing = [key for key in variants if key != self.lang and not getattr(self.translations, key)]
            if missing:
                raise ValueError(f"translations: missing {', '.join(missing)}")
            if self.lang in variants and getattr(self.translations, self.lang):
                raise ValueError(f"translations: same {self.lang}")
            return self

    class Quote(Original):
        """Lainaus raportista tai verkkosivulta. Lainaus pysyy alkuperäisenä; käännös merkitään sivulla käännökseksi."""

        source: Text = Field(description="Mistä lainaus on, esimerkiksi 'Ote hankkeen loppuraportista'.")

    class Link(Strict):
        """Linkki lisätietoon: teksti kaikilla kielillä ja kohdesivu jokaisella kielellä, jolla se on olemassa. Jos kohdetta ei tiedetä, targets on tyhjä lista [] eikä linkkiä näytetä (puute näkyy puutelistassa)."""

        text: Text = Field(description="Linkin teksti, joka kertoo minne linkki vie (ei pelkkä 'Lue lisää').")
        targets: list[Target] = Field(default_factory=list, description="Kohdesivut, yksi kutakin kieltä kohden (fi, sv, en). Sivu näyttää sivun kielisen kohteen; jos sellaista ei ole, ensimmäisen ja kertoo sen kielen, esimerkiksi (på finska). Tyhjä lista [], jos osoitetta ei tiedetä.", json_schema_extra=STARTS_EMPTY)

        @model_validator(mode="after")
        def _one_target_per_language(self):
            problems = []
            seen: dict[str, int] = {}
            for i, target in enumerate(self.targets):
                if target.lang in seen:
                    problems.append(_problem(("targets", i, "lang"), "target {first} is already in '{value}': give one target per language — delete one of them", first=seen[target.lang] + 1, value=target.lang))
                seen.setdefault(target.lang, i)
            _raise(problems, "Link")
            return self

    class Grant(Strict):
        """Valtionavustus: kuka myönsi, kenelle, kuinka paljon ja milloin. Tarvitsee lähteen, jonka supports-listassa on grant."""

        amount: int = Field(gt=0, description="Avustuksen määrä euroina kokonaislukuna ilman lainausmerkkejä ja välilyöntejä, esimerkiksi 535952.")
        decided_on: PastDate = Field(description="Avustuspäätöksen päivä muodossa \"VVVV-KK-PP\" lainausmerkeissä, esimerkiksi \"2020-09-17\".")
        grantor: Text = Field(description="Avustuksen myöntäjä, esimerkiksi Sosiaali- ja terveysministeriö. Ruotsiksi virallinen ruotsinkielinen nimi.", json_schema_extra=PROPER_NAMES)
        recipient: Text = Field(description="Avustuksen saaja niin kuin päätös sen nimeää. Ruotsiksi virallinen ruotsinkielinen nimi, jos sellainen on.", json_schema_extra=PROPER_NAMES)

    class Organiser(Strict):
        """Organisaatio ja sen rooli hankkeessa."""

        name: Text = Field(description="Organisaation nimi. Ruotsiksi virallinen ruotsinkielinen nimi, jos sellainen on; muuten suomenkielinen nimi.", json_schema_extra=PROPER_NAMES)
        role: Role = Field(description="Rooli: administrator (hallinnoija), co_implementer (osatoteuttaja), partner (yhteistyökumppani), coordinator (koordinaattori), funder (rahoittaja).")

    def name_field():
        return Field(description="Koko nimi, niin kuin lähde sen kertoo.")

    def short_name_field():
        return Field(description="Lyhyt nimi listoihin ja linkkeihin.")

    def summary_field():
        return Field(description="Yksi virke: tärkein tavoite tai mistä on kyse. Näkyy listoissa.")

    def sources_field():
        return Field(min_length=1, description="Lähteet, joista tietueen tiedot ovat: vähintään yksi. Sivun lopussa ne näkyvät otsikolla Lähteet.")

    class Programme(_Sourced):
        """Ohjelma tai kokeilu, johon kuuluu alueellisia hankkeita (esimerkiksi THL:n kokeiluhanke 2020–2021)."""

        kind: Literal["programme"] = Field(description="Tietueen laji: programme (ohjelma).")
        name: Text = name_field()
        short_name: Text = short_name_field()
        summary: Text = summary_field()
        organiser: Text = Field(description="Ohjelman järjestäjä.", json_schema_extra=PROPER_NAMES)
        intro: Text = Field(description="Johdanto: mikä ohjelma oli. Kappaleet erotetaan tyhjällä rivillä.")
        start: IsoDate = Field(default="", description="Alkamispäivä." + DATE_NOTE)
        end: IsoDate = Field(default="", description="Päättymispäivä." + DATE_NOTE)
        sources: list[Source] = sources_field()

    class Project(_Sourced):
        """Hanke. Alueellinen hanke kuuluu ohjelmaan (programme)."""

        kind: Literal["project"] = Field(description="Tietueen laji: project (hanke).")
        programme: Optional[Slug] = Field(default=None, description="Ohjelman tunnus (ohjelman tiedostonimi ilman .yml), jos hanke kuuluu ohjelmaan, esimerkiksi hb-kokeilu-2020-2021.")
        name: Text = name_field()
        short_name: Text = short_name_field()
        summary: Text = summary_field()
        organisers: list[Organiser] = Field(default_factory=list, description="Toteuttajat rooleineen; ensin hallinnoija. Jätä pois, jos lähde ei nimeä toteuttajaa: puute näkyy puutelistassa.")
        region: Optional[Text] = Field(default=None, description="Alue, jolla hanke toimi (alueellisilla hankkeilla).", json_schema_extra=PROPER_NAMES)
        years: Optional[NonEmpty] = Field(default=None, description="Hankkeen vuodet niin kuin lähde ne kertoo, esimerkiksi 2016–2019.")
        start: IsoDate = Field(default="", description="Alkamispäivä." + DATE_NOTE)
        end: IsoDate = Field(default="", description="Päättymispäivä." + DATE_NOTE)
        aims: Text = Field(description="Tavoitteet lähteen mukaan. Kappaleet erotetaan tyhjällä rivillä.")
        quotes: list[Quote] = Field(default_factory=list, description="Lainaukset raporteista tai verkkosivuilta, sanatarkasti.")
        background: list[Text] = Field(default_factory=list, description="Taustatietoja, yksi asia kerrallaan.")
        funding: Optional[Text] = Field(default=None, description="Rahoitus: kuka rahoitti ja millä rahalla.")
        grant: Optional[Grant] = Field(default=None, description="Valtionavustus, jonka hanke sai (alueelliset hankkeet). Näkyy hankkeen sivulla; ohjelman sivu laskee avustukset yhteen.")
        universities: list[Text] = Field(default_factory=list, description="Mukana olleet ammattikorkeakoulut.", json_schema_extra=PROPER_NAMES)
        pilots: list[Text] = Field(default_factory=list, description="Pilotit (kokeilupaikat).", json_schema_extra=PROPER_NAMES)
        partners: list[Text] = Field(default_factory=list, description="Valtakunnalliset kumppanit.", json_schema_extra=PROPER_NAMES)
        website: Optional[Website] = Field(default=None, description="Sivusto, jolle hankkeen aineistot on koottu.")
        link: Optional[Link] = Field(default=None, description="Linkki hankkeen omalle sivulle (tai parhaalle julkiselle sivulle hankkeesta).")
        sources: list[Source] = sources_field()

    class Publication(_Sourced):
        """Julkaisu, video tai diasarja. Kuuluu hankkeeseen (project)."""

        kind: Literal["publication"] = Field(description="Tietueen laji: publication (julkaisu).")
        project: Slug = Field(description="Hankkeen tunnus (hankkeen tiedostonimi ilman .yml), esimerkiksi avain-kansalaisuuteen.")
        title: Original = Field(description="Julkaisun nimi alkuperäiskielellä ja sen käännökset.")
        type: PublicationType = Field(description="Julkaisun tyyppi: animation_video (piirrosvideo), documentary_video (dokumentaarinen video), final_publication (loppujulkaisu), slide_set (diasarja), publication (julkaisu), interim_report (väliraportti).")
        extent: Extent = Field(description="Laajuus: kesto minuutteina tai sivumäärä.")
        language: Language = Field(description="Julkaisun oma kieli: fi, sv tai en.")
        year: Optional[Annotated[int, Field(ge=1990, le=2100)]] = Field(default=None, description="Julkaisuvuosi kokonaislukuna, esimerkiksi 2019. Jätä pois, jos vuotta ei tiedetä.")
        link: Optional[Link] = Field(default=None, description="Linkki julkaisuun.")
        sources: list[Source] = sources_field()

        @model_validator(mode="after")
        def _extent_in_the_unit_of_its_type(self):
            wanted = UNIT_OF_TYPE[self.type]
            if self.extent.unit != wanted:
                _raise([_problem(("extent", "unit"), "a {type} is measured in {wanted}, not {unit}: write unit: {wanted} (or correct the type)",
                                 type=self.type, wanted=wanted, unit=self.extent.unit, value=self.extent.unit)], "Publication")
            return self

    Record = Annotated[Union[Programme, Project, Publication], Field(discriminator="kind")]
    return Schema(variants, Text, Quote, Link, Grant, Programme, Project, Publication, Record)


# ── Site settings and interface strings (site.yml) ────────────────────────────────────────

GAP_NOTE = " Jätä pois tai \"\", jos arvoa ei vielä ole: sivulla näkyy silloin 'tieto puuttuu vielä' ja arvo tulee puutelistaan (python build_pages.py gaps)."


@lru_cache(maxsize=None)
def site_schema_for(variants: tuple[str, ...]) -> type[BaseModel]:
    Text = schema_for(variants).Text

    class StatementSettings(Strict):
        """Saavutettavuusselosteen arvot. Puuttuva arvo näkyy sivulla puutteena, ei keksittynä tietona."""

        conformance: Literal["", "full", "partial", "none"] = Field(default="", description="Vaatimustenmukaisuus: full (täyttää), partial (täyttää osittain), none (ei täytä)." + GAP_NOTE)
        known_issues: Optional[Text] = Field(default=None, description="Mikä ei ole saavutettavaa ja miksi." + GAP_NOTE)
        prepared_on: IsoDate = Field(default="", description="Päivä, jona seloste laadittiin, muodossa \"VVVV-KK-PP\"." + GAP_NOTE)
        updated_on: IsoDate = Field(default="", description="Päivä, jona selostetta viimeksi päivitettiin, muodossa \"VVVV-KK-PP\"." + GAP_NOTE)
        assessment_method: Optional[Text] = Field(default=None, description="Miten saavutettavuus arvioitiin (esimerkiksi omavalvonta, ulkopuolinen arvio)." + GAP_NOTE)
        feedback_email: Email = Field(default="", description="Sähköpostiosoite saavutettavuuspalautteelle, muodossa nimi@esimerkki.fi." + GAP_NOTE)
        feedback_handler: Optional[Text] = Field(default=None, description="Kuka käsittelee saavutettavuuspalautteen." + GAP_NOTE)
        alternative_access: Optional[Text] = Field(default=None, description="Miten sisällön saa muussa muodossa." + GAP_NOTE)

    class Settings(Strict):
        """Sivuston asetukset (nyt: saavutettavuusselosteen arvot)."""

        statement: StatementSettings = Field(default_factory=StatementSettings, description="Saavutettavuusselosteen arvot.")

    class SiteFile(Strict):
        """site.yml: sivuston asetukset ja käyttöliittymän tekstit kaikissa kieliversioissa."""

        settings: Settings = Field(default_factory=Settings, description="Sivuston asetukset.")
        strings: dict[Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")], Text] = Field(description="Käyttöliittymän tekstit: tunnus → teksti jokaisessa kieliversiossa.")

    return SiteFile
