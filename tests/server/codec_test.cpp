#include "config.hpp"
#include "export_formats.hpp"
#include "http_errors.hpp"
#include "json_codec.hpp"
#include "text_escape.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <stdexcept>

using nlohmann::json;
using namespace quorum::server;

namespace {

quorum::query::Hit sample_hit() {
    quorum::query::Hit hit;
    hit.id = "samples-000-93a416bcbe6d1f5a-u0042";
    hit.rank = 1;
    hit.score = 11.25;
    hit.snippet = "... the <mark>foster</mark> panel &amp; carers ...";
    hit.also_in = {"samples-001-8fed95a2e73ba999-p2-u0007"};
    hit.record = json{{"id", hit.id},
                      {"type", "resolution"},
                      {"title", "Fostering Service Update"},
                      {"text", "RESOLVED that the committee recommends ..."},
                      {"date", "2022-02-22"},
                      {"council", "Herefordshire Council"},
                      {"committee",
                       {{"id", "children-and-young-people-scrutiny-committee"},
                        {"name", "Children and Young People Scrutiny Committee"}}},
                      {"meeting_id", "children-and-young-people-scrutiny-committee-2022-02-22"},
                      {"item", {{"number", "68"}, {"title", "Fostering Service Update"}}},
                      {"document",
                       {{"id", "samples-000-93a416bcbe6d1f5a"},
                        {"title", "Minutes"},
                        {"kind", "minutes"},
                        {"source", "samples/000_93a416bcbe6d1f5a.txt"},
                        {"url", nullptr}}},
                      {"page", 4},
                      {"people", json::array({{{"id", "helen-ianson"}, {"name", "Helen Ianson"}}})},
                      {"topics", json::array()}}
                     .dump();
    return hit;
}

}  // namespace

TEST_CASE("caller mistakes become 400 with their message", "[errors]") {
    const auto e = error_for(std::make_exception_ptr(std::invalid_argument("q has an unbalanced quote")));
    CHECK(e.status == 400);
    CHECK(e.code == "bad_request");
    CHECK(e.message == "q has an unbalanced quote");
}

TEST_CASE("missing things become 404 with their message", "[errors]") {
    const auto e = error_for(std::make_exception_ptr(NotFound("no unit has the id x")));
    CHECK(e.status == 404);
    CHECK(e.code == "not_found");
    CHECK(e.message == "no unit has the id x");
}

TEST_CASE("unexpected failures become 500 with a generic message and the detail kept for the log", "[errors]") {
    const auto e = error_for(std::make_exception_ptr(std::runtime_error("Xapian: /srv/secret/path is corrupt")));
    CHECK(e.status == 500);
    CHECK(e.code == "internal");
    CHECK(e.message.find("secret") == std::string::npos);
    CHECK(e.detail == "Xapian: /srv/secret/path is corrupt");
    const auto other = error_for(std::make_exception_ptr(42));
    CHECK(other.status == 500);
}

TEST_CASE("error bodies have the contract's shape and survive invalid UTF-8", "[errors]") {
    const auto body = json::parse(error_body("bad_request", "per_page must be a whole number from 1 to 100"));
    CHECK(body ==
          json{{"error", {{"code", "bad_request"}, {"message", "per_page must be a whole number from 1 to 100"}}}});
    const auto broken = json::parse(error_body("bad_request", "q \xff is odd"));
    CHECK(broken["error"]["message"] == "q \xEF\xBF\xBD is odd");
}

TEST_CASE("a hit is the record without its text, plus rank, score, snippet and also_in", "[json]") {
    const auto hit = hit_json(sample_hit());
    CHECK_FALSE(hit.contains("text"));
    CHECK(hit["rank"] == 1);
    CHECK(hit["score"] == 11.25);
    CHECK(hit["snippet"] == "... the <mark>foster</mark> panel &amp; carers ...");
    CHECK(hit["also_in"] == json::array({"samples-001-8fed95a2e73ba999-p2-u0007"}));
    CHECK(hit["item"]["number"] == "68");
    CHECK(hit["page"] == 4);  // fields beyond the contract pass through
    for (const char* f : {"id", "type", "rank", "score", "title", "snippet", "date", "committee", "meeting_id", "item",
                          "document", "people", "topics"})
        CHECK(hit.contains(f));
}

TEST_CASE("a hit from a sparse record still lists every contract field, null when unknown", "[json]") {
    quorum::query::Hit hit;
    hit.id = "x-u0001";
    hit.record = R"({"id":"x-u0001","type":"paragraph","text":"t","text_extra":"kept"})";
    const auto j = hit_json(hit);
    CHECK(j["date"].is_null());
    CHECK(j["committee"].is_null());
    CHECK(j["item"].is_null());
    CHECK(j["people"] == json::array());
    CHECK(j["text_extra"] == "kept");  // only the top-level "text" is dropped
    CHECK_FALSE(j.contains("text"));
}

