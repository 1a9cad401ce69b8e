// Acronyms defined in the text. Three forms: "Multi-Agency Safeguarding Hub (MASH)",
// "MASH (Multi-agency Safeguarding Hub)", and glossary lines under a "Glossary" heading
// ("DfE<TAB>Department for Education", "DCS Director Children's Services"). A definition
// is kept only when the letters of the short form match the initials of the expansion's
// words, so "(PHSE)" after "Personal Social Health and Economic" is rejected.
#include <array>
#include <cctype>

#include "quorum/corpus/text.hpp"
#include "units/units.hpp"
#include "quorum/text/ascii.hpp"

namespace quorum::corpus {
namespace {

using text::is_blank;

bool small_word(std::string_view w) {
    static constexpr std::array<std::string_view, 12> kSmall = {"of", "and",  "for", "the", "in", "on",
                                                                "to", "with", "&",   "a",   "at", "by"};
    for (const std::string_view s : kSmall) {
        if (w.size() == s.size()) {
            bool same = true;
            for (std::size_t i = 0; i < w.size(); ++i)
                same = same && std::tolower(static_cast<unsigned char>(w[i])) == s[i];
            if (same) return true;
        }
    }
    return false;
}

// A short form: 2-10 letters (digits and '&' allowed), at least two capitals.
bool short_form_like(std::string_view s) {
    if (s.size() < 2 || s.size() > 10) return false;
    int upper = 0;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isupper(u) != 0) {
            ++upper;
        } else if (std::islower(u) == 0 && std::isdigit(u) == 0 && c != '&') {
            return false;
        }
    }
    return upper >= 2 && std::isupper(static_cast<unsigned char>(s.front())) != 0;
}

