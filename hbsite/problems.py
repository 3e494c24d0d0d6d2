"""A problem in an editor's file, reported as `file:line:col: what is wrong and how to fix it`."""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"

    def github_annotation(self, level: str = "error") -> str:
        """The workflow command that GitHub Actions shows inline on the pull request's file."""
        return f"::{level} file={_property(self.file)},line={self.line},col={self.column}::{_data(self.message)}"


def _data(text: str) -> str:
    # GitHub's escaping for a workflow command's message.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    # … and for a property value, where ':' and ',' would end the value.
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class ProblemsFound(Exception):
    """Raised at the end of a stage that found problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = sorted(problems)


def format_problems(problems: list[Problem]) -> str:
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    lines = [p.github_annotation() if in_actions else str(p) for p in problems]
    return "\n".join(lines)


def format_warnings(problems: list[Problem], label: str) -> str:
    """Problems that do not stop the check (a translation to look at): `file:line:col: LABEL: …`,
    or GitHub's warning annotations on a pull request."""
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    return "\n".join(p.github_annotation("warning") if in_actions else f"{p.file}:{p.line}:{p.column}: {label}: {p.message}" for p in problems)
