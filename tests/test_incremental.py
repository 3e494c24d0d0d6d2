"""The generator is incremental and reproducible (docs/ only; the site build is in test_site.py).

Runs the real pipeline (hbsite.build.build, with its cache in build/cache/) on a copy of the
real records in a temporary folder. No timing is asserted here: bench/bench.py measures.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
import yaml

from hbsite.build import build
from hbsite.variants import read_variants
from tests.conftest import ROOT

INPUTS = ("mkdocs.yml", "site.yml", "pages", "templates", "projects")
OLD = 1_000_000_000  # 2001-09-09: an mtime no build can produce by itself


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch):
    monkeypatch.delenv("HB_NO_CACHE", raising=False)


def copy_inputs(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            shutil.copy2(source, dest / name)
    return dest


@pytest.fixture
def repo(tmp_path) -> Path:
    return copy_inputs(tmp_path / "repo")


def tree(docs: Path) -> dict[str, tuple[str, int]]:
    """Every file in docs/: its content hash and mtime."""
    return {
        p.relative_to(docs).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(docs.rglob("*")) if p.is_file()
    }


def contents(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def age(docs: Path) -> None:
    """Give every file an old mtime, so that any rewrite shows even on a coarse clock."""
    for p in docs.rglob("*"):
        if p.is_file():
            os.utime(p, ns=(OLD * 10**9, OLD * 10**9))


def regional_project(repo: Path) -> Path:
    """A project of a programme (its pages: its own and the programme's list)."""
    candidates = []
    for path in sorted((repo / "projects").rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("kind") == "project" and data.get("programme"):
            candidates.append(path)
    assert candidates, "the records have no project of a programme"
    return candidates[0]


def rewrite(path: Path, change) -> None:
    """Change a record's data, keep its first line (the schema line the loader asks for)."""
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    data = yaml.safe_load(text)
    change(data)
    path.write_text(first + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def mark_edited(data: dict) -> None:
    for field in ("name", "short_name", "summary"):
        data[field] = {key: f"{value} (muokattu)" for key, value in data[field].items()}


def test_an_unchanged_regeneration_writes_nothing_and_keeps_every_mtime(repo):
    _, pages, first = build(repo)
    assert first.written == len(pages) > 0
    docs = repo / "docs"
    age(docs)
    before = tree(docs)
    _, _, again = build(repo)
    assert (again.written, again.removed, again.unchanged) == (0, 0, len(pages))
    assert tree(docs) == before, "an unchanged run changed bytes or an mtime"
    assert not list(docs.rglob("*.tmp"))


def test_one_edited_record_rewrites_only_the_pages_that_show_it(repo):
    variants = read_variants(repo / "mkdocs.yml")
    build(repo)
    docs = repo / "docs"
    record = regional_project(repo)
    slug = record.stem
    own = {f"{v.key}/hankkeet/{slug}.md" for v in variants}
    # The overview and index pages that list the record: every other page that links to it.
    listing = {name for name, data in contents(docs).items()
               if name not in own and f"{slug}.md".encode() in data}
    assert listing, f"no page lists {slug}"
    age(docs)
    before = tree(docs)

    rewrite(record, mark_edited)
    _, _, report = build(repo)

    after = tree(docs)
    changed = {name for name in after if after[name] != before.get(name)}
    assert changed == own | listing
    assert report.written == len(changed) and report.removed == 0
    for name in changed:
        assert after[name][1] != OLD * 10**9 and after[name][0] != before[name][0]
    for name in set(after) - changed:
        assert after[name] == before[name], f"{name} was rewritten although it does not show {slug}"


def test_a_deleted_record_loses_its_pages(repo):
    variants = read_variants(repo / "mkdocs.yml")
    build(repo)
    docs = repo / "docs"
    record = regional_project(repo)
    slug = record.stem
    own = {f"{v.key}/hankkeet/{slug}.md" for v in variants}
    assert all((docs / name).exists() for name in own)

    record.unlink()
    _, pages, report = build(repo)

    assert not any((docs / name).exists() for name in own)
    assert report.removed == len(own)
    left = contents(docs)
    assert set(left) == {f"{p.variant}/{p.path}" for p in pages}
    assert not [name for name, data in left.items() if f"{slug}.md".encode() in data], "a page still links to the deleted record"


def test_two_full_builds_give_byte_identical_docs(tmp_path):
    # Two copies in different folders, each built from nothing (no docs/, no build/ cache).
    a = copy_inputs(tmp_path / "a")
    b = copy_inputs(tmp_path / "elsewhere" / "b")
    build(a)
    build(b)
    assert contents(a / "docs") == contents(b / "docs")
    # ...and a third from the same records with a warm cache: the same bytes again.
    shutil.rmtree(a / "docs")
    build(a)
    assert contents(a / "docs") == contents(b / "docs")


@pytest.mark.parametrize("edit", ["project", "publication", "programme", "site", "delete", "add", "template"])
def test_the_cache_never_changes_the_output(repo, tmp_path, monkeypatch, edit):
    """After any kind of change, a build that reuses the cache gives exactly what a build
    without any cache gives."""
    build(repo)  # fills build/cache/
    projects = sorted((repo / "projects").rglob("*.yml"))
    kinds = {p: yaml.safe_load(p.read_text(encoding="utf-8")).get("kind") for p in projects}
    of_kind = lambda kind: next(p for p in projects if kinds[p] == kind)
    if edit == "project":
        rewrite(regional_project(repo), mark_edited)
    elif edit == "publication":
        rewrite(of_kind("publication"), lambda d: d["title"].update(text=d["title"]["text"] + " (muokattu)"))
    elif edit == "programme":
        rewrite(of_kind("programme"), mark_edited)
    elif edit == "site":
        site = repo / "site.yml"
        site.write_text(site.read_text(encoding="utf-8").replace('fi: "Tavoitteet"', 'fi: "Tavoitteet (muokattu)"'), encoding="utf-8")
    elif edit == "delete":
        regional_project(repo).unlink()
    elif edit == "add":
        source = regional_project(repo)
        shutil.copy2(source, source.with_name("uusi-hanke.yml"))
    elif edit == "template":
        template = repo / "templates" / "project.md.j2"
        template.write_text(template.read_text(encoding="utf-8") + "\n<!-- muokattu -->\n", encoding="utf-8")
    build(repo)
    cached = contents(repo / "docs")

    fresh = tmp_path / "fresh"
    shutil.copytree(repo, fresh, ignore=shutil.ignore_patterns("docs", "build"))
    monkeypatch.setenv("HB_NO_CACHE", "1")
    build(fresh)
    assert cached == contents(fresh / "docs")
    assert not (fresh / "build").exists(), "HB_NO_CACHE=1 must not write a cache"


def test_the_readability_summary_is_the_same_from_the_cache(repo, monkeypatch):
    pytest.importorskip("libvoikko")
    from hbsite.build import load_content
    from hbsite.report import readability_summary

    first = readability_summary(load_content(repo))  # measures, and keeps the results
    if "not measured" in first:
        pytest.skip(first)
    assert (repo / "build" / "cache" / "memo-readability.pickle").exists()
    again = readability_summary(load_content(repo))  # from build/cache/
    monkeypatch.setenv("HB_NO_CACHE", "1")
    assert first == again == readability_summary(load_content(repo))


@pytest.mark.parametrize("snippet", [
    "{% for slug in by_slug %}{{ slug }} {% endfor %}",
    "{% for e in by_slug.values() %}{{ e.slug }} {% endfor %}",
    "{% for e in records.all() %}{{ e.slug }} {% endfor %}",
    "{% for p in records.projects %}{{ p.slug }} {% endfor %}",
])
def test_the_cache_follows_a_page_that_reads_the_records_in_other_ways(repo, tmp_path, monkeypatch, snippet):
    """A hand-written page that goes through the records by itself, reading only their slugs:
    a record added later must still show on it when the cache is used."""
    page = repo / "pages" / "index.fi.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + snippet + "\n", encoding="utf-8")
    build(repo)
    source = regional_project(repo)
    shutil.copy2(source, source.with_name("uusi-hanke.yml"))
    build(repo)
    assert b"uusi\\-hanke" in (repo / "docs" / "fi" / "index.md").read_bytes()  # Markdown-escaped

    fresh = tmp_path / "fresh"
    shutil.copytree(repo, fresh, ignore=shutil.ignore_patterns("docs", "build"))
    monkeypatch.setenv("HB_NO_CACHE", "1")
    build(fresh)
    assert contents(repo / "docs") == contents(fresh / "docs")
