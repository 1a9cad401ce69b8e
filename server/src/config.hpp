// Server settings, layered: defaults < environment (QUORUM_*) < command-line flags,
// then validated once so that a bad setting stops the start with a clear message.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace quorum::server {

struct Config {
    std::filesystem::path db;  // index directory (required)
    std::string host = "127.0.0.1";
    int port = 8080;               // 0: any free port (printed at start)
    int threads = 0;               // 0: sized to the machine, see worker_threads()
    std::string access_log = "-";  // "-": stderr, "off": none, else a file appended to
    std::string public_url;        // e.g. "https://quorum.example.org": absolute links in exports
    int cache_mb = 32;             // response cache bound in MiB; 0: no cache
    int client_connections = 256;  // open connections per client address; 0: no limit
    // A shard set (quorum-index --shards; docs/SERVING.md "Shards"):
    std::string remote;                    // "HOST:PORT,HOST:PORT,...": xapian-tcpsrv per shard, in order
    int shard_timeout_ms = 2000;           // to connect to a shard, and per message to it
    std::string on_shard_failure = "fail";  // "fail": 503 naming the shards; "partial": the others answer
    int shard_check_ms = 1000;             // how often each shard is looked at (/healthz, coming back)
};

// The endpoints of Config::remote, in order (empty when none).
[[nodiscard]] std::vector<std::string> remote_endpoints(const Config& config);

// Reads QUORUM_DB, QUORUM_HOST, QUORUM_PORT, QUORUM_THREADS, QUORUM_ACCESS_LOG,
// QUORUM_PUBLIC_URL, QUORUM_CACHE_MB, QUORUM_CLIENT_CONNECTIONS, QUORUM_REMOTE,
// QUORUM_SHARD_TIMEOUT_MS, QUORUM_ON_SHARD_FAILURE, QUORUM_SHARD_CHECK_MS through `getenv` (injectable for tests) over `config`.
// Throws std::invalid_argument naming the variable when a number is malformed.
void apply_environment(Config& config, const std::function<std::optional<std::string>(const char*)>& getenv);
void apply_environment(Config& config);  // the process environment

// Throws std::invalid_argument saying which setting is wrong and what to do.
void validate(const Config& config);

// Worker threads to run: the configured number, or a machine-sized default. A worker is
// held only while it answers a request that has arrived whole (HttpServer), not while a
// connection is idle or slow to send. Searches themselves run on a small pool of
// searchers (SearcherBackend), not one per thread.
[[nodiscard]] int worker_threads(const Config& config, unsigned hardware_threads);

}  // namespace quorum::server
