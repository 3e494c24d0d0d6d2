"""`mkdocs serve` while an editor works: a broken record shows as an error page at once, in the
editor's language, and the real page comes back by itself once the file is fixed."""
from __future__ import annotations

import contextlib
import os
import re
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


@contextlib.contextmanager
def serving(repo, log_path, env: dict | None = None):
    """`mkdocs serve` in `repo`, its output in `log_path`: the site's address; stopped afterwards."""
    port = free_port()
    with log_path.open("w") as log:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=repo,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}, stdout=log,
                                  stderr=subprocess.STDOUT, start_new_session=True)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


def test_a_broken_record_shows_as_an_error_page_and_the_page_returns_after_the_fix(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    finnish = {"LANG": "fi_FI.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
    with serving(repo, tmp_path / "serve.log", finnish) as base:
        url = base + PAGE
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
            status, body, seconds = get(base + path)
            assert status == 200 and seconds < 1.0, (path, status, seconds)
            assert "Sivustoa ei voi näyttää" in body and '<html lang="fi">' in body
            assert f"{RECORD}:" in body, "the file and line of the problem are shown"
            assert "sumary" in body
        record.write_text(text, encoding="utf-8")
        restored = wait_for(url, lambda body: "Sivustoa ei voi näyttää" not in body and "Keusote" in body)
        assert "livereload" in restored, "the page reloads itself when the next change is built"


def test_a_save_is_built_once_and_the_page_its_lists_and_the_search_index_show_it(tmp_path):
    """The generator's own writes into docs/ do not start a second rebuild (hbsite/serve_hook.py,
    on_serve): each save is built exactly once, and what is served is complete — the record's
    page, the programme page that lists it, the search index; a hand-written page's edit still
    rebuilds; a removed record's page is gone."""
    repo = copy_repo(tmp_path / "repo")
    log_path = tmp_path / "serve.log"

    def builds() -> int:
        return log_path.read_text(encoding="utf-8").count("Reloading browsers")

    def settled(before: int) -> int:
        """Wait until the rebuilds a save started are over; how many there were."""
        time.sleep(3)
        get(base + PAGE)  # held by the server until a rebuild in progress is done
        time.sleep(3)
        return builds() - before

    with serving(repo, log_path) as base:
        wait_for(base + PAGE, lambda body: "Keusote" in body, seconds=120)
        time.sleep(2)
        record = repo / RECORD
        before = builds()
        marker = "Merkkilause tarkistusta varten"
        text = record.read_text(encoding="utf-8")
        record.write_text(text.replace("\nsummary:\n  fi: >-\n", f"\nsummary:\n  fi: >-\n    {marker}.\n", 1), encoding="utf-8")
        wait_for(base + PAGE, lambda body: marker in body)
        assert marker in get(base + "/hankkeet/hb-kokeilu-2020-2021/")[1], "the list that shows the record is current"
        assert marker in get(base + "/search/search_index.json")[1], "the search index is current"
        assert settled(before) == 1, "one save, one rebuild"
        # The rebuild built the default variant; another one is built when a page of it is asked for.
        on_request = lambda key: log_path.read_text(encoding="utf-8").count(f"Built the variant '{key}' on request")
        assert on_request("sv") == 0 and on_request("selko") == 0
        assert '<html lang="sv"' in get(base + "/sv" + PAGE)[1] and on_request("sv") == 1
        assert get(base + "/sv/search/search_index.json")[0] == 200 and on_request("sv") == 1, "built once"
        assert marker in get(base + "/search/search_index.json")[1], "the default variant's index stays its own"
        assert on_request("selko") == 0
        # The next rebuild builds the variant viewed last (sv), and the default one when asked for.
        before = builds()
        record.write_text(record.read_text(encoding="utf-8").replace(marker, marker + " uudelleen", 1), encoding="utf-8")
        deadline = time.monotonic() + 60
        while builds() == before:
            assert time.monotonic() < deadline, "the save was rebuilt"
            get(base + "/sv/hankkeet/")
            time.sleep(0.2)
        assert on_request("sv") == 1 and on_request("fi") == 0
        assert marker + " uudelleen" in get(base + PAGE)[1] and on_request("fi") == 1
        assert marker + " uudelleen" in get(base + "/search/search_index.json")[1]

        before = builds()
        page = repo / "docs" / "fi" / "nyt" / "index.md"
        page.write_text(page.read_text(encoding="utf-8").replace("\n## Laki\n", f"\n{marker}, käsin.\n\n## Laki\n", 1), encoding="utf-8")
        wait_for(base + "/nyt/", lambda body: f"{marker}, käsin." in body)
        assert settled(before) == 1, "a hand-written page's edit is built once"

        (repo / "projects" / "hb-kokeilu-2020-2021" / "hebu-vantaa.yml").unlink()
        wait_for(base + "/hankkeet/hebu-vantaa/", lambda body: True, seconds=5)  # the server answers
        deadline = time.monotonic() + 60
        while get(base + "/hankkeet/hebu-vantaa/")[0] != 404:
            assert time.monotonic() < deadline, "a removed record's page is gone"
            time.sleep(0.3)
        assert "hebu-vantaa" not in get(base + "/hankkeet/hb-kokeilu-2020-2021/")[1]


def served(base: str, path: str) -> bytes:
    """A file as the server sends it, without the live-reload script it adds to every page."""
    with urllib.request.urlopen(base + path, timeout=60) as response:
        body = response.read()
    if path.endswith((".html", "/")):
        end = body.rindex(b"</body>")
        start = body.rindex(b"<script>", 0, end)
        assert b"livereload" in body[start:end]
        body = body[:start] + body[end:]
    return body


def assert_served_as_built(repo, base: str, tmp_path, name: str) -> int:
    """Every page, sitemap and search index the server sends is byte for byte what a fresh
    `mkdocs build` of the same files makes: nothing the server kept from earlier is stale."""
    fresh = tmp_path / name
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(fresh)], cwd=repo,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "HB_SITE_URL": base + "/"},
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stdout + built.stderr
    files = [p for p in sorted(fresh.rglob("*")) if p.suffix in (".html", ".xml", ".json")
             and not p.relative_to(fresh).as_posix().startswith("admin/")]
    stale = [p.relative_to(fresh).as_posix() for p in files
             if served(base, "/" + p.relative_to(fresh).as_posix()) != p.read_bytes()]
    assert not stale, f"served differently from a fresh build: {stale[:10]} ({len(stale)} of {len(files)})"
    return len(files)


