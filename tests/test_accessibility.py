"""Accessibility of the built site: axe-core on every page and state, language of parts,
and the selkosuomi presentation.

axe-core (node_modules/axe-core, installed by tools/ensure_tools.sh) runs in Debian's Chromium
on EVERY HTML page of every variant (404 pages included, found in the built site) at 1280×900
and 320×640, and on the interactive states: search open with results, the mobile drawer open,
the drawer's table-of-contents menu open. WCAG 2.0/2.1/2.2 A and AA rules must find nothing;
best-practice findings are printed in the session summary and do not fail.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from pydantic import BaseModel

from hbsite.variants import read_variants
from tests.conftest import CI, FORM_FOLDER, ROOT, VIEWPORTS, search_word, site_pages, worst_grades

VARIANTS = read_variants(ROOT / "mkdocs.yml")
DEFAULT = next(v for v in VARIANTS if v.default)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, tags: v.tags, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html, summary: n.failureSummary})),
  }));
}"""


def variant_of(path: str):
    for variant in VARIANTS:
        if variant.url_prefix and path.startswith("/" + variant.url_prefix):
            return variant
    return DEFAULT


def pages_of(site_dir: Path, variant) -> list[str]:
    return [p for p in site_pages(site_dir) if variant_of(p) is variant]


def run_axe(page, url: str, state: str, tally) -> list[str]:
    """axe-core on the page as it is now; WCAG problems as messages, best practice tallied."""
    results = page.evaluate(AXE_RUN, WCAG_TAGS + ["best-practice"])
    tally.axe_runs += 1
    problems = []
    for v in results:
        if not set(v["tags"]) & set(WCAG_TAGS):
            tally.best_practice.setdefault(v["id"], set()).add(f"{url} [{state}]")
            continue
        tally.violations += 1
        nodes = "\n".join(f"      {n['target']}: {n['html'][:200]}" for n in v["nodes"][:5])
        more = f"\n      … and {len(v['nodes']) - 5} more" if len(v["nodes"]) > 5 else ""
        problems.append(f"  {v['id']} ({v['impact']}): {v['help']}\n    on {url} [{state}]\n{nodes}{more}")
    return problems


def wait_ready(page) -> None:
    """The page is parsed and axe-core is there (and Material's search, on a page that has it:
    the root 404 belongs to no variant and has none)."""
    page.wait_for_function("() => window.axe !== undefined && (document.forms.namedItem('search') === null"
                           " || document.querySelector('[data-md-component=search-result]') !== null)")


# ── axe on every page ──────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("viewport", list(VIEWPORTS), ids=str)
@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.key)
def test_axe_finds_no_wcag_violation_on_any_page(site_dir, site_url, axe_contexts, a11y_tally, variant, viewport):
    paths = pages_of(site_dir, variant)
    assert paths, f"no pages found for {variant.key} in {site_dir}"
    page = axe_contexts[viewport].new_page()
    problems = []
    try:
        for path in paths:
            url = site_url + path
            page.goto(url, wait_until="load")
            wait_ready(page)
            problems += run_axe(page, url, viewport, a11y_tally)
            a11y_tally.pages.add(path)
    finally:
        page.close()
    assert not problems, f"axe-core found WCAG 2.2 A/AA violations ({variant.key}, {viewport}):\n" + "\n".join(problems)


# ── axe on the interactive states ──────────────────────────────────────────────────────────

def open_search_with_results(page, variant) -> None:
    """Open the search as a user would (the field at desktop, the button at 320 px), type a
    query that matches and wait for results."""
    button = page.locator(".md-header [data-hb-for=__search]")
    if button.is_visible():
        button.click()
    else:
        page.locator(".md-search__input").click()
    page.keyboard.type(search_word(variant), delay=20)
    page.wait_for_selector(".md-search-result__item", state="visible", timeout=10_000)
    page.wait_for_timeout(300)  # the dialog's opening transition


def open_drawer(page) -> None:
    page.locator(".md-header [data-hb-for=__drawer]").click()
    page.wait_for_function(
        "() => { const r = document.querySelector('.md-sidebar--primary').getBoundingClientRect();"
        " return document.getElementById('__drawer').checked && r.left >= 0; }"
    )


