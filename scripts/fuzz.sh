#!/usr/bin/env bash
# Fuzz the readers, the request parameters and the query builder with libFuzzer (issue 15;
# docs/FUZZING.md). Builds tests/fuzz with Debian's clang (QUORUM_FUZZ=ON: coverage, ASan
# and UBSan on every Quorum library), then runs each target in turn, one at a time, for
# --seconds, seeded from tests/fuzz/seeds/<target>, the bundled samples and (when
# ../shared/corpora exists) a sample of the shared corpora, never committed.
#
#   scripts/fuzz.sh [--build DIR] [--seconds N] [--out FILE] [--targets "fuzz_text fuzz_pdf"]
#                   [--shared-max N] [--jobs N] [--no-build]
#
# --out gets one line per target:
#   target=fuzz_text seconds=300 executions=123456 exec_per_s=411 corpus=812 crashes=0 status=ok
# Crash, timeout and out-of-memory inputs go to DIR/fuzz-work/<target>/artifacts/. Minimise
# one with `DIR/fuzz/<target> -minimize_crash=1 -runs=10000 FILE`, commit the result under
# tests/fuzz/crashes/<target>/ and the replay test guards it from then on.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
build="$repo/build-fuzz"
seconds=300
out=""
targets="fuzz_text fuzz_markdown fuzz_html fuzz_pdf fuzz_params fuzz_query"
shared_max=300
jobs=2
do_build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --targets) targets="$2"; shift 2 ;;
    --shared-max) shared_max="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --no-build) do_build=0; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "fuzz.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
build="$(mkdir -p "$build" && cd "$build" && pwd)"
[ -n "$out" ] || out="$build/fuzz-results.txt"

if [ "$do_build" = 1 ]; then
  command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ missing: run scripts/setup.sh" >&2; exit 1; }
  # OCR is off: tesseract is not instrumented and a page of it costs a second; a page
  # without a text layer is then reported, which is the path fuzzed.
  CC=clang CXX=clang++ cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DQUORUM_FUZZ=ON -DQUORUM_OCR=OFF -DQUORUM_BENCH=OFF >"$build/fuzz-configure.log"
  # shellcheck disable=SC2086
  nice -n 10 cmake --build "$build" --target $targets -j "$jobs"
fi

# Per target: the longest input, and the dictionary of tokens its format knows.
max_len() {
  case "$1" in
    fuzz_pdf) echo 131072 ;;
    fuzz_html) echo 32768 ;;
    fuzz_text|fuzz_markdown) echo 16384 ;;
    *) echo 4096 ;;
  esac
}
dict_of() {
  case "$1" in
    fuzz_text|fuzz_markdown) echo "$repo/tests/fuzz/dicts/text.dict" ;;
    fuzz_html) echo "$repo/tests/fuzz/dicts/html.dict" ;;
    fuzz_params) echo "$repo/tests/fuzz/dicts/params.dict" ;;
    fuzz_query) echo "$repo/tests/fuzz/dicts/query.dict" ;;
  esac
}
# Extra seeds from ../shared/corpora (when present): up to --shared-max files of the
# target's format, at most twice its max_len, copied into the work folder (not committed).
shared_seeds() {
  local target="$1" dest="$2" pattern limit
  local shared="$repo/../shared/corpora"
  [ -d "$shared" ] || return 0
  case "$target" in
    fuzz_text) pattern='*.txt' ;;
    fuzz_markdown) pattern='*.md' ;;
    fuzz_html) pattern='*.html' ;;
    fuzz_pdf) pattern='*.pdf' ;;
    *) return 0 ;;
  esac
  limit=$(( $(max_len "$target") * 2 ))
  mkdir -p "$dest"
  local files=() i step
  mapfile -d '' files < <(find "$shared" -type f -name "$pattern" -size -"$((limit / 1024 + 1))"k -print0 | sort -z)
  [ ${#files[@]} -gt 0 ] || return 0
  step=$(( (${#files[@]} + shared_max - 1) / shared_max ))  # every step-th file: spread over the corpora
  for (( i = 0; i < ${#files[@]}; i += step )); do
    cp "${files[$i]}" "$dest/$(printf '%s' "${files[$i]}" | md5sum | cut -c1-16)"
  done
}

# ASan: leaks are reported (lsan.supp explains the suppressions); UBSan: every finding
# is a crash with its stack.
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1:handle_abort=1"
export LSAN_OPTIONS="suppressions=$repo/tests/fuzz/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$repo/tests/fuzz/ubsan.supp"

: >"$out"
status_all=0
for target in $targets; do
  bin="$build/fuzz/$target"
  work="$build/fuzz-work/$target"
  mkdir -p "$work/corpus" "$work/artifacts" "$work/shared"
  shared_seeds "$target" "$work/shared"
  seeds=("$repo/tests/fuzz/seeds/$target")
  [ -d "$repo/tests/fuzz/crashes/$target" ] && seeds+=("$repo/tests/fuzz/crashes/$target")
  [ "$target" = fuzz_text ] && seeds+=("$repo/corpus/samples")
  [ -n "$(ls -A "$work/shared")" ] && seeds+=("$work/shared")
  args=(-max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2560 -max_total_time="$seconds"
        -print_final_stats=1 -artifact_prefix="$work/artifacts/")
  dict="$(dict_of "$target")"
  [ -n "$dict" ] && args+=(-dict="$dict")
  log="$work/fuzz.log"
  # Only this run's artifacts count: one kept from an earlier run (and committed under
  # tests/fuzz/crashes/ once fixed) is not an open crash of this one.
  touch "$work/run-start"
  echo "fuzz.sh: $target for ${seconds}s (log $log)"
  set +e
  # The first folder is the working corpus libFuzzer adds to; the rest only seed it.
  nice -n 10 "$bin" "${args[@]}" "$work/corpus" "${seeds[@]}" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  secs=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  corpus=$(find "$work/corpus" -type f | wc -l)
  crashes=$(find "$work/artifacts" -type f -newer "$work/run-start" \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  status=ok
  if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then status="failed(rc=$rc)"; status_all=1; fi
  line="target=$target seconds=$seconds executions=${execs:-0} exec_per_s=${secs:-0} corpus=$corpus crashes=$crashes status=$status"
  echo "$line" | tee -a "$out"
  if [ "$status" != ok ]; then
    grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|broken promise' "$log" || true
    find "$work/artifacts" -type f -newer "$work/run-start" | sed 's/^/  artifact: /'
  fi
done
echo "fuzz.sh: results in $out"
exit "$status_all"
