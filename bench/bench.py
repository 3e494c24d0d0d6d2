#!/usr/bin/env python3
"""Benchmark of the whole build (build_pages.py + mkdocs build) on synthetic records.

    python bench/bench.py                   N = 10, 100, 1000 regional projects (about 80 s)
    python bench/bench.py --sizes 10,3000   other sizes
    python bench/bench.py --repeat 3        mkdocs build 3 times per size; the fastest counts
    python bench/bench.py --keep            keep the temporary copies (their paths are printed)
    python bench/bench.py --profile         also print a cProfile of a cold generator run at the largest N

See PERFORMANCE.md for what each figure means and the results.

Everything happens in a temporary copy of the repo (mkdocs.yml, site.yml, the hand-written
pages in docs/, templates/, overrides/, hbsite/, build_pages.py; never .git, generated pages or
site/), so the real docs/ and site/ are never touched. The records are synthetic but valid by construction: each one is built
through the pydantic models of `hbsite.model.schema_for(<variant keys from mkdocs.yml>)` and
then written out as YAML, with text lengths like the real records (1–2 sentence summaries,
2–4 sentence aims, one or two quotes with translations, 1–4 organisers).

Every command is a fresh subprocess (a fresh Python, as an editor or CI runs it). Peak memory
is the child's own `ru_maxrss` (os.wait4 returns the RUSAGE_CHILDREN figures of that one
child). Timing figures are printed only; nothing here asserts on them.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import posixpath
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
COPY = ["mkdocs.yml", "site.yml", "build_pages.py", "pyproject.toml"]
COPY_DIRS = ["templates", "overrides", "hbsite"]
PROGRAMME = "hb-kokeilu-2020-2021"
STANDALONE = "avain-kansalaisuuteen"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
sys.path.insert(0, str(REPO))  # the model, the variants and the page names come from the repo

# ── synthetic text ───────────────────────────────────────────────────────────────────────
# Word lists with the average word length of the real records (fi ≈ 8.8, sv ≈ 6.2 and
# selko ≈ 6.5 letters); Swedish and selkosuomi need their short everyday words for that.
FI_WORDS = """henkilökohtainen budjetointi vammainen henkilö palvelut asiakas tuki päätös
hyvinvointialue kunta kehittäminen hanke kokeilu tavoite malli toimintatapa asiakkaan ääni
osallisuus itsemääräämisoikeus palveluohjaus arviointi yhteiskehittäminen työntekijä
omainen perhe arki valinta vaihtoehto budjetti raha kustannus seuranta koulutus
yhteistyö järjestö palveluntuottaja sosiaalityö vammaispalvelu asuminen työtoiminta
päivätoiminta avustaja henkilökohtainen apu kuljetus harrastus vapaa-aika oppiminen
kokemus tieto osaaminen muutos alue sopimus suunnitelma tarve toive mahdollisuus
kehitettiin kokeiltiin arvioitiin selvitettiin koottiin tuotettiin vahvistettiin
parannettiin lisättiin järjestettiin suunniteltiin toteutettiin haluttiin pyrittiin
uusi yhteinen joustava yksilöllinen paikallinen valtakunnallinen selkeä toimiva
ja on oli että sekä joka se ei myös sekä hankkeen""".split()
SV_WORDS = """personlig budget person med funktionsnedsättning tjänster klient stöd beslut
välfärdsområde kommun utveckling projekt försök mål modell arbetssätt klientens röst
delaktighet självbestämmande bedömning anhörig familj vardag val pengar kostnad
uppföljning utbildning samarbete boende assistans fritid lärande erfarenhet kunskap
område avtal plan behov möjlighet utvecklades prövades stärktes ordnades ville
ny gemensam flexibel lokal tydlig och att för som med på av en ett i det till de är
var har kan ska om inom samt så hur där när eller mer""".split()
SELKO_WORDS = """hanke auttaa ihmisiä joilla on vamma ihminen saa päättää itse mitä palveluja
hän tarvitsee rahaa apua tukea kotona työssä vapaa-aikana perhe kunta kokeilla uusi tapa
hyvä tärkeä kysyä kertoa kuunnella tehdä yhdessä paljon vähän aina usein arjessa elämä
palvelut budjetti kaupunki ihmisten tarpeisiin halusi piti myös""".split()
LL_WORDS = """projekt hjälper personer som har en funktionsnedsättning man får själv välja vilket
stöd man vill ha pengar hjälp hemma jobb fritid familj kommun pröva nytt sätt bra viktigt
fråga berätta lyssna göra tillsammans mycket lite ofta varje dag liv stad budget behov
ville skulle också""".split()
# The synthetic text of a variant follows its language and whether it is easy to read (a
# readability block with targets in mkdocs.yml): words, words per sentence, and how many
# sentences it takes for one standard sentence (easy-to-read records use about three).
STYLES = {
    ("fi", False): (FI_WORDS, (8, 14), 1), ("sv", False): (SV_WORDS, (11, 19), 1),
    ("fi", True): (SELKO_WORDS, (5, 9), 3), ("sv", True): (LL_WORDS, (5, 9), 3),
}


def variant_styles() -> dict[str, tuple]:
    from hbsite.variants import read_variants

    return {v.key: STYLES[(v.lang.split("-")[0], bool(v.readability and v.readability.has_targets))]
            for v in read_variants(REPO / "mkdocs.yml")}


class Text:
    def __init__(self, rng: random.Random, keys: tuple[str, ...]):
        self.rng = rng
        self.keys = keys
        self.styles = variant_styles()

    def sentence(self, key: str, lo: int | None = None, hi: int | None = None) -> str:
        words, (default_lo, default_hi), _ = self.styles[key]
        count = self.rng.randint(lo or default_lo, hi or default_hi)
        return " ".join(self.rng.choice(words) for _ in range(count)).capitalize() + "."

    def sentences(self, key: str, lo: int, hi: int, paragraphs: bool = False, factor: int | None = None) -> str:
        factor = factor or self.styles[key][2]
        parts = [self.sentence(key) for _ in range(self.rng.randint(lo, hi) * factor)]
        if paragraphs and len(parts) > 2:
            cut = self.rng.randint(1, len(parts) - 1)
            return " ".join(parts[:cut]) + "\n\n" + " ".join(parts[cut:])
        return " ".join(parts)

    def text(self, lo: int, hi: int, paragraphs: bool = False) -> dict[str, str]:
        return {key: self.sentences(key, lo, hi, paragraphs) for key in self.keys}

    def summary(self) -> dict[str, str]:
        """1–2 sentences; a selkosuomi summary is about as long as the Finnish one."""
        return {key: self.sentences(key, 1, 2, factor=2 if self.styles[key][2] > 1 else 1) for key in self.keys}

    def name(self, base: str) -> dict[str, str]:
        return {key: f"{base} – {self.sentence(key, 2, 5).rstrip('.')}" for key in self.keys}

    def short(self, base: str) -> dict[str, str]:
        return {key: base for key in self.keys}


def _place(i: int) -> str:
    syllables = ["ka", "la", "ve", "si", "no", "ta", "ri", "mä", "jo", "ki", "us", "ho"]
    return ("".join(syllables[(i // 12 ** k) % 12] for k in range(3))).capitalize() + f"-{i}"


def make_records(n: int, keys: tuple[str, ...], extra_standalone: list[str], seed: int = 1) -> dict[str, dict]:
    """Record file path (relative to projects/) → data, validated through the real models."""
    from hbsite.model import schema_for

    schema = schema_for(keys)
    rng = random.Random(seed)
    t = Text(rng, keys)
    other = [k for k in keys if k != "fi"]
    roles = ["administrator", "co_implementer", "co_implementer", "partner"]
    records: dict[str, dict] = {}

    def add(rel: str, model, data: dict) -> None:
        instance = model.model_validate(data)  # valid by construction, or this raises here
        records[rel] = instance.model_dump(mode="python", exclude_none=True, exclude_defaults=True) | {"kind": data["kind"]}

    def sources(title: str, *supports: str) -> list[dict]:
        entry = {"url": f"https://example.fi/lahde/{zlib.crc32(title.encode())}", "publisher": "Synteettinen julkaisija",
                 "title": title, "lang": "fi", "read_on": "2026-12-01"}
        return [entry | ({"supports": list(supports)} if supports else {})]

    def link(url: str) -> dict:
        return {"text": t.text(1, 1), "targets": [{"url": url, "lang": "fi"}] if url else []}

    def quote() -> dict:
        return {
            "text": t.sentences("fi", 2, 3),
            "lang": "fi",
            "translations": {k: t.sentences(k, 2, 3) for k in other},
            "source": {k: t.sentence(k, 2, 4) for k in keys},
        }

    add(f"{PROGRAMME}.yml", schema.Programme, {
        "kind": "programme", "name": t.name("Kokeiluhanke"), "short_name": t.short("Kokeiluhanke 2020–2021"),
        "summary": t.text(1, 2), "sources": sources("Synteettinen lähde", "start", "end"), "start": "2020-01-08", "end": "2021-12-31",
        "organiser": t.text(1, 1), "intro": t.text(3, 6, paragraphs=True),
    })
    hosts = [STANDALONE]
    for slug in [STANDALONE, *extra_standalone]:
        add(f"{slug}.yml", schema.Project, {
            "kind": "project", "name": t.name(slug), "short_name": t.short(slug.replace("-", " ").capitalize()),
            "summary": t.text(1, 3), "sources": sources(f"Synteettinen lähde {slug}"), "years": "2016–2019",
            "organisers": [{"name": t.text(1, 1), "role": "coordinator"}, {"name": t.text(1, 1), "role": "funder"}],
            "aims": t.text(3, 5, paragraphs=True),
            "background": [t.text(1, 2) for _ in range(3)], "funding": t.text(1, 2),
            "universities": [t.short(_place(900 + i)) for i in range(3)],
            "pilots": [t.text(1, 1) for _ in range(6)], "partners": [t.short(_place(950 + i)) for i in range(4)],
            "website": {"name": "henkilokohtainenbudjetointi.fi", "url": ""},
            "link": link(""),
        })
    for i in range(n):
        slug = f"hanke-{i:05d}"
        if i < 3:
            hosts.append(slug)
        place = _place(i)
        add(f"{PROGRAMME}/{slug}.yml", schema.Project, {
            "kind": "project", "programme": PROGRAMME, "name": t.name(place), "short_name": t.short(place),
            "summary": t.summary(), "sources": sources(f"Alueellinen hanke {place}", "grant"),
            "grant": {"amount": rng.randint(100_000, 600_000), "announced_on": "2020-09-17", "grantor": t.short("Sosiaali- ja terveysministeriö"),
                      "recipient": t.short(f"{place} kaupunki")},
            "organisers": [{"name": t.short(f"{place} {w}"), "role": roles[j]} for j, w in
                           enumerate(rng.sample(["kaupunki", "kuntayhtymä", "hyvinvointialue", "kunta"], rng.choice([1, 1, 1, 2, 4])))],
            "region": t.short(place),
            "aims": t.text(2, 4, paragraphs=True),
            "quotes": [quote() for _ in range(rng.choice([1, 1, 1, 1, 1, 1, 1, 2, 2]))],
            "link": link(rng.choice(["", f"https://example.fi/{slug}"])),
        })
    types = ["animation_video", "documentary_video", "final_publication", "slide_set", "publication", "interim_report"]
    for i in range(n // 2):
        host = hosts[i % len(hosts)]
        kind = types[i % len(types)]
        video = kind.endswith("video")
        add(f"{host}/julkaisut/julkaisu-{i:05d}.yml", schema.Publication, {
            "kind": "publication", "project": host,
            "title": {"text": t.sentence("fi", 3, 8).rstrip("."), "lang": "fi",
                      "translations": {k: t.sentence(k, 3, 8).rstrip(".") for k in other}},
            "type": kind, "extent": {"value": rng.randint(2, 20) if video else rng.randint(10, 150), "unit": "minutes" if video else "pages"},
            "language": "fi", "year": rng.randint(2016, 2019),
            "link": link(rng.choice(["", f"https://example.fi/julkaisu-{i}"])),
            "sources": sources("Avain kansalaisuuteen"),
        })
    return records


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Texts with paragraphs as `|` blocks, the way editors write them."""


