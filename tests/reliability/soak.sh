#!/usr/bin/env bash
# The soak (issue 15): CONNECTIONS connections of all-different and hostile questions for
# SECONDS against quorum-serve with its response cache off, while the archive is re-indexed
# in a loop under it. Nothing may answer 5xx or drop a connection, and memory stays flat.
#
#   tests/reliability/soak.sh BUILD_DIR SAMPLES_DIR SECONDS CONNECTIONS
#
# Questions: 2,000 distinct ones from quorum-question-mix over the index (words, pairs,
# phrases, filters, sorts, deep pages), with a hostile request every tenth line (broken
# syntax, hundreds of wildcards, over-long queries, invalid UTF-8, bad parameters, path
# tricks). The re-index loop switches the archive between three and five samples, so every
# run changes the index the server is reading. Prints key=value lines; exits 1 on any 5xx,
# dropped connection or failed re-index.
set -euo pipefail

BUILD=$1 SAMPLES=$2 SECONDS_RUN=$3 CONNECTIONS=$4
HERE=$(cd "$(dirname "$0")" && pwd)
for tool in quorum-index quorum-serve quorum-question-mix; do
  [ -x "$BUILD/$tool" ] || { echo "soak.sh: $BUILD/$tool is missing: build first" >&2; exit 1; }
done
command -v wrk >/dev/null || { echo "soak.sh: wrk is missing (apt-get install wrk)" >&2; exit 77; }

work=$(mktemp -d "${TMPDIR:-/tmp}/quorum-soak-XXXXXX")
serve_pid="" loop_pid="" sampler_pid=""
cleanup() {
  touch "$work/stop"
  for p in $loop_pid $sampler_pid; do wait "$p" 2>/dev/null || true; done
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
. "$HERE/archives.sh"
make_archives "$work" "$SAMPLES"
use_archive "$work" b
"$BUILD/quorum-index" --db "$work/db" -q "$work/archive"

"$BUILD/quorum-question-mix" --db "$work/db" --count 2000 --seed 42 --out "$work/questions.txt" >/dev/null 2>"$work/mix.log"
grep -v '^#' "$work/questions.txt" | awk -F'\t' 'NF >= 3 {print "/api/search?" $3}' >"$work/distinct.txt"
wild=$(for i in $(seq 0 299); do printf '%s%%2A+' "$(printf "\\x$(printf %x $((97 + i % 26)))")"; done)
long=$(head -c 1200 /dev/zero | tr '\0' a)
cat >"$work/hostile.txt" <<HOSTILE
/api/search?q=%22foster+carers
/api/search?q=((foster
/api/search?q=OR+OR+OR
/api/search?q=foster+AND+NOT+OR+carers
/api/search?q=type%3Aresolution+AND+(
/api/search?q=$wild
/api/search?q=$long
/api/search?q=%ff%fe
/api/search?q=foster%c0%af
/api/search?committee=%ff
/api/search?q=foster&page=1001
/api/search?q=foster&per_page=abc
/api/search?q=foster&sort=random
/api/search?from=2022-02-30
/api/search?q=foster&page=1&page=2
/api/search?like=no-such-unit
/api/units/..%2F..%2Fetc%2Fpasswd
/api/units/%2e%2e
/api/meetings/..
/static/%2e%2e/%2e%2e/etc/passwd
/api/decisions?status=bogus
/api/people/%00
/api/search?q=%E2%80%AE%E2%80%AEfoster
/api/search?q=a*+b*+c*+d*+e*&per_page=100&page=10
HOSTILE
awk 'NR == FNR { hostile[n++] = $0; next } { print; if (FNR % 9 == 0) print hostile[h++ % n] }' \
  "$work/hostile.txt" "$work/distinct.txt" >"$work/paths.txt"

"$BUILD/quorum-serve" --db "$work/db" --port 0 --cache-mb 0 --access-log off >"$work/serve.out" 2>"$work/serve.err" &
serve_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/serve.out" && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.out" | head -1)
[ -n "$port" ] || { echo "soak.sh: quorum-serve did not start: $(cat "$work/serve.err")" >&2; exit 1; }

# Re-index in a loop: b -> a -> b ..., each run pruning or adding two files.
(
  runs=0 failures=0 next=a
  while [ ! -e "$work/stop" ]; do
    use_archive "$work" $next
    if "$BUILD/quorum-index" --db "$work/db" --prune -q "$work/archive" >>"$work/index.log" 2>&1; then :; else failures=$((failures + 1)); fi
    runs=$((runs + 1))
    next=$([ $next = a ] && echo b || echo a)
    echo "$runs $failures" >"$work/reindex.count"
  done
) &
loop_pid=$!

# Memory and what the server sees, every 5 s: RSS (kB) and the unit count of /healthz.
(
  while [ ! -e "$work/stop" ]; do
    rss=$(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$serve_pid/status" 2>/dev/null || echo 0)
    units=$(curl -s -m 5 "http://127.0.0.1:$port/healthz" | sed -n 's/.*"units":\([0-9]*\).*/\1/p')
    echo "$(date +%s) $rss ${units:-none}" >>"$work/samples.txt"
    sleep 5
  done
) &
sampler_pid=$!

threads=$(( $(nproc) < 2 ? 1 : 2 ))
wrk -t"$threads" -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --timeout 10s -s "$HERE/soak.lua" \
  "http://127.0.0.1:$port" -- "$work/paths.txt" >"$work/wrk.out" 2>&1 || { cat "$work/wrk.out" >&2; exit 1; }
touch "$work/stop"
wait "$loop_pid" "$sampler_pid" 2>/dev/null || true
loop_pid="" sampler_pid=""
alive=$(kill -0 "$serve_pid" 2>/dev/null && echo 1 || echo 0)

read -r runs failures <"$work/reindex.count" || { runs=0; failures=0; }
# RSS: after the first fifth of the run (warm) against the end; units: how many times the
# count the server reported changed (it follows the re-index loop).
n=$(wc -l <"$work/samples.txt")
warm=$(awk -v n="$n" 'NR == int(n / 5) + 1 {print int($2 / 1024)}' "$work/samples.txt")
last=$(awk 'END {print int($2 / 1024)}' "$work/samples.txt")
peak=$(awk '$2 > m {m = $2} END {print int(m / 1024)}' "$work/samples.txt")
seen=$(awk '$3 != "none" && $3 != prev {c++; prev = $3} END {print c - 1}' "$work/samples.txt")
grep -E '^[a-z0-9_]+=' "$work/wrk.out"
echo "distinct_questions=$(wc -l <"$work/distinct.txt")"
echo "hostile_paths=$(wc -l <"$work/hostile.txt")"
echo "reindex_runs=$runs"
echo "reindex_failures=$failures"
echo "index_changes_seen=$seen"
echo "rss_warm_mb=$warm"
echo "rss_end_mb=$last"
echo "rss_peak_mb=$peak"
echo "server_alive=$alive"
five=$(sed -n 's/^status_5xx=//p' "$work/wrk.out")
sock=$(sed -n 's/^errors_socket=//p' "$work/wrk.out")
[ "$five" = 0 ] && [ "$sock" = 0 ] && [ "$failures" = 0 ] && [ "$alive" = 1 ]
