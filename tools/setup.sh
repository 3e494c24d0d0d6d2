#!/usr/bin/env bash
# Install what the project needs, only when it is missing or out of date.
#   bash tools/setup.sh          Python dependencies (enough to build and serve the site)
#   bash tools/setup.sh --all    also the test tools: Chromium, Java, Voikko, npm packages
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=build/.python-deps
want="$(python3 --version) $(sha256sum pyproject.toml | cut -c1-16) $(pwd)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing Python dependencies (pip install -e '.[test]')"
  python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
  mkdir -p build && echo "$want" > "$stamp"
else
  echo "setup: Python dependencies up to date"
fi

if [ "${1:-}" = "--all" ]; then
  bash tools/ensure_tools.sh
fi
