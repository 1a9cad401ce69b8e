#include "config.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <stdexcept>
#include <system_error>

namespace quorum::server {
namespace {

int parse_int(const std::string& text, const char* name) {
    int value = 0;
    const auto* end = text.data() + text.size();
    auto [p, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || p != end)
        throw std::invalid_argument(std::string(name) + " must be a whole number, not \"" + text + "\"");
    return value;
}

}  // namespace

void apply_environment(Config& config, const std::function<std::optional<std::string>(const char*)>& getenv) {
    if (auto v = getenv("QUORUM_DB")) config.db = *v;
    if (auto v = getenv("QUORUM_HOST")) config.host = *v;
    if (auto v = getenv("QUORUM_PORT")) config.port = parse_int(*v, "QUORUM_PORT");
    if (auto v = getenv("QUORUM_THREADS")) config.threads = parse_int(*v, "QUORUM_THREADS");
    if (auto v = getenv("QUORUM_CLIENT_CONNECTIONS"))
        config.client_connections = parse_int(*v, "QUORUM_CLIENT_CONNECTIONS");
    if (auto v = getenv("QUORUM_ACCESS_LOG")) config.access_log = *v;
    if (auto v = getenv("QUORUM_PUBLIC_URL")) config.public_url = *v;
    if (auto v = getenv("QUORUM_CACHE_MB")) config.cache_mb = parse_int(*v, "QUORUM_CACHE_MB");
    if (auto v = getenv("QUORUM_REMOTE")) config.remote = *v;
    if (auto v = getenv("QUORUM_SHARD_TIMEOUT_MS")) config.shard_timeout_ms = parse_int(*v, "QUORUM_SHARD_TIMEOUT_MS");
    if (auto v = getenv("QUORUM_ON_SHARD_FAILURE")) config.on_shard_failure = *v;
    if (auto v = getenv("QUORUM_SHARD_CHECK_MS")) config.shard_check_ms = parse_int(*v, "QUORUM_SHARD_CHECK_MS");
}

std::vector<std::string> remote_endpoints(const Config& config) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= config.remote.size() && !config.remote.empty()) {
        const std::size_t comma = config.remote.find(',', start);
        std::string part = config.remote.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        part.erase(0, part.find_first_not_of(" \t"));
        part.erase(part.find_last_not_of(" \t") + 1);
        out.push_back(std::move(part));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

void apply_environment(Config& config) {
    apply_environment(config, [](const char* name) -> std::optional<std::string> {
        const char* v = std::getenv(name);
        if (v == nullptr || *v == '\0') return std::nullopt;
        return std::string(v);
    });
}

void validate(const Config& config) {
    if (config.db.empty())
        throw std::invalid_argument(
            "no index given: pass --db DIR (or set QUORUM_DB) to a folder made by quorum-index");
    std::error_code ec;
    if (!std::filesystem::is_directory(config.db, ec))
        throw std::invalid_argument("--db " + config.db.string() +
                                    " is not a folder: build the index first with quorum-index --db DIR INPUT...");
    if (config.host.empty()) throw std::invalid_argument("--host must not be empty (for example 127.0.0.1)");
    if (config.port < 0 || config.port > 65535)
        throw std::invalid_argument("--port must be from 0 to 65535 (0 picks a free port), not " +
                                    std::to_string(config.port));
    if (config.threads < 0 || config.threads > 4096)
        throw std::invalid_argument("--threads must be from 1 to 4096 (or 0 for a default sized to the machine), not " +
                                    std::to_string(config.threads));
    if (config.access_log.empty())
        throw std::invalid_argument("--access-log must be a file, \"-\" for stderr or \"off\"");
    if (config.cache_mb < 0 || config.cache_mb > 65536)
        throw std::invalid_argument("--cache-mb must be from 0 (no response cache) to 65536, not " +
                                    std::to_string(config.cache_mb));
    if (config.client_connections < 0 || config.client_connections > 1000000)
        throw std::invalid_argument("--client-connections must be from 0 (no limit) to 1000000, not " +
                                    std::to_string(config.client_connections));
    for (const auto& endpoint : remote_endpoints(config)) {
        const auto colon = endpoint.rfind(':');
        const bool digits = colon != std::string::npos && colon + 1 < endpoint.size() && endpoint.size() - colon <= 6 &&
                            endpoint.find_first_not_of("0123456789", colon + 1) == std::string::npos;
        const int port = digits ? std::atoi(endpoint.c_str() + colon + 1) : 0;
        if (endpoint.empty() || colon == 0 || !digits || port < 1 || port > 65535)
            throw std::invalid_argument("--remote takes HOST:PORT,HOST:PORT,... (one xapian-tcpsrv per shard, in "
                                        "shard order), not \"" + config.remote + "\"");
    }
    if (config.shard_timeout_ms < 1 || config.shard_timeout_ms > 600000)
        throw std::invalid_argument("--shard-timeout-ms must be from 1 to 600000, not " +
                                    std::to_string(config.shard_timeout_ms));
    if (config.shard_check_ms < 10 || config.shard_check_ms > 600000)
        throw std::invalid_argument("--shard-check-ms must be from 10 to 600000, not " +
                                    std::to_string(config.shard_check_ms));
    if (config.on_shard_failure != "fail" && config.on_shard_failure != "partial")
        throw std::invalid_argument("--on-shard-failure must be \"fail\" (503 naming the missing shards) or "
                                    "\"partial\" (the other shards answer), not \"" + config.on_shard_failure + "\"");
    const auto& url = config.public_url;
    if (!url.empty() && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
        throw std::invalid_argument("--public-url must start with http:// or https://, not \"" + url + "\"");
}

int worker_threads(const Config& config, unsigned hardware_threads) {
    if (config.threads > 0) return config.threads;
    const int hw = static_cast<int>(std::max(1u, hardware_threads));
    return std::clamp(8 * hw, 16, 256);
}

}  // namespace quorum::server
