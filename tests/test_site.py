"""Integration: the real site built from the real records, read as HTML."""
from __future__ import annotations

import os
import json
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from mkdocs.config import load_config

from hbsite.variants import read_variants
from tests.conftest import FORM_FOLDER, ROOT, run
from tests.hb_fixtures import write_record

VARIANTS = read_variants(ROOT / "mkdocs.yml")
# The address the site is built for (mkdocs.yml: site_url, from HB_SITE_URL).
SITE_URL = load_config(str(ROOT / "mkdocs.yml")).site_url
REGIONAL = sorted(p.stem for p in (ROOT / "projects" / "hb-kokeilu-2020-2021").glob("*.yml"))
PUBLICATIONS = sorted((ROOT / "projects").glob("**/julkaisut/*.yml"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site_dir: Path, variant, path: str) -> Path:
    return site_dir / variant.url_prefix / path / "index.html"


def content_text(doc: BeautifulSoup) -> str:
    return " ".join(doc.select_one("article").get_text(" ").split())


# The seeds' records: an editor may add more (CONTRIBUTING.md), but none of these may go missing.
SEED_REGIONAL = {
    "eksote-ihmislahtoinen-hb", "essote-sopiva", "eteva-silta", "heva-paijat-hame", "hb-pirkanmaa",
    "keusote", "hebu-vantaa", "lansi-uusimaa", "vaasa-laihia",
}


def test_the_records_are_all_there():
    assert SEED_REGIONAL <= set(REGIONAL)
    assert len(PUBLICATIONS) >= 6


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.key)
def test_every_regional_project_page_exists_with_the_right_lang(site_dir, variant):
    for slug in REGIONAL:
        doc = soup(page(site_dir, variant, f"hankkeet/{slug}"))
        assert doc.html["lang"] == variant.lang, slug
        assert doc.select_one("article h1").get_text(strip=True)


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.key)
def test_the_overview_lists_all_nine_projects_with_descriptive_links(site_dir, variant):
    doc = soup(page(site_dir, variant, "hankkeet/hb-kokeilu-2020-2021"))
    article = doc.select_one("article")
    targets = {}
    for a in article.select("a[href]"):
        href = a["href"].rstrip("/").split("/")[-1]
        targets[href] = a.get_text(" ", strip=True)
    for slug in REGIONAL:
        assert slug in targets, f"{slug} is not linked from the overview"
        text = targets[slug].lower()
        assert len(text) > 6 and text not in {"tutustu tarkemmin", "läs mer", "lue lisää", "lisätietoa"}, text


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.key)
def test_the_avain_page_lists_six_publications_with_extents(site_dir, variant):
    doc = soup(page(site_dir, variant, "hankkeet/avain-kansalaisuuteen"))
    text = content_text(doc)
    for extent in ("2 min", "16 min", "117", "35", "73", "134"):
        assert re.search(rf"\b{extent.split()[0]}\b", text), extent
    titles = [s for s in doc.select('article [lang="fi"]')] if variant.lang != "fi" else []
    items = doc.select("article li span[id]")
    assert len(items) == 6
    if variant.lang != "fi":
        assert len(titles) >= 6, "publication titles stay Finnish and are marked lang=fi"


def test_language_links_resolve_to_existing_counterparts(site_dir):
    checked = 0
    for html in site_dir.rglob("index.html"):
        doc = soup(html)
        nav = doc.select_one("nav.hb-variants")
        if nav is None:
            continue
        links = nav.select("a")
        assert [a.get_text(strip=True) for a in links] == [v.name for v in VARIANTS]
        assert [a["lang"] for a in links] == [v.lang for v in VARIANTS]
        current = [a for a in links if a.get("aria-current") == "page"]
        assert len(current) == 1
        rel = html.parent.relative_to(site_dir).as_posix()
        for a in links:
            target = urljoin(f"http://x/{rel}/", a["href"])
            target_path = site_dir / urlsplit(target).path.lstrip("/") / "index.html"
            assert target_path.exists(), f"{html}: {a['href']} → {target_path}"
        checked += 1
    assert checked >= 9 * 3


def test_swedish_pages_use_swedish_names(site_dir):
    sv = next(v for v in VARIANTS if v.key == "sv")
    text = " ".join(content_text(soup(p)) for p in (site_dir / sv.url_prefix / "hankkeet").rglob("index.html"))
    for name in ("Vanda", "Esbo", "Lojo", "Kyrkslätt", "Tammerfors", "Björneborg", "Tavastehus", "Kajanaland", "Södra Karelen", "Vasa"):
        assert name in text, name


