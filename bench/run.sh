#!/usr/bin/env bash
# Quorum at archive scale, side by side with the engines a user would pick instead.
#
#   bench/run.sh [--sizes 10,100,1000] [--repeat 3] [--large-repeat N] [--duration 10] [--peers all|none]
#                [--engines quorum,omindex,sqlite,postgres] [--build DIR] [--work DIR]
#                [--out FILE] [--query-repeat 200] [--peer-repeat 20] [--distinct 2000] [--no-install]
#                [--smoke] [--keep] [--report-only]
#
# Writes docs/BENCHMARKS.md (and docs/bench/latency.png and costs.png: latency and every
# cost against archive size): the machine, the exact commands, one table per archive size
# with Quorum and every peer side by side. Figures are medians of --repeat runs with min
# and max (--large-repeat: runs at 1,000 MB and above, default --repeat: one run there
# takes about an hour). Servers listen on 127.0.0.1 only and are stopped when the script
# ends. --smoke: a tiny archive, one run, no peers, output under --work (used by the ctest
# smoke test; exits 77 when wrk is missing). --keep: keep the other sizes' results of the
# last run in --work and measure only --sizes again. --report-only: measure nothing; write
# the report again from the last run's results in --work (after editing bench/LIMITS.md).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZES=10,100
REPEAT=3
LARGE_REPEAT=""
DURATION=10
PEERS=all
ENGINES=quorum,omindex,sqlite,postgres
BUILD=$ROOT/build
WORK=$ROOT/bench/out
OUT=""
INSTALL=1
SMOKE=0
KEEP=0
REPORT_ONLY=0
QUERY_REPEAT=200
PEER_REPEAT=20
DISTINCT=2000
CONNECTIONS="1 16 64"
SEED=42

while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    --large-repeat) LARGE_REPEAT=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --peers) PEERS=$2; shift 2 ;;
    --engines) ENGINES=$2; shift 2 ;;
    --query-repeat) QUERY_REPEAT=$2; shift 2 ;;
    --peer-repeat) PEER_REPEAT=$2; shift 2 ;;
    --distinct) DISTINCT=$2; shift 2 ;;
    --build) BUILD=$(cd "$2" && pwd); shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --no-install) INSTALL=0; shift ;;
    --smoke) SMOKE=1; shift ;;
    --keep) KEEP=1; shift ;;
    --report-only) REPORT_ONLY=1; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[ "$REPORT_ONLY" = 1 ] && INSTALL=0
if [ "$SMOKE" = 1 ]; then
  SIZES=0.3; REPEAT=1; DURATION=1; PEERS=none; INSTALL=0; QUERY_REPEAT=3; CONNECTIONS="1 4"; DISTINCT=100
fi
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
[ -n "$OUT" ] || OUT=$([ "$SMOKE" = 1 ] && echo "$WORK/BENCHMARKS.md" || echo "$ROOT/docs/BENCHMARKS.md")
PLOT_DIR=$(dirname "$OUT")/bench
[ "$SMOKE" = 1 ] && PLOT_DIR=$WORK/plot

SCALE=$BUILD/quorum-scale
QBENCH=$BUILD/quorum-query-bench
MIX=$BUILD/quorum-question-mix
REPORT=$BUILD/quorum-bench-report
INDEX=$BUILD/quorum-index
SERVE=$BUILD/quorum-serve
QUORUM=0
[[ ",$ENGINES," == *,quorum,* ]] && QUORUM=1
tools=("$SCALE" "$REPORT")
[ "$QUORUM" = 1 ] && tools+=("$QBENCH" "$MIX" "$INDEX" "$SERVE")
for tool in "${tools[@]}"; do
  if [ ! -x "$tool" ]; then
    echo "run.sh: $tool is missing: build first (cmake --build $BUILD) or pass --build DIR" >&2
    exit 2
  fi
done

