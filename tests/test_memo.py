"""Under `mkdocs serve` the generator reuses what the last build made (hbsite/memo.py): each
record file's checks, and each page whose inputs and whatever it read of the records are
unchanged. Whatever an editor changes, a build with the memo gives exactly the pages a build
from nothing gives."""
from __future__ import annotations

import re

import pytest

from hbsite.build import build
from hbsite.memo import Memo
from hbsite.problems import ProblemsFound

PROGRAMME = "projects/hb-kokeilu-2020-2021.yml"
PROJECT = "projects/hb-kokeilu-2020-2021/keusote.yml"
PUBLICATION = "projects/avain-kansalaisuuteen/julkaisut/hankkeen-tulokset-diasarja.yml"


def replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def first_line_with(path, start: str) -> str:
    return next(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip().startswith(start))


def pages(result) -> list[tuple[str, str, str]]:
    return [(p.variant, p.path, p.markdown) for p in result[1]]


def test_every_kind_of_edit_gives_the_pages_of_a_build_from_nothing(repo_copy):
    root = repo_copy
    memo = Memo()
    build(root, memo)
    reused = []

    def edits():
        yield "a project's text", lambda: replace(root / PROJECT, "\nsummary:\n  fi: >-\n", "\nsummary:\n  fi: >-\n    Lisätty lause.\n")
        # The programme's short name is on each of its projects' pages (read by name).
        line = first_line_with(root / PROGRAMME, "fi: HB-kokeiluhanke")
        yield "the programme's name", lambda: replace(root / PROGRAMME, line, line + " uusi")
        yield "a publication removed", lambda: (root / PUBLICATION).unlink()
        copy = root / "projects/hb-kokeilu-2020-2021/uusi-hanke.yml"
        # A copy of a project with names of its own (two records may not share a name).
        own_names = re.sub(r'(?m)^(  (?:fi|sv|selko|lattlast): "?)(.*Keusote.*)$', r"\1Uusi \2", (root / PROJECT).read_text(encoding="utf-8"))
        yield "a project added", lambda: copy.write_text(own_names, encoding="utf-8")
        event = root / "projects/aikajana/2021-10-kelan-tutkimus.yml"
        yield "an event about another record", lambda: replace(event, "about: eteva-silta", "about: uusi-hanke")
        line = first_line_with(root / "site.yml", "sv: ")
        yield "an interface text", lambda: replace(root / "site.yml", line, line.rstrip('"') + (' nu"' if line.rstrip().endswith('"') else " nu"))
        yield "a template", lambda: replace(root / "templates/project.md.j2", "\n", "\n{# a comment #}\n")
        page = root / "docs/fi/index.md"
        yield "a hand-written page", lambda: page.write_text(page.read_text(encoding="utf-8") + "\nLisätty kappale.\n", encoding="utf-8")
        yield "a project removed", lambda: (replace(event, "about: uusi-hanke", "about: eteva-silta"), copy.unlink())

    for name, edit in edits():
        edit()
        with_memo = build(root, memo)
        fresh = build(root)
        assert pages(with_memo) == pages(fresh), f"after {name}, a page differs from a build from nothing"
        reused.append(len(memo.pages.last))
    assert all(reused), "the memo was used"


def test_a_problem_is_found_again_and_a_fixed_record_builds(repo_copy):
    root = repo_copy
    memo = Memo()
    build(root, memo)
    replace(root / PROJECT, "\nsummary:", "\nsumary:")
    for _ in range(2):  # the second time from the memo: the same problem
        with pytest.raises(ProblemsFound) as found:
            build(root, memo)
        assert any(p.file == PROJECT and "sumary" in p.message for p in found.value.problems)
    replace(root / PROJECT, "\nsumary:", "\nsummary:")
    assert pages(build(root, memo)) == pages(build(root))
