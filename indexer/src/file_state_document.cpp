#include "file_state_document.hpp"

#include <cstdlib>
#include <vector>

#include <nlohmann/json.hpp>

#include "quorum/index/schema.hpp"
#include "quorum/index/text_fold.hpp"
#include "quorum/index/unit_record.hpp"

namespace quorum::index {

namespace s = schema;
using nlohmann::json;

std::string signature_value(const FileSignature& sig, const std::string& options) {
    return std::to_string(sig.size) + '|' + std::to_string(sig.mtime_ns) + '|' + sig.hash + '|' +
           std::string(s::version) + '|' + options;
}

StoredFile parse_stored(const Xapian::Document& doc) {
    StoredFile f;
    std::string v = doc.get_value(s::signature_slot);
    std::vector<std::string> parts;
    std::size_t pos = 0;
    for (int i = 0; i < 4; ++i) {
        std::size_t bar = v.find('|', pos);
        if (bar == std::string::npos) break;
        parts.push_back(v.substr(pos, bar - pos));
        pos = bar + 1;
    }
    if (parts.size() == 4) {
        f.signature.size = std::strtoull(parts[0].c_str(), nullptr, 10);
        f.signature.mtime_ns = std::strtoll(parts[1].c_str(), nullptr, 10);
        f.signature.hash = parts[2];
        f.schema = parts[3];
        f.options = v.substr(pos);
    }
    return f;
}

void read_documents_slot(const std::string& documents, StoredFile& f) {
    json records = json::parse(documents, nullptr, false);
    if (!records.is_object()) return;
    for (const auto& [id, record] : records.items()) {
        if (!record.is_object()) continue;
        if (record.contains("council") && record["council"].is_string()) {
            const bool given = record.value("council_source", json()) == "archive";
            std::string& council = given ? f.given_council : f.council;
            if (council.empty()) council = record["council"].get<std::string>();
        }
        if (record.contains("meeting_id") && record["meeting_id"].is_string())
            f.meetings.push_back(record["meeting_id"].get<std::string>());
    }
}

std::string file_id_term(const std::string& key) {
    return s::term(s::id_prefix, std::string(s::file_id_tag) + bounded_term_value(key));
}

Xapian::Document file_document(const std::string& key, const std::filesystem::path& path, const FileSignature& sig,
                               BuiltFile& built, const std::string& options) {
    Xapian::Document file_doc;
    file_doc.add_boolean_term(file_id_term(key));
    file_doc.add_boolean_term(std::string(s::file_marker));
    json meetings = json::object();
    for (auto& [id, part] : built.meetings) {
        file_doc.add_boolean_term(s::term(s::meeting_contrib_prefix, bounded_term_value(id)));
        meetings[id] = std::move(part);
    }
    // The records every unit of a document shares, found by the query library through XDR.
    for (const auto& [id, record] : built.documents.items())
        file_doc.add_boolean_term(s::term(s::document_record_prefix, bounded_term_value(id)));
    file_doc.add_value(s::documents_slot, dump(built.documents));
    json acronyms = json::array();
    for (const auto& a : built.acronyms) acronyms.push_back({a.short_form, a.expansion});
    json data{{"key", key},
              {"path", path.string()},
              {"size", sig.size},
              {"mtime_ns", sig.mtime_ns},
              {"hash", sig.hash},
              {"units", built.units.size()},
              {"meetings", std::move(meetings)}};
    file_doc.set_data(dump(data));
    file_doc.add_value(s::acronyms_slot, dump(acronyms));
    file_doc.add_value(s::signature_slot, signature_value(sig, options));
    return file_doc;
}

}  // namespace quorum::index
