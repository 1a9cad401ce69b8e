// What the searcher keeps in memory per index revision: display names of facet ids,
// synonyms (for query expansion) and how many facet slots are in use.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

namespace quorum::query {

struct IndexCache {
    // facet ("committee", "person", "topic") -> id -> display name
    std::map<std::string, std::map<std::string, std::string>> names;
    // synonym key (folded words joined by ' ') -> alternatives in the same form
    std::map<std::string, std::vector<std::string>> synonyms;
    std::size_t longest_synonym_key = 1;  // in words
    unsigned person_slots = 0, topic_slots = 0;

    void load(const Xapian::Database& db);
    [[nodiscard]] std::string name(const std::string& facet, const std::string& id) const;
};

}  // namespace quorum::query
