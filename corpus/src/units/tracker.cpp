// Trackers list what a committee asked for and whether it was done. Columns are found
// by their header names, so reordered or missing columns still read.
#include "units/tracker.hpp"

#include <optional>

#include "quorum/corpus/dates.hpp"
#include "quorum/corpus/text.hpp"

namespace quorum::corpus {
namespace {

enum class Column { none, number, meeting_date, action, owner, directorate, progress, due_date, status };

bool has(const std::string& s, std::string_view w) { return s.find(w) != std::string::npos; }

Column column_of(const std::string& header_cell) {
    const std::string h = fold_key(header_cell);
    if (h.empty()) return Column::none;
    if (has(h, "number") || h == "no" || h == "no." || h == "ref" || h == "ref." || h == "#" || h == "id" ||
        h == "action no" || h == "action no.") {
        return Column::number;
    }
    if (has(h, "due") || has(h, "deadline") || has(h, "target date") || has(h, "by when")) return Column::due_date;
    if (has(h, "meeting date") || has(h, "date of meeting") || has(h, "date raised") || has(h, "date added") ||
        h == "date" || h == "meeting") {
        return Column::meeting_date;
    }
    if (has(h, "status") || has(h, "complete") || h == "rag" || has(h, "rag rating")) return Column::status;
    if (has(h, "progress") || has(h, "update") || has(h, "comment") || has(h, "response")) return Column::progress;
    if (has(h, "owner") || has(h, "lead") || has(h, "responsible") || has(h, "officer")) return Column::owner;
    if (has(h, "directorate") || has(h, "department") || h == "service") return Column::directorate;
    if (has(h, "action") || has(h, "recommendation") || has(h, "description")) return Column::action;
    return Column::none;
}

std::string normalise_date(const std::string& printed) {
    if (printed.empty()) return printed;
    if (auto d = parse_numeric_date(printed)) return *d;
    if (auto d = find_date(printed)) return *d;
    return printed;
}

std::string normalise_status(const std::string& printed) {
    const std::string s = fold_key(printed);
    if (s.empty()) return s;
    if (s == "complete" || s == "completed" || s == "done" || s == "closed" || s == "yes" || s == "achieved") {
        return "completed";
    }
    if (s == "in progress" || s == "ongoing" || s == "on going" || s == "on-going" || s == "in hand" ||
        s == "underway") {
        return "in progress";
    }
    return s;
}

}  // namespace

bool is_tracker_header(const std::vector<std::string>& header) {
    bool action = false;
    bool other = false;
    for (const std::string& cell : header) {
        const Column c = column_of(cell);
        action = action || c == Column::action;
        other = other || c == Column::owner || c == Column::due_date || c == Column::status;
    }
    return action && other;
}

std::vector<ActionInfo> read_tracker(const TableInfo& table) {
    std::vector<Column> columns;
    for (const std::string& cell : table.header) columns.push_back(column_of(cell));
    std::vector<ActionInfo> out;
    for (const auto& row : table.rows) {
        ActionInfo a;
        bool any = false;
        for (std::size_t k = 0; k < row.size() && k < columns.size(); ++k) {
            const std::string& v = row[k];
            if (v.empty()) continue;
            any = true;
            switch (columns[k]) {
                case Column::number:
                    a.number = v;
                    break;
                case Column::meeting_date:
                    a.meeting_date = normalise_date(v);
                    break;
                case Column::action:
                    a.action = v;
                    break;
                case Column::owner:
                    a.owner = v;
                    break;
                case Column::directorate:
                    a.directorate = v;
                    break;
                case Column::progress:
                    a.progress = v;
                    break;
                case Column::due_date:
                    a.due_date = normalise_date(v);
                    break;
                case Column::status:
                    a.status = normalise_status(v);
                    break;
                case Column::none:
                    break;
            }
        }
        if (any) out.push_back(std::move(a));
    }
    return out;
}

std::string action_text(const ActionInfo& a) {
    std::string out = "Action";
    if (!a.number.empty()) out += " " + a.number;
    if (!a.meeting_date.empty()) out += " (meeting " + a.meeting_date + ")";
    out += ": " + a.action;
    if (!a.owner.empty() || !a.directorate.empty()) {
        out += "\nOwner: " + a.owner;
        if (!a.directorate.empty()) out += a.owner.empty() ? a.directorate : " (" + a.directorate + ")";
    }
    if (!a.progress.empty()) out += "\nProgress: " + a.progress;
    if (!a.due_date.empty()) out += "\nDue: " + a.due_date;
    if (!a.status.empty()) out += "\nStatus: " + a.status;
    return out;
}

}  // namespace quorum::corpus