_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None))


def dump_record(data: dict, rel: str) -> str:
    """YAML as an editor writes it, with the schema line the loader asks for on line 1."""
    schema = posixpath.relpath("schemas/record.schema.json", posixpath.dirname(f"projects/{rel}"))
    head = f"# yaml-language-server: $schema={schema}\n"
    return head + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


# ── the temporary repo copy ──────────────────────────────────────────────────────────────
def variant_keys(root: Path) -> tuple[str, ...]:
    from hbsite.variants import read_variants

    return tuple(v.key for v in read_variants(root / "mkdocs.yml"))


def make_copy(dest: Path) -> list[str]:
    """Copy the repo's inputs; create stand-ins (only here) for what does not exist yet."""
    notes = []
    dest.mkdir(parents=True)
    for name in COPY:
        if (REPO / name).exists():
            shutil.copy2(REPO / name, dest / name)
    for name in COPY_DIRS:
        if (REPO / name).exists():
            shutil.copytree(REPO / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    keys = variant_keys(dest)
    if not (dest / "site.yml").exists():
        raise SystemExit("site.yml is missing: the benchmark needs the interface strings")
    from hbsite.render import HAND_WRITTEN

    for path in HAND_WRITTEN:
        source = next((REPO / "docs" / k / path for k in keys if (REPO / "docs" / k / path).exists()), None)
        for key in keys:
            target = dest / "docs" / key / path
            target.parent.mkdir(parents=True, exist_ok=True)
            own = REPO / "docs" / key / path
            if own.exists():
                shutil.copy2(own, target)
            else:
                target.write_text(source.read_text(encoding="utf-8") if source else f"# {path}\n", encoding="utf-8")
                notes.append(f"stand-in docs/{key}/{path}")
    return notes


def linked_projects(root: Path) -> list[str]:
    """Project slugs the hand-written pages link to: they must exist or --strict fails."""
    found = set()
    for page in (root / "docs").rglob("*.md"):
        found.update(re.findall(r"hankkeet/([a-z0-9-]+)\.md", page.read_text(encoding="utf-8")))
    return sorted(found - {PROGRAMME, STANDALONE, "index"})


def write_records(root: Path, records: dict[str, dict]) -> None:
    projects = root / "projects"
    if projects.exists():
        shutil.rmtree(projects)
    for rel, data in records.items():
        path = projects / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_record(data, rel), encoding="utf-8")


