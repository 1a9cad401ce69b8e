// What the HTTP layer needs from the search library. Handlers depend on this interface
// so that server tests can run on a fake; production uses SearcherBackend.
// Every method may be called from many worker threads at once.
#pragma once

#include <quorum/query/searcher.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quorum::server {

// One shard of a shard set, as /healthz reports it.
struct ShardStatus {
    std::string name;      // "shard-1 (10.0.0.2:7001)"
    bool up = false;
    double latency_ms = 0;  // of the last look
    std::uint64_t units = 0;
    std::string since;  // when it went up or down (UTC, ISO 8601)
    std::string error;  // why it is down
};

class Backend {
public:
    virtual ~Backend() = default;
    virtual query::SearchResult search(const query::SearchRequest& request) = 0;
    virtual std::optional<std::string> unit(const std::string& id) = 0;
    virtual std::vector<std::string> meetings(const query::MeetingFilter& filter) = 0;
    virtual std::optional<std::string> meeting(const std::string& id) = 0;
    // Cheap: served from a cache refreshed at most about once a second.
    virtual std::uint64_t unit_count() = 0;

    // Names the index revision: every call made after revision() returned R answers from
    // that revision or a newer one, and R changes whenever the index does. 0: unknown,
    // and answers must not be cached. Cheap (the response cache asks on every request).
    virtual std::uint64_t revision() { return 0; }

    // Why the index cannot be read, or nullopt when it can: a quick look at every table
    // (once per index revision) and any lasting read failure a request met since. For
    // /healthz; cheap when the revision has not changed.
    virtual std::optional<std::string> index_problem() { return std::nullopt; }
    // A shard set's shards (empty for a single index), and whether answers then leave the
    // down ones out (true) or fail (false).
    virtual std::vector<ShardStatus> shard_status() { return {}; }
    virtual bool partial_answers() const { return false; }

    // Records of the decisions pass (docs/DECISIONS.md). Defaults answer "nothing
    // stored", so a backend without them (test fakes) still serves the rest.
    virtual query::RecordList decisions(const query::DecisionQuery&) { return {}; }
    virtual std::optional<std::string> decision(const std::string&) { return std::nullopt; }
    // people(q, page, per_page, council id or ""), committees(council id or "").
    virtual query::RecordList people(const std::string&, int, int, const std::string&) { return {}; }
    virtual std::optional<std::string> person(const std::string&) { return std::nullopt; }
    virtual std::vector<std::string> committees(const std::string&) { return {}; }
    virtual std::optional<std::string> committee(const std::string&) { return std::nullopt; }
    virtual std::vector<query::CouncilSummary> councils() { return {}; }
    virtual std::optional<query::CouncilDetail> council(const std::string&) { return std::nullopt; }
};

}  // namespace quorum::server
