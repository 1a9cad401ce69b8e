// Query-time synonym expansion from the index's synonym table.
//
// Xapian 1.4's FLAG_AUTO_SYNONYMS adds each synonym as one term, which cannot express a
// multi-word expansion ("MASH" -> "multi agency safeguarding hub"). So before parsing,
// plain words of the query whose (multi-)word key has synonyms are rewritten as a
// bracketed OR of the words and each synonym (multi-word ones as phrases). Words inside
// quotes, with a field prefix, a +/- sign or a wildcard are left alone.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "index_cache.hpp"
#include "quorum/query/searcher.hpp"

namespace quorum::query {

using SynonymTable = std::map<std::string, std::vector<std::string>>;

// Returns the rewritten query string, or the input unchanged when nothing matched. Each
// rewrite is appended to `used` (when given) with `source` as its source.
[[nodiscard]] std::string expand_synonyms(const std::string& query, const SynonymTable& table, std::size_t longest_key,
                                          std::vector<Expansion>* used = nullptr, const char* source = "acronym");

// The council acronyms and terms of the index.
[[nodiscard]] inline std::string expand_synonyms(const std::string& query, const IndexCache& cache,
                                                 std::vector<Expansion>* used = nullptr) {
    return expand_synonyms(query, cache.synonyms, cache.longest_synonym_key, used, "acronym");
}

}  // namespace quorum::query
