// Whole answers to repeated requests, as search servers keep them (Solr's
// queryResultCache, Elasticsearch's request cache). Keys name the canonical request and
// the index revision it was answered from, so a re-index never serves an old answer.
// Bounded by bytes (keys, bodies and bookkeeping), least recently used out first;
// sharded so that worker threads rarely wait on each other.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace quorum::server {

class ResponseCache {
public:
    // `max_bytes` 0: a cache that keeps nothing.
    explicit ResponseCache(std::size_t max_bytes);

    [[nodiscard]] std::shared_ptr<const std::string> find(std::string_view key);
    // Replaces any entry under `key`. An entry larger than an eighth of a shard is not kept.
    void put(std::string key, std::shared_ptr<const std::string> body);

    [[nodiscard]] std::size_t max_bytes() const noexcept { return max_bytes_; }
    [[nodiscard]] std::size_t bytes() const;  // as counted against max_bytes
    [[nodiscard]] std::size_t entries() const;
    // Lookups answered from the cache, and lookups it could not answer, since the start
    // (a cache that keeps nothing counts neither): its hit rate, reported by /healthz.
    [[nodiscard]] std::uint64_t hits() const noexcept { return hits_.load(std::memory_order_relaxed); }
    [[nodiscard]] std::uint64_t misses() const noexcept { return misses_.load(std::memory_order_relaxed); }

    // What one entry counts against the bound.
    [[nodiscard]] static std::size_t cost(std::size_t key_size, std::size_t body_size) noexcept;

private:
    struct Entry {
        std::string key;
        std::shared_ptr<const std::string> body;
        std::size_t cost = 0;
    };
    struct Shard {
        mutable std::mutex mutex;
        std::list<Entry> lru;                                                    // most recently used first
        std::unordered_map<std::string_view, std::list<Entry>::iterator> index;  // views into lru keys
        std::size_t bytes = 0;
    };
    Shard& shard_for(std::string_view key);
    static void evict_to(Shard& shard, std::size_t limit);

    std::size_t max_bytes_;
    std::size_t shard_bytes_;
    std::vector<Shard> shards_;
    std::atomic<std::uint64_t> hits_{0}, misses_{0};
};

// The key for a request: its route, the index revision, and its parameters by name in a
// fixed order (the caller's table order: unknown names and empty values, which do not
// change the answer, left out; repeated values kept in the order given, as the parsed
// query echoes that order). Length-prefixed, so no value can forge another key.
[[nodiscard]] std::string cache_key(std::string_view route, std::uint64_t revision,
                                    const std::vector<std::pair<std::string_view, std::vector<std::string>>>& params);

}  // namespace quorum::server
