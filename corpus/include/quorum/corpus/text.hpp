// Text normalisation shared by every reader: decoding, repair, ICU normalisation, folding.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quorum/corpus/model.hpp"

namespace quorum::corpus {

// Bytes of unknown encoding -> valid UTF-8. Recognises UTF-8 (BOM or not), UTF-16 with BOM
// and Windows-1252; invalid UTF-8 sequences are replaced by U+FFFD. Each repair is
// reported once per file as a diagnostic for `file`.
[[nodiscard]] std::string decode_to_utf8(std::string_view bytes, const std::string& file,
                                         std::vector<Diagnostic>& diagnostics);

// Replace invalid UTF-8 sequences by U+FFFD; sets *repaired when anything was replaced.
[[nodiscard]] std::string repair_utf8(std::string_view text, bool* repaired = nullptr);

// Unicode NFC (for display and storage).
[[nodiscard]] std::string to_nfc(std::string_view text);

// Matching key: NFKC, case folded, accents removed, curly quotes and dashes made plain,
// white space collapsed. "Children’s  Services" -> "children's services".
[[nodiscard]] std::string fold(std::string_view text);

// Stable id from a name: folded, ASCII letters and digits, runs of others -> '-'.
// "Children and Young People Scrutiny Committee" -> "children-and-young-people-scrutiny-committee".
[[nodiscard]] std::string slugify(std::string_view text);

// Trim ASCII and Unicode white space (incl. NBSP) at both ends; collapse inner runs to one space.
[[nodiscard]] std::string trim(std::string_view text);
[[nodiscard]] std::string collapse_spaces(std::string_view text);

// Title case for headings printed in capitals: "FOSTERING SERVICE UPDATE" -> "Fostering Service Update"
// (small words lower case, known acronyms kept: "SEND", "DfE" stay).
[[nodiscard]] std::string heading_case(std::string_view text);

}  // namespace quorum::corpus
