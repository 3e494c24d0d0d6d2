"""Hostile records: markup, links and template syntax typed into every text of a record show on
the built pages as literal text, and no injected script runs in a real browser.

The records are written into a copy of the repo, the site is built exactly as CI builds it
(python build_pages.py && mkdocs build --strict), the HTML is read, and Chromium opens the
pages (the session `browser` of tests/conftest.py: with CI=true a missing Chromium or
Playwright fails the test instead of skipping it).
"""
from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import copy_repo, run
from tests.hb_fixtures import KEYS, PROGRAMME, VARIANTS, write_record, write_records

# Each payload sets window.__pwned (and calls alert) if it ever runs.
PAYLOADS = [
    '<script>window.__pwned="script";alert("script")</script>',
    "<img src=x onerror=\"window.__pwned='img';alert('img')\">",
    "<svg onload=\"window.__pwned='svg'\"><circle r=9></circle></svg>",
    '[linkki](javascript:window.__pwned="mdlink";alert("mdlink"))',
    "<a href=\"javascript:window.__pwned='a'\">klikkaa</a>",
    "![kuva](x\" onerror=\"window.__pwned='mdimg')",
    '<javascript:window.__pwned="autolink">',
    "{: onclick=\"window.__pwned='attrlist'\" }",
    "{{ 7*7 }}",
    "{% for x in range(3) %}X{% endfor %}",
    '</title><script>window.__pwned="title"</script>',
    "<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
    "<style>body{display:none}</style>",
    "*ei korostusta* `ei koodia` | ei taulukkoa",
]
PAYLOAD = " ".join(PAYLOADS)
PROJECT_SLUG = "vihamielinen-hanke"
PUBLICATION_SLUG = "vihamielinen-julkaisu"


def hostile(label: str) -> dict[str, str]:
    return {key: f"{label} {key}: {PAYLOAD}" for key in KEYS}


def hostile_project() -> dict:
    return {
        "kind": "project",
        "programme": PROGRAMME,
        "name": hostile("Nimi"),
        "short_name": hostile("Lyhyt nimi"),
        "summary": hostile("Tiivistelmä"),
        "organisers": [{"name": hostile("Hallinnoija"), "role": "administrator"},
                       {"name": hostile("Kumppani"), "role": "partner"}],
        "region": hostile("Alue"),
        "aims": {key: f"Tavoite {key}: {PAYLOAD}\n\nToinen kappale {key}: {PAYLOAD}" for key in KEYS},
        "quotes": [{
            "text": f"Lainaus: {PAYLOAD}",
            "lang": "fi",
            "translations": {key: f"Käännös {key}: {PAYLOAD}" for key in KEYS if key != "fi"},
            "source": hostile("Lainauksen lähde"),
        }],
        "background": [hostile("Tausta")],
        "funding": hostile("Rahoitus"),
        "universities": [hostile("Korkeakoulu")],
        "pilots": [hostile("Pilotti")],
        "partners": [hostile("Kumppani")],
        "website": {"name": f"Sivusto {PAYLOAD}", "url": "https://example.org/sivusto?a=1&b=2"},
        "grant": {"amount": 1000, "announced_on": "2020-09-17", "grantor": hostile("Myöntäjä"), "recipient": hostile("Saaja")},
        "link": {"text": hostile("Linkin teksti"), "targets": [{"url": "https://example.org/hanke?a=1&b=(2)", "lang": "fi"}]},
        "sources": [{"url": "https://example.org/lahde?a=1&b=(2)", "publisher": f"Julkaisija {PAYLOAD}", "title": f"Lähde {PAYLOAD}",
                     "lang": "fi", "read_on": "2026-12-01", "supports": ["grant"]}],
    }


