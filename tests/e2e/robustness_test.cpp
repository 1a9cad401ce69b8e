// Malformed and hostile requests against the real quorum-serve over the sample index:
// each gets a 4xx JSON error or a sane answer within a second, and the server stays up.
#include "server_process.hpp"

#include "../server/raw_http.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

using nlohmann::json;
using quorum::test::samples_server;

namespace {

// GETs `target`; checks the answer is a 2xx JSON body or a 4xx JSON error, in < 1 s,
// and that /healthz still answers afterwards. Returns the status.
int probe(const std::string& target, const httplib::Headers& headers = {}) {
    INFO(target.substr(0, 200));
    auto& server = samples_server();
    auto c = server.client();
    const auto start = std::chrono::steady_clock::now();
    auto r = c.Get(target.c_str(), headers);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    REQUIRE(r);
    CHECK(elapsed < std::chrono::seconds(1));
    CHECK(r->status < 500);
    if (r->status >= 400) {
        const auto body = json::parse(r->body, nullptr, false);
        REQUIRE(body.is_object());
        CHECK(body["error"]["code"].is_string());
        CHECK(body["error"]["message"].is_string());
    } else if (target.rfind("/api/", 0) == 0 && target.find("format=") == std::string::npos) {
        CHECK_FALSE(json::parse(r->body, nullptr, false).is_discarded());
    }
    auto health = c.Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 200);
    return r->status;
}

std::string encode(const std::string& q) { return httplib::detail::encode_query_param(q); }

}  // namespace

TEST_CASE("queries with unbalanced quotes, brackets and operators get an answer, not a failure", "[e2e][robust]") {
    for (const std::string q : {"\"foster carers",
                                "((foster",
                                "foster)",
                                "AND",
                                "OR OR OR",
                                "NOT",
                                "-",
                                "+",
                                "\"\"",
                                "committee:",
                                "type:resolution AND (",
                                "foster NEAR/3",
                                "2022-01-01..",
                                "..2022",
                                "year:abcd",
                                "person:\"",
                                "*",
                                "a*",
                                "foster AND NOT OR carers",
                                "\\",
                                "%",
                                "'''"}) {
        const int status = probe("/api/search?q=" + encode(q));
        CHECK((status == 200 || status == 400));
    }
}

TEST_CASE("a 20,000-character query is refused quickly", "[e2e][robust]") {
    const int status = probe("/api/search?q=" + std::string(20000, 'a'));
    CHECK((status == 400 || status == 414));
    CHECK(probe("/api/search?q=" + std::string(1001, 'a')) == 400);
}

TEST_CASE("hundreds of wildcards are answered within a second", "[e2e][robust]") {
    std::string q;
    for (int i = 0; i < 300; ++i) q += std::string(1, static_cast<char>('a' + i % 26)) + "* ";
    const int status = probe("/api/search?q=" + encode(q));
    CHECK((status == 200 || status == 400));
    std::string deep;
    for (int i = 0; i < 200; ++i) deep += "(";
    deep += "a";
    for (int i = 0; i < 200; ++i) deep += ")";
    CHECK(probe("/api/search?q=" + encode(deep)) < 500);
}

TEST_CASE("paging out of range or not a number is a 400 naming the parameter", "[e2e][robust]") {
    for (const char* query : {"page=0", "page=1001", "page=-3", "page=abc", "per_page=0", "per_page=101",
                              "per_page=1e3", "per_page=%20", "page=1&page=2", "sort=random", "format=xml"})
        CHECK(probe(std::string("/api/search?q=foster&") + query) == 400);
}

TEST_CASE("impossible dates are refused", "[e2e][robust]") {
    for (const char* query : {"from=2022-02-30", "to=2022-13-01", "from=2023-01-01&to=2022-01-01", "from=yesterday"}) {
        CHECK(probe(std::string("/api/search?") + query) == 400);
        CHECK(probe(std::string("/api/meetings?") + query) == 400);
    }
}

