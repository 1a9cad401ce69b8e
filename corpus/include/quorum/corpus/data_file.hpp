// The line format the data files share (topics.tsv, council_terms.tsv), defined once so
// a file that one parser accepts the other reads the same way.
#pragma once

#include <string_view>
#include <vector>

namespace quorum::corpus {

// The records of a data file: one a line, fields separated by tabs. Blank lines and lines
// starting with '#' are comments; a trailing '\r' (a file saved on Windows) is dropped.
// The fields are views into `text`.
[[nodiscard]] std::vector<std::vector<std::string_view>> data_file_records(std::string_view text);

// The alternatives of a field, separated by '|' ("MASH|Multi-Agency Safeguarding Hub"),
// in order; empty ones are kept, for the caller to skip.
[[nodiscard]] std::vector<std::string_view> data_file_alternatives(std::string_view field);

}  // namespace quorum::corpus
