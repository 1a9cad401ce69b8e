#!/usr/bin/env bash
# Relevance on real archives: index each archive of tests/relevance/questions (from
# ../shared/corpora, never committed) and write docs/RELEVANCE.md with MRR, recall@3 and
# recall@10 for the keyword and hybrid modes, held-out questions apart.
#   scripts/relevance.sh [CORPORA_DIR] [INDEX_DIR]
# Indexes are rebuilt when the quorum-index binary is newer than them; --reindex forces it.
set -euo pipefail
cd "$(dirname "$0")/.."
reindex=0
args=()
for a in "$@"; do if [ "$a" = "--reindex" ]; then reindex=1; else args+=("$a"); fi; done
corpora="${args[0]:-../shared/corpora}"
indexes="${args[1]:-build/relevance}"
if [ ! -d "$corpora" ]; then
  echo "relevance: no corpora at $corpora (the real councils' papers are not in the repository); skipped" >&2
  exit 0
fi
cmake --build build --target quorum-index quorum-relevance >/dev/null
archives=$(cut -f5 tests/relevance/questions/*.tsv | grep -v '^archive$' | sort -u)
mkdir -p "$indexes"
for a in $archives; do
  if [ $reindex -eq 1 ] || [ ! -d "$indexes/$a" ] || [ build/quorum-index -nt "$indexes/$a" ]; then
    echo "relevance: indexing $a" >&2
    rm -rf "$indexes/$a"
    /usr/bin/time -f "relevance: $a indexed in %e s, peak %M KB" build/quorum-index -q --db "$indexes/$a" "$corpora/$a"
  fi
done
out=docs/RELEVANCE.md
{
  sed -n '1,/^<!-- results -->$/p' docs/RELEVANCE.md
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(uname -m)), commit $(git rev-parse --short HEAD), by \`scripts/relevance.sh\`."
  build/tests/quorum-relevance tests/relevance/questions/*.tsv --index-root "$indexes"
} > "$out.new"
mv "$out.new" "$out"
echo "relevance: wrote $out" >&2
