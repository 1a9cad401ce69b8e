// Text normalisation with ICU. The hot paths (fold, to_nfc, repair_utf8) take an
// ASCII / already-valid fast path first because they run on every line and unit.
#include "quorum/corpus/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

namespace quorum::corpus {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool is_ascii(std::string_view s) noexcept {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 when invalid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t valid_sequence_length(std::string_view s, std::size_t i) noexcept {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    const std::size_t left = s.size() - i;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return left >= 2 && (b(i + 1) & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3) return 0;
        const unsigned char c1 = b(i + 1);
        if ((c1 & 0xC0) != 0x80 || (b(i + 2) & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
        if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4) return 0;
        const unsigned char c1 = b(i + 1);
        if ((c1 & 0xC0) != 0x80 || (b(i + 2) & 0xC0) != 0x80 || (b(i + 3) & 0xC0) != 0x80) return 0;
        if (c == 0xF0 && c1 < 0x90) return 0;   // overlong
        if (c == 0xF4 && c1 >= 0x90) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}

struct Utf8Stats {
    std::size_t valid_multibyte = 0;
    std::size_t invalid = 0;
};

Utf8Stats utf8_stats(std::string_view s) noexcept {
    Utf8Stats st;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = valid_sequence_length(s, i);
        if (n == 0) {
            ++st.invalid;
            ++i;
        } else {
            if (n > 1) ++st.valid_multibyte;
            i += n;
        }
    }
    return st;
}

// Windows-1252 0x80-0x9F; the five undefined bytes map to U+FFFD.
constexpr std::array<char16_t, 32> kCp1252High = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                                  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

void append_code_point(std::string& out, UChar32 c) {
    char buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(buf, len, 4, c, error);
    if (error) {
        out.append(kReplacement);
    } else {
        out.append(buf, static_cast<std::size_t>(len));
    }
}

std::string from_cp1252(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out.push_back(ch);
        } else if (c < 0xA0) {
            append_code_point(out, kCp1252High[c - 0x80]);
        } else {
            append_code_point(out, c);  // Latin-1 range is identical
        }
    }
    return out;
}

std::string from_utf16(std::string_view bytes, bool little_endian) {
    std::u16string units;
    units.reserve(bytes.size() / 2);
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        const auto lo = static_cast<unsigned char>(bytes[little_endian ? i : i + 1]);
        const auto hi = static_cast<unsigned char>(bytes[little_endian ? i + 1 : i]);
        units.push_back(static_cast<char16_t>(hi << 8 | lo));
    }
    // Unpaired surrogates become U+FFFD in toUTF8String.
    const icu::UnicodeString u(false, reinterpret_cast<const UChar*>(units.data()), static_cast<int32_t>(units.size()));
    std::string out;
    u.toUTF8String(out);
    return out;
}

void report(std::vector<Diagnostic>& diagnostics, const std::string& file, Diagnostic::Severity severity,
            std::string code, std::string message) {
    diagnostics.push_back(Diagnostic{severity, file, 0, std::move(code), std::move(message)});
}

const icu::Normalizer2* nfc_instance() {
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) || n != nullptr ? n : nullptr;
}

const icu::Normalizer2* nfd_instance() {
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    return U_SUCCESS(status) || n != nullptr ? n : nullptr;
}

const icu::Normalizer2* nfkc_casefold_instance() {
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) || n != nullptr ? n : nullptr;
}

// White space for trimming and collapsing: ASCII, NBSP and the other Unicode spaces,
// plus zero-width space and BOM that PDFs and web pages leave behind.
bool is_space_cp(UChar32 c) noexcept {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
    if (c < 0x80) return false;
    return c == 0x00A0 || c == 0x200B || c == 0xFEFF || u_isUWhiteSpace(c);
}

// Decodes the code point at s[i] (s must be valid UTF-8); advances i.
UChar32 next_cp(std::string_view s, std::size_t& i) noexcept {
    UChar32 c = 0;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
    i = static_cast<std::size_t>(pos);
    return c < 0 ? 0xFFFD : c;
}

// Plain-ASCII forms of the punctuation that differs between sources.
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
            return '\'';
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x201F:
        case 0x2033:
        case 0x00AB:
        case 0x00BB:
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
        case 0x2026:
            return '.';  // NFKC already expands an ellipsis; kept for safety
        default:
            return c;
    }
}

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

}  // namespace

