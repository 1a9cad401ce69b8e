// Paragraphs and bullets: joins the wrapped lines of PDF text back into paragraphs.
// PDF text breaks lines mid-sentence, leaves runs of blank lines where bullet glyphs
// were, and splits sentences across page breaks; Markdown and web text give one
// paragraph per line. One set of rules serves both:
//  - a line continues the previous one when the previous does not end a sentence, or
//    the line starts lower case;
//  - across blank lines only when the sentence is unfinished and the line starts lower
//    case or with a digit, or the previous line ends on a word that cannot end a
//    sentence ("to", "the", "council's");
//  - across a page break (footer and header between) also when the unfinished sentence
//    goes on: a lower-case word, a digit, an open word or comma before the break, or a
//    last line that ran to the right margin (the paragraph had not ended);
//  - bullets, labelled points ("a)", "3.6", "12.") and decision keywords always start
//    a new block.
#include "units/blocks.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "quorum/corpus/text.hpp"
#include "units/resolutions.hpp"
#include "quorum/text/ascii.hpp"

namespace quorum::corpus {
namespace {

using text::is_space;

// Unlike text::trim_view, NBSP counts: PDF text uses it for indentation.
std::string_view trim_indent(std::string_view s) {
    // ASCII spaces and NBSP (C2 A0), which PDF text uses for indentation.
    for (;;) {
        if (!s.empty() && is_space(s.front())) {
            s.remove_prefix(1);
        } else if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC2 &&
                   static_cast<unsigned char>(s[1]) == 0xA0) {
            s.remove_prefix(2);
        } else {
            break;
        }
    }
    for (;;) {
        if (!s.empty() && is_space(s.back())) {
            s.remove_suffix(1);
        } else if (s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2 &&
                   static_cast<unsigned char>(s.back()) == 0xA0) {
            s.remove_suffix(2);
        } else {
            break;
        }
    }
    return s;
}

// Bullet glyphs seen in council documents (UTF-8), each followed by a space.
constexpr std::array<std::string_view, 14> kBullets = {"-",
                                                       "*",
                                                       "\xE2\x80\xA2" /* • */,
                                                       "\xC2\xB7" /* · */,
                                                       "\xEF\x82\xB7" /* PDF symbol bullet */,
                                                       "\xE2\x96\xAA" /* ▪ */,
                                                       "\xE2\x97\x8F" /* ● */,
                                                       "\xE2\x97\x8B" /* ○ */,
                                                       "\xE2\x96\xA0" /* ■ */,
                                                       "\xE2\x9E\xA2" /* ➢ */,
                                                       "\xE2\x96\xBA" /* ► */,
                                                       "\xE2\x9C\x93" /* ✓ */,
                                                       "\xE2\x80\x93" /* – */,
                                                       "\xEF\x82\xA7" /* PDF square bullet */};

// Length of a bullet marker and the spaces after it, or 0.
std::size_t bullet_length(std::string_view s) {
    for (const std::string_view b : kBullets) {
        if (s.size() > b.size() && s.substr(0, b.size()) == b) {
            std::size_t n = b.size();
            const bool space = is_space(s[n]) || (s.size() > n + 1 && static_cast<unsigned char>(s[n]) == 0xC2 &&
                                                  static_cast<unsigned char>(s[n + 1]) == 0xA0);
            // "**bold**" is emphasis, not a bullet; glyph bullets may touch the text.
            const bool glyph = b.size() > 1 && b != "\xE2\x80\x93";
            if (!space && !glyph) continue;
            while (n < s.size() && is_space(s[n])) ++n;
            while (n + 1 < s.size() && static_cast<unsigned char>(s[n]) == 0xC2 &&
                   static_cast<unsigned char>(s[n + 1]) == 0xA0) {
                n += 2;
                while (n < s.size() && is_space(s[n])) ++n;
            }
            return n;
        }
    }
    return 0;
}

bool is_roman(std::string_view s) {
    if (s.empty() || s.size() > 5) return false;
    for (const char c : s) {
        if (c != 'i' && c != 'v' && c != 'x') return false;
    }
    return true;
}

bool starts_lower(std::string_view s) { return !s.empty() && std::islower(static_cast<unsigned char>(s.front())) != 0; }

bool starts_lower_or_digit(std::string_view s) {
    return !s.empty() && (std::islower(static_cast<unsigned char>(s.front())) != 0 ||
                          std::isdigit(static_cast<unsigned char>(s.front())) != 0);
}

// Words that cannot end a sentence: a paragraph ending on one continues after a page break.
bool ends_with_open_word(std::string_view text) {
    static constexpr std::array<std::string_view, 32> kOpen = {
        "a",  "an",   "the",  "to",   "of",   "and",   "or",  "for",   "in",  "on",  "at",
        "by", "with", "from", "as",   "that", "which", "its", "their", "our", "his", "her",
        "be", "is",   "was",  "were", "are",  "has",   "had", "have",  "but", "than"};
    const std::string folded = fold_key(text);
    std::size_t end = folded.size();
    while (end > 0 && !std::isalnum(static_cast<unsigned char>(folded[end - 1])) && folded[end - 1] != '\'') --end;
    std::size_t begin = end;
    while (begin > 0 && (std::isalnum(static_cast<unsigned char>(folded[begin - 1])) || folded[begin - 1] == '\''))
        --begin;
    const std::string_view word = std::string_view(folded).substr(begin, end - begin);
    if (word.size() > 2 && word.substr(word.size() - 2) == "'s") return true;  // "the council's"
    for (const std::string_view w : kOpen) {
        if (word == w) return true;
    }
    return false;
}

bool ends_with_comma(std::string_view text) {
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return !text.empty() && text.back() == ',';
}

// Columns a line's text reaches, indentation included (UTF-8 continuation bytes not counted).
std::size_t end_column(std::string_view raw) {
    while (!raw.empty() && is_space(raw.back())) raw.remove_suffix(1);
    std::size_t n = 0;
    for (const char c : raw) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

// The right margin of a body's text: the column most of its longest lines reach (90th
// percentile, so that one overlong line does not set it). 0 when there are too few lines.
std::size_t right_margin(std::span<const SourceLine> lines) {
    std::vector<std::size_t> ends;
    for (const SourceLine& l : lines) {
        if (l.text.find('\t') != std::string::npos) continue;
        if (const std::size_t e = end_column(l.text); e > 0) ends.push_back(e);
    }
    if (ends.size() < 4) return 0;
    std::sort(ends.begin(), ends.end());
    return ends[ends.size() * 9 / 10];
}

bool starts_table_caption(std::string_view s) {
    return s.size() > 6 && (s.substr(0, 6) == "Table " || s.substr(0, 6) == "TABLE ") &&
           std::isdigit(static_cast<unsigned char>(s[6])) != 0;
}

bool starts_response(std::string_view s) {
    const std::string folded = fold_key(s.substr(0, 40));
    return folded.rfind("response:", 0) == 0 || folded.rfind("record of verbal response", 0) == 0;
}

std::vector<std::string> split_cells(std::string_view line) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        const std::string_view cell =
            line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
        cells.push_back(collapse_spaces(strip_emphasis(trim_indent(cell))));
        if (tab == std::string_view::npos) break;
        start = tab + 1;
    }
    return cells;
}

