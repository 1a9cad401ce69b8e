// The HTTP layer (routes, guards, errors, exports) on a real cpp-httplib server on
// 127.0.0.1, over a fake Backend so it runs without an index.
#include "app.hpp"
#include "http_server.hpp"
#include "openapi.hpp"
#include "params.hpp"
#include "live_server.hpp"
#include "raw_http.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "quorum/index/vocabulary.hpp"

#include <atomic>
#include <map>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

using nlohmann::json;
using namespace quorum::server;
using quorum::test::error_of;
using quorum::test::FakeBackend;
using quorum::test::first_status;
using quorum::test::LiveServer;
using quorum::test::raw_exchange;

TEST_CASE("a search answers with the contract's JSON", "[http]") {
    LiveServer s;
    auto r = s.client().Get("/api/search?q=foster&per_page=5&page=2");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
    const auto j = json::parse(r->body);
    CHECK(j["total"] == 25);
    CHECK(j["page"] == 2);
    CHECK(j["per_page"] == 5);
    CHECK(j["hits"].size() == 5);
    CHECK(j["hits"][0]["rank"] == 6);
    CHECK_FALSE(j["hits"][0].contains("text"));
    CHECK(j["facets"]["type"][0]["count"] == 25);
}

TEST_CASE("a bad parameter gets 400 naming it, and the search never runs", "[http]") {
    LiveServer s;
    const auto e = error_of(s.client().Get("/api/search?q=x&per_page=500"));
    CHECK(e["code"] == "bad_request");
    CHECK(e["message"] == "per_page must be a whole number from 1 to 100");
    CHECK(s.backend.searches == 0);
    auto utf = s.client().Get("/api/search?q=%ff%fe");
    REQUIRE(utf);
    CHECK(utf->status == 400);
    CHECK(error_of(utf)["message"] == "q must be valid UTF-8 text");
}

TEST_CASE("a query the library rejects gets 400 with the library's reason", "[http]") {
    LiveServer s;
    auto r = s.client().Get("/api/search?q=bad");
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(error_of(r)["message"] == "q has an unbalanced bracket");
}

TEST_CASE("a failure inside the server gets a generic 500 that leaks nothing", "[http]") {
    LiveServer s;
    auto r = s.client().Get("/api/search?q=boom");
    REQUIRE(r);
    CHECK(r->status == 500);
    CHECK(error_of(r)["code"] == "internal");
    CHECK(r->body.find("secret") == std::string::npos);
    for (const auto& [name, value] : r->headers) {
        CHECK(name != "EXCEPTION_WHAT");
        CHECK(value.find("secret") == std::string::npos);
    }
}

TEST_CASE("units and meetings are found by id, and unknown or malformed ids get JSON errors", "[http]") {
    LiveServer s;
    auto c = s.client();
    auto unit = c.Get("/api/units/doc-u1");
    REQUIRE(unit);
    CHECK(unit->status == 200);
    const auto u = json::parse(unit->body);
    CHECK(u["text"] == "the full text");
    CHECK(u.contains("committee"));
    auto meeting = c.Get("/api/meetings/c-2022-02-22");
    REQUIRE(meeting);
    CHECK(meeting->status == 200);
    CHECK(json::parse(meeting->body)["date"] == "2022-02-22");

    auto missing = c.Get("/api/units/doc-u2");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(error_of(missing)["code"] == "not_found");

    for (const char* path : {"/api/units/..", "/api/units/%2e%2e", "/api/units/ABC", "/api/meetings/%00",
                             "/api/units/a%20b", "/api/meetings/..%2f..%2fetc%2fpasswd"}) {
        INFO(path);
        auto r = c.Get(path);
        REQUIRE(r);
        CHECK((r->status == 400 || r->status == 404));
        (void)error_of(r);
    }
    for (const char* path :
         {"/api/units/../../etc/passwd", "/static/../../etc/passwd", "/nope", "/api/", "/api/units/"}) {
        INFO(path);
        auto r = c.Get(path);
        REQUIRE(r);
        CHECK(r->status == 404);
        (void)error_of(r);
    }
}

TEST_CASE("meetings are listed newest first", "[http]") {
    LiveServer s;
    auto r = s.client().Get("/api/meetings");
    REQUIRE(r);
    const auto j = json::parse(r->body);
    CHECK(j["meetings"].size() == 2);
    CHECK(j["meetings"][0]["id"] == "c-2022-03-22");
    auto bad = s.client().Get("/api/meetings?to=2022-02-30");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK_THAT(error_of(bad)["message"].get<std::string>(), Catch::StartsWith("to must be a real calendar date"));
}

