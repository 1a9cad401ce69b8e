// Opening a shard set for searching (shard_set.hpp has the layout): OUT/local, then each
// shard from its folder or from the xapian-tcpsrv serving it, checked to be the set's
// shard of that number; and telling which shards a network error came from.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "quorum/query/searcher.hpp"

namespace quorum::query {

struct OpenSet {
    Xapian::Database local;  // OUT/local alone
    Xapian::Database db;     // OUT/local, then the shards searched, in order
    std::vector<std::pair<unsigned, Xapian::Database>> shards;  // the shards searched, by number
    std::vector<std::string> missing;                           // names of the shards left out
    unsigned subdbs = 1;                                        // sub-databases of db
};

// Opens the set at `dir` of `shards` shards. Throws ShardsUnavailable naming every shard
// that cannot be opened or is not the set's, and std::invalid_argument for a bad endpoint.
[[nodiscard]] OpenSet open_set(const std::filesystem::path& dir, unsigned shards, const ShardOptions& options);

// The shards a network error `e` came from: named by its context ("remote:tcp(HOST:PORT)"),
// else every shard of `set` that no longer answers.
[[nodiscard]] ShardsUnavailable unavailable_shards(const Xapian::Error& e, OpenSet& set, const ShardOptions& options);

}  // namespace quorum::query