def test_no_asset_points_to_another_host(site_dir):
    for html in site_dir.rglob("*.html"):
        doc = soup(html)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for el in doc.find_all(tag):
                url = el.get(attr)
                if url and tag == "link" and el.get("rel") == ["canonical"]:
                    # The canonical address names the site itself (site_url), and is no request.
                    assert urlsplit(url).netloc == urlsplit(SITE_URL).netloc, f"{html}: {url}"
                elif url:
                    assert not urlsplit(url).netloc and not url.startswith("//"), f"{html}: {url}"
        for style in doc.find_all("style"):
            assert "@import" not in style.text and "http" not in style.text


def test_search_has_one_index_per_variant_with_its_stemmer(site_dir):
    for variant in VARIANTS:
        index = json.loads((site_dir / variant.url_prefix / "search" / "search_index.json").read_text())
        assert index["config"]["lang"] == [variant.lang]
        assert index["docs"], variant.key
        for doc in index["docs"]:
            for other in VARIANTS:
                if other.url_prefix and other is not variant:
                    assert not doc["location"].startswith(other.url_prefix)
    sv = json.loads((site_dir / "sv" / "search" / "search_index.json").read_text())
    assert any("Vanda" in d["text"] for d in sv["docs"])
    assert not any(d["location"].startswith("sv/") for d in sv["docs"])
    # A quote's Finnish original is not a Swedish search result; its translation is.
    sv_text = " ".join(d["text"] for d in sv["docs"])
    assert "Pilotti toteutti todella hyvin" not in sv_text and "Pilotförsöket tillgodosåg" in sv_text
    fi = json.loads((site_dir / "search" / "search_index.json").read_text())
    assert "Pilotti toteutti todella hyvin" in " ".join(d["text"] for d in fi["docs"])
    # The programme page's entries repeat the project pages: only the project page is a result.
    entries = [d for d in sv["docs"] if d["location"].startswith("hankkeet/hb-kokeilu-2020-2021/#")]
    assert not [d for d in entries if "hebu-vantaa" in d["location"]], entries
    assert any(d["location"] == "hankkeet/hebu-vantaa/" for d in sv["docs"])


def test_everything_around_the_content_speaks_the_page_language(site_dir):
    sv = soup(site_dir / "sv" / "index.html")
    assert "Made with" not in sv.get_text()
    assert sv.select_one(".md-copyright a").get_text(strip=True) == "Tillgänglighetsutlåtande"
    assert sv.select_one("a.md-skip").get_text(strip=True) == "Gå till innehållet"
    nav_titles = [a.get_text(" ", strip=True) for a in sv.select(".md-nav--primary .md-nav__link")]
    fi_nav = [a.get_text(" ", strip=True) for a in soup(site_dir / "index.html").select(".md-nav--primary .md-nav__link")]
    assert nav_titles and not set(nav_titles) & set(fi_nav), (nav_titles, fi_nav)


def test_canonical_links_and_hreflang_alternates_are_absolute(site_dir):
    """Every page names its canonical address, and the sitemap lists every page with its
    alternates in every variant, all absolute under site_url (the head has no alternates:
    Material would fetch "<alternate>/sitemap.xml" for each of them, a failing request)."""
    doc = soup(site_dir / "selko" / "hankkeet" / "hebu-vantaa" / "index.html")
    assert doc.select_one('link[rel="canonical"]')["href"] == f"{SITE_URL}selko/hankkeet/hebu-vantaa/"
    assert not doc.select('link[rel="alternate"]')
    assert doc.html["lang"] == "fi"
    assert doc.select_one(".hb-badge").get_text(strip=True) == "Selkosuomi"
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sitemap = ElementTree.parse(site_dir / "sitemap.xml").getroot()
    urls = {u.find("s:loc", ns).text: {l.get("hreflang"): l.get("href") for l in u.findall("x:link", ns)} for u in sitemap.findall("s:url", ns)}
    page_url = f"{SITE_URL}hankkeet/hebu-vantaa/"
    assert urls[page_url] == {v.hreflang: f"{SITE_URL}{v.url_prefix}hankkeet/hebu-vantaa/" for v in VARIANTS}
    assert all(href.startswith(SITE_URL) for alternates in urls.values() for href in alternates.values())
    assert not [u for u in urls if u.endswith("/404/")], "no 'not found' page is an address to index"
    html_pages = [p for p in site_dir.rglob("index.html") if "404" not in p.parts and not p.relative_to(site_dir).as_posix().startswith(FORM_FOLDER)]
    assert len(urls) == len(html_pages)


