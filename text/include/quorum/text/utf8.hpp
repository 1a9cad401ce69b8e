// UTF-8: one definition of what is valid, how a code point is written, and where a cut
// may fall. Overlong forms, surrogates and code points above U+10FFFF are invalid.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace quorum::text {

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence starting at s[i] (i < s.size()), or 0 when invalid.
[[nodiscard]] std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept;

[[nodiscard]] bool is_valid_utf8(std::string_view s) noexcept;

// Invalid sequences replaced by U+FFFD (one per maximal invalid run); sets *repaired when
// anything was replaced. Valid text is returned unchanged.
[[nodiscard]] std::string repair_utf8(std::string_view s, bool* repaired = nullptr);

// Appends code point `c`; NUL, surrogates and values above U+10FFFF become U+FFFD.
void append_utf8(std::string& out, std::uint32_t c);

// Decodes the code point at s[i] and advances i past it; an invalid byte gives U+FFFD and
// advances by one.
[[nodiscard]] char32_t utf8_next(std::string_view s, std::size_t& i) noexcept;

// Number of code points (s must be valid UTF-8).
[[nodiscard]] std::size_t utf8_length(std::string_view s) noexcept;

// The largest position <= pos that does not fall inside a sequence: where a cut may go.
[[nodiscard]] std::size_t utf8_floor(std::string_view s, std::size_t pos) noexcept;

// The smallest position >= pos that does not fall inside a sequence.
[[nodiscard]] std::size_t utf8_ceil(std::string_view s, std::size_t pos) noexcept;

// Whether byte c continues a sequence (10xxxxxx).
[[nodiscard]] constexpr bool is_utf8_continuation(char c) noexcept {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace quorum::text
