"""Every spelling of CI means the same to the shell scripts and to the tests: a missing tool is
a failure, never a skip, whether CI is true, 1, yes or TRUE."""
from __future__ import annotations

import os

import pytest

from tests.conftest import ROOT, ci_on, run

SPELLINGS = {"true": True, "1": True, "yes": True, "TRUE": True, "on": True, "GitLab": True,
             "": False, "0": False, "false": False, "no": False, "off": False, "False": False}


@pytest.mark.parametrize("value", list(SPELLINGS))
def test_the_shell_and_the_tests_agree_on_every_spelling(value):
    shell = run(["bash", "tools/ci_on.sh"], ROOT, env={**os.environ, "CI": value}).returncode == 0
    assert (shell, ci_on(value)) == (SPELLINGS[value], SPELLINGS[value])


def test_ci_unset_is_not_ci():
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    assert run(["bash", "tools/ci_on.sh"], ROOT, env=env).returncode == 1 and not ci_on(None)