# ── measuring ────────────────────────────────────────────────────────────────────────────
class Run:
    def __init__(self, seconds: float, cpu: float, maxrss_kb: int, output: str):
        self.seconds, self.cpu, self.maxrss_kb, self.output = seconds, cpu, maxrss_kb, output


def run(cmd: list[str], cwd: Path, env: dict | None = None) -> Run:
    """Run one command as a fresh process: wall seconds, CPU seconds and peak memory (the
    child's own rusage, as RUSAGE_CHILDREN would give it for this child alone)."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env or ENV)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
    if proc.returncode:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)} in {cwd}\n{output[-4000:]}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, output)


def generate(root: Path, env: dict | None = None) -> Run:
    return run([sys.executable, "build_pages.py"], root, env)


def mkdocs(root: Path, site: Path, env: dict | None = None) -> Run:
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)], root, env)


STOCK_CONFIG = """site_name: Stock
docs_dir: docs
theme:
  name: material
  language: fi
  font: false
  features: [navigation.prune, search.highlight]
markdown_extensions: [attr_list, md_in_html, tables, {toc: {permalink: false}}]
plugins: [search]
nav: [%s]
not_in_nav: "*"
"""


def stock(root: Path, repeat: int) -> tuple[Run, int]:
    """Stock MkDocs + Material (search, no plugins of ours, no hooks) on the same pages: the
    pages build_pages.py made, each hand-written page as it rendered it, all variants' folders
    in one site. Returns the fastest build and its number of HTML pages."""
    from hbsite.write import RENDERED_DIR

    folder = root.parent / "stock"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(root / "docs", folder / "docs")
    shutil.copytree(root / RENDERED_DIR, folder / "docs", dirs_exist_ok=True)
    keys = variant_keys(root)
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda _loader, _node: None)
    nav = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)["nav"]
    (folder / "mkdocs.yml").write_text(STOCK_CONFIG % ", ".join(f"{keys[0]}/{page}" for page in nav), encoding="utf-8")
    best = fastest([run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(folder / "site")], folder)
                    for _ in range(repeat)])
    pages = len(list((folder / "site").rglob("*.html")))
    shutil.rmtree(folder)
    return best, pages


def clean(root: Path) -> None:
    """Remove what the generator and mkdocs made (the hand-written pages in docs/ stay)."""
    manifest = root / "build" / "generated.txt"
    for name in manifest.read_text(encoding="utf-8").splitlines() if manifest.exists() else []:
        (root / name).unlink(missing_ok=True)
    for name in ("site", "build"):
        shutil.rmtree(root / name, ignore_errors=True)


PHASES = r"""
import sys, time
t = [time.perf_counter()]
from pathlib import Path
import hbsite.cli
from hbsite.build import load_content, render_pages
from hbsite.write import write_pages
t.append(time.perf_counter())
content = load_content(Path("."))
t.append(time.perf_counter())
pages = render_pages(content)
t.append(time.perf_counter())
write_pages(pages, Path("."))
t.append(time.perf_counter())
print(" ".join(f"{b - a:.3f}" for a, b in zip(t, t[1:])))
"""


def phases(root: Path) -> tuple[float, ...]:
    """A cold generator run, split: interpreter start and exit, imports, load+validate, render, write."""
    result = run([sys.executable, "-c", PHASES], root)
    parts = tuple(float(x) for x in result.output.split()[-4:])
    return (result.seconds - sum(parts),) + parts


def site_figures(site: Path, keys: tuple[str, ...], default: str) -> dict:
    html = sorted(site.rglob("*.html"))
    sizes = {p: p.stat().st_size for p in html}
    biggest = max(html, key=sizes.get)
    search = {}
    for key in keys:
        index = (site if key == default else site / key) / "search" / "search_index.json"
        search[key] = index.stat().st_size if index.exists() else 0
    return {
        "pages": len(html),
        "median": statistics.median(sizes.values()),
        "max": sizes[biggest],
        "max_page": biggest.relative_to(site).as_posix(),
        "over_60k": sorted(p.relative_to(site).as_posix() for p, size in sizes.items() if size > 60_000),
        "search": search,
    }


def tree_digest(root: Path) -> dict[str, str]:
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.name.endswith(".gz"):
            out[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def compare_trees(a: Path, b: Path) -> list[str]:
    da, db = tree_digest(a), tree_digest(b)
    diffs = sorted(set(da) ^ set(db))
    diffs += sorted(k for k in set(da) & set(db) if da[k] != db[k])
    return diffs


def snapshot(docs: Path) -> dict[str, tuple[int, str]]:
    return {p.relative_to(docs).as_posix(): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in docs.rglob("*") if p.is_file()}


def edit_one(root: Path, rel: str) -> None:
    """An editor changes one project's summary in every variant."""
    path = root / "projects" / rel
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["summary"] = {k: v + " Muokattu." for k, v in data["summary"].items()}
    path.write_text(dump_record(data, rel), encoding="utf-8")


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def edit_to_visible(root: Path, n: int, other: str, options: tuple[str, ...] = ()) -> tuple[list[float], list[float]]:
    """Seconds from saving an edited record to the edited text in the page `mkdocs serve` sends
    (the editor's loop: watch → build_pages in the serve hook → mkdocs rebuild), three edits with
    the default variant's page open, then three with the variant `other`'s page open (a rebuild
    builds the variant viewed last, hbsite/serve_variants.py)."""
    import signal

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *options],
                              cwd=root, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    times: dict[str, list[float]] = {"": [], other: []}
    try:
        slug = f"hanke-{n // 2:05d}"
        urls = {"": f"http://127.0.0.1:{port}/hankkeet/{slug}/", other: f"http://127.0.0.1:{port}/{other}/hankkeet/{slug}/"}
        deadline = time.monotonic() + 600
        while not fetch(urls[""]) and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(2)  # let the first build and the watcher settle
        for i in range(6):
            viewed = "" if i < 3 else other
            url = urls[viewed]
            fetch(url)  # the editor has this page open
            mark = f"Muokattu{i}x"
            path = root / "projects" / PROGRAMME / f"{slug}.yml"
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            data["summary"] = {k: v + f" {mark}." for k, v in data["summary"].items()}
            started = time.perf_counter()
            path.write_text(dump_record(data, f"{PROGRAMME}/{slug}.yml"), encoding="utf-8")
            while mark not in fetch(url):
                if time.perf_counter() - started > 300:
                    raise SystemExit(f"edit {i} never became visible at {url}")
                time.sleep(0.05)
            times[viewed].append(time.perf_counter() - started)
            time.sleep(1)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    return times[""], times[other]


