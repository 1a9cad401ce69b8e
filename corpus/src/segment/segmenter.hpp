// Segmentation: SourceText -> documents (an agenda pack split into its parts),
// meetings with attendance, items, and (through extract_units) units.
#pragma once

#include <string>

#include "quorum/corpus/reader.hpp"
#include "segment/filed_meeting.hpp"

namespace quorum::corpus {

// `doc_id` is the stable id of the file (its path relative to the archive root); `filing`
// is what its folder and file name say of its meeting (filing_of).
// Appends documents, meetings, people, acronyms and diagnostics to `out`; units get their
// topics by `topics`.
void segment(const SourceText& text, const Sidecar& sidecar, const Filing& filing, const std::string& doc_id,
             const std::string& source, const TopicRules& topics, FileResult& out);

}  // namespace quorum::corpus