def test_after_edits_the_server_sends_what_a_fresh_build_makes(tmp_path):
    """Under serve a page unchanged since the last rebuild is not converted or templated again
    (hbsite/serve_memo.py). Whatever the editor changes — a record, a page title that is in
    every page's navigation, a removed record, an interface text — every file the server sends
    afterwards equals a fresh build's, in every variant, with the search indexes and sitemap."""
    repo = copy_repo(tmp_path / "repo")
    with serving(repo, tmp_path / "serve.log") as base:
        wait_for(base + PAGE, lambda body: "Keusote" in body, seconds=120)
        # A page title in the navigation of every page of its variant.
        page = repo / "docs" / "sv" / "hankkeet" / "index.md"
        text = page.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.startswith("# "))
        page.write_text(text.replace(title, title + " och mer", 1), encoding="utf-8")
        wait_for(base + "/sv/", lambda body: title[2:] + " och mer" in body)
        # A record removed: every page's language links and the lists change.
        (repo / "projects" / "hb-kokeilu-2020-2021" / "hebu-vantaa.yml").unlink()
        wait_for(base + "/hankkeet/hb-kokeilu-2020-2021/", lambda body: "hebu-vantaa" not in body)
        # One record's text: the rebuild keeps every other page from the previous one.
        marker = "Merkkilause tarkistusta varten"
        record = repo / RECORD
        text = record.read_text(encoding="utf-8")
        record.write_text(text.replace("\nsummary:\n  fi: >-\n", f"\nsummary:\n  fi: >-\n    {marker}.\n", 1), encoding="utf-8")
        wait_for(base + PAGE, lambda body: marker in body)
        assert assert_served_as_built(repo, base, tmp_path, "fresh1") > 80
        # An interface text of one variant (site.yml), in pages kept since the last rebuild.
        site = repo / "site.yml"
        text = site.read_text(encoding="utf-8")
        assert 'lattlast: "Projektets mål"' in text
        site.write_text(text.replace('lattlast: "Projektets mål"', 'lattlast: "Projektets mål och syfte"', 1), encoding="utf-8")
        wait_for(base + "/lattlast" + PAGE, lambda body: "Projektets mål och syfte" in body)
        assert_served_as_built(repo, base, tmp_path, "fresh2")


