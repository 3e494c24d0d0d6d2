"""The readability measures, with fixed figures for known sentences, and the real content:
every page of every variant with readability targets meets them, through the same code as
`build_pages.py check` (hbsite.gate.content_gate).

The measures need libvoikko and the Finnish dictionary (tools/ensure_tools.sh installs them);
under CI a missing Voikko fails the run, elsewhere these tests are skipped with the hint.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from hbsite import readability
from hbsite.build import load_content
from hbsite.gate import content_gate
from hbsite.report import page_prose
from hbsite.variants import read_variants
from tests.conftest import ROOT


pytestmark = pytest.mark.usefixtures("voikko")


def test_base_forms_and_syllables_come_from_voikko():
    assert readability.base_form("budjetoinnin") == "budjetointi"
    assert readability.base_form("hankkeessa") == "hanke"
    assert readability.base_form("palvelujärjestelmää") == "palvelujärjestelmä"
    assert readability.syllables("henkilökohtainen") == 6
    assert readability.syllables("budjetointi") == 4
    assert readability.syllables("asiakas") == 4  # a-si-a-kas: one-letter syllables count
    assert readability.syllables("hanke") == 2


@pytest.mark.parametrize("text, grade", [
    ("Hanke oli hyvä.", 2.7),  # no long words
    ("Budjetoinnissa hanke oli hyvä.", 2.7 + 30 * 1 / 4),  # budjetointi: 1 of 4 → 10.2
    ("Henkilökohtainen budjetointi kehittää palvelujärjestelmää.", 2.7 + 30 * 3 / 4),  # 3 of 4 → 25.2
    ("Asiakas sai apua vuonna 2020.", 2.7 + 30 * 1 / 4),  # numbers are not words for Wiio: 1 of 4 → 10.2
    ("Ihminen päättää itse, mitä apua hän saa.", 2.7),
])
def test_wiio_of_known_sentences(text, grade):
    assert readability.wiio(text) == pytest.approx(grade)


def test_wiio_figures_written_out():
    assert round(readability.wiio("Budjetoinnissa hanke oli hyvä."), 2) == 10.2
    assert round(readability.wiio("Henkilökohtainen budjetointi kehittää palvelujärjestelmää."), 2) == 25.2


@pytest.mark.parametrize("text, found", [
    ("Tämä on esim. näin.", ["esim."]),
    ("Mukana oli mm. Vantaa ym. kunnat jne.", ["mm.", "ym.", "jne."]),
    ("THL teki kokeilun.", ["THL"]),
    ("HB-malli on uusi.", ["HB"]),
    ("Det var t.ex. bra.", ["t.ex."]),  # letter-dot-letter-dot: in any language
    ("Vantaa ja Espoo tekivät hankkeen.", []),
    ("Eksote ja Essote ovat nimiä.", []),
])
def test_abbreviations_are_found(text, found):
    dotted = ("esim.", "mm.", "ym.", "jne.")
    assert readability.abbreviations(text, dotted) == found


def test_sentences_split_at_full_stops_and_lines_with_their_places():
    text = "Ensimmäinen lause. Toinen lause!\nOtsikko ilman pistettä\n\nKolmas lause?"
    assert readability.sentences(text) == ["Ensimmäinen lause.", "Toinen lause!", "Otsikko ilman pistettä", "Kolmas lause?"]
    assert readability.sentence_spans(text) == [(0, 18), (19, 32), (33, 55), (57, 70)]
    assert [len(readability.words(s)) for s in readability.sentences(text)] == [2, 2, 3, 2]


def test_lix_formula():
    # 6 words, 2 sentences, 3 words longer than 6 letters: 6/2 + 100*3/6
    assert readability.lix("Kommunerna utvecklade modellen. Det var bra.") == pytest.approx(6 / 2 + 100 * 3 / 6)


def test_page_prose_drops_markup_but_keeps_words_in_their_places():
    page = "---\nsearch:\n  exclude: true\n---\n# Otsikko\n\n- [Hankkeet]({{ link_to('x.md') }})\n{{ programme_list }}\n"
    prose = page_prose(page)
    assert "Otsikko" in prose and "Hankkeet" in prose
    assert "{{" not in prose and "exclude" not in prose and "#" not in prose
    assert len(prose) == len(page) and prose.index("Hankkeet") == page.index("Hankkeet")


def test_the_site_sets_the_selkosuomi_targets_in_mkdocs_yml():
    selko = {v.key: v for v in read_variants(ROOT / "mkdocs.yml")}["selko"].readability
    assert (selko.grade, selko.grade_max, selko.mean_sentence_max, selko.sentence_max, selko.abbreviations) == ("wiio", 5, 9, 15, False)


def test_every_page_with_targets_meets_them_in_the_real_content():
    content = load_content(ROOT)
    gate = content_gate(content)
    assert gate.voikko_missing is None
    readability_problems = [str(p) for p in gate.problems if "words" in p.message or "abbreviation" in p.message or "Wiio" in p.message or "LIX" in p.message]
    assert not readability_problems, "easy-to-read texts that miss a target (rewrite them):\n" + "\n".join(readability_problems)
    selko = [m for m in gate.measured if m.variant == "selko"]
    assert len(selko) >= 17 + 5, "every record and every hand-written page is measured"
    assert max(m.grade for m in selko) <= 5.0
    assert max(m.mean_words for m in selko) <= 9.0
    assert max(m.longest_words for m in selko) <= 15
    # every variant with targets: each page within its own variant's targets (mkdocs.yml)
    for m in gate.measured:
        t = m.targets
        assert t.grade_max is None or m.grade <= t.grade_max, (m.file, m.variant, m.grade)
        assert t.mean_sentence_max is None or m.mean_words <= t.mean_sentence_max, (m.file, m.variant, m.mean_words)
        assert t.sentence_max is None or m.longest_words <= t.sentence_max, (m.file, m.variant, m.longest_words)
    assert sum(len(m.abbreviations) for m in gate.measured) == 0


def test_the_check_report_prints_readability_and_lix():
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    result = subprocess.run([sys.executable, "build_pages.py", "check", "--readability"], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "worst Wiio" in result.stdout
    assert "sv hebu-vantaa: LIX" in result.stdout
