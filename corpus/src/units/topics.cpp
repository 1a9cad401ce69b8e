// Topic assignment. Rules are data (data/topics.tsv, compiled in; a run may give its own
// as a TopicRules value). Matching is one pass over the folded words of a text: each word
// looks up the patterns that start with it (exact words in one hash map, stems by their
// prefixes in another), so the cost does not grow with the number of rules.
#include "units/topics.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <unordered_map>

#include "quorum/corpus/data_file.hpp"
#include "quorum/corpus/text.hpp"

namespace quorum::corpus {

extern const char* const kDefaultTopicsData;

struct TopicRules::Matcher {
    struct Pattern {
        std::vector<std::string> words;
        std::vector<bool> stem;
        std::size_t topic = 0;
    };
    std::vector<TopicRule> topics;
    std::vector<Pattern> patterns;
    std::unordered_map<std::string, std::vector<std::size_t>> exact_first;  // first word -> patterns
    std::unordered_map<std::string, std::vector<std::size_t>> stem_first;   // first stem -> patterns
    std::size_t max_stem = 0;
};

namespace {

using Matcher = TopicRules::Matcher;
using Pattern = Matcher::Pattern;

bool word_matches(const std::string& word, const std::string& pattern, bool stem) {
    return stem ? word.compare(0, pattern.size(), pattern) == 0 : word == pattern;
}

std::shared_ptr<const Matcher> build(std::string_view tsv) {
    auto m = std::make_shared<Matcher>();
    m->topics = parse_topics(tsv);
    for (std::size_t t = 0; t < m->topics.size(); ++t) {
        for (const std::string& text : m->topics[t].patterns) {
            Pattern p;
            p.topic = t;
            std::size_t start = 0;
            while (start <= text.size()) {
                std::size_t end = text.find(' ', start);
                if (end == std::string::npos) end = text.size();
                std::string w = text.substr(start, end - start);
                start = end + 1;
                if (w.empty()) continue;
                const bool stem = w.back() == '*';
                if (stem) w.pop_back();
                if (w.empty()) continue;
                p.words.push_back(std::move(w));
                p.stem.push_back(stem);
            }
            if (p.words.empty()) continue;
            const std::size_t index = m->patterns.size();
            if (p.stem.front()) {
                m->max_stem = std::max(m->max_stem, p.words.front().size());
                m->stem_first[p.words.front()].push_back(index);
            } else {
                m->exact_first[p.words.front()].push_back(index);
            }
            m->patterns.push_back(std::move(p));
        }
    }
    return m;
}

// Occurrences per topic: at each word position a topic counts at most once.
std::vector<int> count(const Matcher& m, const std::vector<std::string>& words) {
    std::vector<int> counts(m.topics.size(), 0);
    std::vector<std::size_t> seen;  // topics matched at the current position
    const auto try_patterns = [&](const std::vector<std::size_t>& list, std::size_t i) {
        for (const std::size_t pi : list) {
            const Pattern& p = m.patterns[pi];
            if (i + p.words.size() > words.size()) continue;
            bool ok = true;
            for (std::size_t k = 0; k < p.words.size() && ok; ++k)
                ok = word_matches(words[i + k], p.words[k], p.stem[k]);
            if (ok && std::find(seen.begin(), seen.end(), p.topic) == seen.end()) {
                seen.push_back(p.topic);
                ++counts[p.topic];
            }
        }
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        seen.clear();
        const std::string& w = words[i];
        if (auto it = m.exact_first.find(w); it != m.exact_first.end()) try_patterns(it->second, i);
        if (!m.stem_first.empty()) {
            const std::size_t longest = std::min(w.size(), m.max_stem);
            for (std::size_t len = 1; len <= longest; ++len) {
                if (auto it = m.stem_first.find(w.substr(0, len)); it != m.stem_first.end())
                    try_patterns(it->second, i);
            }
        }
    }
    return counts;
}

}  // namespace

std::vector<TopicRule> parse_topics(std::string_view tsv_text) {
    std::vector<TopicRule> out;
    for (const std::vector<std::string_view>& fields : data_file_records(tsv_text)) {
        if (fields.size() < 3) continue;
        TopicRule rule;
        rule.id = trim(fields[0]);
        rule.name = trim(fields[1]);
        for (const std::string_view raw : data_file_alternatives(fields[2])) {
            // Fold the pattern the way texts are folded; a '*' stays on the word it ends.
            std::string marked;
            std::size_t t = 0;
            while (t < raw.size()) {
                std::size_t space = raw.find(' ', t);
                if (space == std::string_view::npos) space = raw.size();
                std::string_view token = raw.substr(t, space - t);
                t = space + 1;
                const bool stem = !token.empty() && token.back() == '*';
                if (stem) token.remove_suffix(1);
                const std::vector<std::string> words = topic_words(token);
                for (std::size_t k = 0; k < words.size(); ++k) {
                    if (!marked.empty()) marked += ' ';
                    marked += words[k];
                    if (stem && k + 1 == words.size()) marked += '*';
                }
            }
            if (!marked.empty()) rule.patterns.push_back(marked);
        }
        if (!rule.id.empty() && !rule.patterns.empty()) out.push_back(std::move(rule));
    }
    return out;
}

std::vector<std::string> topic_words(std::string_view text) {
    const std::string folded = fold_key(text);
    std::vector<std::string> words;
    std::string cur;
    for (const char ch : folded) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) != 0 || c >= 0x80) {
            cur.push_back(static_cast<char>(c));
        } else if (c == '\'') {
            // "children's" -> "childrens": an apostrophe joins.
        } else if (!cur.empty()) {
            words.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) words.push_back(std::move(cur));
    return words;
}

TopicRules TopicRules::parse(std::string_view tsv_text) {
    TopicRules rules;
    rules.matcher_ = build(tsv_text);
    return rules;
}

const std::vector<TopicRule>& TopicRules::rules() const {
    static const std::vector<TopicRule> none;
    return matcher_ ? matcher_->topics : none;
}

std::vector<std::string> TopicRules::assign(std::string_view title, std::string_view text) const {
    if (!matcher_ || matcher_->topics.empty()) return {};
    const Matcher& m = *matcher_;
    const std::vector<int> in_title = count(m, topic_words(title));
    const std::vector<std::string> words = topic_words(text);
    const std::vector<int> in_text = count(m, words);
    const int needed = std::max<int>(2, static_cast<int>(words.size() / 500));
    std::vector<std::string> out;
    for (std::size_t t = 0; t < m.topics.size(); ++t) {
        if (in_title[t] > 0 || in_text[t] >= needed) out.push_back(m.topics[t].id);
    }
    return out;
}

std::string TopicRules::name(std::string_view id) const {
    for (const TopicRule& t : rules()) {
        if (t.id == id) return t.name;
    }
    return {};
}

const TopicRules& default_topic_rules() {
    static const TopicRules rules = TopicRules::parse(kDefaultTopicsData);
    return rules;
}

}  // namespace quorum::corpus
