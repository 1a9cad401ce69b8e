// Minute and agenda items: where each numbered item starts, its heading and its body.
// Item numbers are the strongest signal: a candidate is accepted only when it continues
// the sequence, so numbered discussion points and report paragraphs are not items.
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "quorum/corpus/dates.hpp"
#include "quorum/corpus/text.hpp"
#include "segment/structure.hpp"
#include "quorum/text/ascii.hpp"

namespace quorum::corpus::structure {
namespace {

using text::is_digit;
using text::is_lower;
using text::is_upper;

// Small words that stay lower case in title-case headings.
bool small_word(std::string_view w) {
    static const char* const words[] = {"a",  "an", "and", "as",  "at", "by",   "for", "from", "in",  "into",
                                        "of", "on", "or",  "the", "to", "with", "per", "vs",   "via", "&"};
    const std::string l = to_lower(w);
    for (const char* s : words)
        if (l == s) return true;
    return false;
}

// Letters of a word: ASCII case only (accented letters count as neither).
struct Case {
    int upper = 0, lower = 0;
};
Case letter_case(std::string_view w) {
    Case c;
    for (char ch : w) {
        if (is_upper(ch))
            ++c.upper;
        else if (is_lower(ch))
            ++c.lower;
    }
    return c;
}

using text::trim_view;

// "---o0o--67." -> "67."; separators printed by some minute templates between items.
std::string strip_separator(std::string_view s) {
    std::size_t i = 0;
    bool seen = false;
    while (i < s.size()) {
        if (s[i] == '-' || s[i] == '_' || s[i] == '=') {
            ++i;
            seen = true;
        } else if (s.substr(i, 3) == "o0o" || s.substr(i, 3) == "oOo") {
            i += 3;
            seen = true;
        } else {
            break;
        }
    }
    if (!seen || i < 3) return std::string(s);
    return std::string(trim_view(s.substr(i)));
}

// Leading item number: "60." / "60" / "111." followed by end or white space. Returns
// the number and sets `rest` to what follows.
std::optional<int> leading_number(std::string_view s, std::string_view& rest, bool& dotted) {
    std::size_t i = 0;
    while (i < s.size() && is_digit(s[i]) && i < 4) ++i;
    if (i == 0 || i > 3) return std::nullopt;
    const int n = std::atoi(std::string(s.substr(0, i)).c_str());
    dotted = false;
    std::size_t j = i;
    if (j < s.size() && s[j] == '.') {
        dotted = true;
        ++j;
        // "3.0 Apologies": the item whose sub-paragraphs are 3.1, 3.2 (parish minutes)
        if (j + 1 < s.size() && s[j] == '0' && (s[j + 1] == ' ' || s[j + 1] == '\t') && s[j - 1] == '.')
            ++j;
        else if (j < s.size() && is_digit(s[j]))
            return std::nullopt;  // "3.6" report paragraph
        // "1.Adoption of Minutes": PDF text that lost the space after the number
        if (j < s.size() && is_upper(s[j]) && s[j - 1] == '.') {
            rest = trim_view(s.substr(j));
            return n;
        }
    }
    if (j < s.size() && s[j] != ' ' && s[j] != '\t') return std::nullopt;
    rest = trim_view(s.substr(j));
    return n;
}

struct Candidate {
    std::size_t line = 0;
    int seq = 0;          // number used for the sequence
    std::string number;   // as printed ("60", "21/19")
    std::string heading;  // empty for a number alone on its line
    std::string rest;     // body text printed on the heading line (tables, run-on minutes)
    std::string pages;
    bool alone = false;  // number alone: heading on a following line
    bool dotted = false;
};

std::optional<Candidate> candidate_at(const Lines& lines, std::size_t i) {
    const std::string p = strip_separator(plain(lines[i].text));
    if (p.empty()) return std::nullopt;
    Candidate c;
    c.line = i;
    // Tab-separated agenda row: "1.<TAB>HEADING description<TAB>9 - 16"
    if (p.find('\t') != std::string::npos) {
        std::vector<std::string> cells;
        std::size_t start = 0;
        while (true) {
            const std::size_t tab = p.find('\t', start);
            cells.emplace_back(trim_view(
                std::string_view(p).substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        std::string_view rest;
        bool dotted = false;
        const auto n = leading_number(cells[0], rest, dotted);
        if (!n || !rest.empty() || cells.size() < 2 || cells[1].empty()) return std::nullopt;
        c.seq = *n;
        c.number = std::to_string(*n);
        c.dotted = dotted;
        c.heading = heading_prefix(cells[1]);
        if (c.heading.size() < cells[1].size())
            c.rest = std::string(trim_view(std::string_view(cells[1]).substr(c.heading.size())));
        for (std::size_t k = cells.size(); k-- > 2;)
            if (!cells[k].empty()) {
                c.pages = page_range(cells[k]);
                break;
            }
        return c;
    }
    // Parish style "21/19 Heading and body"
    {
        std::size_t a = 0;
        while (a < p.size() && is_digit(p[a])) ++a;
        if (a >= 1 && a <= 3 && a < p.size() && p[a] == '/') {
            std::size_t b = a + 1;
            while (b < p.size() && is_digit(p[b])) ++b;
            if (b - a - 1 >= 2 && b - a - 1 <= 4 && b < p.size() && p[b] == ' ') {
                const std::string_view rest = trim_view(std::string_view(p).substr(b));
                c.seq = std::atoi(p.substr(0, a).c_str());
                c.number = p.substr(0, b);
                c.heading = heading_prefix(rest);
                if (c.heading.size() < rest.size()) c.rest = std::string(trim_view(rest.substr(c.heading.size())));
                c.dotted = true;
                return c;
            }
        }
    }
    std::string_view rest;
    bool dotted = false;
    // "Item 5 War Memorial", "Item 10 - Budget:", "Item 3:" — a labelled number
    std::string_view numbered = p;
    const bool labelled = starts_with_ci(p, "item ") && p.size() > 5 && is_digit(p[5]);
    if (labelled) numbered = std::string_view(p).substr(5);
    const auto n = leading_number(numbered, rest, dotted);
    if (!n) {
        if (!labelled) return std::nullopt;
        // "Item 10 - Budget:" / "Item 3:"
        std::size_t k = 0;
        while (k < numbered.size() && is_digit(numbered[k])) ++k;
        std::string_view r = numbered.substr(k);
        if (r.empty() || !(r.front() == ':' || r.front() == '-')) return std::nullopt;
        c.seq = std::atoi(std::string(numbered.substr(0, k)).c_str());
        c.number = std::to_string(c.seq);
        c.dotted = true;
        r.remove_prefix(1);
        r = trim_view(r);
        if (r.substr(0, 2) == "- ") r = trim_view(r.substr(2));
        if (r.empty()) {
            c.alone = true;
            return c;
        }
        std::string h(r);
        while (!h.empty() && h.back() == ':') h.pop_back();
        c.heading = h;
        return c;
    }
    c.seq = *n;
    c.number = std::to_string(*n);
    c.dotted = dotted || labelled;
    if (labelled) {
        // "Item 5 - War Memorial"
        if (rest.substr(0, 2) == "- " || rest.substr(0, 2) == ": ") rest = trim_view(rest.substr(2));
        while (!rest.empty() && rest.back() == ':') rest.remove_suffix(1);
    }
    if (rest.empty()) {
        if (!dotted && p.size() > 3) return std::nullopt;
        c.alone = true;
        return c;
    }
    std::string heading(rest);
    // "(Pages 9 - 10)" after the heading
    const std::size_t paren = heading.rfind("(Page");
    if (paren != std::string::npos) {
        c.pages = page_range(std::string_view(heading).substr(paren));
        if (!c.pages.empty()) heading = std::string(trim_view(std::string_view(heading).substr(0, paren)));
    }
    // "3. Minutes: It was agreed that ..." — a short label, then the minute itself
    const std::size_t colon = heading.find(": ");
    if (colon != std::string::npos && colon <= 60 && heading_score(heading) == 0) {
        const std::string label = heading.substr(0, colon);
        if (split_words(label).size() <= 7 && heading_score(label) >= 1) {
            c.rest = std::string(trim_view(std::string_view(heading).substr(colon + 1)));
            heading = label;
        }
    }
    c.heading = heading;
    return c;
}

// ModernGov minutes print the agenda number after a wrapped heading: "... record (Item 3)".
bool ends_with_item_marker(std::string_view p, std::string_view& before) {
    p = trim_view(p);
    if (p.empty() || p.back() != ')') return false;
    const std::size_t open = p.rfind("(Item ");
    if (open == std::string_view::npos) return false;
    for (std::size_t k = open + 6; k + 1 < p.size(); ++k)
        if (!is_digit(p[k]) && p[k] != ' ') return false;
    before = trim_view(p.substr(0, open));
    return true;
}

// "Kenneth L. Johnson", "TJ Dow": capitalised words with an initial, nothing else.
bool person_like(std::string_view heading) {
    const auto words = split_words(heading);
    if (words.size() < 2 || words.size() > 4) return false;
    bool initial = false;
    for (const auto& w : words) {
        if (!is_upper(w.front())) return false;
        const Case c = letter_case(w);
        if ((w.size() == 2 && w[1] == '.') || (c.lower == 0 && c.upper == 2 && w.size() == 2))
            initial = true;
        else if (c.lower == 0)
            return false;  // a word in capitals: a heading
        for (char ch : w)
            if (is_digit(ch)) return false;
    }
    return initial;
}

bool meeting_end_line(std::string_view p) {
    const std::string l = to_lower(p);
    static const char* const starts[] = {"the meeting ended",    "the meeting closed",     "the meeting concluded",
                                         "the meeting finished", "the meeting terminated", "meeting ended at",
                                         "meeting closed at",    "the meeting was closed"};
    for (const char* s : starts)
        if (l.rfind(s, 0) == 0) return true;
    return false;
}

bool signature_line(std::string_view p) {
    const std::string l = to_lower(p);
    return l == "chairperson" || l == "chairman" || l == "chair" || l == "signed" || l == "cathaoirleach";
}

// Next non-blank line index in [from, end), or end.
std::size_t next_content(const Lines& lines, std::size_t from, std::size_t end) {
    while (from < end && is_blank(lines[from].text)) ++from;
    return from;
}

}  // namespace

// ---- line shapes ------------------------------------------------------------------------

bool is_blank(std::string_view text) {
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\f') {
            // NBSP (C2 A0) is blank too
            if (static_cast<unsigned char>(c) == 0xC2 || static_cast<unsigned char>(c) == 0xA0) continue;
            return false;
        }
    return true;
}

bool contains_ci(std::string_view text, std::string_view needle) {
    return to_lower(text).find(to_lower(needle)) != std::string::npos;
}

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ' && text[j] != '\t') ++j;
        if (j > i) out.emplace_back(text.substr(i, j - i));
        i = j;
    }
    return out;
}

std::string plain(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '*' || c == '_') && i + 1 < text.size() && text[i + 1] == c) {
            ++i;  // "**bold**", "__bold__"
            continue;
        }
        if (c == '<' && i + 1 < text.size() &&
            (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '/')) {
            const std::size_t gt = text.find('>', i);
            if (gt != std::string_view::npos && gt - i < 200) {
                out.push_back(' ');
                i = gt;
                continue;
            }
        }
        if (c == '\\' && i + 1 < text.size() &&
            std::string_view(".-*_#()[]+!").find(text[i + 1]) != std::string_view::npos) {
            out.push_back(text[++i]);  // Markdown escape: "1\." -> "1."
            continue;
        }
        if (c == '\r' || c == '\f') continue;
        if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() &&
            static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            out.push_back(' ');  // NBSP
            ++i;
            continue;
        }
        out.push_back(c);
    }
    // collapse spaces (not tabs), trim
    std::string r;
    r.reserve(out.size());
    for (char c : out) {
        if (c == ' ' && (r.empty() || r.back() == ' ' || r.back() == '\t')) continue;
        if (c == '\t' && !r.empty() && r.back() == ' ') r.pop_back();
        r.push_back(c);
    }
    return std::string(trim_view(r));
}

