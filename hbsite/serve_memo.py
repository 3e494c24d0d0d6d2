"""MkDocs hook (mkdocs.yml → hooks): under `mkdocs serve`, a page unchanged since the last
rebuild is neither converted from Markdown nor put through the theme's templates again.

A saved record changes a handful of pages, but every rebuild converted and templated every
page of every variant again: about three quarters of a rebuild (cProfile at 300 records).
Under serve the process lives on between rebuilds, so both results are kept, each keyed by
everything it depends on:

- the conversion: the page's Markdown as MkDocs converts it (after every plugin's
  `on_page_markdown`), its source and address, the Markdown extensions and their settings,
  and the site's list of files with their addresses (links are resolved and checked against
  it, and the language links come from it);
- the page's HTML and its entries in the search index: that key, the page's metadata, the
  variant, mkdocs.yml, the variant's settings, the navigation (every title and address in it)
  and the theme overrides' files.

A page with a kept result gets it; any other page is built as usual. A result whose making
logged a warning is never kept, so `strict: true` fails again on the next rebuild instead of
passing from memory. Only the results each variant's last build used are kept. Plain `mkdocs build`
builds each page once and does not use this.
"""
from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

import jinja2
from mkdocs.plugins import event_priority

KEPT_TEMPLATE = "hb-kept-page.html"  # the page's kept HTML, as it is

_serving = False
_variant = ""  # the variant being built
# Per variant (a rebuild may build some variants only: hbsite/serve_variants.py):
_kept: dict[str, dict] = {}      # the results of its previous build
_used: dict[str, dict] = {}      # the results of its build now, kept for the next
_complete: dict[str, bool] = {}  # its last build reached its end
_files_digest = ""


class _Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


_warnings = _Warnings()
_nav = None


def _digest(*parts: str) -> str:
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"
    if _serving:
        logging.getLogger("mkdocs").addHandler(_warnings)


def on_shutdown():
    logging.getLogger("mkdocs").removeHandler(_warnings)


def _variants_plugin(config):
    return config.plugins.get("hb-i18n")


def on_pre_build(config):
    """A variant's build begins: it may reuse what its previous build made, or, if that one
    stopped early, what the earlier ones did too."""
    global _variant
    plugin = _variants_plugin(config)
    _variant = plugin.current_language if plugin else ""
    kept, used = _kept.get(_variant, {}), _used.get(_variant, {})
    _kept[_variant] = used if _complete.get(_variant, True) else {**kept, **used}
    _used[_variant], _complete[_variant] = {}, False


@event_priority(200)  # before mkdocs-static-i18n's, which builds the other variants in this event
def on_post_build(config):
    _complete[_variant] = True


def on_files(files, config):
    global _files_digest
    if _serving:
        digest = hashlib.blake2b(repr((config.markdown_extensions, config.mdx_configs,
                                       config.use_directory_urls)).encode(), digest_size=16)
        for file in files:
            digest.update(f"{file.src_uri}\0{file.dest_uri}\0{file.url}\n".encode())
        _files_digest = digest.hexdigest()
    return files


@event_priority(-200)  # after every plugin's change to the Markdown
def on_page_markdown(markdown, page, config, files):
    if not _serving:
        return markdown
    key = page.hb_markdown_key = _digest(_files_digest, page.file.src_uri, page.file.dest_uri, markdown)
    convert = page.render

    def render(config, files):
        kept = _kept[_variant].get(key)
        if kept is not None:
            page.content, page.toc, page._title_from_render, page.present_anchor_ids, anchors = kept
            if anchors is not None:
                page.links_to_anchors = {files.get_file_from_path(uri): links for uri, links in anchors.items()}
            _used[_variant][key] = kept
            return
        warned = _warnings.count
        convert(config, files)
        if _warnings.count == warned:
            anchors = page.links_to_anchors
            _used[_variant][key] = (page.content, page.toc, page._title_from_render, page.present_anchor_ids,
                          None if anchors is None else {f.src_uri: links for f, links in anchors.items()})

    page.render = render  # this page object, this build only
    return markdown


def on_nav(nav, config, files):
    global _nav
    _nav = nav
    return nav


def _nav_digest(items) -> str:
    return "".join(f"{item.title}\1{getattr(item, 'url', '')}\2{_nav_digest(item.children or [])}\3"
                   for item in items)


def _theme_digest(config) -> str:
    """The overrides' files (names, sizes, times); the installed theme does not change under serve."""
    found = []
    for folder in config.theme.dirs[:1] if config.theme.custom_dir else []:
        for base, _dirs, names in os.walk(folder):
            for name in sorted(names):
                stat = os.stat(os.path.join(base, name))
                found.append(f"{base}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(found)


def on_env(env, config, files):
    """Every page is converted by now: the pages whose HTML is kept skip the templates."""
    if not _serving:
        return env
    plugin = _variants_plugin(config)
    build = _digest(Path(config.config_file_path).read_text(encoding="utf-8"),
                    repr(plugin.current_language_config) if plugin else "",
                    repr((config.site_url, config.site_name, config.site_description, dict(config.extra),
                          config.theme.get("language"), config.extra_css, config.extra_javascript)),
                    _nav_digest(_nav.items if _nav else []), _theme_digest(config))
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.DictLoader({KEPT_TEMPLATE: "{{ page.hb_kept_html }}"})])
    _keep_search_entries(config)
    for file in files.documentation_pages():
        page = file.page
        if page is None or not hasattr(page, "hb_markdown_key"):
            continue
        key = page.hb_page_key = _digest(build, page.hb_markdown_key, repr(page.meta))
        kept = _kept[_variant].get(key)
        if kept is not None:
            page.hb_kept_html = kept
            page.meta["template"] = KEPT_TEMPLATE
    return env


def _keep_search_entries(config):
    """The search index's entries of a page are made from its HTML, table of contents, title and
    address: a page whose HTML is kept gets its kept entries instead of another parse."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    if index is None or not hasattr(index, "entries"):
        return
    index_page = index.add_entry_from_context

    def add_entry_from_context(page):
        key = getattr(page, "hb_page_key", None)
        kept = _kept[_variant].get(f"{key}:search") if key else None
        if kept is not None:
            index.entries.extend(kept)
        else:
            first = len(index.entries)
            index_page(page)
            kept = index.entries[first:]
        if key:
            _used[_variant][f"{key}:search"] = kept

    index.add_entry_from_context = add_entry_from_context  # this build's index only


@event_priority(100)  # before any plugin's change to the page's context
def on_page_context(context, page, config, nav):
    page.hb_warnings = _warnings.count
    return context


@event_priority(100)  # the template's output, before any plugin changes it (as on a kept page)
def on_post_page(output, page, config):
    key = getattr(page, "hb_page_key", None)
    if key is not None and _warnings.count == getattr(page, "hb_warnings", -1):
        _used[_variant][key] = output
    return output
