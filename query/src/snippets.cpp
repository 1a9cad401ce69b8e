#include "snippets.hpp"

#include <algorithm>

#include "quorum/index/text_fold.hpp"
#include "quorum/text/utf8.hpp"
#include "quorum/text/ascii.hpp"

namespace quorum::query {

namespace {

const std::string ellipsis = "\u2026";

// No SNIPPET_BACKGROUND_MODEL: it looks up the term frequency of every distinct word of the
// window in the index (a B-tree lookup each, most of a snippet's cost and a fifth of a whole
// search's). Without it Xapian scores regions by the query's own terms, which are the
// words the snippet must show and mark.
constexpr unsigned snippet_flags = 0;

using text::to_lower;
bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (static_cast<unsigned char>(c) & 0x80);
}

// The word a query term looks for in raw text: prefix letters dropped (Z stems, S titles);
// boolean filter ids (XP..., XT...) are looked for too, harmlessly.
std::string plain(const std::string& term) {
    std::size_t i = 0;
    while (i < term.size() && term[i] >= 'A' && term[i] <= 'Z') ++i;
    return term.substr(i);
}

// Moves `pos` back to a space (at most 64 bytes), then forward off any UTF-8 continuation byte.
std::size_t cut_at(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return text.size();
    for (std::size_t back = 0; back < 64 && pos - back > 0; ++back)
        if (text[pos - back] == ' ' || text[pos - back] == '\n') return pos - back + 1;
    return text::utf8_ceil(text, pos);
}

}  // namespace

std::string_view snippet_window(std::string_view text, const Xapian::Query& query) {
    if (text.size() <= snippet_window_bytes) return text;
    std::string folded(text.size(), '\0');
    std::transform(text.begin(), text.end(), folded.begin(), [](char c) { return to_lower(c); });
    std::size_t first = std::string::npos;
    for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
        std::string word = plain(*t);
        if (word.size() < 2) continue;
        for (std::size_t at = folded.find(word); at != std::string::npos && at < first; at = folded.find(word, at + 1))
            if (at == 0 || !word_char(folded[at - 1])) {
                first = at;
                break;
            }
    }
    std::size_t start =
        first == std::string::npos || first < snippet_lead_bytes ? 0 : cut_at(text, first - snippet_lead_bytes);
    std::size_t end = cut_at(text, start + snippet_window_bytes);
    return text.substr(start, end - start);
}

std::string make_snippet(const Xapian::MSet& mset, const std::string& text, const Xapian::Stem& stem) {
    return mset.snippet(quorum::index::fold_for_search(text), snippet_bytes, stem, snippet_flags, "<mark>", "</mark>",
                        ellipsis);
}

std::string make_snippet(const Xapian::MSet& mset, const std::string& text, const Xapian::Stem& stem,
                         const Xapian::Query& query) {
    std::string_view window = snippet_window(text, query);
    std::string out = mset.snippet(quorum::index::fold_for_search(window), snippet_bytes, stem, snippet_flags, "<mark>",
                                   "</mark>", ellipsis);
    bool cut_start = window.data() != text.data();
    if (cut_start && out.rfind(ellipsis, 0) != 0) out.insert(0, ellipsis);
    return out;
}

}  // namespace quorum::query