int heading_score(std::string_view text) {
    const std::string_view t = trim_view(text);
    if (t.empty() || t.size() > 160) return 0;
    const auto words = split_words(t);
    if (words.empty() || words.size() > 22) return 0;
    const char last = t.back();
    if (last == '?' || last == ';' || last == ',') return 0;
    int upper_words = 0, lower_words = 0, cap_words = 0, letters_words = 0;
    for (const auto& w : words) {
        const Case c = letter_case(w);
        if (c.upper + c.lower == 0) continue;
        ++letters_words;
        if (c.lower == 0) ++upper_words;
        const char first =
            w.front() == '(' || w.front() == '\'' || w.front() == '"' ? (w.size() > 1 ? w[1] : ' ') : w.front();
        if (is_upper(first) || is_digit(first))
            ++cap_words;
        else if (is_lower(first) && !small_word(w))
            ++lower_words;
    }
    if (letters_words == 0) return 0;
    // A sentence: ends with a full stop after several words.
    const bool full_stop = last == '.';
    if (upper_words == letters_words && letter_case(t).upper >= 3) return full_stop && words.size() > 6 ? 0 : 3;
    if (full_stop && words.size() > 4) return 0;
    if (!is_upper(words.front().front()) && !is_digit(words.front().front()) && words.front().front() != '(') return 0;
    if (lower_words == 0) return 2;
    if (words.size() <= 10 && !full_stop) return 1;
    return 0;
}

