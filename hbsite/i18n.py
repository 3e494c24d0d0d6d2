"""The `hb-i18n` MkDocs plugin: mkdocs-static-i18n with variants instead of bare locales.

mkdocs-static-i18n uses one value, the locale, as folder name, URL segment, `hreflang` and
Material's language. Our selkosuomi variant needs the folder `selko` but the language tag
`fi`, and the plugin's config refuses `selko` as a locale. This subclass only separates the
two: `locale` becomes a variant key (any lowercase word), and `lang`/`hreflang` carry the
BCP 47 tags. Everything else is the upstream plugin, used through its public hooks; the one
thing swapped at run time is MkDocs' `utils.clean_directory` while a variant builds into the
shared site folder, as mkdocs-static-i18n's own loop does. Registered as the `hb-i18n` entry
point in pyproject.toml.

It also does seven things the upstream plugin does differently:
- hand-written pages: docs/<variant>/… are Jinja templates that build_pages.py renders into
  build/pages/<variant>/…; MkDocs is given that rendering as the page's source;
- search: one index per variant (`/search/`, `/sv/search/`, …), each with its own stemmer,
  instead of one merged index where a Swedish reader gets Finnish hits;
- language links: each page gets `hb_variants` (name, lang, url, current) for the visible
  links rendered by `overrides/`, instead of Material's icon-only switcher;
- sitemap and hreflang use the BCP 47 tags;
- Material's templates are compiled once per process, not once per variant (_TemplateCache);
- `mkdocs build` builds the variants in parallel processes, one per CPU (VariantI18n, "the variants in parallel");
- under `mkdocs serve` a rebuild builds the variant being viewed, the others on request
  (hbsite/serve_variants.py).
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import jinja2
from mkdocs import plugins, utils
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import config_options
from mkdocs.config.base import ValidationError
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs_static_i18n.config import I18nPluginConfig, I18nPluginLanguage
from mkdocs_static_i18n.plugin import I18n
from mkdocs_static_i18n.utils import I18nLoggingFilter

from hbsite.serve_variants import ON_REQUEST
from hbsite.write import RENDERED_DIR

VARIANT_KEY = re.compile(r"^[a-z]{2,8}$")
# BCP 47 in the forms we use: language, optional script/region, optional private use.
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?(-x(-[a-z0-9]{1,8})+)?$")


class VariantKey(config_options.Type):
    """A variant key: names the docs folder, the URL segment and the texts' keys."""

    def __init__(self):
        super().__init__(str)

    def run_validation(self, value):
        value = super().run_validation(value)
        if not VARIANT_KEY.match(value):
            raise ValidationError(
                f"variant key '{value}' must be 2–8 lowercase letters (e.g. 'fi', 'sv', 'selko')"
            )
        return value


class LanguageTag(config_options.Type):
    def __init__(self):
        super().__init__(str)

    def run_validation(self, value):
        value = super().run_validation(value)
        if not LANGUAGE_TAG.match(value):
            raise ValidationError(f"'{value}' is not a BCP 47 language tag such as 'fi' or 'fi-x-selko'")
        return value


class VariantConfig(I18nPluginLanguage):
    locale = VariantKey()
    lang = LanguageTag()  # <html lang>, lang= on links
    hreflang = config_options.Optional(LanguageTag())  # defaults to lang
    search_lang = config_options.Optional(config_options.Type(str))  # lunr stemmer; defaults to lang
    stylesheet = config_options.Optional(config_options.Type(str))  # extra CSS of this variant
    readability = config_options.Optional(config_options.Type(dict))  # measure and targets: hbsite/variants.py reads them

    def validate(self):
        failed, warnings = super().validate()
        self.hreflang = self.hreflang or self.lang
        self.search_lang = self.search_lang or self.lang.split("-")[0]
        return failed, warnings


class VariantsConfig(I18nPluginConfig):
    build_only_locale = config_options.Optional(VariantKey())
    languages = config_options.ListOfItems(config_options.SubConfig(VariantConfig, validate=True))


