// The units of a body of text, section by section: what is inside an item, a report or
// the front matter, after the segmenter has found where it begins and ends.
#pragma once

#include <span>
#include <string>

#include "segment/structure.hpp"
#include "units/units.hpp"

namespace quorum::corpus {

class PeopleLinker;

// Whole text of a body: wrapped lines joined, paragraphs separated by a blank line,
// list entries on their own lines.
[[nodiscard]] std::string paragraph_text(std::span<const SourceLine> body);

// Units of a body, section by section ("Key considerations", "Purpose"); `report` reads
// a report's section headings, which may follow each other.
void emit_sections(Document& doc, const structure::Lines& body, BodyContext context, const PeopleLinker& linker,
                   const TopicRules& topics, bool report);

// Paragraph units of doc.units from `from` on become `type` (a cover's notices, a report's
// classification fields); their topics go: front matter is about the meeting, not a subject.
void retype_paragraphs(Document& doc, std::size_t from, UnitType type);

}  // namespace quorum::corpus