// Words of an expansion; hyphenated words count as several ("Multi-Agency" -> Multi, Agency).
std::vector<std::string> expansion_words(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    for (const char c : text) {
        if (is_blank(c) || c == '-' || c == '/') {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else if (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '&' ||
                   static_cast<unsigned char>(c) >= 0x80 || c == '\'') {
            cur.push_back(c);
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

// Do the letters of `s` spell the initials of words[from..]? Content words must each
// give the next letter; small words ("of", "and") may give one or be skipped; lower-case
// letters of the short form ("DfE", "KPIs") may be skipped.
bool spells(std::string_view s, const std::vector<std::string>& words, std::size_t w, std::size_t k) {
    if (k == s.size() && w == words.size()) return true;
    if (w < words.size()) {
        const std::string& word = words[w];
        const bool small = small_word(word);
        if (k < s.size() &&
            std::tolower(static_cast<unsigned char>(word.front())) == std::tolower(static_cast<unsigned char>(s[k]))) {
            if (spells(s, words, w + 1, k + 1)) return true;
        }
        if (small && spells(s, words, w + 1, k)) return true;
    }
    if (k < s.size() && (std::islower(static_cast<unsigned char>(s[k])) != 0 || s[k] == '&') &&
        spells(s, words, w, k + 1)) {
        return true;
    }
    return false;
}

bool capitalised(const std::string& w, bool hyphen_part) {
    return hyphen_part || small_word(w) || std::isupper(static_cast<unsigned char>(w.front())) != 0 ||
           std::isdigit(static_cast<unsigned char>(w.front())) != 0;
}

void add(std::vector<Acronym>& out, std::string short_form, std::string expansion) {
    expansion = collapse_spaces(trim(expansion));
    if (expansion.empty()) return;
    const std::string key = fold_key(expansion);
    for (const Acronym& a : out) {
        if (a.short_form == short_form && fold_key(a.expansion) == key) return;
    }
    out.push_back({std::move(short_form), std::move(expansion)});
}

// "Words Before (ABC)": the shortest run of words before the bracket that spells ABC.
void expansion_before(std::string_view line, std::size_t open, std::string_view short_form, std::vector<Acronym>& out) {
    const std::string_view before = line.substr(0, open);
    // Word starts in `before`, hyphen parts included, so an expansion can start mid-line.
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < before.size(); ++i) {
        const bool boundary = i == 0 || is_blank(before[i - 1]);
        if (boundary && !is_blank(before[i])) starts.push_back(i);
    }
    const std::size_t max_words = short_form.size() + 4;
    for (std::size_t n = 1; n <= starts.size() && n <= max_words; ++n) {
        const std::string_view candidate = before.substr(starts[starts.size() - n]);
        const std::vector<std::string> words = expansion_words(candidate);
        if (words.empty() || small_word(words.front())) continue;
        if (!spells(short_form, words, 0, 0)) continue;
        // Content words printed with capitals (hyphen parts excepted: "Multi-agency").
        bool ok = true;
        std::size_t wi = 0;
        for (std::size_t s = starts.size() - n; s < starts.size() && ok; ++s) {
            const std::size_t end = s + 1 < starts.size() ? starts[s + 1] : before.size();
            const std::vector<std::string> parts = expansion_words(before.substr(starts[s], end - starts[s]));
            for (std::size_t p = 0; p < parts.size() && ok; ++p, ++wi) ok = capitalised(parts[p], p > 0);
        }
        if (!ok) continue;
        std::string expansion(candidate);
        while (!expansion.empty() && (is_blank(expansion.back()) || expansion.back() == ',')) expansion.pop_back();
        add(out, std::string(short_form), expansion);
        return;
    }
}

void scan_brackets(std::string_view line, std::vector<Acronym>& out) {
    std::size_t open = line.find('(');
    while (open != std::string_view::npos) {
        const std::size_t close = line.find(')', open);
        if (close == std::string_view::npos) return;
        const std::string_view inner = line.substr(open + 1, close - open - 1);
        if (short_form_like(inner)) {
            expansion_before(line, open, inner, out);
        } else {
            // "MASH (Multi-agency Safeguarding Hub)": the word before the bracket is the short form.
            std::size_t end = open;
            while (end > 0 && is_blank(line[end - 1])) --end;
            std::size_t begin = end;
            while (begin > 0 && !is_blank(line[begin - 1])) --begin;
            const std::string_view word = line.substr(begin, end - begin);
            const std::vector<std::string> words = expansion_words(inner);
            if (short_form_like(word) && !words.empty() && !small_word(words.front()) && spells(word, words, 0, 0)) {
                add(out, std::string(word), std::string(inner));
            }
        }
        open = line.find('(', close);
    }
}

// "DfE<TAB>Department for Education" or "DCS Director Children's Services".
bool glossary_line(std::string_view line, std::vector<Acronym>& out) {
    std::size_t end = 0;
    while (end < line.size() && !is_blank(line[end])) ++end;
    const std::string_view short_form = line.substr(0, end);
    if (!short_form_like(short_form)) return false;
    const std::string expansion = trim(line.substr(end));
    const std::vector<std::string> words = expansion_words(expansion);
    if (words.empty() || !spells(short_form, words, 0, 0)) return false;
    add(out, std::string(short_form), expansion);
    return true;
}

}  // namespace

void find_acronyms(std::span<const SourceLine> lines, std::vector<Acronym>& out) {
    bool in_glossary = false;
    for (const SourceLine& source : lines) {
        const std::string line = trim(source.text);
        if (line.empty()) continue;
        const std::string f = fold_key(line);
        if (f == "glossary" || f == "glossary:" || f == "glossary of terms" || f == "abbreviations" ||
            f == "glossary of abbreviations") {
            in_glossary = true;
            continue;
        }
        if (in_glossary) {
            // The glossary ends at its first line that is not an entry.
            if (glossary_line(line, out)) continue;
            in_glossary = false;
        }
        if (line.find('(') != std::string::npos) scan_brackets(line, out);
    }
}

}  // namespace quorum::corpus
