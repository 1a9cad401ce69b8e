// related_words.tsv: the related words the hybrid search mode may add for a query word.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "quorum/corpus/data_file.hpp"
#include "quorum/index/index_writer.hpp"
#include "quorum/index/schema.hpp"
#include "quorum/index/text_fold.hpp"

namespace quorum::index {

namespace s = schema;

std::vector<RelatedWordEntry> parse_related_words(std::string_view tsv) {
    std::vector<RelatedWordEntry> out;
    for (const std::vector<std::string_view>& fields : corpus::data_file_records(tsv)) {
        if (fields.size() < 2) continue;
        const std::string word(fields[0]);
        for (const std::string_view entry : corpus::data_file_alternatives(fields[1])) {
            const auto colon = entry.rfind(':');
            const std::string related(entry.substr(0, colon == std::string_view::npos ? entry.size() : colon));
            const double weight = colon == std::string_view::npos
                                      ? 0
                                      : std::strtod(std::string(entry.substr(colon + 1)).c_str(), nullptr);
            if (related.empty() || !(weight > 0 && weight <= 1))
                throw std::runtime_error("related words: '" + word + "\t" + std::string(entry) +
                                         "' is not RELATED:WEIGHT with a weight in (0,1]");
            out.push_back({word, related, weight});
        }
    }
    return out;
}

void add_hybrid_synonyms(std::map<std::string, std::set<std::string>>& table,
                         const std::vector<std::pair<std::string, std::string>>& thesaurus,
                         const std::vector<RelatedWordEntry>& related_words, std::string_view learnt_tsv) {
    for (const auto& [plain, papers] : thesaurus) {
        std::string k = phrase_key(plain), v = phrase_key(papers);
        if (k.empty() || v.empty() || k == v || k.size() > s::max_term_value || v.size() > s::max_term_value) continue;
        table[std::string(s::thesaurus_key_prefix) + k].insert(v);
    }
    const auto learnt = parse_related_words(learnt_tsv);
    std::set<std::string> learnt_words;
    for (const auto& r : learnt) learnt_words.insert(r.word);
    std::vector<RelatedWordEntry> related;
    for (const auto& r : related_words)
        if (!learnt_words.count(r.word)) related.push_back(r);
    related.insert(related.end(), learnt.begin(), learnt.end());
    for (const auto& r : related) {
        std::string k = phrase_key(r.word), v = phrase_key(r.related);
        if (k.empty() || v.empty() || k == v || k.size() > s::max_term_value) continue;
        char weight[16];
        std::snprintf(weight, sizeof weight, "%.2f ", r.weight);
        table[std::string(s::related_key_prefix) + k].insert(weight + v);
    }
}

std::string format_related_words(const std::vector<RelatedWordEntry>& entries) {
    std::string out, word;
    for (const auto& e : entries) {
        char weight[16];
        std::snprintf(weight, sizeof weight, "%.2f", e.weight);
        if (e.word != word) {
            if (!out.empty()) out.push_back('\n');
            out += e.word + '\t';
            word = e.word;
        } else {
            out.push_back('|');
        }
        out += e.related + ':' + weight;
    }
    if (!out.empty()) out.push_back('\n');
    return out;
}

}  // namespace quorum::index
