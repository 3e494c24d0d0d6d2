"""The pipeline: load and validate everything, render every page in memory, then write.

Parsed record files and rendered pages are kept in build/cache/ (hbsite/cache.py), so a run
after a small edit parses and renders only what the edit touched. Validation and every
check still run on every record each time.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from . import cache as build_cache
from .model import Schema, schema_for, site_schema_for
from .problems import Problem, ProblemsFound
from .render import HAND_WRITTEN, Page, Renderer
from .validate import Records, validate, validate_site_file
from .variants import Variant, read_variants
from .write import WriteReport, write_pages


@dataclass
class Content:
    root: Path
    variants: tuple[Variant, ...]
    schema: Schema
    records: Records
    site: BaseModel | None
    problems: list[Problem] = field(default_factory=list)
    cache: build_cache.BuildCache | None = field(default=None, repr=False, compare=False)


@contextmanager
def _no_gc_pauses():
    """Python's cycle collector, paused while a stage builds its many small objects (parsed
    YAML, records, the cache's pickles, pages): it would otherwise scan them again and again,
    about 15 % of a run at 1,000 records. It runs as usual once the stage is over."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_content(root: Path, use_cache: bool | None = None) -> Content:
    """Validate records, site.yml and the hand-written pages; collect every problem."""
    with _no_gc_pauses():
        return _load_content(root, use_cache)


def _load_content(root: Path, use_cache: bool | None) -> Content:
    variants = read_variants(root / "mkdocs.yml")
    keys = tuple(v.key for v in variants)
    schema = schema_for(keys)
    cache = build_cache.BuildCache(root) if (build_cache.enabled() if use_cache is None else use_cache) else None
    if cache is not None:
        records, problems = validate(root, schema, variants, load=cache.load_text)
        cache.save_loads()
    else:
        records, problems = validate(root, schema, variants)
    site, site_problems = validate_site_file(root, site_schema_for(keys), variants)
    problems += site_problems
    for name in HAND_WRITTEN:
        for variant in variants:
            path = root / "pages" / f"{name}.{variant.key}.md"
            if not path.exists():
                problems.append(Problem(f"pages/{name}.{variant.key}.md", 1, 1, f"this page is missing in the {variant.name} variant: create it (copy pages/{name}.{variants[0].key}.md and translate it)"))
    return Content(root, variants, schema, records, site, sorted(problems), cache)


def render_pages(content: Content) -> list[Page]:
    if content.problems:
        raise ProblemsFound(content.problems)
    with _no_gc_pauses():
        return _render_pages(content)


def _render_pages(content: Content) -> list[Page]:
    if content.cache is None:
        return Renderer(content.root, content.variants, content.records, content.site).pages()
    renderer = build_cache.CachingRenderer(content.root, content.variants, content.records, content.site, content.cache)
    pages = renderer.pages()
    content.cache.save_pages()
    return pages


def build(root: Path, docs_dir: Path | None = None) -> tuple[Content, list[Page], WriteReport]:
    content = load_content(root)
    pages = render_pages(content)  # everything in memory before anything is written
    report = write_pages(pages, docs_dir or root / "docs")
    return content, pages, report
