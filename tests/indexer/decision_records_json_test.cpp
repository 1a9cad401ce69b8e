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
