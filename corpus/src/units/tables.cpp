// Tables of figures, risks, reviewers and work programmes. Tracker and question tables
// are recognised by their headers elsewhere (tracker.cpp, questions.cpp) and shaped here.
#include "units/tables.hpp"

#include <cctype>

#include "quorum/corpus/text.hpp"

namespace quorum::corpus {
namespace {

std::size_t filled(const std::vector<std::string>& row) {
    std::size_t n = 0;
    for (const std::string& cell : row) n += cell.empty() ? 0 : 1;
    return n;
}

bool is_separator(const std::vector<std::string>& row) {
    for (const std::string& cell : row) {
        for (const char c : cell) {
            if (c != '-' && c != '=' && c != '_' && c != ' ') return false;
        }
    }
    return true;  // empty rows too
}

void merge_into(std::vector<std::string>& target, const std::vector<std::string>& row) {
    if (target.size() < row.size()) target.resize(row.size());
    for (std::size_t k = 0; k < row.size(); ++k) {
        if (row[k].empty()) continue;
        target[k] = target[k].empty() ? row[k] : target[k] + " " + row[k];
    }
}

bool short_cells(const std::vector<std::string>& row) {
    for (const std::string& cell : row) {
        if (cell.size() > 24) return false;
    }
    return true;
}

std::string join_row(const std::vector<std::string>& row) {
    std::size_t end = row.size();
    while (end > 0 && row[end - 1].empty()) --end;
    std::string out;
    for (std::size_t k = 0; k < end; ++k) {
        if (k > 0) out += " | ";
        out += row[k];
    }
    return out;
}

}  // namespace

TableInfo shape_table(const TableRun& run, std::string caption) {
    TableInfo table;
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : run.rows) {
        if (!is_separator(row)) rows.push_back(row);
    }
    std::size_t i = 0;
    if (rows.size() > 2 && rows[0].size() > 1 && filled(rows[0]) == 1 && !rows[0][0].empty()) {
        if (caption.empty()) caption = rows[0][0];
        i = 1;
    }
    table.caption = std::move(caption);
    if (i >= rows.size()) return table;
    table.header = rows[i++];
    const std::size_t width = table.header.size();
    bool after_header = true;
    for (; i < rows.size(); ++i) {
        const auto& row = rows[i];
        const bool empty_first = row.empty() || row.front().empty();
        if (empty_first && after_header && filled(row) >= 1 && short_cells(row)) {
            merge_into(table.header, row);  // "\t£000\t£000": units under the header
            continue;
        }
        after_header = false;
        // the header printed again at the top of the next page: kept once
        if (row == table.header) continue;
        if (empty_first && (row.size() < width || filled(row) <= 1)) {
            merge_into(table.rows.empty() ? table.header : table.rows.back(), row);
            continue;
        }
        table.rows.push_back(row);
    }
    return table;
}

std::string table_text(const TableInfo& table) {
    std::string out = table.caption;
    const auto add = [&](const std::vector<std::string>& row) {
        const std::string line = join_row(row);
        if (line.empty()) return;
        if (!out.empty()) out += '\n';
        out += line;
    };
    add(table.header);
    for (const auto& row : table.rows) add(row);
    return out;
}

bool is_numbered_caption(std::string_view text) {
    const std::string f = fold_key(text.substr(0, 12));
    if (f.rfind("table ", 0) != 0 || f.size() < 7) return false;
    return std::isdigit(static_cast<unsigned char>(f[6])) != 0;
}

bool is_caption_block(const Block& block) {
    if (is_numbered_caption(block.text)) return true;
    if (block.bullet || block.label_kind != LabelKind::none || !heading_like(block) || block.text.size() > 60)
        return false;
    if (block.text.find(':') != std::string::npos) return false;
    // Notes printed in capitals ("BLUE TEXT INDICATES NEW ACTIONS ADDED") are not titles.
    bool lower = false;
    for (const char c : block.text) lower = lower || std::islower(static_cast<unsigned char>(c)) != 0;
    return lower;
}

}  // namespace quorum::corpus
