# The Debian package, systemd units and nginx site (cmake/packaging.cmake, server/deploy/).
# Include from tests/CMakeLists.txt:
#   include(${PROJECT_SOURCE_DIR}/tests/deploy/deploy_tests.cmake)
# package_check.sh runs cpack on this (already built) tree into a temporary folder, so it
# compiles nothing: a few seconds. Skipped (77) without dpkg-dev.
add_test(NAME deploy_package
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/package_check.sh ${CMAKE_CPACK_COMMAND} ${PROJECT_BINARY_DIR}
          ${PROJECT_SOURCE_DIR} ${QUORUM_SAMPLES_DIR} ${PROJECT_VERSION})
set_tests_properties(deploy_package PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180 LABELS deploy)
