#!/usr/bin/env bash
# The reliability suite (issue 15): attacks a real quorum-serve and quorum-index as hostile
# clients and careless operators would, and writes docs/RELIABILITY.md.
#
#   scripts/reliability.sh [--build DIR] [--clients 1000] [--seconds 30] [--soak-seconds 600]
#                          [--kills 50] [--fuzz-seconds 300] [--fuzz-targets "T ..."]
#                          [--asan] [--asan-build DIR]
#                          [--records-only] [--out FILE]
#
# 1. raw-socket abuse (malformed, oversized and smuggling requests written to a socket:
#    tests/reliability/raw_abuse.sh), slow clients (each sends a request head a byte a second
#    and never finishes it) while a prober times /healthz, and pipelined requests:
#    quorum-serve alone and behind nginx;
# 2. kill -9 of quorum-index at --kills random moments, inside commits and first builds too
#    (tests/reliability/kill_indexer.sh);
# 3. the soak: 64 connections of distinct and hostile questions for --soak-seconds while the
#    archive is re-indexed in a loop (tests/reliability/soak.sh);
# 4. fuzzing: scripts/fuzz.sh, --fuzz-seconds per target (0 keeps the last recorded run;
#    --fuzz-targets "fuzz_text ..." runs only those and keeps the others' last lines);
# 5. the whole test suite under ASan + UBSan (scripts/sanitize.sh, about an hour) with
#    --asan; without it the last recorded run is reported, with its commit.
# Runs 4 and 5 are recorded in docs/reliability/; --records-only runs just them (the hours
# of fuzzing and the hour of ASan can then run apart from the live checks) and leaves the
# report alone. --asan-build DIR is sanitize.sh's build folder (default build-asan).
# Needs a built tree (cmake --build build); nginx, wrk and xapian-tools are skipped when
# missing (strace, which puts kills inside commits, too, with a note). The report is
# written whatever failed; then the script exits 1 when any check failed: /healthz p99 above 50 ms or a failed probe under the slow clients,
# a pipelined request unanswered, a raw-abuse case failed (alone or behind nginx), or a
# failure of the kills, the soak, the fuzzing or the ASan suite.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$ROOT/build
CLIENTS=1000
SECONDS_HELD=30
SOAK_SECONDS=600
KILLS=50
FUZZ_SECONDS=300
FUZZ_TARGETS=""
ASAN=0
ASAN_BUILD=""
RECORDS_ONLY=0
OUT=$ROOT/docs/RELIABILITY.md
RECORDS=$ROOT/docs/reliability
BUILD_ARG=""
while [ $# -gt 0 ]; do
  case "$1" in
    --build) BUILD=$(cd "$2" && pwd); BUILD_ARG=" --build $2"; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --seconds) SECONDS_HELD=$2; shift 2 ;;
    --soak-seconds) SOAK_SECONDS=$2; shift 2 ;;
    --kills) KILLS=$2; shift 2 ;;
    --fuzz-seconds) FUZZ_SECONDS=$2; shift 2 ;;
    --fuzz-targets) FUZZ_TARGETS=$2; shift 2 ;;
    --asan) ASAN=1; shift ;;
    --asan-build) ASAN_BUILD=$2; shift 2 ;;
    --records-only) RECORDS_ONLY=1; shift ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "reliability.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for tool in quorum-index quorum-serve quorum-slow-clients quorum-question-mix; do
  [ -x "$BUILD/$tool" ] || { echo "reliability.sh: $BUILD/$tool is missing: build first (cmake --build $BUILD)" >&2; exit 1; }
done
# Every option that shapes the figures, for the report's first line.
OPTIONS="--clients $CLIENTS --seconds $SECONDS_HELD --soak-seconds $SOAK_SECONDS --kills $KILLS --fuzz-seconds $FUZZ_SECONDS${FUZZ_TARGETS:+ --fuzz-targets \"$FUZZ_TARGETS\"}$([ "$ASAN" = 1 ] && echo " --asan" || true)$BUILD_ARG"

