#include <string>

#include "quorum/corpus/data_file.hpp"
#include "quorum/index/index_writer.hpp"
#include "quorum/index/text_fold.hpp"

namespace quorum::index {

std::vector<std::pair<std::string, std::string>> parse_council_terms(std::string_view tsv) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::vector<std::string_view>& fields : corpus::data_file_records(tsv)) {
        if (fields.size() < 2) continue;
        const std::string term(fields[0]);
        for (const std::string_view syn : corpus::data_file_alternatives(fields[1])) {
            std::string s(syn);
            while (!s.empty() && s.back() == ' ') s.pop_back();
            if (!s.empty()) out.emplace_back(term, s);
        }
    }
    return out;
}

}  // namespace quorum::index
