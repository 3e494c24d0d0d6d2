"""Stage 4: write the rendered pages into docs/ — only what changed, each file atomically.

Unchanged files keep their bytes and mtime, so `mkdocs serve` rebuilds only what changed.
Files in docs/ that no page produces any more (a deleted record) are removed. The caller
renders every page in memory first, so a failing run writes nothing.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .render import Page


@dataclass
class WriteReport:
    written: int = 0
    unchanged: int = 0
    removed: int = 0


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def write_pages(pages: list[Page], docs_dir: Path) -> WriteReport:
    report = WriteReport()
    wanted: dict[Path, bytes] = {
        docs_dir / page.variant / page.path: page.markdown.encode("utf-8") for page in pages
    }
    for path, data in wanted.items():
        try:
            if path.read_bytes() == data:
                report.unchanged += 1
                continue
        except FileNotFoundError:
            pass
        _atomic_write(path, data)
        report.written += 1
    if docs_dir.exists():
        for path in sorted(docs_dir.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
                report.removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return report
