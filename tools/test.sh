#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run): installs what is missing, checks the records,
# builds the site strictly, then runs every test (unit, integration, browser, accessibility).
# With CI=true a missing tool fails the run; it is never skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh --all
python3 build_pages.py check
python3 build_pages.py
python3 -m mkdocs build --strict --quiet
python3 -m pytest "$@"
