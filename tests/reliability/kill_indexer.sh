#!/usr/bin/env bash
# kill -9 of quorum-index at random moments (issue 15): after each kill the index must pass
# xapian-check and hold exactly a committed state, the one before the run or the one after;
# a killed first build must leave no index (the next run rebuilds it cleanly) or the whole one.
#
#   tests/reliability/kill_indexer.sh BUILD_DIR SAMPLES_DIR KILLS [SEED]
#
# Two archives, A (three samples) and B (all five), are indexed once each from scratch to
# learn their states (document count and a digest of every document's data, values and
# terms with their wdf, and of every term with its frequency). The db starts in state A;
# each round starts a run towards the other archive and kills it with SIGKILL:
#   - uniform rounds: at a random moment within the run's measured length;
#   - commit rounds: the run commits once, its 7 fdatasyncs and the rename taking about
#     25 ms at the end of a 250-400 ms run, so uniform kills seldom land in it (none of 19
#     in a 50-kill run, 16 before it, 3 after the run). These rounds run the indexer under strace
#     with every fsync/fdatasync delayed 200 ms before it runs and every rename held 200 ms
#     after it ran, and kill the indexer (not strace) at a random moment either among the
#     delayed fsyncs (before the rename of iamglass, Xapian's commit point: the old state
#     must survive) or just after that rename (the new state must be whole). Without
#     strace they kill within the last 15% of the run instead (a note says so);
#   - every fourth round: a first build (the db missing, or an empty folder), killed at a
#     random moment of it (every other one under strace, among the merge's and the
#     commit's fsyncs and the final rename of the build folder onto --db). It must leave no
#     index (missing or still an empty folder; the next run builds it whole and removes the
#     killed run's .DB.building-PID folder) or the complete new index.
# Every incremental run is traced (strace --seccomp-bpf, only fsync and rename: no slow-down)
# so each kill is placed: before the commit, inside it (fsyncs begun, not renamed), after the
# commit point, or after the run had finished; a kill before the commit point must keep the
# old state, one after it must give the new one. Prints key=value lines (kills, survived,
# kept_previous_state, reached_new_state, killed_inside_commit, ...) and exits 1 when any
# round failed, or, with KILLS >= 10, when no kill kept the old state or none reached the new
# one (or, with strace, none landed inside a commit).
set -euo pipefail

BUILD=$1 SAMPLES=$2 KILLS=$3 SEED=${4:-15}
INDEX=$BUILD/quorum-index
command -v xapian-check >/dev/null || { echo "kill_indexer.sh: xapian-check is missing (apt-get install xapian-tools)" >&2; exit 77; }
command -v xapian-delve >/dev/null || { echo "kill_indexer.sh: xapian-delve is missing (apt-get install xapian-tools)" >&2; exit 77; }
[ -x "$INDEX" ] || { echo "kill_indexer.sh: $INDEX is missing: build first" >&2; exit 1; }

# The syscall numbers /proc/PID/task/*/syscall shows while a thread sits in a delayed fsync.
case "$(uname -m)" in
  x86_64) SYS_SYNC="74 75" ;;
  aarch64|arm64) SYS_SYNC="82 83" ;;
  *) SYS_SYNC="" ;;
esac
STRACE=""
if command -v strace >/dev/null && [ -n "$SYS_SYNC" ] &&
   strace -f --seccomp-bpf -qq -o /dev/null -e trace=fsync true 2>/dev/null; then
  STRACE=$(command -v strace)
else
  echo "kill_indexer.sh: note: strace is missing or unusable here (apt-get install strace):" \
       "commit rounds kill within the last 15% of the run instead, and kills are not placed" >&2
fi
TRACE=(-f --seccomp-bpf -qq -tt -e trace=fsync,fdatasync,rename,renameat,renameat2)
SLOW=(-e inject=fsync,fdatasync:delay_enter=200ms -e inject=rename,renameat,renameat2:delay_exit=200ms)

work=$(mktemp -d "${TMPDIR:-/tmp}/quorum-kill-XXXXXX")
trap 'rm -rf "$work"' EXIT
RANDOM=$SEED

. "$(dirname "$0")/archives.sh"
make_archives "$work" "$SAMPLES"

