// Topics: transparent phrase rules read from the topics data file (data/topics.tsv).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quorum/corpus/topics.hpp"

namespace quorum::corpus {

// Parses the data file format (see the header of data/topics.tsv). Bad lines are skipped.
[[nodiscard]] std::vector<TopicRule> parse_topics(std::string_view tsv_text);

// Words of a text as the matcher sees them: folded, apostrophes dropped, split at
// everything that is not a letter or digit.
[[nodiscard]] std::vector<std::string> topic_words(std::string_view text);

}  // namespace quorum::corpus
