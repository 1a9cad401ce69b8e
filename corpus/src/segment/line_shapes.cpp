// Line shapes: plain display text, words, how much a line looks like a heading, page
// ranges and report section headings. Every segmenter step reads lines through these.
#include <cctype>

#include "quorum/corpus/dates.hpp"
#include "segment/structure.hpp"
#include "quorum/text/ascii.hpp"

namespace quorum::corpus::structure {
namespace {

// Small words that stay lower case in title-case headings.
bool small_word(std::string_view w) {
    static const char* const words[] = {"a",  "an", "and", "as",  "at", "by",   "for", "from", "in",  "into",
                                        "of", "on", "or",  "the", "to", "with", "per", "vs",   "via", "&"};
    const std::string l = to_lower(w);
    for (const char* s : words)
        if (l == s) return true;
    return false;
}

}  // namespace

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

std::size_t next_content(const Lines& lines, std::size_t from, std::size_t end) {
    while (from < end && is_blank(lines[from].text)) ++from;
    return from;
}

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

}  // namespace quorum::corpus::structure
