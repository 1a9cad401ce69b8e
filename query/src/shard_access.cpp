#include "shard_access.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "quorum/index/schema.hpp"
#include "quorum/index/shard_set.hpp"

namespace quorum::query {

namespace s = quorum::index::schema;
namespace ss = quorum::index::shard_set;

namespace {

std::pair<std::string, unsigned> host_port(const std::string& endpoint) {
    const auto colon = endpoint.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == endpoint.size())
        throw std::invalid_argument("a remote shard is HOST:PORT, not '" + endpoint + "'");
    std::string host = endpoint.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    unsigned long port = 0;
    try {
        port = std::stoul(endpoint.substr(colon + 1));
    } catch (const std::exception&) {
        port = 0;
    }
    if (port == 0 || port > 65535) throw std::invalid_argument("a remote shard's port is 1..65535, not in '" + endpoint + "'");
    return {host, static_cast<unsigned>(port)};
}

// Shard `k` of the set at `dir`: its folder, or the xapian-tcpsrv serving it (each message
// bounded by the timeout, so a hung server fails the request instead of holding it).
Xapian::Database open_shard(const std::filesystem::path& dir, unsigned k, const ShardOptions& options) {
    if (options.remote.empty()) return Xapian::Database((dir / ss::shard_dir(k)).string());
    auto [host, port] = host_port(options.remote.at(k));
    return Xapian::Remote::open(host, port, options.timeout_ms, options.timeout_ms);
}

// Why shard `k` (open as `shard`) is not the set's shard k, or "" when it is.
std::string wrong_shard(const Xapian::Database& shard, const std::string& set_id, unsigned k) {
    const std::string id = shard.get_metadata(std::string(ss::set_id_key));
    const std::string number = shard.get_metadata(std::string(ss::shard_key));
    if (id == set_id && number == std::to_string(k)) return {};
    if (id != set_id) return "it serves a shard of another set (set id '" + id + "', this set's is '" + set_id + "')";
    return "it serves shard " + number + ", not shard " + std::to_string(k);
}

}  // namespace

OpenSet open_set(const std::filesystem::path& path, unsigned shards, const ShardOptions& shard_options) {
    OpenSet set;
    set.local = Xapian::Database((path / ss::local_dir).string());
    set.db = set.local;
    const std::string set_id = set.local.get_metadata(std::string(ss::set_id_key));
    if (!shard_options.remote.empty() && shard_options.remote.size() != shards)
        throw std::invalid_argument("the set at " + path.string() + " has " + std::to_string(shards) +
                                    " shards, and " + std::to_string(shard_options.remote.size()) +
                                    " remote endpoints were given: give one HOST:PORT per shard, in order");
    std::vector<unsigned> down;
    std::vector<std::string> names;
    std::string why;
    for (unsigned k = 0; k < shards; ++k) {
        const std::string name = shard_name(k);
        if (std::find(shard_options.leave_out.begin(), shard_options.leave_out.end(), k) !=
            shard_options.leave_out.end()) {
            set.missing.push_back(name);
            continue;
        }
        std::string problem;
        try {
            Xapian::Database shard = open_shard(path, k, shard_options);
            problem = wrong_shard(shard, set_id, k);
            if (problem.empty()) {
                set.db.add_database(shard);
                set.shards.emplace_back(k, shard);
                continue;
            }
        } catch (const Xapian::Error& e) {
            problem = e.get_description();
        }
        down.push_back(k);
        names.push_back(name);
        why += (why.empty() ? "" : "; ") + name + ": " + problem;
    }
    if (!down.empty()) throw ShardsUnavailable("shards cannot be searched: " + why, down, names);
    set.subdbs = 1 + static_cast<unsigned>(set.shards.size());
    return set;
}

ShardsUnavailable unavailable_shards(const Xapian::Error& e, OpenSet& set, const ShardOptions& shard_options) {
    std::vector<unsigned> down;
    const std::string context = e.get_context();
    // Xapian names the endpoint as it connected to it: "remote:tcp(HOST:PORT)".
    for (const auto& [k, handle] : set.shards) {
        if (k >= shard_options.remote.size() || context.empty()) continue;
        const auto [host, port] = host_port(shard_options.remote[k]);
        if (context.find("(" + host + ":" + std::to_string(port) + ")") != std::string::npos) down.push_back(k);
    }
    if (down.empty())  // no context ("Connection closed unexpectedly"), or none matched: ask each
        for (auto& [k, handle] : set.shards) {
            try {
                handle.keep_alive();
            } catch (const Xapian::Error&) {
                down.push_back(k);
            }
        }
    std::vector<std::string> names;
    for (unsigned k : down) names.push_back(shard_name(k));
    return ShardsUnavailable("a shard failed during the search: " + e.get_description(), down, names);
}


unsigned shard_count(const std::filesystem::path& db_dir) {
    std::error_code ec;
    const auto local = db_dir / ss::local_dir;
    // A single index's folder holds files only: a "local" folder makes it a set, never one
    // index, whatever goes wrong reading it.
    if (!std::filesystem::is_directory(local, ec)) return 0;
    std::string n, format;
    try {
        const Xapian::Database db(local.string());
        n = db.get_metadata(std::string(ss::shards_key));
        format = db.get_metadata(std::string(ss::format_key));
    } catch (const Xapian::Error& e) {
        throw IndexUnavailable("the shard set's OUT/local cannot be read: " + e.get_description(), false);
    }
    unsigned long count = 0;
    try {
        count = n.empty() ? 0 : std::stoul(n);
    } catch (const std::exception&) {
        count = 0;
    }
    if (count == 0)
        throw IndexUnavailable("OUT/local names no shard count: the set was not finished; run quorum-index --db OUT "
                               "--shards N again",
                               true);
    if (format != ss::format)
        throw IndexUnavailable("the shard set was written by an older quorum-index (set format \"" + format +
                                   "\", this server reads \"" + std::string(ss::format) +
                                   "\"); run quorum-index --db OUT ARCHIVE once with this version to update it",
                               true);
    return static_cast<unsigned>(count);
}

std::string shard_name(unsigned shard) { return ss::shard_dir(shard); }

std::string shard_endpoint(unsigned shard, const ShardOptions& options) {
    std::string name = shard_name(shard);
    if (shard < options.remote.size()) name += " (" + options.remote[shard] + ")";
    return name;
}

ShardHealth probe_shard(const std::filesystem::path& db_dir, unsigned shard, const ShardOptions& options) noexcept {
    ShardHealth health;
    health.shard = shard;
    try {
        health.name = shard_name(shard);
        health.endpoint = shard_endpoint(shard, options);
        const auto start = std::chrono::steady_clock::now();
        Xapian::Database handle = open_shard(db_dir, shard, options);
        const std::string set_id =
            Xapian::Database((db_dir / ss::local_dir).string()).get_metadata(std::string(ss::set_id_key));
        health.error = wrong_shard(handle, set_id, shard);
        health.units = handle.get_termfreq(std::string(s::unit_marker));
        health.latency_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        health.up = health.error.empty();
    } catch (const Xapian::Error& e) {
        // Without Xapian's context, which names the host: /healthz is public.
        health.error = std::string(e.get_type()) + ": " + e.get_msg();
        if (e.get_error_string() != nullptr) health.error += std::string(" (") + e.get_error_string() + ")";
        health.detail = e.get_description();
    } catch (const std::exception& e) {
        health.error = e.what();
    }
    return health;
}

}  // namespace quorum::query
