// Reading text: bytes of unknown encoding to UTF-8, and heading case. The folding rules
// themselves are in text/ (quorum/text/fold.hpp).
#include "quorum/corpus/text.hpp"

#include "quorum/text/utf8.hpp"

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

struct Utf8Stats {
    std::size_t valid_multibyte = 0;
    std::size_t invalid = 0;
};

Utf8Stats utf8_stats(std::string_view s) noexcept {
    Utf8Stats st;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = text::utf8_sequence_length(s, i);
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

std::string from_cp1252(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out.push_back(ch);
        } else if (c < 0xA0) {
            text::append_utf8(out, kCp1252High[c - 0x80]);
        } else {
            text::append_utf8(out, c);  // Latin-1 range is identical
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

}  // namespace

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
            const UChar32 c = static_cast<UChar32>(text::utf8_next(valid, k));
            if (!(u_isalnum(c) || c == '\'' || c == 0x2019 || c == '&')) break;
            j = k;
        }
        if (j == i) {
            std::size_t k = i;
            static_cast<UChar32>(text::utf8_next(valid, k));
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

bool is_honour(std::string_view word) {
    std::string f = fold_key(word);
    while (!f.empty() && f.back() == '.') f.pop_back();
    for (std::string_view h : {"obe", "mbe", "cbe", "kbe", "dbe", "bem", "dl", "jp", "qc", "kc", "cvo", "mp"})
        if (f == h) return true;
    return false;
}

}  // namespace quorum::corpus
