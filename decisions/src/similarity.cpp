// Word sets and their similarity: how a tracker row is matched to the decision it follows
// from when its hand-kept date cannot be trusted. Also small date helpers.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "decisions_internal.hpp"
#include "quorum/corpus/dates.hpp"
#include "quorum/corpus/text.hpp"
#include "quorum/text/utf8.hpp"

namespace quorum::decisions {
namespace decisions_detail {
namespace {

// Function words and the committee's own vocabulary: they say nothing about the matter.
constexpr std::string_view stop_words[] = {
    "a",          "about",    "after",       "all",    "also",    "an",     "and",   "any",   "are",       "as",
    "at",         "be",       "been",        "being",  "by",      "can",    "could", "did",   "do",        "does",
    "for",        "from",     "had",         "has",    "have",    "he",     "her",   "his",   "how",       "if",
    "in",         "into",     "is",          "it",     "its",     "may",    "more",  "most",  "much",      "must",
    "no",         "not",      "of",          "on",     "or",      "other",  "our",   "out",   "over",      "shall",
    "she",        "should",   "so",          "some",   "such",    "than",   "that",  "the",   "their",     "them",
    "then",       "there",    "these",       "they",   "this",    "those",  "to",    "up",    "upon",      "very",
    "was",        "we",       "were",        "what",   "when",    "where",  "which", "while", "who",       "whom",
    "why",        "will",     "with",        "within", "would",   "you",    "your",  "that",  "committee", "cllr",
    "councillor", "resolved", "recommended", "agreed", "members", "member",
};

bool is_stop(std::string_view w) {
    return std::find(std::begin(stop_words), std::end(stop_words), w) != std::end(stop_words);
}

bool has_vowel(std::string_view s) { return s.find_first_of("aeiouy") != std::string_view::npos; }

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

// A light suffix stripper (not full Porter): enough that "updated"/"update"/"updates",
// "meetings"/"meeting" and "investment"/"investing" meet.
std::string stem(std::string w) {
    if (w.size() <= 3 || std::isdigit(static_cast<unsigned char>(w[0]))) return w;
    auto strip = [&](std::string_view suffix, std::string_view replacement, std::size_t min_stem) {
        if (!ends_with(w, suffix)) return false;
        const std::string base = w.substr(0, w.size() - suffix.size());
        if (base.size() < min_stem || !has_vowel(base)) return false;
        w = base + std::string(replacement);
        return true;
    };
    if (!strip("sses", "ss", 2) && !strip("ies", "y", 2) && !ends_with(w, "ss") && !ends_with(w, "us") &&
        !ends_with(w, "is"))
        strip("s", "", 3);
    (void)(strip("ational", "ate", 2) || strip("ation", "ate", 3) || strip("ment", "", 4) || strip("ness", "", 3) ||
           strip("ing", "", 3) || strip("ed", "", 3) || strip("ly", "", 3) || strip("er", "", 4));
    if (w.size() > 4 && w.back() == 'e') w.pop_back();
    if (w.size() > 3 && w.back() == 'y') w.back() = 'i';
    // "programme" and "program", "well-being" and "wellbeing" are spelt both ways.
    if (w == "programm") w = "program";
    return w;
}

namespace {

// Content words in text order, with repeats.
Words content_sequence(std::string_view text) {
    const std::string folded = fold_key(text);
    Words out;
    std::string word;
    auto flush = [&] {
        if (word.size() >= 2 && !is_stop(word)) out.push_back(stem(word));
        word.clear();
    };
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const auto c = static_cast<unsigned char>(folded[i]);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word.push_back(static_cast<char>(c));
        } else if (c == '\'' && !word.empty()) {
            // "children's" -> "children": the possessive adds nothing.
            if (i + 1 < folded.size() && folded[i + 1] == 's' &&
                (i + 2 >= folded.size() || !std::isalnum(static_cast<unsigned char>(folded[i + 2]))))
                ++i;
            flush();
        } else {
            flush();
        }
    }
    flush();
    return out;
}

void sort_unique(Words& w) {
    std::sort(w.begin(), w.end());
    w.erase(std::unique(w.begin(), w.end()), w.end());
}

}  // namespace

Words content_words(std::string_view text) {
    Words out = content_sequence(text);
    sort_unique(out);
    return out;
}

Words content_phrases(std::string_view text) {
    // A phrase does not run across punctuation: "the WEST programme, is reviewed" has no
    // "programme review".
    Words out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of(",.;:()!?\n|", start);
        if (end == std::string_view::npos) end = text.size();
        const Words seq = content_sequence(text.substr(start, end - start));
        for (std::size_t i = 1; i < seq.size(); ++i) out.push_back(seq[i - 1] + " " + seq[i]);
        start = end + 1;
    }
    sort_unique(out);
    return out;
}

void Idf::add(const Words& words) {
    ++documents_;
    for (const auto& w : words) ++df_[w];
}

double Idf::weight(const std::string& word) const {
    const auto it = df_.find(word);
    const double df = it == df_.end() ? 0.0 : it->second;
    // Smoothed, and floored so that a word in every text still counts a little.
    return std::max(0.1, std::log((documents_ + 1.0) / (df + 0.5)));
}

double Idf::share(const std::string& word) const {
    const auto it = df_.find(word);
    return it == df_.end() || documents_ == 0 ? 0.0 : static_cast<double>(it->second) / documents_;
}

double similarity(const Words& a, const Words& b, const Idf* idf) {
    if (a.empty() || b.empty()) return 0;
    auto w = [&](const std::string& word) { return idf ? idf->weight(word) : 1.0; };
    double wa = 0, wb = 0, shared = 0;
    for (const auto& x : a) wa += w(x) * w(x);
    for (const auto& x : b) wb += w(x) * w(x);
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] == b[j]) {
            shared += w(a[i]) * w(a[i]);
            ++i, ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return shared / std::sqrt(wa * wb);
}

std::optional<long> day_of(std::string_view s) {
    // Called for every pair of candidate dates in the links pass: no sscanf.
    auto digits = [&s](std::size_t from, std::size_t n, int& out) {
        out = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    int y = 0, m = 0, d = 0;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d))
        return std::nullopt;
    if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                          std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

std::string iso_date(std::string_view printed) {
    const std::string t = trim(printed);
    if (t.empty()) return {};
    if (day_of(t)) return t;
    if (auto d = parse_numeric_date(t)) return *d;
    if (auto d = find_date(t)) return *d;
    return {};
}

std::string year_of(std::string_view ymd) { return ymd.size() >= 4 ? std::string(ymd.substr(0, 4)) : std::string(); }

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

std::string shorten(std::string_view text, std::size_t max_chars) {
    std::string t = collapse_spaces(text);
    if (t.size() <= max_chars) return t;
    std::size_t cut = text::utf8_floor(t, max_chars);  // whole code points
    const std::size_t space = t.rfind(' ', cut);
    if (space != std::string::npos && space > max_chars / 2) cut = space;
    return t.substr(0, cut) + "…";
}

}  // namespace decisions_detail

double text_similarity(std::string_view a, std::string_view b) {
    using namespace decisions_detail;
    return similarity(content_words(a), content_words(b), nullptr);
}

std::string today() {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day ymd{now};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

}  // namespace quorum::decisions
