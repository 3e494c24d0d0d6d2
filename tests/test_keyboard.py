"""Keyboard use of the built site in Chromium: skip link first, focus always visible, no trap,
and the language links, the search and the navigation usable with the keyboard alone.

Sample: the home page, a project page, the publications index and the accessibility statement
of every variant, at 1280×900 and at 320×640 (where the navigation is a drawer).
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from hbsite.variants import read_variants
from tests.conftest import ROOT, VIEWPORTS, search_word

VARIANTS = read_variants(ROOT / "mkdocs.yml")
DEFAULT = next(v for v in VARIANTS if v.default)

# Remember how every focusable element looks unfocused, to compare with its focused look.
RECORD_UNFOCUSED = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
  window.__hbUnfocused = new Map();
  for (const e of document.querySelectorAll(selector)) {
    const s = getComputedStyle(e);
    window.__hbUnfocused.set(e, [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join("|"));
  }
  return window.__hbUnfocused.size;
}"""

# The focused element: what it is, whether its focus indicator differs from its unfocused look,
# whether it can be seen (in the viewport, not hidden, not covered by something else).
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return {body: true};
  if (!e.__hbId) e.__hbId = (window.__hbNext = (window.__hbNext || 0) + 1);
  const s = getComputedStyle(e);
  const now = [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join("|");
  const before = window.__hbUnfocused && window.__hbUnfocused.get(e);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
  const shadow = s.boxShadow && s.boxShadow !== "none";
  const r = e.getBoundingClientRect();
  const inView = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  let covered = null;
  if (inView) {
    // The first line box: a link that wraps has a bounding box wider than its text.
    const box = [...e.getClientRects()].find(b => b.width > 0 && b.height > 0) || r;
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    if (hit && hit !== e && !e.contains(hit) && !(e.tagName === "LABEL" && hit.closest("label") === e)) {
      covered = hit.outerHTML.slice(0, 120);
    }
  }
  return {
    id: e.__hbId, tag: e.tagName.toLowerCase(), text: (e.getAttribute("aria-label") || e.textContent || e.value || "").trim().replace(/\\s+/g, " ").slice(0, 50),
    cls: (e.className && e.className.baseVal === undefined ? e.className : "").toString().slice(0, 60),
    skip: e.classList.contains("md-skip"), href: e.getAttribute("href"),
    indicator: (outline || shadow) && now !== before, style: now, before,
    visible: inView && s.visibility === "visible" && parseFloat(s.opacity) > 0, covered,
    rect: [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)],
  };
}"""


def sample_paths(site_dir: Path, variant) -> list[str]:
    root = site_dir / variant.url_prefix
    projects = sorted(p.parent.name for p in (root / "hankkeet").glob("*/index.html"))
    project = next((p for p in projects if (root / "hankkeet" / p / "index.html").read_text(encoding="utf-8").count("<blockquote") > 0), projects[0] if projects else None)
    paths = ["", "julkaisut/", "saavutettavuusseloste/"]
    if project:
        paths.insert(1, f"hankkeet/{project}/")
    return paths


def describe(info: dict) -> str:
    return f"<{info.get('tag')} class='{info.get('cls')}'> “{info.get('text')}” at {info.get('rect')}"


def open_page(browser_contexts, viewport: str, url: str):
    page = browser_contexts[viewport].new_page()
    page.goto(url, wait_until="load")
    page.wait_for_function("() => document.querySelector('[data-md-component=search-result]') !== null")
    return page


def tab_to(page, predicate, limit: int = 80) -> dict:
    """Press Tab until the focused element satisfies predicate(info); fail after `limit` presses."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUSED)
        if not info.get("body") and predicate(info):
            return info
        seen.append(info.get("text", "(body)"))
    raise AssertionError(f"not reached with Tab in {limit} presses; focus went through: {seen}")


# ── Skip link, focus indicator, no trap ────────────────────────────────────────────────────

