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
from hbsite.problems import Problem, ProblemsFound

_serving = False
_problems: list[Problem] = []

ERROR_PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font: 1.1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }}
h1 {{ color: #a00000; }}
li {{ margin-bottom: 1rem; }}
code {{ font-weight: 700; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p>{intro}</p>
<ol>
{items}
</ol>
</main>
</body>
</html>
"""


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_serve(server, config, builder):
    """Watch docs/ so that only an editor's change starts a rebuild, not the generator's own writes.

    The generator writes its pages into docs/ during the rebuild that a saved record started;
    MkDocs' own watcher then starts a second full rebuild, and the server holds every request
    until it ends (bench/bench.py: edit→visible 8.5 s at N=100 with it; PERFORMANCE.md).
    The pages in build/generated.txt and the generator's temporary files are left out; any
    other file under docs/ (a hand-written page) rebuilds as before. This uses the server's
    private rebuild flag; if a MkDocs release changes it, serve keeps MkDocs' own watcher.
    """
    if not (hasattr(server, "_rebuild_cond") and hasattr(server, "_want_rebuild") and hasattr(server, "observer")):
        return
    import watchdog.events

    from hbsite.write import MANIFEST

    root = Path(config.config_file_path).parent
    docs = os.path.abspath(config.docs_dir)

    def ours(path: str) -> bool:
        name = os.path.basename(path)
        if name.startswith(".") and name.endswith(".tmp"):
            return True  # the generator's atomic write
        try:
            listed = (root / MANIFEST).read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return False
        return Path(os.path.relpath(path, root)).as_posix() in listed

    def changed(event):
        if event.is_directory:
            return
        paths = [event.src_path] + ([event.dest_path] if getattr(event, "dest_path", "") else [])
        if all(ours(p) for p in paths):
            return
        with server._rebuild_cond:
            server._want_rebuild = True
            server._rebuild_cond.notify_all()

    while True:  # MkDocs watches docs_dir itself (mkdocs.yml's `watch:` must not list docs/ again)
        try:
            server.unwatch(docs)
        except KeyError:
            break
    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = changed
    server.observer.schedule(handler, docs, recursive=True)


def on_pre_build(config):
    global _problems
    if not _serving:
        return
    plugin = config.plugins.get("hb-i18n")
    if plugin is not None and plugin.current_language != plugin.default_language:
        return  # the variants after the first are built from the same pages
    try:
        build(Path(config.config_file_path).parent)
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
    from hbsite.messages import _, language

    items = "\n".join(
        f"<li><code>{html.escape(p.file)}:{p.line}:{p.column}</code><br>{html.escape(p.message)}</li>" for p in problems
    )
    return ERROR_PAGE.format(lang=language(), title=html.escape(_("The site cannot be shown")),
                             intro=html.escape(error_intro(len(problems))), items=items)
