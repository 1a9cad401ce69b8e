#!/usr/bin/env bash
# Install every build and test dependency from Debian 12 packages (needs root or sudo).
set -euo pipefail
packages=(
  cmake ninja-build g++ pkg-config
  libxapian-dev xapian-tools libcpp-httplib-dev nlohmann-json3-dev libicu-dev
  libpoppler-cpp-dev libgumbo-dev libcli11-dev catch2
  libtesseract-dev tesseract-ocr-eng
  wordnet-dev wordnet-base libfasttext-dev
  curl nginx-light chromium wrk time clang-tidy
  strace  # tests/reliability/kill_indexer.sh: slows the indexer's fsyncs so that kills land inside commits
  clang libclang-rt-14-dev  # scripts/fuzz.sh: libFuzzer and the sanitizer runtimes of Debian's clang 14
  dpkg-dev systemd  # the Debian package: dpkg-shlibdeps for cpack -G DEB, systemd-analyze verify (tests/deploy)
)
# Browser tests need Node.js with npm. Debian's nodejs and npm packages are used unless
# a Node.js is already installed (another build of it, e.g. one that bundles npm,
# would conflict with Debian's npm package).
if ! command -v node >/dev/null 2>&1; then packages+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then packages+=(npm); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