std::string heading_prefix(std::string_view text) {
    const std::string_view t = trim_view(text);
    const auto words = split_words(t);
    if (words.empty()) return {};
    // Capitals run: "APOLOGIES FOR ABSENCE To receive ..." (a lone capital word such as "A"
    // or "I" starting the body is not part of the heading).
    std::size_t caps = 0;
    for (const auto& w : words) {
        const Case c = letter_case(w);
        if (c.lower > 0) break;
        ++caps;
    }
    std::size_t n_words = 0;
    if (caps >= 1 && letter_case(words[0]).upper >= 2) {
        n_words = caps;
        // The body's first word may be a capital "A" or "I": give it back.
        if (n_words < words.size() && n_words > 1 && words[n_words - 1].size() == 1) --n_words;
    } else {
        // Title case run: stop at the first lower-case word that is not a small word; the
        // capitalised word before it starts the body sentence.
        std::size_t i = 0;
        for (; i < words.size(); ++i) {
            const char f = words[i].front();
            if (is_lower(f) && !small_word(words[i])) break;
        }
        if (i >= words.size()) return std::string(t);
        const auto list_label = [](const std::string& w) {  // "a)", "(b)", "ii)"
            return w.size() <= 5 && (w.back() == ')') && is_lower(w.front() == '(' && w.size() > 1 ? w[1] : w.front());
        };
        n_words = list_label(words[i]) ? i : (i > 1 ? i - 1 : i);
        while (n_words > 0 && small_word(words[n_words - 1])) --n_words;
        if (n_words == 0) return std::string(t);
        // A heading in sentence case ("Apologies for absence Apologies were received"): the
        // cut above falls inside it, before a lower-case word. The body starts instead at the
        // first capitalised word followed by a lower-case one ("Apologies were", "There were").
        // Only a word that starts sentences, or repeats the heading's first word, starts it:
        // in "No Declarations of Interest made" the body has not begun at "Interest".
        const auto starts_body = [&](std::size_t k) {
            static const char* const starters[] = {
                "the",   "there",      "it",          "this",    "these",   "a",     "an", "cllr",
                "cllr.", "councillor", "councillors", "members", "council", "clerk", "we", "he",
                "she",   "they",       "all",         "no",      "mr",      "mrs",   "ms", "following"};
            const std::string w = to_lower(words[k]);
            if (w == to_lower(words[0])) return true;
            for (const char* s : starters)
                if (w == s) return true;
            return false;
        };
        if (n_words < words.size() && is_lower(words[n_words].front()) && !list_label(words[n_words])) {
            for (std::size_t k = n_words + 1; k + 1 < words.size() && k <= 14; ++k) {
                if (!is_upper(words[k].front()) || !is_lower(words[k + 1].front()) || small_word(words[k + 1]))
                    continue;
                if (starts_body(k)) n_words = k;
                break;
            }
        }
        // Never inside brackets: "Clerk's Report (Inc Matters Arising) a) Buckenham Drive"
        int open = 0;
        for (std::size_t k = 0; k < n_words; ++k)
            for (char c : words[k]) open += c == '(' ? 1 : c == ')' ? -1 : 0;
        while (open > 0 && n_words < words.size()) {
            for (char c : words[n_words]) open += c == '(' ? 1 : c == ')' ? -1 : 0;
            ++n_words;
        }
    }
    if (n_words >= words.size()) return std::string(t);
    // Rebuild from the original text to keep its spacing.
    std::size_t pos = 0;
    for (std::size_t k = 0; k < n_words; ++k) {
        pos = t.find(words[k], pos);
        pos += words[k].size();
    }
    return std::string(trim_view(t.substr(0, pos)));
}

