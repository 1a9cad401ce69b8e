// Stable hashes for ids and fingerprints: the same bytes give the same value on every
// machine and in every run (std::hash promises neither).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace quorum::text {

inline constexpr std::uint64_t kFnvOffsetBasis = 14695981039346656037ull;

// 64-bit FNV-1a.
[[nodiscard]] std::uint64_t fnv1a(std::string_view bytes, std::uint64_t seed = kFnvOffsetBasis) noexcept;

// 16 lower-case hex digits.
[[nodiscard]] std::string hex64(std::uint64_t value);

}  // namespace quorum::text
