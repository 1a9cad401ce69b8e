#!/usr/bin/env bash
# Issue 16: a shard set served by stock xapian-tcpsrv on loopback against the single index,
# in one run on this machine, for 1, 2 and 4 shards: building the set from the archive
# (quorum-index --shards N; against one index built the same way, unless --no-single),
# then uncached HTTP over the archive's distinct questions at 1 and 64 connections, from
# the shard folders and from xapian-tcpsrv, and the answers compared with the set's own
# OUT/whole (the single index over the same files).
#
#   bench/shards.sh [--size 100] [--shards "1 2 4"] [--seconds 10] [--no-single] [--out docs/bench/shards-SIZE.md]
#
# Needs bench/out/archive-SIZE and bench/out/distinct-paths-SIZE.txt (bench/run.sh --sizes
# SIZE makes them), wrk, xapian-tools and a Release build in build/. Disk: about three
# times the single index while a set is built (its parts, OUT/whole and the shards).
# Every server runs with --cache-mb 0: each answer is computed. Loopback costs about 0.1 ms
# a round trip; a LAN adds its round trip to every message (docs/SCALE-OUT.md).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZE=100 SHARDS="1 2 4" SECONDS_EACH=10 OUT="" SINGLE=yes
while [ $# -gt 0 ]; do
  case $1 in
    --size) SIZE=$2; shift 2 ;;
    --shards) SHARDS=$2; shift 2 ;;
    --seconds) SECONDS_EACH=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --no-single) SINGLE=no; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "shards.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
OUT=${OUT:-$ROOT/docs/bench/shards-$SIZE.md}
B=$ROOT/bench/out
ARCHIVE=$B/archive-$SIZE PATHS=$B/distinct-paths-$SIZE.txt
for f in "$ARCHIVE" "$PATHS"; do
  [ -e "$f" ] || { echo "shards.sh: $f is missing: run bench/run.sh --sizes $SIZE --keep first" >&2; exit 1; }
done
for p in wrk xapian-tcpsrv curl; do
  command -v "$p" >/dev/null || { echo "shards.sh: $p is missing (scripts/setup.sh installs it)" >&2; exit 1; }