def test_every_variant_has_its_own_title_and_description(site_dir):
    for variant in VARIANTS:
        doc = soup(site_dir / variant.url_prefix / "hankkeet" / "index.html")
        title = doc.title.get_text()
        description = doc.select_one('meta[name="description"]')["content"]
        assert title.endswith(f" - {variant.site_name}"), title
        assert description == variant.site_description, description
    names = [v.site_name for v in VARIANTS]
    assert len(set(names)) == len(names), "each variant's own site name"


def test_accessibility_statement_and_404_in_every_variant(site_dir):
    for variant in VARIANTS:
        statement = soup(page(site_dir, variant, "saavutettavuusseloste"))
        assert statement.html["lang"] == variant.lang
        assert "aluehallintovirasto" in content_text(statement) or "Regionförvaltningsverket" in content_text(statement)
        assert statement.select(".hb-gap"), "values not yet set are shown as gaps"
        assert page(site_dir, variant, "404").exists()
    root_404 = soup(site_dir / "404.html")
    assert {s["lang"] for s in root_404.select("section.hb-not-found")} == {v.lang for v in VARIANTS}


def test_a_record_without_its_swedish_text_fails_the_build(repo_copy):
    record = repo_copy / "projects" / "hb-kokeilu-2020-2021" / "essote-sopiva.yml"
    lines = record.read_text(encoding="utf-8").splitlines()
    summary = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    sv = next(i for i in range(summary + 1, len(lines)) if lines[i].lstrip().startswith("sv:"))
    # Drop the sv line and any continuation lines of a block scalar.
    end = sv + 1
    indent = len(lines[sv]) - len(lines[sv].lstrip())
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    del lines[sv:end]
    record.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run([sys.executable, "build_pages.py"], repo_copy)
    assert result.returncode == 1
    assert f"projects/hb-kokeilu-2020-2021/essote-sopiva.yml:{summary + 1}:1: summary: the Svenska text (sv) is missing" in result.stderr
    assert not (repo_copy / "build").exists() and not list((repo_copy / "docs").rglob("hankkeet/*-*.md")), "a failing run writes nothing"


