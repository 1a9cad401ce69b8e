#include "match_counting.hpp"

#include <algorithm>
#include <bit>
#include <memory>

#include "facet_counter.hpp"
#include "facets.hpp"
#include "row_counter.hpp"
#include "quorum/index/schema.hpp"
#include "quorum/index/shard_set.hpp"

namespace quorum::query {

namespace s = quorum::index::schema;
namespace ss = quorum::index::shard_set;

namespace {

constexpr double match_time_limit = 0.5;  // seconds; bounds a runaway query (see DESIGN.md)
// Facet counting: every match is counted when Xapian's upper bound on the match set is at
// most exact_count_limit (or a sample shows at most recount_limit); larger sets are
// estimated from a sample of about sample_target matches (docs/bench/query-hotpath-2026-11-24.md has the measurements
// behind both).
constexpr Xapian::doccount exact_count_limit = 5000;
constexpr Xapian::doccount sample_target = 2000;
// A sample showing at most this many matches (scaled) is thrown away for an exact count.
constexpr Xapian::doccount recount_limit = 2000;
// A sample with fewer matches is too thin for facet counts: it is taken again, denser.
constexpr Xapian::doccount min_sample = 1000;
// The size of a match set is first measured on the sample of 1 docid in 2^probe_power: a
// count that a shard set gives exactly as the single index does (Xapian's bounds and
// estimates differ between them), so both take the same path, and cheap (a 64th).
constexpr unsigned probe_power = 6;

unsigned floor_log2(std::uint64_t x) { return x == 0 ? 0u : static_cast<unsigned>(std::bit_width(x) - 1); }

// One counting pass's counter: the facet table's (one index) or the rows' (a shard set).
struct Counted {
    std::unique_ptr<FacetCounter> table;
    std::unique_ptr<RowCounter> rows;
    explicit operator bool() const { return table || rows; }
    void reset() {
        table.reset();
        rows.reset();
    }
    std::uint64_t matched() const { return table ? table->matched() : rows->matched(); }
    std::uint64_t collapsed() const { return table ? table->collapsed() : rows->collapsed(); }
    double collapsed_share() const { return table ? table->collapsed_share() : rows->collapsed_share(); }
    std::map<std::string, std::vector<FacetValue>> facets(const IndexCache& cache, double scale) const {
        return table ? facet_values(*table, cache, scale) : facet_values(*rows, cache, scale);
    }
};

// The sample of 1 docid in 2^power (of the single index's docids): a posting source on
// one index, the shards' sample values on a set; the same documents either way.
Xapian::Query sample_of(const CountedIndex& index, unsigned power) {
    const Xapian::Database& db = index.db;
    if (index.shard_set)
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, ss::sample_slot(power), std::string(ss::sampled_value));
    return Xapian::Query((new SamplePostingSource(1u << power, db.get_lastdocid()))->release());
}

// Exactly how many matches of `query` are in the sample of 1 docid in 2^power.
Xapian::doccount sample_size(const CountedIndex& index, const Xapian::Query& query, unsigned power) {
    const Xapian::Database& db = index.db;
    Xapian::Enquire counting(db);
    counting.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, sample_of(index, power)));
    counting.set_weighting_scheme(Xapian::BoolWeight());
    counting.set_docid_order(Xapian::Enquire::DONT_CARE);
    return counting.get_mset(0, 0, db.get_doccount()).get_matches_lower_bound();
}

// One unranked pass (BoolWeight, no collapsing) counting the matches of `query` in the
// sample of 1 docid in 2^power (power 0: every match), copies as `copies` says.
Counted pass(const CountedIndex& index, const Xapian::Query& query, unsigned power, FacetCounter::Copies copies,
             Xapian::doccount expected) {
    const Xapian::Database& db = index.db;
    const IndexCache& cache = index.cache;
    const Xapian::Query q = power == 0 ? query : Xapian::Query(Xapian::Query::OP_FILTER, query, sample_of(index, power));
    Counted counted;
    if (index.shard_set) {
        auto rows = match_rows(db, q, index.subdbs, expected);
        counted.rows = std::make_unique<RowCounter>(copies, cache.person_slots, cache.topic_slots);
        for (const auto& [did, row] : rows) counted.rows->add(row);
        return counted;
    }
    Xapian::Enquire counting(db);
    counting.set_query(q);
    counting.set_weighting_scheme(Xapian::BoolWeight());
    counting.set_docid_order(Xapian::Enquire::DONT_CARE);
    counting.set_time_limit(match_time_limit);
    counted.table = std::make_unique<FacetCounter>(cache.facet_table(), copies);
    counting.add_matchspy(counted.table.get());
    (void)counting.get_mset(0, 1, db.get_doccount());
    return counted;
}

}  // namespace

void count_matches(const CountedIndex& index, const Xapian::Query& query, bool facets, SearchResult& result) {
    Counted counted;
    unsigned power = 0;
    const std::uint64_t probed = std::uint64_t(sample_size(index, query, probe_power)) << probe_power;
    if (probed > exact_count_limit) {
        // A sample that turns out too thin is taken again, denser (at most twice).
        power = std::clamp(floor_log2(probed / sample_target), 1u, ss::max_sample_power);
        for (int attempt = 0; attempt < 3 && power > 0; ++attempt) {
            counted = pass(index, query, power, FacetCounter::Copies::share, Xapian::doccount(probed >> power));
            const std::uint64_t scaled = counted.matched() << power;
            if (scaled <= recount_limit) {
                power = 0;  // a small set after all: count it exactly, cheaply
            } else if (counted.matched() >= min_sample || attempt == 2) {
                break;
            } else {
                power = std::min(power - 1, floor_log2(scaled / sample_target));
            }
            counted.reset();
        }
    }
    if (!counted) {
        power = 0;
        counted = pass(index, query, 0, FacetCounter::Copies::once, Xapian::doccount(probed));
    }
    const double scale = double(std::uint64_t(1) << power);
    if (facets) result.facets = counted.facets(index.cache, scale);
    result.facets_exact = power == 0;
    result.total_exact = power == 0;
    // A sampled match counts as its share of its duplicate group: counting distinct keys
    // in a sample would count nearly every duplicate (its twins are rarely sampled too).
    result.total = power == 0 ? counted.collapsed()
                              : static_cast<std::uint64_t>(counted.collapsed_share() * scale + 0.5);
}

}  // namespace quorum::query
