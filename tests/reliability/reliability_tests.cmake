# The reliability suite's short versions (issue 15), run by ctest in CI; the full ones run by
# scripts/reliability.sh (a 10-minute soak, 50 kills). Included from tests/CMakeLists.txt.
# Skipped (exit 77) where wrk or xapian-tools are missing.

# kill -9 of quorum-index at random moments, inside commits (under strace, when installed)
# and in first builds: xapian-check passes and a committed state is held. 12 kills, so that
# both outcomes (the state before, the new one) are required to have been seen.
add_test(NAME reliability_kill_indexer
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/kill_indexer.sh ${PROJECT_BINARY_DIR} ${QUORUM_SAMPLES_DIR} 12)
# 64 connections of distinct and hostile questions while the archive is re-indexed: no 5xx,
# no timeout, the re-index loop ran.
add_test(NAME reliability_soak_short
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/soak.sh ${PROJECT_BINARY_DIR} ${QUORUM_SAMPLES_DIR} 15 64)
set_tests_properties(reliability_kill_indexer reliability_soak_short PROPERTIES
  SKIP_RETURN_CODE 77
  TIMEOUT 300
  LABELS "reliability;e2e"
  # the soak loads both cores: nothing else beside it
  RUN_SERIAL TRUE)

# Raw-socket abuse against quorum-serve alone (scripts/reliability.sh also runs it behind
# nginx): malformed, oversized and smuggling requests each get a 4xx or a close, never a 5xx
# or a hang. About 20 s: two cases wait for the server's 10 s request-head deadline.
add_test(NAME reliability_raw_abuse
  COMMAND bash -c [=[
set -u
build=$1 samples=$2 here=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/quorum-raw-XXXXXX")
. "$here/../server/serve_helpers.sh"
trap serve_cleanup EXIT
"$build/quorum-index" --db "$work/db" -q "$samples" >"$work/index.log" 2>&1 || { cat "$work/index.log"; exit 1; }
serve_start "$build/quorum-serve" "$work/db" || exit 1
bash "$here/raw_abuse.sh" "$qport"
]=] raw_abuse ${PROJECT_BINARY_DIR} ${QUORUM_SAMPLES_DIR} ${CMAKE_CURRENT_LIST_DIR})
set_tests_properties(reliability_raw_abuse PROPERTIES
  TIMEOUT 120
  LABELS "reliability;e2e")
