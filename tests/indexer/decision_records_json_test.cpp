// The JSON the indexer stores for the decisions pass (moved here from decisions/ with the
// code that shapes it): the analysis of the samples, read through the readers.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "decision_records_json.hpp"
#include "quorum/corpus/reader.hpp"
#include "quorum/decisions/decisions.hpp"

using namespace quorum;

namespace {

const decisions::DecisionAnalysis& samples_analysis() {
    static const decisions::DecisionAnalysis a = [] {
        corpus::Archive archive;
        std::vector<corpus::Diagnostic> diagnostics;
        corpus::ReadOptions options;
        options.root = QUORUM_SAMPLES_DIR;
        for (const auto& file : corpus::collect_inputs({QUORUM_SAMPLES_DIR}, diagnostics))
            corpus::merge_into(archive, corpus::read_file(file, options));
        decisions::DecisionOptions o;
        o.as_of = "2022-05-01";
        return decisions::analyse_decisions(archive, o);
    }();
    return a;
}

}  // namespace

TEST_CASE("Decision JSON has the documented shape", "[indexer][decisions][json]") {
    const auto& a = samples_analysis();
    const decisions::Decision* d = nullptr;  // the action of item 66 on 22 February 2022
    for (const auto& x : a.decisions)
        if (x.date == "2022-02-22" && x.item_number == "66" && x.kind == decisions::DecisionKind::action) d = &x;
    REQUIRE(d != nullptr);
    const auto j = index::decision_detail_json(a, *d);
    for (const char* key : {"id",
                            "unit_id",
                            "kind",
                            "label",
                            "text",
                            "preamble",
                            "document",
                            "meeting_id",
                            "date",
                            "committee",
                            "item",
                            "addressee",
                            "outcome",
                            "owner",
                            "directorate",
                            "due_date",
                            "origin_date",
                            "progress",
                            "status",
                            "status_source",
                            "status_reason",
                            "overdue",
                            "unlinked_reason",
                            "people",
                            "thread_id",
                            "links",
                            "thread"})
        CHECK(j.contains(key));
    CHECK(j["kind"] == "action");
    CHECK(j["committee"]["id"] == "children-and-young-people-scrutiny-committee");
    CHECK(j["item"]["number"] == "66");
    CHECK(j["owner"]["id"] == "matthew-sampson");
    CHECK(j["status"] == "to be completed");  // the stored spelling, not the slug
    CHECK(j["thread"]["steps"].is_array());
    CHECK(j["links"][0]["type"].is_string());
    const auto p = index::to_json(*a.person("toni-fagan"));
    CHECK(p["roles"][1]["role"] == "chairperson");
    CHECK(p["counts"]["attended"] == 2);
    const auto c = index::to_json(*a.committee("children-and-young-people-scrutiny-committee"));
    CHECK(c["decisions_per_year"][0]["year"] == "2018");
    const auto all = index::to_json(a);
    CHECK(all["decisions"].size() == a.decisions.size());
    for (const auto& dj : all["decisions"]) {
        const std::string id = dj["id"];
        CHECK(id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") == std::string::npos);
    }
}

// Issue 14: the summary spill keeps each council's people and committees on disk as their
// stored JSON and reads them back to merge; anything to_json wrote that the reading lost
// would be lost from the records.
TEST_CASE("Person and committee records read back as the summaries they were written from",
          "[indexer][decisions][json]") {
    const auto& a = samples_analysis();
    REQUIRE(a.people.size() > 20);
    REQUIRE(a.committees.size() >= 2);
    std::size_t with_roles = 0, with_notes = 0;
    for (const auto& p : a.people) {
        CHECK(index::person_from_json(index::to_json(p)) == p);
        with_roles += !p.roles.empty();
        for (const auto& m : p.meetings) with_notes += !m.note.empty();
    }
    CHECK(with_roles > 10);
    CHECK(with_notes > 0);  // substitutes' notes survive
    for (const auto& c : a.committees) CHECK(index::committee_from_json(index::to_json(c)) == c);
    CHECK_THROWS_AS(index::person_from_json(nlohmann::json{{"id", "x"}}), nlohmann::json::exception);
}
