#!/usr/bin/env bash
# Configure and build Quorum in build/ (Release, Ninja). Usage: scripts/build.sh [TARGET...]
# (no target: everything, tests included).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
if [ $# -gt 0 ]; then
  cmake --build build --target "$@"
else
  cmake --build build
fi
