#!/usr/bin/env bash
# Smoke run of the benchmark suite on a tiny archive, so it never rots: the scaler is
# deterministic, the unit export works, and bench/run.sh --smoke indexes, queries,
# serves and reports. No peers. Exit 77 (skipped) when wrk or the tools are missing.
#   bench_smoke.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
src=$2
for tool in quorum-scale quorum-bench-report quorum-query-bench quorum-question-mix quorum-index quorum-serve; do
  if [ ! -x "$build/$tool" ]; then
    echo "bench smoke: $build/$tool is not built (QUORUM_BENCH=OFF?): skipped"
    exit 77
  fi
done
work=$(mktemp -d "${TMPDIR:-/tmp}/quorum-bench-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "bench smoke: FAILED: $*" >&2; exit 1; }

# The same seed writes the same archive, byte for byte; another seed does not.
"$build/quorum-scale" --samples "$src/corpus/samples" --size-mb 0.3 --seed 7 --out "$work/a" >"$work/a.manifest"
"$build/quorum-scale" --samples "$src/corpus/samples" --size-mb 0.3 --seed 7 --out "$work/b" >"$work/b.manifest"
"$build/quorum-scale" --samples "$src/corpus/samples" --size-mb 0.3 --seed 8 --out "$work/c" >/dev/null
diff -r "$work/a" "$work/b" >/dev/null || fail "two runs with seed 7 wrote different archives"
cmp -s "$work/a.manifest" "$work/b.manifest" || fail "two runs with seed 7 printed different manifests"
diff -r "$work/a" "$work/c" >/dev/null && fail "seeds 7 and 8 wrote the same archive"
docs=$(sed -n 's/^documents=//p' "$work/a.manifest")
distinct=$(find "$work/a" -name '*.txt' -exec md5sum {} + | cut -d' ' -f1 | sort -u | wc -l)
[ "$docs" -ge 5 ] || fail "a 0.3 MB archive should hold at least 5 documents, got $docs"
[ "$distinct" = "$(find "$work/a" -name '*.txt' | wc -l)" ] || fail "two documents of the archive are identical"
grep -rqi "scrutiny committee\|cabinet\|council" "$work/a" || fail "the archive lost its council layouts"
"$build/quorum-scale" --export-units "$work/a" --tsv "$work/u.tsv" --usv "$work/u.usv" >"$work/u.manifest"
units=$(sed -n 's/^units=//p' "$work/u.manifest")
[ "$units" -gt 100 ] || fail "the unit export found only $units paragraphs"
[ "$(wc -l <"$work/u.tsv")" = "$units" ] || fail "the TSV export has not one line per unit"

# The whole pipeline on the tiny archive: index, queries in process, HTTP, report.
set +e
"$src/bench/run.sh" --smoke --build "$build" --work "$work/run" >"$work/run.log" 2>&1
rc=$?
set -e
if [ "$rc" != 0 ] && [ "$rc" != 77 ]; then
  cat "$work/run.log" >&2
  fail "bench/run.sh --smoke exited $rc"
fi
report=$work/run/BENCHMARKS.md
[ -s "$report" ] || fail "no report written"
grep -q '^## Archive of 0.3 MB' "$report" || fail "the report has no section for the archive"
grep -q '^| Quorum | the fixed questions' "$report" || fail "the report has no in-process query row for Quorum"
# The uncached headline (issue 14): distinct questions asked once, beside the libxapian floor.
grep -q '^| Quorum | \*\*uncached\*\*' "$report" || fail "the report has no uncached distinct-questions row"
grep -q '^| libxapian | bare libxapian' "$report" || fail "the report has no libxapian floor row"
[ "$(grep -cv '^#' "$work/run/distinct-0.3.txt")" -ge 50 ] || fail "fewer than 50 distinct questions drawn"
p50=$(awk -F'\t' '$2 == "quorum" && $3 == "query_p50_ms" {print $5}' "$work/run/results.tsv")
[ -n "$p50" ] || fail "no in-process p50 measured"
echo "bench smoke: archive of $docs documents, $units peer units, in-process p50 $p50 ms"
if [ "$rc" = 77 ]; then
  echo "bench smoke: wrk is not installed: HTTP part skipped"
  exit 77
fi
rps=$(awk -F'\t' '$2 == "quorum" && $3 == "http_c4_rps" {print $5}' "$work/run/results.tsv")
errors=$(awk -F'\t' '$2 == "quorum" && $3 == "http_c4_errors" {print $5}' "$work/run/results.tsv")
qerr=$(awk -F'\t' '$2 == "quorum" && $3 == "http_question_errors" {print $5}' "$work/run/results.tsv")
[ -n "$rps" ] || fail "no HTTP figures measured"
[ "$errors" = 0 ] || fail "wrk saw $errors errors"
[ "$qerr" = 0 ] || fail "$qerr benchmark questions were not answered with 200"
cold=$(awk -F'\t' '$2 == "quorum-cold" && $3 == "http_c4_rps" {print $5}' "$work/run/results.tsv")
cerr=$(awk -F'\t' '$2 == "quorum-cold" && $3 == "http_question_errors" {print $5}' "$work/run/results.tsv")
[ -n "$cold" ] || fail "no cache-off HTTP figures for the distinct questions"
[ "$cerr" = 0 ] || fail "$cerr distinct questions were not answered with 200"
echo "bench smoke: HTTP at 4 connections: $rps requests/s, 0 errors"
