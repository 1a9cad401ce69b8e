// related_words.tsv: the related words the hybrid search mode may add for a query word.
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "quorum/corpus/data_file.hpp"
#include "quorum/index/index_writer.hpp"

namespace quorum::index {

std::vector<RelatedWordEntry> parse_related_words(std::string_view tsv) {
    std::vector<RelatedWordEntry> out;
    for (const std::vector<std::string_view>& fields : corpus::data_file_records(tsv)) {
        if (fields.size() < 2) continue;
        const std::string word(fields[0]);
        for (const std::string_view entry : corpus::data_file_alternatives(fields[1])) {
            const auto colon = entry.rfind(':');
            const std::string related(entry.substr(0, colon == std::string_view::npos ? entry.size() : colon));
            const double weight =
                colon == std::string_view::npos ? 0 : std::strtod(std::string(entry.substr(colon + 1)).c_str(), nullptr);
            if (related.empty() || !(weight > 0 && weight <= 1))
                throw std::runtime_error("related words: '" + word + "\t" + std::string(entry) +
                                         "' is not RELATED:WEIGHT with a weight in (0,1]");
            out.push_back({word, related, weight});
        }
    }
    return out;
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
