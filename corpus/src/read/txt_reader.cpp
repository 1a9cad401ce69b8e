// Plain text and Markdown -> SourceText.
// Council text exports mix Markdown emphasis, HTML fragments copied from web pages and
// tab-separated table rows; the segmenter reads lines, so this reader turns all of that
// into plain lines while keeping tabs (table cells) and leading spaces (indentation).
// Every pass is linear in the line length: hostile input must not take quadratic time.
#include <string>
#include <string_view>
#include <vector>

#include "quorum/corpus/text.hpp"
#include "read/html_fragments.hpp"
#include "read/markdown_lines.hpp"
#include "read/source_readers.hpp"
#include "quorum/text/utf8.hpp"

namespace quorum::corpus {
namespace {

// Splits a raw line longer than kMaxLineBytes at a space (or a UTF-8 boundary) so
// later passes work on bounded pieces.
void split_overlong(std::string_view line, std::vector<std::string_view>& out) {
    while (line.size() > kMaxLineBytes) {
        std::size_t cut = line.rfind(' ', kMaxLineBytes);
        if (cut == std::string_view::npos || cut < kMaxLineBytes / 2) {
            cut = text::utf8_floor(line, kMaxLineBytes);
            if (cut == 0) cut = kMaxLineBytes;
        }
        out.push_back(line.substr(0, cut));
        line.remove_prefix(cut);
        while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    }
    out.push_back(line);
}

std::string unquote(std::string_view v) {
    std::string t = trim(v);
    if (t.size() >= 2 && (t.front() == '"' || t.front() == '\'') && t.back() == t.front())
        t = t.substr(1, t.size() - 2);
    return t;
}

void strip_trailing_spaces(std::string& s) {
    while (!s.empty()) {
        if (s.back() == ' ' || s.back() == '\r' || s.back() == '\v') {
            s.pop_back();
        } else if (s.size() >= 2 && s.compare(s.size() - 2, 2, "\xC2\xA0") == 0) {
            s.resize(s.size() - 2);
        } else {
            break;
        }
    }
}

}  // namespace

SourceText read_text_source(std::string_view bytes, const std::string& file, bool markdown,
                            std::vector<Diagnostic>& diagnostics) {
    SourceText out;
    out.format = markdown ? "md" : "txt";
    const std::string text = decode_to_utf8(bytes, file, diagnostics);
    const bool paged = text.find('\f') != std::string::npos;
    int page = paged ? 1 : 0;

    // Raw lines with their pages; \r\n, \r and \f all end a line.
    struct RawLine {
        std::string_view text;
        int page;
    };
    std::vector<RawLine> raw;
    {
        std::vector<std::string_view> pieces;
        std::size_t start = 0;
        const std::string_view all = text;
        for (std::size_t i = 0; i <= all.size(); ++i) {
            const bool end = i == all.size();
            const char c = end ? '\n' : all[i];
            if (c != '\n' && c != '\r' && c != '\f') continue;
            if (!end || i > start) {
                pieces.clear();
                split_overlong(all.substr(start, i - start), pieces);
                for (const auto p : pieces) raw.push_back({p, page});
            }
            if (c == '\f') ++page;
            if (c == '\r' && i + 1 < all.size() && all[i + 1] == '\n') ++i;
            start = i + 1;
        }
    }

    std::size_t first = 0;
    // YAML front matter: title goes to SourceText::title; the rest (blog dates,
    // categories) describes the web page, not the meeting, so it is dropped.
    if (!raw.empty() && trim(raw[0].text) == "---") {
        for (std::size_t k = 1; k < raw.size() && k < 200; ++k) {
            const std::string t = trim(raw[k].text);
            if (t == "---" || t == "...") {
                for (std::size_t f = 1; f < k; ++f) {
                    const std::string_view l = raw[f].text;
                    if (l.starts_with("title:")) out.title = to_nfc(unquote(l.substr(6)));
                }
                first = k + 1;
                break;
            }
        }
    }

    FragmentRenderer html;
    std::vector<std::string> rendered;
    for (std::size_t k = first; k < raw.size(); ++k) {
        const std::string_view l = raw[k].text;
        if (out.url.empty() && l.starts_with("[Original file](")) {
            const std::size_t close = l.rfind(')');
            if (close != std::string_view::npos && close > 16) {
                out.url = std::string(l.substr(16, close - 16));
                continue;
            }
        }
        if (markdown && is_rule_line(l)) {
            out.lines.push_back({"", raw[k].page});
            continue;
        }
        if (markdown && is_pipe_alignment_row(l) && !out.lines.empty() &&
            out.lines.back().text.find('|') != std::string::npos) {
            out.lines.back().text = pipe_row_to_tabs(out.lines.back().text);
            // Following rows of the pipe table become tab-separated rows.
            for (++k; k < raw.size() && trim(raw[k].text).starts_with("|"); ++k) {
                std::string row = markdown_line(pipe_row_to_tabs(raw[k].text));
                rendered.clear();
                html.render(row, rendered);
                for (auto& r : rendered) out.lines.push_back({to_nfc(r), raw[k].page});
            }
            --k;
            continue;
        }
        rendered.clear();
        html.render(l, rendered);
        for (auto& r : rendered) {
            std::string s = markdown ? markdown_line(r) : text_line(r);
            strip_trailing_spaces(s);
            out.lines.push_back({to_nfc(s), raw[k].page});
        }
    }
    rendered.clear();
    html.finish(rendered);
    for (auto& r : rendered) out.lines.push_back({to_nfc(r), raw.empty() ? page : raw.back().page});
    return out;
}

}  // namespace quorum::corpus