std::string page_range(std::string_view text) {
    std::string_view t = trim_view(text);
    if (starts_with_ci(t, "(pages"))
        t = t.substr(6);
    else if (starts_with_ci(t, "(page"))
        t = t.substr(5);
    else if (starts_with_ci(t, "pages"))
        t = t.substr(5);
    if (!t.empty() && t.back() == ')') t.remove_suffix(1);
    t = trim_view(t);
    std::size_t i = 0;
    while (i < t.size() && is_digit(t[i])) ++i;
    if (i == 0 || i > 4) return {};
    std::string from(t.substr(0, i));
    std::string_view r = trim_view(t.substr(i));
    if (r.empty()) return from;
    if (r.front() == '-')
        r.remove_prefix(1);
    else if (r.substr(0, 3) == "\xE2\x80\x93")
        r.remove_prefix(3);  // en dash
    else
        return {};
    r = trim_view(r);
    std::size_t j = 0;
    while (j < r.size() && is_digit(r[j])) ++j;
    if (j == 0 || j != r.size()) return {};
    return from + "-" + std::string(r);
}

// ---- sections ------------------------------------------------------------------------------

bool is_section_heading(const Lines& lines, std::size_t i, bool report) {
    const std::string p = plain(lines[i].text);
    if (p.empty() || p.find('\t') != std::string::npos) return false;
    const bool blank_before = i == 0 || is_blank(lines[i - 1].text);
    const bool blank_after = i + 1 >= lines.size() || is_blank(lines[i + 1].text);
    if (!blank_before || !blank_after) return false;
    const auto words = split_words(p);
    if (words.size() > 14 || p.size() > 100) return false;
    const char last = p.back();
    if (last == ':' || last == ';' || last == ',' || last == '?') return false;
    if (last == '.' && words.size() > 4) return false;
    const char first = p.front();
    if (first == '-' || first == '(' || first == '*' || first == '[') return false;
    // "A) the Commissioning Plan ...", "ii) ...": a lettered point of a list or a decision
    {
        std::size_t k = 0;
        while (k < p.size() && k < 4 && std::isalpha(static_cast<unsigned char>(p[k]))) ++k;
        if (k >= 1 && k <= 3 && k + 1 < p.size() && p[k] == ')' && p[k + 1] == ' ') return false;
    }
    if (starts_with_ci(p, "\xE2\x80\xA2") || starts_with_ci(p, "\xC2\xB7")) return false;  // bullets
    if (starts_with_ci(p, "table ") || starts_with_ci(p, "figure ")) return false;
    // "Answer" between a question and its answer is a marker, read with the question
    if (const std::string l = to_lower(p); l == "answer" || l == "reply" || l == "response") return false;
    if (find_date(p) || find_time(p)) return false;
    if (is_digit(first)) {
        // "1 Overview", "3. Changes in Demand": numbered section headings only in reports
        if (!report) return false;
        std::size_t k = 0;
        while (k < p.size() && is_digit(p[k])) ++k;
        if (k > 2 || k >= p.size()) return false;
        if (p[k] == '.') {
            // "1. Introduction" heads a section only when its paragraphs are numbered under
            // it ("1.1 ..."); in a report numbered 1, 2, 3 ... "33. Cost of transformation"
            // is a paragraph of its own.
            const std::string number = p.substr(0, k + 1);
            std::size_t j = i + 1;
            while (j < lines.size() && is_blank(lines[j].text)) ++j;
            if (j >= lines.size()) return false;
            const std::string next = plain(lines[j].text);
            if (!next.starts_with(number) || next.size() <= number.size() || !is_digit(next[number.size()]))
                return false;
            ++k;
        }
        if (k >= p.size() || p[k] != ' ') return false;
        return heading_score(p.substr(k + 1)) >= 1 && words.size() <= 8;
    }
    const int score = heading_score(p);
    if (report) return score >= 1 && words.size() <= 12;
    return score >= 2 && words.size() <= 10;
}

