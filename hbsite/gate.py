"""What `build_pages.py check` holds the content to beyond the schema (hbsite/validate.py):
the hand-written pages' encoding and hidden characters, the readability targets of every
variant that has them (mkdocs.yml), and the glossary (terms.yml). The pull request, pre-commit
and the tests run this same code.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .build import Content
from .problems import Problem


@dataclass
class GateResult:
    problems: list[Problem] = field(default_factory=list)
    measured: list = field(default_factory=list)  # hbsite.report.Measured, one per page
    voikko_missing: str | None = None  # the install hint when the Wiio measure cannot run


def page_safety(content: Content) -> list[Problem]:
    """The hand-written pages' encoding, size and hidden characters (the build needs these too)."""
    from .report import page_problems

    return page_problems(content)


def content_gate(content: Content) -> GateResult:
    from .readability import VoikkoMissing
    from .report import readability_check
    from .terms import load_glossary, term_problems

    result = GateResult()
    glossary, found = load_glossary(content.root, content.variants)
    result.problems += found
    result.problems += page_safety(content)
    try:
        result.measured, found = readability_check(content, glossary.abbreviations)
        result.problems += found
    except VoikkoMissing as missing:
        result.voikko_missing = str(missing)
    result.problems += term_problems(content, glossary)
    result.problems = sorted(set(result.problems))
    return result
