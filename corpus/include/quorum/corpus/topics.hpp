// Topic rules as a value: parsed once from a topics file (corpus/data/topics.tsv format)
// and handed to the readers in ReadOptions, so the rules a run is given are the rules its
// units get.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace quorum::corpus {

struct TopicRule {
    std::string id;
    std::string name;
    std::vector<std::string> patterns;  // folded words, '*' ending a word = stem
};

// Parsed topic rules, ready to match. Immutable: copies share one parse, and any number of
// threads may use them at once. A default-constructed TopicRules has no rules.
class TopicRules {
public:
    TopicRules() = default;

    // Rules from text in the topics data format (see the header of corpus/data/topics.tsv).
    // Bad lines are skipped; rules() tells what was read.
    [[nodiscard]] static TopicRules parse(std::string_view tsv_text);

    [[nodiscard]] const std::vector<TopicRule>& rules() const;

    // Display name of a topic id ("send" -> "Special educational needs and disabilities
    // (SEND)"), or "" when the id is unknown.
    [[nodiscard]] std::string name(std::string_view id) const;

    // Topic ids of a unit: a pattern in its title, or enough occurrences in its text.
    [[nodiscard]] std::vector<std::string> assign(std::string_view title, std::string_view text) const;

    struct Matcher;

private:
    std::shared_ptr<const Matcher> matcher_;
};

// The rules of corpus/data/topics.tsv, compiled in; parsed on first use, once per process.
[[nodiscard]] const TopicRules& default_topic_rules();

}  // namespace quorum::corpus
