#include "document_records.hpp"

#include <nlohmann/json.hpp>

#include "quorum/index/schema.hpp"
#include "quorum/index/text_fold.hpp"

namespace quorum::query {

namespace s = quorum::index::schema;

namespace {

// Enough for the documents of every hit of many pages; past it the cache starts again
// rather than grow with the archive.
constexpr std::size_t max_cached_documents = 20000;

const std::string& unknown_document() {
    static const std::string body = R"("committee":null,"council":null,"date":null,"document":null,"meeting_id":null)";
    return body;
}

std::string members_of(const nlohmann::json& object) {
    std::string text = object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return text.size() >= 2 ? text.substr(1, text.size() - 2) : std::string();
}

}  // namespace

const std::string& DocumentRecords::body_of(const Xapian::Database& db, const std::string& id) {
    if (auto it = bodies_.find(id); it != bodies_.end()) return it->second;
    if (bodies_.size() >= max_cached_documents) bodies_.clear();
    const std::string term = s::term(s::document_record_prefix, quorum::index::bounded_term_value(id));
    auto post = db.postlist_begin(term);
    if (post != db.postlist_end(term)) {
        // A file's documents are usually asked for together (the parts of one pack): keep them all.
        auto records = nlohmann::json::parse(db.get_document(*post).get_value(s::documents_slot), nullptr, false);
        if (records.is_object())
            for (const auto& [doc_id, record] : records.items())
                if (record.is_object()) bodies_.insert_or_assign(doc_id, members_of(record));
    }
    if (auto it = bodies_.find(id); it != bodies_.end() && !it->second.empty()) return it->second;
    return unknown_document();
}

void DocumentRecords::join(const Xapian::Database& db, std::string& record, const RecordFields& fields) {
    if (fields.doc.empty() || fields.doc_end <= fields.doc_begin || fields.doc_end > record.size()) return;
    const std::string& body = body_of(db, fields.doc);
    std::string rest = record.substr(0, fields.doc_begin) + record.substr(fields.doc_end);  // still "{...}"
    std::string out;
    out.reserve(body.size() + rest.size() + 2);
    out += '{';
    out += body;
    if (rest.size() > 2) out += ',';
    out.append(rest, 1, std::string::npos);
    record = std::move(out);
}

}  // namespace quorum::query
