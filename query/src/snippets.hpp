// Snippets: MSet::snippet over the unit text, folded the way it was indexed so accented
// or curly-quoted words highlight too. Xapian escapes the text for HTML; only our
// <mark>...</mark> markers are left as markup.
#pragma once

#include <string>

#include <xapian.h>

namespace quorum::query {

inline constexpr std::size_t snippet_bytes = 240;

[[nodiscard]] std::string make_snippet(const Xapian::MSet& mset, const std::string& text, const Xapian::Stem& stem);

}  // namespace quorum::query
