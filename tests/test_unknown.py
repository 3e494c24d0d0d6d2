"""A record may say why a fact is empty (`unknown:`); the gaps report shows the reason at the
note's line, and `check` refuses a note on a filled or non-existent field."""
from __future__ import annotations

from hbsite.gaps import find_gaps
from hbsite.model import schema_for
from hbsite.validate import validate
from tests.hb_fixtures import KEYS, PROJECT, VARIANTS, line_of, make_repo, project, record_path, write_record

SCHEMA = schema_for(KEYS)
REASON = "Lähteet eivät täsmää: avustuskausi alkoi 1.9.2020, hanke marraskuussa 2020."


def test_the_gaps_report_gives_the_reason_at_the_notes_line(tmp_path):
    repo = make_repo(tmp_path / "repo")
    path = write_record(repo, record_path(PROJECT), project() | {"unknown": {"start": REASON}})
    records, problems = validate(repo, SCHEMA, VARIANTS)
    assert problems == []
    start = [g for g in find_gaps(records, None) if g.file == record_path(PROJECT) and g.field == "start"]
    assert [(g.line, g.what) for g in start] == [
        (line_of(path.read_text(encoding="utf-8"), "start: ", after="unknown:"), f"empty: the exact start date is not known — why: {REASON}")
    ]
    end = [g for g in find_gaps(records, None) if g.file == record_path(PROJECT) and g.field == "end"]
    assert [g.what for g in end] == ["empty: the exact end date is not known"], "a gap without a note has no reason"


def test_a_note_on_a_filled_or_unknown_field_is_refused(tmp_path):
    repo = make_repo(tmp_path / "repo")
    path = write_record(repo, record_path(PROJECT), project() | {"start": "2020-09-01", "unknown": {"start": REASON, "alku": REASON}})
    text = path.read_text(encoding="utf-8")
    problems = [str(p) for p in validate(repo, SCHEMA, VARIANTS)[1]]
    start, alku = line_of(text, "start: ", after="unknown:"), line_of(text, "alku: ")
    assert f"{record_path(PROJECT)}:{start}:3: unknown.start: start is filled in, so it is no longer unknown — delete this note" in problems, problems
    assert any(p.startswith(f"{record_path(PROJECT)}:{alku}:3: unknown.alku: 'alku' is not a field of a project") for p in problems), problems
