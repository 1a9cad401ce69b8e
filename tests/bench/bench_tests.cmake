# The benchmark suite's smoke run (bench/run.sh --smoke on a tiny archive, no peers,
# well under 60 s). Include from tests/CMakeLists.txt:
#   include(bench/bench_tests.cmake)
# The script exits 77 (skipped) when the bench tools are not built or wrk is missing.
# The timeout is a hang guard, not a speed check: alone it takes about 35 s, but on CI's 2
# cores it runs beside structure_check's clang-tidy and took 120 s once (a false failure).
add_test(NAME bench_smoke_run
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/bench_smoke.sh ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
set_tests_properties(bench_smoke_run PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS bench)
