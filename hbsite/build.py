"""The pipeline: load and validate everything, render every page in memory, then write."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

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


def load_content(root: Path) -> Content:
    """Validate records, site.yml and the hand-written pages; collect every problem."""
    variants = read_variants(root / "mkdocs.yml")
    keys = tuple(v.key for v in variants)
    schema = schema_for(keys)
    records, problems = validate(root, schema, variants)
    site, site_problems = validate_site_file(root, site_schema_for(keys), variants)
    problems += site_problems
    for name in HAND_WRITTEN:
        for variant in variants:
            path = root / "pages" / f"{name}.{variant.key}.md"
            if not path.exists():
                problems.append(Problem(f"pages/{name}.{variant.key}.md", 1, 1, f"this page is missing in the {variant.name} variant: create it (copy pages/{name}.{variants[0].key}.md and translate it)"))
    return Content(root, variants, schema, records, site, sorted(problems))


def render_pages(content: Content) -> list[Page]:
    if content.problems:
        raise ProblemsFound(content.problems)
    return Renderer(content.root, content.variants, content.records, content.site).pages()


def build(root: Path, docs_dir: Path | None = None) -> tuple[Content, list[Page], WriteReport]:
    content = load_content(root)
    pages = render_pages(content)  # everything in memory before anything is written
    report = write_pages(pages, docs_dir or root / "docs")
    return content, pages, report
