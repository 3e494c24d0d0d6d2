#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run): installs what is missing (into .venv/ and, for
# the browser tools, with apt-get and npm), checks the records (file:line:col messages first,
# before anything else runs), then runs every test: unit, integration (the real site built with
# mkdocs build --strict), browser and accessibility.
# With CI set (CI=true, 1, yes…) a missing tool fails the run; it is never skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1   # MkDocs' banner about 2.0; we pin mkdocs<2
bash tools/setup.sh --all
bash tools/build_admin.sh
.venv/bin/python build_pages.py check
.venv/bin/python build_pages.py format --check
.venv/bin/python -m pytest "$@"
