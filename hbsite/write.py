"""Stage 4: write the rendered pages into docs/ — only what changed, each file atomically.

Unchanged files keep their bytes and mtime, so `mkdocs serve` rebuilds only what changed.
Files in docs/ that no page produces any more (a deleted record) are removed, and so are the
folders they leave empty. The caller renders every page in memory first, so a failing run
writes nothing. Nothing here depends on the clock: the same pages give the same docs/.
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


def _same(path: str, data: bytes) -> bool:
    """Whether the file at `path` holds exactly `data` (read only when the size matches)."""
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return False


def write_pages(pages: list[Page], docs_dir: Path) -> WriteReport:
    report = WriteReport()
    wanted: dict[str, bytes] = {
        os.path.normpath(os.path.join(docs_dir, page.variant, *page.path.split("/"))): page.markdown.encode("utf-8")
        for page in pages
    }
    for path, data in wanted.items():
        if _same(path, data):
            report.unchanged += 1
        else:
            _atomic_write(Path(path), data)
            report.written += 1
    if os.path.isdir(docs_dir):
        for folder, dirs, files in os.walk(docs_dir, topdown=False):
            for name in files:
                path = os.path.normpath(os.path.join(folder, name))
                if path not in wanted:
                    os.unlink(path)
                    report.removed += 1
            if folder != str(docs_dir) and not os.listdir(folder):
                os.rmdir(folder)
    return report
