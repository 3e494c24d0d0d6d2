"""Stage 2: the schema — the one contract for records.

The same pydantic models give (1) validation with messages for editors, (2) the JSON Schema
in `schemas/` that VS Code uses for autocomplete, and (3) the field reference in the editors'
guide. Field descriptions are in Finnish because editors read them.

Texts are keyed by variant (`fi`, `sv`, `selko`); the keys come from mkdocs.yml, so the
models are made for a given tuple of variant keys by `schema_for()`.
"""
from __future__ import annotations

import re
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

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _check_url(value: str) -> str:
    value = value.strip()
    if value and not value.lower().startswith(ALLOWED_SCHEMES):
        raise ValueError("a web address must start with https:// (or http:// or mailto:); leave it \"\" if it is not known")
    if any(ch.isspace() for ch in value):
        raise ValueError("a web address cannot contain spaces")
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


Url = Annotated[str, AfterValidator(_check_url), Field(description="Verkko-osoite (https://…). Jätä tyhjäksi \"\", jos osoitetta ei tiedetä — älä arvaa.", json_schema_extra={"pattern": r"^$|^(https?://|mailto:)\S+$"})]
IsoDate = Annotated[str, AfterValidator(_check_date), Field(description="Päivämäärä muodossa \"VVVV-KK-PP\" lainausmerkeissä, tai \"\" jos ei tiedetä.", json_schema_extra={"pattern": r"^$|^\d{4}-\d{2}-\d{2}$"})]
Slug = Annotated[str, StringConstraints(pattern=SLUG.pattern)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# Literal, not Enum: strict validation takes the editor's plain text values.
Role = Literal["administrator", "co_implementer", "partner", "coordinator", "funder"]
PublicationType = Literal[
    "animation_video", "documentary_video", "final_publication", "slide_set", "publication", "interim_report"
]
Unit = Literal["minutes", "pages"]


class Extent(Strict):
    value: int = Field(gt=0, description="Laajuus lukuna: minuutit tai sivut.")
    unit: Unit = Field(description="Yksikkö: minutes (minuuttia) tai pages (sivua).")


class Website(Strict):
    name: NonEmpty = Field(description="Sivuston nimi sellaisenaan, esimerkiksi henkilokohtainenbudjetointi.fi.")
    url: Url = ""


@dataclass(frozen=True)
class Schema:
    """The record models for one tuple of variant keys."""

    variants: tuple[str, ...]
    Text: type[BaseModel]
    Quote: type[BaseModel]
    Link: type[BaseModel]
    Programme: type[BaseModel]
    Project: type[BaseModel]
    Publication: type[BaseModel]
    Record: object  # the discriminated union of the three record kinds

    def record_models(self) -> dict[str, type[BaseModel]]:
        return {"programme": self.Programme, "project": self.Project, "publication": self.Publication}


@lru_cache(maxsize=None)
def schema_for(variants: tuple[str, ...]) -> Schema:
    text_fields = {
        key: (NonEmpty, Field(description=f"Teksti kieliversiossa '{key}'."))
        for key in variants
    }
    Text = create_model(
        "Text",
        __base__=Strict,
        __doc__="Teksti jokaisessa kieliversiossa. Kaikki kieliversiot ovat pakollisia. Kappaleet erotetaan tyhjällä rivillä. Pelkkää tekstiä: ei Markdownia eikä HTML:ää.",
        **text_fields,
    )

    translation_fields = {
        key: (Optional[NonEmpty], Field(default=None, description=f"Käännös tai selkomukautus kieliversioon '{key}'."))
        for key in variants
    }
    Translations = create_model(
        "Translations",
        __base__=Strict,
        __doc__="Alkuperäisen tekstin käännökset: jokaiseen kieliversioon, jonka tunnus ei ole alkuperäisen kieli.",
        **translation_fields,
    )

    class Original(Strict):
        """Alkuperäinen teksti (esimerkiksi lainaus tai julkaisun nimi), joka säilyy sellaisenaan."""

        text: NonEmpty = Field(description="Alkuperäinen teksti sanatarkasti.")
        lang: Literal["fi", "sv", "en"] = Field(default="fi", description="Alkuperäisen tekstin kieli (BCP 47), yleensä fi.")
        translations: Translations = Field(description="Käännökset muihin kieliversioihin (sv: ruotsiksi, selko: selkosuomeksi).")

        @model_validator(mode="after")
        def _every_variant_can_read_it(self):
            missing = [key for key in variants if key != self.lang and not getattr(self.translations, key)]
            if missing:
                raise ValueError(f"translations: missing {', '.join(missing)}")
            return self

    class Quote(Original):
        """Lainaus raportista tai verkkosivulta. Lainaus pysyy alkuperäisenä; käännös merkitään käännökseksi."""

        source: Text = Field(description="Mistä lainaus on, esimerkiksi 'Ote hankkeen loppuraportista'.")

    class Link(Strict):
        """Linkki lisätietoon. Jos osoitetta ei tiedetä, url on \"\" eikä linkkiä näytetä."""

        url: Url = ""
        text: Text = Field(description="Linkin kuvaava teksti, joka kertoo minne linkki vie (ei pelkkä 'Lue lisää').")

    class Organiser(Strict):
        name: Text = Field(description="Organisaation nimi. Ruotsiksi virallinen ruotsinkielinen nimi, jos sellainen on.")
        role: Role = Field(description="Rooli: administrator (hallinnoija), co_implementer (osatoteuttaja), partner (yhteistyökumppani), coordinator (koordinaattori), funder (rahoittaja).")

    class RecordBase(Strict):
        name: Text = Field(description="Koko nimi.")
        short_name: Text = Field(description="Lyhyt nimi listoihin ja valikkoon.")
        summary: Text = Field(description="Yksi virke: tärkein tavoite tai mistä on kyse. Näkyy listoissa.")
        source: NonEmpty = Field(description="Lähde, josta tiedot ovat: lähdesivun otsikko sellaisenaan.")
        start: IsoDate = ""
        end: IsoDate = ""

    class Programme(RecordBase):
        """Ohjelma tai kokeilu, johon kuuluu alueellisia hankkeita (esimerkiksi THL:n kokeiluhanke 2020–2021)."""

        kind: Literal["programme"] = Field(description="Tietueen laji: programme.")
        organiser: Text = Field(description="Ohjelman järjestäjä.")
        intro: Text = Field(description="Johdanto: mikä ohjelma oli. Kappaleet erotetaan tyhjällä rivillä.")

    class Project(RecordBase):
        """Hanke. Alueellinen hanke kuuluu ohjelmaan (programme)."""

        kind: Literal["project"] = Field(description="Tietueen laji: project.")
        programme: Optional[Slug] = Field(default=None, description="Ohjelman tunnus (tiedostonimi ilman .yml), jos hanke kuuluu ohjelmaan.")
        organisers: list[Organiser] = Field(min_length=1, description="Toteuttajat rooleineen.")
        region: Optional[Text] = Field(default=None, description="Alue, jolla hanke toimi.")
        years: Optional[NonEmpty] = Field(default=None, description="Hankkeen vuodet niin kuin lähde ne kertoo, esimerkiksi 2016–2019.")
        aims: Text = Field(description="Tavoitteet lähteen mukaan. Kappaleet erotetaan tyhjällä rivillä.")
        quotes: list[Quote] = Field(default_factory=list, description="Lainaukset raporteista.")
        link: Optional[Link] = Field(default=None, description="Linkki hankkeen omiin tietoihin ('Tutustu tarkemmin').")
        background: list[Text] = Field(default_factory=list, description="Taustatietoja, yksi asia kerrallaan.")
        funding: Optional[Text] = Field(default=None, description="Rahoitus.")
        universities: list[Text] = Field(default_factory=list, description="Mukana olleet ammattikorkeakoulut.")
        pilots: list[Text] = Field(default_factory=list, description="Pilotit (kokeilupaikat).")
        partners: list[Text] = Field(default_factory=list, description="Valtakunnalliset kumppanit.")
        website: Optional[Website] = Field(default=None, description="Sivusto, jolle hankkeen aineistot on koottu.")

    class Publication(Strict):
        """Julkaisu, video tai diasarja. Kuuluu hankkeeseen (project)."""

        kind: Literal["publication"] = Field(description="Tietueen laji: publication.")
        project: Slug = Field(description="Hankkeen tunnus (tiedostonimi ilman .yml).")
        title: Original = Field(description="Julkaisun nimi alkuperäiskielellä ja sen käännökset.")
        type: PublicationType = Field(description="Julkaisun tyyppi.")
        extent: Extent = Field(description="Laajuus: kesto minuutteina tai sivumäärä.")
        language: Literal["fi", "sv", "en"] = Field(description="Julkaisun oma kieli (BCP 47).")
        year: Optional[Annotated[int, Field(ge=1990, le=2100)]] = Field(default=None, description="Julkaisuvuosi. Jätä pois, jos sitä ei tiedetä.")
        link: Optional[Link] = Field(default=None, description="Linkki julkaisuun.")
        source: NonEmpty = Field(description="Lähde, josta tiedot ovat: lähdesivun otsikko sellaisenaan.")

    Record = Annotated[Union[Programme, Project, Publication], Field(discriminator="kind")]
    return Schema(variants, Text, Quote, Link, Programme, Project, Publication, Record)


# ── Site settings and interface strings (site.yml) ────────────────────────────────────────

GAP_NOTE = " Jätä pois tai \"\", jos arvoa ei vielä ole: sivulla näkyy silloin 'ei vielä asetettu' ja arvo tulee puutelistaan."


@lru_cache(maxsize=None)
def site_schema_for(variants: tuple[str, ...]) -> type[BaseModel]:
    Text = schema_for(variants).Text

    class StatementSettings(Strict):
        """Saavutettavuusselosteen arvot. Puuttuva arvo näkyy sivulla puutteena, ei keksittynä tietona."""

        conformance: Literal["", "full", "partial", "none"] = Field(default="", description="Vaatimustenmukaisuus: full (täyttää), partial (täyttää osittain), none (ei täytä)." + GAP_NOTE)
        known_issues: Optional[Text] = Field(default=None, description="Mikä ei ole saavutettavaa ja miksi." + GAP_NOTE)
        prepared_on: IsoDate = Field(default="", description="Päivä, jona seloste laadittiin." + GAP_NOTE)
        updated_on: IsoDate = Field(default="", description="Päivä, jona selostetta viimeksi päivitettiin." + GAP_NOTE)
        assessment_method: Optional[Text] = Field(default=None, description="Miten saavutettavuus arvioitiin (esimerkiksi omavalvonta, ulkopuolinen arvio)." + GAP_NOTE)
        feedback_email: Annotated[str, Field(description="Sähköpostiosoite saavutettavuuspalautteelle." + GAP_NOTE)] = ""
        feedback_handler: Optional[Text] = Field(default=None, description="Kuka käsittelee saavutettavuuspalautteen." + GAP_NOTE)
        alternative_access: Optional[Text] = Field(default=None, description="Miten sisällön saa muussa muodossa." + GAP_NOTE)

    class Settings(Strict):
        statement: StatementSettings = Field(default_factory=StatementSettings, description="Saavutettavuusselosteen arvot.")

    class SiteFile(Strict):
        """site.yml: sivuston asetukset ja käyttöliittymän tekstit kaikissa kieliversioissa."""

        settings: Settings = Field(default_factory=Settings, description="Sivuston asetukset.")
        strings: dict[Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")], Text] = Field(description="Käyttöliittymän tekstit: tunnus → teksti jokaisessa kieliversiossa.")

    return SiteFile
