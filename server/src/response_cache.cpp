#include "response_cache.hpp"

#include <algorithm>
#include <functional>

namespace quorum::server {
namespace {

constexpr std::size_t kShards = 16;
// Per entry: list node, hash node, shared_ptr control block and string headers.
constexpr std::size_t kEntryOverhead = 192;

void append_field(std::string& out, std::string_view value) {
    out += std::to_string(value.size());
    out += ':';
    out += value;
}

}  // namespace

ResponseCache::ResponseCache(std::size_t max_bytes)
    : max_bytes_(max_bytes), shard_bytes_(max_bytes / kShards), shards_(kShards) {}

std::size_t ResponseCache::cost(std::size_t key_size, std::size_t body_size) noexcept {
    return key_size + body_size + kEntryOverhead;
}

ResponseCache::Shard& ResponseCache::shard_for(std::string_view key) {
    return shards_[std::hash<std::string_view>{}(key) % kShards];
}

std::shared_ptr<const std::string> ResponseCache::find(std::string_view key) {
    if (shard_bytes_ == 0) return nullptr;
    auto& shard = shard_for(key);
    std::lock_guard lock(shard.mutex);
    const auto it = shard.index.find(key);
    if (it == shard.index.end()) {
        misses_.fetch_add(1, std::memory_order_relaxed);
        return nullptr;
    }
    hits_.fetch_add(1, std::memory_order_relaxed);
    shard.lru.splice(shard.lru.begin(), shard.lru, it->second);  // iterators stay valid
    return it->second->body;
}

void ResponseCache::put(std::string key, std::shared_ptr<const std::string> body) {
    if (!body) return;
    const std::size_t c = cost(key.size(), body->size());
    if (c > shard_bytes_ / 8) return;  // one huge answer must not empty a shard
    auto& shard = shard_for(key);
    std::lock_guard lock(shard.mutex);
    if (const auto it = shard.index.find(key); it != shard.index.end()) {
        const auto node = it->second;
        shard.bytes -= node->cost;
        shard.index.erase(it);  // its key is a view into the node erased next
        shard.lru.erase(node);
    }
    shard.lru.push_front(Entry{std::move(key), std::move(body), c});
    shard.index.emplace(shard.lru.front().key, shard.lru.begin());
    shard.bytes += c;
    evict_to(shard, shard_bytes_);
}

void ResponseCache::evict_to(Shard& shard, std::size_t limit) {
    while (shard.bytes > limit && !shard.lru.empty()) {
        auto& last = shard.lru.back();
        shard.bytes -= last.cost;
        shard.index.erase(last.key);
        shard.lru.pop_back();
    }
}

std::size_t ResponseCache::bytes() const {
    std::size_t total = 0;
    for (const auto& s : shards_) {
        std::lock_guard lock(s.mutex);
        total += s.bytes;
    }
    return total;
}

std::size_t ResponseCache::entries() const {
    std::size_t total = 0;
    for (const auto& s : shards_) {
        std::lock_guard lock(s.mutex);
        total += s.lru.size();
    }
    return total;
}

std::string cache_key(std::string_view route, std::uint64_t revision,
                      const std::vector<std::pair<std::string_view, std::vector<std::string>>>& params) {
    std::string key;
    key.reserve(64);
    append_field(key, route);
    append_field(key, std::to_string(revision));
    for (const auto& [name, values] : params) {
        append_field(key, name);
        append_field(key, std::to_string(values.size()));
        for (const auto& v : values) append_field(key, v);
    }
    return key;
}

}  // namespace quorum::server
