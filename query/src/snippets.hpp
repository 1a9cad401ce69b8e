// Snippets: MSet::snippet over the unit text, folded the way it was indexed so accented
// or curly-quoted words highlight too. Xapian escapes the text for HTML; only our
// <mark>...</mark> markers are left as markup. Long texts are cut to a window around the
// first query word first: folding and scanning a 100 KB item for 240 bytes is waste.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace quorum::query {

inline constexpr std::size_t snippet_bytes = 240;
// Folding (ICU) and Xapian's snippet scan (stemming each word) cost in proportion to the
// window: 2 KB around the first match leaves a 240-byte snippet ample choice at a quarter
// of the cost of 8 KB (docs/bench/query-hotpath-2026-11-24.md).
inline constexpr std::size_t snippet_window_bytes = 2048;  // text folded and scanned per hit
inline constexpr std::size_t snippet_lead_bytes = 512;     // of the window, before the first match

// The part of `text` the snippet is made from: all of it when short, else about
// snippet_window_bytes around the first (ASCII case-insensitive) occurrence of a word of
// `query` (Z stems match as word starts), or the start when none occurs. Cut on spaces,
// never inside a UTF-8 sequence.
[[nodiscard]] std::string_view snippet_window(std::string_view text, const Xapian::Query& query);

[[nodiscard]] std::string make_snippet(const Xapian::MSet& mset, const std::string& text, const Xapian::Stem& stem);
// Same, from snippet_window(text, query); "…" marks a cut start.
[[nodiscard]] std::string make_snippet(const Xapian::MSet& mset, const std::string& text, const Xapian::Stem& stem,
                                       const Xapian::Query& query);

}  // namespace quorum::query