void append_text(Block& block, std::string_view line) {
    if (block.text.empty()) {
        block.text = std::string(line);
    } else if (block.text.size() >= 2 && block.text.back() == '-' &&
               std::isalpha(static_cast<unsigned char>(block.text[block.text.size() - 2])) != 0 && starts_lower(line)) {
        block.text += line;  // "Multi-" + "agency": a word hyphenated at the line end
    } else {
        block.text += ' ';
        block.text += line;
    }
    ++block.lines;
}

class Splitter {
public:
    std::vector<Piece> run(std::span<const SourceLine> lines) {
        margin_ = right_margin(lines);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string_view raw = lines[i].text;
            const std::string_view line = trim_indent(raw);
            if (line.empty() || only_emphasis(line)) {
                ++blanks_;
                continue;
            }
            if (raw.find('\t') != std::string_view::npos) {
                add_table_row(raw, lines[i].page);
            } else {
                add_text_line(line, lines[i].page);
                // a line that reaches the right margin was wrapped, not ended
                last_line_full_ = margin_ > 0 && end_column(raw) * 10 >= margin_ * 9;
            }
            blanks_ = 0;
        }
        flush_block();
        flush_table();
        return std::move(pieces_);
    }

private:
    static bool only_emphasis(std::string_view s) {
        for (const char c : s) {
            if (c != '*' && c != '_' && c != '#') return false;
        }
        return true;
    }

    void add_table_row(std::string_view raw, int page) {
        flush_block();
        std::vector<std::string> cells = split_cells(raw);
        if (in_table_) {
            const std::size_t width = table_.rows.front().size();
            const bool continuation = !cells.empty() && cells.front().empty() && cells.size() <= width;
            // Blank lines inside a table (page breaks) keep it open; a change of width ends it.
            if (cells.size() != width && !continuation) flush_table();
        }
        if (!in_table_) {
            in_table_ = true;
            table_ = TableRun{};
            table_.page = page;
        }
        table_.rows.push_back(std::move(cells));
        table_.last_page = page;
    }

    void add_text_line(std::string_view line, int page) {
        flush_table();
        std::string clean = strip_emphasis(line);
        std::string_view rest = trim_indent(clean);
        if (rest.empty()) return;
        // Markdown headings: "## Minutes" -> "Minutes", always a block of its own.
        bool markdown_heading = false;
        if (rest.front() == '#') {
            while (!rest.empty() && rest.front() == '#') rest.remove_prefix(1);
            rest = trim_indent(rest);
            markdown_heading = true;
            if (rest.empty()) return;
        }
        bool bullet = false;
        if (const std::size_t b = bullet_length(rest); b > 0) {
            bullet = true;
            rest = trim_indent(rest.substr(b));
            if (rest.empty()) {
                // A bullet glyph alone on its line: the text follows on the next line.
                flush_block();
                open_ = true;
                current_ = Block{};
                current_.bullet = true;
                current_.page = page;
                current_.blank_before = blanks_ > 0;
                return;
            }
        }
        std::string label;
        LabelKind kind = LabelKind::none;
        if (const std::size_t n = parse_label(rest, label, kind); n > 0) rest = trim_indent(rest.substr(n));
        const bool marked = bullet || kind != LabelKind::none;

        if (open_ && !marked && !markdown_heading && continues(rest, page)) {
            append_text(current_, rest);
            if (current_.page == 0) current_.page = page;
            last_page_ = page;
            return;
        }
        flush_block();
        open_ = true;
        current_ = Block{};
        current_.bullet = bullet;
        current_.label = std::move(label);
        current_.label_kind = kind;
        current_.page = page;
        current_.blank_before = blanks_ > 0 || pieces_.empty();
        current_.text = std::string(rest);
        current_.lines = 1;
        last_page_ = page;
        if (markdown_heading) flush_block();
    }

    bool continues(std::string_view line, int page) const {
        if (current_.text.empty()) return true;  // a label or bullet alone on the previous line
        if (starts_resolution_keyword(line) || starts_table_caption(line) || starts_response(line)) return false;
        const bool finished = ends_sentence(current_.text);
        if (blanks_ == 0) return !finished || starts_lower(line);
        if (!finished && page > 0 && last_page_ > 0 && page > last_page_ && continues_over_page(line)) return true;
        if (heading_like(current_)) return false;
        if (starts_lower(line)) return true;
        if (finished) return false;
        return starts_lower_or_digit(line) || ends_with_open_word(current_.text);
    }

    // Regression (issue 13): "... funded by adult social care and" / footer "13" / "were
    // legally the responsibility ..." was two units: the last piece on the page was one short
    // line, which looked like a heading. Across a page break the sentence decides.
    bool continues_over_page(std::string_view line) const {
        if (starts_lower_or_digit(line) || ends_with_open_word(current_.text) || ends_with_comma(current_.text))
            return true;
        // "... plus Public" / "Health, Schools and General.": a capital after a full line
        return last_line_full_ && !heading_like(current_);
    }

    void flush_block() {
        if (!open_) return;
        open_ = false;
        if (current_.text.empty() && current_.label.empty()) return;
        Piece piece;
        piece.block = std::move(current_);
        pieces_.push_back(std::move(piece));
    }

    void flush_table() {
        if (!in_table_) return;
        in_table_ = false;
        Piece piece;
        piece.is_table = true;
        piece.table = std::move(table_);
        pieces_.push_back(std::move(piece));
    }

    std::vector<Piece> pieces_;
    Block current_;
    bool open_ = false;
    TableRun table_;
    bool in_table_ = false;
    int blanks_ = 0;
    int last_page_ = 0;            // page of the current block's last line
    std::size_t margin_ = 0;       // right margin of the body's text (right_margin)
    bool last_line_full_ = false;  // the last text line reached the margin
};

}  // namespace

