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

// Sentence ends in text[from, to): where a piece may begin.
void sentence_cuts(std::string_view text, std::size_t from, std::size_t to, std::vector<std::size_t>& cuts) {
    for (std::size_t i = from; i + 2 < to; ++i) {
        const char c = text[i];
        if ((c != '.' && c != '?' && c != '!') || text[i + 1] != ' ') continue;
        if (c == '.' && abbreviation_before(text, i)) continue;
        std::size_t j = i + 1;
        while (j < to && text[j] == ' ') ++j;
        if (sentence_start(text, j)) cuts.push_back(j);
    }
}

// Offsets where a piece may begin, in order: after each sentence end of the first line,
// and at each later line (a lettered sub-point, an item of a list). A later line longer
// than `limit` (a list of bullets run into one line) is also cut at its sentence ends.
std::vector<std::size_t> cut_points(std::string_view text, std::size_t limit) {
    std::vector<std::size_t> cuts;
    const std::size_t first_line_end = std::min(text.find('\n'), text.size());
    sentence_cuts(text, 0, first_line_end, cuts);
    for (std::size_t nl = text.find('\n'); nl != std::string_view::npos;) {
        cuts.push_back(nl + 1);
        const std::size_t next = text.find('\n', nl + 1);
        const std::size_t end = std::min(next, text.size());
        if (end - (nl + 1) > limit) sentence_cuts(text, nl + 1, end, cuts);
        nl = next;
    }
    return cuts;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
    return std::string(s);
}

// Where `text` is cut, at some of `cuts` (in order), into pieces of about equal length,
// as many as the limit needs, each within the limit where the cuts allow: the offsets
// where the pieces begin, the first 0.
std::vector<std::size_t> choose_cuts(std::size_t size, const std::vector<std::size_t>& cuts, std::size_t limit) {
    const std::size_t pieces = (size + limit - 1) / limit;
    const std::size_t target = size / pieces;
    std::vector<std::size_t> starts{0};
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
        starts.push_back(at);
        start = at;
        previous = cut > at ? cut : 0;
        if (size - start <= limit) break;
    }
    // the rest still too long and no cut near the target: the last cut makes it shorter
    if (size - start > limit && previous > start) starts.push_back(previous);
    return starts;
}

std::vector<std::string> pieces_at(std::string_view text, const std::vector<std::size_t>& starts) {
    std::vector<std::string> out;
    for (std::size_t k = 0; k < starts.size(); ++k) {
        const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : text.size();
        std::string piece = trimmed(text.substr(starts[k], end - starts[k]));
        if (!piece.empty()) out.push_back(std::move(piece));
    }
    return out;
}

}  // namespace

std::vector<std::string> split_long_paragraph(std::string_view text, std::size_t limit, std::size_t unbroken) {
    if (text.size() <= limit || limit == 0) return {std::string(text)};
    std::vector<std::size_t> cuts = cut_points(text, limit);
    if (unbroken > 0) std::erase_if(cuts, [&](std::size_t cut) { return cut == unbroken + 1; });
    return pieces_at(text, choose_cuts(text.size(), cuts, limit));
}

std::vector<std::string> split_long_list(std::string_view text, std::vector<std::size_t> item_starts,
                                         std::size_t lead_in, std::size_t limit) {
    if (text.size() <= limit || limit == 0) return {std::string(text)};
    std::erase_if(item_starts, [&](std::size_t cut) { return cut <= lead_in + 1; });  // the first item stays
    if (item_starts.empty()) return split_long_paragraph(text, limit, lead_in);
    const std::vector<std::size_t> starts = choose_cuts(text.size(), item_starts, limit);
    std::vector<std::string> out;
    for (std::size_t k = 0; k < starts.size(); ++k) {
        const std::size_t from = starts[k], to = k + 1 < starts.size() ? starts[k + 1] : text.size();
        // a piece still too long: cut again between its items, or inside one
        std::vector<std::size_t> inner;
        for (const std::size_t cut : item_starts) {
            if (cut > from && cut < to) inner.push_back(cut - from);
        }
        const std::size_t kept = k == 0 ? lead_in : 0;
        const std::string_view piece = text.substr(from, to - from);
        for (std::string& part : inner.empty() || starts.size() == 1 ? split_long_paragraph(piece, limit, kept)
                                                                     : split_long_list(piece, inner, kept, limit))
            out.push_back(trimmed(part));
    }
    std::erase_if(out, [](const std::string& s) { return s.empty(); });
    return out;
}

}  // namespace quorum::corpus
