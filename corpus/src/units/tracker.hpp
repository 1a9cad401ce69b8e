// Action and recommendation trackers: one action per table row.
#pragma once

#include <string>
#include <vector>

#include "quorum/corpus/model.hpp"

namespace quorum::corpus {

// A tracker header names an action column and an owner, due date or status column
// ("Action Number | Meeting Date | Action | Owner | ... | Due date | Reported complete").
[[nodiscard]] bool is_tracker_header(const std::vector<std::string>& header);

// One ActionInfo per body row; dates normalised to YYYY-MM-DD when they parse, status
// folded ("OVERDUE" -> "overdue", "Complete" -> "completed").
[[nodiscard]] std::vector<ActionInfo> read_tracker(const TableInfo& table);

// Readable text of one action for display and search.
[[nodiscard]] std::string action_text(const ActionInfo& action);

}  // namespace quorum::corpus
