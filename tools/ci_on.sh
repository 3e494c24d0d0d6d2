#!/usr/bin/env bash
# Exit 0 when this is a CI run: CI set to anything but an empty value, 0, false, no or off (any
# letter case). GitHub sets CI=true, other services 1 or yes; all mean the same here. The same
# rule is tests/conftest.py's CI (tests/test_ci_mode.py keeps the two alike).
case "$(printf %s "${CI:-}" | tr '[:upper:]' '[:lower:]')" in
  ""|0|false|no|off) exit 1 ;;
  *) exit 0 ;;
esac
