// Word forms the scaler adds to an archive so its vocabulary keeps growing as a real
// archive's does (Heaps' law: V(n) = K * n^beta distinct forms after n tokens), plus
// the synthetic councils, places and people that vary between documents.
#pragma once

#include "rng.hpp"

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "quorum/text/fold.hpp"

namespace quorum::bench {

// Pronounceable made-up words: place names, project names, surnames, jargon.
class WordMaker {
public:
    explicit WordMaker(std::uint64_t seed) : rng_(seed) {}
    std::string word(int min_syllables, int max_syllables);  // lowercase, never repeats
    std::string place();                                     // "Brackwick"
    std::string surname();                                   // "Thornley"

private:
    Rng rng_;
    std::unordered_set<std::string> used_;
};

// The Heaps process: each draw either creates a new form (while the number of forms is
// below K * tokens^beta) or reuses one in proportion to how often it was drawn before
// (preferential attachment, which gives the Zipf-shaped frequencies of real text).
class HeapsLexicon {
public:
    HeapsLexicon(std::uint64_t seed, double k, double beta);
    const std::string& draw(std::uint64_t tokens_so_far);
    [[nodiscard]] std::size_t size() const { return forms_.size(); }

private:
    Rng rng_;
    WordMaker maker_;
    double k_, beta_;
    std::vector<std::string> forms_;
    std::vector<std::uint32_t> draws_;  // one entry per draw: the form's index
};

std::string capitalize(std::string s);
// Ids the way Quorum makes them: "Audit and Governance Committee" -> "audit-and-governance-committee".
using text::slug;

}  // namespace quorum::bench
