#include "index_cache.hpp"

#include <algorithm>

#include "quorum/index/schema.hpp"
#include "quorum/index/shard_set.hpp"
#include "quorum/text/fold.hpp"

namespace quorum::query {

namespace s = quorum::index::schema;

Xapian::Query all_units(bool shard_set) {
    // A document without the value reads as "", below "u".
    namespace ss = quorum::index::shard_set;
    if (shard_set) return Xapian::Query(Xapian::Query::OP_VALUE_GE, ss::unit_slot, std::string(ss::unit_value));
    return Xapian::Query(std::string(s::unit_marker));
}

void IndexCache::load(const Xapian::Database& db) {
    db_ = db;
    facet_table_.reset();
    facet_table_read_ = false;
    names.clear();
    synonyms.clear();
    longest_synonym_key = 1;
    years.clear();
    const std::string year_prefix(s::year_prefix);
    for (auto t = db.allterms_begin(year_prefix); t != db.allterms_end(year_prefix); ++t) {
        std::string year = (*t).substr(year_prefix.size());
        if (year.size() == 4 && std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; }))
            years.push_back(std::move(year));
    }
    std::string prefix(s::name_key_prefix);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        std::string key = (*it).substr(prefix.size());
        auto colon = key.find(':');
        if (colon == std::string::npos) continue;
        names[key.substr(0, colon)][key.substr(colon + 1)] = db.get_metadata(*it);
    }
    thesaurus.clear();
    thesaurus_stems.clear();
    const std::string thesaurus_prefix(s::thesaurus_key_prefix), related_prefix(s::related_key_prefix);
    // Past the related-word keys ("~word", thousands, looked up word by word in
    // related_words.cpp) in one step: keys come in byte order, and "~" + 1 is past them all.
    const std::string past_related(1, static_cast<char>(related_prefix[0] + 1));
    for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) {
        if ((*k).rfind(related_prefix, 0) == 0) {
            k.skip_to(past_related);
            if (k == db.synonym_keys_end()) break;
        }
        const std::string key = *k;
        const bool thesaurus_key = key.rfind(thesaurus_prefix, 0) == 0;
        const std::string words = thesaurus_key ? key.substr(thesaurus_prefix.size()) : key;
        auto& list = thesaurus_key ? thesaurus[words] : synonyms[words];
        for (auto v = db.synonyms_begin(key); v != db.synonyms_end(key); ++v) list.push_back(*v);
        if (!thesaurus_key)
            longest_synonym_key = std::max<std::size_t>(
                longest_synonym_key, static_cast<std::size_t>(std::count(words.begin(), words.end(), ' ')) + 1);
    }
    const Xapian::Stem stem("en");
    for (const auto& [key, list] : thesaurus)
        if (key.find(' ') == std::string::npos) thesaurus_stems.emplace(stem(key), key);
    auto slots = [&db](std::string_view key, unsigned max) {
        std::string v = db.get_metadata(std::string(key));
        unsigned n = v.empty() ? max : static_cast<unsigned>(std::strtoul(v.c_str(), nullptr, 10));
        return std::min(n, max);
    };
    person_slots = slots(s::person_slots_used_key, s::max_person_slots);
    topic_slots = slots(s::topic_slots_used_key, s::max_topic_slots);
}

std::shared_ptr<const FacetTable> IndexCache::facet_table() const {
    if (!facet_table_read_) facet_table_ = shared_facet_table(db_, person_slots, topic_slots);
    facet_table_read_ = true;
    return facet_table_;
}

std::string IndexCache::name(const std::string& facet, const std::string& id) const {
    if (auto f = names.find(facet); f != names.end())
        if (auto it = f->second.find(id); it != f->second.end()) return it->second;
    // Unknown name (e.g. a shard other than the first: Xapian reads metadata from the first
    // database only).
    return text::name_from_slug(id);
}

}  // namespace quorum::query