def hostile_publication(slug_suffix: str = "", url: str = "https://example.org/julkaisu") -> dict:
    return {
        "kind": "publication",
        "project": PROJECT_SLUG,
        "title": {"text": f"Julkaisu{slug_suffix}: {PAYLOAD}", "lang": "fi",
                  "translations": {key: f"Julkaisun nimi {key}: {PAYLOAD}" for key in KEYS if key != "fi"}},
        "type": "final_publication",
        "extent": {"value": 73, "unit": "pages"},
        "language": "fi",
        "year": 2019,
        "link": {"text": hostile("Julkaisun linkki"), "targets": [{"url": url, "lang": "fi"}] if url else []},
        "sources": [{"url": "", "publisher": f"Julkaisija {PAYLOAD}", "title": f"Lähde {PAYLOAD}", "lang": "fi", "read_on": "2026-12-01"}],
    }


def normal(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """The repo copied, the hostile records added, the site built into a temporary folder."""
    base = tmp_path_factory.mktemp("hostile")
    repo = base / "repo"
    copy_repo(repo)
    write_records(repo, only_missing=True)  # the programme and a project when the real content is not there yet
    write_record(repo, f"projects/{PROGRAMME}/{PROJECT_SLUG}.yml", hostile_project())
    write_record(repo, f"projects/{PROJECT_SLUG}/julkaisut/{PUBLICATION_SLUG}.yml", hostile_publication())
    write_record(repo, f"projects/{PROJECT_SLUG}/julkaisut/{PUBLICATION_SLUG}-ilman-linkkia.yml", hostile_publication(" ilman linkkiä", url=""))
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"} | {"NO_MKDOCS_2_WARNING": "1"}
    generated = run([sys.executable, "build_pages.py"], repo, env=env)
    assert generated.returncode == 0, generated.stdout + generated.stderr
    out = base / "site"
    built = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], repo, env=env)
    assert built.returncode == 0, built.stdout + built.stderr
    return out


def page_file(site: Path, variant, path: str) -> Path:
    return site / variant.url_prefix / path / "index.html"


PAGES = [f"hankkeet/{PROJECT_SLUG}", f"hankkeet/{PROGRAMME}", "julkaisut", "hankkeet"]


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.key)
def test_every_payload_shows_as_literal_text(hostile_site, variant):
    doc = BeautifulSoup(page_file(hostile_site, variant, f"hankkeet/{PROJECT_SLUG}").read_text(encoding="utf-8"), "html.parser")
    text = normal(doc.select_one("article").get_text(" "))
    for payload in PAYLOADS:
        assert normal(payload) in text, payload
    # Name, organisers, region, aims (both paragraphs), quote, its source, link text, lists, funding, source.
    assert text.count(normal(PAYLOADS[0])) >= 14, text.count(normal(PAYLOADS[0]))
    assert "49" not in text and "XXX" not in text, "template syntax in a record is never evaluated"
    for label in ("Nimi", "Hallinnoija", "Kumppani", "Alue", "Tavoite", "Toinen kappale", "Lainauksen lähde", "Linkin teksti", "Tausta", "Rahoitus", "Korkeakoulu", "Pilotti"):
        assert f"{label} {variant.key}: {normal(PAYLOADS[0])}" in text, label
    assert f"Lainaus: {normal(PAYLOADS[0])}" in text, "the original quote is shown as written"
    title = normal(doc.title.get_text())
    assert title.startswith(f"Nimi {variant.key}: {normal(PAYLOADS[0])}"), title


def test_the_lists_and_the_programme_page_show_the_payloads_as_text(hostile_site):
    for variant in VARIANTS:
        for path in PAGES[1:]:
            doc = BeautifulSoup(page_file(hostile_site, variant, path).read_text(encoding="utf-8"), "html.parser")
            text = normal(doc.select_one("article").get_text(" "))
            if path == "julkaisut":
                assert normal(f"Julkaisu: {PAYLOAD}") in text or normal(f"Julkaisun nimi {variant.key}: {PAYLOAD}") in text, path
            elif path == f"hankkeet/{PROGRAMME}":
                assert f"Nimi {variant.key}: {normal(PAYLOADS[0])}" in text, path