TEST_CASE("path tricks in ids never reach beyond the index", "[e2e][robust]") {
    for (const char* path :
         {"/api/units/../../etc/passwd", "/api/units/%2e%2e", "/api/units/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
          "/api/units/..%2F..%2Fetc%2Fpasswd", "/api/meetings/..", "/api/units/%00", "/api/units/A",
          "/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd",
          "/api/units/samples-000-93a416bcbe6d1f5a-u9999"}) {
        const int status = probe(path);
        CHECK((status == 400 || status == 404));
    }
}

TEST_CASE("invalid UTF-8 is refused", "[e2e][robust]") {
    CHECK(probe("/api/search?q=%ff%fe") == 400);
    CHECK(probe("/api/search?q=foster%c0%af") == 400);
    CHECK(probe("/api/search?committee=%ff") == 400);
}

TEST_CASE("methods other than GET, HEAD and OPTIONS get 405 and the server stays up", "[e2e][robust]") {
    auto& server = samples_server();
    auto c = server.client();
    auto post = c.Post("/api/search", "q=foster", "application/x-www-form-urlencoded");
    REQUIRE(post);
    CHECK(post->status == 405);
    auto put = c.Put("/api/units/x", "{}", "application/json");
    REQUIRE(put);
    CHECK(put->status == 405);
    auto del = c.Delete("/api/units/x");
    REQUIRE(del);
    CHECK(del->status == 405);
    const auto trace = quorum::test::raw_exchange(server.port(), "TRACE / HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(quorum::test::first_status(trace) == 405);
    CHECK(probe("/healthz") == 200);
}

TEST_CASE("a Range header is ignored", "[e2e][robust]") {
    CHECK(probe("/api/search?q=foster", {{"Range", "bytes=0-10,20-30,40-50"}}) == 200);
    CHECK(probe("/healthz", {{"Range", "bytes=0-0"}}) == 200);
}

TEST_CASE("200 headers or a very long header get a 4xx", "[e2e][robust]") {
    httplib::Headers many;
    for (int i = 0; i < 200; ++i) many.emplace("X-Filler-" + std::to_string(i), "value");
    CHECK(probe("/healthz", many) == 431);
    const int status = probe("/healthz", {{"X-Long", std::string(60000, 'x')}});
    CHECK((status == 400 || status == 431));
}

TEST_CASE("raw garbage on the socket gets a sane answer or a closed connection, never a 5xx", "[e2e][robust]") {
    auto& server = samples_server();
    for (const std::string& request :
         {std::string("HELLO\r\n\r\n"), std::string("GET / HTTP/1.1\r\n") + std::string(5000, 'x') + "\r\n\r\n",
          std::string("GET /healthz HTTP/1.1\r\nContent-Length: -1\r\n\r\n")}) {
        const auto raw = quorum::test::raw_exchange(server.port(), request, std::chrono::milliseconds(1500));
        INFO(request.substr(0, 40) << " -> " << raw.substr(0, 200));
        const int status = quorum::test::first_status(raw);
        if (status != 0) CHECK(status < 500);  // a header line without a colon is skipped: "/" may be a 200
    }
    CHECK(quorum::test::first_status(quorum::test::raw_exchange(server.port(), "HELLO\r\n\r\n")) == 400);
    CHECK(probe("/healthz") == 200);
}

TEST_CASE("the access log has one escaped line per request", "[e2e][robust]") {
    auto& server = samples_server();
    (void)probe("/api/search?q=log%0d%0afake");
    // The line is written just after the response is sent: give it a moment.
    std::string log;
    for (int i = 0; i < 50 && log.find("q=log%0d%0afake") == std::string::npos; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        log = server.access_log();
    }
    CHECK(log.find("\"GET /api/search?q=log%0d%0afake\" 200 ") != std::string::npos);
    CHECK(log.find("\nfake") == std::string::npos);
}