work=$(mktemp -d "${TMPDIR:-/tmp}/quorum-reliability-XXXXXX")
. "$ROOT/tests/server/serve_helpers.sh"
# serve_cleanup ends in `kill ... && wait`: under set -e a wait that returns the server's
# 143 would abort the trap before rm -rf and change the exit code. Run it without -e and
# keep the script's code.
trap 'rc=$?; set +e; serve_cleanup; exit $rc' EXIT
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

failed_checks=()
kv() { sed -n "s/^$2=//p" "$1" 2>/dev/null | head -1; }  # FILE KEY -> value
field() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }   # LINE KEY -> value

# Runs 4 and 5, whose results are kept in docs/reliability/ (the report reads them back).
records() {
  mkdir -p "$RECORDS"
  stamp() { echo "date=$(date -u +%Y-%m-%dT%H:%MZ) commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"; }
  # Records are written to a temporary file and moved into place: a run that failed before
  # writing keeps the last good record, and nothing here stops the report being written.
  if [ "$FUZZ_SECONDS" -gt 0 ]; then
    echo "reliability.sh: fuzzing, $FUZZ_SECONDS s per target (scripts/fuzz.sh)" >&2
    if "$ROOT/scripts/fuzz.sh" --seconds "$FUZZ_SECONDS" ${FUZZ_TARGETS:+--targets "$FUZZ_TARGETS"} \
         --out "$work/fuzz.txt" >"$work/fuzz.log" 2>&1; then :
    else failed_checks+=("fuzzing: $(tail -2 "$work/fuzz.log" | tr '\n' ' ')"); fi
    if grep -q '^target=' "$work/fuzz.txt" 2>/dev/null; then
      # Each target's line carries the date and commit of its run: targets not run this time
      # keep their last line (an older record's lines take its first line's stamp).
      { now=$(stamp); echo "$now"
        old_stamp=$(head -1 "$RECORDS/fuzz-results.txt" 2>/dev/null || true)
        # In the last record's order, then any target new to it (fuzz.sh's list is the source).
        for t in $(cat "$RECORDS/fuzz-results.txt" "$work/fuzz.txt" 2>/dev/null | sed -n 's/^target=\([^ ]*\).*/\1/p' | awk '!seen[$0]++'); do
          if line=$(grep -m1 "^target=$t " "$work/fuzz.txt"); then echo "$line $now"
          elif line=$(grep -m1 "^target=$t " "$RECORDS/fuzz-results.txt" 2>/dev/null); then
            case "$line" in *" date="*) echo "$line" ;; *) echo "$line $old_stamp" ;; esac
          fi
        done
      } >"$RECORDS/fuzz-results.txt.tmp" &&
        mv "$RECORDS/fuzz-results.txt.tmp" "$RECORDS/fuzz-results.txt" || true
    else
      failed_checks+=("fuzzing: scripts/fuzz.sh wrote no results (the last record is kept)")
    fi
  fi
  if [ "$ASAN" = 1 ]; then
    echo "reliability.sh: the whole suite under ASan + UBSan (scripts/sanitize.sh; about an hour)" >&2
    start=$(date +%s)
    if "$ROOT/scripts/sanitize.sh" ${ASAN_BUILD:+--build "$ASAN_BUILD"} >"$work/asan.log" 2>&1; then result=passed; else result=failed; failed_checks+=("ASan suite: $(tail -1 "$work/asan.log")"); fi
    summary=$(grep -E "tests passed|tests failed out of" "$work/asan.log" | tail -1 || true)
    { stamp; echo "result=$result minutes=$(( ($(date +%s) - start + 59) / 60 ))"
      echo "summary=${summary:-no ctest summary: the configure or build step failed (see scripts/sanitize.sh)}"
    } >"$RECORDS/asan-results.txt.tmp" && mv "$RECORDS/asan-results.txt.tmp" "$RECORDS/asan-results.txt" || true
  fi
}

