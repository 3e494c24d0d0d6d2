"""Under `mkdocs serve`, a rebuild builds the variant being viewed only; each other variant is
built when something of it is first asked for.

mkdocs-static-i18n builds every variant one after the other in each rebuild, and the server
holds every request until the last one is done: an editor looking at a Finnish page waited for
three more variants (bench/bench.py: edit→visible). Here a rebuild builds one variant, the one
of the page asked for last (the default variant at first), and the others wait. The first
request for a page of a waiting variant (`/sv/…`, also its search index; for the default
variant any page, the sitemap, the root search index or a file not written yet) builds that
variant before it is answered. Files that every variant's build writes alike (the theme's
and docs/' assets) are sent as they are.

Nothing stale can be sent: the rebuild cleans the site folder, so a variant's files exist only
once it has been built from the current files. The builds are one at a time: the server's
rebuilds and the builds on request share one lock. The first build of a server (before its
watcher starts) builds every variant, as `mkdocs build` does, and so does `mkdocs serve
--no-livereload`, which never rebuilds.
"""
from __future__ import annotations

import logging
import os
import posixpath
import threading
import time
from typing import Callable

log = logging.getLogger("mkdocs.hb")

# What only the default variant's build writes, outside the other variants' folders.
DEFAULT_ONLY = (".html", ".xml", ".json", ".gz")


class VariantsOnRequest:
    def __init__(self):
        self.lock = threading.Lock()  # one build into the site folder at a time
        self.active = False           # set once the server is watching (install)
        self.viewed: str | None = None  # the variant of the page asked for last
        self._mount, self._root = "/", ""
        self._folders: dict[str, str] = {}  # every variant: URL folder ("sv/", "" for the default) → key
        self._default = ""
        self._waiting: set[str] = set()     # the variants not built since the rebuild
        self._failed: dict[str, BaseException] = {}
        self._build: Callable[[str], None] = lambda key: None

    def wait(self, folders: dict[str, str], default: str, waiting: set[str], build: Callable[[str], None]) -> None:
        """A rebuild has built one variant (its caller holds the lock): the `waiting` ones are
        built by `build(key)` when asked for."""
        self._folders = dict(sorted(folders.items(), key=lambda item: -len(item[0])))  # "" last
        self._default, self._waiting, self._failed, self._build = default, set(waiting), {}, build

    def variant_of(self, path: str) -> str | None:
        """The variant whose build writes the file at `path` (None: any variant's build)."""
        if not path.startswith(self._mount) or path.startswith("/livereload/"):
            return None
        relative = path[len(self._mount):]
        key = next((k for folder, k in self._folders.items() if relative.startswith(folder)), None)
        if key != self._default:
            return key
        page = relative == "" or relative.endswith("/") or relative.endswith(DEFAULT_ONLY)
        written = os.path.isfile(os.path.join(self._root, *posixpath.normpath("/" + relative).lstrip("/").split("/")))
        return key if page or not written else None

    def build(self, key: str) -> bool:
        """Build the variant `key` if it still waits; True if it was built now. A variant whose
        build failed fails again at once, until the next rebuild."""
        with self.lock:
            if key in self._failed:
                raise self._failed[key]
            if key not in self._waiting:
                return False
            self._waiting.discard(key)
            started = time.monotonic()
            try:
                self._build(key)
            except BaseException as error:
                self._failed[key] = error
                log.error(f"the variant '{key}' could not be built: {error}")
                raise
            log.info(f"Built the variant '{key}' on request in {time.monotonic() - started:.2f} seconds")
            return True

    def install(self, server) -> None:
        """From now on a rebuild builds one variant and leaves the others for their first
        request (the server's builder and request handler are wrapped; MkDocs' LiveReloadServer,
        mkdocs<2)."""
        self.active = True
        self._mount, self._root = server.mount_path, server.root
        builder = server.builder

        def build_site(*args, **kwargs):
            with self.lock:
                return builder(*args, **kwargs)

        serve = server._serve_request

        def serve_request(environ, start_response):
            path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
            key = self.variant_of(path)
            if key:
                if path.endswith(("/", ".html")):
                    self.viewed = key
                self.build(key)
            answer = serve(environ, start_response)  # waits for a rebuild in progress
            if answer is None and key and self.build(key):
                answer = serve(environ, start_response)  # a rebuild began meanwhile: its turn now
            if answer is None:
                self.build(self._default)  # the "not found" page is the default variant's
            return answer

        server.builder = build_site
        server._serve_request = serve_request


ON_REQUEST = VariantsOnRequest()
