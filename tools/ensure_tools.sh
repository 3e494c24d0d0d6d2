#!/usr/bin/env bash
# The tools, installed only when missing. `tools/setup.sh` calls it with --content (only Voikko,
# which `build_pages.py check` needs for the Wiio grade); `tools/setup.sh --all` without it
# (everything the tests need):
#   Debian packages  chromium (browser tests, axe), default-jre-headless (only if `java` is
#                    missing; runs the Nu HTML Checker), libvoikko1 + voikko-fi (readability)
#   npm packages     axe-core and vnu-jar, pinned in package.json + package-lock.json and
#                    installed with `npm ci` into node_modules/ when it is missing or stale.
# Idempotent: when everything is present it only looks, and takes well under a second.
# With CI set a tool still missing after the attempt fails the run (exit 1); it is never skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

ci=false
if bash tools/ci_on.sh; then ci=true; fi
content_only=false
[ "${1:-}" = "--content" ] && content_only=true
missing_after=()

say() { echo "ensure_tools: $*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else say "not root and no sudo: cannot run '$*'"; return 1
  fi
}

deb_installed() {  # deb_installed PACKAGE: true when dpkg has it fully installed
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = installed ]
}

# ── Debian packages ──────────────────────────────────────────────────────────────────────
have_chromium() { command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; }
have_java() { command -v java >/dev/null 2>&1; }
have_voikko() { deb_installed libvoikko1 && deb_installed voikko-fi; }
have_npm() { command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; }

want=()
if ! $content_only; then
  have_chromium || want+=(chromium)
  have_java || want+=(default-jre-headless)
fi
if command -v dpkg-query >/dev/null 2>&1; then
  have_voikko || want+=(libvoikko1 voikko-fi)
elif ! ls /usr/lib/*/libvoikko.so.1 /usr/lib/libvoikko.so.1 >/dev/null 2>&1; then
  want+=(libvoikko1 voikko-fi)
fi
have_npm || want+=(nodejs npm)   # also for the web form (tools/build_admin.sh)

if [ "${#want[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    say "installing with apt-get: ${want[*]}"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq || say "apt-get update failed"
    as_root apt-get install -y -qq "${want[@]}" >/dev/null || say "apt-get install failed: ${want[*]}"
  else
    say "apt-get not found; install by hand: ${want[*]}"
  fi
elif $content_only; then
  say "voikko: present"
else
  say "chromium, java, voikko, node: present"
fi

if command -v dpkg-query >/dev/null 2>&1; then
  have_voikko || missing_after+=("libvoikko1 + voikko-fi (apt-get install libvoikko1 voikko-fi)")
fi
if $content_only; then
  for m in "${missing_after[@]}"; do say "MISSING: $m — \`build_pages.py check\` cannot grade selkosuomi without it"; done
  if $ci && [ "${#missing_after[@]}" -gt 0 ]; then exit 1; fi
  exit 0
fi
have_chromium || missing_after+=("chromium (apt-get install chromium)")
have_java || missing_after+=("java (apt-get install default-jre-headless)")

# ── npm packages (package.json + package-lock.json → node_modules/) ──────────────────────
# node_modules is stale when the lock file changed since the last `npm ci` (a stamp holds the
# lock file's hash) or when one of the files the tests use is gone.
stamp=node_modules/.hb-tools-stamp
lock_hash="$( (sha256sum package.json package-lock.json 2>/dev/null || true) | sha256sum | cut -c1-32)"
needed_files=(node_modules/axe-core/axe.min.js node_modules/vnu-jar/build/dist/vnu.jar)

npm_fresh() {
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ] || return 1
  local f
  for f in "${needed_files[@]}"; do [ -s "$f" ] || return 1; done
  # Every package at the version the lock file pins (someone may have run npm install by hand).
  python3 - <<'PY' 2>/dev/null
import json, sys
lock = json.load(open("package-lock.json"))
for path, meta in lock.get("packages", {}).items():
    if path.startswith("node_modules/"):
        try:
            have = json.load(open(path + "/package.json")).get("version")
        except OSError:
            sys.exit(1)
        if have != meta.get("version"):
            sys.exit(1)
PY
}

if npm_fresh; then
  say "node_modules up to date (axe-core, vnu-jar)"
elif ! have_npm; then
  say "npm is missing: cannot install axe-core and vnu-jar"
elif [ ! -f package-lock.json ]; then
  say "package-lock.json is missing: it is committed at the repo root; restore it"
else
  say "installing npm packages with npm ci (axe-core, vnu-jar)"
  # --ignore-scripts: vnu-jar's postinstall would download a Java runtime from GitHub when it
  # finds none; Java comes from Debian (above), and the jar itself is in the package.
  if npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; then
    echo "$lock_hash" > "$stamp"
  else
    say "npm ci failed"
  fi
fi
for f in "${needed_files[@]}"; do
  [ -s "$f" ] || missing_after+=("$f (npm ci)")
done

# ── verdict ───────────────────────────────────────────────────────────────────────────────
if [ "${#missing_after[@]}" -gt 0 ]; then
  for m in "${missing_after[@]}"; do say "MISSING: $m"; done
  if $ci; then
    say "CI=${CI}: the accessibility and browser tests need every tool above; failing instead of skipping."
    exit 1
  fi
  say "outside CI the tests that need these tools are skipped with an install hint."
fi
exit 0
