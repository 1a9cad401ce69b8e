// Realistic questions a councillor, officer or resident asks of the sample archive,
// answered by the real quorum-index and quorum-serve.
#include "server_process.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>

using nlohmann::json;
using quorum::test::samples_server;

namespace {

json get_json(const std::string& target) {
    INFO(target);
    auto r = samples_server().client().Get(target.c_str());
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return json::parse(r->body);
}

json search(const std::string& query) { return get_json("/api/search?" + query); }

std::string q(const std::string& text) { return "q=" + httplib::detail::encode_query_param(text); }

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string unit_text(const json& hit) { return get_json("/api/units/" + hit["id"].get<std::string>())["text"]; }

std::string str(const json& v) { return v.is_string() ? v.get<std::string>() : std::string(); }

// True if one of the first `n` hits satisfies `pred`.
template <class Pred>
bool in_top(const json& result, std::size_t n, Pred pred) {
    const auto& hits = result["hits"];
    for (std::size_t i = 0; i < std::min(n, hits.size()); ++i)
        if (pred(hits[i])) return true;
    return false;
}

}  // namespace

TEST_CASE("what the committee recommended about foster carer recruitment: a resolution of item 68 of 22 February 2022",
          "[e2e][questions]") {
    const auto r = search(q("what the committee recommended about foster carer recruitment"));
    CHECK(in_top(r, 3, [](const json& h) {
        return h["type"] == "resolution" && h["date"] == "2022-02-22" && h["item"].is_object() &&
               h["item"]["number"] == "68";
    }));
}

TEST_CASE("when the DfE improvement notice was issued: 18 May 2021", "[e2e][questions]") {
    const auto r = search(q("DfE improvement notice issued"));
    CHECK(in_top(r, 5, [](const json& h) { return unit_text(h).find("18 May 2021") != std::string::npos; }));
}

TEST_CASE("overdue actions are action rows with the status overdue", "[e2e][questions]") {
    const auto r = search("type=action&status=overdue&per_page=100");
    CHECK(r["total"].get<int>() >= 5);
    for (const auto& h : r["hits"]) {
        CHECK(h["type"] == "action");
        if (h.contains("action") && h["action"].is_object()) CHECK(lower(str(h["action"]["status"])) == "overdue");
    }
}

TEST_CASE("the query prefix type:action with the word overdue finds the overdue actions", "[e2e][questions]") {
    const auto r = search(q("type:action overdue"));
    REQUIRE_FALSE(r["hits"].empty());
    for (const auto& h : r["hits"]) CHECK(h["type"] == "action");
}

TEST_CASE("the Quality Assurance Framework in 2025 is found in the July 2025 minutes", "[e2e][questions]") {
    const auto r = search(q("Quality Assurance Framework") + "&from=2025-01-01&to=2025-12-31");
    REQUIRE_FALSE(r["hits"].empty());
    CHECK(r["hits"][0]["date"] == "2025-07-22");
    for (const auto& h : r["hits"]) CHECK(str(h["date"]).rfind("2025", 0) == 0);
}

TEST_CASE("the year: prefix restricts to that year", "[e2e][questions]") {
    const auto r = search(q("quality assurance year:2025"));
    REQUIRE_FALSE(r["hits"].empty());
    for (const auto& h : r["hits"]) CHECK(str(h["date"]).rfind("2025", 0) == 0);
}

TEST_CASE("the Youth Justice Plan is found by its name", "[e2e][questions]") {
    const auto r = search(q("Youth Justice Plan"));
    CHECK(in_top(r, 3, [](const json& h) {
        return lower(str(h["title"])).find("youth justice plan") != std::string::npos ||
               lower(unit_text(h)).find("youth justice plan") != std::string::npos;
    }));
}

TEST_CASE("MASH finds the Multi-Agency Safeguarding Hub and the long name finds MASH", "[e2e][questions]") {
    const auto acronym = search(q("MASH") + "&per_page=20");
    CHECK(acronym["total"].get<int>() >= 5);
    CHECK(in_top(acronym, 20,
                 [](const json& h) { return h["date"] == "2018-10-01"; }));  // "MULTI AGENCY SAFEGUARDING HUB"
    const auto long_name = search(q("multi-agency safeguarding hub") + "&per_page=20");
    CHECK(in_top(long_name, 20, [](const json& h) {
        const auto text = unit_text(h);
        return text.find("MASH") != std::string::npos && lower(text).find("safeguarding hub") == std::string::npos;
    }));
}

