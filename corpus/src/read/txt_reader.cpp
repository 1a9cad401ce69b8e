// Plain text and Markdown -> SourceText.
// Council text exports mix Markdown emphasis, HTML fragments copied from web pages and
// tab-separated table rows; the segmenter reads lines, so this reader turns all of that
// into plain lines while keeping tabs (table cells) and leading spaces (indentation).
// Every pass is linear in the line length: hostile input must not take quadratic time.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "quorum/corpus/text.hpp"
#include "read/source_readers.hpp"
#include "quorum/text/utf8.hpp"

namespace quorum::corpus {
namespace {

constexpr std::size_t kMaxLineBytes = 10000;

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

// ---- HTML entities ------------------------------------------------------------------

using text::append_utf8;

// Appends `text` with character references decoded; &nbsp; becomes a plain space.
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

// Renders the HTML fragments of text lines. State (open tables, skipped scripts)
// carries from line to line because copied tables sometimes span lines.
class FragmentRenderer {
public:
    // Appends the rendered lines of one source line to `out`.
    void render(std::string_view line, std::vector<std::string>& out) {
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

    // Emits a table row still open at the end of the file.
    void finish(std::vector<std::string>& out) {
        if (!pending_row_.empty()) out.push_back(tidy_cells(pending_row_));
        pending_row_.clear();
    }

private:
    // Cells: spaces collapsed and trimmed, tabs (cell boundaries) kept.
    static std::string tidy_cells(std::string_view row) {
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

    int table_depth_ = 0;
    int cells_in_row_ = 0;
    std::string skip_;         // name of the script/style element being skipped
    std::string pending_row_;  // a table row not closed on its line
};

// ---- Markdown inline ----------------------------------------------------------------

bool is_space_or_punct(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= ' ' || (u < 0x80 && std::ispunct(u) && c != '*' && c != '_');
}

// Removes paired emphasis markers ("**bold**", "*em*", "__x__", "_x_"); unpaired ones
// stay ("Councillor Fagan*" marks virtual attendance in minutes).
std::string strip_emphasis(const std::string& s, std::string_view marker, bool intraword_ok) {
    if (s.find(marker) == std::string::npos) return s;
    const std::size_t m = marker.size();
    std::vector<std::size_t> remove;  // start positions of paired markers
    std::size_t opener = std::string::npos;
    for (std::size_t i = 0; i + m <= s.size();) {
        if (s.compare(i, m, marker) != 0) {
            ++i;
            continue;
        }
        // Skip longer runs ("***") for the single marker.
        std::size_t run = i;
        while (run < s.size() && s[run] == marker[0]) ++run;
        if (run - i != m) {
            i = run;
            continue;
        }
        // A no-break space (C2 A0) counts as a space on either side.
        const bool nbsp_before = i >= 2 && s.compare(i - 2, 2, "\xC2\xA0") == 0;
        const bool nbsp_after = s.compare(i + m, 2, "\xC2\xA0") == 0;
        const char before = i == 0 || nbsp_before ? ' ' : s[i - 1];
        const char after = i + m >= s.size() || nbsp_after ? ' ' : s[i + m];
        const bool can_open = after != ' ' && after != '\t' && (intraword_ok || is_space_or_punct(before));
        const bool can_close = before != ' ' && before != '\t' && (intraword_ok || is_space_or_punct(after));
        if (can_close && opener != std::string::npos) {
            remove.push_back(opener);
            remove.push_back(i);
            opener = std::string::npos;
        } else if (can_open) {
            opener = i;
        }
        i += m;
    }
    if (remove.empty()) return s;
    std::sort(remove.begin(), remove.end());
    std::string out;
    out.reserve(s.size());
    std::size_t from = 0;
    for (const std::size_t r : remove) {
        out.append(s, from, r - from);
        from = r + m;
    }
    out.append(s, from, std::string::npos);
    return out;
}

// Backslash-escaped punctuation is parked in the private use area so emphasis and link
// passes leave it alone, then restored.
constexpr std::uint32_t kEscapeBase = 0xE000;

std::string park_escapes(std::string_view s) {
    if (s.find('\\') == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0x80 &&
            std::ispunct(static_cast<unsigned char>(s[i + 1]))) {
            append_utf8(out, kEscapeBase + static_cast<unsigned char>(s[i + 1]));
            ++i;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

std::string restore_escapes(std::string_view s) {
    if (s.find('\xEE') == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        // U+E000..U+E07F is EE 80 80 .. EE 81 BF
        if (static_cast<unsigned char>(s[i]) == 0xEE && i + 2 < s.size() &&
            (static_cast<unsigned char>(s[i + 1]) == 0x80 || static_cast<unsigned char>(s[i + 1]) == 0x81)) {
            const std::uint32_t c =
                ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) | (static_cast<unsigned char>(s[i + 2]) & 0x3F);
            out.push_back(static_cast<char>(c));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

// [text](url) -> text, ![alt](url) -> alt, <http://x> -> http://x. Bounded look-ahead.
std::string strip_links(const std::string& s) {
    if (s.find('[') == std::string::npos && s.find("<http") == std::string::npos &&
        s.find("<mailto:") == std::string::npos)
        return s;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '<' && (s.compare(i + 1, 4, "http") == 0 || s.compare(i + 1, 7, "mailto:") == 0)) {
            const std::size_t gt = s.find('>', i);
            if (gt != std::string::npos && gt - i < 2000 && s.find(' ', i) > gt) {
                out.append(s, i + 1, gt - i - 1);
                i = gt + 1;
                continue;
            }
        }
        const bool image = s[i] == '!' && i + 1 < s.size() && s[i + 1] == '[';
        if (s[i] == '[' || image) {
            const std::size_t open = image ? i + 1 : i;
            const std::size_t close = s.find(']', open);
            if (close != std::string::npos && close - open < 500 && close + 1 < s.size() && s[close + 1] == '(') {
                const std::size_t paren = s.find(')', close);
                if (paren != std::string::npos && paren - close < 2000) {
                    out.append(s, open + 1, close - open - 1);
                    i = paren + 1;
                    continue;
                }
            }
        }
        out.push_back(s[i]);
        ++i;
    }
    return out;
}

bool is_rule_line(std::string_view s) {
    // "---", "***", "___" (optionally spaced): a Markdown thematic break.
    char mark = 0;
    int count = 0;
    for (const char c : s) {
        if (c == ' ') continue;
        if (c != '-' && c != '*' && c != '_') return false;
        if (mark != 0 && c != mark) return false;
        mark = c;
        ++count;
    }
    return count >= 3;
}

bool is_pipe_alignment_row(std::string_view s) {
    // "| --- | :---: |"
    const std::string t = trim(s);
    if (t.empty() || t.find('-') == std::string::npos || t.find('|') == std::string::npos) return false;
    return std::all_of(t.begin(), t.end(), [](char c) { return c == '|' || c == '-' || c == ':' || c == ' '; });
}

std::string pipe_row_to_tabs(std::string_view s) {
    std::string t = trim(s);
    std::string_view v = t;
    if (!v.empty() && v.front() == '|') v.remove_prefix(1);
    if (!v.empty() && v.back() == '|') v.remove_suffix(1);
    std::string out;
    std::size_t start = 0;
    while (true) {
        const std::size_t bar = v.find('|', start);
        out += trim(v.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
        if (bar == std::string_view::npos) break;
        out.push_back('\t');
        start = bar + 1;
    }
    return out;
}

// A bold run that spans two lines leaves one "**" on each: a lone "**" touching a word
// is such a half pair and is dropped ("Place: **Plough Lane," / "HR4 0LE**").
std::string drop_lone_bold(std::string s) {
    std::size_t pos = 0;
    while ((pos = s.find("**", pos)) != std::string::npos) {
        std::size_t end = pos;
        while (end < s.size() && s[end] == '*') ++end;
        const bool word_before = pos > 0 && s[pos - 1] != ' ' && s[pos - 1] != '\t';
        const bool word_after = end < s.size() && s[end] != ' ' && s[end] != '\t';
        if (end - pos == 2 && word_before != word_after) {
            s.erase(pos, 2);
        } else {
            pos = end;
        }
    }
    return s;
}

// Strips emphasis only (plain text exports carry "**bold**" from their Markdown origin).
std::string text_line(std::string_view line) {
    std::string s(line);
    s = strip_emphasis(s, "**", false);
    s = strip_emphasis(s, "__", false);
    return drop_lone_bold(std::move(s));
}

std::string markdown_line(std::string_view line) {
    std::string s = park_escapes(line);
    // ATX heading "## Title" and block quote "> text".
    std::size_t lead = 0;
    while (lead < s.size() && s[lead] == ' ') ++lead;
    std::size_t hashes = lead;
    while (hashes < s.size() && s[hashes] == '#') ++hashes;
    if (hashes > lead && hashes - lead <= 6 && (hashes == s.size() || s[hashes] == ' ')) {
        s.erase(0, std::min(s.size(), hashes + 1));
        while (!s.empty() && (s.back() == '#' || s.back() == ' ')) s.pop_back();
    } else if (lead < s.size() && s[lead] == '>' && (lead + 1 == s.size() || s[lead + 1] == ' ')) {
        s.erase(0, std::min(s.size(), lead + 2));
    } else if (lead + 1 < s.size() && (s[lead] == '*' || s[lead] == '+') && s[lead + 1] == ' ') {
        s.replace(lead, 1, "\xE2\x80\xA2");  // "* item" bullet -> "• item"
    }
    s = strip_links(s);
    s = strip_emphasis(s, "**", false);
    s = strip_emphasis(s, "__", false);
    s = drop_lone_bold(std::move(s));
    s = strip_emphasis(s, "*", false);
    s = strip_emphasis(s, "_", false);
    return restore_escapes(s);
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