// ---- items ---------------------------------------------------------------------------------

bool mentions_exempt(std::string_view text) {
    const std::string l = to_lower(text);
    return l.find("exclusion of the press") != std::string::npos || l.find("exclusion of press") != std::string::npos ||
           l.find("schedule 12a") != std::string::npos || l.find("exempt information") != std::string::npos ||
           l.find("press and public be excluded") != std::string::npos ||
           l.find("public and press be excluded") != std::string::npos || l == "part ii" ||
           l.rfind("part ii ", 0) == 0 || l.rfind("part 2 -", 0) == 0 || l.find("(part ii)") != std::string::npos ||
           l.find("confidential item") != std::string::npos;
}

ExclusionScope exclusion_scope(std::string_view text) {
    ExclusionScope scope;
    const std::string l = to_lower(text);
    // "item 12", "items 12 and 13", "minute 127/20", "agenda item 9"
    for (const char* word : {"items ", "item ", "minutes ", "minute ", "item no. ", "item number "}) {
        std::size_t at = 0;
        while ((at = l.find(word, at)) != std::string::npos) {
            std::size_t k = at + std::string_view(word).size();
            at = k;
            // a list: "12, 13 and 14"
            while (k < l.size()) {
                std::size_t e = k;
                while (e < l.size() &&
                       (is_digit(l[e]) || l[e] == '/' || (l[e] == '.' && e + 1 < l.size() && is_digit(l[e + 1]))))
                    ++e;
                if (e == k || !is_digit(l[k])) break;
                std::string n = l.substr(k, e - k);
                if (std::find(scope.numbers.begin(), scope.numbers.end(), n) == scope.numbers.end())
                    scope.numbers.push_back(n);
                k = e;
                if (l.compare(k, 2, ", ") == 0)
                    k += 2;
                else if (l.compare(k, 5, " and ") == 0)
                    k += 5;
                else if (l.compare(k, 3, " & ") == 0)
                    k += 3;
                else
                    break;
            }
        }
    }
    scope.following_only =
        scope.numbers.empty() &&
        (l.find("following item ") != std::string::npos || l.find("following item.") != std::string::npos ||
         l.find("next item") != std::string::npos || l.find("this item") != std::string::npos);
    return scope;
}

