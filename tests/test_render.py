"""Unit tests of the renderer's escaping and of the writer's incremental, atomic writes."""
from __future__ import annotations

import time

import markdown
import pytest

from hbsite.render import Page, md_escape, md_paragraphs
from hbsite.write import write_pages

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]


def to_html(md: str) -> str:
    return markdown.markdown(md, extensions=EXTENSIONS)


@pytest.mark.parametrize(
    "text, shown",
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
        ("{{ 7*7 }} {% if x %}", "{{ 7*7 }} {% if x %}"),
        ("1. ei lista", "1. ei lista"),
        ("- ei lista", "- ei lista"),
        ("# ei otsikko", "# ei otsikko"),
        ("*ei* _korostus_ `ei koodi`", "*ei* _korostus_ `ei koodi`"),
        ("a | b", "a | b"),
        ("{: onclick=alert(1) }", "{: onclick=alert(1) }"),
        ("8.1.2020–31.12.2021 (THL): HeBu-Vantaa", "8.1.2020–31.12.2021 (THL): HeBu-Vantaa"),
        ("&lt; on jo entiteetti", "&amp;lt; on jo entiteetti"),
    ],
)
def test_plain_text_renders_as_exactly_that_text(text, shown):
    assert to_html(md_escape(text)) == f"<p>{shown}</p>"


def test_paragraphs_split_on_blank_lines_only():
    html = to_html(md_paragraphs("Eka rivi\njatkuu.\n\nToinen kappale."))
    assert html == "<p>Eka rivi jatkuu.</p>\n<p>Toinen kappale.</p>"


def test_writer_keeps_unchanged_files_and_removes_stale_ones(tmp_path):
    docs = tmp_path / "docs"
    hand_written = docs / "fi" / "b" / "index.md"  # an editor's page beside the generated ones
    hand_written.parent.mkdir(parents=True)
    hand_written.write_text("{{ t('x') }}")
    first = [Page("fi", "a.md", "A"), Page("fi", "b/c.md", "C"), Page("sv", "a.md", "A sv"),
             Page("fi", "b/index.md", "rendered", hand_written=True)]
    report = write_pages(first, tmp_path)
    assert (report.written, report.unchanged, report.removed) == (4, 0, 0)
    assert (tmp_path / "build" / "pages" / "fi" / "b" / "index.md").read_text() == "rendered"
    assert hand_written.read_text() == "{{ t('x') }}", "the generator never writes a hand-written page"
    stamp = (docs / "fi" / "a.md").stat().st_mtime_ns
    time.sleep(0.01)
    report = write_pages([Page("fi", "a.md", "A"), Page("sv", "a.md", "A sv muutettu")], tmp_path)
    assert (report.written, report.unchanged, report.removed) == (1, 1, 2)
    assert (docs / "fi" / "a.md").stat().st_mtime_ns == stamp
    assert not (docs / "fi" / "b" / "c.md").exists() and hand_written.exists(), "only what the generator wrote is removed"
    assert not (tmp_path / "build" / "pages" / "fi").exists(), "the empty folder of a deleted page is removed"
    assert (docs / "sv" / "a.md").read_text() == "A sv muutettu"
    assert not [p for p in tmp_path.rglob("*.tmp")]