std::string repair_utf8(std::string_view text, bool* repaired) {
    if (repaired != nullptr) *repaired = false;
    std::size_t i = 0;
    // Fast path: most text is already valid.
    while (i < text.size()) {
        const std::size_t n = valid_sequence_length(text, i);
        if (n == 0) break;
        i += n;
    }
    if (i == text.size()) return std::string(text);
    if (repaired != nullptr) *repaired = true;
    std::string out(text.substr(0, i));
    out.reserve(text.size() + 16);
    while (i < text.size()) {
        const std::size_t n = valid_sequence_length(text, i);
        if (n == 0) {
            out.append(kReplacement);
            ++i;
            // One replacement per maximal invalid run of continuation bytes.
            while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::string decode_to_utf8(std::string_view bytes, const std::string& file, std::vector<Diagnostic>& diagnostics) {
    using Sev = Diagnostic::Severity;
    if (bytes.starts_with("\xEF\xBB\xBF"))
        bytes.remove_prefix(3);
    else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        const bool le = bytes[0] == '\xFF';
        report(diagnostics, file, Sev::info, "utf-16",
               std::string("the file is UTF-16 (") + (le ? "little" : "big") + " endian); it was converted to UTF-8");
        return from_utf16(bytes.substr(2), le);
    }
    const Utf8Stats st = utf8_stats(bytes);
    if (st.invalid == 0) return std::string(bytes);
    // Text saved as Windows-1252 has high bytes that almost never form valid UTF-8;
    // a UTF-8 file with a few damaged bytes still has many valid sequences.
    if (st.valid_multibyte == 0 || st.invalid > 4 * st.valid_multibyte) {
        report(diagnostics, file, Sev::info, "windows-1252",
               "the file is not UTF-8; it was read as Windows-1252. Save it as UTF-8 if characters look wrong");
        return from_cp1252(bytes);
    }
    report(diagnostics, file, Sev::warning, "invalid-utf8",
           std::to_string(st.invalid) +
               " invalid UTF-8 byte(s) were replaced by U+FFFD; re-export the file as UTF-8 to keep them");
    return repair_utf8(bytes);
}

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

std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    if (is_ascii(text)) {
        bool pending_space = false;
        for (const char ch : text) {
            const auto c = static_cast<unsigned char>(ch);
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                pending_space = !out.empty();
                continue;
            }
            if (pending_space) out.push_back(' ');
            pending_space = false;
            out.push_back(c == '`' ? '\'' : static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
        }
        return out;
    }
    const std::string valid = repair_utf8(text);
    const icu::Normalizer2* casefold = nfkc_casefold_instance();
    const icu::Normalizer2* nfd = nfd_instance();
    const icu::Normalizer2* nfc = nfc_instance();
    if (casefold == nullptr || nfd == nullptr || nfc == nullptr) return collapse_spaces(valid);
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString u = casefold->normalize(icu::UnicodeString::fromUTF8(valid), status);
    if (U_SUCCESS(status)) u = nfd->normalize(u, status);
    if (U_FAILURE(status)) return collapse_spaces(valid);
    // Drop combining marks (accents), make quotes and dashes plain.
    icu::UnicodeString stripped;
    for (int32_t i = 0; i < u.length();) {
        const UChar32 c = u.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        stripped.append(plain_punctuation(c));
    }
    stripped = nfc->normalize(stripped, status);
    std::string composed;
    stripped.toUTF8String(composed);
    collapse_into(out, composed);
    return out;
}

std::string slugify(std::string_view text) {
    const std::string folded = fold(text);
    std::string out;
    out.reserve(folded.size());
    bool pending_dash = false;
    for (const char ch : folded) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (pending_dash && !out.empty()) out.push_back('-');
            pending_dash = false;
            out.push_back(static_cast<char>(c));
        } else if (c == '\'') {
            // "Children's" -> "childrens", "I'Anson" -> "ianson": an apostrophe joins.
        } else {
            pending_dash = true;
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

std::string heading_case(std::string_view text) {
    static const std::unordered_set<std::string> acronyms = {
        "SEND", "SEN",  "SENCO", "SEMH", "EHCP", "EHC",  "NHS",  "UK",    "CAMHS", "MASH", "HR",   "OD",  "ICT",
        "IT",   "CQC",  "LGA",   "ICS",  "ICB",  "KCC",  "CCG",  "GP",    "PCC",   "CIL",  "LA",   "LAC", "HMO",
        "MP",   "MEP",  "CEO",   "CYP",  "YOT",  "PQ",   "QA",   "ASC",   "COVID", "AOB",  "EU",   "II",  "III",
        "IV",   "VI",   "VII",   "VIII", "IX",   "XI",   "XII",  "DBS",   "ADCS",  "LSCB", "HSCB", "WMP", "DCI",
        "CSE",  "CIN",  "CP",    "UASC", "NEET", "PSHE", "MTFS", "CIPFA", "VAT",   "BBC",  "TV",   "ID",  "NCC",
        "KPI",  "KPIS", "PFI",   "CCTV", "A&E",  "S106", "ASB",  "PCSO",  "RTPI",  "DfE"};
    static const std::unordered_set<std::string> small = {"a",   "an",   "and", "as",   "at",  "but", "by",
                                                          "for", "from", "in",  "into", "nor", "of",  "on",
                                                          "or",  "per",  "the", "to",   "via", "vs",  "with"};
    const std::string valid = repair_utf8(text);
    std::string out;
    out.reserve(valid.size());
    bool first_word = true;
    std::size_t i = 0;
    while (i < valid.size()) {
        // Words are runs of letters, digits, apostrophes and '&'; others are copied.
        std::size_t j = i;
        while (j < valid.size()) {
            std::size_t k = j;
            const UChar32 c = next_cp(valid, k);
            if (!(u_isalnum(c) || c == '\'' || c == 0x2019 || c == '&')) break;
            j = k;
        }
        if (j == i) {
            std::size_t k = i;
            next_cp(valid, k);
            out.append(valid, i, k - i);
            i = k;
            continue;
        }
        const std::string word = valid.substr(i, j - i);
        i = j;
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
        icu::UnicodeString upper = u;
        upper.toUpper();
        bool has_letter = false;
        for (int32_t p = 0; p < u.length(); ++p) has_letter = has_letter || u_isalpha(u.charAt(p));
        if (!has_letter || u != upper || acronyms.contains(word)) {
            out += word;  // mixed case ("DfE"), numbers and known acronyms stay as printed
            first_word = false;
            continue;
        }
        icu::UnicodeString lower = u;
        lower.toLower();
        std::string lower8;
        lower.toUTF8String(lower8);
        if (!first_word && small.contains(lower8)) {
            out += lower8;
            continue;
        }
        first_word = false;
        const UChar32 c0 = lower.char32At(0);
        icu::UnicodeString titled(static_cast<UChar32>(u_toupper(c0)));
        titled.append(lower, U16_LENGTH(c0), lower.length() - U16_LENGTH(c0));
        std::string t8;
        titled.toUTF8String(t8);
        out += t8;
    }
    return out;
}

}  // namespace quorum::corpus
