// Escaping text for the formats the server writes: XML (Atom), CSV, log lines, and
// plain text from HTML snippets.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace quorum::server {

// XML 1.0 character data or attribute value: & < > " ' escaped, characters XML
// forbids (C0 controls except tab, LF, CR) dropped, invalid UTF-8 replaced.
[[nodiscard]] std::string xml_escape(std::string_view text);

// One CSV cell (RFC 4180): always quoted, quotes doubled. A cell starting with
// = + - @ tab or CR gets a leading apostrophe so spreadsheets do not run it as a formula.
[[nodiscard]] std::string csv_cell(std::string_view text);
// One CSV record: each cell as csv_cell, joined by commas, ended by CRLF.
[[nodiscard]] std::string csv_record(std::initializer_list<std::string_view> cells);

// A snippet ("HTML-escaped except <mark>") as plain text: marks removed, entities decoded.
[[nodiscard]] std::string snippet_text(std::string_view snippet);

// A log field: control characters, backslash, quote and bytes >= 0x7F as \xNN, cut at `max` bytes.
[[nodiscard]] std::string log_escape(std::string_view text, std::size_t max = 2000);

}  // namespace quorum::server
