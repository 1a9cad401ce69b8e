// "More like this": the units that share what is distinctive about one unit (or the unit a
// decision came from), by Xapian's relevance feedback: the unit is the relevance set, its
// most telling words (an ESet) are the query, and the unit and its copies are left out.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

namespace quorum::query {

inline constexpr unsigned like_terms = 20;  // words taken from the unit

struct LikeQuery {
    Xapian::Query query;
    // The terms it searches for, most telling first, each with the unit's own word for it.
    std::vector<std::pair<std::string, std::string>> words;
};

// nullopt when `id` is neither a unit nor a decision of the index.
[[nodiscard]] std::optional<LikeQuery> like_query(const Xapian::Database& db, const std::string& id);

}  // namespace quorum::query
