#!/bin/sh
# The OpenAPI document's tests (tests/openapi/openapi_tests.cmake registers them in ctest).
#   run_openapi_tests.sh install     npm ci of package-lock.json, unless node_modules already matches it
#   run_openapi_tests.sh lint        redocly lint of server/src/openapi.json (rules: redocly.yaml)
#   run_openapi_tests.sh responses   live quorum-serve responses against the document (responses.test.js)
# lint and responses install first when needed, so each runs alone too. Exit 77 = skipped:
# no node or npm here. Env: QUORUM_BINARY_DIR (quorum-index, quorum-serve; the npm cache
# goes to its npm-cache/), QUORUM_NPM_CACHE (another npm cache folder).
set -u
cd "$(dirname "$0")" || exit 1
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "SKIP: node and npm are needed for the OpenAPI tests (apt-get install -y nodejs npm)"
  exit 77
fi
binary_dir="${QUORUM_BINARY_DIR:-$(cd ../.. && pwd)/build}"

install() {
  node installed.js && return 0
  cache="${QUORUM_NPM_CACHE:-$binary_dir/npm-cache}"
  # --prefer-offline: what the cache holds is used without asking the registry again.
  # --ignore-scripts: no package needs one (core-js only prints a banner).
  if ! npm ci --no-audit --no-fund --prefer-offline --ignore-scripts --loglevel=error --cache "$cache"; then
    echo "FAIL: npm ci could not install the pinned @redocly/cli, ajv and ajv-formats (package-lock.json)"
    exit 1
  fi
}

case "${1:-}" in
  install)
    install
    ;;
  lint)
    install
    # No telemetry and no look-up of newer versions: the run stays offline and quiet.
    REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
      exec node_modules/.bin/redocly lint --config redocly.yaml ../../server/src/openapi.json
    ;;
  responses)
    install
    QUORUM_BINARY_DIR="$binary_dir" exec node --test --test-reporter=spec responses.test.js
    ;;
  *)
    echo "usage: $0 install|lint|responses" >&2
    exit 2
    ;;
esac
