// Unit extraction: the body of one item or report section -> paragraphs, tables,
// resolutions (each lettered part), questions and tracker rows, with people and topics.
#pragma once

#include <span>
#include <string_view>
#include <vector>
#include <string>

#include "quorum/corpus/model.hpp"
#include "quorum/corpus/reader.hpp"

namespace quorum::corpus {

class PeopleLinker;

struct BodyContext {
    int item_index = -1;      // index into doc.items, -1 outside items (report sections)
    std::string title;        // item heading or report title: becomes Unit::title
    std::string section;      // report section heading ("Key considerations"), may be empty
    bool procedural = false;  // units inherit it
};

// Appends the units found in `lines` to doc.units (ids: doc.id + "-u" + 4-digit ordinal).
// The segmenter adds the `item` unit itself (heading + whole body) after calling this.
// Units get their topics by `topics`.
void extract_units(std::span<const SourceLine> lines, const BodyContext& context, Document& doc,
                   const PeopleLinker& people, const TopicRules& topics);

// Acronyms defined in text: "Multi-Agency Safeguarding Hub (MASH)", "MASH (Multi-agency
// Safeguarding Hub)", glossary lines "DfE<TAB or spaces>Department for Education".
void find_acronyms(std::span<const SourceLine> lines, std::vector<Acronym>& out);

}  // namespace quorum::corpus
