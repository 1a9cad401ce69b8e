// The decisions pass's records as Xapian documents (docs/DECISIONS.md "Serving it"):
// one document per decision, person and committee, with the JSON the server returns as
// data, the list form in the summary slot and the terms its filters use. Pure.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "quorum/decisions/decisions.hpp"
#include "quorum/index/index_writer.hpp"

namespace quorum::index {

struct RecordDocument {
    std::string id_term;  // Q<tag><id>
    Xapian::Document doc;
};

// Decision detail JSON (decision + links + thread) plus "council" and "page".
[[nodiscard]] std::vector<RecordDocument> decision_documents(const decisions::DecisionAnalysis& analysis,
                                                             const std::map<std::string, UnitPlace>& places);
[[nodiscard]] std::vector<RecordDocument> person_documents(const decisions::DecisionAnalysis& analysis);
[[nodiscard]] std::vector<RecordDocument> committee_documents(const decisions::DecisionAnalysis& analysis);

// What a unit carries from its decision records: XO/XS terms, outcome/status slots and
// the "decision" field of its record ({"id","outcome","status","overdue"}).
struct UnitDecision {
    std::vector<std::string> outcomes, statuses;  // slugs, distinct, first = slot value
    nlohmann::json record;                        // the first decision's summary
};
[[nodiscard]] std::map<std::string, UnitDecision> unit_decisions(const decisions::DecisionAnalysis& analysis);

}  // namespace quorum::index
