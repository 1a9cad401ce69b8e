// Councils as a dimension end to end (issue 17): an archive of three councils
// (tests/fixtures/councils) whose two Cabinets met on the same day, with an agenda that does
// not print its council and a parish council named only by its file name. quorum-index keeps
// the two Cabinets apart and merges the agenda with its own council's minutes; quorum-serve
// filters and counts by council and lists each council.
#include "api_get.hpp"
#include "server_process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using nlohmann::json;
using namespace quorum::test;

namespace {


int status_of(const ServerProcess& server, const std::string& target) {
    auto r = server.client().Get(target.c_str());
    REQUIRE(r);
    return r->status;
}

std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::string northbridge = "northbridge-borough-council";
const std::string southmere = "southmere-district-council";
const std::string little_ashby = "little-ashby-parish-council";

}  // namespace

TEST_CASE("two councils' Cabinets on one day are two meetings, and an agenda without its council joins its own",
          "[e2e][councils]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    const std::string archive = std::string(QUORUM_FIXTURES_DIR) + "/councils";
    REQUIRE(run_program({binary("quorum-index").string(), "--db", db.string(), "--as-of", "2025-06-01", archive},
                        dir.path() / "index.log") == 0);
    // The agenda is written again with the council of the minutes filed with it.
    CHECK(read_text(dir.path() / "index.log").find("1 given their meeting's council") != std::string::npos);
    ServerProcess server(db, dir.path());

    const json meetings = get(server, "/api/meetings?from=2024-03-05&to=2024-03-05")["meetings"];
    REQUIRE(meetings.size() == 2);
    std::set<std::string> ids, councils;
    for (const auto& m : meetings) {
        ids.insert(m["id"].get<std::string>());
        councils.insert(m["council"].get<std::string>());
        CHECK(m["committee"]["id"] == "cabinet");
    }
    CHECK(ids == std::set<std::string>{northbridge + "-cabinet-2024-03-05", southmere + "-cabinet-2024-03-05"});
    CHECK(councils == std::set<std::string>{"Northbridge Borough Council", "Southmere District Council"});

    // Northbridge's meeting holds its minutes and the agenda that names no council;
    // Southmere's only its minutes (the agenda was filed with Northbridge's papers).
    const json nb = get(server, "/api/meetings/" + northbridge + "-cabinet-2024-03-05");
    std::set<std::string> kinds;
    for (const auto& d : nb["documents"]) kinds.insert(d["kind"].get<std::string>());
    CHECK(kinds == std::set<std::string>{"agenda", "minutes"});
    CHECK(get(server, "/api/meetings/" + southmere + "-cabinet-2024-03-05")["documents"].size() == 1);
    CHECK(get(server, "/api/meetings?council=" + southmere)["meetings"].size() == 1);

    // The agenda's units say which council and how it was known.
    const json agenda = get(server, "/api/search?q=consultation+saturdays&kind=agenda");
    REQUIRE(agenda["total"].get<int>() >= 1);
    for (const auto& hit : agenda["hits"]) {
        CHECK(hit["council"] == "Northbridge Borough Council");
        CHECK(hit["council_id"] == northbridge);
        CHECK(hit["council_source"] == "archive");
        CHECK(hit["meeting_id"] == northbridge + "-cabinet-2024-03-05");
    }

    // Council is a facet and a filter of the search.
    const json library = get(server, "/api/search?q=library&per_page=50");
    std::map<std::string, int> facet;
    long sum = 0;
    for (const auto& v : library["facets"]["council"]) {
        facet[v["id"].get<std::string>()] = v["count"].get<int>();
        sum += v["count"].get<long>();
    }
    CHECK(facet.size() == 3);
    CHECK(facet.count(little_ashby) == 1);  // named by its file name only
    CHECK(sum == library["total"].get<long>());
    const json south = get(server, "/api/search?q=library&council=" + southmere);
    CHECK(south["total"] == facet[southmere]);
    for (const auto& h : south["hits"]) CHECK(h["council_id"] == southmere);
    const json typed = get(server, "/api/search?q=library+council:" + southmere);
    CHECK(typed["total"] == south["total"]);
    const json two = get(server, "/api/search?q=library&council=" + southmere + "&council=" + little_ashby);
    CHECK(two["total"] == facet[southmere] + facet[little_ashby]);

    // The records of the decisions pass, by council.
    const json decisions = get(server, "/api/decisions?council=" + northbridge + "&per_page=100")["decisions"];
    REQUIRE(!decisions.empty());
    for (const auto& d : decisions) CHECK(d["council"] == "Northbridge Borough Council");
    const json people = get(server, "/api/people?council=" + southmere)["people"];
    std::set<std::string> names;
    for (const auto& p : people) names.insert(p["name"].get<std::string>());
    CHECK(names.count("Helen Price") == 1);
    CHECK(names.count("Ruth Okafor") == 0);
    const json committees = get(server, "/api/committees?council=" + little_ashby)["committees"];
    REQUIRE(committees.size() == 1);
    CHECK(committees[0]["id"] == little_ashby);  // its minutes name no committee: the council's own

    // Each council, with its committees, meetings by year and members.
    const json list = get(server, "/api/councils");
    REQUIRE(list["total"] == 3);
    CHECK(list["councils"][0]["name"] == "Little Ashby Parish Council");  // by name
    const json detail = get(server, "/api/councils/" + northbridge);
    CHECK(detail["name"] == "Northbridge Borough Council");
    CHECK(detail["meetings"] == 1);
    CHECK(detail["committees"] == json::array({{{"id", "cabinet"}, {"name", "Cabinet"}, {"meetings", 1}}}));
    CHECK(detail["meetings_by_year"] == json::array({{{"year", "2024"}, {"meetings", 1}}}));
    std::set<std::string> members;
    for (const auto& m : detail["members"]) members.insert(m["name"].get<std::string>());
    CHECK(members == std::set<std::string>{"Ruth Okafor", "Tom Ellis", "Priya Shah", "Dan Cole"});
    CHECK(detail["decisions"].get<int>() == static_cast<int>(decisions.size()));
    auto csv = server.client().Get("/api/councils?format=csv");
    REQUIRE(csv);
    CHECK(csv->body.find("\"southmere-district-council\",\"Southmere District Council\"") != std::string::npos);
    CHECK(status_of(server, "/api/councils/no-such-council") == 404);
    CHECK(status_of(server, "/api/councils/Bad%20Id") == 400);
    CHECK(status_of(server, "/api/search?council=Bad%20Id") == 400);

    // Which councils decided on it: matches per council, each with its best resolution.
    const json compare = get(server, "/api/compare?q=library&by=council");
    REQUIRE(compare["groups"].size() == 3);
    for (const auto& g : compare["groups"]) {
        INFO(g.dump());
        if (g["id"] == southmere) {
            REQUIRE(g["best"].is_object());
            CHECK(g["best"]["council_id"] == southmere);
            CHECK(g["best"]["type"] == "resolution");
        }
    }
}

