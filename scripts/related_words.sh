#!/usr/bin/env bash
# Regenerates corpus/data/related_words.tsv, the related words the hybrid search mode adds
# to a query, from real councils' papers (../shared/corpora, never committed): indexes each
# archive, then learns fastText word vectors from all their units (the text
# `quorum-index --learn-words` learns from) and keeps each word's neighbours that are used
# alike, not merely spelt alike or written side by side.
#   scripts/related_words.sh [CORPORA_DIR] [INDEX_DIR]
# INDEX_DIR (default build/related-words) keeps the indexes for the next run. About 30
# minutes on 2 cores; rebuild quorum afterwards, since the table is compiled in.
set -euo pipefail
# Paths given are the caller's, so they are resolved before moving to the repository.
corpora=$(realpath -m "${1:-$(dirname "$0")/../../shared/corpora}")
indexes=$(realpath -m "${2:-$(dirname "$0")/../build/related-words}")
cd "$(dirname "$0")/.."
if [ ! -d "$corpora" ]; then
  echo "related_words: no corpora at $corpora (the real councils' papers are not in the repository); skipped" >&2
  exit 0
fi
cmake --build build --target quorum-index quorum-related-words >/dev/null
mkdir -p "$indexes"
dbs=()
for dir in "$corpora"/*/; do
  name=$(basename "$dir")
  echo "related_words: indexing $name" >&2
  # An index already there is brought up to date; an unchanged archive costs seconds.
  build/quorum-index -q --db "$indexes/$name" "$dir"
  dbs+=(--index "$indexes/$name")
done
build/indexer/quorum-related-words "${dbs[@]}" --threads "$(nproc)" --out corpus/data/related_words.tsv
echo "related_words: wrote corpus/data/related_words.tsv; rebuild (scripts/build.sh) to use it" >&2