if [ "$INSTALL" = 1 ]; then
  need=()
  for p in xapian-omega sqlite3 postgresql wrk time gnuplot-nox nginx-light python3 curl; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
  done
  if [ ${#need[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
    echo "run.sh: installing ${need[*]}"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
fi
if ! command -v wrk >/dev/null; then
  WRK_MISSING=1
  echo "run.sh: wrk is not installed: HTTP figures are skipped" >&2
else
  WRK_MISSING=0
fi
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "run.sh: GNU time is missing (apt-get install time)" >&2; exit 2; }
PEER_LIST=""
if [ "$PEERS" = all ]; then
  for p in omindex sqlite postgres; do
    [[ ",$ENGINES," == *,$p,* ]] || continue
    case $p in
      omindex) command -v omindex >/dev/null && PEER_LIST+=" omindex" ;;
      sqlite) command -v sqlite3 >/dev/null && [ -x /usr/bin/python3 ] && PEER_LIST+=" sqlite" ;;
      postgres) [ -x /usr/lib/postgresql/15/bin/pg_ctl ] && command -v psql >/dev/null && PEER_LIST+=" postgres" ;;
    esac
  done
fi

RESULTS=$WORK/results.tsv
COMMANDS=$WORK/commands.txt
if [ "$REPORT_ONLY" = 1 ]; then
  [ -s "$RESULTS" ] && [ -s "$WORK/machine.txt" ] ||
    { echo "run.sh: no results in $WORK to report: run the benchmark first" >&2; exit 2; }
elif [ "$KEEP" = 1 ] && [ -s "$RESULTS" ] && [ -s "$WORK/machine.txt" ]; then
  # Only the sizes measured now are replaced; the report keeps the others.
  awk -F'\t' -v sizes=",$SIZES," 'index(sizes, "," $1 ",") == 0' "$RESULTS" >"$RESULTS.kept"
  mv "$RESULTS.kept" "$RESULTS"
  touch "$COMMANDS"
else
  KEEP=0
  : >"$RESULTS"
  : >"$COMMANDS"
fi
PIDS_TO_STOP=()
PG_DATA=""
LAST_PG_DB=""
cleanup() {
  for pid in "${PIDS_TO_STOP[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS_TO_STOP[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$PG_DATA" ] && [ -d "$PG_DATA" ]; then
    runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_DATA"
  fi
}
trap cleanup EXIT INT TERM

