// A lead-in and its list: "The Committee noted the following concerns:" and the bullets,
// lettered or numbered points or short lines it introduces are one unit, as a reader
// would quote them. (Decisions are not lists here: a resolution's lettered parts are
// one unit each, resolutions.cpp.)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "units/blocks.hpp"

namespace quorum::corpus {

// A paragraph that opens a list: it ends with a colon (":", ":-") or with "as follows" or
// "the following".
[[nodiscard]] bool opens_list(std::string_view text);

// A lead-in that reads as a sentence ("The Clerk went through a comparison of the precept
// and Band D costs per household:"), not a label or title with a colon ("Minutes:",
// "Purchase of Bulbs for The Cemetery:"): only such a lead-in takes an unmarked paragraph.
[[nodiscard]] bool is_lead_in_sentence(std::string_view text);

struct LeadInList {
    std::string text;                      // the lead-in and its items, one a line ("" when no list follows)
    std::size_t lead_in = 0;               // characters of the lead-in line in `text`
    std::vector<std::size_t> item_starts;  // where each item of the list (not a sub-point) begins in `text`
    std::size_t end = 0;                   // index of the first piece after the list
};

// The list that pieces[start] (a block that opens_list) introduces: marked items (bullets,
// lettered or roman points, numbers under it: "3.5.1" under "3.5", "1", "2" ... under an
// unnumbered lead-in), or an unmarked paragraph after a lead-in sentence and the short
// unmarked lines that go on a list whose items do not end a sentence ("...frameworks;").
// The list ends at a table, a decision or anything else.
[[nodiscard]] LeadInList read_lead_in_list(const std::vector<Piece>& pieces, std::size_t start);

}  // namespace quorum::corpus
