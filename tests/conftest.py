"""Shared fixtures: the real site, built once per test session from the real records."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(cmd: list[str], cwd: Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, **kw)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """Build the real site (generator + mkdocs build --strict) into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    gen = run([sys.executable, "build_pages.py"], ROOT)
    assert gen.returncode == 0, gen.stdout + gen.stderr
    build = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], ROOT)
    assert build.returncode == 0, build.stdout + build.stderr
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


@pytest.fixture(scope="session")
def site_url(site_dir) -> str:
    """Serve the built site on 127.0.0.1 (a free port) for browser tests."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def repo_copy(tmp_path) -> Path:
    """A throw-away copy of the repo (without generated output) for tests that edit records."""
    dest = tmp_path / "repo"
    ignore = shutil.ignore_patterns(".git", "site", "docs", "node_modules", "__pycache__", ".pytest_cache")
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest
