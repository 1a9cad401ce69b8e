// One OP_SYNONYM over several terms, built so that every database computes its weight alike.
//
// Xapian 1.4 weighs a synonym by an estimate of how many documents hold any of its terms,
// combined pairwise over a tree of ORs and rounded to a whole number at every node; the tree
// is shaped by each database's own term frequencies (matcher/orpostlist.cc,
// api/queryinternal.cc OrContext::postlist). Over a shard set each shard shapes it its own
// way, so three or more terms gave other weights than on the single index. Nested in pairs
// -- a SYNONYM (b SYNONYM (c SYNONYM d)) -- the tree has one shape everywhere.
#pragma once

#include <vector>

#include <xapian.h>

namespace quorum::query {

[[nodiscard]] inline Xapian::Query synonym_of(const std::vector<Xapian::Query>& parts) {
    if (parts.empty()) return Xapian::Query::MatchNothing;
    Xapian::Query out = parts.back();
    for (auto it = parts.rbegin() + 1; it != parts.rend(); ++it) out = Xapian::Query(Xapian::Query::OP_SYNONYM, *it, out);
    // One term is the term itself, as Xapian simplifies a one-term synonym.
    return out;
}

}  // namespace quorum::query
