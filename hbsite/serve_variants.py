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

A build that fails (with `strict: true`, any warning) is answered with an error page that lists
its messages, for that variant's pages until the next rebuild; a failed rebuild, for every
page (MkDocs' server would hold every request until a rebuild succeeds). The messages are also
in the server's log, as before; the page's live reload brings the real page back after the fix.
"""
from __future__ import annotations

import contextlib
import html
import logging
import os
import posixpath
import threading
import time
from typing import Callable

from hbsite.error_page import page_of_errors
from hbsite.messages import _

log = logging.getLogger("mkdocs.hb")

# What only the default variant's build writes, outside the other variants' folders.
DEFAULT_ONLY = (".html", ".xml", ".json", ".gz")


class VariantsOnRequest:
    # What of MkDocs' LiveReloadServer (mkdocs<2) this uses; without any of them, serve as MkDocs does.
    NEEDS = ("builder", "mount_path", "root", "_serve_request", "_epoch_cond", "_visible_epoch", "_wanted_epoch",
             "_inject_js_into_html")

    def __init__(self):
        self.lock = threading.Lock()  # one build into the site folder at a time
        self.active = False           # set once the server is watching (install)
        self.viewed: str | None = None  # the variant of the page asked for last
        self._mount, self._root = "/", ""
        self._folders: dict[str, str] = {}  # every variant: URL folder ("sv/", "" for the default) → key
        self._default = ""
        self._waiting: set[str] = set()     # the variants not built since the rebuild
        self._failed: dict[str, Failure] = {}  # variant → why its build on request failed
        self._rebuild_failure: Failure | None = None  # why the last rebuild failed
        self._build: Callable[[str], None] = lambda key: None

    def wait(self, folders: dict[str, str], default: str, waiting: set[str], build: Callable[[str], None]) -> None:
        """A rebuild has built one variant (its caller holds the lock): the `waiting` ones are
        built by `build(key)` when asked for."""
        self._folders = dict(sorted(folders.items(), key=lambda item: -len(item[0])))  # "" last
        self._default, self._waiting, self._build = default, set(waiting), build

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
        build failed is not tried again until the next rebuild."""
        with self.lock:
            if key not in self._waiting:
                return False
            self._waiting.discard(key)
            started = time.monotonic()
            try:
                with Failure.noted(key) as failure:
                    self._build(key)
            except (Exception, SystemExit):
                self._failed[key] = failure
                log.error(_("The variant '{variant}' could not be built: {error}").format(variant=key, error=failure.error))
                return False
            log.info(_("Built the variant '{variant}' on request in {seconds} seconds").format(
                variant=key, seconds=f"{time.monotonic() - started:.2f}"))
            return True

    def _rebuild(self, server, builder, *args, **kwargs):
        """The server's rebuild (of the variant viewed last). A failure is re-raised, so the
        server logs it as it always has; until the next rebuild every page shows it. MkDocs
        would hold every request until a rebuild succeeds, and the browser would keep the page
        from before the failed save: the requests are let go (they get the error page) and
        the open pages reload."""
        with self.lock:
            self._failed, self._rebuild_failure = {}, None
            try:
                with Failure.noted(self.viewed or self._default) as failure:
                    return builder(*args, **kwargs)
            except Exception:
                self._rebuild_failure = failure
                with server._epoch_cond:
                    server._visible_epoch = server._wanted_epoch
                    server._epoch_cond.notify_all()
                raise

    def install(self, server) -> None:
        """From now on a rebuild builds one variant and leaves the others for their first
        request (the server's builder and request handler are wrapped; MkDocs' LiveReloadServer,
        mkdocs<2)."""
        self.active = True
        self._mount, self._root = server.mount_path, server.root
        builder = server.builder

        def build_site(*args, **kwargs):
            return self._rebuild(server, builder, *args, **kwargs)

        serve = server._serve_request

        def serve_request(environ, start_response):
            path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
            key = self.variant_of(path)
            if key and path.endswith(("/", ".html")):
                self.viewed = key
            if self._rebuild_failure and not path.startswith("/livereload/"):
                return self._rebuild_failure.answer(server, start_response)
            if key:
                self.build(key)
                if key in self._failed:
                    return self._failed[key].answer(server, start_response)
            started: list = []  # the answer's status line is sent once it is known to be current
            answer = serve(environ, lambda *status: started.append(status))  # waits for a rebuild in progress
            if answer is None and key and self.build(key):
                answer = serve(environ, lambda *status: started.append(status))  # a rebuild began meanwhile: its turn now
            if self._rebuild_failure and not path.startswith("/livereload/"):  # the rebuild it waited for failed
                if hasattr(answer, "close"):
                    answer.close()
                return self._rebuild_failure.answer(server, start_response)
            if answer is None:
                self.build(self._default)  # the "not found" page is the default variant's
            elif started:
                start_response(*started[-1])
            return answer

        server.builder = build_site
        server._serve_request = serve_request


class Failure(logging.Handler):
    """What a build of one variant logged (warnings and errors) and the error that stopped it."""

    def __init__(self, variant: str):
        super().__init__(logging.WARNING)
        self.variant, self.messages, self.error = variant, [], None

    def emit(self, record):
        self.messages.append(record.getMessage())

    @classmethod
    @contextlib.contextmanager
    def noted(cls, variant: str):
        failure = cls(variant)
        logger = logging.getLogger("mkdocs")  # MkDocs' strict mode counts what reaches this one
        logger.addHandler(failure)
        try:
            yield failure
        except BaseException as error:
            failure.error = error
            raise
        finally:
            logger.removeHandler(failure)

    def answer(self, server, start_response):
        """The error page, with the server's live reload: it reloads once a rebuild has been built."""
        messages = [*self.messages, str(self.error)] if str(self.error) not in self.messages else self.messages
        items = "\n".join(f"<li>{html.escape(message)}</li>" for message in messages if message)
        page = page_of_errors(_("The site cannot be shown"), _(
            "The variant '{variant}' could not be built: fix what is listed below and save the file; "
            "this page comes back by itself.").format(variant=self.variant), items).encode("utf-8")
        if getattr(server, "_watched_paths", None):
            with server._epoch_cond:
                epoch = server._visible_epoch
            page = server._inject_js_into_html(page, epoch)
        start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8"),
                                                     ("Content-Length", str(len(page)))])
        return [page]


ON_REQUEST = VariantsOnRequest()
