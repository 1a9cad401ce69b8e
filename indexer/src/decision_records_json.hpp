// The JSON the indexer stores for the decisions pass (docs/DECISIONS.md "Serving it"): the
// shapes GET /api/decisions/{id}, /api/people/{id} and /api/committees/{id} return.
#pragma once

#include <nlohmann/json.hpp>

#include "quorum/decisions/decisions.hpp"

namespace quorum::index {

[[nodiscard]] nlohmann::json to_json(const decisions::Outcome& outcome);
[[nodiscard]] nlohmann::json to_json(const decisions::DecisionLink& link);
[[nodiscard]] nlohmann::json to_json(const decisions::Decision& decision);
[[nodiscard]] nlohmann::json to_json(const decisions::Thread& thread);
[[nodiscard]] nlohmann::json to_json(const decisions::PersonSummary& person);
[[nodiscard]] nlohmann::json to_json(const decisions::CommitteeSummary& committee);
// The summaries back from their stored shapes (null -> empty): to_json's inverse, for the
// summary spill, which keeps each council's parts on disk until every council is analysed.
// Throws nlohmann::json::exception on a shape to_json did not write.
[[nodiscard]] decisions::PersonSummary person_from_json(const nlohmann::json& j);
[[nodiscard]] decisions::CommitteeSummary committee_from_json(const nlohmann::json& j);
// The decision with its links and thread: the body of GET /api/decisions/{id}.
[[nodiscard]] nlohmann::json decision_detail_json(const decisions::DecisionAnalysis& analysis,
                                                  const decisions::Decision& decision);
// The same from the decision's links and thread (nullptr: none), found by the caller.
[[nodiscard]] nlohmann::json decision_detail_json(const decisions::Decision& decision,
                                                  const std::vector<const decisions::DecisionLink*>& links,
                                                  const decisions::Thread* thread);
// Everything in one piece: {"as_of","decisions","links","threads","people","committees"}.
[[nodiscard]] nlohmann::json to_json(const decisions::DecisionAnalysis& analysis);

}  // namespace quorum::index