@pytest.mark.parametrize("viewport", list(VIEWPORTS), ids=str)
@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.key)
def test_tab_walk_skip_link_first_focus_visible_no_trap(site_dir, site_url, browser_contexts, variant, viewport):
    problems = []
    for path in sample_paths(site_dir, variant):
        url = f"{site_url}/{variant.url_prefix}{path}"
        page = open_page(browser_contexts, viewport, url)
        try:
            count = page.evaluate(RECORD_UNFOCUSED)
            page.keyboard.press("Tab")
            first = page.evaluate(FOCUSED)
            if not first.get("skip"):
                problems.append(f"{url} [{viewport}]: the first Tab reaches {describe(first)}, not the skip link")
            sequence, previous, cycled = [first], first.get("id"), False
            for _ in range(count + 10):
                page.keyboard.press("Tab")
                info = page.evaluate(FOCUSED)
                if info.get("covered"):
                    # Material sizes its sticky sidebars on scroll events, a frame or two after
                    # the browser scrolled the focused element into view: look again then.
                    page.wait_for_timeout(250)
                    info = page.evaluate(FOCUSED)
                if info.get("body"):
                    continue  # leaving the document for the browser's own UI, between rounds
                if info["id"] == previous:
                    problems.append(f"{url} [{viewport}]: Tab stays on {describe(info)} (a keyboard trap)")
                    break
                previous = info["id"]
                if info["id"] == first.get("id"):
                    cycled = True
                    break
                sequence.append(info)
            if not cycled and not any("trap" in p for p in problems):
                problems.append(f"{url} [{viewport}]: Tab did not come back round to the first element in {count + 10} presses")
            for info in sequence:
                if not info["visible"]:
                    problems.append(f"{url} [{viewport}]: focus on an element that cannot be seen: {describe(info)}")
                elif not info["indicator"]:
                    problems.append(f"{url} [{viewport}]: no visible focus indicator on {describe(info)} (focused {info['style']} / unfocused {info['before']})")
                elif info["covered"]:
                    problems.append(f"{url} [{viewport}]: focused {describe(info)} is covered by {info['covered']}")
            if len(sequence) < 5:
                problems.append(f"{url} [{viewport}]: only {len(sequence)} focusable elements reached")
        finally:
            page.close()
    assert not problems, "keyboard walk:\n" + "\n".join(problems)


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.key)
def test_skip_link_moves_to_the_content(site_url, browser_contexts, variant):
    page = open_page(browser_contexts, "desktop", f"{site_url}/{variant.url_prefix}")
    try:
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUSED)
        assert info.get("skip"), describe(info)
        target = info["href"]
        assert target and target.startswith("#"), target
        page.keyboard.press("Enter")
        page.wait_for_function("(hash) => location.hash === hash", arg=target)
        assert page.evaluate("(id) => !!document.getElementById(id) && !!document.getElementById(id).closest('article')", target[1:])
        # The next Tab continues from the content, not from the top of the page.
        page.keyboard.press("Tab")
        after = page.evaluate("() => !!document.activeElement.closest('article, .md-footer')")
        assert after, "after the skip link, Tab should continue inside the content"
    finally:
        page.close()


# ── Language links ─────────────────────────────────────────────────────────────────────────

def counterpart(path: str, source, target) -> str:
    rest = path[len(source.url_prefix):] if source.url_prefix else path
    return f"/{target.url_prefix}{rest}"


@pytest.mark.parametrize("viewport", list(VIEWPORTS), ids=str)
def test_language_links_work_with_tab_and_enter(site_dir, site_url, browser_contexts, viewport):
    """Round the variants on a project page: Tab to the next variant's link, Enter, and land on
    the same page in that variant (Suomi → Svenska → Selkosuomi → Suomi): every variant's link
    is followed once, from a page of another variant."""
    paths = sample_paths(site_dir, DEFAULT)
    path = paths[1] if paths[1].startswith("hankkeet/") else ""
    page = open_page(browser_contexts, viewport, f"{site_url}/{DEFAULT.url_prefix}{path}")
    try:
        source = DEFAULT
        for target in list(VARIANTS[1:]) + [DEFAULT]:
            here = page.url
            info = tab_to(page, lambda i: i["tag"] == "a" and i["text"] == target.name and "hb-" not in i["cls"], limit=12)
            assert info["visible"] and info["indicator"], f"{here}: the {target.name} link is not visibly focused: {describe(info)}"
            with page.expect_navigation() as navigation:
                page.keyboard.press("Enter")
            landed = urlsplit(page.url).path
            assert landed == counterpart(f"{source.url_prefix}{path}", source, target), f"{here}: {target.name} → {landed}"
            request = navigation.value.request if navigation.value else None
            assert request is None or request.redirected_from is None, (
                f"{here}: the {target.name} link went through a redirect from {request.redirected_from.url}"
            )
            assert page.evaluate("() => document.documentElement.lang") == target.lang, landed
            page.wait_for_function("() => document.querySelector('[data-md-component=search-result]') !== null")
            source = target
    finally:
        page.close()


