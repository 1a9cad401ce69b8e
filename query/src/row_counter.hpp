// Facet counts and totals of a match set over a shard set, from stock Xapian passes that a
// xapian-tcpsrv can run (shard_set.hpp): a custom MatchSpy or PostingSource cannot be sent
// to one. The counting pass sorts by the shards' row value, so every match comes back with
// its collapse key and facet values as its sort key; RowCounter adds them up by the same
// rules as FacetCounter (facet_counter.hpp), in the same order (docids of the single index),
// so that a set and the single index it was cut from give the same numbers.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include <xapian.h>

#include "facet_counter.hpp"

namespace quorum::query {

// The matches of `query` over `db` (sub-database 0 local, then `subdbs - 1` shards), each as
// (docid in the single index, row value), in docid order. Exact: every match is fetched;
// `expected`, about how many there are, sizes the first try.
[[nodiscard]] std::vector<std::pair<Xapian::docid, std::string>> match_rows(const Xapian::Database& db,
                                                                           const Xapian::Query& query,
                                                                           unsigned subdbs,
                                                                           Xapian::doccount expected);

// The copies count of a row value (units of the whole index sharing its collapse key), or
// nothing for a value that is not a row.
[[nodiscard]] std::optional<Xapian::doccount> row_copies(const std::string& row);

// The single index's docid of docid `g` of a database of `subdbs` sub-databases.
[[nodiscard]] inline Xapian::docid single_docid(Xapian::docid g, unsigned subdbs) {
    return (g - 1) / subdbs + 1;
}

class RowCounter {
public:
    using Copies = FacetCounter::Copies;
    // person_slots/topic_slots: as many values of the multi-valued facets as the table counts.
    // Copies::share takes each row's number of copies from the row.
    RowCounter(Copies copies, unsigned person_slots, unsigned topic_slots);
    void add(const std::string& row);

    // facet name -> id -> count, in FacetTable's facet order.
    [[nodiscard]] const std::vector<std::pair<std::string, std::map<std::string, double>>>& counts() const noexcept {
        return counts_;
    }
    [[nodiscard]] std::uint64_t matched() const noexcept { return matched_; }
    [[nodiscard]] std::uint64_t collapsed() const noexcept { return collapsed_; }
    [[nodiscard]] double collapsed_share() const noexcept { return share_; }

private:
    Copies copies_;
    unsigned person_slots_, topic_slots_;
    std::vector<std::pair<std::string, std::map<std::string, double>>> counts_;
    std::unordered_set<std::string> seen_;
    std::uint64_t matched_ = 0, collapsed_ = 0;
    double share_ = 0;
};

}  // namespace quorum::query