# A state: the document count, a digest of every document (its data, its values and its
# terms with their wdf; the docid left out, since an incremental run numbers documents
# differently from a build from scratch) and a digest of every term with its frequency.
# A file's modification time (kept in its file-state document: "mtime_ns" in the data, the
# second field of value 10) is blanked: use_archive copies the files anew each time.
# Database metadata (the user metadata keys) is not compared: xapian-delve does not show it.
state() {
  local db=$1 ids args=() id count docs terms
  count=$(xapian-delve "$db" 2>/dev/null | sed -n 's/^number of documents = //p' || true)
  [ -n "$count" ] || { echo unreadable; return 0; }
  ids=$(xapian-delve -1 -t '' "$db" 2>/dev/null | tail -n +2 || true)  # '' lists every docid
  for id in $ids; do args+=(-r "$id"); done
  docs=$( { [ ${#args[@]} -eq 0 ] || xapian-delve -1 -v -d -V "${args[@]}" "$db" 2>/dev/null; } |
    awk 'match($0, /^(Data|Values|Term List) for record #[0-9]+/) { id = $0; sub(/.*#/, "", id); sub(/[^0-9].*/, "", id)
                                                                     sub(/ #[0-9]+/, ""); doc[id] = doc[id] "\x1e" $0; next }
         { doc[id] = doc[id] "\x1f" $0 } END { for (id in doc) print doc[id] }' |
    sed -E 's/"mtime_ns":[0-9]+/"mtime_ns":_/g; s/(\x1f10:[0-9]+)\|[0-9]+\|/\1|_|/g' | sort | md5sum | cut -c1-12 || true)
  terms=$(xapian-delve -a -v "$db" 2>/dev/null | sort | md5sum | cut -c1-12 || true)
  echo "$count/$docs/$terms"
}
run_index() { "$INDEX" --db "$1" --prune --as-of 2026-01-01 -q "$work/archive"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# Regression (issue 15 suite run): a measured window shorter than its margin gave a negative
# delay and `sleep 0.-10` ended the run: delays below 0 sleep 0.
sleep_ms() { local ms=$(( $1 > 0 ? $1 : 0 )); sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"; }

# Starts quorum-index on --db $1 in the background (under strace with the options in
# $2..., when given), setting ipid (the indexer), bgpid (what to wait for) and t_start.
start_index() {
  local db=$1; shift
  rm -f "$work/pid" "$work/strace.log"
  t_start=$(now_ms)
  if [ $# -gt 0 ]; then
    "$STRACE" "$@" -o "$work/strace.log" bash -c 'echo $$ >"$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$work/pid" \
      "$INDEX" --db "$db" --prune --as-of 2026-01-01 -q "$work/archive" >/dev/null 2>"$work/strace.err" &
    bgpid=$!
    for _ in $(seq 500); do [ -s "$work/pid" ] && break; sleep 0.01; done
    ipid=$(cat "$work/pid" 2>/dev/null || echo "$bgpid")
  else
    "$INDEX" --db "$db" --prune --as-of 2026-01-01 -q "$work/archive" >/dev/null 2>&1 &
    bgpid=$! ipid=$!
  fi
}
# Waits until a thread of $ipid sits in fsync/fdatasync (0; sets t_sync), or it ended (1).
wait_for_sync() {
  local f n state
  for _ in $(seq 3000); do
    read -r _ _ state _ <"/proc/$ipid/stat" 2>/dev/null || return 1
    [ "$state" != Z ] || return 1
    for f in /proc/"$ipid"/task/*/syscall; do
      read -r n _ <"$f" 2>/dev/null || continue
      case " $SYS_SYNC " in *" $n "*) t_sync=$(now_ms); return 0 ;; esac
    done
    sleep 0.005
  done
  return 1
}
# Kills the indexer; sets finished=1 when it had ended already.
kill_index() {
  finished=0
  kill -9 "$ipid" 2>/dev/null || finished=1
  wait "$bgpid" 2>/dev/null || true
}
# Where the kill landed, from the strace log: before|inside|at|after (the commit point being
# the rename of iamglass), or finished. at: killed in that rename itself, either state is right.
placed() {
  if [ "$finished" = 1 ]; then echo finished; return; fi
  [ -s "$work/strace.log" ] || { echo unknown; return; }
  if grep -qE 'rename.*iamglass"\) += 0' "$work/strace.log"; then echo after
  elif grep -q 'rename.*iamglass' "$work/strace.log"; then echo at
  elif grep -qE 'f(data)?sync\(' "$work/strace.log"; then echo inside
  else echo before; fi
}
ms_of() { awk -F'[:.]' '{print (($1 * 60 + $2) * 60 + $3) * 1000 + int($4 / 1000)}' <<<"$1"; }  # HH:MM:SS.micro -> ms

use_archive "$work" a; run_index "$work/ref-a"; state_a=$(state "$work/ref-a")
use_archive "$work" b; run_index "$work/ref-b"; state_b=$(state "$work/ref-b")
[ "$state_a" != "$state_b" ] || { echo "kill_indexer.sh: the two archives give the same state" >&2; exit 1; }
[ "$state_b" = "$(state "$work/ref-b")" ] || { echo "kill_indexer.sh: the state digest is not stable" >&2; exit 1; }

# Probes, on copies. A run's length bounds the uniform kill moments, A->B (adds two files)
# and B->A (prunes them, faster) apart: the shortest of three, since the machine's load only
# lengthens them. A first build's length bounds its kills. Under the slowing strace, the time
# from the first fsync to the rename of iamglass (the commit point) places the commit kills,
# and the time from a first build's first fsync to its end places its kills.
use_archive "$work" a; run_index "$work/db"
probe_run() {  # FROM_DB TARGET -> ms
  local best=999999 t
  use_archive "$work" "$2"
  for _ in 1 2 3; do
    cp -r "$1" "$work/probe"; t=$(now_ms); run_index "$work/probe"; t=$(( $(now_ms) - t )); rm -rf "$work/probe"
    [ "$t" -lt "$best" ] && best=$t
  done
  echo "$best"
}
run_ms_a=$(probe_run "$work/ref-b" a)
run_ms_b=$(probe_run "$work/db" b)
start=$(now_ms); run_index "$work/probe"; first_ms=$(( $(now_ms) - start + 50 )); rm -rf "$work/probe"
commits_per_run=1 commit_ms=0 fb_window_ms=0
if [ -n "$STRACE" ]; then
  cp -r "$work/db" "$work/probe"
  start_index "$work/probe" "${TRACE[@]}" "${SLOW[@]}"
  wait_for_sync || true; wait "$bgpid" 2>/dev/null || true
  commits_per_run=$(grep -c 'rename.*iamglass' "$work/strace.log" || true)
  first=$(grep -m1 -E 'f(data)?sync\(' "$work/strace.log" | awk '{print $2}')
  renamed=$(grep -m1 'rename.*iamglass' "$work/strace.log" | awk '{print $2}')
  [ -n "$first" ] && [ -n "$renamed" ] && commit_ms=$(( $(ms_of "$renamed") - $(ms_of "$first") ))
  rm -rf "$work/probe"
  start_index "$work/probe" "${TRACE[@]}" "${SLOW[@]}"
  if wait_for_sync; then wait "$bgpid" 2>/dev/null || true; fb_window_ms=$(( $(now_ms) - t_sync )); else wait "$bgpid" 2>/dev/null || true; fi
  rm -rf "$work/probe"
fi

current=a survived=0 failed=0 completed=0 kept=0 reached=0
k_before=0 k_inside=0 k_at=0 k_after=0 commit_rounds=0
fb_kills=0 fb_none=0 fb_complete=0 fb_stale=0
for k in $(seq "$KILLS"); do
  target=$([ "$current" = a ] && echo b || echo a)
  want=$([ "$target" = a ] && echo "$state_a" || echo "$state_b")
  use_archive "$work" "$target"
  ok=1
  run_ms=$([ "$target" = a ] && echo "$run_ms_a" || echo "$run_ms_b") span_ms=$((run_ms + 50))

  if [ $((k % 4)) = 0 ]; then
    # A first build, killed: the db missing or an empty folder (alternately).
    fb_kills=$((fb_kills + 1))
    rm -rf "$work/db"; [ $((fb_kills % 2)) = 0 ] && mkdir "$work/db"
    if [ -n "$STRACE" ] && [ $((fb_kills % 2)) = 0 ] && [ "$fb_window_ms" -gt 0 ]; then
      how="first build, under strace"
      start_index "$work/db" "${TRACE[@]}" "${SLOW[@]}"
      delay_ms=$(( RANDOM % fb_window_ms ))
      if wait_for_sync; then sleep_ms "$delay_ms"; fi
    else
      how="first build"
      delay_ms=$(( RANDOM % first_ms ))
      start_index "$work/db"
      sleep_ms "$delay_ms"
    fi
    kill_index
    [ "$finished" = 1 ] && completed=$((completed + 1))
    if [ ! -e "$work/db" ] || { [ -d "$work/db" ] && [ -z "$(ls -A "$work/db")" ]; }; then
      # No index: the next run must build it whole and remove the killed run's build folder.
      fb_none=$((fb_none + 1)) where=left-no-index
      if ! run_index "$work/db" >"$work/rerun.log" 2>&1; then
        ok=0; echo "kill $k ($how, ${delay_ms} ms): the next run failed: $(tail -3 "$work/rerun.log")" >&2
      elif [ "$(state "$work/db")" != "$want" ]; then
        ok=0; echo "kill $k ($how, ${delay_ms} ms): the rebuilt index is not the archive's state" >&2
      fi
      if ls -d "$work"/.db.building-* >/dev/null 2>&1; then
        ok=0; echo "kill $k ($how): a build folder is left after the next run: $(ls -d "$work"/.db.building-*)" >&2
      fi
    else
      # An index: it must be the complete new one.
      fb_complete=$((fb_complete + 1)) where=left-complete-index
      if ! xapian-check "$work/db" >"$work/check.log" 2>&1; then
        ok=0; echo "kill $k ($how, ${delay_ms} ms): xapian-check failed: $(tail -3 "$work/check.log")" >&2
      elif [ "$(state "$work/db")" != "$want" ]; then
        ok=0; echo "kill $k ($how, ${delay_ms} ms): a partial index was left at --db ($(state "$work/db"))" >&2
      fi
      # Killed after the rename onto --db, before the empty build folder was removed: the
      # next run, an incremental one, must remove it (it did not, before this was tested).
      if ls -d "$work"/.db.building-* >/dev/null 2>&1; then
        fb_stale=$((fb_stale + 1))
        if ! run_index "$work/db" >"$work/rerun.log" 2>&1; then
          ok=0; echo "kill $k ($how, ${delay_ms} ms): the next run failed: $(tail -3 "$work/rerun.log")" >&2
        elif ls -d "$work"/.db.building-* >/dev/null 2>&1; then
          ok=0; echo "kill $k ($how): the next run left the killed run's build folder: $(ls -d "$work"/.db.building-*)" >&2
        fi
      fi
    fi
    current=$target
  else
    # An incremental run from the current state towards the other archive.
    inc=$((k - k / 4))
    if [ $((inc % 2)) = 1 ]; then
      commit_rounds=$((commit_rounds + 1))
      if [ -n "$STRACE" ] && [ "$commit_ms" -gt 0 ]; then
        # Alternately among the delayed fsyncs and inside the 200 ms hold after the rename.
        if [ $((commit_rounds % 2)) = 1 ]; then how="commit, among the fsyncs"; delay_ms=$(( RANDOM % (commit_ms > 40 ? commit_ms - 20 : 20) ))
        else how="commit, after its rename"; delay_ms=$(( commit_ms + 40 + RANDOM % 120 )); fi
        start_index "$work/db" "${TRACE[@]}" "${SLOW[@]}"
        if wait_for_sync; then sleep_ms "$delay_ms"; fi
      else
        # The commit is the run's last few percent (about 25 ms of 400): kill in the last 15%
        # of the shortest run measured. Runs vary by more than that on a loaded machine, so
        # many of these kills come after the run ended: strace is what makes this reliable.
        how="last 15% of the run"; delay_ms=$(( run_ms * 85 / 100 + RANDOM % (run_ms * 15 / 100 + 1) ))
        start_index "$work/db"
        sleep_ms "$delay_ms"
      fi
    else
      how="uniform"; delay_ms=$(( RANDOM % span_ms ))
      if [ -n "$STRACE" ]; then start_index "$work/db" "${TRACE[@]}"; else start_index "$work/db"; fi
      sleep_ms $(( delay_ms - ($(now_ms) - t_start) > 0 ? delay_ms - ($(now_ms) - t_start) : 0 ))
    fi
    kill_index
    [ "$finished" = 1 ] && completed=$((completed + 1))
    where=$([ -n "$STRACE" ] && [ "$how" != "last 15% of the run" ] && placed || echo unknown)
    case $where in before) k_before=$((k_before + 1)) ;; inside) k_inside=$((k_inside + 1)) ;;
                   at) k_at=$((k_at + 1)) ;; after) k_after=$((k_after + 1)) ;; esac
    if ! xapian-check "$work/db" >"$work/check.log" 2>&1; then
      ok=0; echo "kill $k ($how, ${delay_ms} ms, $where): xapian-check failed: $(tail -3 "$work/check.log")" >&2
    fi
    now=$(state "$work/db")
    before=$current
    if [ "$now" = "$state_a" ]; then current=a
    elif [ "$now" = "$state_b" ]; then current=b
    else ok=0; echo "kill $k ($how, ${delay_ms} ms, $where): the index holds neither committed state ($now; A $state_a, B $state_b)" >&2
    fi
    if [ "$current" = "$before" ]; then kept=$((kept + 1)); else reached=$((reached + 1)); fi
    # The log and the state must agree (with one commit per run): before the commit point the
    # old state, after it (or when the run had finished) the new one.
    if [ "$commits_per_run" = 1 ] && [ $ok = 1 ]; then
      case $where in
        before|inside) [ "$current" = "$before" ] || { ok=0; echo "kill $k ($how, $where): killed before the commit point, yet the index holds the new state" >&2; } ;;
        after|finished) [ "$current" = "$target" ] || { ok=0; echo "kill $k ($how, $where): killed after the commit point, yet the index holds the old state" >&2; } ;;
      esac
    fi
  fi
  echo "round=$k kind=\"$how\" delay_ms=$delay_ms landed=${where:-} finished=$finished ok=$ok $(ls "$work/db" >/dev/null 2>&1 && echo "state=$current" || echo "state=none") seconds=$(( ($(now_ms) - t_start) / 1000 ))"
  where=""
  if [ $ok = 1 ]; then survived=$((survived + 1)); else failed=$((failed + 1)); break; fi
done

# After the last kill, a run towards the other archive completes and reaches it (towards the
# other one, so that it has something to do).
final_target=$([ "$current" = a ] && echo b || echo a)
use_archive "$work" "$final_target"; run_index "$work/db" || true
final_ok=$([ "$(state "$work/db")" = "$([ "$final_target" = a ] && echo "$state_a" || echo "$state_b")" ] && echo 1 || echo 0)

echo "kills=$KILLS"
echo "survived=$survived"
echo "failed=$failed"
echo "run_ms=$run_ms_b"
echo "run_ms_pruning=$run_ms_a"
echo "first_build_ms=$first_ms"
echo "strace=$([ -n "$STRACE" ] && echo yes || echo no)"
echo "commit_ms_slowed=$commit_ms"
echo "kept_previous_state=$kept"
echo "reached_new_state=$reached"
echo "completed_before_kill=$completed"
echo "commit_rounds=$commit_rounds"
echo "killed_before_commit=$k_before"
echo "killed_inside_commit=$k_inside"
echo "killed_at_commit_point=$k_at"
echo "killed_after_commit_point=$k_after"
echo "first_build_kills=$fb_kills"
echo "first_build_left_no_index=$fb_none"
echo "first_build_left_complete=$fb_complete"
echo "first_build_left_build_folder=$fb_stale"
echo "rerun_target=$final_target"
echo "rerun_completed=$final_ok"
[ "$failed" = 0 ] && [ "$survived" = "$KILLS" ] && [ "$final_ok" = 1 ] || exit 1
# With ten kills or more, both outcomes must have been seen (and, with strace, a kill inside
# a commit): otherwise the run did not test what it claims.
if [ "$KILLS" -ge 10 ]; then
  missing=()
  [ "$kept" -gt 0 ] || missing+=("no kill kept the previous state")
  [ "$reached" -gt 0 ] || missing+=("no kill reached the new state")
  [ -z "$STRACE" ] || [ "$k_inside" -gt 0 ] || missing+=("no kill landed inside a commit")
  if [ ${#missing[@]} -gt 0 ]; then
    printf 'kill_indexer.sh: %s\n' "${missing[@]}" >&2
    exit 1
  fi
fi