# ── Search ─────────────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("viewport", list(VIEWPORTS), ids=str)
@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.key)
def test_search_works_with_the_keyboard(site_url, browser_contexts, variant, viewport):
    url = f"{site_url}/{variant.url_prefix}"
    page = open_page(browser_contexts, viewport, url)
    try:
        if viewport == "mobile":
            button = tab_to(page, lambda i: i["tag"] == "button" and "__search" in page.evaluate("() => document.activeElement.dataset.hbFor || ''"), limit=20)
            assert button["visible"] and button["indicator"], describe(button)
            page.keyboard.press("Enter")
            page.wait_for_function("() => document.activeElement.classList.contains('md-search__input')")
            assert page.evaluate("() => document.querySelector('[data-hb-for=__search]').getAttribute('aria-expanded')") == "true"
        else:
            tab_to(page, lambda i: "md-search__input" in i["cls"], limit=20)
        info = page.evaluate(FOCUSED)
        assert info["visible"] and info["indicator"], f"the search field is not visibly focused: {describe(info)}"
        page.keyboard.type(search_word(variant), delay=20)
        page.wait_for_selector(".md-search-result__item", state="visible", timeout=10_000)
        # The number of results is a status message, announced without moving the focus (4.1.3).
        status = page.evaluate("() => { const m = document.querySelector('.md-search-result__meta'); return [m.getAttribute('role'), m.textContent.trim()] }")
        assert status[0] == "status" and status[1], f"the result count is not a status message: {status}"
        with page.expect_navigation():
            page.keyboard.press("Enter")  # Material follows the best result
        landed = urlsplit(page.url).path
        assert landed.startswith(f"/{variant.url_prefix}"), f"a search in {variant.key} led to {landed}"
        for other in VARIANTS:
            if other.url_prefix and other is not variant:
                assert not landed.startswith(f"/{other.url_prefix}"), landed
    finally:
        page.close()


# ── Navigation ─────────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.key)
def test_navigation_drawer_works_with_the_keyboard_at_320px(site_url, browser_contexts, variant):
    url = f"{site_url}/{variant.url_prefix}"
    page = open_page(browser_contexts, "mobile", url)
    try:
        tab_to(page, lambda i: i["tag"] == "button" and page.evaluate("() => document.activeElement.dataset.hbFor") == "__drawer", limit=20)
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.getElementById('__drawer').checked")
        assert page.evaluate("() => document.querySelector('[data-hb-for=__drawer]').getAttribute('aria-expanded')") == "true"
        page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null")
        # Escape closes the drawer and gives focus back to its button.
        page.keyboard.press("Escape")
        page.wait_for_function("() => !document.getElementById('__drawer').checked && document.activeElement.dataset.hbFor === '__drawer'")
        # Open again, Tab to the publications link, Enter: the publications page of this variant.
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null")
        link = tab_to(page, lambda i: i["tag"] == "a" and (i["href"] or "").rstrip("/").endswith("julkaisut"), limit=15)
        assert link["visible"] and link["indicator"] and not link["covered"], describe(link)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert urlsplit(page.url).path == f"/{variant.url_prefix}julkaisut/"
    finally:
        page.close()


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.key)
def test_sidebar_navigation_works_with_the_keyboard_at_1280px(site_url, browser_contexts, variant):
    url = f"{site_url}/{variant.url_prefix}"
    page = open_page(browser_contexts, "desktop", url)
    try:
        link = tab_to(page, lambda i: "md-nav__link" in i["cls"] and (i["href"] or "").rstrip("/").endswith("saavutettavuusseloste"), limit=30)
        assert link["visible"] and link["indicator"], describe(link)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert urlsplit(page.url).path == f"/{variant.url_prefix}saavutettavuusseloste/"
    finally:
        page.close()
