"""`mkdocs serve` while an editor works: a broken record shows as an error page at once, in the
editor's language, and the real page comes back by itself once the file is fixed."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

from tests.conftest import copy_repo
from tests.test_setup import free_port

RECORD = "projects/hb-kokeilu-2020-2021/keusote.yml"
PAGE = "/hankkeet/keusote/"


def get(url: str) -> tuple[int, str, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            body = response.read().decode("utf-8")
            status = response.status
    except urllib.error.HTTPError as error:
        body, status = error.read().decode("utf-8"), error.code
    except OSError:
        body, status = "", 0
    return status, body, time.monotonic() - started


def wait_for(url: str, condition, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        status, body, _ = get(url)
        if status and condition(body):
            return body
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed what was expected; last answer:\n{body[:2000]}")


def test_a_broken_record_shows_as_an_error_page_and_the_page_returns_after_the_fix(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LANG": "fi_FI.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=repo,
                              env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}{PAGE}"
    try:
        original = wait_for(url, lambda body: "Keusote" in body, seconds=120)
        assert "Sivustoa ei voi näyttää" not in original
        record = repo / RECORD
        text = record.read_text(encoding="utf-8")
        broken = text.replace("\nsummary:", "\nsumary:", 1)
        assert broken != text
        record.write_text(broken, encoding="utf-8")
        wait_for(url, lambda body: "Sivustoa ei voi näyttää" in body)
        # Once the rebuild is done, every page request is answered at once with the problems.
        for path in (PAGE, "/", "/sv/hankkeet/", "/selko/"):
            status, body, seconds = get(f"http://127.0.0.1:{port}{path}")
            assert status == 200 and seconds < 1.0, (path, status, seconds)
            assert "Sivustoa ei voi näyttää" in body and '<html lang="fi">' in body
            assert f"{RECORD}:" in body, "the file and line of the problem are shown"
            assert "sumary" in body
        record.write_text(text, encoding="utf-8")
        restored = wait_for(url, lambda body: "Sivustoa ei voi näyttää" not in body and "Keusote" in body)
        assert "livereload" in restored, "the page reloads itself when the next change is built"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
