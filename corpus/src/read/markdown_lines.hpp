// Markdown and text-export lines -> plain text: emphasis, links, headings, quotes,
// bullets and escapes removed; thematic breaks and pipe tables recognised.
#pragma once

#include <string>
#include <string_view>

namespace quorum::corpus {

// A Markdown line as plain text: "## Title" -> "Title", "* item" -> "• item",
// [text](url) -> text, paired emphasis markers removed, escapes resolved.
[[nodiscard]] std::string markdown_line(std::string_view line);

// A plain text line: only emphasis stripped (text exports carry "**bold**" from their
// Markdown origin).
[[nodiscard]] std::string text_line(std::string_view line);

// "---", "***", "___" (optionally spaced): a Markdown thematic break.
[[nodiscard]] bool is_rule_line(std::string_view s);

// "| --- | :---: |": the row under a pipe table's header.
[[nodiscard]] bool is_pipe_alignment_row(std::string_view s);
// "| a | b |" -> "a<TAB>b".
[[nodiscard]] std::string pipe_row_to_tabs(std::string_view s);

}  // namespace quorum::corpus
