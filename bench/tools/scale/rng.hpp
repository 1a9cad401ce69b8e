// A small deterministic random generator for the archive scaler. std:: distributions
// differ between standard libraries, so every draw here is our own arithmetic: the same
// seed writes the same archive on any machine.
#pragma once

#include <cstdint>
#include <string_view>

namespace quorum::bench {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}

    // splitmix64: tiny, fast, and good enough for text generation.
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, n); n > 0. The modulo bias is below 1e-12 for the n used here.
    std::uint64_t below(std::uint64_t n) { return next() % n; }

    // Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    bool chance(double p) { return unit() < p; }

    template <class C>
    const auto& pick(const C& items) {
        return items[below(items.size())];
    }

private:
    std::uint64_t state_;
};

// FNV-1a: a stable hash to derive per-name and per-council seeds.
inline std::uint64_t stable_hash(std::string_view s, std::uint64_t h = 1469598103934665603ULL) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

}  // namespace quorum::bench
