// Term values for the index. The folding rules are text/'s (one definition for readers,
// indexer and query); they are named here as the indexer and query library use them.
#pragma once

#include <string>
#include <string_view>

#include "quorum/text/fold.hpp"
#include "quorum/text/hash.hpp"

namespace quorum::index {

using text::fnv1a;
using text::fold_for_search;
using text::fold_key;
using text::fold_words;
using text::hex64;
using text::phrase_key;
using text::slug;

// A term value that fits Xapian's term length limit: short values unchanged, long ones
// cut and suffixed with a hash of the whole value (still unique, still deterministic).
[[nodiscard]] std::string bounded_term_value(std::string_view value);

}  // namespace quorum::index
