#include "lexicon.hpp"

#include <array>
#include <cctype>
#include <cmath>

namespace quorum::bench {
namespace {

constexpr std::array onsets{"b", "br", "c", "ch", "cr", "d", "dr", "f",  "g", "gr", "h",  "k", "l",
                            "m", "n",  "p", "pl", "r",  "s", "sh", "st", "t", "th", "tr", "w", "wh"};
constexpr std::array vowels{"a", "e", "i", "o", "u", "ea", "ai", "ou", "ee", "oa", "y"};
constexpr std::array codas{"", "", "n", "r", "l", "ck", "th", "m", "st", "nd", "x", "ll", "rt"};
constexpr std::array place_endings{"ford", "ton",   "bury",    "ley",   "wick",  "ham",  "field",
                                   "by",   "worth", "minster", "brook", "stead", "wood", "combe"};
constexpr std::array surname_endings{"", "er", "son", "ley", "s", "well", "man", "ton", "ridge", "by"};

}  // namespace

std::string WordMaker::word(int min_syllables, int max_syllables) {
    for (;;) {
        const int n = min_syllables + static_cast<int>(rng_.below(max_syllables - min_syllables + 1));
        std::string w;
        for (int i = 0; i < n; ++i) {
            w += rng_.pick(onsets);
            w += rng_.pick(vowels);
            w += rng_.pick(codas);
        }
        // A few suffixes make forms that look like new jargon rather than names.
        if (rng_.chance(0.05)) w += "ing";
        if (used_.insert(w).second) return w;
    }
}

std::string WordMaker::place() {
    for (;;) {
        std::string w = word(1, 2) + rng_.pick(place_endings);
        if (used_.insert(w).second) return capitalize(w);
    }
}

std::string WordMaker::surname() {
    for (;;) {
        std::string w = word(1, 2) + rng_.pick(surname_endings);
        if (used_.insert(w).second) return capitalize(w);
    }
}

HeapsLexicon::HeapsLexicon(std::uint64_t seed, double k, double beta)
    : rng_(seed), maker_(seed ^ 0xA5A5A5A5ULL), k_(k), beta_(beta) {}

const std::string& HeapsLexicon::draw(std::uint64_t tokens_so_far) {
    const double target = k_ * std::pow(static_cast<double>(tokens_so_far) + 1.0, beta_);
    std::uint32_t index;
    if (forms_.empty() || static_cast<double>(forms_.size()) < target) {
        std::string w = maker_.word(2, 3);
        // About two thirds are proper names (places, schemes), the rest lowercase jargon.
        if (rng_.chance(0.66)) w = capitalize(std::move(w));
        forms_.push_back(std::move(w));
        index = static_cast<std::uint32_t>(forms_.size() - 1);
    } else {
        index = draws_[rng_.below(draws_.size())];
    }
    draws_.push_back(index);
    return forms_[index];
}

std::string capitalize(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

}  // namespace quorum::bench
