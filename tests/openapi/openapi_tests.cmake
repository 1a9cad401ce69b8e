# The OpenAPI document, server/src/openapi.json (tests/openapi). Included from
# tests/CMakeLists.txt:
#     include(${PROJECT_SOURCE_DIR}/tests/openapi/openapi_tests.cmake)
# openapi_npm installs the pinned tools once (npm ci, cache in <build>/npm-cache) for the two
# tests that need them: openapi_lint (redocly lint) and openapi_responses (a real quorum-serve
# over the samples, every path's responses validated against the document). Each is skipped
# (exit 77) where node or npm is missing.
set(QUORUM_OPENAPI_RUN ${CMAKE_CURRENT_LIST_DIR}/run_openapi_tests.sh)
set(QUORUM_OPENAPI_ENV "QUORUM_BINARY_DIR=${PROJECT_BINARY_DIR}")

add_test(NAME openapi_npm COMMAND sh ${QUORUM_OPENAPI_RUN} install)
set_tests_properties(openapi_npm PROPERTIES
  FIXTURES_SETUP openapi_tools SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS openapi ENVIRONMENT "${QUORUM_OPENAPI_ENV}")

add_test(NAME openapi_lint COMMAND sh ${QUORUM_OPENAPI_RUN} lint)
set_tests_properties(openapi_lint PROPERTIES
  FIXTURES_REQUIRED openapi_tools SKIP_RETURN_CODE 77 TIMEOUT 120 LABELS openapi ENVIRONMENT "${QUORUM_OPENAPI_ENV}")

add_test(NAME openapi_responses COMMAND sh ${QUORUM_OPENAPI_RUN} responses)
set_tests_properties(openapi_responses PROPERTIES
  FIXTURES_REQUIRED openapi_tools SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS openapi ENVIRONMENT "${QUORUM_OPENAPI_ENV}")
