#!/usr/bin/env bash
# Issue 16: a shard set served by stock xapian-tcpsrv on loopback against the single index,
# in one run on this machine: the cut of the set (from the index bench/run.sh built, moved
# to OUT/whole: no indexing again), then uncached HTTP over the archive's distinct questions
# at 1 and 64 connections, for 1, 2 and 4 shards.
#
#   bench/shards.sh [--size 100] [--shards "1 2 4"] [--seconds 10] [--out docs/bench/shards-SIZE.md]
#
# Needs bench/out/archive-SIZE, bench/out/quorum-SIZE.db and bench/out/distinct-paths-SIZE.txt
# (bench/run.sh --sizes SIZE makes them), wrk, xapian-tools and a Release build in build/.
# Every server runs with --cache-mb 0: each answer is computed. Loopback costs about 0.1 ms
# a round trip; a LAN adds its round trip to every message (docs/SCALE-OUT.md).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZE=100 SHARDS="1 2 4" SECONDS_EACH=10 OUT=""
while [ $# -gt 0 ]; do
  case $1 in
    --size) SIZE=$2; shift 2 ;;
    --shards) SHARDS=$2; shift 2 ;;
    --seconds) SECONDS_EACH=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "shards.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
OUT=${OUT:-$ROOT/docs/bench/shards-$SIZE.md}
B=$ROOT/bench/out
ARCHIVE=$B/archive-$SIZE DB=$B/quorum-$SIZE.db PATHS=$B/distinct-paths-$SIZE.txt
for f in "$ARCHIVE" "$DB" "$PATHS"; do
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
# The index as this build writes it: run.sh's, brought up to date once (a build whose
# built-in word lists changed reads every file again), so each cut below only copies.
cp -a "$DB" "$WORK/whole"
/usr/bin/time -f 'wall_s=%e' -o "$WORK/refresh.time" "$INDEX" --db "$WORK/whole" "$ARCHIVE" >"$WORK/refresh.log" 2>&1
serve_http single --db "$WORK/whole"
single_port=$port single_pid=$pid
measure "one index (local, no shards)"

CUTS=()
for n in $SHARDS; do
  set_dir=$WORK/set-$n
  mkdir -p "$set_dir"
  cp -a "$WORK/whole" "$set_dir/whole"
  /usr/bin/time -f 'wall_s=%e\nmaxrss_kb=%M\ncpu_s=%U+%S' -o "$WORK/cut.time" \
    "$INDEX" --db "$set_dir" --shards "$n" "$ARCHIVE" >"$WORK/cut-$n.log" 2>&1
  copied=$(sed -n 's/.*shard set of [0-9]* shards: \([0-9]*\) documents copied.*/\1/p' "$WORK/cut-$n.log")
  set_s=$(sed -n 's/.*documents copied.*, \([0-9.]*\) s$/\1/p' "$WORK/cut-$n.log")
  rss_kb=$(kv "$WORK/cut.time" maxrss_kb)
  CUTS+=("| $n | ${copied:--} | ${set_s:--} | $(kv "$WORK/cut.time" wall_s) | $(( ${rss_kb:-0} / 1024 )) | $(du -sm "$set_dir/local" | cut -f1) | $(du -smc "$set_dir"/shard-* | tail -1 | cut -f1) |")
  endpoints=""
  tcp_pids=()
  for k in $(seq 0 $((n - 1))); do
    p=$(free_port)
    xapian-tcpsrv --interface 127.0.0.1 --port "$p" --idle-timeout 300000 --quiet "$set_dir/shard-$k" >/dev/null 2>&1 &
    PIDS+=("$!"); tcp_pids+=("$!")
    wait_port "$p" || { echo "shards.sh: xapian-tcpsrv did not start" >&2; exit 1; }
    endpoints+="${endpoints:+,}127.0.0.1:$p"
  done
  serve_http "remote-$n" --db "$set_dir" --remote "$endpoints"
  measure "$n shard(s) on xapian-tcpsrv"
  compare_answers "$n shard(s) on xapian-tcpsrv" "$single_port" "$port"
  kill "$pid" "${tcp_pids[@]}" 2>/dev/null || true
  wait "$pid" "${tcp_pids[@]}" 2>/dev/null || true
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
  echo "## Cutting the set"
  echo
  echo "The index bench/run.sh built, brought up to date once by this build ($(kv "$WORK/refresh.time" wall_s) s), moved to OUT/whole and cut into the set without indexing again (\`quorum-index --db OUT --shards N ARCHIVE\`; the run finds no file changed). Indexing a new set costs the single index's indexing (docs/BENCHMARKS.md) plus this cut. The cut copies each document through Xapian, positions included, on one thread per database written."
  echo
  echo "| shards | documents copied | cut s | whole run s | peak memory MB | OUT/local MB | shards MB |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${CUTS[@]}"
  echo
  echo "## HTTP, response cache off, the archive's 2,000 distinct questions rotated ($SECONDS_EACH s each)"
  echo
  echo "| served | connections | requests/s | p50 ms | p95 ms | p99 ms | errors | front server RSS MB |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "## Same answers"
  echo
  echo "Each of the first distinct questions asked of the set and of the single index; whole JSON answers compared (but took_ms)."
  echo
  echo "| served | questions | answers that differ |"
  echo "|---|---:|---:|"
  printf '%s\n' "${SAME[@]}"
} >"$OUT"
echo "shards.sh: wrote $OUT"
