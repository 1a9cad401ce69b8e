// Backend over the query library: a small pool of Searchers (Xapian handles are not
// thread-safe, so each is used by one request at a time), independent of the number of
// HTTP worker threads, which is large because every keep-alive connection holds one.
// Searchers reopen when the index on disk changes, so a re-index is seen without a
// restart, and at least once per refresh interval in any case.
#pragma once

#include "backend.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace quorum::server {

// How a shard set's shards are searched, and what happens when some cannot answer.
struct ShardPolicy {
    query::ShardOptions options;  // remote endpoints and timeout (leave_out is the backend's)
    bool partial = false;         // false: 503 naming the shards; true: the others answer
    std::chrono::milliseconds check_interval{1000};
};

class SearcherBackend final : public Backend {
public:
    // Opens the index once to check it and prime the unit count. `searchers`: at most
    // this many open at once (requests beyond wait for one); 0 sizes it to the machine.
    // Throws std::runtime_error (from the query library) when it cannot be opened.
    explicit SearcherBackend(std::filesystem::path db_dir,
                             std::chrono::milliseconds refresh_interval = std::chrono::seconds(1), int searchers = 0,
                             ShardPolicy shards = {});
    ~SearcherBackend() override;

    query::SearchResult search(const query::SearchRequest& request) override;
    std::optional<std::string> unit(const std::string& id) override;
    std::vector<std::string> meetings(const query::MeetingFilter& filter) override;
    std::optional<std::string> meeting(const std::string& id) override;
    std::uint64_t unit_count() override;
    std::uint64_t revision() override;
    query::RecordList decisions(const query::DecisionQuery& query) override;
    std::optional<std::string> decision(const std::string& id) override;
    query::RecordList people(const std::string& q, int page, int per_page, const std::string& council) override;
    std::optional<std::string> person(const std::string& id) override;
    std::vector<std::string> committees(const std::string& council) override;
    std::vector<query::CouncilSummary> councils() override;
    std::optional<query::CouncilDetail> council(const std::string& id) override;
    std::optional<std::string> committee(const std::string& id) override;
    std::optional<std::string> index_problem() override;
    std::vector<ShardStatus> shard_status() override;
    bool partial_answers() const override { return policy_.partial; }

    [[nodiscard]] bool shard_set() const noexcept { return shards_ > 0; }
    [[nodiscard]] int pool_size() const noexcept { return max_; }

private:
    struct Slot;
    class Lease;
    Lease acquire();
    void prepare(Slot& slot);
    void release(std::unique_ptr<Slot> slot) noexcept;
    // `units`: the call reads units, which the fail policy refuses while shards are down.
    template <class F>
    auto with_searcher(F&& f, bool units = false);
    void refuse_if_down();
    void note_problem(std::uint64_t revision, std::optional<std::string> problem);
    void mark_down(const query::ShardsUnavailable& e);
    void note_shard(const query::ShardHealth& h);
    void watch_shards();

    // A shard set: its shards' last known state, kept by a thread that looks at each every
    // check interval. `down_generation_` changes whenever the set of down shards does, so
    // searchers are made again with the shards left out (partial) or refuse at once (fail).
    unsigned shards_ = 0;
    ShardPolicy policy_;
    std::mutex shards_mutex_;  // guards the two below
    std::vector<ShardStatus> status_;
    std::vector<unsigned> down_;
    std::atomic<std::uint64_t> down_generation_{0};
    std::mutex stop_mutex_;
    std::condition_variable stop_;
    bool stopping_ = false;  // guarded by stop_mutex_
    std::thread watcher_;

    std::filesystem::path db_dir_;
    std::chrono::milliseconds interval_;
    int max_;

    std::mutex mutex_;
    std::condition_variable freed_;
    std::vector<std::unique_ptr<Slot>> idle_;  // most recently used last
    int open_ = 0;                             // slots made (handed out or idle)

    [[nodiscard]] std::string identity();

    std::atomic<std::uint64_t> disk_revision_{0};
    std::atomic<std::int64_t> disk_checked_ns_{0};
    std::mutex identity_mutex_;  // guards identity_
    std::string identity_;       // query::database_identity at disk_revision_
    std::atomic<std::int64_t> unopenable_since_ns_{0};  // when the index at db_dir_ was first found unopenable
    std::mutex health_mutex_;  // guards the three below
    bool health_known_ = false;
    std::uint64_t health_revision_ = 0;  // the disk revision problem_ describes
    std::optional<std::string> problem_;

    std::atomic<std::uint64_t> count_{0};
    std::atomic<std::int64_t> count_checked_ns_{0};
};

}  // namespace quorum::server
