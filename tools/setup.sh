#!/usr/bin/env bash
# Install what the project needs into the project's own virtual environment (.venv/, git-ignored),
# only when it is missing or out of date. Works with a stock system Python 3.11+ that is
# "externally managed" (PEP 668: Debian 12, Ubuntu 24.04): nothing is installed into it.
#   bash tools/setup.sh          Python dependencies and Voikko (enough to check, build and serve)
#   bash tools/setup.sh --all    also the test tools: Chromium, Java, Voikko, npm packages
# Every other script runs the project's Python as .venv/bin/python.
# HB_PYTHON chooses the interpreter that creates .venv (default: python3 on PATH); uv is used
# when it is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${HB_PYTHON:-python3}
venv=.venv
say() { echo "setup: $*"; }

if ! command -v "$python" >/dev/null 2>&1; then
  say "no $python found: install Python 3.11 or newer (Debian/Ubuntu: apt-get install python3 python3-venv)"
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  say "$("$python" --version 2>&1) is too old: the project needs Python 3.11 or newer (set HB_PYTHON to another one)"
  exit 1
fi

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else return 1
  fi
}

# A venv that is broken or made by another interpreter is made again.
if [ -x "$venv/bin/python" ] && ! "$venv/bin/python" -c 'import sys' >/dev/null 2>&1; then
  rm -rf "$venv"
fi
if [ ! -x "$venv/bin/python" ]; then
  if command -v uv >/dev/null 2>&1; then
    say "creating $venv with uv"
    uv venv --quiet --python "$python" "$venv"
  else
    say "creating $venv with $python -m venv"
    if ! "$python" -m venv "$venv" >/dev/null 2>&1; then
      rm -rf "$venv"
      # Debian and Ubuntu ship the venv module (with pip) as a separate package.
      version=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
      say "the venv module is missing: installing python3-venv python$version-venv with apt-get"
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv "python$version-venv" >/dev/null \
        || { say "could not install it: run 'apt-get install python3-venv' as root"; exit 1; }
      "$python" -m venv "$venv"
    fi
  fi
fi

stamp=$venv/.hb-deps
want="$("$venv/bin/python" --version 2>&1) $(sha256sum pyproject.toml | cut -c1-16) $(pwd)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "installing Python dependencies into $venv (pip install -e '.[test]')"
  if command -v uv >/dev/null 2>&1; then
    uv pip install --quiet --python "$venv/bin/python" -e '.[test]'
  else
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[test]'
  fi
  echo "$want" > "$stamp"
else
  say "Python dependencies up to date ($venv)"
fi

if [ "${1:-}" = "--all" ]; then
  bash tools/ensure_tools.sh             # everything the tests need
else
  bash tools/ensure_tools.sh --content   # Voikko, for the readability gate of `check`
fi
