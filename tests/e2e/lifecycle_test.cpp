// Starting, stopping and re-indexing under a running quorum-serve.
#include "damaged_table.hpp"
#include "server_process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <csignal>
#include <thread>

using nlohmann::json;
using namespace quorum::test;

namespace {

std::filesystem::path sample(const char* name) { return std::filesystem::path(QUORUM_SAMPLES_DIR) / name; }

// A folder holding copies of the given samples (and their sidecars).
std::filesystem::path input_with(const TempDir& dir, std::initializer_list<const char*> names) {
    const auto in = dir.path() / "in";
    std::filesystem::create_directories(in);
    for (const char* n : names) {
        std::filesystem::copy_file(sample(n), in / n, std::filesystem::copy_options::overwrite_existing);
        const auto meta = sample(n).string() + ".meta.json";
        if (std::filesystem::exists(meta))
            std::filesystem::copy_file(meta, in / (std::string(n) + ".meta.json"),
                                       std::filesystem::copy_options::overwrite_existing);
    }
    return in;
}

std::uint64_t units(const ServerProcess& server) {
    auto r = server.client().Get("/healthz");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return json::parse(r->body)["units"];
}

}  // namespace

TEST_CASE("SIGTERM and SIGINT stop the server cleanly with exit status 0", "[e2e][lifecycle]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    REQUIRE(run_program({binary("quorum-index").string(), "--db", db.string(),
                         input_with(dir, {"003_0f19b924668e569c.txt"}).string()},
                        dir.path() / "index.log") == 0);
    for (int sig : {SIGTERM, SIGINT}) {
        ServerProcess server(db, dir.path());
        CHECK(units(server) > 0);
        CHECK(server.stop(sig) == 0);
    }
}

TEST_CASE("a re-index is seen without a restart", "[e2e][lifecycle]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    const auto in = input_with(dir, {"003_0f19b924668e569c.txt"});
    REQUIRE(run_program({binary("quorum-index").string(), "--db", db.string(), in.string()},
                        dir.path() / "index.log") == 0);
    ServerProcess server(db, dir.path());
    const auto before = units(server);
    auto r = server.client().Get("/api/search?q=fostering+panel+councillors");
    REQUIRE(r);
    const auto hits_before = json::parse(r->body)["total"].get<std::uint64_t>();

    (void)input_with(dir, {"000_93a416bcbe6d1f5a.txt"});
    REQUIRE(run_program({binary("quorum-index").string(), "--db", db.string(), in.string()},
                        dir.path() / "index.log") == 0);
    std::uint64_t after = before;
    for (int i = 0; i < 40 && after == before; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        after = units(server);
    }
    CHECK(after > before);
    // Every worker thread sees it within about a second.
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    for (int i = 0; i < 20; ++i) {
        auto again = server.client().Get("/api/search?q=fostering+panel+councillors");
        REQUIRE(again);
        CHECK(json::parse(again->body)["total"].get<std::uint64_t>() > hits_before);
    }
    CHECK(server.stop(SIGTERM) == 0);
}

// Regression (issue 15, deployment review): an index folder removed and built again, or a
// new one swapped in with mv, kept being served from the old files until a restart, though
// docs/SERVING.md tells operators to mend a damaged index that way.
TEST_CASE("an index folder rebuilt or swapped in under the same path is seen without a restart", "[e2e][lifecycle]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    const auto index = [&](const std::filesystem::path& out, std::initializer_list<const char*> names) {
        std::filesystem::remove_all(dir.path() / "in");
        REQUIRE(run_program({binary("quorum-index").string(), "--db", out.string(), input_with(dir, names).string()},
                            dir.path() / "index.log") == 0);
    };
    const auto wait_for_change = [&](const ServerProcess& server, std::uint64_t from) {
        std::uint64_t now = from;
        for (int i = 0; i < 50 && now == from; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            now = units(server);
        }
        return now;
    };
    index(db, {"003_0f19b924668e569c.txt"});
    ServerProcess server(db, dir.path());
    const auto first = units(server);

    std::filesystem::remove_all(db);  // rebuilt from scratch at the same path
    index(db, {"003_0f19b924668e569c.txt", "000_93a416bcbe6d1f5a.txt"});
    const auto rebuilt = wait_for_change(server, first);
    CHECK(rebuilt > first);

    index(dir.path() / "next", {"000_93a416bcbe6d1f5a.txt"});  // built aside, then swapped in
    std::filesystem::rename(db, dir.path() / "old");
    std::filesystem::rename(dir.path() / "next", db);
    const auto swapped = wait_for_change(server, rebuilt);
    CHECK(swapped < rebuilt);
    CHECK(swapped != first);
    // Every searcher of the pool moved, not only the one that looked first.
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    for (int i = 0; i < 20; ++i) {
        auto r = server.client().Get("/api/search?q=fostering+panel+councillors");
        REQUIRE(r);
        CHECK(r->status == 200);
    }
    CHECK(units(server) == swapped);
    CHECK(server.stop(SIGTERM) == 0);
}

