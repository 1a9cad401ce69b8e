// How often two members voted the same way: the recorded votes both took part in, from their
// stored person records (their "votes" lists), for GET /api/people/{id}/agreement.
#pragma once

#include <nlohmann/json.hpp>

namespace quorum::server {

// {"person", "with", "votes_together", "same", "different", "agreement", "votes": [...]}:
// a vote counts once however many ways a member is listed in it (the minutes can list a
// member both for and against; that vote is then "different" unless both were listed alike).
[[nodiscard]] nlohmann::json vote_agreement(const nlohmann::json& person, const nlohmann::json& with);

}  // namespace quorum::server