def open_toc_menu(page) -> None:
    """The drawer's nested menu: the current page's table of contents."""
    page.locator(".md-nav--primary label.md-nav__link[for=__toc]").first.click()
    page.wait_for_function("() => document.getElementById('__toc').checked")
    page.wait_for_timeout(300)


STATES = {
    # state name → (viewport, page path inside the variant, actions)
    "search-desktop": ("desktop", "", lambda page, v: open_search_with_results(page, v)),
    "search-mobile": ("mobile", "hankkeet/", lambda page, v: open_search_with_results(page, v)),
    "drawer-mobile": ("mobile", "hankkeet/", lambda page, v: open_drawer(page)),
    "toc-menu-mobile": ("mobile", "", lambda page, v: (open_drawer(page), open_toc_menu(page))),
}


@pytest.mark.parametrize("state", list(STATES), ids=str)
@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.key)
def test_axe_finds_no_wcag_violation_in_open_states(site_url, axe_contexts, a11y_tally, variant, state):
    viewport, path, act = STATES[state]
    page = axe_contexts[viewport].new_page()
    url = f"{site_url}/{variant.url_prefix}{path}"
    try:
        page.goto(url, wait_until="load")
        wait_ready(page)
        act(page, variant)
        problems = run_axe(page, url, state, a11y_tally)
        a11y_tally.states += 1
    finally:
        page.close()
    assert not problems, f"axe-core found WCAG 2.2 A/AA violations ({variant.key}, {state}):\n" + "\n".join(problems)


# ── Language of parts (3.1.2), on the built HTML ───────────────────────────────────────────

def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def lang_of(node) -> str | None:
    """The language a node is in: its nearest lang attribute."""
    element = node if getattr(node, "attrs", None) is not None else node.parent
    while element is not None:
        if getattr(element, "attrs", None) and element.get("lang"):
            return element["lang"]
        element = element.parent
    return None


def other_variants():
    return [v for v in VARIANTS if v.lang != DEFAULT.lang]


@pytest.mark.parametrize("variant", other_variants(), ids=lambda v: v.key)
def test_finnish_quotes_and_titles_on_other_language_pages_carry_lang_fi(site_dir, variant):
    quotes = titles = 0
    for html in sorted((site_dir / variant.url_prefix).rglob("index.html")):
        doc = soup(html)
        article = doc.select_one("article")
        for quote in article.select("blockquote"):
            assert quote.get("lang"), f"{html}: a quote without lang: {str(quote)[:120]}"
            quotes += quote["lang"] == DEFAULT.lang
        # A publication: <li><span id=slug></span><title>… — the title keeps its own language.
        for anchor in article.select("li > span[id]:first-child"):
            if anchor.find_parent(class_="hb-timeline"):  # an event, not a publication (test_timeline.py)
                continue
            item = anchor.parent
            marked = item.select(f'[lang="{DEFAULT.lang}"]')
            assert marked, f"{html}: publication {anchor['id']} has no title marked lang={DEFAULT.lang}: {item.get_text(' ', strip=True)[:120]}"
            titles += 1
    assert quotes, f"no quote with lang={DEFAULT.lang} found on any {variant.key} page"
    assert titles, f"no publication title found on any {variant.key} page"


