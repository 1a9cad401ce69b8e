// What the searcher keeps in memory per index revision: display names of facet ids,
// synonyms (for query expansion) and how many facet slots are in use.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "facet_counter.hpp"

namespace quorum::query {

struct IndexCache {
    // facet ("committee", "person", "topic") -> id -> display name
    std::map<std::string, std::map<std::string, std::string>> names;
    // synonym key (folded words joined by ' ') -> alternatives in the same form
    std::map<std::string, std::vector<std::string>> synonyms;
    std::size_t longest_synonym_key = 1;  // in words
    // The council thesaurus (hybrid mode only, one way): plain words -> the papers' words.
    std::map<std::string, std::vector<std::string>> thesaurus;
    // Stem of each one-word thesaurus key -> the key ("gritted" finds "gritting"), made once
    // per revision rather than by stemming every key for every query word.
    std::map<std::string, std::string> thesaurus_stems;
    std::vector<std::string> years;       // "2019"...: years with a year term, ascending
    unsigned person_slots = 0, topic_slots = 0;
    bool remote_shards = false;  // set by the searcher: stock facet spies only (facet_counter.hpp)

    void load(const Xapian::Database& db);
    // Facet values per docid of the loaded revision, read on first use (facet_counter.hpp);
    // nullptr when the database has several shards.
    [[nodiscard]] std::shared_ptr<const FacetTable> facet_table() const;
    [[nodiscard]] std::string name(const std::string& facet, const std::string& id) const;

private:
    Xapian::Database db_;  // a handle on the searcher's database (same shards, same revision)
    mutable std::shared_ptr<const FacetTable> facet_table_;
    mutable bool facet_table_read_ = false;
};

}  // namespace quorum::query
