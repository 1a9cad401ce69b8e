// The hybrid mode's expansion: each word of a parsed query is ORed, in place, with the
// words it may mean (the council thesaurus, words used alike in council papers, WordNet),
// so "sacked manager" still needs both ideas: (sacked OR ~dismissed) AND manager. The
// related words of one source form one Xapian synonym (scored as one term: a passage
// using three of them does not outscore one using the word itself), scaled below the word.
// Phrases, filters and the words after NOT are left as they are.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "quorum/query/searcher.hpp"

namespace quorum::query {

// Measured on the tuning questions of tests/relevance (docs/RELEVANCE.md).
inline constexpr double thesaurus_weight = 0.5;

struct MeaningExpansion {
    Xapian::Query query;
    std::vector<Expansion> expansions;             // for the reading of the query
    std::map<std::string, std::string> stand_ins;  // term of a related word -> "dismissed ≈ sacked"
};

// `words`: the query's words to expand (folded, stop words already out). `thesaurus`: the
// index's one-way thesaurus and its one-word keys by stem (IndexCache).
[[nodiscard]] MeaningExpansion expand_by_meaning(const Xapian::Query& parsed, const std::vector<std::string>& words,
                                                 const Xapian::Database& db, const Xapian::Stem& stem,
                                                 const std::map<std::string, std::vector<std::string>>& thesaurus,
                                                 const std::map<std::string, std::string>& thesaurus_stems);

}  // namespace quorum::query
