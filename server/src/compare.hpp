// GET /api/compare?q=...&by=committee|year: for one question, how many passages match in each
// committee (or year), and each group's best-ranked resolution: "which committees have
// decided on this, and what". Built from the search the backend already answers.
#pragma once

#include <nlohmann/json.hpp>

#include "backend.hpp"
#include "params.hpp"

namespace quorum::server {

[[nodiscard]] nlohmann::json compare_json(Backend& backend, const CompareParams& params);

}  // namespace quorum::server
