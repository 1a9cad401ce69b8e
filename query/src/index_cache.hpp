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

// Every unit. On one index, its marker term. On a shard set, the unit value only units carry
// (shard_set.hpp): each shard holds units only, so the marker indexes every document of a
// shard, and Xapian 1.4.22 then reads such a term without wdf (a filter, BoolWeight) from
// the shard's list of all documents under the term's name, which fails with
// DatabaseCorruptError "Unexpected end of posting list" once that list spans several chunks
// and the docids have gaps (matcher/localsubmatch.cc open_post_list with
// LeafPostList::set_term, backends/glass/glass_postlist.cc next_chunk).
[[nodiscard]] Xapian::Query all_units(bool shard_set);

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
    bool shard_set = false;      // set by the searcher: a shard set (all_units() says why it matters)

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
