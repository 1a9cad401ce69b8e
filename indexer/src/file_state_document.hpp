// A file's state document: one per indexed file (schema.hpp, the "Q" + file tag id term),
// holding its signature (size, mtime, hash, schema version, options), its meetings' parts,
// the records its units' documents share, and its acronyms. Written here, read back here.
#pragma once

#include <string>

#include <xapian.h>

#include "quorum/index/index_writer.hpp"

namespace quorum::index {

// The signature slot's value: what unchanged() compares to skip a file.
[[nodiscard]] std::string signature_value(const FileSignature& sig, const std::string& options);
// The signature, schema version and options back from a state document.
[[nodiscard]] StoredFile parse_stored(const Xapian::Document& doc);
// What a file's stored document records say of where it belongs: the council the first
// (by document id) that names one names, and every meeting id.
void read_documents_slot(const std::string& documents, StoredFile& f);
// The id term of a file's state document.
[[nodiscard]] std::string file_id_term(const std::string& key);

}  // namespace quorum::index
