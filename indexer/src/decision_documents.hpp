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

// Decision detail JSON (decision + links + thread) plus "council" and "page". The list
// order (order slot) is the decision's date, then its unit's file order (`places`), then
// its place in `analysis`: the same order whether the archive was analysed whole or in
// batches of councils.
[[nodiscard]] std::vector<RecordDocument> decision_documents(const decisions::DecisionAnalysis& analysis,
                                                             const std::map<std::string, UnitPlace>& places);
[[nodiscard]] std::vector<RecordDocument> person_documents(const std::vector<decisions::PersonSummary>& people);
[[nodiscard]] std::vector<RecordDocument> committee_documents(
    const std::vector<decisions::CommitteeSummary>& committees);

// What a unit carries from its decision records: XO/XS terms, outcome/status slots and
// the "decision" field of its record ({"id","outcome","status","overdue"}).
struct UnitDecision {
    std::vector<std::string> outcomes, statuses;  // slugs, distinct, first = slot value
    nlohmann::json record;                        // the first decision's summary
};
[[nodiscard]] std::map<std::string, UnitDecision> unit_decisions(const decisions::DecisionAnalysis& analysis);
// Gives a unit's document what `wanted` says; false when it already had exactly that.
[[nodiscard]] bool give_decision(Xapian::Document& doc, const UnitDecision& wanted);

}  // namespace quorum::index
