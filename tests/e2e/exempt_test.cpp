// Exempt business end to end (issue 15): what an exclusion resolution withholds is
// searchable nowhere, the resolution's own words are, and the API says `exempt: true` of
// the withheld item, its unit and the meeting's item list.
#include "api_get.hpp"
#include "server_process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using nlohmann::json;
using namespace quorum::test;

namespace {


}  // namespace

// Regression (issue 15, probe): "the following item" also withheld the item after it, the
// exclusion resolution's own wording was withheld, and nothing said an item was withheld.
TEST_CASE("exempt business is withheld exactly, its exclusion resolution stays, and the API marks it",
          "[e2e][exempt]") {
    TempDir dir;
    const auto in = dir.path() / "in";
    std::filesystem::create_directories(in);
    std::ofstream(in / "audit-2023-05-03.txt")
        << "Minutes of the meeting of the Audit Committee held at Town Hall on 3 May 2023\n\n"
           "1. EXCLUSION OF THE PRESS AND PUBLIC\n"
           "RESOLVED: that the press and public be excluded for the following item as it involves the likely "
           "disclosure of exempt information under paragraph 3 of Schedule 12A.\n\n"
           "2. CONTRACT AWARD FOR WASTE COLLECTION\n"
           "The committee compared the zanzibarine tender prices of the three bidders.\n\n"
           "3. LIBRARY OPENING HOURS\n"
           "The committee agreed longer library opening hours on Saturdays.\n";
    const auto db = dir.path() / "db";
    REQUIRE(run_program({binary("quorum-index").string(), "--db", db.string(), in.string()},
                        dir.path() / "index.log") == 0);
    ServerProcess server(db, dir.path());

    CHECK(get(server, "/api/search?q=zanzibarine")["total"] == 0);
    CHECK(get(server, "/api/search?q=library+opening+hours+saturdays")["total"].get<int>() > 0);
    const json motion = get(server, "/api/search?q=%22excluded+for+the+following+item%22");
    REQUIRE(motion["total"].get<int>() > 0);

    // The withheld item: found by its heading, marked on its unit and on its item.
    const json hits = get(server, "/api/search?q=contract+award+waste+collection")["hits"];
    REQUIRE_FALSE(hits.empty());
    json withheld;
    for (const auto& h : hits)
        if (h["type"] == "item") withheld = get(server, "/api/units/" + h["id"].get<std::string>());
    REQUIRE(withheld.is_object());
    CHECK(withheld["exempt"] == true);
    CHECK(withheld["item"]["exempt"] == true);
    CHECK(withheld["text"].get<std::string>().find("zanzibarine") == std::string::npos);

    // The meeting lists all three items; only the second is withheld.
    const json meeting = get(server, "/api/meetings/" + withheld["meeting_id"].get<std::string>());
    REQUIRE(meeting["items"].size() == 3);
    CHECK(meeting["items"][0]["exempt"] == false);
    CHECK(meeting["items"][1]["exempt"] == true);
    CHECK(meeting["items"][2]["exempt"] == false);

    // Public units do not carry the flag at all (it appears only when true, like "ocr").
    const json library = get(server, "/api/search?q=library+opening+hours+saturdays")["hits"][0];
    CHECK_FALSE(get(server, "/api/units/" + library["id"].get<std::string>()).contains("exempt"));
}
