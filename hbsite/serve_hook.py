"""MkDocs hook (mkdocs.yml → hooks): under `mkdocs serve`, regenerate docs/ before each build.

With `watch:` on projects/, pages/, templates/ and site.yml, saving a record shows the change
in the browser without a manual step. Plain `mkdocs build` does not run the generator: the
documented build is `python build_pages.py && mkdocs build --strict`.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from hbsite.build import build
from hbsite.problems import ProblemsFound, format_problems

_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_pre_build(config):
    if not _serving:
        return
    plugin = config.plugins.get("hb-i18n")
    if plugin is not None and plugin.current_language != plugin.default_language:
        return  # the variants after the first are built from the same docs/
    root = Path(config.config_file_path).parent
    try:
        build(root)
    except ProblemsFound as found:
        raise PluginError("The records have problems; fix them and save again:\n" + format_problems(found.problems)) from None
