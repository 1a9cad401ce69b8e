// Decisions: RESOLVED / RECOMMENDATIONS / AGREED / ACTIONS / information-request blocks,
// split into their lettered, numbered or bulleted parts.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "units/blocks.hpp"

namespace quorum::corpus {

struct ResolutionKeyword {
    std::string kind;       // resolved | recommendations | agreed | actions | information-request
    std::string remainder;  // text after the keyword ("That the committee:"), may be empty
};

// The keyword a block starts with ("RESOLVED –", "Resolved that:", "It was resolved that",
// "RECOMMENDATIONS:", "AGREED:", "ACTIONS:") or that makes the whole block a
// preamble ("The Committee recommended that:", "... the following information be provided:").
[[nodiscard]] std::optional<ResolutionKeyword> match_resolution_keyword(std::string_view text);

// Cheap test used while joining lines: does this line start a decision block?
[[nodiscard]] bool starts_resolution_keyword(std::string_view line);

// "It was proposed by Cllr X, seconded by Cllr Y and resolved that ..." inside a paragraph.
[[nodiscard]] bool has_inline_resolution(std::string_view text);

// Outcome minuted in a text: "carried unanimously", "carried", "lost", "proposed and
// seconded", and when `decisions_too`, "deferred" and "noted". Empty when none.
[[nodiscard]] std::string find_outcome(std::string_view text, bool decisions_too);

struct ResolutionPart {
    std::string text;   // the part as printed, without its label
    std::string label;  // "a)", "1.", "(ii)" or "" (bullets and "That ..." lines)
    int page = 0;
    std::string heading;  // a sub-heading printed above this part and the next ones ("2025-26 Council Tax")
};

struct ResolutionBlock {
    std::string kind;
    std::string preamble;
    std::string outcome;
    std::vector<ResolutionPart> parts;  // one part with an empty label when unlettered
    std::size_t end = 0;                // index of the first piece after the block
};

// Reads the decision whose keyword block is pieces[start]. When `implicit` is set the
// body itself is a recommendations section: reading starts at pieces[start] with no
// keyword block. Returns a block with no parts when nothing decision-like follows.
[[nodiscard]] ResolutionBlock read_resolution(const std::vector<Piece>& pieces, std::size_t start,
                                              const ResolutionKeyword& keyword, bool implicit);

}  // namespace quorum::corpus