TEST_CASE("a misspelt word gets a spelling suggestion", "[e2e][questions]") {
    const auto r = search(q("fostring"));
    REQUIRE(r["suggestion"].is_string());
    CHECK(r["suggestion"] == "fostering");
}

TEST_CASE("a correctly spelt word gets no suggestion", "[e2e][questions]") {
    CHECK(search(q("fostering"))["suggestion"].is_null());
}

TEST_CASE("pages do not overlap and ranks run on from page to page", "[e2e][questions]") {
    std::set<std::string> seen;
    int expected_rank = 1;
    for (int page = 1; page <= 3; ++page) {
        const auto r = search(q("children") + "&per_page=10&page=" + std::to_string(page));
        CHECK(r["page"] == page);
        for (const auto& h : r["hits"]) {
            CHECK(seen.insert(h["id"].get<std::string>()).second);
            CHECK(h["rank"] == expected_rank++);
        }
    }
    CHECK(seen.size() == 30);
}

TEST_CASE("facet counts agree with the totals of the filtered searches", "[e2e][questions]") {
    const auto all = search(q("foster"));
    REQUIRE_FALSE(all["facets"]["type"].empty());
    for (const auto& facet : all["facets"]["type"]) {
        const auto filtered = search(q("foster") + "&type=" + facet["id"].get<std::string>());
        CHECK(filtered["total"] == facet["count"]);
    }
}

TEST_CASE("the facets add up to the total: copies of a passage count once, as in the total", "[e2e][questions]") {
    // Regression (issue 14): the page said "80 results" while its year and committee facets
    // added up to 136, because the reprinted copies of minutes, collapsed in the total, were
    // each counted in the facets.
    bool copies_met = false;
    for (const auto& query : {q("minutes"), q("foster"), q("resolved"), std::string("type=paragraph"), q("children")}) {
        INFO(query);
        const auto r = search(query + "&per_page=100");
        REQUIRE(r["total_exact"] == true);
        REQUIRE(r["facets_exact"] == true);
        auto sum = [&](const char* facet) {
            long long n = 0;
            for (const auto& v : r["facets"][facet]) n += v["count"].get<long long>();
            return n;
        };
        CHECK(sum("type") == r["total"].get<long long>());  // every unit has one type
        CHECK(sum("year") <= r["total"].get<long long>());  // undated units have none
        CHECK(sum("committee") <= r["total"].get<long long>());
        for (const auto& h : r["hits"]) copies_met = copies_met || !h["also_in"].empty();
    }
    CHECK(copies_met);  // the archive has copies, so the check above could have failed
}

TEST_CASE("filters by committee, person and topic keep only matching hits", "[e2e][questions]") {
    const auto cabinet = search("committee=cabinet&per_page=50");
    REQUIRE_FALSE(cabinet["hits"].empty());
    for (const auto& h : cabinet["hits"]) CHECK(h["committee"]["id"] == "cabinet");

    const auto base = search(q("foster"));
    for (const char* facet : {"person", "topic"}) {
        INFO(facet);
        REQUIRE_FALSE(base["facets"][facet].empty());
        const std::string id = base["facets"][facet][0]["id"];
        const auto r = search(q("foster") + "&" + facet + "=" + id);
        REQUIRE_FALSE(r["hits"].empty());
        const std::string list = std::string(facet) == "person" ? "people" : "topics";
        for (const auto& h : r["hits"])
            CHECK(std::any_of(h[list].begin(), h[list].end(), [&](const json& x) { return x["id"] == id; }));
    }
}

TEST_CASE("a date range keeps hits inside it, given as parameters or in the query", "[e2e][questions]") {
    for (const auto& query : {q("foster") + "&from=2022-01-01&to=2022-03-01", q("foster 2022-01-01..2022-03-01")}) {
        INFO(query);
        const auto r = search(query + "&per_page=50");
        REQUIRE_FALSE(r["hits"].empty());
        for (const auto& h : r["hits"]) {
            CHECK(str(h["date"]) >= "2022-01-01");
            CHECK(str(h["date"]) <= "2022-03-01");
        }
    }
}

