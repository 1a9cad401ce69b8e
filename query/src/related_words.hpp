// The words related to one word of a query, for the hybrid mode: words used alike in
// council papers (the index's "~word" synonym entries, from word vectors) and WordNet's
// general English synonyms. Only words the index holds are offered, weighed below the word.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace quorum::query {

// Measured on the tuning questions of tests/relevance (docs/RELEVANCE.md).
inline constexpr double archive_word_weight = 0.5;  // x the vectors' cosine similarity
inline constexpr double wordnet_word_weight = 0.4;
inline constexpr std::size_t max_archive_words = 3;
inline constexpr std::size_t max_wordnet_words = 3;
inline constexpr unsigned wordnet_max_uses = 5;  // units using a word, at most, for WordNet to be asked

// The index term a stand-in word is searched by: its stem, as the index holds it ("Z" +
// stem). A stem under three letters is a scrap the stemmer left of a short word or an
// acronym ("aed" -> "a", which every "a" in the archive would match): then the word itself,
// which the index holds unstemmed too.
[[nodiscard]] std::string stand_in_term(const Xapian::Stem& stem, const std::string& word);

struct RelatedWord {
    std::string word;
    double weight = 0;   // multiplies the related word's score; the word itself counts 1
    std::string source;  // archive | wordnet
};

// `curated`: the council thesaurus already has the word; WordNet is then not asked.
// `typed_stems`: the stems of every word of the query. A word the person typed is never
// offered as a stand-in for another ("care ≈ social" would count "care" twice).
[[nodiscard]] std::vector<RelatedWord> related_words(const Xapian::Database& db, const Xapian::Stem& stem,
                                                     const std::string& word, bool curated = false,
                                                     const std::vector<std::string>& typed_stems = {});

}  // namespace quorum::query
