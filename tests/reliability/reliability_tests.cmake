# The reliability suite's short versions (issue 15), run by ctest in CI; the full ones run by
# scripts/reliability.sh (a 10-minute soak, 50 kills). Included from tests/CMakeLists.txt.
# Skipped (exit 77) where wrk or xapian-tools are missing.

# kill -9 of quorum-index at random moments: xapian-check passes and a committed state is held.
add_test(NAME reliability_kill_indexer
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/kill_indexer.sh ${PROJECT_BINARY_DIR} ${QUORUM_SAMPLES_DIR} 8)
# 64 connections of distinct and hostile questions while the archive is re-indexed: no 5xx.
add_test(NAME reliability_soak_short
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/soak.sh ${PROJECT_BINARY_DIR} ${QUORUM_SAMPLES_DIR} 15 64)
set_tests_properties(reliability_kill_indexer reliability_soak_short PROPERTIES
  SKIP_RETURN_CODE 77
  TIMEOUT 300
  LABELS "reliability;e2e"
  # the soak loads both cores: nothing else beside it
  RUN_SERIAL TRUE)
