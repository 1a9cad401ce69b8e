// The response cache (bounds, LRU order, keys) and the index fingerprint it keys on.
#include "index_revision.hpp"
#include "response_cache.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <thread>

using namespace quorum::server;
using quorum::test::TempDir;

namespace {

std::shared_ptr<const std::string> body_of(std::size_t size, char fill = 'x') {
    return std::make_shared<const std::string>(size, fill);
}

// prefix + number (written so that GCC 12 does not warn about operator+ falsely).
std::string numbered(std::string_view prefix, int i) {
    std::string out(prefix);
    out += std::to_string(i);
    return out;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

}  // namespace

TEST_CASE("the cache gives back what was put under the same key, and nothing for another", "[cache]") {
    ResponseCache cache(1 << 20);
    cache.put("a", std::make_shared<const std::string>("{\"total\":1}"));
    auto hit = cache.find("a");
    REQUIRE(hit);
    CHECK(*hit == "{\"total\":1}");
    CHECK_FALSE(cache.find("b"));
    cache.put("a", std::make_shared<const std::string>("{\"total\":2}"));  // replaced, not doubled
    CHECK(*cache.find("a") == "{\"total\":2}");
    CHECK(cache.entries() == 1);
    CHECK(cache.hits() == 2);  // "a" twice; "b" missed
    CHECK(cache.misses() == 1);
}

TEST_CASE("the cache never holds more bytes than its bound, dropping the least recently used", "[cache]") {
    const std::size_t bound = 256 * 1024;
    ResponseCache cache(bound);
    // One shard's worth of keys is enough to overflow it many times over.
    for (int i = 0; i < 2000; ++i) {
        cache.put(numbered("key-", i), body_of(1000));
        CHECK(cache.bytes() <= bound);
    }
    CHECK(cache.entries() < 2000);
    CHECK(cache.entries() * ResponseCache::cost(8, 1000) <= bound);
    CHECK(cache.find("key-1999"));     // the newest is kept
    CHECK_FALSE(cache.find("key-0"));  // the oldest is gone
}

TEST_CASE("an entry that is looked up survives others that are not", "[cache]") {
    ResponseCache cache(16 * 16 * 1024);  // 16 KB per shard
    for (int i = 0; i < 2000; ++i) {
        cache.put(numbered("k", i), body_of(500));
        (void)cache.find("k0");  // kept fresh
    }
    CHECK(cache.find("k0"));
    CHECK_FALSE(cache.find("k1"));
}

TEST_CASE("an answer too large for the cache is not kept, and a cache of 0 bytes keeps nothing", "[cache]") {
    ResponseCache cache(16 * 64 * 1024);
    cache.put("big", body_of(64 * 1024));
    CHECK_FALSE(cache.find("big"));
    ResponseCache none(0);
    none.put("a", body_of(10));
    CHECK_FALSE(none.find("a"));
    CHECK(none.bytes() == 0);
}

TEST_CASE("threads putting and finding at once keep the cache consistent and bounded", "[cache]") {
    const std::size_t bound = 512 * 1024;
    ResponseCache cache(bound);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&cache, t] {
            for (int i = 0; i < 3000; ++i) {
                const std::string key = numbered("q", (i * 7 + t) % 500);
                if (auto hit = cache.find(key))
                    CHECK(hit->size() == 700 + key.size());
                else
                    cache.put(key, body_of(700 + key.size()));
            }
        });
    for (auto& t : threads) t.join();
    CHECK(cache.bytes() <= bound);
}

TEST_CASE("cache keys tell apart revisions, routes and values however they are split", "[cache]") {
    using Params = std::vector<std::pair<std::string_view, std::vector<std::string>>>;
    const Params p = {{"q", {"foster"}}, {"page", {"2"}}};
    CHECK(cache_key("/api/search", 1, p) == cache_key("/api/search", 1, p));
    CHECK(cache_key("/api/search", 1, p) != cache_key("/api/search", 2, p));
    CHECK(cache_key("/api/search", 1, p) != cache_key("/api/other", 1, p));
    CHECK(cache_key("/api/search", 1, {{"q", {"a", "bc"}}}) != cache_key("/api/search", 1, {{"q", {"ab", "c"}}}));
    CHECK(cache_key("/api/search", 1, {{"q", {"a"}}, {"page", {"1"}}}) !=
          cache_key("/api/search", 1, {{"q", {"a4:page1:1"}}}));
}

TEST_CASE("the index fingerprint is stable until a file of the index changes", "[cache][revision]") {
    TempDir dir;
    const auto db = dir.path() / "db";
    std::filesystem::create_directories(db);
    write_file(db / "iamglass", "revision 1");
    write_file(db / "postlist.glass", "postings");
    const auto first = index_fingerprint(db);
    CHECK(first != 0);
    CHECK(index_fingerprint(db) == first);
    // A commit replaces the version file (a new inode and, here, a new size).
    write_file(db / "iamglass.tmp", "revision 2 of it");
    std::filesystem::rename(db / "iamglass.tmp", db / "iamglass");
    const auto second = index_fingerprint(db);
    CHECK(second != 0);
    CHECK(second != first);
    write_file(db / "termlist.glass", "terms");
    CHECK(index_fingerprint(db) != second);
}

TEST_CASE("an index that cannot be fingerprinted is named 0, so nothing is cached for it", "[cache][revision]") {
    TempDir dir;
    CHECK(index_fingerprint(dir.path() / "missing") == 0);
    const auto stub = dir.path() / "stub";
    std::filesystem::create_directories(stub / "shard1");
    write_file(stub / "shard1" / "iamglass", "x");
    write_file(stub / "XAPIANDB", "auto shard1\n");
    CHECK(index_fingerprint(stub) != 0);
    write_file(stub / "XAPIANDB", "auto shard1\nremote :search.example:33333\n");
    CHECK(index_fingerprint(stub) == 0);
}