done
INDEX=$ROOT/build/quorum-index SERVE=$ROOT/build/quorum-serve
[ -x "$INDEX" ] && [ -x "$SERVE" ] || { echo "shards.sh: build first (cmake --build build)" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/quorum-shards-XXXXXX")
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "shards.sh: stopped at line $LINENO (exit $?)" >&2' ERR
trap 'echo "shards.sh: stopped by a signal" >&2; exit 143' TERM INT HUP

. "$ROOT/bench/net.sh"  # free_port, kv
wait_port() { for _ in $(seq 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "-"; }

# serve_http NAME ARGS...: quorum-serve ARGS on a free port; sets port and pid.
serve_http() {
  local name=$1; shift
  port=$(free_port)
  "$SERVE" "$@" --host 127.0.0.1 --port "$port" --cache-mb 0 --access-log off >"$WORK/$name.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  for _ in $(seq 600); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "shards.sh: quorum-serve $* did not start:" >&2; tail -5 "$WORK/$name.log" >&2; exit 1
}

# measure LABEL: wrk at 1 and 64 connections against $port, one table row each.
ROWS=()
measure() {
  local label=$1 c t
  # Opens the searchers' shards (the server may still be looking at them).
  for _ in $(seq 50); do curl -fsS -o /dev/null "http://127.0.0.1:$port/api/search?q=budget" 2>/dev/null && break; sleep 0.2; done
  for c in 1 64; do
    t=$(( c < 2 ? 1 : 2 ))
    wrk -t"$t" -c"$c" -d"${SECONDS_EACH}s" --timeout 5s -s "$ROOT/bench/wrk/rotate.lua" \
      "http://127.0.0.1:$port" -- "$PATHS" >"$WORK/w.out" 2>&1 || true
    grep -q '^rps=' "$WORK/w.out" || { echo "shards.sh: wrk failed:" >&2; cat "$WORK/w.out" >&2; exit 1; }
    ROWS+=("| $label | $c | $(kv "$WORK/w.out" rps) | $(kv "$WORK/w.out" p50_ms) | $(kv "$WORK/w.out" p95_ms) | $(kv "$WORK/w.out" p99_ms) | $(kv "$WORK/w.out" errors) | $(rss_mb "$pid") |")
  done
}

# Answers of the set against the single index on the first 200 distinct questions.
SAME=()
compare_answers() {  # LABEL SINGLE_PORT SET_PORT
  local n=0 differ=0 a b p
  while read -r p && [ $n -lt 200 ]; do
    n=$((n + 1))
    a=$(curl -s "http://127.0.0.1:$2$p" | sed -e 's/"took_ms":[0-9.e+-]*,//')
    b=$(curl -s "http://127.0.0.1:$3$p" | sed -e 's/"took_ms":[0-9.e+-]*,//')
    [ "$a" = "$b" ] || differ=$((differ + 1))
  done <"$PATHS"
  SAME+=("| $1 | $n | $differ |")
}

START=$(date -u +%Y-%m-%dT%H:%MZ)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

# phase LOG NAME: seconds of one phase of a quorum-index run's summary ("-" if absent).
phase() { sed -n "s/^ *$2: \([0-9.]*\) s, peak memory.*/\1/p" "$1" | head -1 | grep . || echo "-"; }

BUILDS=()
single_s=""
if [ "$SINGLE" = yes ]; then
  /usr/bin/time -f 'wall_s=%e\nmaxrss_kb=%M' -o "$WORK/single.time" "$INDEX" --db "$WORK/single" "$ARCHIVE" >"$WORK/single.log" 2>&1
  single_s=$(kv "$WORK/single.time" wall_s)
  rss_kb=$(kv "$WORK/single.time" maxrss_kb)
  BUILDS+=("| one index | $single_s | 1.00 | - | - | $(( ${rss_kb:-0} / 1024 )) | $(du -sm "$WORK/single" | cut -f1) | - | - |")
  rm -rf "$WORK/single"
fi

for n in $SHARDS; do
  set_dir=$WORK/set-$n
  /usr/bin/time -f 'wall_s=%e\nmaxrss_kb=%M' -o "$WORK/build.time" \
    "$INDEX" --db "$set_dir" --shards "$n" "$ARCHIVE" >"$WORK/build-$n.log" 2>&1
  wall=$(kv "$WORK/build.time" wall_s)
  ratio=$([ -n "$single_s" ] && awk -v a="$single_s" -v b="$wall" 'BEGIN {printf "%.2f", b / a}' || echo "-")
  copied=$(sed -n 's/.*shard set of [0-9]* shards: \([0-9]*\) documents copied.*/\1/p' "$WORK/build-$n.log")
  set_s=$(sed -n 's/.*documents copied.*, \([0-9.]*\) s$/\1/p' "$WORK/build-$n.log")
  rss_kb=$(kv "$WORK/build.time" maxrss_kb)
  BUILDS+=("| $n shard(s) | $wall | $ratio | $(phase "$WORK/build-$n.log" "cut the shard set from the parts") | ${copied:--} in ${set_s:--} s | $(( ${rss_kb:-0} / 1024 )) | $(du -sm "$set_dir/whole" | cut -f1) | $(du -sm "$set_dir/local" | cut -f1) | $(du -smc "$set_dir"/shard-* | tail -1 | cut -f1) |")
  cp "$WORK/build-$n.log" "$WORK/kept-build-$n.log"

  # The single index over the same files: the set's own OUT/whole (a set is cut from it).
  serve_http "whole-$n" --db "$set_dir/whole"
  single_port=$port single_pid=$pid
  [ "$n" = "$(echo $SHARDS | cut -d' ' -f1)" ] && measure "one index (OUT/whole)"
  serve_http "local-$n" --db "$set_dir"
  measure "$n shard(s) from their folders"
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  endpoints=""
  tcp_pids=()
  for k in $(seq 0 $((n - 1))); do
    p=$(free_port)
    # Its own process group: on SIGTERM xapian-tcpsrv signals its whole group (kill(0, ...)),
    # which stopped this script with it (docs/SCALE-OUT.md).
    setsid xapian-tcpsrv --interface 127.0.0.1 --port "$p" --idle-timeout 300000 --quiet "$set_dir/shard-$k" >/dev/null 2>&1 &
    PIDS+=("$!"); tcp_pids+=("$!")
    wait_port "$p" || { echo "shards.sh: xapian-tcpsrv did not start" >&2; exit 1; }
    endpoints+="${endpoints:+,}127.0.0.1:$p"
  done
  serve_http "remote-$n" --db "$set_dir" --remote "$endpoints"
  measure "$n shard(s) on xapian-tcpsrv"
  compare_answers "$n shard(s) on xapian-tcpsrv" "$single_port" "$port"
  kill "$pid" "$single_pid" "${tcp_pids[@]}" 2>/dev/null || true
  wait "$pid" "$single_pid" "${tcp_pids[@]}" 2>/dev/null || true
  rm -rf "$set_dir"
done

mkdir -p "$(dirname "$OUT")"
{
  echo "# Shard sets against one index ($SIZE MB archive)"
  echo
  echo "Generated by \`bench/shards.sh --size $SIZE --shards \"$SHARDS\" --seconds $SECONDS_EACH\` on $START"
  echo "(commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), load average at start $LOAD). Do not edit by hand."
  echo
  echo "Machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), Xapian $(dpkg-query -W -f='${Version}' libxapian30 2>/dev/null || echo '?'). Every server, the shards' xapian-tcpsrv and the load generator (wrk) share these cores."
  echo
  echo "## Building"
  echo
  echo "\`quorum-index --db OUT --shards N ARCHIVE\` into an empty folder, against \`quorum-index --db INDEX ARCHIVE\`$([ "$SINGLE" = yes ] || echo ' (not run here: --no-single; docs/BENCHMARKS.md has the single index'"'"'s figures)'). Both write one part per core and merge the parts; a set's parts also write each unit to its shard's part, the shards are compacted from those (\"cut\"), and what the decisions pass writes afterwards (records, meetings) is copied to OUT/local (\"copied after\"). On one machine a set does not index faster than one index: both already use every core. Its gain is in serving."
  echo
  echo "| built | wall s | vs one index | cut s | copied after | peak memory MB | OUT/whole (or index) MB | OUT/local MB | shards MB |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${BUILDS[@]}"
  echo
  echo "## HTTP, response cache off, the archive's 2,000 distinct questions rotated ($SECONDS_EACH s each)"
  echo
  echo "| served | connections | requests/s | p50 ms | p95 ms | p99 ms | errors | front server RSS MB |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "## Same answers"
  echo
  echo "Each of the first distinct questions asked of the set and of its OUT/whole served as one index; whole JSON answers compared (but took_ms)."
  echo
  echo "| served | questions | answers that differ |"
  echo "|---|---:|---:|"
  printf '%s\n' "${SAME[@]}"
} >"$OUT"
echo "shards.sh: wrote $OUT"
