// What each store of a shard set holds (shard_set.hpp has the layout): which store owns a
// document, and a unit as its shard stores it. Shared by the copy that keeps a set in step
// with OUT/whole (shard_set_sync.cpp) and the cut of a new set from a first build's parts
// (shard_set_cut.cpp).
#pragma once

#include <cstddef>
#include <string>

#include <xapian.h>

namespace quorum::index {

// 0 for OUT/local (anything that is not a unit), 1 + K for shard K.
[[nodiscard]] std::size_t set_store_of(const Xapian::Document& doc, unsigned shards);

// `doc` (a unit at docid `did` of `whole`) with what its shard adds, all values: its docid's
// samples, its row (with how many units of `whole` share its collapse key) and the unit
// value. `doc` is changed in place and returned, so a document read from the shard itself
// keeps Xapian's shortcut for rewriting only what changed (values, not terms).
Xapian::Document shard_document(Xapian::Document doc, Xapian::docid did, const Xapian::Database& whole);

}  // namespace quorum::index