std::optional<bool> part_marker(std::string_view plain_line) {
    std::string l = to_lower(trim_view(plain_line));
    while (!l.empty() && (l.back() == ':' || l.back() == '.' || l.back() == ' ')) l.pop_back();
    if (l.size() > 90) return std::nullopt;
    if (l == "part ii" || l == "part 2" || l == "exempt items" || l == "exempt business" || l == "restricted items" ||
        l == "confidential items" || l == "confidential business" || l.rfind("part ii -", 0) == 0 ||
        l.rfind("part 2 -", 0) == 0 || l.rfind("part ii \xE2\x80\x93", 0) == 0 || l == "exempt")
        return true;
    if (l == "part i" || l == "part 1" || l == "unrestricted items" || l == "open items" || l == "public items" ||
        l.rfind("part i -", 0) == 0 || l.rfind("part 1 -", 0) == 0 ||
        l.find("public were readmitted") != std::string::npos ||
        l.find("public were re-admitted") != std::string::npos ||
        l.find("public returned to the meeting") != std::string::npos ||
        l.find("meeting resumed in public") != std::string::npos ||
        l.find("public session resumed") != std::string::npos)
        return false;
    return std::nullopt;
}

bool is_procedural(const Item& item, const Lines& body) {
    const std::string h = to_lower(item.title);
    auto has = [&](const char* s) { return h.find(s) != std::string::npos; };
    if (has("apolog") || has("substitut") || has("declaration")) return true;
    if (has("date of next meeting") || has("date of the next meeting") || has("next meeting")) return true;
    if (h.rfind("minutes", 0) == 0 || has("adoption of minutes") || has("confirmation of minutes") ||
        has("minutes of the previous") || has("minutes of the last") || has("approval of minutes") ||
        has("to approve the minutes") || has("minutes and action log"))
        return true;
    if (has("exclusion of the press") || has("exclusion of press")) return true;
    if (has("question")) {
        // Questions are procedural only when none were received.
        std::string text;
        for (const auto& l : body) text += to_lower(l.text) + " ";
        const bool none = text.find("no question") != std::string::npos ||
                          text.find("no written question") != std::string::npos ||
                          text.find("there were none") != std::string::npos ||
                          text.find("no questions had been received") != std::string::npos;
        // An agenda's "To receive any written questions" says nothing yet: procedural too.
        const bool agenda_stub = text.find("to receive any") != std::string::npos && text.size() < 900;
        return none || agenda_stub;
    }
    return false;
}