def profile_generator(root: Path) -> str:
    code = (
        "import cProfile, pstats, io, sys; sys.argv=['build_pages.py'];"
        "from hbsite.cli import main;"
        "p=cProfile.Profile(); p.enable(); main(); p.disable();"
        "s=io.StringIO(); pstats.Stats(p, stream=s).sort_stats('cumulative').print_stats(30); print(s.getvalue())"
    )
    return run([sys.executable, "-c", code], root).output


# ── main ─────────────────────────────────────────────────────────────────────────────────
def fastest(runs: list[Run]) -> Run:
    return min(runs, key=lambda r: r.seconds)


def measure(root: Path, n: int, keys: tuple[str, ...], default: str, extra: list[str], repeat: int) -> dict:
    """One size. Each generator figure is the fastest of three runs (other processes on the
    machine only ever add time); mkdocs runs `repeat` times."""
    clean(root)
    records = make_records(n, keys, extra)
    write_records(root, records)
    colds = []
    for _ in range(3):
        clean(root)
        colds.append(generate(root))  # no generated pages: as on a fresh checkout
    before = snapshot(root / "docs")
    warm = fastest([generate(root) for _ in range(3)])  # nothing changed
    unchanged_ok = snapshot(root / "docs") == before
    mk = fastest([mkdocs(root, root / "site") for _ in range(repeat)])
    figures = site_figures(root / "site", keys, default)
    stock_run, stock_pages = stock(root, repeat)
    edits, changed, kept_mtime = [], [], True
    for i in range(3):  # three edits, each of another project
        state = snapshot(root / "docs")
        edit_one(root, f"{PROGRAMME}/hanke-{n // 2 + i:05d}.yml")
        edits.append(generate(root))
        after = snapshot(root / "docs")
        rewritten = sorted(k for k in after if after[k] != state.get(k))
        kept_mtime &= all(after[k] == state[k] for k in after if k not in rewritten)
        changed = changed or rewritten
    other = next(k for k in keys if k != default)
    shown, shown_other = edit_to_visible(root, n, other)
    visible, visible_other = statistics.median(shown), statistics.median(shown_other)
    clean(root)
    split = phases(root)
    return dict(n=n, records=len(records), cold=fastest(colds), warm=warm, edited=fastest(edits), mk=mk,
                stock=stock_run, stock_pages=stock_pages,
                changed=changed, unchanged_ok=unchanged_ok and kept_mtime, phases=split, visible=visible,
                visible_other=visible_other, other=other, **figures)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="comma-separated numbers of regional projects (default 10,100,1000)")
    parser.add_argument("--repeat", type=int, default=1, help="mkdocs builds per size; the fastest counts (default 1)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary copies")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of a cold generator run at the largest N")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    began = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="hb-bench-"))
    try:
        root = work / "repo"
        notes = make_copy(root)
        keys = variant_keys(root)
        from hbsite.variants import read_variants

        default = next(v.key for v in read_variants(root / "mkdocs.yml") if v.default)
        extra = linked_projects(root)
        for note in notes:
            print(f"note: {note}")
        rows = []
        for n in sizes:
            rows.append(measure(root, n, keys, default, extra, max(1, args.repeat)))
            r = rows[-1]
            print(f"  N={n}: generator {r['cold'].seconds:.2f} s cold / {r['warm'].seconds:.2f} s warm, "
                  f"mkdocs {r['mk'].seconds:.2f} s, {r['pages']} HTML pages", flush=True)

        # Reproducibility: two full builds from the same records, each from nothing (no docs/,
        # no cache), in two folders, with another hash seed and the clock a day later.
        second = work / "repo2"
        clean(root)
        shutil.copytree(root, second)
        env2 = {**ENV, "PYTHONHASHSEED": "12345", "SOURCE_DATE_EPOCH": str(int(time.time()) + 86400)}
        clean(root)
        generate(root)
        mkdocs(root, root / "site")
        generate(second, env2)
        mkdocs(second, second / "site", env2)
        docs_diff = compare_trees(root / "docs", second / "docs")
        site_diff = compare_trees(root / "site", second / "site")

        if args.profile:
            clean(root)
            print(f"\ncProfile of a cold build_pages.py run (N={sizes[-1]}):\n" + profile_generator(root))
        print_report(rows, keys, docs_diff, site_diff, time.perf_counter() - began)
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def per_record(r: dict) -> float:
    """The cold generator's milliseconds per record."""
    return 1000 * r["cold"].seconds / r["records"]


