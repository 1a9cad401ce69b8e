#!/usr/bin/env bash
# Keeps the code in rooms a newcomer can read (issue 11): no library file over 600 lines and
# no function over 120 lines. Usage: check_structure.sh SOURCE_DIR [BUILD_DIR]
# The function check needs clang-tidy and BUILD_DIR/compile_commands.json; without them it
# says so and checks file lengths only.
set -euo pipefail
src=${1:?usage: check_structure.sh SOURCE_DIR [BUILD_DIR]}
build=${2:-}
cd "$src"
max_file_lines=600
max_function_lines=120
library_dirs=(text corpus decisions indexer query server)

status=0
mapfile -t files < <(find "${library_dirs[@]}" -type f \( -name '*.cpp' -o -name '*.hpp' \) -not -path '*/tools/*' | sort)
for f in "${files[@]}"; do
  n=$(wc -l < "$f")
  if [ "$n" -gt "$max_file_lines" ]; then
    echo "structure: $f has $n lines (at most $max_file_lines): split it by responsibility"
    status=1
  fi
done

# ctest splits a test's name at ';' and runs the part before it, which matches no Catch
# test case: the test "passes" without running (twenty did, until 2026-12-07).
if semicolons=$(grep -rn 'TEST_CASE("[^"]*;' tests --include='*.cpp'); then
  echo "$semicolons" | sed 's|^|structure: a test name with ";" never runs under ctest: |'
  status=1
fi

if [ -n "$build" ] && [ -f "$build/compile_commands.json" ] && command -v clang-tidy >/dev/null 2>&1; then
  config="{CheckOptions: [{key: readability-function-size.LineThreshold, value: $max_function_lines}]}"
  mapfile -t sources < <(printf '%s\n' "${files[@]}" | grep '\.cpp$')
  out=$(printf '%s\n' "${sources[@]}" |
    xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet -checks='-*,readability-function-size' \
      -config="$config" 2>/dev/null | grep 'warning: function' || true)
  if [ -n "$out" ]; then
    echo "$out" | sed "s|^|structure: |; s|\$| (at most $max_function_lines lines: split it into named steps)|"
    status=1
  fi
else
  echo "structure: clang-tidy or $build/compile_commands.json missing: function lengths not checked"
fi
[ "$status" -eq 0 ] && echo "structure: ${#files[@]} library files checked"
exit "$status"
