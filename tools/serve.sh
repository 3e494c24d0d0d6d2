#!/usr/bin/env bash
# Build the site and serve it at http://127.0.0.1:8000/ ; saving a record rebuilds the page.
# The web form is at http://127.0.0.1:8000/admin/ (Chrome or Edge: "Työskentele paikallisen
# repositorion kanssa" edits the files of this folder).
# Extra arguments go to `mkdocs serve` (e.g. --dev-addr 127.0.0.1:8001).
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1   # MkDocs' banner about 2.0; we pin mkdocs<2
bash tools/setup.sh
bash tools/build_admin.sh     # the web form at /admin/
.venv/bin/python build_pages.py
exec .venv/bin/python -m mkdocs serve --dev-addr 127.0.0.1:8000 "$@"