TEST_CASE("healthz reports the unit count", "[http]") {
    LiveServer s;
    auto r = s.client().Get("/healthz");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(json::parse(r->body) == json{{"status", "ok"}, {"units", 7}});
}

// Issue 15: a damaged table started "healthy" and every search that met it got a bare 500.
TEST_CASE("a search that cannot read the index gets a 503 saying so, not a 500", "[http]") {
    LiveServer s;
    auto r = s.client().Get("/api/search?q=damaged");
    REQUIRE(r);
    CHECK(r->status == 503);
    auto e = error_of(r);
    CHECK(e["code"] == "unavailable");
    CHECK_THAT(e["message"].get<std::string>(), Catch::Contains("/healthz"));

    r = s.client().Get("/api/search?q=rewritten");
    REQUIRE(r);
    CHECK(r->status == 503);
    CHECK_THAT(error_of(r)["message"].get<std::string>(), Catch::Contains("try again"));
}

TEST_CASE("healthz answers 503 with the reason when a table of the index cannot be read", "[http]") {
    LiveServer s;
    s.backend.set_problem("the position table cannot be read: DatabaseCorruptError: Bad block");
    auto r = s.client().Get("/healthz");
    REQUIRE(r);
    CHECK(r->status == 503);
    CHECK(r->get_header_value("Cache-Control") == "no-store");
    const auto message = error_of(r)["message"].get<std::string>();
    CHECK_THAT(message, Catch::Contains("position table"));
    CHECK_THAT(message, Catch::Contains("xapian-check"));
}

// Issue 15: the web page had no Content-Security-Policy, Referrer-Policy or frame-ancestors.
TEST_CASE("every answer carries the security headers: the page's CSP, no framing, no referrer", "[http]") {
    LiveServer s;
    for (const char* path : {"/", "/api/search?q=few", "/healthz", "/api/units/nothing", "/no-such-page"}) {
        auto r = s.client().Get(path);
        REQUIRE(r);
        INFO(path);
        const auto csp = r->get_header_value("Content-Security-Policy");
        CHECK_THAT(csp, Catch::Contains("script-src 'self'"));
        CHECK_THAT(csp, Catch::Contains("frame-ancestors 'none'"));
        CHECK_THAT(csp, !Catch::Contains("unsafe-inline"));
        CHECK(r->get_header_value("Referrer-Policy") == "no-referrer");
        CHECK(r->get_header_value("X-Frame-Options") == "DENY");
        CHECK(r->get_header_value("Access-Control-Allow-Origin") == "*");
    }
}

TEST_CASE("healthz reports the response cache's hits and misses, so its hit rate can be measured", "[http]") {
    // Issue 14: the benchmark reports the cache's hit rate beside the uncached figures.
    LiveServer s(1 << 20);
    s.backend.index_revision = 1;  // a known revision: answers may be kept
    auto c = s.client();
    auto cache = [&] { return json::parse(c.Get("/healthz")->body)["cache"]; };
    REQUIRE(cache().is_object());
    CHECK(cache()["hits"] == 0);
    REQUIRE(c.Get("/api/search?q=fostering")->status == 200);  // a miss, then kept
    REQUIRE(c.Get("/api/search?q=fostering")->status == 200);  // a hit
    REQUIRE(c.Get("/api/search?q=budget")->status == 200);     // a miss
    const auto after = cache();
    CHECK(after["hits"] == 1);
    CHECK(after["misses"] == 2);
    CHECK(after["entries"] == 2);
    CHECK(after["bytes"].get<long long>() > 0);
}

TEST_CASE("the OpenAPI document is valid JSON describing every endpoint", "[http]") {
    LiveServer s;
    auto r = s.client().Get("/api/openapi.json");
    REQUIRE(r);
    CHECK(r->status == 200);
    const auto doc = json::parse(r->body);
    CHECK(doc["openapi"] == "3.0.3");
    for (const char* path :
         {"/api/search", "/api/units/{id}", "/api/meetings", "/api/meetings/{id}", "/healthz", "/api/openapi.json"})
        CHECK(doc["paths"].contains(path));
    std::set<std::string> documented;
    for (const auto& p : doc["paths"]["/api/search"]["get"]["parameters"]) documented.insert(p["name"]);
    for (const auto& spec : search_param_table()) CHECK(documented.count(std::string(spec.name)) == 1);
}

