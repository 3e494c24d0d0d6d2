#!/usr/bin/env bash
# Build the editors' web form (admin/: Sveltia CMS pinned in admin/package-lock.json, bundled by
# Vite) into build/admin/, only when it is missing or its inputs changed. The site build copies
# it to site/admin/ (hbsite/admin.py). Needs Node.js and npm (tools/ensure_tools.sh installs
# Debian's when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "build_admin: $*"; }

if ! command -v npm >/dev/null 2>&1; then
  say "npm is missing: install Node.js 20 or newer and npm (Debian: apt-get install nodejs npm)"
  exit 1
fi
lock_hash=$(sha256sum admin/package-lock.json | cut -c1-16)
if [ ! -f admin/node_modules/.hb-stamp ] || [ "$(cat admin/node_modules/.hb-stamp)" != "$lock_hash" ]; then
  say "installing the form's npm packages (npm ci in admin/)"
  (cd admin && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > admin/node_modules/.hb-stamp
fi
inputs=$(cat admin/index.html admin/main.js admin/vite.config.js admin/package-lock.json | sha256sum | cut -c1-16)
if [ -f build/admin/.hb-stamp ] && [ "$(cat build/admin/.hb-stamp)" = "$inputs" ]; then
  exit 0
fi
say "bundling the web form into build/admin/"
(cd admin && npx --no-install vite build)
echo "$inputs" > build/admin/.hb-stamp