TEST_CASE("a corrupt stored record gives a hit with nulls rather than a failed search", "[json]") {
    quorum::query::Hit hit;
    hit.id = "x-u0002";
    hit.record = "{not json";
    const auto j = hit_json(hit);
    CHECK(j["id"] == "x-u0002");
    CHECK(j["title"].is_null());
}

TEST_CASE("a search response carries the query, paging, suggestion, hits and every facet", "[json]") {
    quorum::query::SearchRequest request;
    request.q = "fostring";
    request.per_page = 10;
    quorum::query::SearchResult result;
    result.parsed = "Query(fostring)";
    result.total = 42;
    result.took_ms = 0.8;
    result.suggestion = "fostering";
    result.hits = {sample_hit()};
    result.facets["committee"] = {{"c", "C", 3}};
    result.facets["kind"] = {{"minutes", "Minutes", 2}};
    const auto j = search_json(request, result);
    CHECK(j["query"]["q"] == "fostring");
    CHECK(j["query"]["parsed"] == "Query(fostring)");
    // Issue 13: how the query was read, in words and in parts, and the mode.
    CHECK(j["query"]["mode"] == "hybrid");
    CHECK(j["query"]["read_as"].is_string());
    for (const char* list : {"all_of", "any_of", "phrases", "without", "filters", "expansions", "lifts"})
        CHECK(j["query"][list].is_array());
    CHECK(j["hits"][0]["why"]["matched"].is_array());
    CHECK(j["hits"][0]["why"]["related"].is_array());
    CHECK(j["total"] == 42);
    CHECK(j["page"] == 1);
    CHECK(j["per_page"] == 10);
    CHECK(j["pages"] == 5);
    CHECK(j["suggestion"] == "fostering");
    CHECK(j["hits"].size() == 1);
    CHECK(j["facets"]["committee"][0] == json{{"id", "c"}, {"name", "C"}, {"count", 3}});
    CHECK(j["facets"]["kind"].size() == 1);
    for (const char* f : {"committee", "year", "type", "person", "topic"}) CHECK(j["facets"][f].is_array());
    result.suggestion.reset();
    CHECK(search_json(request, result)["suggestion"].is_null());
}

TEST_CASE("responses with invalid UTF-8 from the index still dump", "[json]") {
    auto hit = sample_hit();
    hit.snippet = "bad \xc3( byte";
    const auto text = dump(hit_json(hit));
    CHECK(json::parse(text)["snippet"] == "bad \xEF\xBF\xBD( byte");
}

TEST_CASE("meeting lists are paged only when asked", "[json]") {
    std::vector<std::string> records;
    for (int i = 0; i < 5; ++i)
        records.push_back(json{{"id", "m" + std::to_string(i)}, {"date", "2022-01-0" + std::to_string(i + 1)}}.dump());
    MeetingParams all;
    CHECK(meetings_json(records, all)["meetings"].size() == 5);
    MeetingParams page;
    page.page = 2;
    page.per_page = 2;
    const auto j = meetings_json(records, page);
    CHECK(j["meetings"].size() == 2);
    CHECK(j["meetings"][0]["id"] == "m2");
    CHECK(j["meetings"][0]["items_count"].is_null());
    CHECK(j["total"] == 5);
    page.page = 9;
    CHECK(meetings_json(records, page)["meetings"].empty());
}

