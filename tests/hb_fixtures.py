"""Small, valid fixture records in a temporary folder, independent of the real content.

The unit tests of the loader, the schema messages and the commands start from these records
and break one thing at a time; expected line numbers are found in the written text with
`line_of`, so the fixtures can change without editing every test.
"""
from __future__ import annotations

import os
import re
import shutil
import typing
from pathlib import Path

import yaml

from hbsite.model import PublicationType, Role, Unit
from hbsite.render import HAND_WRITTEN, STRINGS_IN_CODE
from hbsite.validate import schema_line
from hbsite.variants import read_variants

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = read_variants(ROOT / "mkdocs.yml")
KEYS = tuple(v.key for v in VARIANTS)
NAMES = {v.key: v.name for v in VARIANTS}
# The variant keys as the messages list them: "fi, sv, selko and lattlast" / "… ja lattlast".
EVERY = ", ".join(KEYS[:-1]) + " and " + KEYS[-1]
EVERY_FI = ", ".join(KEYS[:-1]) + " ja " + KEYS[-1]
PROGRAMME = "hb-kokeilu-2020-2021"
PROJECT = "hebu-vantaa"
STANDALONE = "avain-kansalaisuuteen"
PUBLICATION = "piirrosvideo"


# Variants whose texts are held to a LIX target (an easy-to-read Swedish variant): their fixture
# texts keep every word to six letters, so that fixtures pass the gate in any variant.
SHORT_WORDS = {v.key for v in VARIANTS if v.readability and v.readability.grade == "lix" and v.readability.has_targets}


def _text(label: str, key: str) -> str:
    text = f"{label} ({key})"
    return " ".join(word[:6] for word in text.split()) if key in SHORT_WORDS else text


def T(label: str) -> dict[str, str]:
    """A text in every variant: 'Label (fi)', 'Label (sv)', …"""
    return {key: _text(label, key) for key in KEYS}


def translations(label: str, original: str = "fi") -> dict[str, str]:
    return {key: _text(label, key) for key in KEYS if key != original}


def source(title: str, url: str = "", publisher: str = "", lang: str = "fi", supports: list[str] | None = None) -> dict:
    """One entry of a record's sources (read on a fixed day in the past)."""
    data = {"url": url, "publisher": publisher, "title": title, "lang": lang, "read_on": "2026-12-01"}
    if supports:
        data["supports"] = supports
    return data


def programme() -> dict:
    return {
        "kind": "programme",
        "name": T("Kokeilu 2020–2021"),
        "short_name": T("Kokeilu"),
        "summary": T("Kokeilun kuvaus"),
        "organiser": T("Terveyden ja hyvinvoinnin laitos"),
        "intro": T("Kokeilun johdanto"),
        "start": "2020-01-08",
        "end": "2021-12-31",
        "sources": [source("Alueelliset hankkeet Suomen mallia rakentamassa", url="https://example.org/alueelliset-hankkeet",
                           publisher="Suunta", supports=["start", "end"])],
    }


def project() -> dict:
    return {
        "kind": "project",
        "programme": PROGRAMME,
        "name": T("Vantaan HeBu"),
        "short_name": T("HeBu"),
        "summary": T("Hankkeen kuvaus"),
        "organisers": [{"name": T("Vantaan kaupunki"), "role": "administrator"}],
        "region": T("Vantaa"),
        "aims": T("Tavoitteet"),
        "quotes": [{
            "text": "Lainauksen alkuperäinen teksti",
            "lang": "fi",
            "translations": translations("Lainauksen käännös"),
            "source": T("Ote loppuraportista"),
        }],
        "grant": {"amount": 535952, "announced_on": "2020-09-17", "grantor": T("Sosiaali- ja terveysministeriö"), "recipient": T("Vantaan kaupunki")},
        "link": {"text": T("Lue lisää HeBusta"), "targets": []},
        "sources": [
            source("Alueelliset hankkeet Suomen mallia rakentamassa"),
            source("Valtionavustukset 2020", url="https://example.org/avustukset", publisher="Sosiaali- ja terveysministeriö", supports=["grant"]),
        ],
    }


def standalone() -> dict:
    return {
        "kind": "project",
        "name": T("Avain"),
        "short_name": T("Avain"),
        "summary": T("Avaimen kuvaus"),
        "organisers": [{"name": T("Metropolia"), "role": "coordinator"}, {"name": T("Ministeriö"), "role": "funder"}],
        "years": "2016–2019",
        "aims": T("Avaimen tavoitteet"),
        "background": [T("Taustaa yksi")],
        "funding": T("Rahaa Euroopasta"),
        "universities": [T("Diak")],
        "pilots": [T("Pilotti Tampere")],
        "partners": [T("Kumppani Kehitysvammaliitto")],
        "website": {"name": "henkilokohtainenbudjetointi.fi", "url": ""},
        "link": {"text": T("Avain-hankkeen sivu"), "targets": [{"url": "https://example.org/avain", "lang": "fi"}]},
        "sources": [source("Avain kansalaisuuteen", url="https://example.org/avain-lahde", publisher="Suunta")],
    }


