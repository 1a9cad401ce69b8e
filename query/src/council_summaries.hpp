// The councils an index holds (issue 17): for /api/councils, what each council's papers
// add up to, counted from its XL term and its meetings' values, no record parsed.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "index_cache.hpp"
#include "quorum/query/searcher.hpp"

namespace quorum::query {

// One council's summary; with `detail`, its meetings' committees and years too.
// `local`: what is not a unit (the index, or a set's OUT/local); `db`: what is searched.
[[nodiscard]] CouncilSummary council_summary(const Xapian::Database& local, const Xapian::Database& db,
                                             const IndexCache& cache, bool shard_set, const std::string& id,
                                             CouncilDetail* detail);

// Every council some document still names, by name.
[[nodiscard]] std::vector<CouncilSummary> council_summaries(const Xapian::Database& local, const Xapian::Database& db,
                                                            const IndexCache& cache, bool shard_set);

}  // namespace quorum::query
