# Browser tests of the web page (tests/web): headless Chromium driven by playwright-core,
# axe-core for accessibility, node's own test runner. Included from tests/CMakeLists.txt:
#     include(${PROJECT_SOURCE_DIR}/tests/web/web_tests.cmake)
# Skipped (exit 77) where node or /usr/bin/chromium is missing. Screenshots of every page
# land in <build>/web-screenshots/ for a person to look at.
add_test(NAME web_page_e2e COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run_web_tests.sh)
set_tests_properties(web_page_e2e PROPERTIES
  SKIP_RETURN_CODE 77
  TIMEOUT 900
  LABELS "web;e2e"
  ENVIRONMENT "QUORUM_BINARY_DIR=${PROJECT_BINARY_DIR};QUORUM_SCREENSHOT_DIR=${PROJECT_BINARY_DIR}/web-screenshots")