def publication() -> dict:
    return {
        "kind": "publication",
        "project": STANDALONE,
        "title": {"text": "Mitä on henkilökohtainen budjetointi", "lang": "fi", "translations": translations("Julkaisun nimen käännös")},
        "type": "animation_video",
        "extent": {"value": 2, "unit": "minutes"},
        "language": "fi",
        "year": 2019,
        "link": {"text": T("Video budjetista"), "targets": []},
        "sources": [source("Avain kansalaisuuteen", url="https://example.org/avain-lahde", publisher="Suunta")],
    }


def record_path(slug: str) -> str:
    """Where each fixture record lives, relative to the repo (the layout of the real content)."""
    return {
        PROGRAMME: f"projects/{PROGRAMME}.yml",
        PROJECT: f"projects/{PROGRAMME}/{PROJECT}.yml",
        STANDALONE: f"projects/{STANDALONE}.yml",
        PUBLICATION: f"projects/{STANDALONE}/julkaisut/{PUBLICATION}.yml",
    }[slug]


FIXTURES = {PROGRAMME: programme, PROJECT: project, STANDALONE: standalone, PUBLICATION: publication}


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)


def record_text(root: Path, rel: str, data: dict) -> str:
    """A record file's text: the schema line for its place, then the data."""
    return schema_line(root / rel, root) + "\n" + dump(data)


def write_record(root: Path, rel: str, data: dict | str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else record_text(root, rel, data)
    path.write_text(text, encoding="utf-8")
    return path


def write_records(root: Path, only_missing: bool = False) -> dict[str, Path]:
    """The four fixture records; with only_missing, skip a slug that already has a file."""
    existing = {p.stem for p in (root / "projects").rglob("*.yml")} if only_missing and (root / "projects").exists() else set()
    written = {}
    for slug, make in FIXTURES.items():
        if slug not in existing:
            written[slug] = write_record(root, record_path(slug), make())
    return written


def _literal_values(annotation) -> tuple:
    return typing.get_args(annotation)


def minimal_site_yml(root: Path) -> str:
    """A site.yml with every interface string the templates and pages use (when the real one
    is not there yet)."""
    used = set()
    for path in [*(root / "templates").glob("*"), *(root / "docs").rglob("*.md")]:
        used |= set(re.findall(r"\bt\('([a-z_]+)'\)", path.read_text(encoding="utf-8")))
    used |= {f"role_{r}" for r in _literal_values(Role)} | {f"type_{t}" for t in _literal_values(PublicationType)}
    used |= {f"unit_{u}" for u in _literal_values(Unit)} | {f"lang_{k}" for k in ("fi", "sv", "en")}
    used |= {"gap", "not_set", "conformance_full", "conformance_partial", "conformance_none"}
    used |= set(STRINGS_IN_CODE)
    strings = {key: {k: (f"{{n}} {key}" if key.startswith("unit_") else f"{key} {k}") for k in KEYS} for key in sorted(used)}
    return schema_line(root / "site.yml", root, "schemas/site.schema.json") + "\n" + dump({"settings": {"statement": {}}, "strings": strings})


def make_repo(dest: Path, records: bool = True) -> Path:
    """A small repo: the real mkdocs.yml, templates, hand-written pages and site.yml (or
    stand-ins), and the fixture records. Only `validate`-level tests may rely on the stand-ins."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", dest / "templates")
    for path in HAND_WRITTEN:
        for key in KEYS:
            source = ROOT / "docs" / key / path
            target = dest / "docs" / key / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.exists():
                shutil.copy2(source, target)
            else:
                target.write_text(f"# {path} ({key})\n", encoding="utf-8")
    shutil.copy2(ROOT / "terms.yml", dest / "terms.yml")
    if (ROOT / "site.yml").exists():
        shutil.copy2(ROOT / "site.yml", dest / "site.yml")
    else:
        (dest / "site.yml").write_text(minimal_site_yml(dest), encoding="utf-8")
    if records:
        write_records(dest)
    return dest


# ── editing a record's text ────────────────────────────────────────────────────────────────
def line_of(text: str, needle: str, after: str | None = None) -> int:
    """1-based number of the first line containing `needle` (after the line containing `after`)."""
    lines = text.splitlines()
    start = 0
    if after is not None:
        start = next(i for i, line in enumerate(lines) if after in line) + 1
    for i in range(start, len(lines)):
        if needle in lines[i]:
            return i + 1
    raise AssertionError(f"{needle!r} is not in the text")


def col_of(text: str, needle: str, after: str | None = None) -> int:
    line = text.splitlines()[line_of(text, needle, after) - 1]
    return line.index(needle) + 1


def key_col(text: str, line: int) -> int:
    """Column of the first key on a line (after '- ' for a list item)."""
    content = text.splitlines()[line - 1]
    stripped = content.lstrip(" ")
    if stripped.startswith("- "):
        stripped = stripped[2:].lstrip(" ")
    return len(content) - len(stripped) + 1


def drop_line(text: str, needle: str, after: str | None = None) -> str:
    lines = text.splitlines(keepends=True)
    del lines[line_of(text, needle, after) - 1]
    return "".join(lines)


def replace_line(text: str, needle: str, new: str, after: str | None = None) -> str:
    lines = text.splitlines(keepends=True)
    lines[line_of(text, needle, after) - 1] = new + "\n"
    return "".join(lines)


def problem_lines(problems) -> list[str]:
    return [str(p) for p in problems]


def env_without_actions() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("GITHUB_ACTIONS", None)
    return env
