// One file's reading (corpus::FileResult) -> ready Xapian documents and meeting parts.
// Pure and thread-local: each reader thread owns a DocumentBuilder, so term generation
// runs on every core while the single writer thread only stores the results.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "quorum/corpus/reader.hpp"
#include "quorum/index/unit_record.hpp"

namespace quorum::index {

struct BuiltUnit {
    std::string id;
    Xapian::Document doc;
    std::vector<std::string> spelling;  // distinct words for the spelling dictionary
};

// Everything the writer needs from one file.
struct BuiltFile {
    std::vector<BuiltUnit> units;
    std::map<std::string, nlohmann::json> meetings;  // meeting id -> this file's part
    nlohmann::json documents = nlohmann::json::object();  // document id -> document_record()
    std::vector<corpus::Acronym> acronyms;
    std::map<std::string, std::string> committee_names, person_names, topic_names, council_names;
    std::map<std::string, std::size_t> units_by_type;
    unsigned person_slots_used = 0, topic_slots_used = 0;
};

// Words of a built document for the spelling dictionary: unprefixed, unstemmed terms
// without digits, each once (the dictionary counts units, so deleting a unit can undo it).
[[nodiscard]] std::vector<std::string> spelling_words(const Xapian::Document& doc);

class DocumentBuilder {
public:
    // `topic_names`: display names of topic ids (from the topics file).
    explicit DocumentBuilder(NameTable topic_names = {});

    // `file_key` is the per-file term value (schema::file_prefix) shared by all the units.
    [[nodiscard]] BuiltFile build(const corpus::FileResult& file, const std::string& file_key);

private:
    // `council`: the document's council id (corpus::council_id), made once per document.
    [[nodiscard]] BuiltUnit build_unit(const corpus::Unit& unit, const corpus::Document& document,
                                       const std::string& council, const NameTable& people,
                                       const std::string& file_key, BuiltFile& out);
    void index_free_text(const corpus::Unit& unit, const corpus::Document& document, const std::string& file_key);

    NameTable topic_names_;
    Xapian::Stem stem_;
    Xapian::TermGenerator termgen_;
};

}  // namespace quorum::index
