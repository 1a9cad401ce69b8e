#!/usr/bin/env bash
# kill -9 of quorum-index at random moments (issue 15): after each kill the index must pass
# xapian-check and hold exactly a committed state, the one before the run or the one after.
#
#   tests/reliability/kill_indexer.sh BUILD_DIR SAMPLES_DIR KILLS [SEED]
#
# Two archives, A (three samples) and B (all five), are indexed once each from scratch to
# learn their states (document count and a digest of every term). Then each round starts an
# incremental run from the current state towards the other archive and kills it with
# SIGKILL at a random moment within the run's measured length. Prints key=value lines
# (kills, survived, completed_before_kill, ...) and exits 1 when any round failed.
set -euo pipefail

BUILD=$1 SAMPLES=$2 KILLS=$3 SEED=${4:-15}
INDEX=$BUILD/quorum-index
command -v xapian-check >/dev/null || { echo "kill_indexer.sh: xapian-check is missing (apt-get install xapian-tools)" >&2; exit 77; }
command -v xapian-delve >/dev/null || { echo "kill_indexer.sh: xapian-delve is missing (apt-get install xapian-tools)" >&2; exit 77; }
[ -x "$INDEX" ] || { echo "kill_indexer.sh: $INDEX is missing: build first" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/quorum-kill-XXXXXX")
trap 'rm -rf "$work"' EXIT
RANDOM=$SEED

. "$(dirname "$0")/archives.sh"
make_archives "$work" "$SAMPLES"

# A state: the document count and a digest of every term with its frequency, which
# any run that ends in the same archive reproduces whatever the order of its writes.
state() {
  echo "$(xapian-delve "$1" 2>/dev/null | sed -n 's/^number of documents = //p')/$(xapian-delve -a -v "$1" 2>/dev/null | sort | md5sum | cut -c1-12)"
}
run_index() { "$INDEX" --db "$1" --prune --as-of 2026-01-01 -q "$work/archive"; }

use_archive "$work" a; run_index "$work/ref-a"; state_a=$(state "$work/ref-a")
use_archive "$work" b; run_index "$work/ref-b"; state_b=$(state "$work/ref-b")
[ "$state_a" != "$state_b" ] || { echo "kill_indexer.sh: the two archives give the same state" >&2; exit 1; }

# The db starts in state A; the run length A->B bounds the random kill moment.
use_archive "$work" a; run_index "$work/db"
use_archive "$work" b
cp -r "$work/db" "$work/probe"; start=$(date +%s%N); run_index "$work/probe"; end=$(date +%s%N); rm -rf "$work/probe"
span_ms=$(( (end - start) / 1000000 + 50 ))

current=a survived=0 failed=0 completed=0 kept=0 reached=0
for k in $(seq "$KILLS"); do
  target=$([ "$current" = a ] && echo b || echo a)
  use_archive "$work" "$target"
  delay_ms=$(( RANDOM % span_ms ))
  "$INDEX" --db "$work/db" --prune --as-of 2026-01-01 -q "$work/archive" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then :; else completed=$((completed + 1)); fi
  wait "$pid" 2>/dev/null || true
  ok=1
  if ! xapian-check "$work/db" >"$work/check.log" 2>&1; then
    ok=0; echo "kill $k at ${delay_ms} ms: xapian-check failed: $(tail -3 "$work/check.log")" >&2
  fi
  now=$(state "$work/db")
  before=$current
  if [ "$now" = "$state_a" ]; then current=a
  elif [ "$now" = "$state_b" ]; then current=b
  else ok=0; echo "kill $k at ${delay_ms} ms: the index holds neither committed state ($now; A $state_a, B $state_b)" >&2
  fi
  if [ "$current" = "$before" ]; then kept=$((kept + 1)); else reached=$((reached + 1)); fi
  if [ $ok = 1 ]; then survived=$((survived + 1)); else failed=$((failed + 1)); break; fi
done
# After the last kill, a run completes and reaches its target.
use_archive "$work" b; run_index "$work/db"
final_ok=$([ "$(state "$work/db")" = "$state_b" ] && echo 1 || echo 0)

echo "kills=$KILLS"
echo "survived=$survived"
echo "failed=$failed"
echo "run_ms=$span_ms"
echo "kept_previous_state=$kept"
echo "reached_new_state=$reached"
echo "completed_before_kill=$completed"
echo "rerun_completed=$final_ok"
[ "$failed" = 0 ] && [ "$survived" = "$KILLS" ] && [ "$final_ok" = 1 ]
