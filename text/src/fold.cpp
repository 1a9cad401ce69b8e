// Folding with ICU. The hot paths take an ASCII / already-valid fast path first because they
// run on every line, unit and query.
#include "quorum/text/fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "quorum/text/ascii.hpp"
#include "quorum/text/utf8.hpp"

namespace quorum::text {
namespace {

const icu::Normalizer2* nfc_instance() {
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return n;
}

const icu::Normalizer2* nfd_instance() {
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    return n;
}

const icu::Normalizer2* nfkd_instance() {
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* n = icu::Normalizer2::getNFKDInstance(status);
    return n;
}

const icu::Normalizer2* nfkc_casefold_instance() {
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return n;
}

constexpr UChar32 kDrop = -1;

// Punctuation that has several printed styles maps onto one plain ASCII form; invisible
// characters that PDFs and web pages leave behind are dropped.
UChar32 plain_punctuation(UChar32 c) noexcept {
    switch (c) {
        case 0x2018:
        case 0x2019:
        case 0x201A:
        case 0x201B:
        case 0x2032:
        case 0x02BC:
        case 0x00B4:
        case 0x0060:
        case 0xFF07:
            return '\'';
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x201F:
        case 0x2033:
        case 0x00AB:
        case 0x00BB:
        case 0xFF02:
            return '"';
        case 0x2010:
        case 0x2011:
        case 0x2012:
        case 0x2013:
        case 0x2014:
        case 0x2015:
        case 0x2212:
        case 0xFE58:
        case 0xFE63:
        case 0xFF0D:
            return '-';
        case 0x00A0:
        case 0x2002:
        case 0x2003:
        case 0x2004:
        case 0x2005:
        case 0x2006:
        case 0x2007:
        case 0x2008:
        case 0x2009:
        case 0x200A:
        case 0x202F:
        case 0x3000:
            return ' ';
        case 0x200B:
        case 0x200C:
        case 0x200D:
        case 0xFEFF:
        case 0x00AD:
            return kDrop;
        case 0x2026:
            return '.';  // NFKC already expands an ellipsis; kept for safety
        default:
            return c;
    }
}

// White space for trimming and collapsing: ASCII, NBSP and the other Unicode spaces,
// plus zero-width space and BOM.
bool is_space_cp(UChar32 c) noexcept {
    if (c < 0x80) return is_space(static_cast<char>(c));
    return c == 0x00A0 || c == 0x200B || c == 0xFEFF || u_isUWhiteSpace(c);
}

UChar32 next_cp(std::string_view s, std::size_t& i) noexcept { return static_cast<UChar32>(utf8_next(s, i)); }

void collapse_into(std::string& out, std::string_view s) {
    bool pending_space = false;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const UChar32 c = next_cp(s, i);
        if (is_space_cp(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.append(s.substr(start, i - start));
    }
}

// Combining marks (accents) dropped and punctuation made plain, then composed again.
icu::UnicodeString strip_marks(const icu::UnicodeString& decomposed) {
    icu::UnicodeString stripped;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        const UChar32 plain = plain_punctuation(c);
        if (plain != kDrop) stripped.append(plain);
    }
    const icu::Normalizer2* nfc = nfc_instance();
    if (nfc == nullptr) return stripped;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString composed = nfc->normalize(stripped, status);
    return U_FAILURE(status) ? stripped : composed;
}

}  // namespace

std::string to_nfc(std::string_view text) {
    if (is_ascii(text)) return std::string(text);
    const std::string valid = repair_utf8(text);
    const icu::Normalizer2* nfc = nfc_instance();
    if (nfc == nullptr) return valid;
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(valid);
    if (nfc->isNormalized(u, status) && U_SUCCESS(status)) return valid;
    status = U_ZERO_ERROR;
    const icu::UnicodeString n = nfc->normalize(u, status);
    if (U_FAILURE(status)) return valid;
    std::string out;
    n.toUTF8String(out);
    return out;
}

std::string fold_key(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    if (is_ascii(text)) {
        bool pending_space = false;
        for (const char c : text) {
            if (is_space(c)) {
                pending_space = !out.empty();
                continue;
            }
            if (pending_space) out.push_back(' ');
            pending_space = false;
            out.push_back(c == '`' ? '\'' : to_lower(c));
        }
        return out;
    }
    const std::string valid = repair_utf8(text);
    const icu::Normalizer2* casefold = nfkc_casefold_instance();
    const icu::Normalizer2* nfd = nfd_instance();
    if (casefold == nullptr || nfd == nullptr) return collapse_spaces(valid);
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString u = casefold->normalize(icu::UnicodeString::fromUTF8(valid), status);
    if (U_SUCCESS(status)) u = nfd->normalize(u, status);
    if (U_FAILURE(status)) return collapse_spaces(valid);
    std::string composed;
    strip_marks(u).toUTF8String(composed);
    collapse_into(out, composed);
    return out;
}

std::string fold_for_search(std::string_view text) {
    if (is_ascii(text)) return std::string(text);
    const std::string valid = repair_utf8(text);
    const icu::Normalizer2* nfkd = nfkd_instance();
    if (nfkd == nullptr) return valid;
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString src = icu::UnicodeString::fromUTF8(valid);
    icu::UnicodeString decomposed = nfkd->normalize(src, status);
    if (U_FAILURE(status)) decomposed = src;
    std::string out;
    strip_marks(decomposed).toUTF8String(out);
    return out;
}

std::vector<std::string> fold_words(std::string_view text) {
    const std::string key = fold_key(text);
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        while (!word.empty() && word.back() == '\'') word.pop_back();
        if (!word.empty()) words.push_back(std::move(word));
        word.clear();
    };
    for (const char ch : key) {
        const auto c = static_cast<unsigned char>(ch);
        const bool alnum = is_lower(ch) || is_digit(ch) || c >= 0x80;
        if (alnum || (ch == '\'' && !word.empty())) {
            word.push_back(ch);
        } else {
            flush();
        }
    }
    flush();
    return words;
}

std::string phrase_key(std::string_view text) {
    std::string key;
    for (const auto& w : fold_words(text)) {
        if (!key.empty()) key.push_back(' ');
        key += w;
    }
    return key;
}

std::string slug(std::string_view text) {
    const std::string folded = fold_key(text);
    std::string out;
    out.reserve(folded.size());
    bool pending_dash = false;
    for (const char c : folded) {
        if (is_lower(c) || is_digit(c)) {
            if (pending_dash && !out.empty()) out.push_back('-');
            pending_dash = false;
            out.push_back(c);
        } else if (c == '\'') {
            // "Children's" -> "childrens", "I'Anson" -> "ianson": an apostrophe joins.
        } else {
            pending_dash = true;
        }
    }
    return out;
}

std::string name_from_slug(std::string_view slug) {
    std::string out;
    out.reserve(slug.size());
    bool start = true;
    for (const char c : slug) {
        if (c == '-') {
            out.push_back(' ');
            start = true;
        } else {
            out.push_back(start ? to_upper(c) : c);
            start = false;
        }
    }
    return out;
}

std::string trim(std::string_view text) {
    std::size_t begin = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        if (!is_space_cp(next_cp(text, i))) {
            begin = start;
            break;
        }
        begin = i;
    }
    if (begin >= text.size()) return {};
    std::size_t end = begin;
    for (i = begin; i < text.size();) {
        if (!is_space_cp(next_cp(text, i))) end = i;
    }
    return std::string(text.substr(begin, end - begin));
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    collapse_into(out, text);
    return out;
}

}  // namespace quorum::text
