"""The editors' commands (check, new, gaps, the build's all-or-nothing writes), the messages
inside GitHub Actions, and the pull-request tooling (pre-commit, yamllint, workflows)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from hbsite.cli import main
from hbsite.problems import Problem
from tests.conftest import run
from tests.hb_fixtures import (
    EVERY,
    KEYS,
    SHORT_WORDS,
    PROGRAMME,
    PROJECT,
    PUBLICATION,
    STANDALONE,
    drop_line,
    line_of,
    make_repo,
    record_path,
    write_records,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo(tmp_path) -> Path:
    return make_repo(tmp_path / "repo")


def break_project(repo: Path) -> tuple[str, int]:
    """Drop aims.sv from the fixture project; returns (file, line of 'aims:')."""
    rel = record_path(PROJECT)
    text = drop_line((repo / rel).read_text(encoding="utf-8"), "sv: Tavoitteet (sv)")
    (repo / rel).write_text(text, encoding="utf-8")
    return rel, line_of(text, "aims:")


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


def filled(key: str, number) -> str:
    """The text `fill` writes into an empty field (short words in a variant held to a LIX target)."""
    return (f"Fylld {key} rad {number}" if key in SHORT_WORDS else f"Täytetty {key} rivillä {number}").strip()


# ── check ──────────────────────────────────────────────────────────────────────────────────
def test_check_passes_on_valid_records(repo, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main(["check"], root=repo) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"ok: 4 records in {len(KEYS)} variants\nreadability (selko): ")
    assert "0 pages miss a target" in out
    assert not (repo / "build").exists() and not list((repo / "docs").rglob("hankkeet/*-*.md")), "check writes nothing"


def test_check_fails_with_exit_status_1_and_file_line_col_messages(repo, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    rel, line = break_project(repo)
    (repo / record_path(PUBLICATION)).write_text("kind: publication\n", encoding="utf-8")
    assert main(["check"], root=repo) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"{rel}:{line}:1: aims: the Svenska text (sv) is missing — every text needs {EVERY}" in err
    assert any(e.startswith(f"{record_path(PUBLICATION)}:1:1: the first line must name the schema") for e in err)
    assert err[-1].startswith("Nothing was written") or err[-1].endswith("Nothing was written: fix them and run again.")
    assert re.search(r"^\d+ problems in 2 files\. Nothing was written: fix them and run again\.$", err[-1])


def test_the_command_line_script_exits_1_on_a_problem(repo):
    break_project(repo)
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"} | {"HB_ROOT": str(repo)}
    result = subprocess.run([sys.executable, str(ROOT / "build_pages.py"), "check"], capture_output=True, text=True, env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "aims: the Svenska text (sv) is missing" in result.stderr
    assert "Traceback" not in result.stderr


def test_inside_github_actions_problems_are_annotations(repo, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    rel, line = break_project(repo)
    assert main(["check"], root=repo) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"::error file={rel},line={line},col=1::aims: the Svenska text (sv) is missing — every text needs {EVERY}" in err


def test_annotation_escaping():
    problem = Problem("projects/a,b:c.yml", 3, 7, "100% wrong\nsecond line")
    assert problem.github_annotation() == "::error file=projects/a%2Cb%3Ac.yml,line=3,col=7::100%25 wrong%0Asecond line"
    assert str(problem) == "projects/a,b:c.yml:3:7: 100% wrong\nsecond line"


def test_a_missing_interface_text_is_reported_in_site_yml(repo, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    site = (repo / "site.yml").read_text(encoding="utf-8")
    (repo / "site.yml").write_text(site.replace("\n  aims:\n", "\n  aimz:\n", 1), encoding="utf-8")
    assert main(["check"], root=repo) == 1
    err = capsys.readouterr().err
    assert f"site.yml:{line_of(site, 'strings:')}:1: strings.aims: this interface text is used by the pages but missing — add 'aims:' under 'strings:'" in err
    assert "Traceback" not in err


def test_a_typo_inside_braces_in_a_hand_written_page(repo, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    page = repo / "docs" / "sv" / "hankkeet" / "index.md"
    page.write_text("# Projekt\n\nText.\n\n{{ programme_lst }}\n", encoding="utf-8")
    assert main(["check"], root=repo) == 1
    assert "docs/sv/hankkeet/index.md:5:1: the {{ … }} on this line fails ('programme_lst' is undefined)" in capsys.readouterr().err


def test_a_syntax_error_inside_braces_in_a_hand_written_page(repo, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    page = repo / "docs" / "selko" / "julkaisut" / "index.md"
    page.write_text("# Julkaisut\n\n{{ publication_list }\n", encoding="utf-8")
    assert main(["check"], root=repo) == 1
    assert "docs/selko/julkaisut/index.md:3:1: the {{ … }} or {% … %} on this line cannot be read" in capsys.readouterr().err


# ── the build: everything validated and rendered before anything is written ────────────────
def test_a_failing_build_changes_nothing_in_docs_or_site(repo, capsys):
    assert main([], root=repo) == 0
    (repo / "site").mkdir()
    (repo / "site" / "index.html").write_text("<p>published</p>", encoding="utf-8")
    docs_before, site_before = snapshot(repo / "docs"), snapshot(repo / "site")
    assert len(docs_before) >= 3 * len(KEYS)
    # A valid change and a broken record in the same run: the valid change is not written either.
    name_path = repo / record_path(STANDALONE)
    name_path.write_text(name_path.read_text(encoding="utf-8").replace("Avaimen kuvaus (fi)", "Muutettu tiivistelmä"), encoding="utf-8")
    break_project(repo)
    assert main([], root=repo) == 1
    assert snapshot(repo / "docs") == docs_before
    assert snapshot(repo / "site") == site_before
    assert not [p for p in repo.rglob("*.tmp")]


def test_a_failing_render_writes_nothing(repo):
    assert main([], root=repo) == 0
    before = snapshot(repo / "docs")
    site = (repo / "site.yml").read_text(encoding="utf-8")
    (repo / "site.yml").write_text(site.replace("\n  aims:\n", "\n  aimz:\n", 1), encoding="utf-8")
    assert main([], root=repo) == 1
    assert snapshot(repo / "docs") == before


def test_a_successful_build_writes_every_variant_and_then_only_changes(repo, capsys):
    assert main([], root=repo) == 0
    for key in KEYS:
        assert (repo / "docs" / key / "hankkeet" / f"{PROJECT}.md").exists()
    before = snapshot(repo / "docs")
    assert main([], root=repo) == 0
    assert snapshot(repo / "docs") == before, "an unchanged record rewrites nothing"
    written = [line for line in capsys.readouterr().out.splitlines() if line.startswith("docs/:")]
    assert written and "0 written" in written[-1]


# ── new ────────────────────────────────────────────────────────────────────────────────────
def fill(text: str) -> str:
    """Fill every empty value of a scaffold the way an editor would."""
    choices = {"role": "partner", "type": "slide_set", "unit": "pages", "language": "fi", "lang": "fi",
               "read_on": '"2026-12-01"', "announced_on": '"2020-09-17"'}
    keep_empty = {"url", "start", "end"}
    has_grant = re.search(r"^grant:", text, re.M) is not None
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        match = re.match(r'^(\s*(?:- )?)(\w+): ""(.*)$', line)
        if match and not line.lstrip().startswith("#"):
            indent, key, rest = match.groups()
            if key in choices:
                line = f"{indent}{key}: {choices[key]}{rest}"
            elif key not in keep_empty:
                line = f'{indent}{key}: "{filled(key, number)}"{rest}'
        elif re.match(r"^\s*value:(\s+#.*)?$", line):
            line = line.replace("value:", "value: 12", 1)
        elif re.match(r"^\s*amount:(\s+#.*)?$", line):
            line = line.replace("amount:", "amount: 100000", 1)
        elif has_grant and re.match(r"^\s*supports: \[\]", line):  # a filled grant rests on a source
            line = line.replace("supports: []", "supports: [grant]", 1)
        out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize(
    "argv, rel, fixed",
    [
        (["new", "project", "uusi-hanke", "--programme", PROGRAMME], f"projects/{PROGRAMME}/uusi-hanke.yml", {"programme": PROGRAMME}),
        (["new", "project", "erillinen-hanke"], "projects/erillinen-hanke.yml", {}),
        (["new", "publication", "uusi-julkaisu", "--project", STANDALONE], f"projects/{STANDALONE}/julkaisut/uusi-julkaisu.yml", {"project": STANDALONE}),
        (["new", "programme", "uusi-ohjelma"], "projects/uusi-ohjelma.yml", {}),
    ],
    ids=["regional project", "standalone project", "publication", "programme"],
)
def test_new_scaffold_is_rejected_only_for_empty_values_and_passes_when_filled(repo, capsys, monkeypatch, argv, rel, fixed):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main(argv, root=repo) == 0
    assert capsys.readouterr().out.startswith(f"created {rel}:")
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    depth = rel.count("/")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=" + "../" * depth + "schemas/record.schema.json"
    kind = argv[1]
    assert f"\nkind: {kind}  # " in text
    for key, value in fixed.items():
        assert f"\n{key}: {value}  # " in text
    assert "# Fill in every text in every variant (" in text, "commented in the editor's language (English here: tests/conftest.py)"
    header = next(line for line in text.splitlines() if line.startswith("# Fill in every text"))
    assert all(f"{key} = " in header for key in KEYS), "the header names the variants of mkdocs.yml"
    for key in KEYS:
        assert f'  {key}: ""' in text, f"every variant is in the scaffold ({key})"

    assert main(["check"], root=repo) == 1
    problems = [line for line in capsys.readouterr().err.splitlines() if line.startswith("projects/")]
    assert problems and all(p.startswith(f"{rel}:") for p in problems), problems
    assert all(" is empty — " in p for p in problems), [p for p in problems if " is empty — " not in p]

    path.write_text(fill(text), encoding="utf-8")
    assert main(["check"], root=repo) == 0, capsys.readouterr().err
    assert main([], root=repo) == 0
    slug = Path(rel).stem
    if kind != "publication":
        for key in KEYS:
            page = (repo / "docs" / key / "hankkeet" / f"{slug}.md").read_text(encoding="utf-8")
            assert filled(key, "") in page


def test_the_scaffold_has_every_field_of_the_schema(repo):
    from hbsite.model import schema_for
    from hbsite.validate import _inner_model

    assert main(["new", "project", "kaikki-kentat", "--programme", PROGRAMME], root=repo) == 0
    text = (repo / f"projects/{PROGRAMME}/kaikki-kentat.yml").read_text(encoding="utf-8")
    keys = set(re.findall(r"^[\s#-]*(\w+):", text, re.M)) - {"yaml"}

    def fields(model, seen=set()) -> set[str]:
        names = set(model.model_fields)
        for info in model.model_fields.values():
            inner = _inner_model(info.annotation)
            if inner is not None:
                names |= fields(inner)
        return names

    assert fields(schema_for(KEYS).Project) <= keys | {"fi"}, fields(schema_for(KEYS).Project) - keys


@pytest.mark.parametrize(
    "argv, message",
    [
        (["new", "publication", "julkaisu-x"], "a publication belongs to a project: add --project PROJECT"),
        (["new", "publication", "julkaisu-x", "--project", "avain-kansalaisuuten"], "--project avain-kansalaisuuten: there is no project 'avain-kansalaisuuten' — did you mean 'avain-kansalaisuuteen'?"),
        (["new", "project", "hanke-x", "--programme", "hb-kokeilu"], "--programme hb-kokeilu: there is no programme 'hb-kokeilu' — did you mean 'hb-kokeilu-2020-2021'?"),
        (["new", "project", "hanke-x", "--programme", STANDALONE], f"there is no programme '{STANDALONE}'"),
        (["new", "project", PROJECT], f"{record_path(PROJECT)} exists already: choose another name"),
        (["new", "project", "Uusi Hanke"], "'Uusi Hanke' cannot be a file name: use lowercase letters a–z, digits and hyphens"),
        (["new", "project", "index"], "'index' cannot be a file name: it is the address of the list page"),
        (["new", "programme", "ohjelma-x", "--programme", PROGRAMME], "--programme is for projects"),
        (["new", "project", "hanke-x", "--project", STANDALONE], "--project is for publications"),
    ],
)
def test_new_refuses_what_would_not_work(repo, capsys, argv, message):
    before = sorted(p.relative_to(repo) for p in (repo / "projects").rglob("*"))
    assert main(argv, root=repo) == 2
    assert message in capsys.readouterr().err
    assert sorted(p.relative_to(repo) for p in (repo / "projects").rglob("*")) == before


# ── gaps ───────────────────────────────────────────────────────────────────────────────────
def test_gaps_report_is_markdown_with_file_and_line(repo, capsys, tmp_path):
    pub = repo / record_path(PUBLICATION)
    pub.write_text(drop_line(pub.read_text(encoding="utf-8"), "year: 2019"), encoding="utf-8")
    assert main(["gaps"], root=repo) == 0
    report = capsys.readouterr().out
    lines = report.splitlines()
    assert lines[0] == "## Content gaps"
    assert "| File | Field | What is missing |" in lines
    project_text = (repo / record_path(PROJECT)).read_text(encoding="utf-8")
    standalone_text = (repo / record_path(STANDALONE)).read_text(encoding="utf-8")
    expected = [
        f"| `{record_path(PROJECT)}:{line_of(project_text, 'targets: []')}` | `link.targets` | no link target: the address of the page the link goes to is not known",
        f"| `{record_path(PROJECT)}:{line_of(project_text, 'url:', after='sources:')}` | `sources[1].url` | missing URL: the address of the source 'Alueelliset hankkeet Suomen mallia rakentamassa' is not recorded",
        f"| `{record_path(PROJECT)}:{line_of(project_text, 'publisher:', after='sources:')}` | `sources[1].publisher` | missing publisher: who published the source 'Alueelliset hankkeet Suomen mallia rakentamassa' is not confirmed |",
        f"| `{record_path(PROJECT)}:1` | `start` | empty: the exact start date is not known",
        f"| `{record_path(STANDALONE)}:{line_of(standalone_text, 'url:', after='website:')}` | `website.url` | missing URL: the address of henkilokohtainenbudjetointi.fi is not recorded",
        f"| `{record_path(STANDALONE)}:1` | `end` | empty: the exact end date is not known (the source says 2016–2019)",
        f"| `{record_path(PUBLICATION)}:1` | `year` | empty: the publication year is not known",
        f"| `{record_path(PUBLICATION)}:{line_of(pub.read_text(encoding='utf-8'), 'targets: []')}` | `link.targets` | no link target",
    ]
    for row in expected:
        assert any(line.startswith(row) for line in lines), (row, report)
    assert not any(record_path(PROGRAMME) in line and "`start`" in line for line in lines), "known dates are no gap"
    assert not any("`sources[2]" in line for line in lines), "a source with its address and publisher is no gap"
    site = yaml.safe_load((repo / "site.yml").read_text(encoding="utf-8"))
    unset = [k for k, v in (site.get("settings", {}).get("statement") or {}).items() if v in ("", None)]
    for key in unset:
        assert any(f"`settings.statement.{key}`" in line for line in lines), key
    assert main(["gaps", "-o", str(tmp_path / "gaps.md")], root=repo) == 0
    assert (tmp_path / "gaps.md").read_text(encoding="utf-8") == report


# ── pull-request tooling ───────────────────────────────────────────────────────────────────
def read_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # 'on' stays 'on'


def test_pre_commit_runs_check_and_yamllint_locally():
    config = read_yaml(ROOT / ".pre-commit-config.yaml")
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    assert hooks["hb-check"]["entry"] == ".venv/bin/python build_pages.py check"
    assert hooks["hb-check"]["pass_filenames"] == "false"
    assert re.search(hooks["hb-check"]["files"], "projects/hb-kokeilu-2020-2021/hebu-vantaa.yml")
    assert re.search(hooks["hb-check"]["files"], "site.yml")
    assert hooks["yamllint"]["entry"] == ".venv/bin/python -m hbsite.textfiles yamllint"
    if shutil.which("pre-commit"):
        result = run(["pre-commit", "validate-config", ".pre-commit-config.yaml"], ROOT)
        assert result.returncode == 0, result.stdout + result.stderr


def yamllint(*paths: str | Path) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "yamllint", "-f", "parsable", "-c", str(ROOT / ".yamllint.yml"), *map(str, paths)], ROOT)


def test_yamllint_accepts_the_repo_and_the_scaffolds(repo):
    result = yamllint(".")
    assert result.returncode == 0, result.stdout + result.stderr
    assert " [error] " not in result.stdout, result.stdout
    assert main(["new", "project", "lint-hanke", "--programme", PROGRAMME], root=repo) == 0
    result = yamllint(repo / "projects")
    assert " [error] " not in result.stdout, result.stdout


def test_yamllint_refuses_tabs_duplicate_keys_and_bare_yes_no(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("kind: project\nkind: programme\nname:\n  fi: on\n  sv: yes\nregion:\n\tfi: x\n", encoding="utf-8")
    result = yamllint(bad)
    assert result.returncode == 1
    out = result.stdout
    assert ":2:1: [error] duplication of key \"kind\"" in out
    assert ":4:7: [error] truthy value should be one of" in out
    assert ":7:1: [error] syntax error: found character '\\t'" in out


def test_pull_request_workflow_checks_first_keeps_the_site_and_then_runs_every_test():
    workflow = read_yaml(ROOT / ".github" / "workflows" / "pr.yml")
    assert "pull_request" in workflow["on"]
    jobs = workflow["jobs"]
    preview = jobs["preview"]
    runs = [step.get("run", "") for step in preview["steps"]]
    check = next(i for i, r in enumerate(runs) if "build_pages.py check" in r)
    # The editor's mistake is reported before any browser, Java or Voikko is installed.
    assert not any("--all" in r or "test.sh" in r or "ensure_tools" in r for r in runs[:check])
    uploads = [s for s in preview["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads and uploads[0]["with"]["path"] == "site"
    summary = "\n".join(runs)
    assert "tools/pr_summary.py" in summary and "GITHUB_STEP_SUMMARY" in summary and "build_pages.py gaps" in summary
    assert workflow["env"]["LANGUAGE"] == "fi", "the editors read the messages in Finnish"
    # A web-form save (branch cms/…) is put into the format and committed back before the
    # checks; every pull request must then be in the format.
    form_step = next(i for i, step in enumerate(preview["steps"]) if "cms/" in str(step.get("if", "")))
    assert "build_pages.py format" in runs[form_step] and "git push" in runs[form_step] and form_step < check
    assert "build_pages.py format --check" in runs[check]
    test = jobs["test"]
    assert test["needs"] == "preview"
    assert "bash tools/test.sh" in [s.get("run", "") for s in test["steps"]]
    assert test.get("env", {}).get("CI") == "true", "a missing tool fails instead of skipping"


def test_pages_workflow_publishes_only_after_the_whole_test_suite_passed():
    workflow = read_yaml(ROOT / ".github" / "workflows" / "pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    jobs = workflow["jobs"]

    def needs(name: str) -> set[str]:
        value = jobs[name].get("needs", [])
        return {value} if isinstance(value, str) else set(value)

    def upstream(name: str) -> set[str]:
        found = set()
        for before in needs(name):
            found |= {before} | upstream(before)
        return found

    def steps(name: str) -> list[dict]:
        return jobs[name]["steps"]

    deploy = next(n for n in jobs if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in steps(n)))
    upload = next(n for n in jobs if any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in steps(n)))
    tested = [n for n in jobs if "bash tools/test.sh" in [s.get("run", "") for s in steps(n)]]
    assert tested, "some job runs the README's test command"
    assert upload in upstream(deploy), "the deploy publishes the artifact that the build job made"
    for job in (upload, deploy):
        assert set(tested) & upstream(job), f"{job} cannot run unless the test job passed"
    assert all(jobs[n].get("env", {}).get("CI") == "true" for n in tested), "a missing tool fails the tests"
    assert jobs[deploy]["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["permissions"] == {"contents": "read"}, "only the deploy job may write"
    runs = "\n".join(s.get("run", "") for s in steps(upload))
    assert runs.index("build_pages.py check") < runs.index("mkdocs build --strict")
    upload_step = next(s for s in steps(upload) if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload_step["with"]["path"] == "site"


def test_the_records_in_the_repo_pass_check():
    """The real content (when it is there) passes the same check a pull request runs."""
    if not (ROOT / "projects").exists():
        pytest.skip("no records yet")
    result = run([sys.executable, "build_pages.py", "check"], ROOT, env={k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"})
    assert result.returncode == 0, result.stderr


def test_write_records_only_missing_keeps_existing(tmp_path):
    root = make_repo(tmp_path / "r", records=False)
    (root / "projects").mkdir()
    (root / "projects" / f"{PROGRAMME}.yml").write_text("kind: programme\n", encoding="utf-8")
    written = write_records(root, only_missing=True)
    assert PROGRAMME not in written and set(written) == {PROJECT, STANDALONE, PUBLICATION}


def test_a_new_regional_project_from_scaffold_to_built_site(repo_copy, tmp_path):
    """What CONTRIBUTING.md tells an editor to do, end to end: new → fill → check → build."""
    from bs4 import BeautifulSoup

    from tests.hb_fixtures import VARIANTS

    write_records(repo_copy, only_missing=True)
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"} | {"NO_MKDOCS_2_WARNING": "1"}
    slug = "kymmenes-hanke"
    created = run([sys.executable, "build_pages.py", "new", "project", slug, "--programme", PROGRAMME], repo_copy, env=env)
    assert created.returncode == 0, created.stderr
    path = repo_copy / "projects" / PROGRAMME / f"{slug}.yml"
    rejected = run([sys.executable, "build_pages.py", "check"], repo_copy, env=env)
    assert rejected.returncode == 1
    assert all(" is empty — " in line for line in rejected.stderr.splitlines() if line.startswith("projects/")), rejected.stderr
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    checked = run([sys.executable, "build_pages.py", "check"], repo_copy, env=env)
    assert checked.returncode == 0, checked.stderr
    generated = run([sys.executable, "build_pages.py"], repo_copy, env=env)
    assert generated.returncode == 0, generated.stderr
    site = tmp_path / "site"
    built = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], repo_copy, env=env)
    assert built.returncode == 0, built.stdout + built.stderr
    text = path.read_text(encoding="utf-8")
    for variant in VARIANTS:
        doc = BeautifulSoup((site / variant.url_prefix / "hankkeet" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert doc.html["lang"] == variant.lang
        name_line = line_of(text, f"  {variant.key}: ", after="name:")
        assert doc.select_one("article h1").get_text(strip=True) == filled(variant.key, name_line)
        overview = BeautifulSoup((site / variant.url_prefix / "hankkeet" / PROGRAMME / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert any(a["href"].rstrip("/").endswith(slug) for a in overview.select("article a[href]")), "listed on the programme page"


def test_the_stand_in_site_yml_of_the_fixtures_passes_check(repo, capsys):
    """tests/hb_fixtures.py writes a stand-in site.yml when the real one is not there yet."""
    from tests.hb_fixtures import minimal_site_yml

    (repo / "site.yml").write_text(minimal_site_yml(repo), encoding="utf-8")
    assert main(["check"], root=repo) == 0, capsys.readouterr().err
