"""The timeline and the page on where personal budgeting stands today (issue #14): events are
records, the pages list them from the data with their dates and sources, the gaps report asks
for old sources to be read again, and the corrections of the fact-check hold."""
from __future__ import annotations

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from hbsite.build import load_content
from hbsite.gaps import STALE_AFTER_DAYS, find_gaps
from hbsite.load import load_file
from hbsite.model import Topic
from hbsite.render import _date
from tests.conftest import ROOT
from tests.hb_fixtures import PROGRAMME, T, VARIANTS, make_repo, source, write_record

import typing

TOPICS = typing.get_args(Topic)
DEFAULT = next(v for v in VARIANTS if v.default)


@pytest.fixture(scope="module")
def content():
    loaded = load_content(ROOT)
    assert not loaded.problems, loaded.problems
    return loaded


def html(site_dir, variant, path: str) -> BeautifulSoup:
    file = site_dir / variant.url_prefix / path / "index.html"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def timeline_items(doc: BeautifulSoup) -> list:
    return doc.select("article .hb-timeline ol > li")


# ── the pages, built from the real records ────────────────────────────────────────────────
@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.key)
def test_the_timeline_lists_every_event_oldest_first_with_its_date_and_sources(site_dir, content, variant):
    events = content.records.events
    assert events, "the timeline has no events"
    items = timeline_items(html(site_dir, variant, "aikajana"))
    assert [li.select_one("span[id]")["id"] for li in items] == [e.slug for e in events]
    dates = [li.select_one("time")["datetime"] for li in items]
    # oldest first; a year ("2021") or a month ("2021-10") counts as its last day
    latest_day = {1: "-12-31", 2: "-31", 3: ""}
    assert dates == [e.record.date for e in events]
    assert dates == sorted(dates, key=lambda d: d + latest_day[len(d.split("-"))])
    for li, entry in zip(items, events):
        assert " ".join(getattr(entry.record.text, variant.key).split()) in " ".join(li.get_text(" ").split())
        hrefs = {a["href"] for a in li.select("a[href^='http']")}
        assert {s.url for s in entry.record.sources if s.url} <= hrefs, entry.slug
        for source in entry.record.sources:  # a publisher's name in another language is marked as such
            if source.url and source.lang != variant.lang:
                link = li.select_one(f'a[href="{source.url}"]')
                assert link.select_one(f'[lang="{source.lang}"]'), (entry.slug, str(link))
    sources = html(site_dir, variant, "aikajana").select("article h2 ~ ul a[href^='http']")
    assert {s.url for e in events for s in e.record.sources if s.url} <= {a["href"] for a in sources}


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.key)
def test_the_now_page_shows_each_topic_its_sources_and_when_it_was_checked(site_dir, content, variant):
    doc = html(site_dir, variant, "nyt")
    lists = doc.select("article .hb-timeline")
    assert len(lists) == len(TOPICS)
    for topic, block in zip(TOPICS, lists):
        wanted = [e.slug for e in content.records.events_of(topic)]
        assert wanted, f"no event has topic {topic}"
        assert [s["id"] for s in block.select("li > span[id]")] == wanted
    shown = [e for e in content.records.events if e.record.topic]
    listed = {a["href"] for a in doc.select("article h2 ~ ul a[href^='http']")}
    assert {s.url for e in shown for s in e.record.sources if s.url} <= listed
    # Only what the page shows: a source of an event without a topic is not listed.
    others = {s.url for e in content.records.events if not e.record.topic for s in e.record.sources} - {s.url for e in shown for s in e.record.sources}
    assert not (others & listed)
    oldest = min(s.read_on for e in shown for s in e.record.sources)
    assert _date(oldest) in doc.select_one("article").get_text()


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.key)
def test_the_home_page_names_every_variant_and_links_the_new_pages(site_dir, variant):
    doc = html(site_dir, variant, "")
    article = doc.select_one("article")
    text = " ".join(article.get_text(" ").split())
    for other in VARIANTS:
        assert other.name in text, f"{other.name} missing from the {variant.key} home page"
        if other.lang != variant.lang:
            assert article.find("span", lang=other.lang, string=other.name), other.name
    hrefs = {a["href"] for a in article.select("a[href]")}
    assert {"nyt/", "aikajana/"} <= hrefs


def test_the_language_list_is_not_typed_in_a_page():
    # The names come from mkdocs.yml through variant_names(); a page that types them drifts
    # (the Finnish front page once left lätt svenska out).
    for variant in VARIANTS:
        page = (ROOT / "docs" / variant.folder / "index.md").read_text(encoding="utf-8")
        assert "variant_names()" in page
        assert not any(f"{v.name}," in page for v in VARIANTS)


