#include "quorum/index/collapse_key.hpp"

#include "quorum/index/text_fold.hpp"
#include "quorum/text/ascii.hpp"
#include "quorum/text/utf8.hpp"

namespace quorum::index {

namespace {

using text::is_alnum;
using text::is_digit;
using text::is_lower;

// Length of a "page N" or "page N of M" token starting at `i` of folded text, else 0: the
// running page numbers a pack adds to a reprint when the readers leave one in a unit.
std::size_t page_number_at(std::string_view s, std::size_t i) {
    if (i > 0 && is_alnum(s[i - 1])) return 0;
    if (s.substr(i, 5) != "page ") return 0;
    auto digits = [&s](std::size_t& k) {
        const std::size_t start = k;
        while (k < s.size() && is_digit(s[k])) ++k;
        return k > start;
    };
    std::size_t end = i + 5;
    if (!digits(end)) return 0;
    if (s.substr(end, 4) == " of ") {
        std::size_t k = end + 4;
        if (digits(k)) end = k;
    }
    if (end < s.size() && is_alnum(s[end])) return 0;
    return end - i;
}

// Non-ASCII code points that are marks on the page, not words: Latin-1 punctuation and
// symbols (but the pound sign), general punctuation, arrows, shapes and dingbats (but the
// euro sign), CJK punctuation, private-use glyphs (PDF bullets), variation selectors, the
// replacement character and pictographs. What folding leaves besides is a letter or digit.
bool is_mark(char32_t c) {
    if (c == 0xA3 || c == 0x20AC) return false;  // £ €
    return (c >= 0x80 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) ||
           (c >= 0x3000 && c <= 0x303F) || (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xFE00 && c <= 0xFE0F) ||
           c == 0xFFFD || c >= 0x1F000;
}

// OCR's look-alikes made one: "l", "i", "1" -> "l"; "0" -> "o".
char look_alike(char c) {
    if (c == 'i' || c == '1') return 'l';
    if (c == '0') return 'o';
    return c;
}

bool is_paper(corpus::DocumentKind kind) {
    using K = corpus::DocumentKind;
    return kind == K::report || kind == K::appendix || kind == K::questions;
}

}  // namespace

std::string collapse_text(std::string_view raw) {
    const std::string s = fold_key(raw);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (static_cast<unsigned char>(c) >= 0x80) {
            const std::size_t start = i;
            if (!is_mark(text::utf8_next(s, i))) out.append(s, start, i - start);
            continue;
        }
        if (const std::size_t n = page_number_at(s, i); n > 0) {
            i += n;
            continue;
        }
        const bool decimal_point = c == '.' && i > 0 && i + 1 < s.size() && is_digit(s[i - 1]) && is_digit(s[i + 1]);
        const bool minus = c == '-' && i + 1 < s.size() && is_digit(s[i + 1]) && (i == 0 || !is_alnum(s[i - 1]));
        if (is_lower(c) || is_digit(c)) {
            out.push_back(look_alike(c));
        } else if (c == '%' || c == '$' || minus || decimal_point) {
            out.push_back(c);
        }
        ++i;
    }
    return out;
}

bool stands_alone(const corpus::Unit& unit, corpus::DocumentKind kind) {
    using T = corpus::UnitType;
    const bool passage =
        unit.type == T::paragraph || unit.type == T::table || unit.type == T::item || unit.type == T::question;
    return passage && is_paper(kind) && !unit.procedural && fold_words(unit.text).size() >= distinctive_words;
}

std::string collapse_key(const corpus::Unit& unit, const CollapseScope& scope) {
    const std::string body = collapse_text(unit.text);
    const std::string heading = collapse_text(unit.title);
    if (body.empty() && heading.empty()) return hex64(fnv1a(unit.id));
    std::string material = corpus::to_string(unit.type);
    material += '\n';
    if (stands_alone(unit, scope.kind)) {
        material += "passage\n";
    } else {
        material.append(scope.date).push_back('\n');
        if (!scope.date.empty() || is_paper(scope.kind))
            material.append(scope.committee);
        else
            material.append(scope.meeting_id.empty() ? scope.document_id : scope.meeting_id);
        material.append("\n").append(heading).push_back('\n');
    }
    material += body;
    return hex64(fnv1a(material));
}

}  // namespace quorum::index