namespace {

// The parameter table of each endpoint that has one: what params.cpp validates.
const std::map<std::string, std::span<const ParamSpec>>& param_tables() {
    static const std::map<std::string, std::span<const ParamSpec>> tables = {
        {"/api/search", search_param_table()},         {"/api/meetings", meetings_param_table()},
        {"/api/decisions", decisions_param_table()},   {"/api/people", people_param_table()},
        {"/api/committees", committees_param_table()}, {"/api/people/{id}/agreement", agreement_param_table()},
        {"/api/compare", compare_param_table()},       {"/api/people/{id}", person_param_table()},
        {"/api/councils", councils_param_table()},
    };
    return tables;
}

// What openapi.json must say of a parameter params.cpp validates.
void check_documented(const ParamSpec& spec, const json& param) {
    const json& schema = param["schema"];
    CHECK(schema["type"] == (spec.repeatable                   ? "array"
                             : spec.kind == ParamKind::integer ? "integer"
                             : spec.kind == ParamKind::boolean ? "boolean"
                                                               : "string"));
    const json& value = spec.repeatable ? schema["items"] : schema;
    switch (spec.kind) {
        case ParamKind::text:
            CHECK(value["maxLength"] == spec.max);
            break;
        case ParamKind::id:
            CHECK(value["pattern"] == "^[a-z0-9._-]{1,200}$");
            break;
        case ParamKind::year:
            CHECK(value["pattern"] == "^[0-9]{4}$");
            break;
        case ParamKind::date:
            CHECK(value["format"] == "date");
            break;
        case ParamKind::choice: {
            std::vector<std::string> choices(spec.choices.begin(), spec.choices.end());
            CHECK(value["enum"].get<std::vector<std::string>>() == choices);
            break;
        }
        case ParamKind::integer:
            CHECK(value["minimum"] == spec.min);
            CHECK(value["maximum"] == spec.max);
            break;
        case ParamKind::boolean:
            break;
    }
    if (schema.contains("default")) {  // a documented default is the one applied
        const json& d = schema["default"];
        CHECK((d.is_string() ? d.get<std::string>() : d.dump()) == std::string(spec.default_value));
    }
}

template <class E>
std::vector<std::string> slugs_of() {
    const auto slugs = quorum::index::vocabulary::slugs<E>();
    return {slugs.begin(), slugs.end()};
}

// The first-level keys (or first elements of pairs) of a constant in app.js: `const NAME = ...;`.
std::set<std::string> app_js_keys(const std::string& source, const std::string& name) {
    const auto start = source.find("const " + name + " = ");
    REQUIRE(start != std::string::npos);
    const auto end = source.find(";\n", start);
    const std::string body = source.substr(start, end - start);
    std::set<std::string> keys;
    // ['in-progress', 'In progress'] or 'tracker-row': 'Tracker row' or resolution: 'Resolution'
    static const std::regex key(R"(\[\s*'([^']+)'|'([^']+)'\s*:|[{,]\s*([a-z]+)\s*:)");
    for (auto it = std::sregex_iterator(body.begin(), body.end(), key); it != std::sregex_iterator(); ++it)
        keys.insert((*it)[1].matched ? (*it)[1].str() : (*it)[2].matched ? (*it)[2].str() : (*it)[3].str());
    return keys;
}

}  // namespace

// Regression: params.cpp, openapi.json and app.js each listed the decision statuses, and
// the page sent "status=in progress", which the server refused.
TEST_CASE("openapi.json documents every parameter params.cpp validates, with the same allowed values",
          "[http][openapi]") {
    const auto doc = json::parse(openapi_json());
    for (const auto& [path, item] : doc["paths"].items()) {
        std::set<std::string> documented;
        for (const auto& p : item["get"].value("parameters", json::array()))
            if (p["in"] == "query") documented.insert(p["name"].get<std::string>());
        const auto table = param_tables().find(path);
        INFO(path);
        if (table == param_tables().end()) {
            CHECK(documented.empty());  // a query parameter nothing validates
            continue;
        }
        std::set<std::string> validated;
        for (const auto& spec : table->second) validated.insert(std::string(spec.name));
        CHECK(documented == validated);
        for (const auto& p : item["get"]["parameters"])
            for (const auto& spec : table->second)
                if (p["in"] == "query" && p["name"] == std::string(spec.name)) {
                    INFO(spec.name);
                    check_documented(spec, p);
                }
    }
    for (const auto& [path, table] : param_tables()) CHECK(doc["paths"].contains(path));

    // The decision vocabularies are the C++ ones.
    namespace v = quorum::index::vocabulary;
    const json& decisions = doc["paths"]["/api/decisions"]["get"]["parameters"];
    for (const auto& p : decisions) {
        if (p["name"] == "outcome")
            CHECK(p["schema"]["enum"].get<std::vector<std::string>>() == slugs_of<v::OutcomeResult>());
        if (p["name"] == "status")
            CHECK(p["schema"]["enum"].get<std::vector<std::string>>() == slugs_of<v::DecisionStatus>());
        if (p["name"] == "kind")
            CHECK(p["schema"]["enum"].get<std::vector<std::string>>() == slugs_of<v::DecisionKind>());
    }
}

