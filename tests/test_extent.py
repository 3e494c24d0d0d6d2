"""A publication's extent is checked against its type: a video lasts minutes, a text has pages."""
from __future__ import annotations

import pytest

from hbsite.model import schema_for
from hbsite.validate import validate
from tests.hb_fixtures import KEYS, PUBLICATION, VARIANTS, make_repo, publication, record_path, write_record

SCHEMA = schema_for(KEYS)


@pytest.mark.parametrize(("kind", "unit", "wanted"), [
    ("documentary_video", "pages", "minutes"),
    ("animation_video", "pages", "minutes"),
    ("final_publication", "minutes", "pages"),
    ("slide_set", "minutes", "pages"),
])
def test_an_extent_in_the_wrong_unit_for_its_type_is_refused_at_the_unit(tmp_path, kind, unit, wanted):
    repo = make_repo(tmp_path / "repo")
    data = publication() | {"type": kind, "extent": {"value": 16, "unit": unit}}
    path = write_record(repo, record_path(PUBLICATION), data)
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text.strip() == f"unit: {unit}")
    problems = [str(p) for p in validate(repo, SCHEMA, VARIANTS)[1]]
    assert any(p.startswith(f"{path.relative_to(repo).as_posix()}:{line}:") and
               f"a {kind} is measured in {wanted}, not {unit}: write unit: {wanted}" in p for p in problems), problems


@pytest.mark.parametrize(("kind", "unit"), [("documentary_video", "minutes"), ("interim_report", "pages")])
def test_the_right_unit_passes(tmp_path, kind, unit):
    repo = make_repo(tmp_path / "repo")
    write_record(repo, record_path(PUBLICATION), publication() | {"type": kind, "extent": {"value": 16, "unit": unit}})
    problems = [str(p) for p in validate(repo, SCHEMA, VARIANTS)[1] if "piirrosvideo" in p.file]
    assert problems == []
