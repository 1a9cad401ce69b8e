// Query-time synonym expansion from the index's synonym table.
//
// Xapian 1.4's FLAG_AUTO_SYNONYMS adds each synonym as one term, which cannot express a
// multi-word expansion ("MASH" -> "multi agency safeguarding hub"). So before parsing,
// plain words of the query whose (multi-)word key has synonyms are rewritten as a
// bracketed OR of the words and each synonym (multi-word ones as phrases). Words inside
// quotes, with a field prefix, a +/- sign or a wildcard are left alone.
#pragma once

#include <string>

#include "index_cache.hpp"

namespace quorum::query {

// Returns the rewritten query string, or the input unchanged when nothing matched.
[[nodiscard]] std::string expand_synonyms(const std::string& query, const IndexCache& cache);

}  // namespace quorum::query
