// What a run's options resolve to: the topics and council terms files read and parsed
// once, before any file is read, and handed to every step as values.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "quorum/corpus/topics.hpp"
#include "quorum/index/index_run.hpp"
#include "quorum/index/index_writer.hpp"
#include "quorum/index/unit_record.hpp"

namespace quorum::index {

struct RunSettings {
    corpus::TopicRules topics;  // which topics units get (--topics, or the built-in rules)
    NameTable topic_names;      // their display names, for the stored records
    std::vector<std::pair<std::string, std::string>> council_terms;  // synonyms (--terms, or built in)
    std::vector<std::pair<std::string, std::string>> thesaurus;      // hybrid mode (--thesaurus, or built in)
    std::vector<RelatedWordEntry> related_words;                     // hybrid mode (--related-words, or built in)
    std::string fingerprint;  // options that change the index content (a topics file, OCR built in)
    unsigned threads = 1;
    std::string as_of;  // decisions pass: statuses relative to this date; "" = today
    std::uint64_t keep_readings_bytes = 0;  // decisions pass: a run reading more reads each council again
};

// Throws std::runtime_error, saying what to do, when a file cannot be read or a topics
// file holds no rule.
[[nodiscard]] RunSettings load_run_settings(const RunOptions& options);

}  // namespace quorum::index
