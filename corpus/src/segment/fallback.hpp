// Private to the segmenter: the fallback for text whose structure was not understood.
#pragma once

#include <vector>

#include "quorum/corpus/model.hpp"
#include "segment/structure.hpp"
#include "units/units.hpp"

namespace quorum::corpus {

class PeopleLinker;

namespace structure {

// ---- structure not understood (fallback.cpp) -------------------------------------------

// Minutes printed as one run-on line ("... 1. Apologies ... 2. Minutes ... 3. Planning
// ..."): a line far longer than a paragraph whose numbered items follow in sequence is cut
// where each item begins (and before its bullets), so items can be read from it.
void split_run_on_lines(Lines& lines);

// A document with text that gave no unit (its structure was not understood): the text of
// lines [begin, end) as paragraphs, and an info diagnostic naming `source` that says so.
void paragraphs_fallback(Document& doc, const Lines& lines, std::size_t begin, std::size_t end,
                         const PeopleLinker& linker, const TopicRules& topics, std::vector<Diagnostic>& diagnostics);

}  // namespace structure
}  // namespace quorum::corpus
