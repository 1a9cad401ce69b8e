// The total and the facet counts of a match set, from separate unranked passes: exact
// when the set is small, else estimated from an even sample of the docids and flagged.
// Every choice made depends only on exact counts of samples, never on Xapian's bounds or
// estimates, so a shard set and the single index it was cut from give the same numbers:
// one index counts with the facet table (facet_counter.hpp), a set with the rows its
// shards carry (row_counter.hpp).
#pragma once

#include <xapian.h>

#include "index_cache.hpp"
#include "quorum/query/searcher.hpp"

namespace quorum::query {

struct CountedIndex {
    const Xapian::Database& db;
    const IndexCache& cache;
    bool shard_set = false;  // db is OUT/local then shards (docid-preserving, shard_set.hpp)
    unsigned subdbs = 1;
};

// Sets result.total, total_exact, facets_exact and (when `facets`) result.facets.
void count_matches(const CountedIndex& index, const Xapian::Query& query, bool facets, SearchResult& result);

}  // namespace quorum::query
