#include "quorum/text/utf8.hpp"

namespace quorum::text {

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept {
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

bool is_valid_utf8(std::string_view s) noexcept {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_sequence_length(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string repair_utf8(std::string_view text, bool* repaired) {
    if (repaired != nullptr) *repaired = false;
    std::size_t i = 0;
    // Fast path: most text is already valid.
    while (i < text.size()) {
        const std::size_t n = utf8_sequence_length(text, i);
        if (n == 0) break;
        i += n;
    }
    if (i == text.size()) return std::string(text);
    if (repaired != nullptr) *repaired = true;
    std::string out(text.substr(0, i));
    out.reserve(text.size() + 16);
    while (i < text.size()) {
        const std::size_t n = utf8_sequence_length(text, i);
        if (n == 0) {
            out.append(kReplacementCharacter);
            ++i;
            // One replacement per maximal invalid run of continuation bytes.
            while (i < text.size() && is_utf8_continuation(text[i])) ++i;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

void append_utf8(std::string& out, std::uint32_t c) {
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

char32_t utf8_next(std::string_view s, std::size_t& i) noexcept {
    const std::size_t n = utf8_sequence_length(s, i);
    const auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
    char32_t c = 0xFFFD;
    switch (n) {
        case 1:
            c = b(0);
            break;
        case 2:
            c = (b(0) & 0x1F) << 6 | (b(1) & 0x3F);
            break;
        case 3:
            c = (b(0) & 0x0F) << 12 | (b(1) & 0x3F) << 6 | (b(2) & 0x3F);
            break;
        case 4:
            c = (b(0) & 0x07) << 18 | (b(1) & 0x3F) << 12 | (b(2) & 0x3F) << 6 | (b(3) & 0x3F);
            break;
        default:
            break;
    }
    i += n == 0 ? 1 : n;
    return c;
}

std::size_t utf8_length(std::string_view s) noexcept {
    std::size_t n = 0;
    for (const char c : s) n += is_utf8_continuation(c) ? 0 : 1;
    return n;
}

std::size_t utf8_floor(std::string_view s, std::size_t pos) noexcept {
    if (pos >= s.size()) return s.size();
    while (pos > 0 && is_utf8_continuation(s[pos])) --pos;
    return pos;
}

std::size_t utf8_ceil(std::string_view s, std::size_t pos) noexcept {
    while (pos < s.size() && is_utf8_continuation(s[pos])) ++pos;
    return pos < s.size() ? pos : s.size();
}

}  // namespace quorum::text