ItemLayout find_items(const Lines& lines, std::size_t begin, std::size_t end, DocumentKind kind) {
    ItemLayout layout;
    layout.first_item_line = end;
    // Where the meeting ends: nothing after it belongs to an item.
    std::size_t stop = end;
    for (std::size_t i = begin; i < end; ++i)
        if (meeting_end_line(plain(lines[i].text))) {
            stop = i;
            break;
        }

    struct Accepted {
        Candidate c;
        std::size_t heading_line;                          // line holding the heading
        std::size_t displaced_from = 0, displaced_to = 0;  // lines that belong to the previous item
    };
    std::vector<Accepted> accepted;
    int last = -1;
    for (std::size_t i = begin; i < stop; ++i) {
        auto c = candidate_at(lines, i);
        if (!c) continue;
        const int k = c->seq;
        const bool continues = last < 0 || k == last + 1;
        const bool jumps = last >= 0 && k > last + 1 && k <= last + 4;
        if (!continues && !jumps) continue;
        Accepted a{*c, i, 0, 0};
        int score = 0;
        if (c->alone) {
            // Heading on a following line; body lines printed before it belong to the
            // previous item ("71." printed before the last lines of item 70).
            std::size_t j = next_content(lines, i + 1, stop);
            const std::size_t first = j;
            int seen = 0;
            bool found = false;
            while (j < stop && seen < 10) {
                const std::string p = plain(lines[j].text);
                if (candidate_at(lines, j)) break;
                const int s = heading_score(p);
                if ((j == first && s >= 1 && p.size() <= 120) || s >= 2) {
                    found = true;
                    score = s;
                    break;
                }
                ++seen;
                j = next_content(lines, j + 1, stop);
            }
            if (!found) continue;
            if (j != first) {
                if (accepted.empty() || heading_score(plain(lines[j].text)) < 3) continue;
                a.displaced_from = first;
                a.displaced_to = j;
            }
            a.heading_line = j;
            a.c.heading = plain(lines[j].text);
            const std::size_t paren = a.c.heading.rfind("(Page");
            if (paren != std::string::npos && !page_range(std::string_view(a.c.heading).substr(paren)).empty()) {
                a.c.pages = page_range(std::string_view(a.c.heading).substr(paren));
                a.c.heading = std::string(trim_view(std::string_view(a.c.heading).substr(0, paren)));
            }
        } else {
            score = heading_score(c->heading);
            if (!c->rest.empty() && score < 1) score = heading_score(heading_prefix(c->heading));
            // A sentence-case heading with its body on the line ("Apologies for absence
            // Apologies were received"): its capitalised start scores as it did alone.
            if (!c->rest.empty() && score < 2) {
                const auto words = split_words(c->heading);
                std::string start;
                for (const auto& w : words) {
                    if (is_lower(w.front())) break;
                    start += (start.empty() ? "" : " ") + w;
                }
                if (!start.empty() && start.size() < c->heading.size()) score = std::max(score, heading_score(start));
            }
            // A heading wrapped over lines that end with "(Item 3)".
            std::string_view before;
            if (ends_with_item_marker(c->heading, before)) {
                a.c.heading = std::string(before);
                score = std::max(score, 2);
            } else if (c->rest.empty()) {
                std::string joined = c->heading;
                for (std::size_t j = i + 1; j < stop && j <= i + 3; ++j) {
                    const std::string q = plain(lines[j].text);
                    if (q.empty() || q.size() > 160 || candidate_at(lines, j)) break;
                    if (ends_with_item_marker(q, before)) {
                        if (!before.empty()) joined += " " + std::string(before);
                        a.c.heading = joined;
                        a.heading_line = j;
                        score = std::max(score, 2);
                        break;
                    }
                    joined += " " + q;
                }
            }
        }
        // a date is not a heading ("18 January 7, 2015", "13 March, 2019" in a letterhead)
        if (!c->alone && c->heading.size() <= 30 && (find_date(c->heading) || find_date(c->number + " " + c->heading)))
            continue;
        // an undotted number before a person's name is a ward or roll list ("4 Kenneth L. Johnson")
        if (!c->dotted && person_like(a.c.heading)) continue;
        if (score < 1) continue;
        if (jumps && score < 2) continue;
        if (last < 0 && score < 2 && k != 1) continue;
        if (!c->dotted && !c->alone && score < 2) continue;
        accepted.push_back(std::move(a));
        last = k;
        // Skip past the heading line so it is not read as a candidate.
        if (accepted.back().heading_line > i) i = accepted.back().heading_line;
    }
    // Directories and contents lists ("4 Kenneth L. Johnson" / "5 Phyllis E. Cleveland"):
    // three or more undotted numbers in a row with nothing between them are a list, not items.
    {
        auto bodiless = [&](std::size_t n) {
            const Accepted& a = accepted[n];
            if (a.c.dotted || a.c.alone || !a.c.rest.empty()) return false;
            const std::size_t next = n + 1 < accepted.size() ? accepted[n + 1].c.line : stop;
            return next_content(lines, a.heading_line + 1, stop) >= next;
        };
        std::vector<bool> drop(accepted.size(), false);
        for (std::size_t n = 0; n < accepted.size();) {
            std::size_t m = n;
            while (m < accepted.size() && bodiless(m)) ++m;
            if (m - n >= 3)
                for (std::size_t k = n; k <= m && k < accepted.size(); ++k)
                    if (k < m || (!accepted[k].c.dotted && !accepted[k].c.alone)) drop[k] = true;
            n = m > n ? m : n + 1;
        }
        std::vector<Accepted> kept;
        for (std::size_t n = 0; n < accepted.size(); ++n)
            if (!drop[n]) kept.push_back(std::move(accepted[n]));
        accepted = std::move(kept);
    }
    if (accepted.empty()) return layout;
    layout.first_item_line = accepted.front().c.line;

    for (std::size_t n = 0; n < accepted.size(); ++n) {
        const Accepted& a = accepted[n];
        ItemBlock block;
        block.item.number = a.c.number;
        block.item.title = a.c.heading;
        block.item.pages_ref = a.c.pages;
        block.item.page = lines[a.heading_line].page;
        block.heading_line = a.heading_line;
        std::size_t body_end = n + 1 < accepted.size() ? accepted[n + 1].c.line : stop;
        if (n + 1 < accepted.size() && accepted[n + 1].displaced_from) {
            // lines printed after the next number but belonging here
            body_end = accepted[n + 1].c.line;
        }
        if (!a.c.rest.empty()) block.body.push_back(SourceLine{a.c.rest, lines[a.c.line].page});
        std::size_t from = a.heading_line + 1;
        // A capitals heading wrapped onto a short next line ("... PROGRESS" / "UPDATE").
        if (heading_score(block.item.title) == 3) {
            const std::size_t j = next_content(lines, from, body_end);
            if (j < body_end && j <= from + 1) {
                const std::string p = plain(lines[j].text);
                const auto w = split_words(p);
                if (!w.empty() && w.size() <= 3 && heading_score(p) == 3 && p.back() != ':' && a.c.rest.empty()) {
                    block.item.title += " " + p;
                    from = j + 1;
                }
            }
        }
        for (std::size_t j = from; j < body_end; ++j) {
            // A page range alone near the top of an agenda item: "59 - 86"
            if (block.item.pages_ref.empty() && j < from + 6) {
                const std::string pr = page_range(plain(lines[j].text));
                if (!pr.empty() && pr.find('-') != std::string::npos) {
                    block.item.pages_ref = pr;
                    continue;
                }
            }
            block.body.push_back(lines[j]);
        }
        if (n + 1 < accepted.size() && accepted[n + 1].displaced_from) {
            for (std::size_t j = accepted[n + 1].displaced_from; j < accepted[n + 1].displaced_to; ++j)
                block.body.push_back(lines[j]);
        }
        layout.items.push_back(std::move(block));
    }
    // Agendas end with notes (rights to information, recording...) after the last item:
    // they start at the first section heading after the last item's description.
    if (kind == DocumentKind::agenda && !layout.items.empty()) {
        Lines& body = layout.items.back().body;
        bool content = false;
        for (std::size_t j = 0; j < body.size(); ++j) {
            if (is_blank(body[j].text)) continue;
            if (content && is_section_heading(body, j, false)) {
                layout.trailer.assign(body.begin() + static_cast<std::ptrdiff_t>(j), body.end());
                body.resize(j);
                break;
            }
            content = true;
        }
    }
    // Drop a trailing signature ("Chairperson") from the last item.
    if (!layout.items.empty()) {
        Lines& body = layout.items.back().body;
        while (!body.empty() && (is_blank(body.back().text) || signature_line(plain(body.back().text))))
            body.pop_back();
    }
    for (auto& block : layout.items) {
        while (!block.body.empty() && is_blank(block.body.back().text)) block.body.pop_back();
        // The separator glued before the next item ("---o0o--At the conclusion ...")
        for (auto& l : block.body) {
            const std::string s = strip_separator(plain(l.text));
            if (s.size() != plain(l.text).size()) l.text = s;
        }
    }
    return layout;
}

}  // namespace quorum::corpus::structure