def test_the_root_404_is_in_the_default_variant_language_with_each_section_in_its_own(site_dir):
    doc = BeautifulSoup((site_dir / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert doc.html["lang"] == DEFAULT.lang
    for variant in VARIANTS:
        assert doc.select(f"main [lang='{variant.lang}']"), variant.key


def test_the_grant_date_is_named_and_labelled_as_the_announcement(site_dir, content):
    schema = json.loads((ROOT / "schemas" / "record.schema.json").read_text(encoding="utf-8"))
    grant = schema["$defs"]["Grant"]["properties"]
    assert "announced_on" in grant and "decided_on" not in grant
    strings = content.site.strings
    project = next(e for e in content.records.projects if e.record.grant)
    for variant in VARIANTS:
        text = " ".join(html(site_dir, variant, f"hankkeet/{project.slug}").select_one("article").get_text(" ").split())
        label = getattr(strings["grant_announced_on"], variant.key)
        assert f"{label} : {_date(project.record.grant.announced_on)}" in text.replace(":", " :")


# ── content gaps: sources to read again ───────────────────────────────────────────────────
def test_a_source_read_over_a_year_ago_is_listed_and_the_now_page_named(content):
    site_document, _ = load_file(ROOT / "site.yml", "site.yml")
    newest = max(s.read_on for e in content.records.all() for s in e.record.sources)
    today = datetime.date.fromisoformat(newest)
    fresh = find_gaps(content.records, content.site, site_document, today=today)
    assert not [g for g in fresh if g.field.endswith("read_on")]
    later = today + datetime.timedelta(days=STALE_AFTER_DAYS + 1)
    stale = [g for g in find_gaps(content.records, content.site, site_document, today=later) if g.field.endswith("read_on")]
    sources = sum(len(e.record.sources) for e in content.records.all())
    assert len(stale) == sources
    now_page = [g for g in stale if "stands today" in g.what]
    assert len(now_page) == sum(len(e.record.sources) for e in content.records.events if e.record.topic)


# ── an event record's own rules ───────────────────────────────────────────────────────────
def event(**fields) -> dict:
    return {"kind": "event", "date": "2022-03-04", "text": T("Jotain tapahtui"), **fields,
            "sources": [source("Tiedote", url="https://example.org/tiedote", publisher="STM", supports=["date", "text"])]}


@pytest.mark.parametrize("date, ok", [("2022", True), ("2022-03", True), ("2022-03-04", True),
                                      ("2022-13", False), ("2022-02-30", False), ("4.3.2022", False), ("2022-3", False)])
def test_an_event_date_is_a_year_a_month_or_a_day(tmp_path, date, ok):
    root = make_repo(tmp_path / "repo")
    path = write_record(root, "projects/aikajana/tapahtuma.yml", event(date=date))
    problems = [p for p in load_content(root).problems if p.file.endswith(path.name)]
    assert (problems == []) == ok, problems
    if not ok:
        assert problems[0].message.startswith("date: ") and problems[0].line == 3


def test_an_event_about_a_record_that_does_not_exist_is_refused_with_a_guess(tmp_path):
    root = make_repo(tmp_path / "repo")
    write_record(root, "projects/aikajana/tapahtuma.yml", event(about="hb-kokeilu-2020"))
    problems = [str(p) for p in load_content(root).problems]
    assert any(f"about: there is no programme / project 'hb-kokeilu-2020'" in p and f"did you mean '{PROGRAMME}'?" in p for p in problems), problems


def test_an_event_with_a_topic_not_on_the_now_page_is_refused(tmp_path):
    root = make_repo(tmp_path / "repo")
    write_record(root, "projects/aikajana/tapahtuma.yml", event(topic="news"))
    problems = [p for p in load_content(root).problems if p.file.endswith("tapahtuma.yml")]
    assert len(problems) == 1 and problems[0].message.startswith("topic: 'news' is not allowed"), problems


# ── results and the programme's own publications ──────────────────────────────────────────
@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.key)
def test_outcomes_and_a_programmes_publications_are_on_its_page(site_dir, content, variant):
    records = content.records
    with_outcome = [e for e in records.programmes + records.projects if e.record.outcome]
    assert with_outcome, "no record has an outcome"
    heading = getattr(content.site.strings["outcome"], variant.key)
    for entry in with_outcome:
        article = html(site_dir, variant, f"hankkeet/{entry.slug}").select_one("article")
        section = next(h for h in article.select("h2") if h.get_text(strip=True) == heading)
        first = getattr(entry.record.outcome, variant.key).split("\n\n")[0]
        assert " ".join(first.split())[:60] in " ".join(section.find_next_sibling().get_text(" ").split()), entry.slug
    for programme in records.programmes:
        article = html(site_dir, variant, f"hankkeet/{programme.slug}").select_one("article")
        ids = {s["id"] for s in article.select("li span[id]")}
        assert {p.slug for p in records.publications_of(programme.slug)} <= ids


def test_a_link_without_an_address_can_say_why(tmp_path):
    from tests.hb_fixtures import publication
    from tests.hb_fixtures import PUBLICATION, record_path

    root = make_repo(tmp_path / "repo")
    data = publication()
    data["unknown"] = {"link.targets": "Julkaisun osoitetta ei löytynyt."}
    write_record(root, record_path(PUBLICATION), data)
    loaded = load_content(root)
    assert not loaded.problems, loaded.problems
    gap = next(g for g in find_gaps(loaded.records, loaded.site) if g.field == "link.targets")
    assert gap.what.endswith("why: Julkaisun osoitetta ei löytynyt.")
    # Filled in, the note must go.
    data["link"]["targets"] = [{"url": "https://example.org/julkaisu", "lang": "fi"}]
    write_record(root, record_path(PUBLICATION), data)
    assert [p.message for p in load_content(root).problems] == ["unknown.link.targets: link.targets is filled in, so it is no longer unknown — delete this note"]