TEST_CASE("a missing index stops the start with a message that says what to do", "[e2e][lifecycle]") {
    TempDir dir;
    const auto log = dir.path() / "serve.log";
    const int rc =
        run_program({binary("quorum-serve").string(), "--db", (dir.path() / "nothing").string(), "--port", "0"}, log);
    CHECK(rc != 0);
    std::ifstream in(log);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK_THAT(text, Catch::Contains("quorum-index"));
}

// Issue 15: a damaged positions table started "healthy", and every phrase search got a
// bare 500 while /healthz said ok.
TEST_CASE("a damaged table is reported at start and on /healthz, and searches that need it get 503",
          "[e2e][lifecycle]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    REQUIRE(run_program({binary("quorum-index").string(), "--db", db.string(), QUORUM_SAMPLES_DIR},
                        dir.path() / "index.log") == 0);
    damage_table(db, "position");
    ServerProcess server(db, dir.path());
    CHECK_THAT(server.stderr_text(), Catch::Contains("position table"));
    CHECK_THAT(server.stderr_text(), Catch::Contains("xapian-check"));

    auto health = server.client().Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 503);
    const auto reason = json::parse(health->body)["error"]["message"].get<std::string>();
    CHECK_THAT(reason, Catch::Contains("position table"));
    CHECK_THAT(reason, !Catch::Contains(db.string()));

    auto phrase = server.client().Get("/api/search?q=%22foster+carers%22");
    REQUIRE(phrase);
    CHECK(phrase->status == 503);
    CHECK(json::parse(phrase->body)["error"]["code"] == "unavailable");
    CHECK(server.running());

    // A re-index mends it: /healthz looks again once the index has changed.
    std::filesystem::remove_all(db);
    REQUIRE(run_program({binary("quorum-index").string(), "--db", db.string(), QUORUM_SAMPLES_DIR},
                        dir.path() / "index.log") == 0);
    int status = 0;
    for (int i = 0; i < 40 && status != 200; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        auto again = server.client().Get("/healthz");
        status = again ? again->status : 0;
    }
    CHECK(status == 200);
    CHECK(server.stop(SIGTERM) == 0);
}

TEST_CASE("bad flags are refused by name", "[e2e][lifecycle]") {
    TempDir dir;
    const auto log = dir.path() / "serve.log";
    CHECK(run_program({binary("quorum-serve").string(), "--db", dir.path().string(), "--port", "99999"}, log) != 0);
    CHECK(run_program({binary("quorum-serve").string(), "--db", dir.path().string(), "--threads", "x"}, log) != 0);
    std::ifstream in(log);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK_THAT(text, Catch::Contains("--port must be from 0 to 65535"));
    CHECK_THAT(text, Catch::Contains("--threads"));
}

TEST_CASE("a port already in use is reported", "[e2e][lifecycle]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    REQUIRE(run_program({binary("quorum-index").string(), "--db", db.string(),
                         input_with(dir, {"003_0f19b924668e569c.txt"}).string()},
                        dir.path() / "index.log") == 0);
    ServerProcess first(db, dir.path());
    const auto log = dir.path() / "second.log";
    CHECK(run_program({binary("quorum-serve").string(), "--db", db.string(), "--port", std::to_string(first.port())},
                      log) == 1);
    std::ifstream in(log);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK_THAT(text, Catch::Contains("cannot listen"));
}