TEST_CASE("newest and oldest sorts order hits by date", "[e2e][questions]") {
    const auto newest = search(q("committee") + "&sort=newest&per_page=50");
    const auto oldest = search(q("committee") + "&sort=oldest&per_page=50");
    std::vector<std::string> n, o;
    for (const auto& h : newest["hits"])
        if (h["date"].is_string()) n.push_back(h["date"]);
    for (const auto& h : oldest["hits"])
        if (h["date"].is_string()) o.push_back(h["date"]);
    REQUIRE(n.size() > 5);
    CHECK(std::is_sorted(n.rbegin(), n.rend()));
    CHECK(std::is_sorted(o.begin(), o.end()));
    CHECK(n.front() == "2025-07-22");
    CHECK(o.front() == "2018-10-01");
}

TEST_CASE("snippets mark the matched words and escape the rest", "[e2e][questions]") {
    const auto r = search(q("foster panel"));
    REQUIRE_FALSE(r["hits"].empty());
    CHECK(str(r["hits"][0]["snippet"]).find("<mark>") != std::string::npos);
    for (const auto& h : r["hits"]) {
        auto s = str(h["snippet"]);
        for (const char* tag : {"<mark>", "</mark>"})
            for (auto at = s.find(tag); at != std::string::npos; at = s.find(tag)) s.erase(at, std::string(tag).size());
        CHECK(s.find('<') == std::string::npos);
    }
}

TEST_CASE("reprinted minutes are shown once, the copies listed in also_in", "[e2e][questions]") {
    const auto r = search(q("minutes of the meeting") + "&per_page=100");
    std::set<std::string> ids, copies;
    for (const auto& h : r["hits"]) {
        CHECK(ids.insert(h["id"].get<std::string>()).second);
        for (const auto& c : h["also_in"]) copies.insert(c.get<std::string>());
    }
    for (const auto& c : copies) CHECK(ids.count(c) == 0);
}

TEST_CASE("a hit opens as a unit with its full text", "[e2e][questions]") {
    const auto r = search(q("foster carers"));
    REQUIRE_FALSE(r["hits"].empty());
    const auto& hit = r["hits"][0];
    const auto unit = get_json("/api/units/" + hit["id"].get<std::string>());
    CHECK(unit["id"] == hit["id"]);
    CHECK(unit["title"] == hit["title"]);
    CHECK(str(unit["text"]).size() > 20);
}

TEST_CASE("the meeting of 22 February 2022 lists item 68 with its units", "[e2e][questions]") {
    const auto m = get_json("/api/meetings/herefordshire-council-children-and-young-people-scrutiny-committee-2022-02-22");
    CHECK(m["date"] == "2022-02-22");
    const auto& items = m["items"];
    const auto it = std::find_if(items.begin(), items.end(), [](const json& i) { return i["number"] == "68"; });
    REQUIRE(it != items.end());
    CHECK(lower(str((*it)["title"])).find("foster") != std::string::npos);
    CHECK_FALSE((*it)["units"].empty());
    CHECK(m["attendance"]["present"].size() > 3);
}

TEST_CASE("meetings are listed newest first and filtered by committee", "[e2e][questions]") {
    const auto all = get_json("/api/meetings");
    std::vector<std::string> dates;
    for (const auto& m : all["meetings"])
        if (m["date"].is_string()) dates.push_back(m["date"]);
    REQUIRE(dates.size() >= 5);
    CHECK(std::is_sorted(dates.rbegin(), dates.rend()));
    const auto cabinet = get_json("/api/meetings?committee=cabinet");
    REQUIRE_FALSE(cabinet["meetings"].empty());
    for (const auto& m : cabinet["meetings"]) CHECK(m["committee"]["id"] == "cabinet");
    const auto paged = get_json("/api/meetings?per_page=2&page=2");
    CHECK(paged["meetings"].size() == 2);
    CHECK(paged["meetings"][0]["id"] == all["meetings"][2]["id"]);
}

