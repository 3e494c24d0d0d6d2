"""tools/pr_summary.py: the pages a pull request adds, removes and edits, from two built sites."""
from __future__ import annotations

import sys
from pathlib import Path

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from pr_summary import summary  # noqa: E402


def page(site: Path, path: str, title: str, body: str, scripts: str = "") -> None:
    file = site / path / "index.html"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"<html><head><title>{title}</title>{scripts}</head><body>"
                    f'<article class="md-content__inner md-typeset"><h1>{title}</h1><p>{body}</p></article></body></html>', encoding="utf-8")


def test_the_summary_lists_added_removed_and_edited_pages_per_variant(tmp_path):
    base, head = tmp_path / "base", tmp_path / "head"
    page(base, "hankkeet/keusote", "Keusote", "Vanha teksti.")
    page(head, "hankkeet/keusote", "Keusote", "Uusi teksti.")
    page(base, "sv/hankkeet/keusote", "Keusote sv", "Samma.")
    page(head, "sv/hankkeet/keusote", "Keusote sv", "Samma.", scripts='<script src="bundle.2.js"></script>')
    page(head, "selko/hankkeet/uusi", "Uusi hanke", "Uusi.")
    page(base, "selko/hankkeet/vanha", "Vanha hanke", "Pois.")
    text = summary(base, head, "https://esikatselu.example.org/")
    assert "| Suomi | 0 | 0 | 1 |" in text
    assert "| Svenska | 0 | 0 | 0 |" in text, "a change of the theme's scripts only is no edit of the page"
    assert "| Selkosuomi | 1 | 1 | 0 |" in text
    assert "- muutettu: [/hankkeet/keusote/](https://esikatselu.example.org/hankkeet/keusote/) — Keusote" in text
    assert "- uusi: [/selko/hankkeet/uusi/](https://esikatselu.example.org/selko/hankkeet/uusi/) — Uusi hanke" in text
    assert "- poistettu: `/selko/hankkeet/vanha/` — Vanha hanke" in text


def test_no_change_says_so(tmp_path):
    page(tmp_path / "a", "", "Etusivu", "Sama.")
    page(tmp_path / "b", "", "Etusivu", "Sama.")
    assert "Muutos ei muuta yhtään sivua." in summary(tmp_path / "a", tmp_path / "b")
