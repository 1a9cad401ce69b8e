#!/bin/sh
# Runs the web page's browser tests (ctest: web_page_e2e). Exit 77 = skipped: no node
# or no Chromium here. Env: QUORUM_BINARY_DIR (quorum-serve, quorum-index),
# QUORUM_SCREENSHOT_DIR (where the screenshots go), QUORUM_CHROMIUM (default /usr/bin/chromium).
set -u
cd "$(dirname "$0")" || exit 1
chromium="${QUORUM_CHROMIUM:-/usr/bin/chromium}"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "SKIP: node and npm are needed for the web tests (apt-get install -y nodejs npm)"
  exit 77
fi
if [ ! -x "$chromium" ]; then
  echo "SKIP: $chromium is missing (apt-get install -y chromium)"
  exit 77
fi
# npm ci reinstalls exactly package-lock.json; offline, a complete node_modules will do.
if ! npm ci --no-audit --no-fund --prefer-offline --loglevel=error; then
  if [ -f node_modules/playwright-core/package.json ] && [ -f node_modules/@axe-core/playwright/package.json ]; then
    echo "npm ci failed (offline?): using the node_modules already here"
  else
    echo "FAIL: npm ci could not install the test dependencies (playwright-core, @axe-core/playwright)"
    exit 1
  fi
fi
exec node --test --test-concurrency=1 --test-reporter=spec .
