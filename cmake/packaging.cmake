# Installation and the Debian package (issue 15: "ship it as a service a council can run").
# Included last from the top-level CMakeLists.txt. Build the package from a built tree:
#     cmake --build build && (cd build && cpack -G DEB)      -> build/quorum_<version>-1_<arch>.deb
# Only what a deployment needs is installed: the two programs, the systemd units, the nginx
# site, their settings and the serving docs. Tests, benchmarks and measuring tools are not.
# tests/deploy/package_check.sh builds the package from the tested tree and checks it.
include(GNUInstallDirs)

set(QUORUM_DEPLOY_DIR ${PROJECT_SOURCE_DIR}/server/deploy)

install(TARGETS quorum-index quorum-serve RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# systemd units. Relative to the package prefix /usr, so /usr/lib/systemd/system: Debian 12
# has a merged /usr (/lib is a link to /usr/lib) and systemd reads both; a package outside
# the Debian archive is free of the archive's rule to keep using /lib during the /usr move.
install(FILES
  ${QUORUM_DEPLOY_DIR}/quorum.service
  ${QUORUM_DEPLOY_DIR}/quorum-index.service
  ${QUORUM_DEPLOY_DIR}/quorum-index.timer
  DESTINATION lib/systemd/system)

# Settings an operator edits live under /etc (absolute destinations, whatever the prefix),
# and server/deploy/debian/conffiles makes them dpkg conffiles (CPack does not): an upgrade
# keeps the operator's changes (or asks), and only a purge removes them. Hence the nginx site goes to
# /etc/nginx/sites-available, where Debian's nginx looks for sites and where certbot
# edits it in place for TLS, and is enabled by the operator with a link in sites-enabled
# (as Debian's own "default" site is), not to /usr/share/quorum, which dpkg would
# overwrite on upgrade.
install(FILES ${QUORUM_DEPLOY_DIR}/quorum.default DESTINATION /etc/default RENAME quorum)
install(FILES ${QUORUM_DEPLOY_DIR}/nginx-site.conf DESTINATION /etc/nginx/sites-available RENAME quorum)

# The index lives in /var/lib/quorum/index (made by quorum-index, read by quorum-serve);
# the package owns the empty /var/lib/quorum.
install(DIRECTORY DESTINATION /var/lib/quorum)

install(FILES
  ${PROJECT_SOURCE_DIR}/README.md
  ${PROJECT_SOURCE_DIR}/docs/SERVING.md
  ${PROJECT_SOURCE_DIR}/docs/API.md
  ${QUORUM_DEPLOY_DIR}/copyright
  DESTINATION ${CMAKE_INSTALL_DOCDIR})  # share/doc/quorum

# ---- CPack: the Debian package ----
set(QUORUM_PACKAGE_MAINTAINER "Quorum maintainers <maintainers@users.noreply.h-seed-e053c13c.example>"
    CACHE STRING "Maintainer field of the Debian package (a council building its own may put its IT team here)")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME quorum)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Quorum")
set(CPACK_PACKAGE_CONTACT "${QUORUM_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "search server for council meeting archives")
# The long description, in lines under 80 columns as Debian expects.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
  "Quorum reads a council's published minutes, agenda packs and officer reports\n"
  "(PDF, HTML, text) into meeting records and answers ranked, faceted questions\n"
  "over them as JSON and as a web page. quorum-index builds a Xapian index from an\n"
  "archive folder; quorum-serve serves the web page and the JSON API from it.\n"
  "The package runs quorum-serve as a sandboxed systemd service on 127.0.0.1:8080\n"
  "behind an nginx site (/etc/nginx/sites-available/quorum). Start with\n"
  "/usr/share/doc/quorum/SERVING.md.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # Debian ships stripped binaries (16 MB of debug symbols otherwise)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # quorum_<version>-<release>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${QUORUM_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends: the shared libraries the programs link (libxapian30, libcpp-httplib0.11,
# libpoppler-cpp0v5, wordnet, ...) as dpkg-shlibdeps (dpkg-dev) computes them from the
# binaries. At run time: nginx in front (recommended: the service listens on loopback
# only), tesseract's English data for OCR of scanned pages (without it they are reported,
# not read), xapian-check and certbot for the operator.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "nginx, tesseract-ocr-eng")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "xapian-tools, certbot, python3-certbot-nginx")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${QUORUM_DEPLOY_DIR}/debian/conffiles
  ${QUORUM_DEPLOY_DIR}/debian/postinst
  ${QUORUM_DEPLOY_DIR}/debian/prerm
  ${QUORUM_DEPLOY_DIR}/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)  # maintainer scripts 0755, whatever the checkout's modes

include(CPack)
