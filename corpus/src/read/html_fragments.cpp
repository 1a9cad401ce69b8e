// HTML fragments of text lines -> plain lines (see html_fragments.hpp).
// Every pass is linear in the line length: hostile input must not take quadratic time.
#include "read/html_fragments.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <unordered_map>

#include "quorum/corpus/text.hpp"
#include "quorum/text/utf8.hpp"

namespace quorum::corpus {
namespace {

// ---- HTML fragments -----------------------------------------------------------------

enum class TagKind { block, list_item, table, row, cell, skip_content, inline_tag };

const std::unordered_map<std::string_view, TagKind>& known_tags() {
    static const std::unordered_map<std::string_view, TagKind> tags = {{"p", TagKind::block},
                                                                       {"div", TagKind::block},
                                                                       {"br", TagKind::block},
                                                                       {"ul", TagKind::block},
                                                                       {"ol", TagKind::block},
                                                                       {"h1", TagKind::block},
                                                                       {"h2", TagKind::block},
                                                                       {"h3", TagKind::block},
                                                                       {"h4", TagKind::block},
                                                                       {"h5", TagKind::block},
                                                                       {"h6", TagKind::block},
                                                                       {"hr", TagKind::block},
                                                                       {"blockquote", TagKind::block},
                                                                       {"section", TagKind::block},
                                                                       {"article", TagKind::block},
                                                                       {"li", TagKind::list_item},
                                                                       {"table", TagKind::table},
                                                                       {"tr", TagKind::row},
                                                                       {"td", TagKind::cell},
                                                                       {"th", TagKind::cell},
                                                                       {"script", TagKind::skip_content},
                                                                       {"style", TagKind::skip_content},
                                                                       {"tbody", TagKind::inline_tag},
                                                                       {"thead", TagKind::inline_tag},
                                                                       {"tfoot", TagKind::inline_tag},
                                                                       {"span", TagKind::inline_tag},
                                                                       {"b", TagKind::inline_tag},
                                                                       {"i", TagKind::inline_tag},
                                                                       {"u", TagKind::inline_tag},
                                                                       {"em", TagKind::inline_tag},
                                                                       {"strong", TagKind::inline_tag},
                                                                       {"small", TagKind::inline_tag},
                                                                       {"sup", TagKind::inline_tag},
                                                                       {"sub", TagKind::inline_tag},
                                                                       {"a", TagKind::inline_tag},
                                                                       {"font", TagKind::inline_tag},
                                                                       {"img", TagKind::inline_tag},
                                                                       {"colgroup", TagKind::inline_tag},
                                                                       {"col", TagKind::inline_tag},
                                                                       {"caption", TagKind::block},
                                                                       {"center", TagKind::block},
                                                                       {"s", TagKind::inline_tag},
                                                                       {"strike", TagKind::inline_tag},
                                                                       {"abbr", TagKind::inline_tag},
                                                                       {"o:p", TagKind::inline_tag}};
    return tags;
}

struct Tag {
    TagKind kind;
    bool closing;
    std::string name;
};

// Parses "<name ...>" at text[pos..gt]; nullopt when it is not a known HTML tag
// (e.g. "<http://...>" autolinks or "a < b" comparisons stay as text).
std::optional<Tag> parse_tag(std::string_view inner) {
    bool closing = false;
    if (!inner.empty() && inner.front() == '/') {
        closing = true;
        inner.remove_prefix(1);
    }
    std::size_t n = 0;
    while (n < inner.size() && (std::isalnum(static_cast<unsigned char>(inner[n])) || inner[n] == ':')) ++n;
    if (n == 0 || n > 12) return std::nullopt;
    std::string name(inner.substr(0, n));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    const auto it = known_tags().find(name);
    if (it == known_tags().end()) return std::nullopt;
    if (n < inner.size() && !std::isspace(static_cast<unsigned char>(inner[n])) && inner[n] != '/') return std::nullopt;
    return Tag{it->second, closing, std::move(name)};
}

}  // namespace

// ---- HTML entities ------------------------------------------------------------------

using text::append_utf8;

void append_decoded(std::string& out, std::string_view text) {
    static const std::unordered_map<std::string_view, std::uint32_t> named = {
        {"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},     {"apos", '\''},
        {"nbsp", ' '},     {"ndash", 0x2013}, {"mdash", 0x2014},  {"lsquo", 0x2018}, {"rsquo", 0x2019},
        {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"hellip", 0x2026}, {"bull", 0x2022},  {"pound", 0xA3},
        {"euro", 0x20AC},  {"copy", 0xA9},    {"reg", 0xAE},      {"trade", 0x2122}, {"middot", 0xB7},
        {"eacute", 0xE9},  {"egrave", 0xE8},  {"aacute", 0xE1},   {"iacute", 0xED},  {"oacute", 0xF3},
        {"uacute", 0xFA},  {"ouml", 0xF6},    {"uuml", 0xFC},     {"auml", 0xE4},    {"frac12", 0xBD},
        {"deg", 0xB0},     {"sect", 0xA7},    {"shy", 0xAD},      {"laquo", 0xAB},   {"raquo", 0xBB}};
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t amp = text.find('&', i);
        if (amp == std::string_view::npos) break;
        out.append(text.substr(i, amp - i));
        i = amp + 1;
        const std::size_t semi = text.substr(0, std::min(text.size(), amp + 12)).find(';', amp + 1);
        if (semi == std::string_view::npos || semi == amp + 1) {
            out.push_back('&');
            continue;
        }
        const std::string_view ref = text.substr(amp + 1, semi - amp - 1);
        std::uint32_t code = 0;
        bool ok = false;
        if (ref[0] == '#') {
            const bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
            const std::string_view digits = ref.substr(hex ? 2 : 1);
            ok = !digits.empty();
            for (const char c : digits) {
                int v = -1;
                if (c >= '0' && c <= '9')
                    v = c - '0';
                else if (hex && c >= 'a' && c <= 'f')
                    v = c - 'a' + 10;
                else if (hex && c >= 'A' && c <= 'F')
                    v = c - 'A' + 10;
                if (v < 0 || code > 0x10FFFF) {
                    ok = false;
                    break;
                }
                code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
            }
            if (ok && code == 0xA0) code = ' ';
        } else if (const auto it = named.find(ref); it != named.end()) {
            code = it->second;
            ok = true;
        }
        if (!ok) {
            out.push_back('&');
            continue;
        }
        if (code != 0xAD) append_utf8(out, code);  // soft hyphen: invisible, dropped
        i = semi + 1;
    }
    out.append(text.substr(i));
}

void FragmentRenderer::render(std::string_view line, std::vector<std::string>& out) {
    const bool has_tag = line.find('<') != std::string_view::npos;
    if (!has_tag && trim(line).empty()) {
        // A blank line ends any HTML block, so one unclosed tag cannot swallow the file.
        finish(out);
        table_depth_ = 0;
        cells_in_row_ = 0;
        skip_.clear();
    }
    if (!has_tag && table_depth_ == 0 && skip_.empty()) {
        std::string s;
        append_decoded(s, line);
        out.push_back(std::move(s));
        return;
    }
    // A line with raw tabs is a table row: its cells' paragraphs must stay on it.
    const bool tab_row = line.find('\t') != std::string_view::npos;
    const std::size_t lines_before = out.size();
    std::string current = std::move(pending_row_);
    pending_row_.clear();
    const auto flush = [&](bool keep_empty) {
        if (table_depth_ > 0 || tab_row) current = tidy_cells(current);
        if (keep_empty || !trim(current).empty()) out.push_back(std::move(current));
        current.clear();
        cells_in_row_ = 0;
    };
    std::size_t next_gt = 0;
    bool gt_known = false;
    std::size_t i = 0;
    while (i < line.size()) {
        const std::size_t lt = line.find('<', i);
        const std::size_t text_end = lt == std::string_view::npos ? line.size() : lt;
        if (skip_.empty()) append_decoded(current, line.substr(i, text_end - i));
        if (lt == std::string_view::npos) break;
        if (!gt_known || next_gt < lt) {
            next_gt = line.find('>', lt);
            gt_known = true;
        }
        if (next_gt == std::string_view::npos) {
            if (skip_.empty()) append_decoded(current, line.substr(lt));
            break;
        }
        const std::optional<Tag> tag = parse_tag(line.substr(lt + 1, next_gt - lt - 1));
        if (!tag) {
            if (skip_.empty()) current.push_back('<');
            i = lt + 1;
            continue;
        }
        i = next_gt + 1;
        if (!skip_.empty()) {
            if (tag->closing && tag->name == skip_) skip_.clear();
            continue;
        }
        const bool in_cells = table_depth_ > 0 || tab_row;
        switch (tag->kind) {
            case TagKind::skip_content:
                if (!tag->closing) skip_ = tag->name;
                break;
            case TagKind::inline_tag:
                break;
            case TagKind::block:
                if (in_cells)
                    current.push_back(' ');
                else
                    flush(false);
                break;
            case TagKind::list_item:
                if (in_cells) {
                    current.push_back(' ');
                } else {
                    flush(false);
                    if (!tag->closing) current = "\xE2\x80\xA2 ";  // "• "
                }
                break;
            case TagKind::table:
                flush(false);
                if (tag->closing)
                    table_depth_ = std::max(0, table_depth_ - 1);
                else
                    table_depth_ = std::min(table_depth_ + 1, 64);
                break;
            case TagKind::row:
                if (table_depth_ > 0) flush(false);
                break;
            case TagKind::cell:
                if (!tag->closing && table_depth_ > 0) {
                    if (cells_in_row_ > 0) current.push_back('\t');
                    ++cells_in_row_;
                }
                break;
        }
    }
    if (table_depth_ > 0 && cells_in_row_ > 0 && current.size() < kMaxLineBytes) {
        // Row continues on the next line: keep it open.
        pending_row_ = std::move(current);
        return;
    }
    flush(out.size() == lines_before);
}

void FragmentRenderer::finish(std::vector<std::string>& out) {
    if (!pending_row_.empty()) out.push_back(tidy_cells(pending_row_));
    pending_row_.clear();
}

std::string FragmentRenderer::tidy_cells(std::string_view row) {
    std::string out;
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = row.find('\t', start);
        out += collapse_spaces(row.substr(start, tab == std::string_view::npos ? row.size() - start : tab - start));
        if (tab == std::string_view::npos) break;
        out.push_back('\t');
        start = tab + 1;
    }
    return out;
}

}  // namespace quorum::corpus
