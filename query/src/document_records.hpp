// The fields every unit of a document shares (date, council, committee, meeting, the
// document's id, title, kind, source and URL) are stored once per document, on its file's
// state document (schema documents_slot, found by its XDR<document id> term), not in each
// unit record: they were about half of a paragraph's record. A unit record names its
// document ("doc"); this puts the document's fields back where "doc" stood, so a hit and a
// unit answer with the fields API.md promises.
#pragma once

#include <string>
#include <unordered_map>

#include <xapian.h>

#include "record_scanner.hpp"

namespace quorum::query {

class DocumentRecords {
public:
    // Replaces the "doc" member of `record` (as `fields` found it) with its document's fields;
    // a record without "doc" is left as it is.
    void join(const Xapian::Database& db, std::string& record, const RecordFields& fields);
    // A new revision may hold other records.
    void clear() { bodies_.clear(); }

private:
    // The document's fields as JSON members without the braces; null fields when the index
    // holds no record of it.
    const std::string& body_of(const Xapian::Database& db, const std::string& id);
    // Keeps the fields of every document of one file (its documents value).
    void keep_file(const std::string& documents_value);

    std::unordered_map<std::string, std::string> bodies_;  // document id -> members
};

}  // namespace quorum::query
