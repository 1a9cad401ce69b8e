#include "document_records.hpp"

#include <nlohmann/json.hpp>

#include "quorum/index/schema.hpp"
#include "quorum/index/shard_set.hpp"
#include "quorum/index/text_fold.hpp"

namespace quorum::query {

namespace s = quorum::index::schema;

namespace {

// Enough for the documents of many pages of hits; past it the cache starts again rather
// than grow with the archive (each pooled searcher has its own: about 0.6 KB an entry).
constexpr std::size_t max_cached_documents = 4000;

std::string members_of(const nlohmann::json& object) {
    std::string text = object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return text.size() >= 2 ? text.substr(1, text.size() - 2) : std::string();
}

// A document the index holds no record of (it cannot happen for an index written whole by
// one schema) still answers with its id and the same fields as document_record(), unknown.
std::string unknown_document(const std::string& id) {
    return members_of({{"committee", nullptr},
                       {"council", nullptr},
                       {"council_id", nullptr},
                       {"council_source", nullptr},
                       {"date", nullptr},
                       {"meeting_id", nullptr},
                       {"document", {{"id", id}, {"title", ""}, {"source", ""}, {"url", nullptr}}}});
}

}  // namespace

void DocumentRecords::keep_file(const std::string& documents_value) {
    auto records = nlohmann::json::parse(documents_value, nullptr, false);
    if (records.is_object())
        for (const auto& [doc_id, record] : records.items())
            if (record.is_object() && !record.empty()) bodies_.insert_or_assign(doc_id, members_of(record));
}

const std::string& DocumentRecords::body_of(const Xapian::Database& db, const std::string& id) {
    if (auto it = bodies_.find(id); it != bodies_.end()) return it->second;
    if (bodies_.size() >= max_cached_documents) bodies_.clear();
    const std::string term = s::term(s::document_record_prefix, quorum::index::bounded_term_value(id));
    auto post = db.postlist_begin(term);
    if (post != db.postlist_end(term)) {
        // A file's documents are usually asked for together (the parts of one pack): keep them all.
        keep_file(db.get_document(*post).get_value(s::documents_slot));
    } else {
        // A shard set's anchors (shard_set.hpp) are in the shards; OUT/local keeps their
        // records in metadata (a handful of files: read them all).
        const std::string prefix(quorum::index::shard_set::anchor_key_prefix);
        for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k)
            keep_file(db.get_metadata(*k));
    }
    auto it = bodies_.find(id);
    if (it == bodies_.end()) it = bodies_.emplace(id, unknown_document(id)).first;  // misses are kept too
    return it->second;
}

void DocumentRecords::join(const Xapian::Database& db, std::string& record, const RecordFields& fields) {
    if (fields.doc_end <= fields.doc_begin || fields.doc_end > record.size()) return;  // no "doc": as stored
    record.replace(fields.doc_begin, fields.doc_end - fields.doc_begin, body_of(db, fields.doc));
}

}  // namespace quorum::query