def test_no_page_has_an_injected_element_or_attribute(hostile_site):
    checked = 0
    for html in hostile_site.rglob("*.html"):
        doc = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for element in doc.find_all(True):
            for name, value in element.attrs.items():
                value = " ".join(value) if isinstance(value, list) else str(value)
                assert not name.lower().startswith("on"), f"{html}: <{element.name} {name}=…>"
                assert not value.strip().lower().startswith(("javascript:", "data:text/html")), f"{html}: <{element.name} {name}={value[:60]}>"
                if name in ("href", "src", "srcdoc", "style", "action", "formaction") and not value.startswith("#"):
                    assert "__pwned" not in value, f"{html}: <{element.name} {name}={value[:60]}>"
            assert element.name not in ("iframe", "object", "embed", "svg") or "__pwned" not in str(element)
        for script in doc.find_all("script"):
            assert "__pwned" not in (script.string or ""), f"{html}: an injected <script>"
        for style in doc.find_all("style"):
            assert "display:none" not in (style.string or "").replace(" ", ""), f"{html}: an injected <style>"
        article = doc.select_one("article")
        if article is not None:
            assert not article.find_all(["script", "iframe", "object", "embed", "style", "img"]), html
            assert not [a for a in article.find_all("svg") if "__pwned" in str(a)]
        checked += 1
    assert checked >= 3 * len(PAGES)


def test_links_keep_their_address_and_show_their_text(hostile_site):
    for variant in VARIANTS:
        doc = BeautifulSoup(page_file(hostile_site, variant, f"hankkeet/{PROJECT_SLUG}").read_text(encoding="utf-8"), "html.parser")
        article = doc.select_one("article")
        link = next(a for a in article.select("a[href]") if a["href"].startswith("https://example.org/hanke"))
        assert link["href"] in ("https://example.org/hanke?a=1&b=(2)", "https://example.org/hanke?a=1&b=%282%29")
        assert normal(link.get_text(" ")).startswith(f"Linkin teksti {variant.key}: {normal(PAYLOADS[0])}")
        hrefs = [a["href"] for a in doc.select("a[href]")]
        assert not [h for h in hrefs if h.lower().startswith(("javascript:", "data:"))]


# ── in a real browser ──────────────────────────────────────────────────────────────────────
class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(hostile_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_no_injected_script_runs_in_chromium(hostile_url, browser):
    """`browser` (tests/conftest.py): Debian's Chromium through Playwright, one per session;
    without it the test is skipped, and with CI=true it fails."""
    dialogs: list[str] = []
    context = browser.new_context()
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(hostile_url) else route.abort())
        visited = searched = 0
        for variant in VARIANTS:
            for path in PAGES:
                url = f"{hostile_url}/{variant.url_prefix}{path}/"
                response = page.goto(url, wait_until="load")
                assert response is not None and response.ok, url
                page.wait_for_timeout(150)  # onerror/onload handlers fire right after load
                assert page.evaluate("typeof window.__pwned") == "undefined", (url, page.evaluate("window.__pwned"))
                assert page.evaluate("document.body && getComputedStyle(document.body).display") != "none", url
                visited += 1
            # Clicking the link texts of the payloads does not run them either.
            page.goto(f"{hostile_url}/{variant.url_prefix}hankkeet/{PROJECT_SLUG}/", wait_until="load")
            for text in ("klikkaa", "linkki"):
                for handle in page.locator("article").get_by_text(text).all()[:3]:
                    handle.click(timeout=2000, no_wait_after=True)
                    assert page.evaluate("typeof window.__pwned") == "undefined", text
            # Search results render the indexed text of the hostile page as HTML.
            page.keyboard.press("s")  # Material's shortcut: focus the search box
            page.keyboard.type("Hallinnoija")  # a word of the hostile texts in every variant
            results = page.locator(".md-search-result__item")
            try:
                results.first.wait_for(state="attached", timeout=5000)
            except Exception:  # noqa: BLE001 - the search itself is the accessibility suite's to test
                pass
            page.wait_for_timeout(300)
            assert page.evaluate("typeof window.__pwned") == "undefined", "search results"
            searched += results.count() > 0
        assert visited == len(VARIANTS) * len(PAGES)
        assert searched >= 1, "the search showed no result for the hostile page in any variant"
    finally:
        context.close()
    assert dialogs == [], dialogs
