#!/usr/bin/env bash
# The reliability suite (issue 15): attacks a real quorum-serve and quorum-index as hostile
# clients and careless operators would, and writes docs/RELIABILITY.md.
#
#   scripts/reliability.sh [--build DIR] [--clients 1000] [--seconds 30] [--soak-seconds 600]
#                          [--kills 50] [--fuzz-seconds 300] [--asan] [--out FILE]
#
# 1. slow clients (each sends a request head a byte a second and never finishes it) while a
#    prober times /healthz, and pipelined requests: quorum-serve alone and behind nginx;
# 2. kill -9 of quorum-index at --kills random moments (tests/reliability/kill_indexer.sh);
# 3. the soak: 64 connections of distinct and hostile questions for --soak-seconds while the
#    archive is re-indexed in a loop (tests/reliability/soak.sh);
# 4. fuzzing: scripts/fuzz.sh, --fuzz-seconds per target (0 keeps the last recorded run);
# 5. the whole test suite under ASan + UBSan (scripts/sanitize.sh, about an hour) with
#    --asan; without it the last recorded run is reported, with its commit.
# Runs 4 and 5 are recorded in docs/reliability/. Needs a built tree (cmake --build build);
# nginx, wrk and xapian-tools are skipped when missing. Exits 1 when any check failed.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$ROOT/build
CLIENTS=1000
SECONDS_HELD=30
SOAK_SECONDS=600
KILLS=50
FUZZ_SECONDS=300
ASAN=0
OUT=$ROOT/docs/RELIABILITY.md
RECORDS=$ROOT/docs/reliability
while [ $# -gt 0 ]; do
  case "$1" in
    --build) BUILD=$(cd "$2" && pwd); shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --seconds) SECONDS_HELD=$2; shift 2 ;;
    --soak-seconds) SOAK_SECONDS=$2; shift 2 ;;
    --kills) KILLS=$2; shift 2 ;;
    --fuzz-seconds) FUZZ_SECONDS=$2; shift 2 ;;
    --asan) ASAN=1; shift ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "reliability.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for tool in quorum-index quorum-serve quorum-slow-clients quorum-question-mix; do
  [ -x "$BUILD/$tool" ] || { echo "reliability.sh: $BUILD/$tool is missing: build first (cmake --build $BUILD)" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/quorum-reliability-XXXXXX")
. "$ROOT/tests/server/serve_helpers.sh"
trap serve_cleanup EXIT
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

echo "reliability.sh: indexing the samples" >&2
"$BUILD/quorum-index" --db "$work/db" "$ROOT/corpus/samples" >"$work/index.log" 2>&1
serve_start "$BUILD/quorum-serve" "$work/db" >&2 || exit 1

slow() {  # PORT -> the tool's result line
  "$BUILD/quorum-slow-clients" --port "$1" --clients "$CLIENTS" --seconds "$SECONDS_HELD" --spread
}

rows=()
echo "reliability.sh: $CLIENTS slow clients against quorum-serve alone, $SECONDS_HELD s" >&2
rows+=("quorum-serve alone|$(slow "$qport")|$(pipelined "$qport" 2001) of 2001")
nginx_bin=$(command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true)
if [ -n "$nginx_bin" ]; then
  nginx_front_start "$nginx_bin" "$ROOT/server/deploy/nginx.conf" "$work" "$qport" >&2
  echo "reliability.sh: the same behind nginx" >&2
  # nginx's per-client rate limit (bursts of 40) answers the rest of a larger burst 429.
  rows+=("behind nginx (server/deploy/nginx.conf)|$(slow "$nport")|$(pipelined "$nport" 40) of 40")
  nginx_front_stop
fi

# The slow-client server is done: the next runs start their own.
kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null || true
serve_pid=""

failed_checks=()
kv() { sed -n "s/^$2=//p" "$1" | head -1; }  # FILE KEY -> value

echo "reliability.sh: kill -9 of quorum-index, $KILLS times" >&2
if bash "$ROOT/tests/reliability/kill_indexer.sh" "$BUILD" "$ROOT/corpus/samples" "$KILLS" >"$work/kill.txt" 2>"$work/kill.err"; then :
else rc=$?; [ $rc = 77 ] && echo "skipped=1" >>"$work/kill.txt" || failed_checks+=("kill -9: $(tail -2 "$work/kill.err")"); fi

echo "reliability.sh: the soak, $SOAK_SECONDS s at 64 connections while re-indexing" >&2
if bash "$ROOT/tests/reliability/soak.sh" "$BUILD" "$ROOT/corpus/samples" "$SOAK_SECONDS" 64 >"$work/soak.txt" 2>"$work/soak.err"; then :
else rc=$?; [ $rc = 77 ] && echo "skipped=1" >>"$work/soak.txt" || failed_checks+=("soak: $(tail -2 "$work/soak.err")"); fi

mkdir -p "$RECORDS"
stamp() { echo "date=$(date -u +%Y-%m-%dT%H:%MZ) commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"; }
if [ "$FUZZ_SECONDS" -gt 0 ]; then
  echo "reliability.sh: fuzzing, $FUZZ_SECONDS s per target (scripts/fuzz.sh)" >&2
  if "$ROOT/scripts/fuzz.sh" --seconds "$FUZZ_SECONDS" --out "$work/fuzz.txt" >"$work/fuzz.log" 2>&1; then :
  else failed_checks+=("fuzzing: $(tail -2 "$work/fuzz.log")"); fi
  { stamp; cat "$work/fuzz.txt"; } >"$RECORDS/fuzz-results.txt"
fi
if [ "$ASAN" = 1 ]; then
  echo "reliability.sh: the whole suite under ASan + UBSan (scripts/sanitize.sh; about an hour)" >&2
  start=$(date +%s)
  if "$ROOT/scripts/sanitize.sh" >"$work/asan.log" 2>&1; then result=passed; else result=failed; failed_checks+=("ASan suite"); fi
  { stamp; echo "result=$result minutes=$(( ($(date +%s) - start + 59) / 60 ))";
    grep -E "tests passed|tests failed out of" "$work/asan.log" | tail -1 | sed 's/^/summary=/'; } >"$RECORDS/asan-results.txt"
fi

field() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }
{
  echo "# Quorum reliability"
  echo
  echo "Generated by \`scripts/reliability.sh --clients $CLIENTS --seconds $SECONDS_HELD\` on $(date -u +%Y-%m-%dT%H:%MZ)" \
       "(commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')). Do not edit by hand: run the script again."
  echo
  echo "Machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "The server indexes the bundled samples and runs with its defaults (\`--client-connections 256\`, a"
  echo "request head must arrive whole within 10 s). The clients run on the same machine."
  echo
  echo "## Slow clients and pipelined requests"
  echo
  echo "\`quorum-slow-clients --clients $CLIENTS --seconds $SECONDS_HELD --spread\`: $CLIENTS connections, each from its own"
  echo "loopback address, send a request head a byte a second and never finish it; each one the"
  echo "server cuts off reconnects at once. Meanwhile a prober asks for \`/healthz\` on a fresh"
  echo "connection every 100 ms (failed: no 200 within 5 s). Pipelined: requests written in one go"
  echo "on one connection, the last asking to close; the answers with status 200 are counted."
  echo
  echo "| server | slow clients held open (mean) | cut off and reconnected | /healthz probes | failed | p50 ms | p99 ms | max ms | pipelined requests answered |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for row in "${rows[@]}"; do
    IFS='|' read -r name line piped <<<"$row"
    echo "| $name | $(field "$line" connected_avg) | $(field "$line" closed_by_server) | $(field "$line" probes) | $(field "$line" failed) | $(field "$line" p50_ms) | $(field "$line" p99_ms) | $(field "$line" max_ms) | $piped |"
  done
  echo
  echo "Target (issue 15): /healthz p99 at most 50 ms with 1,000 slow clients connected, alone and behind nginx; every pipelined request answered."
  echo
  echo "## kill -9 of the indexer"
  echo
  if [ "$(kv "$work/kill.txt" skipped)" = 1 ]; then echo "Skipped: xapian-tools is not installed."; else
  echo "\`tests/reliability/kill_indexer.sh\`: the index holds archive A (three samples) or B (all five);"
  echo "each round starts an incremental run towards the other and kills it with SIGKILL at a random"
  echo "moment within the run's length ($(kv "$work/kill.txt" run_ms) ms here). Then \`xapian-check\` must pass and the"
  echo "index must equal one of the two committed states exactly (document count and a digest of"
  echo "every term with its frequency, against indexes built from scratch)."
  echo
  echo "| kills | survived | kept the state before | held the new state | run had finished | re-run after the last kill completed |"
  echo "|---:|---:|---:|---:|---:|---|"
  echo "| $(kv "$work/kill.txt" kills) | $(kv "$work/kill.txt" survived) | $(kv "$work/kill.txt" kept_previous_state) | $(kv "$work/kill.txt" reached_new_state) | $(kv "$work/kill.txt" completed_before_kill) | $([ "$(kv "$work/kill.txt" rerun_completed)" = 1 ] && echo yes || echo NO) |"
  fi
  echo
  echo "## Soak: distinct and hostile questions while re-indexing"
  echo
  if [ "$(kv "$work/soak.txt" skipped)" = 1 ]; then echo "Skipped: wrk is not installed."; else
  echo "\`tests/reliability/soak.sh\`: \`wrk\` with 64 connections for $SOAK_SECONDS s against quorum-serve with its"
  echo "response cache off (\`--cache-mb 0\`): $(kv "$work/soak.txt" distinct_questions) distinct questions from \`quorum-question-mix\`, with one of"
  echo "$(kv "$work/soak.txt" hostile_paths) hostile requests after every ninth (broken syntax, 300 wildcards, over-long queries, invalid"
  echo "UTF-8, bad parameters, path tricks). Meanwhile \`quorum-index\` re-indexes the archive in a loop,"
  echo "switching it between three and five samples, so every run changes the index being read."
  echo
  echo "| requests | per second | 2xx | 4xx | 5xx | dropped | timeouts | p50 ms | p99 ms | max ms | re-index runs (failed) | index changes seen | RSS warm / end / peak MB |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  echo "| $(kv "$work/soak.txt" requests) | $(kv "$work/soak.txt" rps) | $(kv "$work/soak.txt" status_2xx) | $(kv "$work/soak.txt" status_4xx) | $(kv "$work/soak.txt" status_5xx) | $(kv "$work/soak.txt" errors_socket) | $(kv "$work/soak.txt" errors_timeout) | $(kv "$work/soak.txt" p50_ms) | $(kv "$work/soak.txt" p99_ms) | $(kv "$work/soak.txt" max_ms) | $(kv "$work/soak.txt" reindex_runs) ($(kv "$work/soak.txt" reindex_failures)) | $(kv "$work/soak.txt" index_changes_seen) | $(kv "$work/soak.txt" rss_warm_mb) / $(kv "$work/soak.txt" rss_end_mb) / $(kv "$work/soak.txt" rss_peak_mb) |"
  echo
  echo "RSS warm is the server's resident memory after the first fifth of the run; the re-index"
  echo "loop and wrk share the same two cores, so latency here is not the engine's (docs/BENCHMARKS.md)."
  fi
  echo
  echo "## Fuzzing"
  echo
  if [ -f "$RECORDS/fuzz-results.txt" ]; then
    read -r rec_date rec_commit < <(head -1 "$RECORDS/fuzz-results.txt" | sed 's/date=\([^ ]*\) commit=\(.*\)/\1 \2/')
    echo "\`scripts/fuzz.sh\` (libFuzzer with ASan and UBSan, Debian clang; docs/FUZZING.md), recorded in"
    echo "\`docs/reliability/fuzz-results.txt\` on $rec_date (commit $rec_commit). Every crash found is committed"
    echo "under \`tests/fuzz/crashes/\` and replayed by ctest under g++."
    echo
    echo "| target | seconds | inputs run | per second | corpus | crashes open |"
    echo "|---|---:|---:|---:|---:|---:|"
    total_s=0 total_x=0
    while read -r line; do
      case "$line" in target=*) ;; *) continue ;; esac
      echo "| $(field "$line" target) | $(field "$line" seconds) | $(field "$line" executions) | $(field "$line" exec_per_s) | $(field "$line" corpus) | $(field "$line" crashes) |"
      total_s=$((total_s + $(field "$line" seconds))); total_x=$((total_x + $(field "$line" executions)))
    done <"$RECORDS/fuzz-results.txt"
    echo
    echo "In all: $(awk -v s="$total_s" 'BEGIN {printf "%.2f", s / 3600}') hours and $total_x inputs."
  else
    echo "Not run yet: \`scripts/reliability.sh --fuzz-seconds 300\`."
  fi
  echo
  echo "## The whole test suite under ASan + UBSan"
  echo
  if [ -f "$RECORDS/asan-results.txt" ]; then
    line=$(head -1 "$RECORDS/asan-results.txt")
    echo "\`scripts/sanitize.sh\` (g++ -fsanitize=address,undefined, -O1), recorded in"
    echo "\`docs/reliability/asan-results.txt\` on $(field "$line" date) (commit $(field "$line" commit)): **$(sed -n 2p "$RECORDS/asan-results.txt" | sed 's/.*result=\([a-z]*\).*/\1/')** in $(sed -n 2p "$RECORDS/asan-results.txt" | sed 's/.*minutes=\([0-9]*\).*/\1/') minutes;"
    echo "$(sed -n 's/^summary=//p' "$RECORDS/asan-results.txt")."
    echo "CI runs \`scripts/sanitize.sh --subset\` (the fuzz replays of every reader, the parameters and the"
    echo "query builder, and the parameter tests, sanitized)."
  else
    echo "Not recorded yet: \`scripts/reliability.sh --asan\` (about an hour on 2 cores)."
  fi
} >"$OUT"
echo "reliability.sh: wrote $OUT" >&2
if [ ${#failed_checks[@]} -gt 0 ]; then
  printf 'reliability.sh: FAILED: %s\n' "${failed_checks[@]}" >&2
  exit 1
fi
