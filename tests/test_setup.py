"""The README's set-up on a stock system Python that is "externally managed" (PEP 668).

A fresh copy of the repository (the files git tracks, as a clone has them) is set up with
`bash tools/serve.sh` under PATH=/usr/bin:/bin, so that `python3` is the system's own Python
(Debian 12 and Ubuntu 24.04 mark it externally managed: `pip install` into it is refused).
The site must be served at 127.0.0.1, and the copy's `git status` must be clean afterwards:
everything the set-up and the build make is git-ignored.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import CI, copy_repo, run

STOCK_PATH = "/usr/bin:/bin"


def externally_managed_python() -> str | None:
    """/usr/bin/python3 when it is 3.11+ and marked externally managed, else None."""
    python = "/usr/bin/python3"
    if not Path(python).is_file():
        return None
    probe = run([python, "-c", "import sys, sysconfig; print(sys.version_info >= (3, 11), sysconfig.get_path('stdlib'))"], Path("/"))
    if probe.returncode != 0:
        return None
    new_enough, stdlib = probe.stdout.split()
    if new_enough != "True" or not (Path(stdlib) / "EXTERNALLY-MANAGED").is_file():
        return None
    return python


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except OSError as error:
        return getattr(error, "code", 0) or 0, ""


def test_serve_works_from_a_fresh_clone_with_an_externally_managed_python(tmp_path):
    python = externally_managed_python()
    if python is None:
        message = "no externally managed Python 3.11+ at /usr/bin/python3 to try the set-up with"
        if CI:
            pytest.fail(f"{message} (CI: the set-up must be proven on one)")
        pytest.skip(message)
    refused = run([python, "-m", "pip", "install", "--dry-run", "mkdocs"], tmp_path, env={**os.environ, "PATH": STOCK_PATH})
    assert refused.returncode != 0 and "externally-managed-environment" in refused.stdout + refused.stderr

    repo = copy_repo(tmp_path / "clone")
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "fresh clone"]):
        done = run(git + command, repo)
        assert done.returncode == 0, done.stderr

    env = {"PATH": STOCK_PATH, "HOME": os.environ.get("HOME", "/root"), "LANG": "C.UTF-8"}
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(["bash", "tools/serve.sh", "--dev-addr", f"127.0.0.1:{port}"], cwd=repo, env=env,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 540
        status, home = 0, ""
        while time.monotonic() < deadline and server.poll() is None:
            status, home = fetch(f"http://127.0.0.1:{port}/")
            if status == 200:
                break
            time.sleep(1)
        output = (tmp_path / "serve.log").read_text()
        assert status == 200, f"serve did not answer (exit {server.poll()}):\n{output[-3000:]}"
        assert "Henkilökohtainen budjetointi" in home
        assert fetch(f"http://127.0.0.1:{port}/sv/")[0] == 200
        assert "externally-managed-environment" not in output
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
    assert "home = /usr/bin" in (repo / ".venv" / "pyvenv.cfg").read_text(), "the venv is made from the system Python"
    status = run(["git", "status", "--porcelain", "--untracked-files=all"], repo)
    assert status.stdout == "", f"the set-up and the build left files git does not ignore:\n{status.stdout}"
    assert (repo / "docs" / "fi" / "hankkeet" / "keusote.md").is_file(), "the record pages were generated"