TEST_CASE("the Cabinet report inside the scrutiny agenda pack carries Cabinet and the Cabinet date",
          "[e2e][questions]") {
    const auto r = search(q("improvement notice") + "&committee=cabinet");
    REQUIRE_FALSE(r["hits"].empty());
    for (const auto& h : r["hits"]) CHECK(h["date"] == "2022-03-31");
}

TEST_CASE("public questions of 2018 are found as questions", "[e2e][questions]") {
    const auto r = search("type=question");
    REQUIRE_FALSE(r["hits"].empty());
    CHECK(in_top(r, 10, [](const json& h) { return h["date"] == "2018-10-01"; }));
}

TEST_CASE("the Ofsted inspection web page is found though it has no printed date", "[e2e][questions]") {
    const auto r = search(q("Ofsted inspection") + "&kind=web-page");
    REQUIRE_FALSE(r["hits"].empty());
    CHECK(r["hits"][0]["document"]["kind"] == "web-page");
}

TEST_CASE("procedural units can be left out", "[e2e][questions]") {
    const auto r = search(q("apologies") + "&procedural=false&per_page=100");
    for (const auto& h : r["hits"]) CHECK(h.value("procedural", false) == false);
}

TEST_CASE("a search for every unit counts the whole index, less the collapsed copies", "[e2e][questions]") {
    const auto r = search("per_page=1");
    const auto health = get_json("/healthz");
    const auto total = r["total"].get<std::uint64_t>(), units = health["units"].get<std::uint64_t>();
    CHECK(total <= units);
    CHECK(total * 10 >= units * 9);
}

TEST_CASE("a CSV export has the documented header and one row per hit", "[e2e][questions]") {
    const auto total = search(q("foster"))["total"].get<std::size_t>();
    auto r = samples_server().client().Get("/api/search?q=foster&format=csv");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body.rfind("id,type,title,date,council,committee,meeting date,item number,item title,document,page,"
                        "permanent link,snippet text\r\n",
                        0) == 0);
    std::size_t rows = 0;
    for (std::size_t at = r->body.find("\r\n\""); at != std::string::npos; at = r->body.find("\r\n\"", at + 1)) ++rows;
    CHECK(rows == total);
}

TEST_CASE("an Atom feed of a search is complete", "[e2e][questions]") {
    auto r = samples_server().client().Get("/api/search?q=fostering&format=atom");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body.rfind("<?xml", 0) == 0);
    CHECK(r->body.find("</feed>") != std::string::npos);
    CHECK(r->body.find("<entry>") != std::string::npos);
}

// Issue 13: the hybrid mode over HTTP says how it read the query and why each hit matched.
TEST_CASE("hybrid mode reads a plain word as the papers' word and says why a hit matched", "[e2e][questions]") {
    auto keyword = search(q("kids") + "&mode=keyword");
    CHECK(keyword["total"] == 0);
    auto hybrid = search(q("kids"));
    CHECK(hybrid["query"]["mode"] == "hybrid");
    REQUIRE(hybrid["total"].get<int>() > 0);
    CHECK(str(hybrid["query"]["read_as"]).find("kids \u2248 children") != std::string::npos);
    CHECK(str(hybrid["query"]["read_as"]).find("Query(") == std::string::npos);
    const auto& related = hybrid["hits"][0]["why"]["related"];
    CHECK(std::find(related.begin(), related.end(), "children \u2248 kids") != related.end());
}

TEST_CASE("more like this answers over HTTP and refuses a query beside it", "[e2e][questions]") {
    auto seed = search(q("foster carer recruitment"));
    REQUIRE_FALSE(seed["hits"].empty());
    const std::string id = seed["hits"][0]["id"];
    auto like = search("like=" + id);
    CHECK(like["query"]["like"] == id);
    REQUIRE(like["total"].get<int>() > 0);
    for (const auto& hit : like["hits"]) CHECK(hit["id"] != id);
    auto both = samples_server().client().Get(("/api/search?like=" + id + "&q=fostering").c_str());
    REQUIRE(both);
    CHECK(both->status == 400);
    CHECK(both->body.find("either q or like") != std::string::npos);
}
