// Facet counts over the whole match set. One local database: one FacetCounter reading the
// per-revision facet table (no value lookup per match; facet_counter.hpp). Several shards
// or remote shards: stock ValueCountMatchSpy objects (the only spies xapian-tcpsrv runs), one
// per single-valued slot and, for the multi-valued facets (person, topic), one per slot in
// use, their counts summed. The stock spies count every copy of a passage (one collapse
// key); the table counts a passage once, as the total does.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "facet_counter.hpp"
#include "index_cache.hpp"
#include "row_counter.hpp"
#include "quorum/query/searcher.hpp"

namespace quorum::query {

// The facet values counted by `counter`, each count multiplied by `scale` (the sampling
// stride of an estimate; 1 for exact counts) and rounded, ordered as the API lists them.
[[nodiscard]] std::map<std::string, std::vector<FacetValue>> facet_values(const FacetCounter& counter,
                                                                          const IndexCache& cache, double scale = 1,
                                                                          std::size_t max_values = 100);

// The same from the rows of a shard set's counting pass (row_counter.hpp).
[[nodiscard]] std::map<std::string, std::vector<FacetValue>> facet_values(const RowCounter& counter,
                                                                          const IndexCache& cache, double scale = 1,
                                                                          std::size_t max_values = 100);

class FacetSpies {
public:
    explicit FacetSpies(const IndexCache& cache);
    void attach(Xapian::Enquire& enquire);
    [[nodiscard]] std::map<std::string, std::vector<FacetValue>> counts(const IndexCache& cache,
                                                                        std::size_t max_values = 100) const;

private:
    struct Facet {
        std::string name;
        std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    };
    std::vector<Facet> facets_;              // stock path (remote shards)
    std::unique_ptr<FacetCounter> counter_;  // table path (local databases)
};

}  // namespace quorum::query