if [ "$RECORDS_ONLY" = 1 ]; then
  records
  if [ ${#failed_checks[@]} -gt 0 ]; then printf 'reliability.sh: FAILED: %s\n' "${failed_checks[@]}" >&2; exit 1; fi
  echo "reliability.sh: records updated in $RECORDS (the report is unchanged: run without --records-only)" >&2
  exit 0
fi

echo "reliability.sh: indexing the samples" >&2
"$BUILD/quorum-index" --db "$work/db" "$ROOT/corpus/samples" >"$work/index.log" 2>&1
serve_start "$BUILD/quorum-serve" "$work/db" >&2 || exit 1

slow() {  # PORT -> the tool's result line (empty when it failed)
  "$BUILD/quorum-slow-clients" --port "$1" --clients "$CLIENTS" --seconds "$SECONDS_HELD" --spread || true
}
raw_abuse() {  # PORT OUT -> raw_abuse.sh's lines in OUT; never fails here (read_raw judges)
  bash "$ROOT/tests/reliability/raw_abuse.sh" "$1" >"$2" 2>&1 || true
}
# Issue 15's targets for one server: /healthz p99 at most 50 ms under the slow clients (and
# no probe without a 200 within 5 s: that is starvation), every pipelined request answered.
check_slow() {  # NAME RESULT_LINE ANSWERED ASKED
  local p99 failed
  p99=$(field "$2" p99_ms) failed=$(field "$2" failed)
  if [ -z "$p99" ]; then failed_checks+=("slow clients, $1: no result")
  else
    awk -v p="$p99" 'BEGIN {exit !(p <= 50)}' || failed_checks+=("slow clients, $1: /healthz p99 $p99 ms, above 50 ms")
    [ "$failed" = 0 ] || failed_checks+=("slow clients, $1: $failed /healthz probes got no 200 within 5 s")
  fi
  [ "$3" = "$4" ] || failed_checks+=("pipelined, $1: $3 of $4 requests answered")
}
check_raw() {  # NAME OUT
  local cases passed
  cases=$(kv "$2" cases) passed=$(kv "$2" passed)
  if [ -z "$cases" ]; then failed_checks+=("raw-socket abuse, $1: no result ($(tail -1 "$2" 2>/dev/null))")
  elif [ "$cases" != "$passed" ]; then
    failed_checks+=("raw-socket abuse, $1: $((cases - ${passed:-0})) of $cases cases failed ($(grep '|FAIL' "$2" | cut -d'|' -f1 | paste -sd';' - | sed 's/;/; /g'))")
  fi
}

rows=()
echo "reliability.sh: raw-socket abuse against quorum-serve alone (about 20 s)" >&2
raw_abuse "$qport" "$work/raw-alone.txt"
check_raw "quorum-serve alone" "$work/raw-alone.txt"
echo "reliability.sh: $CLIENTS slow clients against quorum-serve alone, $SECONDS_HELD s" >&2
line=$(slow "$qport"); piped=$(pipelined "$qport" 2001 || true)
rows+=("quorum-serve alone|$line|${piped:-0} of 2001")
check_slow "quorum-serve alone" "$line" "${piped:-0}" 2001
nginx_bin=$(command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true)
nginx_state=missing
if [ -n "$nginx_bin" ]; then
  if nginx_front_start "$nginx_bin" "$ROOT/server/deploy/nginx.conf" "$work" "$qport" >&2; then
    nginx_state=ran
    # Raw abuse first, while nginx's per-client rate limit has its whole burst.
    echo "reliability.sh: raw-socket abuse behind nginx" >&2
    raw_abuse "$nport" "$work/raw-nginx.txt"
    check_raw "behind nginx" "$work/raw-nginx.txt"
    echo "reliability.sh: the slow clients behind nginx" >&2
    # nginx's per-client rate limit (bursts of 40) answers the rest of a larger burst 429.
    line=$(slow "$nport"); piped=$(pipelined "$nport" 40 || true)
    rows+=("behind nginx (server/deploy/nginx.conf)|$line|${piped:-0} of 40")
    check_slow "behind nginx" "$line" "${piped:-0}" 40
    nginx_front_stop || true
  else
    nginx_state=failed
    failed_checks+=("nginx did not start in front of quorum-serve")
  fi
fi

# The slow-client server is done: the next runs start their own.
if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
serve_pid=""

echo "reliability.sh: kill -9 of quorum-index, $KILLS times" >&2
if bash "$ROOT/tests/reliability/kill_indexer.sh" "$BUILD" "$ROOT/corpus/samples" "$KILLS" >"$work/kill.txt" 2>"$work/kill.err"; then :
else rc=$?; [ $rc = 77 ] && echo "skipped=1" >>"$work/kill.txt" || failed_checks+=("kill -9: $(grep -v 'note:' "$work/kill.err" | tail -2 | tr '\n' ' ')"); fi

echo "reliability.sh: the soak, $SOAK_SECONDS s at 64 connections while re-indexing" >&2
if bash "$ROOT/tests/reliability/soak.sh" "$BUILD" "$ROOT/corpus/samples" "$SOAK_SECONDS" 64 >"$work/soak.txt" 2>"$work/soak.err"; then :
else rc=$?; [ $rc = 77 ] && echo "skipped=1" >>"$work/soak.txt" || failed_checks+=("soak: $(tail -2 "$work/soak.err" | tr '\n' ' ')"); fi

records

# raw_abuse.sh's line for a case: NAME|STATUS|SECONDS|VERDICT.
raw_status() { awk -F'|' -v n="$2" '$1 == n {print $2 " (" $3 " s)"; exit}' "$1" 2>/dev/null; }
raw_verdict() { awk -F'|' -v n="$2" '$1 == n {print $4; exit}' "$1" 2>/dev/null; }

# The report: without -e (a missing figure shows as a blank, not a missing report), to a
# temporary file moved into place.
(
  set +e
  echo "# Quorum reliability"
  echo
  echo "Generated by \`scripts/reliability.sh $OPTIONS\` on $(date -u +%Y-%m-%dT%H:%MZ)" \
       "(commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')). Do not edit by hand: run the script again."
  echo
  echo "Machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "The server indexes the bundled samples and runs with its defaults (\`--client-connections 256\`, a"
  echo "request head must arrive whole within 10 s). The clients run on the same machine."
  echo
  if [ ${#failed_checks[@]} -eq 0 ]; then
    echo "**Every check passed.**"
  else
    echo "**Failed checks:**"
    echo
    for c in "${failed_checks[@]}"; do echo "- $c"; done
  fi
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
  [ "$nginx_state" = missing ] && echo "| behind nginx | not run: nginx is not installed | | | | | | | |"
  [ "$nginx_state" = failed ] && echo "| behind nginx | not run: nginx did not start | | | | | | | |"
  echo
  echo "Target (issue 15): /healthz p99 at most 50 ms with 1,000 slow clients connected, alone and behind nginx"
  echo "(checked at whatever \`--clients\` was given, with no probe failed); every pipelined request answered."
  echo
  echo "## Raw-socket abuse"
  echo
  echo "\`tests/reliability/raw_abuse.sh\`: malformed, oversized and smuggling requests written straight to a"
  echo "socket. Each must get one of the statuses its case allows (a 4xx, or a closed connection) within"
  echo "12 s, never a 5xx or a hang, and \`/healthz\` must answer 200 after it. Status: the first status"
  echo "line's code, or \`closed\`, with the seconds it took."
  echo
  if [ ! -s "$work/raw-alone.txt" ]; then echo "Not run."; else
  echo "| case | quorum-serve alone | behind nginx | verdict |"
  echo "|---|---|---|---|"
  while IFS='|' read -r name _; do
    [ -n "$name" ] || continue
    alone_v=$(raw_verdict "$work/raw-alone.txt" "$name")
    if [ "$nginx_state" = ran ]; then
      nginx_s=$(raw_status "$work/raw-nginx.txt" "$name"); nginx_v=$(raw_verdict "$work/raw-nginx.txt" "$name")
    else
      nginx_s="not run" nginx_v=ok
    fi
    if [ "$alone_v" = ok ] && [ "$nginx_v" = ok ]; then verdict=ok
    else
      verdict="**FAILED**"
      [ "$alone_v" = ok ] || verdict+=" alone: ${alone_v#FAIL}"
      [ "$nginx_v" = ok ] || verdict+=" behind nginx: ${nginx_v#FAIL}"
    fi
    echo "| $name | $(raw_status "$work/raw-alone.txt" "$name") | ${nginx_s:-no answer} | $verdict |"
  done < <(grep '|' "$work/raw-alone.txt")
  echo
  echo "Cases passed: $(kv "$work/raw-alone.txt" passed) of $(kv "$work/raw-alone.txt" cases) alone$([ "$nginx_state" = ran ] && echo ", $(kv "$work/raw-nginx.txt" passed) of $(kv "$work/raw-nginx.txt" cases) behind nginx")."
  fi
  echo
  echo "## kill -9 of the indexer"
  echo
  if [ "$(kv "$work/kill.txt" skipped)" = 1 ]; then echo "Skipped: xapian-tools is not installed."; else
  echo "\`tests/reliability/kill_indexer.sh\`: the index holds archive A (three samples) or B (all five);"
  echo "each round starts an incremental run towards the other and kills it with SIGKILL. Uniform"
  echo "rounds kill at a random moment within the run's length ($(kv "$work/kill.txt" run_ms) ms here). The commit takes"
  echo "a few ms at the end of a run, so commit rounds run the indexer under strace with every"
  echo "fsync delayed 200 ms ($(kv "$work/kill.txt" commit_ms_slowed) ms from the first fsync to the commit point, the rename"
  echo "of \`iamglass\`) and every rename held 200 ms after it, and kill it among those fsyncs or just"
  echo "after the rename (strace here: $(kv "$work/kill.txt" strace); without it, they kill in the run's last 15%)."
  echo "Every fourth round kills a first build (no index, or an empty folder) instead. After an"
  echo "incremental kill \`xapian-check\` must pass and the index must equal one of the two committed"
  echo "states, built from scratch, in every figure compared: the document count, every document's"
  echo "data, values and terms with their wdf (docids and the files' modification times left out),"
  echo "and every term with its frequency (database metadata is not compared); before the commit"
  echo "point the old state, after it the new one. A killed first build must leave no index (the"
  echo "next run then builds it whole and removes the killed run's build folder) or the whole new one."
  echo
  echo "| kills | survived | kept the state before | held the new state | run had finished | killed before the commit / inside it / at its rename / after it | first builds killed: left no index / left the whole index | re-run after the last kill completed |"
  echo "|---:|---:|---:|---:|---:|---|---|---|"
  echo "| $(kv "$work/kill.txt" kills) | $(kv "$work/kill.txt" survived) | $(kv "$work/kill.txt" kept_previous_state) | $(kv "$work/kill.txt" reached_new_state) | $(kv "$work/kill.txt" completed_before_kill) | $(kv "$work/kill.txt" killed_before_commit) / $(kv "$work/kill.txt" killed_inside_commit) / $(kv "$work/kill.txt" killed_at_commit_point) / $(kv "$work/kill.txt" killed_after_commit_point) | $(kv "$work/kill.txt" first_build_kills): $(kv "$work/kill.txt" first_build_left_no_index) / $(kv "$work/kill.txt" first_build_left_complete) | $([ "$(kv "$work/kill.txt" rerun_completed)" = 1 ] && echo yes || echo NO) |"
  stale=$(kv "$work/kill.txt" first_build_left_build_folder)
  if [ -n "$stale" ] && [ "$stale" != 0 ]; then
    echo
    echo "$stale first build(s) killed after the rename onto \`--db\` left their empty \`.DB.building-PID\` folder"
    echo "beside the index; the next run (an incremental one) removed it each time, as it must."
  fi
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
  echo "| requests | per second | 2xx | 4xx | 5xx | other | dropped | timeouts | p50 ms | p99 ms | max ms | re-index runs (failed) | index changes seen | RSS warm / end / peak MB (bound) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  echo "| $(kv "$work/soak.txt" requests) | $(kv "$work/soak.txt" rps) | $(kv "$work/soak.txt" status_2xx) | $(kv "$work/soak.txt" status_4xx) | $(kv "$work/soak.txt" status_5xx) | $(kv "$work/soak.txt" status_other) | $(kv "$work/soak.txt" errors_socket) | $(kv "$work/soak.txt" errors_timeout) | $(kv "$work/soak.txt" p50_ms) | $(kv "$work/soak.txt" p99_ms) | $(kv "$work/soak.txt" max_ms) | $(kv "$work/soak.txt" reindex_runs) ($(kv "$work/soak.txt" reindex_failures)) | $(kv "$work/soak.txt" index_changes_seen) | $(kv "$work/soak.txt" rss_warm_mb) / $(kv "$work/soak.txt" rss_end_mb) / $(kv "$work/soak.txt" rss_peak_mb) ($(kv "$work/soak.txt" rss_bound_mb)) |"
  echo
  echo "Checks: requests answered, some 2xx, no 5xx, no other status, no dropped connection, no"
  echo "timeout (10 s), every /healthz sample (one a second) answered within 5 s"
  echo "($(kv "$work/soak.txt" healthz_unanswered) of $(kv "$work/soak.txt" healthz_samples) were not), re-index runs with none failed, and from"
  echo "30 s on the server seeing the index change. Memory flat from 60 s on: RSS at the end at most the"
  echo "warm figure (after the first fifth of the run) times 1.5 plus 20 MB, the bound above: reopened"
  echo "databases and malloc arenas move RSS by some MB without a leak, while a leak of"
  echo "$(kv "$work/soak.txt" leak_bound_bytes_per_request) bytes a request over this run's requests would cross it. The re-index"
  echo "loop and wrk share the same two cores, so latency here is not the engine's (docs/BENCHMARKS.md)."
  fi
  echo
  echo "## Fuzzing"
  echo
  if [ -f "$RECORDS/fuzz-results.txt" ]; then
    read -r rec_date rec_commit < <(head -1 "$RECORDS/fuzz-results.txt" | sed 's/date=\([^ ]*\) commit=\(.*\)/\1 \2/')
    echo "\`scripts/fuzz.sh\` (libFuzzer with ASan and UBSan, Debian clang; docs/FUZZING.md), recorded in"
    echo "\`docs/reliability/fuzz-results.txt\`, last on $rec_date (commit $rec_commit; each target's run below). Every"
    echo "crash found is committed under \`tests/fuzz/crashes/\` and replayed by ctest under g++; a target"
    echo "whose crash is fixed is run again (\`--records-only --fuzz-targets\`)."
    echo
    echo "| target | run on (commit) | seconds asked | seconds run (about) | inputs run | per second | corpus | crashes open | status |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---|"
    total_s=0 total_x=0
    while read -r line; do
      case "$line" in target=*) ;; *) continue ;; esac
      x=$(field "$line" executions) r=$(field "$line" exec_per_s)
      # fuzz.sh records the seconds asked (--seconds), not the seconds run, which are shorter
      # when a target stops at a crash: estimated as the inputs run over libFuzzer's average
      # rate (average_exec_per_sec, itself inputs over elapsed seconds).
      run_s=$(awk -v x="${x:-0}" -v r="${r:-0}" 'BEGIN {printf "%d", (r > 0 ? x / r : 0)}')
      echo "| $(field "$line" target) | $(field "$line" date) ($(field "$line" commit)) | $(field "$line" seconds) | $run_s | $x | $r | $(field "$line" corpus) | $(field "$line" crashes) | $(field "$line" status) |"
      total_s=$((total_s + run_s)); total_x=$((total_x + ${x:-0}))
    done <"$RECORDS/fuzz-results.txt"
    echo
    echo "In all: about $(awk -v s="$total_s" 'BEGIN {printf "%.2f", s / 3600}') hours run and $total_x inputs (seconds run"
    echo "are estimated from the inputs and the rate: scripts/fuzz.sh records the seconds asked)."
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
    echo "CI runs \`scripts/sanitize.sh --ci\` (the parameter fuzz replay and the parameter tests,"
    echo "sanitized); \`scripts/sanitize.sh --subset\` adds every reader's and the query builder's replay."
  else
    echo "Not recorded yet: \`scripts/reliability.sh --asan\` (about an hour on 2 cores)."
  fi
) >"$OUT.tmp" && mv "$OUT.tmp" "$OUT"
echo "reliability.sh: wrote $OUT" >&2
if [ ${#failed_checks[@]} -gt 0 ]; then
  printf 'reliability.sh: FAILED: %s\n' "${failed_checks[@]}" >&2
  exit 1
fi