std::size_t parse_label(std::string_view text, std::string& label, LabelKind& kind) {
    label.clear();
    kind = LabelKind::none;
    std::size_t i = 0;
    const auto space_at = [&](std::size_t at) -> std::size_t {  // bytes of a space (NBSP too) at `at`
        if (at < text.size() && is_space(text[at])) return 1;
        if (at + 1 < text.size() && static_cast<unsigned char>(text[at]) == 0xC2 &&
            static_cast<unsigned char>(text[at + 1]) == 0xA0) {
            return 2;
        }
        return 0;
    };
    const auto finish = [&](std::size_t end, LabelKind k) -> std::size_t {
        // A label is followed by a space and some text, or ends the line.
        if (end < text.size() && space_at(end) == 0) return 0;
        label = std::string(text.substr(0, end));
        kind = k;
        while (const std::size_t n = space_at(end)) end += n;
        return end;
    };
    if (text.empty()) return 0;
    if (text[0] == '(') {
        // "(a)", "(iv)", "(1)"
        const std::size_t close = text.find(')');
        if (close == std::string_view::npos || close < 2 || close > 6) return 0;
        const std::string_view inner = text.substr(1, close - 1);
        bool digits = true;
        for (const char c : inner) digits = digits && std::isdigit(static_cast<unsigned char>(c)) != 0;
        if (digits) return finish(close + 1, LabelKind::number);
        if (inner.size() == 1 && std::isupper(static_cast<unsigned char>(inner[0])) != 0)
            return finish(close + 1, LabelKind::letter);  // "(A)"
        if (inner.size() == 1 && std::islower(static_cast<unsigned char>(inner[0])) != 0) {
            return finish(close + 1,
                          inner == "i" || inner == "v" || inner == "x" ? LabelKind::roman : LabelKind::letter);
        }
        if (is_roman(inner)) return finish(close + 1, LabelKind::roman);
        return 0;
    }
    if (std::isdigit(static_cast<unsigned char>(text[0])) != 0) {
        // "12.", "12)", "3.6", "3.6.", "1.2.3"
        int groups = 0;
        while (i < text.size()) {
            const std::size_t start = i;
            while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0) ++i;
            if (i == start || i - start > 3) return 0;
            ++groups;
            if (i < text.size() && text[i] == '.' && i + 1 < text.size() &&
                std::isdigit(static_cast<unsigned char>(text[i + 1])) != 0) {
                ++i;
                continue;
            }
            break;
        }
        if (i < text.size() && (text[i] == '.' || text[i] == ')')) {
            ++i;
        } else if (groups < 2) {
            return 0;  // "86 females": a bare number is text
        }
        // "2.30 pm" is a time, "1.7m" an amount: a label is followed by a word.
        std::size_t next = i;
        while (const std::size_t n = space_at(next)) next += n;
        if (next < text.size() && groups >= 2 &&
            (text.substr(next, 2) == "pm" || text.substr(next, 2) == "am" || text.substr(next, 2) == "p." ||
             text.substr(next, 2) == "a.")) {
            return 0;
        }
        return finish(i, LabelKind::number);
    }
    // "A) the Commissioning Plan ..." (a record of decision's lettered parts); "A." is left
    // alone: it is as often an initial ("A. Smith").
    if (std::isupper(static_cast<unsigned char>(text[0])) != 0 && text.size() > 1 && text[1] == ')')
        return finish(2, LabelKind::letter);
    if (std::islower(static_cast<unsigned char>(text[0])) != 0) {
        // "a)", "a.", "iv)", "iv."
        while (i < text.size() && std::islower(static_cast<unsigned char>(text[i])) != 0) ++i;
        if (i >= text.size() || (text[i] != ')' && text[i] != '.')) return 0;
        const std::string_view letters = text.substr(0, i);
        if (letters.size() == 1) {
            return finish(i + 1,
                          letters == "i" || letters == "v" || letters == "x" ? LabelKind::roman : LabelKind::letter);
        }
        if (is_roman(letters)) return finish(i + 1, LabelKind::roman);
        return 0;
    }
    return 0;
}