def test_a_variant_that_fails_to_build_fails_alone_and_comes_back_after_the_fix(tmp_path):
    """Under serve a variant is built when first asked for (hbsite/serve_variants.py): a page
    that breaks the strict build of one variant answers that variant's requests at once with an
    error page that lists the build's messages (they are in the server's log too), the other
    variants are served, and the fix brings the variant back. A save that breaks the rebuild of
    the variant being viewed shows the error page too, and the open page reloads to it (MkDocs
    held every request, and the browser kept the page from before the save)."""
    repo = copy_repo(tmp_path / "repo")
    log_path = tmp_path / "serve.log"
    with serving(repo, log_path) as base:
        wait_for(base + PAGE, lambda body: "Keusote" in body, seconds=120)
        page = repo / "docs" / "sv" / "nyt" / "index.md"
        text = page.read_text(encoding="utf-8")
        rebuilds = lambda: log_path.read_text(encoding="utf-8").count("Reloading browsers")
        before = rebuilds()
        page.write_text(text + "\n[Saknas](finns-inte.md)\n", encoding="utf-8")
        deadline = time.monotonic() + 60
        while rebuilds() == before:  # the rebuild builds the variant viewed last: the default one
            assert time.monotonic() < deadline, log_path.read_text(encoding="utf-8")[-3000:]
            get(base + PAGE)
            time.sleep(0.3)
        status, body, _seconds = get(base + "/sv/nyt/")
        assert status == 500 and "could not be built" in log_path.read_text(encoding="utf-8")
        assert "<title>The site cannot be shown</title>" in body and "The variant 'sv' could not be built" in body
        assert "finns-inte.md" in body and "livereload(" in body, "the page says what is wrong, and reloads"
        status, _body, seconds = get(base + "/sv/nyt/")
        assert status == 500 and seconds < 1.0, (status, seconds)
        assert "finns-inte.md" in log_path.read_text(encoding="utf-8"), "the log says what is wrong"
        status, body, _seconds = get(base + PAGE)
        assert status == 200 and "Keusote" in body, "the default variant is served"
        page.write_text(text, encoding="utf-8")
        wait_for(base + "/sv/nyt/", lambda body: '<html lang="sv"' in body)

        # The variant being viewed breaks: its rebuild fails.
        status, body, _seconds = get(base + PAGE)
        epoch = re.search(r"livereload\((\d+), \d+\)", body)[1]
        page = repo / "docs" / "fi" / "nyt" / "index.md"
        text = page.read_text(encoding="utf-8")
        page.write_text(text + "\n[Puuttuu](ei-ole.md)\n", encoding="utf-8")
        status, reload, seconds = get(f"{base}/livereload/{epoch}/1")  # the open page's live reload
        assert status == 200 and int(reload) > int(epoch) and seconds < 30, (status, reload, seconds)
        status, body, seconds = get(base + PAGE)
        assert status == 500 and seconds < 1.0 and "ei-ole.md" in body, (status, seconds, body[:2000])
        assert "The variant 'fi' could not be built" in body and "An error happened during the rebuild" in log_path.read_text(encoding="utf-8")
        status, body, _seconds = get(base + "/sv/nyt/")
        assert status == 500 and "ei-ole.md" in body, "no page is current while the rebuild has failed"
        page.write_text(text, encoding="utf-8")
        wait_for(base + PAGE, lambda body: "Keusote" in body and "ei-ole.md" not in body)
