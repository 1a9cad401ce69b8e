// Text for the readers: decoding bytes of unknown encoding, heading case, and the shared
// text rules of text/ under the names the readers use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quorum/corpus/model.hpp"
#include "quorum/text/fold.hpp"
#include "quorum/text/utf8.hpp"

namespace quorum::corpus {

// Bytes of unknown encoding -> valid UTF-8. Recognises UTF-8 (BOM or not), UTF-16 with BOM
// and Windows-1252; invalid UTF-8 sequences are replaced by U+FFFD. Each repair is
// reported once per file as a diagnostic for `file`.
[[nodiscard]] std::string decode_to_utf8(std::string_view bytes, const std::string& file,
                                         std::vector<Diagnostic>& diagnostics);

// The text rules every step shares (one definition, in text/).
using text::collapse_spaces;
using text::fold_key;
using text::repair_utf8;
using text::slug;
using text::to_nfc;
using text::trim;

// Title case for headings printed in capitals: "FOSTERING SERVICE UPDATE" -> "Fostering Service Update"
// (small words lower case, known acronyms kept: "SEND", "DfE" stay).
[[nodiscard]] std::string heading_case(std::string_view text);

// An honour printed after a name ("Sir Paul Carter, CBE", "Mrs T Dean MBE"): not a name of its own.
[[nodiscard]] bool is_honour(std::string_view word);

}  // namespace quorum::corpus
