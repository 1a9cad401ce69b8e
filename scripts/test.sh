#!/usr/bin/env bash
# Install, build and run every test (unit, golden, end-to-end HTTP and browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j2
# The request parameters under AddressSanitizer + UBSan, in their own build (about 6.5
# minutes on 2 cores from cold). The whole suite sanitized takes an hour: scripts/sanitize.sh
# (docs/FUZZING.md); scripts/reliability.sh --asan records it in docs/RELIABILITY.md.
scripts/sanitize.sh --ci --build build-asan
