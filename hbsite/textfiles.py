"""The pre-commit hooks on single files, so every hook reports a file in a wrong encoding
as `file:line:col` and none crashes with a Python traceback.

    python -m hbsite.textfiles encoding FILE…   every committed text file: UTF-8 (a UTF-8 BOM is
                                               removed and reported), not absurdly big, no
                                               character a reviewer cannot see (Trojan Source,
                                               zero-width, lookalike letters)
    python -m hbsite.textfiles yamllint FILE…   yamllint (.yamllint.yml) on each file that is
                                               UTF-8; a file that is not is named, not linted
Exit status 1 if anything was found.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .load import MAX_FILE_BYTES, TOO_BIG, _LoadFailed, decode, hidden_characters
from .messages import N_, _
from .problems import Problem, format_problems

BOM_REMOVED = N_("the file started with a byte-order mark (BOM), which some tools read as a character: it was removed — add the file again (git add) and commit")
NOT_LINTED = N_("not checked for YAML style: the file is not UTF-8 (see the 'encoding' hook's message)")


def _text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [Problem(shown, 1, 1, _(TOO_BIG).format(size=size // 1000, limit=MAX_FILE_BYTES // 1000))]
    raw = path.read_bytes()
    try:
        return decode(raw, shown), []
    except _LoadFailed as failed:
        return None, [failed.problem]


def check_encoding(files: list[str], fix: bool = True) -> list[Problem]:
    problems = []
    for name in files:
        path = Path(name)
        if not path.is_file():
            continue
        text, found = _text(path, name)
        problems += found
        if text is None:
            continue
        raw = path.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            problems.append(Problem(name, 1, 1, _(BOM_REMOVED)))
            if fix:
                path.write_bytes(raw[3:])
        problems += hidden_characters(text.replace("\r\n", "\n"), name)
    return problems


def run_yamllint(files: list[str], config: str = ".yamllint.yml") -> list[Problem]:
    from yamllint import linter
    from yamllint.config import YamlLintConfig

    conf = YamlLintConfig(file=config)
    problems = []
    for name in files:
        path = Path(name)
        if not path.is_file() or conf.is_file_ignored(name):
            continue
        text, found = _text(path, name)
        if text is None:
            problems.append(Problem(name, 1, 1, _(NOT_LINTED)))
            continue
        for p in linter.run(text, conf, name):
            if p.level == "error":
                rule = f" ({p.rule})" if p.rule else ""
                problems.append(Problem(name, p.line, p.column, f"{p.desc}{rule}"))
    return problems


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in ("encoding", "yamllint"):
        print(__doc__, file=sys.stderr)
        return 2
    command, files = argv[0], argv[1:]
    problems = check_encoding(files) if command == "encoding" else run_yamllint(files)
    if problems:
        print(format_problems(sorted(problems)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
