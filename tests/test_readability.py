"""Selkosuomi made measurable: every easy-to-read page meets the targets; LIX is reported.

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
from hbsite.report import MEAN_WORDS_MAX, SENTENCE_WORDS_MAX, WIIO_MAX, measure_selko, page_prose
from tests.conftest import ROOT


@pytest.fixture(scope="module", autouse=True)
def voikko():
    try:
        readability.base_form("hanke")
    except readability.VoikkoMissing as missing:
        if os.environ.get("CI") == "true":
            pytest.fail(str(missing))
        pytest.skip(str(missing))


def test_base_forms_and_syllables_come_from_voikko():
    assert readability.base_form("budjetoinnin") == "budjetointi"
    assert readability.base_form("hankkeessa") == "hanke"
    assert readability.syllables("henkilökohtainen") == 6
    assert readability.syllables("hanke") == 2


def test_wiio_counts_words_whose_base_form_is_long():
    # "budjetoinnissa" → budjetointi (4 syllables); "hanke", "oli", "hyvä" are short.
    assert readability.wiio("Hanke oli hyvä.") == pytest.approx(2.7)
    assert readability.wiio("Budjetoinnissa hanke oli hyvä.") == pytest.approx(2.7 + 30 * 1 / 4)


@pytest.mark.parametrize("text, found", [
    ("Tämä on esim. näin.", ["esim."]),
    ("Mukana oli mm. Vantaa ym. kunnat jne.", ["mm.", "ym.", "jne."]),
    ("THL teki kokeilun.", ["THL"]),
    ("HB-malli on uusi.", ["HB"]),
    ("Vantaa ja Espoo tekivät hankkeen.", []),
    ("Eksote ja Essote ovat nimiä.", []),
])
def test_abbreviations_are_found(text, found):
    assert readability.abbreviations(text) == found


def test_sentences_split_at_full_stops_and_lines():
    text = "Ensimmäinen lause. Toinen lause!\nOtsikko ilman pistettä\n\nKolmas lause?"
    assert readability.sentences(text) == ["Ensimmäinen lause.", "Toinen lause!", "Otsikko ilman pistettä", "Kolmas lause?"]


def test_lix_formula():
    # 6 words, 2 sentences, 3 words longer than 6 letters: 6/2 + 100*3/6
    assert readability.lix("Kommunerna utvecklade modellen. Det var bra.") == pytest.approx(6 / 2 + 100 * 3 / 6)


def test_page_prose_drops_markup_but_keeps_words():
    prose = page_prose("---\nsearch:\n  exclude: true\n---\n# Otsikko\n\n- [Hankkeet]({{ link_to('x.md') }})\n{{ programme_list }}\n")
    assert "Otsikko" in prose and "Hankkeet" in prose
    assert "{{" not in prose and "exclude" not in prose and "#" not in prose


def test_every_selkosuomi_page_meets_the_targets():
    measured = measure_selko(load_content(ROOT))
    assert len(measured) >= 17 + 5, "every record and every hand-written page is measured"
    misses = [f"{m.file}: {'; '.join(m.misses())}" for m in measured if m.misses()]
    assert not misses, "selkosuomi texts that miss a target (rewrite them):\n" + "\n".join(misses)
    assert max(m.wiio for m in measured) <= WIIO_MAX
    assert max(m.mean_words for m in measured) <= MEAN_WORDS_MAX
    assert max(m.longest_words for m in measured) <= SENTENCE_WORDS_MAX


def test_the_build_report_prints_readability_and_lix():
    result = subprocess.run([sys.executable, "build_pages.py", "check", "--readability"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "worst Wiio" in result.stdout
    assert "sv hebu-vantaa: LIX" in result.stdout