@pytest.mark.parametrize("variant", other_variants(), ids=lambda v: v.key)
def test_texts_kept_in_finnish_sit_inside_lang_fi(site_dir, variant):
    """A record text identical in Finnish and in this variant (a name with no translation, such
    as Karviainen or Metropolia) is shown inside an element with lang="fi" wherever it stands
    alone (a text node of exactly that text) on a page rendered from the records."""
    from hbsite.build import load_content

    content = load_content(ROOT)
    kept: set[str] = set()

    def walk(value):
        if isinstance(value, BaseModel):
            fields = type(value).model_fields
            if variant.key in fields and DEFAULT.key in fields:
                own, default = getattr(value, variant.key), getattr(value, DEFAULT.key)
                if isinstance(own, str) and own == default:
                    kept.add(" ".join(own.split()))
                return
            for name in fields:
                walk(getattr(value, name))
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for entry in content.records.all():
        walk(entry.record)
    assert kept, "no text kept in Finnish found in the records"

    checked, wrong = set(), []
    for html in sorted((site_dir / variant.url_prefix / "hankkeet").rglob("index.html")):
        article = soup(html).select_one("article")
        for text in article.find_all(string=True):
            value = " ".join(text.split())
            if value in kept:
                checked.add(value)
                if lang_of(text) != DEFAULT.lang:
                    wrong.append(f"{html.relative_to(site_dir)}: “{value}” is in lang={lang_of(text)}, not {DEFAULT.lang}: {str(text.parent)[:160]}")
    assert not wrong, "Finnish names on a non-Finnish page without lang=fi:\n" + "\n".join(wrong)
    assert checked, f"none of the kept Finnish texts appear on the {variant.key} project pages"
    names = [n for n in ("Karviainen", "Metropolia") if any(n in k for k in kept)]
    assert any(any(n in c for c in checked) for n in names) or not names, f"{names} not found on {variant.key} pages"


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.key)
def test_language_links_carry_their_own_lang(site_dir, variant):
    for html in sorted((site_dir / variant.url_prefix).rglob("index.html")):
        if variant is DEFAULT and any(html.relative_to(site_dir).as_posix().startswith(p) for p in [FORM_FOLDER] + [v.url_prefix for v in VARIANTS if v.url_prefix]):
            continue
        doc = soup(html)
        assert doc.html["lang"] == variant.lang, html
        links = doc.select("nav.hb-variants a")
        assert [a.get("lang") for a in links] == [v.lang for v in VARIANTS], html
        assert [a.get("hreflang") for a in links if a.get("hreflang")], html


# ── Selkosuomi presentation (Selkokeskus guidance) ─────────────────────────────────────────

# The easy-to-read variants (mkdocs.yml: a readability block with targets), each with the
# standard variant of its language, the reader's way back ("Suomi" for selkosuomi).
EASY = [v for v in VARIANTS if v.readability and v.readability.has_targets]
STANDARD = {v.key: next(u for u in VARIANTS if u.lang == v.lang and u not in EASY) for v in EASY}
MAX_CHARS_PER_LINE = 60

MEASURE = """() => {
  const article = document.querySelector("article.md-content__inner");
  const paragraphs = [...article.querySelectorAll("p, li, figcaption")]
    .filter(p => p.textContent.trim().length > 40 && !p.classList.contains("hb-badge"));
  const canvas = document.createElement("canvas").getContext("2d");
  const rows = paragraphs.map(p => {
    const s = getComputedStyle(p);
    canvas.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const text = p.textContent.replace(/\\s+/g, " ").trim();
    const perChar = canvas.measureText(text).width / text.length;
    const width = p.getBoundingClientRect().width;
    return {
      text: text.slice(0, 50), width, fontSize: parseFloat(s.fontSize),
      lineHeight: parseFloat(s.lineHeight) / parseFloat(s.fontSize),
      chars: width / perChar, zeros: width / canvas.measureText("0").width,
      align: s.textAlign, hyphens: s.hyphens || s.webkitHyphens,
    };
  });
  const badge = document.querySelector(".hb-badge");
  const b = badge && badge.getBoundingClientRect();
  const bs = badge && getComputedStyle(badge);
  return {rows, badge: badge ? {text: badge.textContent.trim(), w: b.width, h: b.height,
          visible: bs.visibility === "visible" && bs.display !== "none" && parseFloat(bs.opacity) > 0} : null};
}"""


def easy_sample(site_dir: Path, easy) -> list[str]:
    wanted = ["", "hankkeet/", "julkaisut/", "saavutettavuusseloste/"]
    projects = sorted(p.parent.name for p in (site_dir / easy.url_prefix / "hankkeet").glob("*/index.html"))
    return wanted + [f"hankkeet/{p}/" for p in projects[:3]]


def test_there_is_an_easy_to_read_variant():
    assert EASY, "mkdocs.yml lists no variant with readability targets"