class _TemplateCache(jinja2.BytecodeCache):
    """Material's templates compiled once per process, not once per variant and rebuild: the
    theme's Jinja environment is made anew for each variant's build, and compiling its ~140
    templates was half of a build of today's site (bench/bench.py: edit→visible)."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket):
        self.compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CACHE = _TemplateCache()

# The variants one process builds: set for the processes `mkdocs build` starts (VariantI18n).
VARIANTS_ENV = "HB_BUILD_VARIANTS"
# How many processes build the variants (default: the CPUs this process may use; 1: one after
# the other, as mkdocs-static-i18n does).
WORKERS_ENV = "HB_BUILD_WORKERS"
# Set by the serve hook: `mkdocs serve` keeps one process, whose memory of the last rebuild is
# what makes a rebuild fast (hbsite/serve_memo.py, hbsite/memo.py).
SERVING_ENV = "HB_SERVING"


def workers() -> int:
    if os.environ.get(WORKERS_ENV):
        return max(1, int(os.environ[WORKERS_ENV]))
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def share(keys: list[str], count: int) -> list[list[str]]:
    """The variants split into `count` groups of about the same size, the first variant first."""
    groups = [keys[i::count] for i in range(min(count, len(keys)))]
    return [g for g in groups if g]


class VariantI18n(I18n):
    config_class = VariantsConfig
    config_scheme = VariantsConfig._schema

    # ── the variants in parallel (mkdocs build) ─────────────────────────────────────────────
    # mkdocs-static-i18n builds the default variant, then each other one in the same process
    # (on_post_build). Each variant's build is independent of the others' output (every build
    # sees every variant's files, for the language links and the sitemap), so `mkdocs build`
    # gives groups of variants to other processes, started once the site folder is cleaned,
    # and builds its own group meanwhile. Each process writes the search index of the variants
    # it built. The output is the same byte for byte (tests/test_site.py).
    _mine: list[str] | None = None      # the variants this process builds (None: all)
    _others: list = []                  # the processes building the rest: (group, process, log)
    built: set

    def _group(self) -> list[str] | None:
        given = os.environ.get(VARIANTS_ENV)
        if given:
            return [k for k in given.split(",") if k]
        return None

    @plugins.event_priority(-100)
    def on_files(self, files, config):
        if self._mine is None and not self.building and self.current_language == self.default_language:
            self._start_others(config)
        return super().on_files(files, config)

    def _start_others(self, config):
        keys = [v.locale for v in self.variants]
        count = 1 if os.environ.get(SERVING_ENV) else workers()
        groups = share(keys, count)
        self._mine = groups[0]
        self._others = []
        for group in groups[1:]:
            output = tempfile.TemporaryFile()
            command = [sys.executable, "-m", "mkdocs", "build", "-f", config.config_file_path, "-d", config.site_dir]
            command += ["--strict"] if config.strict else []
            level = logging.getLogger("mkdocs").getEffectiveLevel()  # as quiet or verbose as this one
            command += ["--quiet"] if level >= logging.ERROR else ["--verbose"] if level <= logging.DEBUG else []
            env = {**os.environ, VARIANTS_ENV: ",".join(group), "NO_MKDOCS_2_WARNING": "1"}  # the banner once
            self._others.append((group, subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT), output))

    @plugins.event_priority(-100)
    def on_post_build(self, config):
        """Build this process's other variants (mkdocs-static-i18n's loop, over its group only),
        then wait for the other processes; a process that failed fails the build. Under serve,
        the other variants are left for their first request (hbsite/serve_variants.py)."""
        self.extend_search_entries(config)
        self.built = getattr(self, "built", set()) | {self.current_language}
        if self.building:
            return
        if ON_REQUEST.active:
            self.reconfigure_search_index(config)
            ON_REQUEST.wait({v.link.lstrip("/"): v.locale for v in self.variants}, self.default_language,
                            {v.locale for v in self.variants} - self.built, lambda key: self._build_on_request(config, key))
            return
        with self._into_built_site():
            for locale in self._mine or [v.locale for v in self.variants]:
                if locale not in self.built:
                    self.current_language = locale
                    mkdocs_build(config)
        failed = []
        for group, process, output in self._others:
            process.wait()
            output.seek(0)
            text = output.read().decode("utf-8", "replace")
            output.close()
            for line in text.splitlines():
                if line.strip() and not re.search(r" - (Building documentation to directory|Cleaning site directory)", line):
                    print(line, file=sys.stderr)
            if process.returncode:
                failed.append(",".join(group))
        self._others = []
        if failed:
            raise PluginError(f"the build of the variants {'; '.join(failed)} failed (their messages are above)")
        # Last: each variant's build also wrote the root index with its own entries.
        self.reconfigure_search_index(config)

    @contextlib.contextmanager
    def _into_built_site(self):
        """More variants built into the site folder this build has cleaned and filled."""
        self.building = True
        clean = utils.clean_directory
        utils.clean_directory = lambda path: path  # the other variants' output stays
        quiet = I18nLoggingFilter()  # one "Documentation built" line, not one per variant
        quiet.filtered_prefixes.update({"Documentation built in", "Building documentation to directory"})
        logging.getLogger("mkdocs.commands.build").addFilter(quiet)
        try:
            yield
        finally:
            utils.clean_directory = clean
            logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
            self.building = False

    def _build_on_request(self, config, key: str):
        """One variant, after the rebuild that built the variant being viewed, with its search index."""
        root_index = Path(config.site_dir, "search", "search_index.json")
        default_index = root_index.read_bytes() if root_index.is_file() else None
        self.built, self.search_entries = set(), []
        with self._into_built_site():
            self.current_language = key
            mkdocs_build(config)
        self.reconfigure_search_index(config)
        if default_index is not None and key != self.default_language:
            root_index.write_bytes(default_index)  # the search plugin wrote this variant's entries there

    def on_build_error(self, error):
        """This process failed: the others stop, so nothing writes into the site afterwards."""
        for _group, process, output in self._others:
            process.kill()
            process.wait()
            output.close()
        self._others = []

    @plugins.event_priority(-100)
    def on_config(self, config):
        group = self._group()
        if group and self.current_language is None:
            # A process started by _start_others: it builds its group, the first one first,
            # into the site folder the first process has cleaned.
            self.current_language, self._mine = group[0], group
            utils.clean_directory = lambda path: path
        elif ON_REQUEST.active and self.current_language is None and ON_REQUEST.viewed in {v.locale for v in self.variants}:
            self.current_language = ON_REQUEST.viewed  # a rebuild under serve: the variant being viewed
        config = super().on_config(config)
        # The visible language links replace Material's icon menu and its hreflang links,
        # which would carry the variant key ("selko") as a language tag.
        config.extra["alternate"] = []
        self.extra_alternate = []
        return config

    def on_env(self, env, config, files):
        env.bytecode_cache = TEMPLATE_CACHE  # keyed by template name and source: never stale
        parent = getattr(super(), "on_env", None)
        return parent(env, config, files) if parent else env

    def on_page_read_source(self, page, config):
        """A hand-written page's text as build_pages.py rendered it (hbsite/write.py)."""
        rendered = Path(config.config_file_path).parent / RENDERED_DIR / page.file.src_uri
        if rendered.is_file():
            return rendered.read_text(encoding="utf-8-sig")
        if "{{" in (page.file.content_string if page.file.abs_src_path else ""):
            from .messages import _

            raise PluginError(_("{file} is a template that has not been rendered: run `.venv/bin/python build_pages.py` first").format(file=f"docs/{page.file.src_uri}"))
        return None

    @property
    def variants(self) -> list[VariantConfig]:
        return [v for v in self.config.languages if v.build]

    @plugins.event_priority(40)
    def on_page_context(self, context, page, config, nav):
        context = super().on_page_context(context, page, config, nav)
        if not isinstance(page, Page) or not hasattr(page.file, "alternates"):
            return context
        current = self.current_language_config
        links = []
        for variant in self.variants:
            alternate = page.file.alternates.get(variant.locale)
            url = alternate.url if alternate else variant.link.lstrip("/")
            links.append(
                {
                    "key": variant.locale,
                    "default": variant.default,
                    "name": variant.name,
                    "lang": variant.lang,
                    "hreflang": variant.hreflang,
                    "url": url,
                    "current": variant.locale == current.locale,
                }
            )
        context["hb_variants"] = links
        context["hb_variant"] = current
        context["hb_variant_root"] = current.link.lstrip("/")
        return context

    def on_post_template(self, output_content, template_name, config):
        # The root /404.html belongs to no variant, but every variant's build writes it: only
        # the default variant's build keeps it, so its <html lang> is the default's (MkDocs
        # skips a theme template whose output is empty).
        if template_name in ("404.html", "sitemap.xml") and not self.is_default_language_build:
            return ""
        return output_content

    def sitemap(self, config) -> list[dict]:
        """The sitemap's entries: every page of every variant, in the variants' order, each with
        its address and every variant's address of it (own first). Made from the default
        variant's pages and their language links alone, so it does not depend on which process
        built which variant (the root sitemap.xml is written by the default variant's build)."""
        default = self.default_language
        files = [f for f in self.i18n_files_per_language.get(default, [])
                 if f.page is not None and not getattr(f.page, "is_link", False) and not f.src_uri.endswith("404.md")]

        def href(file) -> str:
            page = getattr(file, "page", None)
            if page is not None and page.canonical_url:
                return page.canonical_url
            return config.site_url if file.url == "./" else config.site_url + file.url

        def version(file, locale):
            return file if locale == default else file.alternates.get(locale)

        entries = []
        for locale in [v.locale for v in self.variants]:
            for file in files:
                own = version(file, locale)
                if own is None:
                    continue
                others = sorted(k for k in file.alternates if k != locale)
                entries.append({"loc": href(own), "alternates": [(k, href(version(file, k))) for k in [locale, *others]]})
        return entries

    def on_template_context(self, context, template_name, config):
        context = super().on_template_context(context, template_name, config)
        if template_name == "sitemap.xml":
            context["hb_sitemap"] = self.sitemap(config) if self.is_default_language_build else []
        context["hb_hreflang"] = {v.locale: v.hreflang for v in self.config.languages}
        # Every variant's own strings, for pages that speak all of them at once (the root 404,
        # served at any depth: its links are absolute paths under the site's address).
        site_path = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        context["hb_all_variants"] = [
            {"name": v.name, "lang": v.lang, "hreflang": v.hreflang, "home": site_path + v.link.lstrip("/"),
             "site_name": v.site_name or config.site_name, "extra": v.extra or {}}
            for v in self.variants
        ]
        return context

    def reconfigure_search_index(self, config):
        """Write one search index per variant instead of one merged index."""
        plugin = config.plugins.get("material/search") or config.plugins.get("search")
        if plugin is None:
            return
        base_config = {
            key: plugin.search_index.config[key]
            for key in ("separator", "pipeline", "fields")
            if key in plugin.search_index.config
        }
        prefixes = {v.locale: v.link.lstrip("/") for v in self.variants}
        for variant in self.variants:
            if variant.locale not in getattr(self, "built", ()):
                continue  # another process builds it, and writes its index
            prefix = prefixes[variant.locale]
            others = tuple(p for p in prefixes.values() if p and p != prefix)
            docs = []
            for entry in self.search_entries:
                location = entry["location"]
                if prefix and location.startswith(prefix):
                    docs.append({**entry, "location": location[len(prefix):]})
                elif not prefix and not location.startswith(others):
                    docs.append(entry)
            data = {"config": {**base_config, "lang": [variant.search_lang]}, "docs": docs}
            path = os.path.join(config.site_dir, *PurePosixPath(prefix).parts, "search", "search_index.json")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
        self.search_entries = []
