#!/usr/bin/env bash
# Install, build, index the bundled sample archive (corpus/samples) and serve it on 127.0.0.1:8080.
# Usage: scripts/run.sh [ARCHIVE_DIR...]   (default: corpus/samples)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh quorum-index quorum-serve  # the tests are built by scripts/test.sh
inputs=("$@")
[ ${#inputs[@]} -eq 0 ] && inputs=(corpus/samples)
build/quorum-index --db var/index "${inputs[@]}"
exec build/quorum-serve --db var/index --host 127.0.0.1 --port "${PORT:-8080}"
