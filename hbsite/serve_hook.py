"""MkDocs hook (mkdocs.yml → hooks): under `mkdocs serve`, regenerate the pages before each build.

With `watch:` on projects/, docs/, templates/ and site.yml, saving a record shows the change in
the browser without a manual step. While a record or page has a problem, every page the
server sends is an error page that lists each problem (file, line, message), like a
development server's error overlay; the server's live reload brings the real page back as
soon as the file is fixed and saved. Plain `mkdocs build` does not run the generator: the
documented build is `build_pages.py` then `mkdocs build --strict`.
"""
from __future__ import annotations

import html
import os
import sys
from pathlib import Path

from hbsite.build import build
from hbsite.error_page import page_of_errors
from hbsite.memo import Memo
from hbsite.problems import Problem, ProblemsFound
from hbsite.serve_variants import ON_REQUEST
from hbsite.write import destination

_serving = False
_problems: list[Problem] = []
_memo = Memo()  # what one rebuild may reuse of the last one (records checked, pages rendered)
_generated: set[str] = set()  # the generator's pages, now and before (their changes are its own)

def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"
    if _serving:  # one process builds every variant: its memory of the last rebuild is kept
        from hbsite.i18n import SERVING_ENV

        os.environ[SERVING_ENV] = "1"


_observer = None  # the file system's own change notices (inotify on Linux), when it has them


def on_serve(server, config, builder):
    """Watch what the site is made from so that a save starts one rebuild at once.

    - The generator writes its pages into docs/ during the rebuild that a saved record started;
      MkDocs' own watcher then started a second full rebuild, and the server holds every
      request until it ends (bench/bench.py: edit→visible 8.5 s at N=100 with it). The pages
      the generator writes and its temporary files are left out; any other file
      under docs/ (a hand-written page) rebuilds as before.
    - MkDocs polls the files every 0.5 s, a quarter of a second of every edit→visible on
      average; where the system tells of changes itself (watchdog's native observer: inotify,
      FSEvents, ReadDirectoryChangesW) it is used instead, for docs/ and `watch:`.

    - From then on a rebuild builds the variant viewed last only, the others when a page of
      theirs is asked for, and a failed build shows its messages on the page
      (hbsite/serve_variants.py).

    This uses the server's private rebuild flag, request handler and reload counters; if a
    MkDocs release changes them, serve keeps MkDocs' own watcher and builds.
    """
    global _observer
    if all(hasattr(server, name) for name in ON_REQUEST.NEEDS):
        ON_REQUEST.install(server)  # rebuilds build the variant viewed; the others on request
    if not (hasattr(server, "_rebuild_cond") and hasattr(server, "_want_rebuild") and hasattr(server, "observer")):
        return
    import watchdog.events
    import watchdog.observers
    import watchdog.observers.polling

    from hbsite.write import MANIFEST

    root = Path(os.path.abspath(config.config_file_path)).parent
    docs = os.path.abspath(config.docs_dir)
    try:  # the pages of the build before this server started
        _generated.update(str(root / p) for p in (root / MANIFEST).read_text(encoding="utf-8").splitlines())
    except FileNotFoundError:
        pass

    def ours(path: str) -> bool:
        name = os.path.basename(path)
        if name.startswith(".") and name.endswith(".tmp"):
            return True  # the generator's atomic write
        return os.path.abspath(path) in _generated

    watched = [docs]
    native = watchdog.observers.Observer
    if not issubclass(native, watchdog.observers.polling.PollingObserver):
        # `watch:` too (MkDocs watches what is left in config.watch after this). mkdocs.yml stays
        # with MkDocs' watcher: the server adds its live-reload script only while it watches something.
        watched += [os.path.abspath(p) for p in config.watch]
        config.watch[:] = []
    files = {p for p in watched if not os.path.isdir(p)}
    folders = tuple(p + os.sep for p in watched if os.path.isdir(p))

    def relevant(path: str) -> bool:
        path = os.path.abspath(path)
        return (path in files or path.startswith(folders)) and not ours(path)

    def changed(event):
        if event.is_directory or event.event_type in ("opened", "closed_no_write"):
            return
        paths = [event.src_path] + ([event.dest_path] if getattr(event, "dest_path", "") else [])
        if not any(relevant(p) for p in paths):
            return
        with server._rebuild_cond:
            server._want_rebuild = True
            server._rebuild_cond.notify_all()

    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = changed
    observer = server.observer if issubclass(native, watchdog.observers.polling.PollingObserver) else native()
    for path in watched:
        while True:  # MkDocs watches docs_dir itself
            try:
                server.unwatch(path)
            except KeyError:
                break
    # A single file is watched through its folder (inotify follows a saved file's new inode).
    for folder in sorted({p if os.path.isdir(p) else os.path.dirname(p) for p in watched}):
        observer.schedule(handler, folder, recursive=folder + os.sep in folders)
    if observer is not server.observer:
        _observer = observer
        _observer.start()


def on_shutdown():
    if _observer is not None:
        _observer.stop()


def on_pre_build(config):
    global _problems
    if not _serving:
        return
    plugin = config.plugins.get("hb-i18n")
    if plugin is not None and plugin.building:
        return  # the variants after the first are built from the same pages
    try:
        root = Path(os.path.abspath(config.config_file_path)).parent
        build(root, _memo, before_writing=lambda pages: _generated.update(str(root / destination(p)) for p in pages))
        _problems = []
    except ProblemsFound as found:
        _problems = found.problems
        # Printed, not logged: a logged warning or error would make `strict: true` abort the
        # build, and the server would keep the reader waiting instead of showing the problems.
        print(error_intro(len(_problems)) + "\n" + "\n".join(str(p) for p in _problems), file=sys.stderr, flush=True)


def on_post_page(output, page, config):
    """While there are problems, every page shows them instead of an out-of-date page."""
    return error_page(_problems) if _problems else output


def error_intro(count: int) -> str:
    from hbsite.messages import ngettext

    return ngettext("{count} problem in the records: fix it and save the file; this page comes back by itself.",
                    "{count} problems in the records: fix them and save the files; this page comes back by itself.",
                    count).format(count=count)


def error_page(problems: list[Problem]) -> str:
    from hbsite.messages import _

    items = "\n".join(
        f"<li><code>{html.escape(p.file)}:{p.line}:{p.column}</code><br>{html.escape(p.message)}</li>" for p in problems
    )
    return page_of_errors(_("The site cannot be shown"), error_intro(len(problems)), items)