def test_plain_mkdocs_build_accepts_the_selko_variant_without_patches():
    """The selko variant is a config value of our registered plugin, not a patch to static-i18n."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["hb-i18n"]
    selko = [v for v in plugin.config.languages if v.locale == "selko"][0]
    assert (selko.lang, selko.hreflang, selko.link) == ("fi", "fi-x-selko", "/selko/")
    import mkdocs_static_i18n.config as upstream

    assert not upstream.RE_LOCALE.match("selko"), "upstream still refuses 'selko': our subclass is what allows it"


def test_mkdocs_serve_shows_an_edited_record_without_a_manual_step(repo_copy):
    """The serve hook regenerates docs/ when a record changes (watch: + hbsite/serve_hook.py)."""
    import socket
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert run([sys.executable, "build_pages.py"], repo_copy).returncode == 0
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=repo_copy, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}/sv/hankkeet/hebu-vantaa/"

    def fetch() -> str:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 60
        while "<h1" not in fetch():
            assert time.monotonic() < deadline and server.poll() is None, "mkdocs serve did not start"
            time.sleep(0.5)
        record = repo_copy / "projects" / "hb-kokeilu-2020-2021" / "hebu-vantaa.yml"
        text = record.read_text(encoding="utf-8")
        data_name = re.search(r"^name:\n(?:  .*\n)*?  sv: (.*)$", text, re.M)
        assert data_name, "the test expects name.sv on its own line"
        edited = text.replace(data_name.group(0), data_name.group(0).replace(data_name.group(1), "Redigerat namn HeBu-Vantaa"), 1)
        record.write_text(edited, encoding="utf-8")
        deadline = time.monotonic() + 60
        while "Redigerat namn HeBu-Vantaa" not in fetch():
            assert time.monotonic() < deadline, "the edited record did not show up"
            time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_facts_the_sources_lack_are_reported_as_gaps_not_guessed(site_dir):
    report = run([sys.executable, "build_pages.py", "gaps"], ROOT)
    assert report.returncode == 0, report.stderr
    text = report.stdout
    # No source gives HeBu-Vantaa's dates nor the publications' years: listed, not guessed.
    assert "`projects/hb-kokeilu-2020-2021/hebu-vantaa.yml:" in text and "`start`" in text and "`end`" in text
    assert "`year`" in text and "`settings.statement.feedback_email`" in text
    # The page says so instead of guessing.
    fi = soup(site_dir / "hankkeet" / "hebu-vantaa" / "index.html")
    assert "Toteutusaika: ei tiedossa" in content_text(fi), content_text(fi)


def test_long_lists_are_shown_page_by_page(repo_copy, tmp_path):
    """Past LIST_PAGE_SIZE projects the programme page continues on …/sivu-2/, and past
    LIST_PAGE_SIZE publications the publications index on julkaisut/sivu-2/, with the page
    numbers in a labelled nav, in every variant; the site still builds strictly."""
    from hbsite.render import LIST_PAGE_SIZE

    folder = repo_copy / "projects" / "hb-kokeilu-2020-2021"
    model = yaml.safe_load((folder / "hebu-vantaa.yml").read_text(encoding="utf-8"))
    keys = [v.key for v in VARIANTS]
    extra = LIST_PAGE_SIZE + 5 - len(list(folder.glob("*.yml")))
    for n in range(extra):  # every record has a name of its own
        label = {k: f"Uusi hanke {n} ({k})" for k in keys}
        write_record(repo_copy, f"projects/hb-kokeilu-2020-2021/lisahanke-{n:03d}.yml", model | {"name": label, "short_name": dict(label)})
    shelf = repo_copy / "projects" / "avain-kansalaisuuteen" / "julkaisut"
    one = yaml.safe_load(sorted(shelf.glob("*.yml"))[0].read_text(encoding="utf-8"))
    for n in range(LIST_PAGE_SIZE + 1 - len(PUBLICATIONS)):
        title = {"text": f"Julkaisu {n}", "lang": "fi", "translations": {k: f"Julkaisu {n} ({k})" for k in keys if k != "fi"}}
        write_record(repo_copy, f"projects/avain-kansalaisuuteen/julkaisut/lisajulkaisu-{n:03d}.yml", one | {"title": title})
    assert run([sys.executable, "build_pages.py"], repo_copy).returncode == 0
    out = tmp_path / "site"
    build = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)], repo_copy)
    assert build.returncode == 0, build.stderr
    for variant in VARIANTS:
        first = soup(out / variant.url_prefix / "hankkeet" / "hb-kokeilu-2020-2021" / "index.html")
        second = soup(out / variant.url_prefix / "hankkeet" / "hb-kokeilu-2020-2021" / "sivu-2" / "index.html")
        assert len(first.select("article h3")) == LIST_PAGE_SIZE
        assert len(second.select("article h3")) == 5
        for doc, current in ((first, "1"), (second, "2")):
            nav = doc.select_one("article nav.hb-pager[aria-label]")
            assert nav is not None
            assert current in nav.select_one('[aria-current="page"]').get_text()
            assert len(nav.select("a[href]")) == 1
        assert second.html["lang"] == variant.lang
        assert second.select_one("nav.hb-variants [aria-current]")
        shelf_first = soup(out / variant.url_prefix / "julkaisut" / "index.html")
        shelf_second = soup(out / variant.url_prefix / "julkaisut" / "sivu-2" / "index.html")
        assert len(shelf_first.select("article li span[id]")) == LIST_PAGE_SIZE
        assert len(shelf_second.select("article li span[id]")) == 1
        assert shelf_second.select_one("article h1") and shelf_second.select_one("article nav.hb-pager a[href]")
        assert shelf_first.select_one('article nav.hb-pager [aria-current="page"]')


def test_variants_built_in_parallel_make_the_same_site_and_a_failing_variant_fails(repo_copy, tmp_path):
    """`mkdocs build` builds groups of variants in other processes (hbsite/i18n.py): the site
    is byte for byte the one a build of one variant after the other makes, sitemap and search
    indexes included; a problem in a variant another process builds still fails the build,
    with its message."""
    gen = run([sys.executable, "build_pages.py"], repo_copy)
    assert gen.returncode == 0, gen.stdout + gen.stderr
    sites = {}
    for workers in ("1", "2", "4"):
        out = tmp_path / f"site-{workers}"
        env = {**os.environ, "HB_BUILD_WORKERS": workers, "NO_MKDOCS_2_WARNING": "1"}
        built = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], repo_copy, env=env)
        assert built.returncode == 0, built.stdout + built.stderr
        sites[workers] = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
                          if p.is_file() and p.suffix != ".gz"}
    assert sites["1"] == sites["2"] == sites["4"]
    assert "lattlast/search/search_index.json" in sites["2"] and "sitemap.xml" in sites["2"]

    page = repo_copy / "docs" / "lattlast" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Sidan](finns-inte.md)\n", encoding="utf-8")
    gen = run([sys.executable, "build_pages.py"], repo_copy)
    env = {**os.environ, "HB_BUILD_WORKERS": "2", "NO_MKDOCS_2_WARNING": "1"}
    built = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "broken")], repo_copy, env=env)
    assert built.returncode != 0
    assert "finns-inte.md" in built.stdout + built.stderr, "the other process's message is shown"
