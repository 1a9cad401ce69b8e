// Tables: a run of TAB-separated rows -> caption, header and body rows.
#pragma once

#include <string>
#include <string_view>

#include "units/blocks.hpp"
#include "quorum/corpus/model.hpp"

namespace quorum::corpus {

// Header = first row; a sub-header row right under it ("\t£000\t£000") is merged into it;
// rows whose first cell is empty and which carry at most one cell, or fewer cells than
// the header, continue the row above; separator rows ("-----") and rows that repeat the
// header (printed again at the top of the next page) are dropped. A first row
// with a single filled cell over a wider table ("Annual agenda items\t\t\t") is a caption,
// used when `caption` is empty.
[[nodiscard]] TableInfo shape_table(const TableRun& run, std::string caption);

// Caption and rows as readable text: one line per row, cells joined by " | ".
[[nodiscard]] std::string table_text(const TableInfo& table);

// "Table 3: Children's services expenditure ..." (a numbered table caption).
[[nodiscard]] bool is_numbered_caption(std::string_view text);

// A block that can title the table right after it: a numbered caption, or a short
// title line ("To be scheduled and prioritised or removed (1/4)").
[[nodiscard]] bool is_caption_block(const Block& block);

}  // namespace quorum::corpus
