"""Every page view in a real browser: not one failed request, console error or other host.

Each HTML page of the built site (every page type in every variant, the variants' 404 pages and
the root /404.html), plus a mistyped address at several depths (served the root 404 with status
404, as a static host does), is opened in Chromium; every request of the view is recorded until
the network is idle. A response with status ≥ 400 (other than the 404 of the mistyped address
itself), a request that fails, a console error or a request to any host but the site's fails
the test.
"""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from hbsite.variants import read_variants
from tests.conftest import ROOT, site_pages

VARIANTS = read_variants(ROOT / "mkdocs.yml")


def view(context, url: str) -> dict:
    """Open `url`, wait for the network to settle, and return what happened."""
    page = context.new_page()
    seen = {"requests": [], "failed": [], "bad_status": [], "console": [], "document_status": None}
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on("requestfailed", lambda request: seen["failed"].append(f"{request.url} ({request.failure})"))
    def on_console(message):
        # A mistyped address is answered 404 on purpose; Chromium logs that status of the
        # document itself as an error. Any other error counts.
        own_status = message.location.get("url") == url and message.text.startswith("Failed to load resource")
        if message.type == "error" and not (own_status and seen["document_status"] == 404):
            seen["console"].append(f"{message.text} ({message.location.get('url')})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: seen["console"].append(f"uncaught: {error}"))

    def on_response(response):
        if response.url == url:
            seen["document_status"] = response.status
        elif response.status >= 400:
            seen["bad_status"].append(f"{response.status} {response.url}")

    page.on("response", on_response)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    seen["page"] = page
    return seen


def assert_clean(seen: dict, site_url: str) -> None:
    site = urlsplit(site_url).netloc
    elsewhere = [u for u in seen["requests"] if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != site]
    assert not seen["bad_status"], seen["bad_status"]
    assert not seen["failed"], seen["failed"]
    assert not seen["console"], seen["console"]
    assert not elsewhere, f"requests to other hosts: {elsewhere}"


def test_every_page_view_is_clean(site_dir, site_url, browser_contexts):
    pages = site_pages(site_dir)
    assert len(pages) >= 16 * len(VARIANTS), pages
    context = browser_contexts["desktop"]
    problems = {}
    requests = 0
    for path in pages:
        seen = view(context, site_url + path)
        requests += len(seen["requests"])
        try:
            assert seen["document_status"] == 200, f"status {seen['document_status']}"
            assert_clean(seen, site_url)
        except AssertionError as error:
            problems[path] = str(error)
        finally:
            seen["page"].close()
    assert not problems, problems
    assert requests >= 5 * len(pages), "every view loads the page's scripts and styles too"


@pytest.mark.parametrize("missing", ["/ei-ole/", "/sv/finns-inte/alls/", "/hankkeet/ei-ole/kolme/syvaa/", "/x.html"])
def test_a_mistyped_address_gets_the_neutral_404_without_failed_requests(site_url, browser_contexts, missing):
    seen = view(browser_contexts["mobile"], site_url + missing)
    try:
        assert seen["document_status"] == 404
        assert_clean(seen, site_url)
        page = seen["page"]
        sections = page.locator("section.hb-not-found")
        assert sections.count() == len(VARIANTS)
        assert [sections.nth(i).get_attribute("lang") for i in range(len(VARIANTS))] == [v.lang for v in VARIANTS]
        # Every variant's home page and search are one link away and load without errors.
        for variant in VARIANTS:
            home = "/" + variant.url_prefix
            assert page.locator(f'section.hb-not-found a[href="{home}"]').count() == 1, home
            assert page.locator(f'section.hb-not-found a[href="{home}?q="]').count() == 1, home
    finally:
        seen["page"].close()


def test_the_language_links_lead_to_the_same_page_in_each_variant(site_url, browser_contexts):
    """Material must not take over the visible language links: each leads to the same page."""
    context = browser_contexts["desktop"]
    page = context.new_page()
    try:
        for variant in VARIANTS:
            page.goto(f"{site_url}/hankkeet/keusote/", wait_until="networkidle")
            page.locator("nav.hb-variants").get_by_role("link", name=variant.name, exact=True).click()
            page.wait_for_load_state("load")
            assert urlsplit(page.url).path == f"/{variant.url_prefix}hankkeet/keusote/", variant.key
            assert page.locator("nav.hb-variants a[aria-current=page]").inner_text() == variant.name
    finally:
        page.close()
