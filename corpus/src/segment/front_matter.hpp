// Front matter: the text of a document before its first item, as units of its own types
// (issue 12: it used to become meeting metadata only, so nobody could search a venue or a
// co-optee's name, and an agenda's notices vanished).
#pragma once

#include <cstddef>

#include "segment/structure.hpp"

namespace quorum::corpus {

class PeopleLinker;

// Lines [begin, body_begin) of a part: [begin, header_end) is its meeting header.
struct FrontMatterLines {
    std::size_t begin = 0, header_end = 0, body_begin = 0;
};

// Appends to doc.units: one `header` unit for the meeting header; one `attendance` unit per
// attendance list ("Present:", "OFFICIALS IN ATTENDANCE" and the names after it, until
// prose); and the rest as paragraphs in minutes (text before the first minute is business)
// or `cover` units in agendas and reports (notices, the public's rights).
void emit_front_matter(Document& doc, const structure::Lines& lines, FrontMatterLines range, DocumentKind kind,
                       const PeopleLinker& linker, const TopicRules& topics);

}  // namespace quorum::corpus