TEST_CASE("XML escaping leaves no markup and drops characters XML forbids", "[escape]") {
    CHECK(xml_escape("<a href=\"x\">Tom & Jerry's</a>") ==
          "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
    CHECK(xml_escape(std::string("a\x01\x0b"
                                 "b\tc",
                                 6)) == "ab\tc");
    CHECK(xml_escape("\xff") == "\xEF\xBF\xBD");
}

TEST_CASE("CSV cells are quoted and cannot start a spreadsheet formula", "[escape]") {
    CHECK(csv_cell("plain") == "\"plain\"");
    CHECK(csv_cell("say \"hi\", then go") == "\"say \"\"hi\"\", then go\"");
    CHECK(csv_cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_cell("-1") == "\"'-1\"");
    CHECK(csv_cell("line\nbreak") == "\"line\nbreak\"");
}

TEST_CASE("snippets become plain text for exports", "[escape]") {
    CHECK(snippet_text("the <mark>foster</mark> panel &amp; &lt;carers&gt; &quot;q&quot; &#39;s") ==
          "the foster panel & <carers> \"q\" 's");
}

TEST_CASE("log fields cannot forge lines", "[escape]") {
    CHECK(log_escape("/a\r\nFAKE 200") == "/a\\x0D\\x0AFAKE 200");
    CHECK(log_escape(std::string(5000, 'a'), 100).size() == 103);
}

TEST_CASE("a CSV row has the thirteen documented columns", "[export]") {
    const auto hit = hit_json(sample_hit());
    const auto row = csv_row(hit, "https://quorum.example.org");
    CHECK(row ==
          "\"samples-000-93a416bcbe6d1f5a-u0042\",\"resolution\",\"Fostering Service Update\",\"2022-02-22\","
          "\"Herefordshire Council\",\"Children and Young People Scrutiny Committee\",\"2022-02-22\",\"68\","
          "\"Fostering Service Update\",\"Minutes\",\"4\","
          "\"https://quorum.example.org/api/units/samples-000-93a416bcbe6d1f5a-u0042\","
          "\"... the foster panel & carers ...\"\r\n");
    CHECK(csv_header() ==
          "id,type,title,date,council,committee,meeting date,item number,item title,document,page,permanent link,"
          "snippet text\r\n");
}

TEST_CASE("an Atom entry escapes the snippet and dates the entry by its meeting", "[export]") {
    const auto entry = atom_entry(hit_json(sample_hit()), "", "2025-01-01T00:00:00Z");
    CHECK_THAT(entry, Catch::Contains("<updated>2022-02-22T00:00:00Z</updated>"));
    CHECK_THAT(entry, Catch::Contains("<id>urn:quorum:unit:samples-000-93a416bcbe6d1f5a-u0042</id>"));
    CHECK_THAT(entry, Catch::Contains("&lt;mark&gt;foster&lt;/mark&gt; panel &amp;amp; carers"));
    CHECK_THAT(entry, Catch::Contains("<link href=\"/api/units/samples-000-93a416bcbe6d1f5a-u0042\"/>"));
    const auto head = atom_begin("<script>", "2025-01-01T00:00:00Z", "");
    CHECK_THAT(head, Catch::Contains("<title>Quorum: &lt;script&gt;</title>"));
    CHECK(atom_begin("a", "t", "") != atom_begin("b", "t", ""));  // feed ids differ per query
}

TEST_CASE("settings come from defaults, then the environment", "[config]") {
    Config c;
    const std::map<std::string, std::string> env = {
        {"QUORUM_DB", "/srv/index"}, {"QUORUM_PORT", "9090"}, {"QUORUM_THREADS", "12"}, {"QUORUM_HOST", "0.0.0.0"}};
    apply_environment(c, [&](const char* name) -> std::optional<std::string> {
        auto it = env.find(name);
        if (it == env.end()) return std::nullopt;
        return it->second;
    });
    CHECK(c.db == "/srv/index");
    CHECK(c.port == 9090);
    CHECK(c.threads == 12);
    CHECK(c.host == "0.0.0.0");
    CHECK(c.access_log == "-");
}

TEST_CASE("a malformed number in the environment is named", "[config]") {
    Config c;
    CHECK_THROWS_WITH(apply_environment(c,
                                        [](const char* name) -> std::optional<std::string> {
                                            if (std::string(name) == "QUORUM_PORT") return "80a";
                                            return std::nullopt;
                                        }),
                      Catch::StartsWith("QUORUM_PORT must be a whole number"));
}

TEST_CASE("validation says which setting is wrong and what to do", "[config]") {
    Config c;
    CHECK_THROWS_WITH(validate(c), Catch::Contains("--db"));
    c.db = QUORUM_SAMPLES_DIR;  // any existing folder
    CHECK_NOTHROW(validate(c));
    c.port = 70000;
    CHECK_THROWS_WITH(validate(c), Catch::StartsWith("--port must be from 0 to 65535"));
    c.port = 8080;
    c.threads = -1;
    CHECK_THROWS_WITH(validate(c), Catch::StartsWith("--threads"));
    c.threads = 0;
    c.public_url = "quorum.example.org";
    CHECK_THROWS_WITH(validate(c), Catch::StartsWith("--public-url must start with http"));
    c.public_url.clear();
    c.db = std::string(QUORUM_SAMPLES_DIR) + "/no-such-folder";
    CHECK_THROWS_WITH(validate(c), Catch::Contains("quorum-index"));
}

TEST_CASE("the default pool is sized to the machine and never tiny", "[config]") {
    Config c;
    // A worker is held only while it answers (idle connections wait in the HttpServer's
    // waiting room), so a few per core are enough; never fewer than 16.
    CHECK(worker_threads(c, 2) == 16);
    CHECK(worker_threads(c, 16) == 128);
    CHECK(worker_threads(c, 64) == 256);
    CHECK(worker_threads(c, 0) == 16);
    c.threads = 3;
    CHECK(worker_threads(c, 64) == 3);
}
