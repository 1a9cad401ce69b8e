// Format readers: bytes -> SourceText. One per format; each reports problems as diagnostics.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quorum/corpus/model.hpp"
#include "quorum/corpus/reader.hpp"

namespace quorum::corpus {

// .txt and .md: decode, repair, strip Markdown emphasis and HTML fragments (table cells
// stay tab-separated, <p>/<li>/<br> become line breaks), read front matter and
// "[Original file](url)" lines, and form-feed page breaks as page numbers.
[[nodiscard]] SourceText read_text_source(std::string_view bytes, const std::string& file, bool markdown,
                                          std::vector<Diagnostic>& diagnostics);

// .html/.htm (gumbo): block elements become lines, table rows become tab-separated
// lines, scripts/styles/navigation dropped. ModernGov pages keep item numbers and headings.
[[nodiscard]] SourceText read_html_source(std::string_view bytes, const std::string& file,
                                          std::vector<Diagnostic>& diagnostics);

// .pdf (poppler-cpp): text in reading order, one SourceLine per line with its page number.
[[nodiscard]] SourceText read_pdf_source(std::string_view bytes, const std::string& file,
                                         std::vector<Diagnostic>& diagnostics);

}  // namespace quorum::corpus
