// What tells a word used alike (a stand-in: "dismissed" for "sacked") from the other kinds
// of neighbour subword word vectors give: words spelt alike and words that stand together.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "quorum/index/index_writer.hpp"

namespace quorum::index {

// Whether two words are neighbours by their letters, not their use: the same ending
// ("fostering", "promoting"), one word with a letter added ("carer", "career"), or a long
// shared run of letters that does not start both ("placements", "replacement";
// "sufficiency", "insufficient"). A derivation the stemmer missed, which starts alike
// ("reducing", "reduction"), is not.
[[nodiscard]] bool spelling_neighbour(const std::string& a, const std::string& b);

// Drops from each word's list the related words that stand within three words of it, in
// `text` (lower-case words, a passage a line), in at least `share` of the rarer word's uses:
// collocations ("adult social care", "minutes of the meeting", "parish council"), not
// stand-ins. One pass; only the listed pairs are counted.
void drop_collocations(std::vector<std::vector<RelatedWordEntry>>& lists, std::istream& text, double share);

}  // namespace quorum::index
