#include "quorum/corpus/data_file.hpp"

namespace quorum::corpus {

std::vector<std::vector<std::string_view>> data_file_records(std::string_view text) {
    std::vector<std::vector<std::string_view>> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        std::vector<std::string_view> fields;
        std::size_t f = 0;
        for (;;) {
            const std::size_t tab = line.find('\t', f);
            fields.push_back(line.substr(f, tab == std::string_view::npos ? std::string_view::npos : tab - f));
            if (tab == std::string_view::npos) break;
            f = tab + 1;
        }
        out.push_back(std::move(fields));
    }
    return out;
}

std::vector<std::string_view> data_file_alternatives(std::string_view field) {
    std::vector<std::string_view> out;
    std::size_t p = 0;
    for (;;) {
        const std::size_t bar = field.find('|', p);
        out.push_back(field.substr(p, bar == std::string_view::npos ? std::string_view::npos : bar - p));
        if (bar == std::string_view::npos) break;
        p = bar + 1;
    }
    return out;
}

}  // namespace quorum::corpus
