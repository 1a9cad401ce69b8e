// Related words learnt from council papers: fastText word vectors (Debian's
// libfasttext-dev, subword skipgram), and each word's nearest neighbours among the words
// the papers use often. The hybrid search mode adds them to a query (query/related_words).
#pragma once

#include <filesystem>
#include <vector>

#include "quorum/index/index_writer.hpp"

namespace quorum::index {

struct RelatedWordsOptions {
    int min_count = 20;            // a word used fewer times has a vector too noisy to trust
    double min_similarity = 0.66;  // cosine; below it neighbours are topical, not alike
    std::size_t per_word = 4;
    unsigned threads = 2;
    int dim = 100, epoch = 5;
    int buckets = 200000;              // subword hash buckets: fastText's 2 million make an 800 MB matrix
    std::filesystem::path save_model;  // where to keep the trained model (.bin), if anywhere
    // Text the model learnt from (lower-case words): with it, words that stand side by side
    // ("social care", "parish council") are told from words used alike. Training sets it.
    std::filesystem::path usage_text;
    // The share of the rarer word's uses within three words of the other from which a pair
    // is a collocation, not a stand-in: "adult social care" makes "adult" a neighbour of
    // "care" in the vectors; "dismissed" seldom stands near "sacked". Measured on the
    // corpora: "increase" is near 0.5% of the uses of "rise", "adult" near 64% of "care"'s.
    double collocation_share = 0.05;
};

// Whether quorum was built with fastText.
[[nodiscard]] bool word_vectors_built_in();

// Trains on `text` (one passage per line, lower case words) and returns the neighbours.
// Throws std::runtime_error when fastText is not built in or the text cannot be read.
[[nodiscard]] std::vector<RelatedWordEntry> learn_related_words(const std::filesystem::path& text,
                                                                const RelatedWordsOptions& options);

// The neighbours in a model fastText saved (.bin).
[[nodiscard]] std::vector<RelatedWordEntry> related_words_of_model(const std::filesystem::path& model,
                                                                   const RelatedWordsOptions& options);

}  // namespace quorum::index
