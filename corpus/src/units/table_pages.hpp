// A table that runs over several pages: PDF text gives one table per page, the later ones
// after the page's footer and header, often with the caption and the header row again.
#pragma once

#include <string_view>
#include <vector>

#include "units/blocks.hpp"

namespace quorum::corpus {

// Joins each table to the table before it when it starts on a later page and either
// repeats that table's header row or has its width with nothing between them. A caption
// printed again above the continuation (the table's caption, or the body's `section`
// heading, maybe with "(continued)") goes; a repeated header row is kept once.
void join_page_continued_tables(std::vector<Piece>& pieces, std::string_view section);

}  // namespace quorum::corpus
