// The JSON the indexer stores for the decisions pass (moved here from decisions/ with the
// code that shapes it): the analysis of the samples, read through the readers.
#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "decision_documents.hpp"
#include "decision_records_json.hpp"
#include "samples_analysis.hpp"
#include "temp_dir.hpp"
#include "quorum/index/schema.hpp"
#include "quorum/corpus/reader.hpp"
#include "quorum/decisions/decisions.hpp"

using namespace quorum;

using test::samples_analysis;

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
                            "votes",
                            "declarations",
                            "links",
                            "thread"})
        CHECK(j.contains(key));
    CHECK(j["votes"].is_null());  // the samples print no named vote
    CHECK(j["declarations"].empty());  // and "There were no declarations of interest."
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

// Issue 17: a recorded vote on a decision and on a person's record, in the shapes docs/DECISIONS.md gives.
TEST_CASE("A recorded vote is stored with its lists, printed counts, disagreements and result",
          "[indexer][decisions][json][votes]") {
    decisions::RecordedVote v;
    v.id = "v-county-council-2025-03-13-306-3";
    v.motion = "The Chairman put part 4 of the substantive motion to the vote";
    v.in_favour = {{"Mr Hood", "m-a-j-hood"}, {"Ms Meade", ""}};
    v.against = {{"Mr Baker", "n-baker"}};
    v.printed_for = 3;
    v.printed_against = 1;
    v.result = "carried";
    v.result_text = "Agreed.";
    v.disagreements = {"For (3) is printed above 2 names"};
    v.decisions = {"d-x-u1"};
    decisions::Decision d;
    d.id = "d-x-u1";
    d.votes = v;
    const auto j = index::to_json(d)["votes"];
    CHECK(j["for"][1] == nlohmann::json{{"name", "Ms Meade"}, {"person", nullptr}, {"declared_interest", false}});  // kept, unlinked
    CHECK(j["counts"]["for"] == 3);
    CHECK(j["counts"]["abstain"].is_null());  // no count printed
    CHECK(j["listed"]["for"] == 2);
    CHECK(j["counts_agree"] == false);
    CHECK(j["disagreements"][0] == "For (3) is printed above 2 names");
    CHECK(j["result"] == "carried");
    CHECK(j["proposer"].is_null());

    decisions::PersonSummary p;
    p.id = "m-a-j-hood";
    p.name = "M A J Hood";
    p.kind = "councillor";
    p.votes = {{v.id, "d-x-u1", "county-council-2025-03-13", "2025-03-13", "306", "Motion", v.motion, "for", "carried"},
               {"v-y", "", "", "", "", "", "", "against", ""}};
    p.declarations = {{"i-x-2-1", "county-council-2025-03-13", "2025-03-13", "minutes", "2", "306", "Motion 2",
                       "Mr Hood", "m-a-j-hood", "personal", "a personal interest as a governor.", false, true},
                      {"i-x-2-2", "", "", "minutes", "", "", "", "", "", "", "an interest.", false, false}};
    d.declarations = p.declarations;
    const auto dj = index::to_json(d);
    CHECK(dj["declarations"][0]["about_item"] == "306");
    CHECK(dj["declarations"][0]["matter"] == "Motion 2");
    CHECK(dj["declarations"][1]["member"].is_null());  // a group
    CHECK(dj["declarations"][0]["took_no_part"] == true);
    const auto pj = index::to_json(p);
    CHECK(pj["counts"]["votes"] == 2);
    CHECK(pj["counts"]["declarations"] == 2);
    CHECK(pj["votes"][1]["decision"].is_null());
    CHECK(pj["votes"][0]["item"]["number"] == "306");
    CHECK(index::person_from_json(pj) == p);
}

// Issue 14: writing the decisions' fields into their units was the decisions pass's
// largest cost. give_decision touches only what differs, so that a unit whose reading
// already gave it its outcome keeps its terms, and Xapian rewrites only its data and values.
TEST_CASE("A unit given its decision keeps its terms when they already agree, and changes them when not",
          "[indexer][decisions]") {
    namespace s = index::schema;
    test::TempDir tmp;
    const auto dir = tmp.path() / "db";
    const std::string carried = s::term(s::outcome_prefix, "carried");
    {
        Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::Document doc;
        doc.add_term("Qunit-1");
        doc.add_boolean_term(carried);
        doc.add_posting("budget", 1);
        doc.add_value(s::outcome_slot, "carried");
        doc.set_data(R"({"id":"unit-1"})");
        db.add_document(doc);
        db.commit();
    }
    index::UnitDecision wanted{{"carried"}, {}, {{"id", "d-1"}, {"outcome", "carried"}}};
    {
        Xapian::WritableDatabase db(dir.string());
        Xapian::Document doc = db.get_document(1);
        REQUIRE(index::give_decision(doc, wanted));
        db.replace_document(1, doc);
        db.commit();
        const Xapian::Document again = db.get_document(1);
        CHECK(nlohmann::json::parse(again.get_data())["decision"]["id"] == "d-1");
        CHECK(std::vector<std::string>(again.termlist_begin(), again.termlist_end()) ==
              std::vector<std::string>{"Qunit-1", carried, "budget"});
        CHECK(db.get_termfreq(carried) == 1);
        Xapian::Document same = db.get_document(1);
        CHECK_FALSE(index::give_decision(same, wanted));  // nothing to do
    }
    wanted = {{"deferred"}, {"completed"}, {{"id", "d-1"}, {"outcome", "deferred"}}};
    {
        Xapian::WritableDatabase db(dir.string());
        Xapian::Document doc = db.get_document(1);
        REQUIRE(index::give_decision(doc, wanted));
        db.replace_document(1, doc);
        db.commit();
        CHECK(db.get_termfreq(carried) == 0);
        CHECK(db.get_termfreq(s::term(s::outcome_prefix, "deferred")) == 1);
        CHECK(db.get_termfreq(s::term(s::status_prefix, "completed")) == 1);
        CHECK(db.get_termfreq("budget") == 1);
        const Xapian::Document again = db.get_document(1);
        CHECK(again.get_value(s::outcome_slot) == "deferred");
        CHECK(again.get_value(s::status_slot) == "completed");
        CHECK(nlohmann::json::parse(again.get_data())["decision"]["outcome"] == "deferred");
    }
}
