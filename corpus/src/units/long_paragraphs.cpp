// Cutting an overlong paragraph at sentence ends (see long_paragraphs.hpp for the limit).
#include "units/long_paragraphs.hpp"

#include <algorithm>
#include <array>

#include "quorum/text/ascii.hpp"

namespace quorum::corpus {
namespace {

using text::is_alpha;
using text::is_digit;
using text::is_upper;
using text::to_lower;

// The word before a full stop that does not end a sentence: titles ("Cllr. Smith"),
// "e.g.", "No. 3", an initial ("J. Smith").
bool abbreviation_before(std::string_view text, std::size_t dot) {
    std::size_t w = dot;
    while (w > 0 && (is_alpha(text[w - 1]) || text[w - 1] == '.')) --w;
    const std::string word = to_lower(text.substr(w, dot - w));
    if (word.size() == 1) return true;
    static constexpr std::array<std::string_view, 16> kWords = {
        "cllr", "mr", "mrs", "ms", "dr", "st", "no", "nos", "rev", "e.g", "i.e", "approx", "ref", "cf", "vs", "etc"};
    return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

// What may start a sentence: a capital, a digit, an opening quote or bracket, a bullet.
bool sentence_start(std::string_view text, std::size_t i) {
    if (i >= text.size()) return false;
    const char c = text[i];
    if (is_upper(c) || is_digit(c) || c == '"' || c == '(' || c == '\'') return true;
    const std::string_view rest = text.substr(i);
    return rest.starts_with("\xE2\x80\x98") || rest.starts_with("\xE2\x80\x9C") || rest.starts_with("\xE2\x80\xA2");
}

// Offsets where a piece may begin: after each sentence end of the first line, and at
// each later line (a lettered sub-point).
std::vector<std::size_t> cut_points(std::string_view text) {
    std::vector<std::size_t> cuts;
    const std::size_t first_line_end = std::min(text.find('\n'), text.size());
    for (std::size_t i = 0; i + 2 < first_line_end; ++i) {
        const char c = text[i];
        if ((c != '.' && c != '?' && c != '!') || text[i + 1] != ' ') continue;
        if (c == '.' && abbreviation_before(text, i)) continue;
        std::size_t j = i + 1;
        while (j < first_line_end && text[j] == ' ') ++j;
        if (sentence_start(text, j)) cuts.push_back(j);
    }
    for (std::size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', nl + 1))
        cuts.push_back(nl + 1);
    return cuts;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
    return std::string(s);
}

}  // namespace

std::vector<std::string> split_long_paragraph(std::string_view text, std::size_t limit) {
    if (text.size() <= limit || limit == 0) return {std::string(text)};
    const std::vector<std::size_t> cuts = cut_points(text);
    // pieces of about equal length: as many as the limit needs
    const std::size_t pieces = (text.size() + limit - 1) / limit;
    const std::size_t target = text.size() / pieces;
    std::vector<std::string> out;
    std::size_t start = 0, previous = 0;  // previous: the last cut point passed, 0 for none
    for (const std::size_t cut : cuts) {
        if (cut - start < target) {
            previous = cut;
            continue;
        }
        // the cut nearer the target: this one, or the one before when it is nearer and
        // leaves this piece within the limit
        std::size_t at = cut;
        if (previous > start && (target - (previous - start) < cut - start - target || cut - start > limit))
            at = previous;
        out.push_back(trimmed(text.substr(start, at - start)));
        start = at;
        previous = cut > at ? cut : 0;
        if (text.size() - start <= limit) break;
    }
    out.push_back(trimmed(text.substr(start)));
    out.erase(std::remove_if(out.begin(), out.end(), [](const std::string& s) { return s.empty(); }), out.end());
    return out;
}

}  // namespace quorum::corpus
