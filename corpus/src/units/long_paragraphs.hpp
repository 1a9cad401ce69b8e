// Paragraphs longer than a reader would cite (a converter that joined a whole minute, or a
// whole file, into one paragraph) cut at sentence ends into several.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::corpus {

// About 250 words, half a printed page: longer than 99.5% of the paragraphs councils write
// as paragraphs (Kent reports: 99th percentile 1,020 characters, 99.9th 1,785; Limerick
// minutes: 564 and 893), so only text that lost its paragraph breaks is cut.
inline constexpr std::size_t kMaxParagraphChars = 1500;

// `text` as it is when it is at most kMaxParagraphChars long; otherwise cut at sentence
// ends (". " before a capital, a digit, a quote or a bullet; not after "Cllr.", "e.g." or
// an initial) into pieces of about equal length, each at most the limit where the
// sentences allow. Lines after the first (lettered sub-points joined to a numbered
// paragraph, the items of a list) are cut between them, inside one only when it is itself
// longer than the limit. Never at the line break right
// after the first `unbroken` characters: a lead-in stays with the first item of its list.
[[nodiscard]] std::vector<std::string> split_long_paragraph(std::string_view text,
                                                           std::size_t limit = kMaxParagraphChars,
                                                           std::size_t unbroken = 0);

// A lead-in and its list (lead_ins.hpp) as it is when within the limit; otherwise cut where
// an item of the list begins (`item_starts`: offsets of the lines of its own items, not of
// their sub-points), the lead-in kept with the first, and inside an item only when one is
// still longer than the limit.
[[nodiscard]] std::vector<std::string> split_long_list(std::string_view text, std::vector<std::size_t> item_starts,
                                                       std::size_t lead_in, std::size_t limit = kMaxParagraphChars);

}  // namespace quorum::corpus