TEST_CASE("an agenda given its council keeps it when it changes, without being written twice", "[e2e][councils]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    const auto archive = dir.path() / "councils";
    std::filesystem::copy(std::string(QUORUM_FIXTURES_DIR) + "/councils", archive,
                          std::filesystem::copy_options::recursive);
    REQUIRE(run_program({binary("quorum-index").string(), "--db", db.string(), archive.string()},
                        dir.path() / "first.log") == 0);
    std::ofstream(archive / "northbridge" / "cabinet-agenda-2024-03-05.md", std::ios::app)
        << "\n## 4. Any Other Business\n\nTo consider any other business the Chair thinks urgent.\n";
    REQUIRE(run_program({binary("quorum-index").string(), "--db", db.string(), archive.string()},
                        dir.path() / "second.log") == 0);
    const std::string second = read_text(dir.path() / "second.log");
    CHECK(second.find("1 indexed") != std::string::npos);
    // Read again with the council the last run gave it: no second write.
    CHECK(second.find("0 given their meeting's council") != std::string::npos);
    ServerProcess server(db, dir.path());
    const json nb = get(server, "/api/meetings/" + northbridge + "-cabinet-2024-03-05");
    CHECK(nb["documents"].size() == 2);
    const json aob = get(server, "/api/search?q=urgent+business");
    REQUIRE(aob["total"].get<int>() >= 1);
    CHECK(aob["hits"][0]["council_id"] == northbridge);
}
