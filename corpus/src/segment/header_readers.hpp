// Private to the meeting header readers: one reader per kind of document, and the text
// helpers they share (meeting_header.cpp holds the helpers and read_header).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "segment/structure.hpp"

namespace quorum::corpus::structure {

// Trimmed, without trailing punctuation or dashes and leading commas or colons.
[[nodiscard]] std::string trim_punct(std::string s);
// Letters all capitals (and at least one).
[[nodiscard]] bool all_caps(std::string_view s);
// Position where the first full date begins in s (for cutting the venue before it).
[[nodiscard]] std::size_t date_position(const std::string& s);
// Start of the weekday before a date: "on Tuesday 22 February" -> index of "on".
[[nodiscard]] std::size_t cut_before_date(const std::string& s, std::size_t date_pos);

// "Minutes of the meeting of X held at V on D at T" (minutes_header.cpp).
[[nodiscard]] Header read_minutes(const Lines& lines, std::size_t begin, std::size_t end);
// "Date:", "Place:" lines, a summons or a title line (agenda_header.cpp).
[[nodiscard]] Header read_agenda(const Lines& lines, std::size_t begin, std::size_t end);
// An officer report's cover fields (report_header.cpp).
[[nodiscard]] Header read_report(const Lines& lines, std::size_t begin, std::size_t end);
// A title block: appendices, web pages, work programmes, questions, trackers (report_header.cpp).
[[nodiscard]] Header read_titled(const Lines& lines, std::size_t begin, std::size_t end, DocumentKind kind);
// "Cabinet – 30 January 2025": the meeting a report (or a questions paper) is for (report_header.cpp).
void read_addressee(const std::string& value, Header& h);

}  // namespace quorum::corpus::structure
