// A quick look at every table of an index, to tell at start (and on /healthz) that the
// index is readable, long before a user's question meets a damaged block.
#pragma once

#include <optional>
#include <string>

#include <xapian.h>

namespace quorum::query {

// Reads the first entry of every table (postings, metadata, terms, values, stored data,
// positions, spelling, synonyms) and the same for documents spread evenly over the docid
// range: a few hundred block reads whatever the index's size. nullopt when every read
// succeeded, else the table and Xapian's reason, with `path` (the index folder) left out
// of the message. A clean result is no proof: only `xapian-check DIR` reads every block.
[[nodiscard]] std::optional<std::string> check_tables(const Xapian::Database& db, const std::string& path);

// Xapian's description of `e` with the index folder's path replaced by "the index", so it
// can be shown to clients.
[[nodiscard]] std::string describe_without_path(const Xapian::Error& e, const std::string& path);

}  // namespace quorum::query