@pytest.mark.parametrize("easy", EASY, ids=lambda v: v.key)
@pytest.mark.parametrize("viewport", list(VIEWPORTS), ids=str)
def test_easy_to_read_presentation(site_dir, site_url, browser_contexts, viewport, easy):
    standard = STANDARD[easy.key]
    page = browser_contexts[viewport].new_page()
    problems, measured = [], 0
    try:
        base_size = None
        page.goto(f"{site_url}/{DEFAULT.url_prefix}", wait_until="load")
        rows = page.evaluate(MEASURE)["rows"]
        base_size = max(r["fontSize"] for r in rows) if rows else 16.0
        for path in easy_sample(site_dir, easy):
            url = f"{site_url}/{easy.url_prefix}{path}"
            page.goto(url, wait_until="load")
            result = page.evaluate(MEASURE)
            badge = result["badge"]
            if not badge or not badge["visible"] or badge["w"] < 10 or badge["text"] != easy.name:
                problems.append(f"{url}: no visible “{easy.name}” label ({badge})")
            for r in result["rows"]:
                measured += 1
                where = f"{url} “{r['text']}…”"
                if r["fontSize"] <= base_size:
                    problems.append(f"{where}: font {r['fontSize']}px is not larger than the standard pages' {base_size}px")
                if r["chars"] > MAX_CHARS_PER_LINE:
                    problems.append(f"{where}: about {r['chars']:.0f} characters a line (at most {MAX_CHARS_PER_LINE})")
                if r["align"] not in ("left", "start"):
                    problems.append(f"{where}: text-align {r['align']}")
                if r["hyphens"] not in ("none", "manual"):
                    problems.append(f"{where}: hyphens {r['hyphens']}")
                if r["lineHeight"] < 1.6:
                    problems.append(f"{where}: line-height {r['lineHeight']:.2f} < 1.6")
            # The way back to the standard language: the language link of its standard variant.
            link = page.locator(f'nav.hb-variants a[hreflang="{standard.hreflang}"]')
            assert link.count() == 1 and link.is_visible(), f"{url}: no visible link to the {standard.name} page"
            target = urlsplit(urljoin(url, link.get_attribute("href"))).path
            assert target == f"/{standard.url_prefix}{path}", f"{url}: the {standard.name} link goes to {target}"
    finally:
        page.close()
    assert measured, f"no paragraph measured on the {easy.name} pages"
    assert not problems, f"{easy.name} presentation:\n" + "\n".join(problems)


@pytest.mark.parametrize("easy", EASY, ids=lambda v: v.key)
def test_every_easy_to_read_page_has_the_label_and_a_link_to_the_standard_language(site_dir, easy):
    standard = STANDARD[easy.key]
    pages = sorted((site_dir / easy.url_prefix).rglob("index.html"))
    assert pages
    for html in pages:
        doc = soup(html)
        rel = html.parent.relative_to(site_dir / easy.url_prefix).as_posix()
        rel = "" if rel == "." else rel + "/"
        badge = doc.select_one("article .hb-badge")
        assert badge is not None and badge.get_text(strip=True) == easy.name, f"{html}: no “{easy.name}” label"
        links = doc.select(f'nav.hb-variants a[hreflang="{standard.hreflang}"][lang="{standard.lang}"]')
        assert len(links) == 1, f"{html}: no language link to {standard.name}"
        target = urlsplit(urljoin(f"http://x/{easy.url_prefix}{rel}", links[0]["href"])).path
        assert target == f"/{standard.url_prefix}{rel}", f"{html}: the {standard.name} link goes to {target}"


def test_selko_readability_is_measured(a11y_tally):
    """The worst Wiio grade goes into the summary line; without Voikko that is a CI failure."""
    from hbsite.readability import VoikkoMissing

    try:
        a11y_tally.worst_wiio = worst_grades()
    except VoikkoMissing as error:
        a11y_tally.wiio_problem = str(error)
        if CI:
            pytest.fail(f"{error} (CI=true: a missing tool is a failure, never a skip)", pytrace=False)
        pytest.skip(f"{error}; install it with `bash tools/setup.sh --all`")
    assert a11y_tally.worst_wiio is not None
