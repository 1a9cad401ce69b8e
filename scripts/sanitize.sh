#!/usr/bin/env bash
# The test suite under AddressSanitizer + UndefinedBehaviorSanitizer (issue 15;
# docs/FUZZING.md). Builds with g++ and -DQUORUM_SANITIZE=ON (-O1 -g) in --build DIR
# (default build-asan under the repository) and runs:
#
#   scripts/sanitize.sh            the whole ctest suite. Every target sanitized: about an
#                                  hour on 2 cores from a cold build, most of it compiling.
#   scripts/sanitize.sh --subset   the fuzz replay tests (every reader, the parameters and
#                                  the query builder on their seeds and committed crashes)
#                                  and the parameter tests ([params] of server_test): about
#                                  35 CPU-minutes from a cold build (docs/FUZZING.md).
#   scripts/sanitize.sh --ci       what fits CI's minutes from a cold build: the parameter
#                                  fuzz replay and the parameter tests, whose libraries
#                                  (text, schema, query, server) are the cheapest to build.
#   scripts/sanitize.sh --subset --full-tests
#                                  the subset plus the whole corpus_test, server_test and
#                                  query_test (reader, parameter and query tests).
#
# Options: --build DIR, --jobs N (build and ctest parallelism, default 2), --ctest-args "..."
# (passed to ctest of the whole suite, e.g. "-E web_ -j1").
# Any sanitizer report fails: UBSan halts on its first finding, LSan reports leaks (the
# suppressions in tests/fuzz/lsan.supp name third-party allocations only).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
build="$repo/build-asan"
subset=0
full_tests=0
ci=0
jobs=2
ctest_args=""
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --subset) subset=1; shift ;;
    --ci) subset=1; ci=1; shift ;;
    --full-tests) full_tests=1; shift ;;
    --jobs) jobs="$2"; shift 2 ;;
    --ctest-args) ctest_args="$2"; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "sanitize.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$build"
build="$(cd "$build" && pwd)"

# new_delete_type_mismatch=0: Xapian 1.4.22's Database::check (query_test's damaged-table
# tests, quorum-serve --check) deletes a 440-byte object through a 432-byte type inside
# libxapian; ASan cannot suppress that one report by library, only the whole check.
# fast_unwind_on_malloc=0: libxapian has no frame pointers; the suppressions need its frames.
export ASAN_OPTIONS="detect_leaks=1:new_delete_type_mismatch=0:fast_unwind_on_malloc=0"
export LSAN_OPTIONS="suppressions=$repo/tests/fuzz/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"

CC=gcc CXX=g++ cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DQUORUM_SANITIZE=ON -DQUORUM_FUZZ=OFF >"$build/sanitize-configure.log"

start=$(date +%s)
if [ "$subset" = 0 ]; then
  nice -n 10 cmake --build "$build" -j "$jobs"
  built=$(date +%s)
  echo "sanitize.sh: built in $((built - start)) s"
  # shellcheck disable=SC2086
  ctest --test-dir "$build" --output-on-failure -j "$jobs" $ctest_args
  echo "sanitize.sh: whole suite passed sanitized; build $((built - start)) s, tests $(($(date +%s) - built)) s"
  exit 0
fi

fuzz_targets="fuzz_text fuzz_markdown fuzz_html fuzz_pdf fuzz_params fuzz_query"
fuzz_tests="fuzz"
if [ "$ci" = 1 ]; then fuzz_targets="fuzz_params"; fuzz_tests="fuzz_params_replay"; fi
tests="server_test"
[ "$full_tests" = 1 ] && tests="corpus_test server_test query_test"
# Catch's test discovery runs each test binary once at build time; the subset runs the
# binaries directly instead of one process per test case.
# shellcheck disable=SC2086
nice -n 10 cmake --build "$build" --target $fuzz_targets $tests -j "$jobs"
built=$(date +%s)
echo "sanitize.sh: subset built in $((built - start)) s"
ctest --test-dir "$build" --output-on-failure -j "$jobs" -L fuzz -R "$fuzz_tests"
if [ "$full_tests" = 1 ]; then
  for t in $tests; do
    echo "sanitize.sh: $t"
    (cd "$build" && "./tests/$t")
  done
else
  (cd "$build" && ./tests/server_test "[params]")
fi
echo "sanitize.sh: subset passed sanitized; build $((built - start)) s, tests $(($(date +%s) - built)) s"
