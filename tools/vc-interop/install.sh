#!/bin/sh
# Installs the interop test tool's locked packages (run by the signer module's Maven build before its tests).
# Without npm the tests that need the tool skip themselves, except in CI (CI=true), where a missing npm fails here.
set -eu
cd "$(dirname "$0")"
if command -v npm >/dev/null 2>&1; then
  if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
    echo "tools/vc-interop: packages already installed from the current package-lock.json"
    exit 0
  fi
  # --ignore-scripts: no install scripts run; the native add-ons some old packages offer are optional
  npm ci --ignore-scripts --no-audit --no-fund
elif [ "${CI:-}" = "true" ]; then
  echo "tools/vc-interop: CI=true but npm is not installed (.ci/run installs Debian's nodejs and npm)" >&2
  exit 1
else
  echo "SKIPPED: npm is not installed, so tools/vc-interop is not installed and the JSON-LD interop tests will skip" >&2
fi
