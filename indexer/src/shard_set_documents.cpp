#include "shard_set_documents.hpp"

#include "quorum/index/schema.hpp"
#include "quorum/index/shard_set.hpp"
#include "shard_set_sync.hpp"

namespace quorum::index {
namespace s = schema;
namespace ss = shard_set;

namespace {

bool is_unit(const Xapian::Document& doc) {
    auto t = doc.termlist_begin();
    t.skip_to(std::string(s::unit_marker));
    return t != doc.termlist_end() && *t == s::unit_marker;
}

std::string first_with_prefix(const Xapian::Document& doc, std::string_view prefix) {
    auto t = doc.termlist_begin();
    t.skip_to(std::string(prefix));
    if (t == doc.termlist_end() || (*t).rfind(prefix, 0) != 0) return {};
    return (*t).substr(prefix.size());
}

// A unit has one XDOC term, its document's id (the key that keeps a document's units together).
std::string document_of(const Xapian::Document& doc) {
    std::string id = first_with_prefix(doc, s::document_prefix);
    return id.empty() ? first_with_prefix(doc, s::id_prefix) : id;
}

// `copies`: how many units of the whole index carry the unit's collapse key.
std::string row_of(const Xapian::Document& doc, Xapian::doccount copies) {
    std::string row = doc.get_value(s::collapse_slot);
    row += ss::row_field;
    row += std::to_string(copies);
    for (unsigned slot : {s::committee_slot, s::year_slot, s::type_slot, s::kind_slot, s::outcome_slot, s::status_slot}) {
        row += ss::row_field;
        row += doc.get_value(slot);
    }
    auto list = [&](unsigned first, unsigned count) {
        row += ss::row_field;
        bool any = false;
        for (unsigned slot = first; slot < first + count; ++slot) {
            std::string v = doc.get_value(slot);
            if (v.empty()) continue;
            if (any) row += ss::row_list;
            row += v;
            any = true;
        }
    };
    list(s::person_slot_first, s::max_person_slots);
    list(s::topic_slot_first, s::max_topic_slots);
    row += ss::row_field;
    row += doc.get_value(s::council_slot);  // last: added with councils (schema 8)
    return row;
}

}  // namespace

std::size_t set_store_of(const Xapian::Document& doc, unsigned shards) {
    return is_unit(doc) ? 1 + shard_of_document(document_of(doc), shards) : 0;
}

Xapian::Document shard_document(Xapian::Document doc, Xapian::docid did, const Xapian::Database& whole) {
    const std::string key = doc.get_value(s::collapse_slot);
    const Xapian::doccount copies = key.empty() ? 0 : whole.get_termfreq(s::term(s::duplicate_prefix, key));
    for (unsigned k = 1; k <= ss::max_sample_power; ++k)
        if (ss::sampled(did, 1u << k)) doc.add_value(ss::sample_slot(k), std::string(ss::sampled_value));
    doc.add_value(ss::row_slot, row_of(doc, copies));
    doc.add_value(ss::unit_slot, std::string(ss::unit_value));
    return doc;
}

}  // namespace quorum::index
