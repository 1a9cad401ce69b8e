#!/usr/bin/env bash
# Install, build and run every test (unit, golden, end-to-end HTTP and browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j2
