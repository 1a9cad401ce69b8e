#include <string>

#include "quorum/index/index_writer.hpp"
#include "quorum/index/text_fold.hpp"

namespace quorum::index {

std::vector<std::pair<std::string, std::string>> parse_council_terms(std::string_view tsv) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t pos = 0;
    while (pos < tsv.size()) {
        std::size_t end = tsv.find('\n', pos);
        if (end == std::string_view::npos) end = tsv.size();
        std::string_view line = tsv.substr(pos, end - pos);
        pos = end + 1;
        if (line.empty() || line.front() == '#') continue;
        std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos) continue;
        std::string term(line.substr(0, tab));
        std::string_view rest = line.substr(tab + 1);
        while (!rest.empty()) {
            std::size_t bar = rest.find('|');
            std::string_view syn = rest.substr(0, bar);
            std::string s(syn);
            while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.pop_back();
            if (!s.empty()) out.emplace_back(term, s);
            if (bar == std::string_view::npos) break;
            rest = rest.substr(bar + 1);
        }
    }
    return out;
}

}  // namespace quorum::index
