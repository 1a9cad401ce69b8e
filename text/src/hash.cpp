#include "quorum/text/hash.hpp"

namespace quorum::text {

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t seed) noexcept {
    std::uint64_t h = seed;
    for (const unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;  // the 64-bit FNV prime
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

}  // namespace quorum::text
