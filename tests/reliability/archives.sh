# Sourced by tests/reliability/kill_indexer.sh and soak.sh: two archives of the bundled
# samples that differ, so that re-indexing from one to the other changes the index.
#   make_archives WORK SAMPLES   -> WORK/a (the first three samples), WORK/b (all five)
#   use_archive WORK a|b         -> WORK/archive holds exactly that set (the indexer prunes the
#                                   rest); returns non-zero when the rm or the cp failed

make_archives() {
  local work=$1 samples=$2 i=0 f
  mkdir -p "$work/a" "$work/b"
  for f in "$samples"/*.txt; do
    cp "$f" "$work/b/"; [ -f "$f.meta.json" ] && cp "$f.meta.json" "$work/b/"
    if [ $i -lt 3 ]; then cp "$f" "$work/a/"; [ -f "$f.meta.json" ] && cp "$f.meta.json" "$work/a/"; fi
    i=$((i + 1))
  done
}

use_archive() {  # fails when either step fails (soak.sh's loop counts it)
  rm -rf "$1/archive" && cp -r "$1/$2" "$1/archive"
}
