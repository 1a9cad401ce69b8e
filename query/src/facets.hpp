// Facet counts over the whole match set with stock ValueCountMatchSpy objects (they also
// work across remote shards): one spy per single-valued slot, and for the multi-valued
// facets (person, topic) one spy per slot in use, their counts summed.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "index_cache.hpp"
#include "quorum/query/searcher.hpp"

namespace quorum::query {

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
    std::vector<Facet> facets_;
};

}  // namespace quorum::query
