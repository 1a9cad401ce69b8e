// Text folding shared by indexer and query, so both sides agree on every term.
// (query never links corpus, so this is the schema library's own copy of the rules.)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::index {

// Accents removed, compatibility forms (NFKC), curly quotes/primes -> ' and ", dashes -> -,
// odd spaces -> ' '. Case is kept: the query parser needs "AND"/"OR"/"NOT" as typed, and
// Xapian lower-cases terms itself. "Children’s Café" -> "Children's Cafe".
[[nodiscard]] std::string fold_for_search(std::string_view text);

// fold_for_search, lower-cased (Unicode case folding), white space collapsed: a matching key.
[[nodiscard]] std::string fold_key(std::string_view text);

// Lower-case folded words (letters and digits; inner apostrophes kept), in order.
// "Multi-Agency Safeguarding Hub" -> {"multi", "agency", "safeguarding", "hub"}.
[[nodiscard]] std::vector<std::string> fold_words(std::string_view text);

// The words of fold_words joined by single spaces: the key format of Xapian multi-word synonyms.
[[nodiscard]] std::string phrase_key(std::string_view text);

// URL-safe id from a name: folded, ASCII letters and digits, other runs -> '-'.
[[nodiscard]] std::string slug(std::string_view text);

// Stable 64-bit FNV-1a hash and its 16-digit lower-case hex form.
[[nodiscard]] std::uint64_t fnv1a(std::string_view bytes, std::uint64_t seed = 14695981039346656037ull) noexcept;
[[nodiscard]] std::string hex64(std::uint64_t value);

// A term value that fits Xapian's term length limit: short values unchanged, long ones
// cut and suffixed with a hash of the whole value (still unique, still deterministic).
[[nodiscard]] std::string bounded_term_value(std::string_view value);

}  // namespace quorum::index
