// A member's voting record as CSV (GET /api/people/{id}?format=csv): one row per recorded vote
// they are listed in, from the "votes" of their stored person record.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace quorum::server {

[[nodiscard]] std::string voting_record_csv(const nlohmann::json& person);

}  // namespace quorum::server
