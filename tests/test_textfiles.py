"""The pre-commit hooks on single files: a file in a wrong encoding is reported by every hook
as file:line:col, never with a Python traceback; hidden characters are refused in any text
file; a hand-written page is held to the same rules by `check`."""
from __future__ import annotations

import subprocess
import sys

import yaml

from hbsite.textfiles import check_encoding, run_yamllint
from tests.gate_helpers import ROOT, RECORD, make_gate_repo, project_text, run_gate, write

NOT_UTF8 = "the file is not UTF-8 text: save it as UTF-8 in your editor (VS Code: click the encoding in the status bar → 'Save with Encoding' → UTF-8)"
UTF16 = "the file is saved as UTF-16, not UTF-8: save it as UTF-8 in your editor (VS Code: click 'UTF-16' in the status bar → 'Save with Encoding' → UTF-8)"


def files(tmp_path):
    cp1252 = tmp_path / "cp1252.yml"
    cp1252.write_bytes("kind: project\nsource: Sein\u00e4joki \u2013 Vaasa\n".encode("cp1252"))
    utf16 = tmp_path / "utf16.yml"
    utf16.write_bytes("kind: project\n".encode("utf-16"))
    bom = tmp_path / "bom.yml"
    bom.write_bytes(b"\xef\xbb\xbfkind: project\n")
    return cp1252, utf16, bom


def test_the_encoding_hook_names_each_wrong_encoding_and_removes_a_bom(tmp_path):
    cp1252, utf16, bom = files(tmp_path)
    problems = check_encoding([str(cp1252), str(utf16), str(bom)])
    assert sorted(str(p) for p in problems) == sorted([
        f"{cp1252}:2:13: {NOT_UTF8}",
        f"{utf16}:1:1: {UTF16}",
        f"{bom}:1:1: the file started with a byte-order mark (BOM), which some tools read as a character: it was removed — add the file again (git add) and commit",
    ])
    assert bom.read_bytes() == b"kind: project\n"
    assert check_encoding([str(bom)]) == []


def test_every_hook_runs_without_a_traceback_on_wrong_encodings(tmp_path):
    cp1252, utf16, _ = files(tmp_path)
    for hook in ("encoding", "yamllint"):
        result = subprocess.run([sys.executable, "-m", "hbsite.textfiles", hook, str(cp1252), str(utf16)], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 1, (hook, result.stderr)
        assert "Traceback" not in result.stderr, result.stderr
        assert f"{cp1252}:" in result.stderr and f"{utf16}:1:1:" in result.stderr, result.stderr


def test_the_yamllint_hook_still_lints_readable_files(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("kind: project\nkind: programme\nname:\n  fi: yes\n", encoding="utf-8")
    assert sorted((p.line, p.column, p.message) for p in run_yamllint([str(bad)], str(ROOT / ".yamllint.yml"))) == [
        (2, 1, 'duplication of key "kind" in mapping (key-duplicates)'),
        (4, 7, "truthy value should be one of [false, true] (truthy)"),
    ]


def test_hidden_characters_are_refused_in_any_text_file(tmp_path):
    code = tmp_path / "admin.py"
    code.write_text('access = "user"  # \u202e } \u2066if admin:\u2069 \u2066 # begin admins only\n', encoding="utf-8")
    problems = check_encoding([str(code)])
    assert [(p.line, p.column) for p in problems] == [(1, 20), (1, 24), (1, 34), (1, 36)]
    assert all("text-direction control character" in p.message for p in problems)


def test_the_pre_commit_hooks_run_the_encoding_check_first():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook["id"] for repo in config["repos"] for hook in repo["hooks"]]
    assert hooks[0] == "encoding"
    entries = {hook["id"]: hook["entry"] for repo in config["repos"] for hook in repo["hooks"]}
    assert entries["yamllint"] == ".venv/bin/python -m hbsite.textfiles yamllint"


def test_check_refuses_a_hand_written_page_with_hidden_characters_or_a_wrong_encoding(tmp_path):
    root = make_gate_repo(tmp_path / "repo", pages={"docs/fi/index.md": "# Etusivu\n\nHanke \u200bon hyvä.\n"})
    (root / "docs" / "sv" / "404.md").write_bytes("# Sidan\n\nSidan hittades inte p\u00e5 webbplatsen.\n".encode("cp1252"))
    write(root, RECORD, project_text(root, {
        "name": {"fi": "Esimerkkihanke", "sv": "Exempelprojekt", "selko": "Hyvä hanke"},
        "short_name": {"fi": "Esimerkki", "sv": "Exempel", "selko": "Hanke"},
        "summary": {"fi": "Hanke kokeili.", "sv": "Projektet prövade.", "selko": "Hanke kokeili."},
        "aims": {"fi": "Tavoite.", "sv": "Mål.", "selko": "Ihminen päättää itse."},
    }))
    problems = [str(p) for p in run_gate(root).problems]
    assert problems == [
        "docs/fi/index.md:3:7: an invisible character (U+200B ZERO WIDTH SPACE) is here: it does not show, but it splits or hides words from the checks and from search — delete it (retype the word around it)",
        f"docs/sv/404.md:3:22: {NOT_UTF8}",
    ]
