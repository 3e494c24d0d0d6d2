#!/usr/bin/env bash
# Build the site and serve it at http://127.0.0.1:8000/ ; saving a record rebuilds the page.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1   # MkDocs' banner about 2.0; we pin mkdocs<2
bash tools/setup.sh
python3 build_pages.py
exec python3 -m mkdocs serve --dev-addr 127.0.0.1:8000 "$@"
