// HTML fragments in text and Markdown files (tables, paragraphs and lists copied from web
// pages) rendered as plain lines: block elements end lines, table cells become tabs,
// scripts and styles are dropped, character references are decoded.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::corpus {

// The text reader's bound on a line: longer raw lines are split before rendering, and a
// table row left open is not carried past it.
inline constexpr std::size_t kMaxLineBytes = 10000;

// Appends `text` with character references decoded; &nbsp; becomes a plain space.
void append_decoded(std::string& out, std::string_view text);

// Renders the HTML fragments of text lines. State (open tables, skipped scripts)
// carries from line to line because copied tables sometimes span lines.
class FragmentRenderer {
public:
    // Appends the rendered lines of one source line to `out`.
    void render(std::string_view line, std::vector<std::string>& out);

    // Emits a table row still open at the end of the file.
    void finish(std::vector<std::string>& out);

private:
    // Cells: spaces collapsed and trimmed, tabs (cell boundaries) kept.
    static std::string tidy_cells(std::string_view row);

    int table_depth_ = 0;
    int cells_in_row_ = 0;
    std::string skip_;         // name of the script/style element being skipped
    std::string pending_row_;  // a table row not closed on its line
};

}  // namespace quorum::corpus
