#include "quorum/index/text_fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

#include "quorum/index/schema.hpp"

namespace quorum::index {
namespace {

bool is_ascii(std::string_view s) noexcept {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

// Punctuation that has several printed styles maps onto one plain ASCII form.
UChar32 plain_punctuation(UChar32 c) noexcept {
    switch (c) {
        case 0x2018:
        case 0x2019:
        case 0x201A:
        case 0x201B:
        case 0x2032:
        case 0x02BC:
        case 0xFF07:
        case 0x00B4:
        case 0x0060:
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
        case 0xFE63:
        case 0xFF0D:
            return '-';
        case 0x00A0:
        case 0x2007:
        case 0x202F:
        case 0x2009:
        case 0x200A:
        case 0x3000:
        case 0x2002:
        case 0x2003:
        case 0x2004:
        case 0x2005:
        case 0x2006:
        case 0x2008:
            return ' ';
        case 0x200B:
        case 0x200C:
        case 0x200D:
        case 0xFEFF:
        case 0x00AD:
            return -1;  // invisible: dropped
        default:
            return c;
    }
}

const icu::Normalizer2& nfkd() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKDInstance(status);
    if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU NFKD normaliser unavailable");
    return *n;
}

const icu::Normalizer2& nfc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU NFC normaliser unavailable");
    return *n;
}

icu::UnicodeString fold_unicode(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString src =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    icu::UnicodeString decomposed = nfkd().normalize(src, status);
    if (U_FAILURE(status)) decomposed = src;
    icu::UnicodeString out;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        c = plain_punctuation(c);
        if (c < 0) continue;
        out.append(c);
    }
    status = U_ZERO_ERROR;
    icu::UnicodeString composed = nfc().normalize(out, status);
    return U_FAILURE(status) ? out : composed;
}

}  // namespace

std::string fold_for_search(std::string_view text) {
    if (is_ascii(text)) return std::string(text);
    std::string result;
    fold_unicode(text).toUTF8String(result);
    return result;
}

std::string fold_key(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    auto push = [&](char c) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = !out.empty();
            return;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    };
    if (is_ascii(text)) {
        for (char c : text) push(static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c));
        return out;
    }
    icu::UnicodeString u = fold_unicode(text);
    u.foldCase();
    std::string utf8;
    u.toUTF8String(utf8);
    for (char c : utf8) push(c);
    return out;
}

std::vector<std::string> fold_words(std::string_view text) {
    std::string key = fold_key(text);
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        while (!word.empty() && word.back() == '\'') word.pop_back();
        if (!word.empty()) words.push_back(std::move(word));
        word.clear();
    };
    for (std::size_t i = 0; i < key.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(key[i]);
        bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
        if (alnum || (c == '\'' && !word.empty())) {
            word.push_back(static_cast<char>(c));
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
    std::string key = fold_key(text);
    std::string out;
    bool dash = false;
    for (unsigned char c : key) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) {
            if (dash && !out.empty()) out.push_back('-');
            dash = false;
            out.push_back(static_cast<char>(c));
        } else {
            dash = true;  // like corpus::slugify: "l'Anson" -> "l-anson"
        }
    }
    return out;
}

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t seed) noexcept {
    std::uint64_t h = seed;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::string hex64(std::uint64_t value) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = digits[value & 0xf];
        value >>= 4;
    }
    return out;
}

std::string bounded_term_value(std::string_view value) {
    if (value.size() <= schema::max_term_value) return std::string(value);
    std::string out(value.substr(0, schema::max_term_value - 17));
    // Do not cut inside a UTF-8 sequence.
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    out.push_back('#');
    out += hex64(fnv1a(value));
    return out;
}

}  // namespace quorum::index