TEST_CASE("the web page's lists of outcomes, statuses, kinds and link types are the vocabulary", "[http][web]") {
    std::ifstream in(std::string(QUORUM_SOURCE_DIR) + "/server/web/app.js");
    REQUIRE(in);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string app = buffer.str();
    namespace v = quorum::index::vocabulary;
    auto set_of = [](std::vector<std::string> list) { return std::set<std::string>(list.begin(), list.end()); };
    CHECK(app_js_keys(app, "OUTCOMES") == set_of(slugs_of<v::OutcomeResult>()));
    CHECK(app_js_keys(app, "STATUSES") == set_of(slugs_of<v::DecisionStatus>()));
    auto kinds = set_of(slugs_of<v::DecisionKind>());
    kinds.insert("item");  // a thread step that is a later item
    CHECK(app_js_keys(app, "KIND_LABELS") == kinds);
    CHECK(app_js_keys(app, "LINK_WORDS") == set_of(slugs_of<v::LinkType>()));
}

TEST_CASE("methods other than GET, HEAD and OPTIONS get 405 before any body is read", "[http]") {
    LiveServer s;
    auto c = s.client();
    auto post = c.Post("/api/search", std::string(100000, 'x'), "text/plain");
    REQUIRE(post);
    CHECK(post->status == 405);
    CHECK(post->get_header_value("Allow") == "GET, HEAD, OPTIONS");
    CHECK(error_of(post)["code"] == "method_not_allowed");
    for (const char* method : {"PUT", "DELETE", "TRACE", "PATCH", "CONNECT", "BREW"}) {
        INFO(method);
        const auto raw = raw_exchange(
            s.port, std::string(method) + " /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
        INFO(raw);
        const int status = first_status(raw);
        CHECK(status >= 400);
        CHECK(status < 500);
    }
    // A chunked body with a negative size is never read.
    const auto raw =
        raw_exchange(s.port, "POST /api/search HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\n");
    CHECK(first_status(raw) == 405);
}

// Issue 15: two Content-Length headers were not refused (a request-smuggling opening).
TEST_CASE("a request with two Content-Length headers is refused and the connection closed", "[http]") {
    LiveServer s;
    const auto raw = raw_exchange(
        s.port, "GET /api/search?q=few HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n");
    INFO(raw);
    CHECK(first_status(raw) == 400);
    CHECK_THAT(raw, Catch::Contains("Content-Length"));
    CHECK_THAT(raw, Catch::Contains("Connection: close"));
    CHECK(s.backend.searches == 0);
}

TEST_CASE("HEAD and OPTIONS are answered", "[http]") {
    LiveServer s;
    auto c = s.client();
    auto head = c.Head("/healthz");
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
    auto options = c.Options("/api/search");
    REQUIRE(options);
    CHECK(options->status == 204);
    CHECK(options->get_header_value("Allow") == "GET, HEAD, OPTIONS");
}

TEST_CASE("a GET that carries a body is refused", "[http]") {
    LiveServer s;
    const auto raw = raw_exchange(s.port, "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nGET /x HTTP");
    CHECK(first_status(raw) == 413);
}

TEST_CASE("a Range header is ignored, even a many-part one", "[http]") {
    LiveServer s;
    std::string ranges = "bytes=0-0";
    for (int i = 1; i < 1000; ++i) ranges += "," + std::to_string(i) + "-" + std::to_string(i);
    httplib::Headers headers = {{"Range", ranges}};
    auto r = s.client().Get("/api/search?q=foster", headers);
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
    CHECK_NOTHROW(json::parse(r->body));
    auto err = s.client().Get("/nope", {{"Range", "bytes=0-1,5-6"}});
    REQUIRE(err);
    CHECK(err->status == 404);
    (void)error_of(err);
}

TEST_CASE("too many or too large headers get 431", "[http]") {
    LiveServer s;
    httplib::Headers many;
    for (int i = 0; i < 200; ++i) many.emplace("X-H" + std::to_string(i), "v");
    auto r = s.client().Get("/healthz", many);
    REQUIRE(r);
    CHECK(r->status == 431);
    CHECK(error_of(r)["code"] == "headers_too_large");
    httplib::Headers large = {{"X-Big", std::string(20000, 'a')}};
    auto big = s.client().Get("/healthz", large);
    REQUIRE(big);
    CHECK((big->status == 431 || big->status == 400));  // cpp-httplib itself refuses lines over 8 KB
    auto ok = s.client().Get("/healthz");
    REQUIRE(ok);
    CHECK(ok->status == 200);
}

TEST_CASE("malformed request lines get a JSON 4xx and the server stays up", "[http]") {
    LiveServer s;
    // cpp-httplib skips a header line without a colon: a sane 200, not an error.
    const auto lenient = raw_exchange(s.port, "GET /healthz HTTP/1.1\r\nNoColonHeader\r\n\r\n");
    CHECK(first_status(lenient) == 200);
    for (const char* request :
         {"GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET /healthz HTTP/9.9\r\n\r\n", "\x16\x03\x01\x02\x01\r\n\r\n"}) {
        INFO(request);
        const auto raw = raw_exchange(s.port, request);
        const int status = first_status(raw);
        if (status != 0) {  // closing silently is an acceptable answer too
            CHECK(status >= 400);
            CHECK(status < 500);
        }
    }
    const auto long_uri =
        raw_exchange(s.port, "GET /api/search?q=" + std::string(10000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(first_status(long_uri) == 414);
    CHECK(long_uri.find("uri_too_long") != std::string::npos);
    auto r = s.client().Get("/healthz");
    REQUIRE(r);
    CHECK(r->status == 200);
}

TEST_CASE("a CSV export streams the whole result set in batches", "[http][export]") {
    LiveServer s;
    auto r = s.client().Get("/api/search?q=foster&format=csv&per_page=3");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    CHECK(r->get_header_value("Content-Disposition") == "attachment; filename=\"quorum-search.csv\"");
    std::size_t lines = 0;
    for (char c : r->body) lines += c == '\n';
    CHECK(lines == 26);  // header + all 25 hits, not one page of 3
    CHECK_THAT(r->body, Catch::Contains("\"'=cmd|' /C calc'!A0\""));
    CHECK_THAT(r->body, Catch::Contains("https://q.example/api/units/doc-u24"));
}

TEST_CASE("an export stops at 10,000 rows", "[http][export]") {
    LiveServer s;
    auto r = s.client().Get("/api/search?q=many&format=csv");
    REQUIRE(r);
    std::size_t lines = 0;
    for (char c : r->body) lines += c == '\n';
    CHECK(lines == 10001);
}

TEST_CASE("an Atom export is a complete feed of every hit", "[http][export]") {
    LiveServer s;
    auto r = s.client().Get("/api/search?q=few&format=atom");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == "application/atom+xml; charset=utf-8");
    CHECK_THAT(r->body, Catch::StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
    CHECK_THAT(r->body, Catch::EndsWith("</feed>\n"));
    std::size_t entries = 0;
    for (auto at = r->body.find("<entry>"); at != std::string::npos; at = r->body.find("<entry>", at + 1)) ++entries;
    CHECK(entries == 3);
}

TEST_CASE("an export of a query the library rejects is a 400, not a cut stream", "[http][export]") {
    LiveServer s;
    auto r = s.client().Get("/api/search?q=bad&format=csv");
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(r->get_header_value("Content-Disposition").empty());
    (void)error_of(r);
}

TEST_CASE("without embedded web assets the page gets a JSON 404 pointing at the API", "[http]") {
    LiveServer s;
    auto r = s.client().Get("/");
    REQUIRE(r);
    if (r->status == 404)
        CHECK_THAT(error_of(r)["message"].get<std::string>(), Catch::Contains("/api/search"));
    else
        CHECK(r->status == 200);  // the web page's assets are linked in
}

TEST_CASE("many concurrent keep-alive clients are all answered", "[http]") {
    LiveServer s;
    std::atomic<int> ok{0};
    std::vector<std::thread> clients;
    for (int t = 0; t < 6; ++t)
        clients.emplace_back([&] {
            auto c = s.client();
            c.set_keep_alive(true);
            for (int i = 0; i < 50; ++i)
                if (auto r = c.Get("/api/search?q=x"); r && r->status == 200) ++ok;
        });
    for (auto& t : clients) t.join();
    CHECK(ok == 300);
}

namespace {

// A search answer without the two fields that describe how this request was answered.
json without_timing(const std::string& body) {
    auto j = json::parse(body);
    j.erase("took_ms");
    j.erase("cached");
    return j;
}

}  // namespace

TEST_CASE("a repeated search is answered from the cache with the same body, and says so", "[http][cache]") {
    LiveServer cached(1 << 20);
    cached.backend.index_revision = 1;
    LiveServer fresh;  // no cache
    const char* path = "/api/search?q=foster&per_page=5&page=2";

    auto first = cached.client().Get(path);
    auto second = cached.client().Get(path);
    auto uncached = fresh.client().Get(path);
    REQUIRE(first);
    REQUIRE(second);
    REQUIRE(uncached);
    CHECK(second->status == 200);
    CHECK(cached.backend.searches == 1);
    const auto a = json::parse(first->body), b = json::parse(second->body), c = json::parse(uncached->body);
    CHECK(a["cached"] == false);
    CHECK(a["took_ms"] == 0.25);  // the library's own time for a computed answer
    CHECK(b["cached"] == true);
    CHECK(b["took_ms"].is_number());
    CHECK(c["cached"] == false);
    CHECK(without_timing(second->body) == without_timing(uncached->body));
    CHECK(without_timing(first->body) == without_timing(uncached->body));
    CHECK(second->get_header_value("Content-Type") == "application/json; charset=utf-8");

    // The same request written differently (order, empty and unknown parameters) is the same answer.
    auto same = cached.client().Get("/api/search?page=2&sort=&per_page=5&q=foster&_=123");
    REQUIRE(same);
    CHECK(json::parse(same->body)["cached"] == true);
    CHECK(cached.backend.searches == 1);
    // A different page is another answer.
    auto other = cached.client().Get("/api/search?q=foster&per_page=5&page=3");
    REQUIRE(other);
    CHECK(json::parse(other->body)["hits"][0]["rank"] == 11);
    CHECK(cached.backend.searches == 2);

    auto head = cached.client().Head(path);
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
}

TEST_CASE("after a re-index the cache never gives an answer from the old index", "[http][cache]") {
    LiveServer s(1 << 20);
    s.backend.index_revision = 7;
    auto before = s.client().Get("/api/search?q=foster");
    REQUIRE(before);
    CHECK(json::parse(before->body)["total"] == 25);
    s.backend.added = 5;  // the index gains units and names a new revision
    s.backend.index_revision = 8;
    auto after = s.client().Get("/api/search?q=foster");
    REQUIRE(after);
    const auto j = json::parse(after->body);
    CHECK(j["cached"] == false);
    CHECK(j["total"] == 30);
    CHECK(s.backend.searches == 2);
}

TEST_CASE("nothing is cached when the index revision is unknown", "[http][cache]") {
    LiveServer s(1 << 20);  // index_revision stays 0
    for (int i = 0; i < 3; ++i) {
        auto r = s.client().Get("/api/search?q=foster");
        REQUIRE(r);
        CHECK(json::parse(r->body)["cached"] == false);
    }
    CHECK(s.backend.searches == 3);
}

TEST_CASE("errors and exports are never cached: malformed requests still get a JSON 4xx", "[http][cache]") {
    LiveServer s(1 << 20);
    s.backend.index_revision = 1;
    for (int i = 0; i < 2; ++i) {
        const auto e = error_of(s.client().Get("/api/search?q=x&per_page=500"));
        CHECK(e["code"] == "bad_request");
        auto rejected = s.client().Get("/api/search?q=bad");
        REQUIRE(rejected);
        CHECK(rejected->status == 400);
        CHECK(error_of(rejected)["message"] == "q has an unbalanced bracket");
        auto failed = s.client().Get("/api/search?q=boom");
        REQUIRE(failed);
        CHECK(failed->status == 500);
        auto csv = s.client().Get("/api/search?q=few&format=csv");
        REQUIRE(csv);
        CHECK(csv->status == 200);
        CHECK(csv->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    }
    CHECK(s.backend.searches == 6);  // bad, boom and the CSV, each time
}