std::string label_value(std::string_view label) {
    std::string out;
    for (const char c : label) {
        if (c != '(' && c != ')') out.push_back(c);
    }
    while (!out.empty() && out.back() == '.') out.pop_back();
    return out;
}

bool ends_sentence(std::string_view text) {
    std::string_view s = trim_indent(text);
    for (;;) {
        if (s.empty()) return false;
        const char c = s.back();
        if (c == '*' || c == '_' || c == '"' || c == '\'' || c == ')' || c == ']' || is_space(c)) {
            s.remove_suffix(1);
            continue;
        }
        // Closing curly quotes ” ’ (E2 80 9D / E2 80 99).
        if (s.size() >= 3 && static_cast<unsigned char>(s[s.size() - 3]) == 0xE2 &&
            static_cast<unsigned char>(s[s.size() - 2]) == 0x80 &&
            (static_cast<unsigned char>(c) == 0x9D || static_cast<unsigned char>(c) == 0x99)) {
            s.remove_suffix(3);
            continue;
        }
        return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
    }
}

bool heading_like(const Block& block) {
    if (block.lines != 1 || block.bullet || block.text.empty()) return false;
    if (block.text.size() > 80 || ends_sentence(block.text)) return false;
    const unsigned char c = static_cast<unsigned char>(block.text.front());
    return std::islower(c) == 0;
}

std::string strip_emphasis(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i + 1 < text.size() && ((text[i] == '*' && text[i + 1] == '*') || (text[i] == '_' && text[i + 1] == '_'))) {
            ++i;
            continue;
        }
        out.push_back(text[i]);
    }
    return out;
}

std::vector<Piece> split_pieces(std::span<const SourceLine> lines) { return Splitter{}.run(lines); }

}  // namespace quorum::corpus
