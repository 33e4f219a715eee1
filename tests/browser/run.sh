#!/usr/bin/env bash
# Runs the dashboard's browser tests; skips (77) with a message when Node.js is missing.
# Usage: tests/browser/run.sh PARALLAX_BINARY SOURCE_DIR [SCREENSHOT_DIR]
if ! command -v node >/dev/null; then
  echo "skipped: Node.js is not installed (scripts/install-deps --browser installs it)"
  exit 77
fi
exec node "$(dirname "$0")/ui.test.mjs" "$@"
