// Blocks: the lines of one body cut into paragraphs (wrapped PDF lines joined, bullets
// and numbered report paragraphs kept apart) and runs of TAB-separated table rows.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "quorum/corpus/reader.hpp"

namespace quorum::corpus {

enum class LabelKind { none, number, letter, roman };

// One paragraph, bullet or labelled point, its wrapped lines joined with single spaces.
struct Block {
    std::string text;   // without bullet marker and label
    std::string label;  // as printed: "a)", "(ii)", "3.6", "12.", "" when none
    LabelKind label_kind = LabelKind::none;
    bool bullet = false;        // had a bullet marker ("- ", "• ", ...)
    bool blank_before = false;  // a blank line separated it from the previous block
    int page = 0;               // page of its first line
    int lines = 0;              // source lines joined into it
};

// A run of TAB-separated lines, cells trimmed, in source order.
struct TableRun {
    std::vector<std::vector<std::string>> rows;
    int page = 0;
    int last_page = 0;  // page of its last row
};

struct Piece {
    bool is_table = false;
    Block block;     // when !is_table
    TableRun table;  // when is_table
};

// Cuts a body into blocks and table runs.
[[nodiscard]] std::vector<Piece> split_pieces(std::span<const SourceLine> lines);

// Label at the start of `text` ("a) ", "(iv) ", "3.6 ", "12. "): its length including the
// following spaces, or 0. A bare integer ("86 females") is never a label.
[[nodiscard]] std::size_t parse_label(std::string_view text, std::string& label, LabelKind& kind);

// The label without brackets and dots: "(ii)" -> "ii", "12." -> "12", "3.6" -> "3.6".
[[nodiscard]] std::string label_value(std::string_view label);

// True when text ends a sentence or a clause that introduces a list (. ! ? : ;),
// ignoring closing quotes, brackets and markdown emphasis.
[[nodiscard]] bool ends_sentence(std::string_view text);

// A short title-like line: one source line, no sentence end, not too long.
[[nodiscard]] bool heading_like(const Block& block);

// Removes markdown emphasis markers ("**", "__") left in a text.
[[nodiscard]] std::string strip_emphasis(std::string_view text);

}  // namespace quorum::corpus
