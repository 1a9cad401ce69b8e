// How a query was read, in words a person can check: "all of: fostering, allowances · the
// phrase "foster carers" · also: sacked ≈ dismissed". Made from the parsed query's tree and
// the words the user typed for each term; Xapian's own description is for developers.
#pragma once

#include <functional>
#include <string>

#include <xapian.h>

#include "quorum/query/searcher.hpp"

namespace quorum::query {

using WordOfTerm = std::function<std::string(const std::string& term)>;

// Fills the word lists of `reading` from `parsed` (the words' query, before ranking lifts).
void read_query(const Xapian::Query& parsed, const WordOfTerm& word_of, QueryReading& reading);

// reading.text from the lists, the expansions and the lifts.
[[nodiscard]] std::string reading_text(const QueryReading& reading);

}  // namespace quorum::query
