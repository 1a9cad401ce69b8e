// GET /api/councils and /api/councils/{id} (issue 17): the councils the papers name, each
// with its meetings, decisions and people, as JSON and CSV.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <quorum/query/searcher.hpp>

namespace quorum::server {

// {"id","name","meetings","decisions","people","units","first_date","last_date"}
[[nodiscard]] nlohmann::json council_json(const query::CouncilSummary& council);
// The summary plus "committees" [{"id","name","meetings"}], "meetings_by_year"
// [{"year","meetings"}] and "members" (people records of councillors and co-optees).
[[nodiscard]] nlohmann::json council_detail_json(const query::CouncilDetail& council);
// One row per council: id, name, meetings, decisions, people, units, first date, last date.
[[nodiscard]] std::string councils_csv(const std::vector<query::CouncilSummary>& councils);

}  // namespace quorum::server