# record SIZE SYSTEM METRIC REP VALUE
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >>"$RESULTS"; }
# note: write a command, as run, to the commands list (first time only).
note() { grep -qxF -- "$*" "$COMMANDS" || echo "$*" >>"$COMMANDS"; }
dir_bytes() { du -sb "$1" | cut -f1; }
. "$ROOT/bench/net.sh"  # free_port, kv
wait_http() {  # wait_http URL SECONDS
  for _ in $(seq $(( $2 * 10 ))); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
# serve LOG ARGS...: starts quorum-serve ARGS on a free port, logging to LOG, and waits for
# /healthz; sets port and pid. A port taken between free_port's check and the server's bind
# (tests and peers run beside this) makes the server exit at once: it is started again on
# another port, up to 5 times. Returns 1, with the log's end, when it never answers.
serve() {
  local log=$1; shift
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    "$SERVE" "$@" --host 127.0.0.1 --port "$port" >>"$log" 2>&1 &
    pid=$!
    PIDS_TO_STOP+=("$pid")
    for _ in $(seq 600); do
      curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && return 0
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  echo "run.sh: quorum-serve $* did not answer /healthz (see $log):" >&2
  tail -5 "$log" >&2
  return 1
}
rss_kb() { sed -n "s/^$2:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$1/status" 2>/dev/null || echo 0; }
# timed OUT CMD...: runs CMD under GNU time; OUT gets wall_s and maxrss_kb.
timed() { local out=$1; shift; "$TIME" -f 'wall_s=%e\nmaxrss_kb=%M\ncpu_s=%U+%S' -o "$out" "$@"; }

machine() {
  if [ "$KEEP" = 1 ]; then
    local all
    all=$( { sed -n 's/^sizes=//p' "$WORK/machine.txt" | tr , '\n'; echo "$SIZES" | tr , '\n'; } | sort -g -u | paste -sd,)
    sed -i "s/^sizes=.*/sizes=$all/" "$WORK/machine.txt"
    echo "rerun=--sizes $SIZES --repeat $REPEAT --query-repeat $QUERY_REPEAT --peer-repeat $PEER_REPEAT --keep on $(date -u +%Y-%m-%dT%H:%MZ) (commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), load average $(cut -d" " -f1-3 /proc/loadavg))" >>"$WORK/machine.txt"
    return
  fi
  {
    echo "nproc=$(nproc)"
    echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
    echo "memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
    echo "kernel=$(uname -sr)"
    echo "os=$(. /etc/os-release && echo "$PRETTY_NAME")"
    echo "xapian=$(dpkg-query -W -f='${Version}' libxapian30 2>/dev/null || echo '?')"
    echo "sqlite=$(/usr/bin/python3 -c 'import sqlite3; print(sqlite3.sqlite_version)' 2>/dev/null || echo '?')"
    echo "postgresql=$(psql --version 2>/dev/null | awk '{print $3}' || echo '?')"
    echo "omindex=$(omindex --version 2>/dev/null | awk '{print $NF}' || echo '?')"
    echo "wrk=$(dpkg-query -W -f='${Version}' wrk 2>/dev/null || echo '?')"
    echo "nginx=$(dpkg-query -W -f='${Version}' nginx-light 2>/dev/null || echo '?')"
    echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
    echo "loadavg=$(cut -d" " -f1-3 /proc/loadavg)"
    echo "git=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
    echo "sizes=$SIZES"
    echo "repeat=$REPEAT"
    echo "large_repeat=${LARGE_REPEAT:-$REPEAT}"
    echo "duration=$DURATION"
    echo "query_repeat=$QUERY_REPEAT"
    echo "peer_repeat=$PEER_REPEAT"
    echo "distinct=$DISTINCT"
    echo "connections=$CONNECTIONS"
    echo "peers=${PEER_LIST# }"
  } >"$WORK/machine.txt"
}

start_postgres() {
  PG_DATA=$(mktemp -d /tmp/quorum-bench-pg.XXXXXX)
  chown postgres: "$PG_DATA"
  chmod 700 "$PG_DATA"
  PG_PORT=$(free_port)
  runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb -D "$PG_DATA" --auth=trust -U postgres >/dev/null
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$PG_DATA" -l "$PG_DATA/log" -w \
    -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c maintenance_work_mem=256MB -c max_wal_size=4GB" \
    start >/dev/null
  PSQL="psql -h 127.0.0.1 -p $PG_PORT -U postgres"
  note "postgres: initdb --auth=trust; pg_ctl start -o '-p PORT -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c maintenance_work_mem=256MB -c max_wal_size=4GB'"
}

# Sum of the RSS of the postgres user's processes, sampled until the file $1 appears.
sample_pg_rss() {
  local stop=$1 max=0 cur
  while [ ! -e "$stop" ]; do
    cur=$(ps -u postgres -o rss= 2>/dev/null | awk '{s+=$1} END {print s+0}')
    [ "$cur" -gt "$max" ] && max=$cur
    sleep 0.2
  done
  echo "$max"
}

index_quorum() {  # SIZE REP ARCHIVE
  local s=$1 r=$2 a=$3 db=$WORK/quorum-$1.db
  rm -rf "$db" "$db.compact"
  note "$INDEX --db DB ARCHIVE"
  timed "$WORK/t.out" "$INDEX" --db "$db" "$a" >"$WORK/index-$s.log" 2>&1 || {
    echo "run.sh: quorum-index failed on $a: see $WORK/index-$s.log" >&2; tail -5 "$WORK/index-$s.log" >&2; return 1; }
  record "$s" quorum index_wall_s "$r" "$(kv "$WORK/t.out" wall_s)"
  record "$s" quorum index_peak_kb "$r" "$(kv "$WORK/t.out" maxrss_kb)"
  record "$s" quorum index_cpu_s "$r" "$(kv "$WORK/t.out" cpu_s | awk -F+ '{print $1 + $2}')"
  record "$s" quorum index_bytes "$r" "$(dir_bytes "$db")"
  note "xapian-compact DB DB.compact"
  xapian-compact "$db" "$db.compact" >/dev/null
  record "$s" quorum index_compact_bytes "$r" "$(dir_bytes "$db.compact")"
  rm -rf "$db.compact"
  "$QBENCH" --db "$db" --count >"$WORK/count.out"
  record "$s" quorum units "$r" "$(kv "$WORK/count.out" units)"
}

index_omindex() {
  local s=$1 r=$2 a=$3 db=$WORK/omindex-$1.db
  rm -rf "$db" "$db.compact"
  note "omindex --db DB --url / -Mmd:text/plain '-G*.json:ignore' ARCHIVE"
  timed "$WORK/t.out" omindex --db "$db" --url / -Mmd:text/plain '-G*.json:ignore' "$a" >"$WORK/omindex-$s.log" 2>&1
  record "$s" omindex index_wall_s "$r" "$(kv "$WORK/t.out" wall_s)"
  record "$s" omindex index_peak_kb "$r" "$(kv "$WORK/t.out" maxrss_kb)"
  record "$s" omindex index_cpu_s "$r" "$(kv "$WORK/t.out" cpu_s | awk -F+ '{print $1 + $2}')"
  record "$s" omindex index_bytes "$r" "$(dir_bytes "$db")"
  xapian-compact "$db" "$db.compact" >/dev/null
  record "$s" omindex index_compact_bytes "$r" "$(dir_bytes "$db.compact")"
  record "$s" omindex units "$r" "$(xapian-delve "$db" 2>/dev/null | sed -n 's/^number of documents = //p')"
  rm -rf "$db.compact"
}

index_sqlite() {
  local s=$1 r=$2 db=$WORK/sqlite-$1.db
  rm -f "$db" "$db.compact"
  cat >"$WORK/sqlite-load.sql" <<EOF
CREATE TABLE units(id TEXT, doc TEXT, committee TEXT, date TEXT, body TEXT);
.mode ascii
.import $WORK/units-$s.usv units
CREATE INDEX units_committee_date ON units(committee, date);
CREATE INDEX units_date ON units(date);
CREATE VIRTUAL TABLE units_fts USING fts5(body, content='units', content_rowid='rowid', tokenize='porter unicode61');
INSERT INTO units_fts(rowid, body) SELECT rowid, body FROM units;
EOF
  note "sqlite3 DB < bench-work/sqlite-load.sql   # .import of units.usv, indexes on committee/date, FTS5 external content (porter unicode61)"
  timed "$WORK/t.out" sqlite3 "$db" <"$WORK/sqlite-load.sql"
  record "$s" sqlite index_wall_s "$r" "$(kv "$WORK/t.out" wall_s)"
  record "$s" sqlite index_peak_kb "$r" "$(kv "$WORK/t.out" maxrss_kb)"
  record "$s" sqlite index_cpu_s "$r" "$(kv "$WORK/t.out" cpu_s | awk -F+ '{print $1 + $2}')"
  record "$s" sqlite index_bytes "$r" "$(stat -c %s "$db")"
  cp "$db" "$db.compact"
  sqlite3 "$db.compact" "INSERT INTO units_fts(units_fts) VALUES('optimize'); VACUUM;"
  record "$s" sqlite index_compact_bytes "$r" "$(stat -c %s "$db.compact")"
  record "$s" sqlite units "$r" "$(sqlite3 "$db" 'SELECT count(*) FROM units')"
  rm -f "$db.compact"
}

index_postgres() {
  local s=$1 r=$2
  $PSQL -qX -c "DROP DATABASE IF EXISTS quorum" -c "CREATE DATABASE quorum" >/dev/null
  local db="$PSQL -d quorum"
  chmod o+r "$WORK/units-$s.tsv"
  cat >"$WORK/pg-load.sql" <<EOF
CREATE TABLE units(id text, doc text, committee text, date date, body text,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED);
\\copy units(id, doc, committee, date, body) FROM '$WORK/units-$s.tsv'
CREATE INDEX units_tsv ON units USING gin(tsv);
CREATE INDEX units_committee_date ON units(committee, date);
CREATE INDEX units_date ON units(date);
ANALYZE units;
EOF
  note "psql -d DB -f pg-load.sql   # COPY units.tsv, tsvector GENERATED ALWAYS AS to_tsvector('english', body) STORED, GIN index, btree on committee/date"
  rm -f "$WORK/pg.stop"
  sample_pg_rss "$WORK/pg.stop" >"$WORK/pg.rss" &
  local sampler=$!
  timed "$WORK/t.out" $db -qX -v ON_ERROR_STOP=1 -f "$WORK/pg-load.sql" >/dev/null
  touch "$WORK/pg.stop"
  wait "$sampler"
  record "$s" postgres index_wall_s "$r" "$(kv "$WORK/t.out" wall_s)"
  record "$s" postgres index_peak_kb "$r" "$(cat "$WORK/pg.rss")"
  record "$s" postgres index_bytes "$r" "$($db -qtAX -c "SELECT pg_total_relation_size('units')")"
  $db -qX -c "VACUUM FULL units" >/dev/null
  record "$s" postgres index_compact_bytes "$r" "$($db -qtAX -c "SELECT pg_total_relation_size('units')")"
  record "$s" postgres units "$r" "$($db -qtAX -c "SELECT count(*) FROM units")"
  LAST_PG_DB=quorum
}

query_quorum() {  # SIZE REP
  local s=$1 r=$2 db=$WORK/quorum-$1.db
  note "$QBENCH --db DB --queries bench/queries.txt --repeat $QUERY_REPEAT"
  "$QBENCH" --db "$db" --queries "$ROOT/bench/queries.txt" --repeat "$QUERY_REPEAT" \
    --per-query "$WORK/per-query-$s.tsv" >"$WORK/q.out"
  for m in p50_ms p95_ms p99_ms mean_ms qps_one_thread questions_without_hits cpu_p50_ms cpu_p99_ms; do
    record "$s" quorum "query_$m" "$r" "$(kv "$WORK/q.out" $m)"
  done
  "$QBENCH" --db "$db" --queries "$ROOT/bench/queries.txt" --repeat "$QUERY_REPEAT" --no-facets --no-snippets >"$WORK/q.out"
  for m in p50_ms p95_ms p99_ms; do record "$s" quorum-bare "query_$m" "$r" "$(kv "$WORK/q.out" $m)"; done
  # The headline (issue 14): distinct questions from the archive's own vocabulary, each
  # asked once with no warm-up (no in-process cache holds its answer; the OS page cache
  # may hold the index's blocks from earlier runs); and bare libxapian on the same index
  # and questions, the floor, run after Quorum's pass (so its blocks are cached: the
  # ratio to it is, if anything, against Quorum).
  distinct_questions "$s" "$db"
  note "$QBENCH --db DB --queries distinct.txt --repeat 1 --cold   # and --floor: bare libxapian"
  "$QBENCH" --db "$db" --queries "$WORK/distinct-$s.txt" --repeat 1 --cold \
    --per-query "$WORK/per-query-distinct-$s.tsv" >"$WORK/q.out"
  for m in p50_ms p95_ms p99_ms mean_ms qps_one_thread questions_without_hits cpu_p50_ms cpu_p99_ms; do
    record "$s" quorum-distinct "query_$m" "$r" "$(kv "$WORK/q.out" $m)"
  done
  "$QBENCH" --db "$db" --queries "$WORK/distinct-$s.txt" --repeat 1 --cold --floor >"$WORK/q.out"
  for m in p50_ms p95_ms p99_ms mean_ms qps_one_thread cpu_p50_ms cpu_p99_ms; do
    record "$s" xapian-floor "query_$m" "$r" "$(kv "$WORK/q.out" $m)"
  done
}

distinct_questions() {  # SIZE DB: $WORK/distinct-SIZE.txt and its /api/search paths
  local s=$1 db=$2
  [ -s "$WORK/distinct-$s.txt" ] && return 0
  note "$MIX --db DB --count $DISTINCT --seed $SEED --out distinct.txt   # distinct questions from the index's vocabulary"
  "$MIX" --db "$db" --count "$DISTINCT" --seed "$SEED" --out "$WORK/distinct-$s.txt" 2>>"$WORK/mix-$s.log" || {
    echo "run.sh: quorum-question-mix failed:" >&2; cat "$WORK/mix-$s.log" >&2; return 1; }
  grep -v '^#' "$WORK/distinct-$s.txt" | awk -F'\t' 'NF >= 3 {print "/api/search?" $3}' >"$WORK/distinct-paths-$s.txt"
}

query_sqlite() {
  local s=$1 r=$2
  note "python3 bench/peers/sqlite_bench.py DB bench/queries.txt $PEER_REPEAT"
  /usr/bin/python3 "$ROOT/bench/peers/sqlite_bench.py" "$WORK/sqlite-$s.db" "$ROOT/bench/queries.txt" "$PEER_REPEAT" \
    "$WORK/per-query-sqlite-$s.tsv" >"$WORK/q.out"
  for m in p50_ms p95_ms p99_ms mean_ms qps_one_thread questions_without_hits; do
    record "$s" sqlite "query_$m" "$r" "$(kv "$WORK/q.out" $m)"
  done
}

query_postgres() {
  local s=$1 r=$2
  note "python3 bench/peers/pg_bench.py 'psql -d DB' bench/queries.txt $PEER_REPEAT   # psql \\timing"
  /usr/bin/python3 "$ROOT/bench/peers/pg_bench.py" "$PSQL -d $LAST_PG_DB" "$ROOT/bench/queries.txt" "$PEER_REPEAT" \
    "$WORK/per-query-postgres-$s.tsv" >"$WORK/q.out"
  for m in p50_ms p95_ms p99_ms mean_ms; do record "$s" postgres "query_$m" "$r" "$(kv "$WORK/q.out" $m)"; done
}

wrk_run() {  # SIZE SYSTEM REP CONNECTIONS URL PATHS [SERVER_PID]
  local s=$1 sys=$2 r=$3 c=$4 url=$5 paths=$6 pid=${7:-}
  local t=$(( c < 2 ? 1 : 2 ))
  note "wrk -t$t -c$c -d${DURATION}s -s bench/wrk/rotate.lua http://127.0.0.1:PORT -- PATHS"
  wrk -t"$t" -c"$c" -d"${DURATION}s" --timeout 5s -s "$ROOT/bench/wrk/rotate.lua" "$url" -- "$paths" >"$WORK/w.out" 2>&1 || true
  if ! grep -q '^rps=' "$WORK/w.out"; then
    echo "run.sh: wrk failed against $url:" >&2; cat "$WORK/w.out" >&2; return 1
  fi
  for m in rps p50_ms p95_ms p99_ms errors; do record "$s" "$sys" "http_c${c}_$m" "$r" "$(kv "$WORK/w.out" $m)"; done
  [ -n "$pid" ] && record "$s" "$sys" "http_c${c}_rss_kb" "$r" "$(rss_kb "$pid" VmRSS)"
  return 0
}

http_bench() {  # SIZE REP
  local s=$1 r=$2 db=$WORK/quorum-$1.db port
  note "$SERVE --db DB --host 127.0.0.1 --port PORT"
  : >"$WORK/serve-$s.log"
  local pid
  serve "$WORK/serve-$s.log" --db "$db" || return 1
  record "$s" quorum server_idle_rss_kb "$r" "$(rss_kb "$pid" VmRSS)"
  grep -v '^#' "$ROOT/bench/queries.txt" | awk -F'\t' 'NF >= 3 {print "/api/search?" $3}' >"$WORK/paths.txt"
  echo /healthz >"$WORK/healthz.txt"
  curl -fsS -o "$WORK/typical.json" "http://127.0.0.1:$port/api/search?q=budget" || true
  local errors=0 p code
  while read -r p; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$p")
    [ "$code" = 200 ] || { errors=$((errors + 1)); echo "run.sh: $code for $p" >&2; }
  done <"$WORK/paths.txt"
  record "$s" quorum http_question_errors "$r" "$errors"
  local before after
  before=$(curl -fsS "http://127.0.0.1:$port/healthz" || true)
  for c in $CONNECTIONS; do
    wrk_run "$s" quorum "$r" "$c" "http://127.0.0.1:$port" "$WORK/paths.txt" "$pid"
  done
  # The cache's hit rate over the cached runs, from /healthz's counters.
  after=$(curl -fsS "http://127.0.0.1:$port/healthz" || true)
  local rate
  rate=$(python3 -c 'import json,sys
b, a = (json.loads(x).get("cache", {}) for x in sys.argv[1:3])
h = a.get("hits", 0) - b.get("hits", 0); m = a.get("misses", 0) - b.get("misses", 0)
print(round(100 * h / (h + m), 1) if h + m else "")' "$before" "$after" 2>/dev/null || true)
  if [ -n "$rate" ]; then record "$s" quorum cache_hit_pct "$r" "$rate"; fi
  local top=${CONNECTIONS##* }
  wrk_run "$s" healthz "$r" "$top" "http://127.0.0.1:$port" "$WORK/healthz.txt" "$pid"
  record "$s" quorum server_peak_rss_kb "$r" "$(rss_kb "$pid" VmHWM)"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  # The headline: the response cache off, so every answer is computed, and the distinct
  # questions rotated (each connection starts at another one), not the fixed ones.
  distinct_questions "$s" "$db"
  note "$SERVE --db DB --host 127.0.0.1 --port PORT --cache-mb 0   # wrk rotates the $DISTINCT distinct questions"
  # Regression: when this server did not answer (its port taken in the meantime), the
  # cache-off figures were left out without a word and only the smoke test noticed.
  serve "$WORK/serve-$s.log" --db "$db" --cache-mb 0 || return 1
  errors=0
  while read -r p; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$p")
    [ "$code" = 200 ] || { errors=$((errors + 1)); echo "run.sh: $code for $p" >&2; }
  done <"$WORK/distinct-paths-$s.txt"
  record "$s" quorum-cold http_question_errors "$r" "$errors"
  for c in $CONNECTIONS; do
    wrk_run "$s" quorum-cold "$r" "$c" "http://127.0.0.1:$port" "$WORK/distinct-paths-$s.txt" "$pid"
  done
  record "$s" quorum-cold server_peak_rss_kb "$r" "$(rss_kb "$pid" VmHWM)"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if command -v nginx >/dev/null && [ -s "$WORK/typical.json" ]; then
    local ng=$WORK/nginx nport
    nport=$(free_port)
    mkdir -p "$ng/html" "$ng/tmp"
    cp "$WORK/typical.json" "$ng/html/typical.json"
    echo /typical.json >"$WORK/static.txt"
    cat >"$ng/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $ng/nginx.pid;
error_log $ng/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $ng/tmp; proxy_temp_path $ng/tmp; fastcgi_temp_path $ng/tmp;
  uwsgi_temp_path $ng/tmp; scgi_temp_path $ng/tmp;
  default_type application/json;
  server { listen 127.0.0.1:$nport; root $ng/html; }
}
EOF
    chmod -R a+rX "$ng"
    note "nginx -c nginx.conf   # static copy of a typical /api/search response ($(stat -c %s "$WORK/typical.json") bytes), worker_processes auto, access_log off"
    nginx -p "$ng" -c "$ng/nginx.conf" &
    local npid=$!
    PIDS_TO_STOP+=("$npid")
    wait_http "http://127.0.0.1:$nport/typical.json" 20 && \
      wrk_run "$s" nginx "$r" "$top" "http://127.0.0.1:$nport" "$WORK/static.txt"
    kill "$npid" 2>/dev/null || true
    wait "$npid" 2>/dev/null || true
    record "$s" nginx response_bytes "$r" "$(stat -c %s "$WORK/typical.json")"
  fi
}

# The report is rewritten after every archive size, so a long run that is stopped still
# leaves the sizes it finished.
report() {
  mkdir -p "$PLOT_DIR"
  "$REPORT" --results "$RESULTS" --machine "$WORK/machine.txt" --commands "$COMMANDS" \
    --out "$OUT" --plot-dir "$PLOT_DIR" --work "$WORK"
  # What limits the missed targets, written by hand from profiles (bench/LIMITS.md).
  [ "$SMOKE" = 1 ] || [ ! -f "$ROOT/bench/LIMITS.md" ] || { echo; cat "$ROOT/bench/LIMITS.md"; } >>"$OUT"
  echo "run.sh: wrote $OUT" >&2
}

if [ "$REPORT_ONLY" = 1 ]; then  # the last run's results, with bench/LIMITS.md as it is now
  report
  exit 0
fi

machine
note "$SCALE --samples corpus/samples --corpus ../shared/corpora --size-mb SIZE --seed $SEED --out ARCHIVE"
[ -n "$PEER_LIST" ] && note "$SCALE --export-units ARCHIVE --tsv units.tsv --usv units.usv   # peers: one row per paragraph"
echo "$PEER_LIST" | grep -q postgres && start_postgres

IFS=, read -r -a size_list <<<"$SIZES"
for s in "${size_list[@]}"; do
  archive=$WORK/archive-$s
  if [ ! -s "$archive.manifest" ] || [ ! -d "$archive" ]; then
    rm -rf "$archive"
    corpora=()
    [ -d "$ROOT/../shared/corpora" ] && [ "$SMOKE" = 0 ] && corpora=(--corpus "$ROOT/../shared/corpora")
    "$SCALE" --samples "$ROOT/corpus/samples" "${corpora[@]}" --size-mb "$s" --seed "$SEED" --out "$archive" >"$archive.manifest.tmp"
    mv "$archive.manifest.tmp" "$archive.manifest"
  fi
  for key in bytes documents tokens vocabulary heaps_beta_fit heaps_k_fit councils committees; do
    record "$s" archive "$key" 1 "$(kv "$archive.manifest" $key)"
  done
  if [ -n "$PEER_LIST" ]; then
    "$SCALE" --export-units "$archive" --tsv "$WORK/units-$s.tsv" --usv "$WORK/units-$s.usv" >"$WORK/units-$s.manifest"
    record "$s" peers units_exported 1 "$(kv "$WORK/units-$s.manifest" units)"
  fi
  rm -f "$WORK/distinct-$s.txt"  # drawn again from this run's first index
  runs=$REPEAT
  [ -n "$LARGE_REPEAT" ] && awk -v s="$s" 'BEGIN { exit !(s >= 1000) }' && runs=$LARGE_REPEAT
  for r in $(seq "$runs"); do
    echo "run.sh: size $s MB, run $r/$runs: indexing" >&2
    [ "$QUORUM" = 1 ] && index_quorum "$s" "$r" "$archive"
    for p in $PEER_LIST; do "index_$p" "$s" "$r" "$archive"; done
    echo "run.sh: size $s MB, run $r/$runs: queries" >&2
    [ "$QUORUM" = 1 ] && query_quorum "$s" "$r"
    for p in $PEER_LIST; do
      case $p in sqlite) query_sqlite "$s" "$r" ;; postgres) query_postgres "$s" "$r" ;; esac
    done
    if [ "$WRK_MISSING" = 0 ] && [ "$QUORUM" = 1 ]; then
      echo "run.sh: size $s MB, run $r/$runs: HTTP" >&2
      http_bench "$s" "$r"
    fi
  done
  # Keep the last indexes for profiling; drop the peers' to save disk at 1 GB.
  rm -rf "$WORK/omindex-$s.db" "$WORK/sqlite-$s.db"
  [ -n "$LAST_PG_DB" ] && $PSQL -qX -c "DROP DATABASE IF EXISTS $LAST_PG_DB" >/dev/null 2>&1 || true
  report
done
if [ "$SMOKE" = 1 ] && [ "$WRK_MISSING" = 1 ]; then exit 77; fi
exit 0