def to_stock(r: dict) -> float:
    """Our time per page (generator + mkdocs build) over stock MkDocs' time per page."""
    return ((r["cold"].seconds + r["mk"].seconds) / r["pages"]) / (r["stock"].seconds / r["stock_pages"])


def print_report(rows, keys, docs_diff, site_diff, total) -> None:
    kb = lambda b: f"{b / 1024:.0f}"
    head = ["N", "records", "HTML pages", "gen s", "gen CPU s", "mkdocs s", "mkdocs CPU s", "gen/mkdocs",
            "pages/s", "gen MB", "mkdocs MB", "median KB", "max KB", *[f"search {k} KB" for k in keys],
            "warm gen s", "warm/mkdocs", "edit-one s", "rewritten", "edit→visible s", f"… /{rows[0]['other']}/ s",
            "gen ms/record", "stock s", "stock pages", "× stock/page"]
    lines = []
    for r in rows:
        end_to_end = r["cold"].seconds + r["mk"].seconds
        lines.append([
            str(r["n"]), str(r["records"]), str(r["pages"]),
            f"{r['cold'].seconds:.2f}", f"{r['cold'].cpu:.2f}", f"{r['mk'].seconds:.2f}", f"{r['mk'].cpu:.2f}",
            f"{100 * r['cold'].seconds / r['mk'].seconds:.1f} %", f"{r['pages'] / end_to_end:.0f}",
            f"{r['cold'].maxrss_kb / 1024:.0f}", f"{r['mk'].maxrss_kb / 1024:.0f}",
            f"{r['median'] / 1024:.1f}", kb(r["max"]), *[kb(r["search"][k]) for k in keys],
            f"{r['warm'].seconds:.2f}", f"{100 * r['warm'].seconds / r['mk'].seconds:.1f} %",
            f"{r['edited'].seconds:.2f}", str(len(r["changed"])), f"{r['visible']:.2f}", f"{r['visible_other']:.2f}",
            f"{per_record(r):.1f}", f"{r['stock'].seconds:.2f}", str(r["stock_pages"]), f"{to_stock(r):.2f}",
        ])
    widths = [max(len(h), *(len(l[i]) for l in lines)) for i, h in enumerate(head)]
    print()
    print("| " + " | ".join(h.rjust(w) for h, w in zip(head, widths)) + " |")
    print("|" + "|".join("-" * (w + 1) + ":" for w in widths) + "|")
    for l in lines:
        print("| " + " | ".join(c.rjust(w) for c, w in zip(l, widths)) + " |")
    print()
    print("gen = build_pages.py from nothing (no generated pages); warm gen = again, nothing changed;")
    print("edit-one = after one project's summary changed (fastest of 3 edits); pages/s = HTML pages / (gen s + mkdocs s);")
    print("edit→visible = from saving a record to the new text in the page `mkdocs serve` sends (median of 3), with the")
    print(f"default variant's page open and (… /{rows[0]['other']}/) with that variant's page open;")
    print("gen ms/record = gen s / records; × stock/page = ((gen s + mkdocs s) / HTML pages) / (stock s / stock pages),")
    print("stock = mkdocs build of the same pages with stock MkDocs + Material + search (no plugins or hooks of ours).")
    for r in rows:
        start, imports, load, render, write = r["phases"]
        print(f"N={r['n']}: cold generator = start/exit {start:.2f} + imports {imports:.2f} + load/validate {load:.2f} "
              f"+ render {render:.2f} + write {write:.2f} s; largest page {r['max_page']} ({kb(r['max'])} KB); "
              f"pages over 60 KB: {', '.join(r['over_60k']) or 'none'}")
        print(f"  no-change run kept every file (bytes and mtime): {'yes' if r['unchanged_ok'] else 'NO'}; "
              f"edit-one rewrote: {', '.join(r['changed'])}")
    last = rows[-1]
    worst = max(100 * r["cold"].seconds / r["mk"].seconds for r in rows)
    worst_warm = max(100 * r["warm"].seconds / r["mk"].seconds for r in rows)
    pps = last["pages"] / (last["cold"].seconds + last["mk"].seconds)
    same = not (docs_diff or site_diff)
    visible = ", ".join(f"{r['visible']:.1f} s (N={r['n']})" for r in rows)
    visible_other = ", ".join(f"{r['visible_other']:.1f} s (N={r['n']})" for r in rows)
    generator = ", ".join(f"{per_record(r):.1f} ms/record (N={r['n']})" for r in rows)
    ratio = ", ".join(f"{to_stock(r):.2f}× stock (N={r['n']})" for r in rows)
    print()
    print(f"docs/ byte-identical across two full builds: {'yes' if not docs_diff else 'NO: ' + ', '.join(docs_diff[:10])}")
    print(f"site/ byte-identical across two full builds (*.gz aside): {'yes' if not site_diff else 'NO: ' + ', '.join(site_diff[:10])}")
    print(
        f"SUMMARY: N={last['n']}: {pps:.0f} pages/s end to end; generator ≤ {worst:.1f} % of mkdocs cold, "
        f"≤ {worst_warm:.1f} % warm at every N; median {last['median'] / 1024:.1f} KB/page, largest {kb(last['max'])} KB; "
        f"search index ≤ {max(last['search'].values()) / 1024:.0f} KB per variant; "
        f"edit-one regeneration {last['edited'].seconds:.2f} s; edit→visible under mkdocs serve "
        f"{visible}, /{last['other']}/ {visible_other}; generator {generator}; per page {ratio}; "
        f"reproducible: {'yes' if same else 'no'}; "
        f"benchmark {total:.0f} s"
    )


if __name__ == "__main__":
    sys.exit(main())
