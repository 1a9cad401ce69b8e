// Recorded votes and declarations end to end (issue 17): quorum-index reads the named votes
// and the declarations of interest of a set of minutes (tests/fixtures/votes, a layout unlike the samples' and Kent's: counts and names on
// the header's own line), and quorum-serve gives them on the decision, on each member's
// record, and as how often two members voted alike.
#include "api_get.hpp"
#include "server_process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

using nlohmann::json;
using namespace quorum::test;

namespace {

httplib::Result fetch(const ServerProcess& server, const std::string& target) {
    return server.client().Get(target.c_str());
}


std::vector<std::string> names(const json& list) {
    std::vector<std::string> out;
    for (const auto& n : list) out.push_back(n["name"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("a named vote reaches its decision, each member's voting record and the agreement of two members",
          "[e2e][votes]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    REQUIRE(run_program({binary("quorum-index").string(), "--db", db.string(), "--as-of", "2025-06-01",
                         std::string(QUORUM_FIXTURES_DIR) + "/votes"},
                        dir.path() / "index.log") == 0);
    ServerProcess server(db, dir.path());

    const json list = get(server, "/api/decisions?per_page=100");
    json decision;
    for (const auto& d : list["decisions"])
        if (!d["votes"].is_null()) decision = d;
    REQUIRE(decision.is_object());
    CHECK(decision["text"].get<std::string>().find("council tax base") != std::string::npos);
    const json v = get(server, "/api/decisions/" + decision["id"].get<std::string>())["votes"];
    // The substantive motion, not the lost amendment printed before it.
    CHECK(names(v["for"]) ==
          std::vector<std::string>{"Councillor Smith", "Councillor Jones", "Mrs White", "Mr White", "Councillor Newcombe"});
    CHECK(v["for"][2]["person"] == "eve-white");    // Mrs White
    CHECK(v["for"][3]["person"] == "frank-white");  // Mr White
    CHECK(v["for"][4]["person"].is_null());         // not among those present: kept, unlinked
    CHECK(v["against"].empty());
    CHECK(names(v["abstain"]) == std::vector<std::string>{"Councillor Brown"});
    // Brown declared an interest in the item (under item 11) and is listed in its vote: a fact, marked.
    CHECK(v["abstain"][0]["declared_interest"] == true);
    CHECK(v["for"][0]["declared_interest"] == false);
    const json declarations = get(server, "/api/decisions/" + decision["id"].get<std::string>())["declarations"];
    REQUIRE(declarations.size() == 1);
    CHECK(declarations[0]["person"] == "carl-brown");
    CHECK(declarations[0]["item"] == "11");
    CHECK(declarations[0]["about_item"] == "12");
    CHECK(declarations[0]["kind"] == "personal");
    CHECK(v["counts"] == json{{"for", 5}, {"against", 0}, {"abstain", 1}});
    CHECK(v["counts_agree"] == true);
    CHECK(v["result"].is_null());  // the minutes print RESOLVED, not a result line
    CHECK(decision["outcome"]["votes_for"] == 5);
    CHECK(decision["outcome"]["abstentions"] == 1);

    // Brown's record: for the lost amendment (no decision), abstained on the motion.
    const json brown = get(server, "/api/people/carl-brown");
    REQUIRE(brown["votes"].size() == 2);
    CHECK(brown["counts"]["votes"] == 2);
    CHECK(brown["votes"][0]["how"] == "for");
    CHECK(brown["votes"][0]["result"] == "lost");
    CHECK(brown["votes"][0]["decision"].is_null());
    CHECK(brown["votes"][1]["how"] == "abstain");
    CHECK(brown["votes"][1]["decision"] == decision["id"]);
    CHECK(brown["votes"][1]["declared_interest"] == true);
    REQUIRE(brown["declarations"].size() == 1);
    CHECK(brown["counts"]["declarations"] == 1);
    // The list form leaves the record out.
    for (const auto& p : get(server, "/api/people?q=brown")["people"]) CHECK_FALSE(p.contains("votes"));

    const json agree = get(server, "/api/people/alan-smith/agreement?with=beth-jones");
    CHECK(agree["votes_together"] == 2);
    CHECK(agree["same"] == 2);
    CHECK(agree["agreement"] == 1.0);
    const json differ = get(server, "/api/people/alan-smith/agreement?with=carl-brown");
    CHECK(differ["votes_together"] == 2);
    CHECK(differ["different"] == 2);
    CHECK(differ["agreement"] == 0.0);
    const json never = get(server, "/api/people/alan-smith/agreement?with=dana-green");
    CHECK(never["votes_together"] == 1);  // Green voted only on the amendment

    // The CSV exports carry the counts: a decision's votes and declarations, a person's.
    const auto csv = fetch(server, "/api/decisions?format=csv");
    REQUIRE(csv);
    CHECK(csv->body.find("votes for,votes against,abstentions,vote result,declarations") != std::string::npos);
    const auto people_csv = fetch(server, "/api/people?format=csv&q=brown");
    REQUIRE(people_csv);
    CHECK(people_csv->body.find("substitutions,votes,declarations") != std::string::npos);
    CHECK(people_csv->body.find("\"0\",\"2\",\"1\",") != std::string::npos);  // Brown: no substitutions, 2 votes, 1 declaration
    // A member's voting record as CSV: a header and one row per vote.
    const auto record_csv = fetch(server, "/api/people/carl-brown?format=csv");
    REQUIRE(record_csv);
    CHECK(record_csv->status == 200);
    CHECK(record_csv->body.starts_with("date,meeting,item number,item title,motion,voted,result,decision,declared interest\r\n"));
    CHECK(std::count(record_csv->body.begin(), record_csv->body.end(), '\n') == 3);
    CHECK(record_csv->body.find("\"abstain\"") != std::string::npos);

    // Amounts: on the decision, as a range in the query, as an order.
    json capital;
    for (const auto& d : list["decisions"])
        if (d["text"].get<std::string>().find("capital programme") != std::string::npos) capital = d;
    REQUIRE(capital.is_object());
    REQUIRE(capital["amounts"].size() == 2);
    CHECK(capital["amounts"][0] == json{{"text", "£3.5 million"}, {"value", 3500000.0}, {"currency", "GBP"}});
    CHECK(capital["amounts"][1]["value"] == 250000.0);
    const json big = get(server, "/api/search?q=amount:1m..&type=resolution");
    REQUIRE(big["total"] == 1);
    CHECK(big["hits"][0]["id"] == capital["unit_id"]);
    CHECK(get(server, "/api/search?q=amount:..100k")["total"] == 0);
    CHECK(get(server, "/api/search?q=amount:200000..300000")["total"].get<int>() >= 1);  // the paragraph's £250,000
    const json by_amount = get(server, "/api/search?q=capital+programme&sort=amount");
    // The item and its resolution print £3.5 million; the paragraph only £250,000: it comes last.
    REQUIRE(by_amount["hits"].size() == 3);
    CHECK(by_amount["hits"][2]["type"] == "paragraph");
    CHECK(by_amount["hits"][0]["type"] != "paragraph");

    auto missing = fetch(server, "/api/people/alan-smith/agreement");
    REQUIRE(missing);
    CHECK(missing->status == 400);
    CHECK(json::parse(missing->body)["error"]["message"].get<std::string>().find("with") != std::string::npos);
    auto unknown = fetch(server, "/api/people/alan-smith/agreement?with=nobody-at-all");
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    auto bad = fetch(server, "/api/people/alan-smith/agreement?with=Not%20An%20Id");
    REQUIRE(bad);
    CHECK(bad->status == 400);
}
