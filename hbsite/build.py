"""The pipeline: load and validate everything, render every page in memory, then write."""
from __future__ import annotations

import gc
import re
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from pydantic import BaseModel

from .load import load_file
from .memo import Memo
from .messages import _
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


@contextmanager
def _no_gc_pauses():
    """Python's cycle collector, paused while a stage builds its many small objects (parsed
    YAML, records, pages): it would otherwise scan them again and again,
    about 15 % of a run at 1,000 records. It runs as usual once the stage is over."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_content(root: Path, memo: Memo | None = None) -> Content:
    """Validate records, site.yml and the hand-written pages; collect every problem."""
    with _no_gc_pauses():
        return _load_content(root, memo)


def _load_content(root: Path, memo: Memo | None) -> Content:
    variants = read_variants(root / "mkdocs.yml")
    keys = tuple(v.key for v in variants)
    schema = schema_for(keys)
    records, problems = validate(root, schema, variants, known=memo.records if memo else None)
    site, site_problems = validate_site_file(root, site_schema_for(keys), variants)
    problems += site_problems
    for path in HAND_WRITTEN:
        for variant in variants:
            if not (root / "docs" / variant.folder / path).exists():
                problems.append(Problem(f"docs/{variant.folder}/{path}", 1, 1, _("this page is missing in the {variant} variant: create it (copy {original} and translate it)").format(variant=variant.name, original=f"docs/{variants[0].folder}/{path}")))
    return Content(root, variants, schema, records, site, sorted(problems))


def render_pages(content: Content, memo: Memo | None = None) -> list[Page]:
    """Every page in memory, or ProblemsFound (also for a template error an editor caused):
    nothing is written before this succeeds."""
    if content.problems:
        raise ProblemsFound(content.problems)
    with _no_gc_pauses():
        return _render_or_problems(content, memo)


def _template_problems(root: Path, error: BaseException) -> list[Problem]:
    """A rendering error that an editor can cause (a missing interface text in site.yml, a
    typo inside {{ }} in a hand-written page) as a file:line:col problem; [] for anything else."""
    missing = re.fullmatch(r"site\.yml: strings\.(\w+) is missing", str(error.args[0]) if error.args else "")
    if isinstance(error, KeyError) and missing:
        key = missing.group(1)
        document, _unused = load_file(root / "site.yml", "site.yml")
        line, column = document.position(("strings",)) if document else (1, 1)
        keys = ", ".join(v.key for v in read_variants(root / "mkdocs.yml"))
        return [Problem("site.yml", line, column, _("strings.{key}: this interface text is used by the pages but missing — add '{key}:' under 'strings:' with {keys}").format(key=key, keys=keys))]
    if isinstance(error, jinja2.TemplateSyntaxError):
        found = []
        sources = [root / "docs" / v.folder / p for v in read_variants(root / "mkdocs.yml") for p in HAND_WRITTEN]
        for path in sources + sorted((root / "templates").glob("*")):  # parse each again to name the one at fault
            if path.exists():
                try:
                    jinja2.Environment().parse(path.read_text(encoding="utf-8"), path.name, str(path))
                except jinja2.TemplateSyntaxError as bad:
                    found.append(Problem(path.relative_to(root).as_posix(), bad.lineno or 1, 1, _("the {{{{ … }}}} or {{% … %}} on this line cannot be read ({error}): check the brackets and quotes").format(error=bad.message)))
        return found
    if isinstance(error, (jinja2.TemplateError, TypeError, KeyError, AttributeError, ValueError)):
        for frame in reversed(traceback.extract_tb(error.__traceback__)):
            where = Path(frame.filename)
            if where.suffix in (".md", ".j2") and where.is_relative_to(root):
                shown = where.relative_to(root).as_posix()
                return [Problem(shown, frame.lineno or 1, 1, _("the {{{{ … }}}} on this line fails ({error}): check the names inside the brackets").format(error=error))]
    return []


def _render_or_problems(content: Content, memo: Memo | None) -> list[Page]:
    """Every page in memory, or ProblemsFound: nothing is written before this succeeds."""
    try:
        return Renderer(content.root, content.variants, content.records, content.site, memo).pages()
    except ProblemsFound:
        raise
    except Exception as error:
        problems = _template_problems(content.root, error)
        if not problems:
            raise
        raise ProblemsFound(problems) from None


def build(root: Path, memo: Memo | None = None, before_writing=None) -> tuple[Content, list[Page], WriteReport]:
    """The whole pipeline. Under mkdocs serve, `memo` reuses what the last build in this process
    made from the same inputs (hbsite/memo.py), and `before_writing` is told the pages first."""
    if memo is not None:
        memo.start()
    content = load_content(root, memo)
    pages = render_pages(content, memo)  # everything in memory before anything is written
    if before_writing is not None:
        before_writing(pages)
    report = write_pages(pages, root)
    if memo is not None:
        memo.finish()
    return content, pages, report
