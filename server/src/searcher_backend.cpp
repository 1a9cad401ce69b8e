#include "searcher_backend.hpp"

#include "index_revision.hpp"
#include "utc_time.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <thread>
#include <utility>

namespace quorum::server {
namespace {

using Clock = std::chrono::steady_clock;

std::int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

// How often the files of the index are looked at (a few stat calls) to notice a re-index.
constexpr std::chrono::milliseconds kDiskCheck{100};
// How long an index that cannot be opened is taken for a swap in progress before the
// searchers are told (they then report why).
constexpr std::chrono::nanoseconds kUnopenableGrace{std::chrono::seconds(2)};
// A searcher idle this long opens its remote shards again: xapian-tcpsrv closes a
// connection idle for its --idle-timeout (60 s by default), and a closed one would read as
// a shard down.
constexpr std::chrono::seconds kRemoteIdle{30};

}  // namespace

// One pooled searcher and the disk revision it was last (re)opened at: the fingerprint is
// taken before the reopen, so the searcher sees that revision or a newer one.
struct SearcherBackend::Slot {
    std::optional<query::Searcher> searcher;
    std::uint64_t revision = 0;
    std::string identity;  // the database it opened (query::database_identity)
    Clock::time_point checked{};
    std::uint64_t down_generation = 0;  // of the shards it left out (a shard set)
    Clock::time_point used{};
};

// A slot checked out of the pool for one call; goes back when the call ends.
class SearcherBackend::Lease {
public:
    Lease(SearcherBackend& owner, std::unique_ptr<Slot> slot) : owner_(owner), slot_(std::move(slot)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { owner_.release(std::move(slot_)); }
    Slot& operator*() const noexcept { return *slot_; }
    Slot* operator->() const noexcept { return slot_.get(); }

private:
    SearcherBackend& owner_;
    std::unique_ptr<Slot> slot_;
};

SearcherBackend::SearcherBackend(std::filesystem::path db_dir, std::chrono::milliseconds refresh_interval,
                                 int searchers, ShardPolicy shards)
    : db_dir_(std::move(db_dir)), interval_(refresh_interval), policy_(std::move(shards)) {
    shards_ = query::shard_count(db_dir_);
    if (shards_ == 0 && !policy_.options.remote.empty())
        throw std::invalid_argument(db_dir_.string() + " is not a shard set, so --remote has nothing to search: build "
                                    "one with quorum-index --db OUT --shards N, and serve OUT");
    if (shards_ > 0 && !policy_.options.remote.empty() && policy_.options.remote.size() != shards_)
        throw std::invalid_argument(db_dir_.string() + " is a set of " + std::to_string(shards_) + " shards and " +
                                    std::to_string(policy_.options.remote.size()) +
                                    " endpoints were given to --remote: give one HOST:PORT per shard, in order");
    for (unsigned k = 0; k < shards_; ++k) {
        const query::ShardHealth h = query::probe_shard(db_dir_, k, policy_.options);
        status_.push_back({h.name, h.up, h.latency_ms, h.units, rfc3339_now(), h.error});
        if (!h.up) {
            down_.push_back(k);
            std::fprintf(stderr, "quorum-serve: %s is down: %s\n", h.endpoint.c_str(), h.detail.c_str());
        }
    }
    // Searching is CPU-bound: a few more searchers than cores covers the moments a
    // request spends outside the library, and bounds memory and open files.
    const int hw = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    max_ = searchers > 0 ? searchers : std::clamp(2 * hw, 4, 64);
    disk_revision_ = index_fingerprint(db_dir_);
    identity_ = query::database_identity(db_dir_);
    disk_checked_ns_ = now_ns();
    try {
        auto lease = acquire();
        prepare(*lease);
        count_ = lease->searcher->unit_count();
    } catch (const query::ShardsUnavailable&) {
        // Served anyway: answers say which shards are missing until they come back.
    }
    count_checked_ns_ = now_ns();
    if (shards_ > 0) watcher_ = std::thread([this] { watch_shards(); });
}

SearcherBackend::~SearcherBackend() {
    if (watcher_.joinable()) {
        {
            std::lock_guard lock(stop_mutex_);
            stopping_ = true;
        }
        stop_.notify_all();
        watcher_.join();
    }
}

// Looks at every shard each check interval: a shard found down is left out (or refused)
// at once, without each request waiting for its timeout; one found up again is used again.
void SearcherBackend::watch_shards() {
    for (;;) {
        {
            std::unique_lock lock(stop_mutex_);
            if (stop_.wait_for(lock, policy_.check_interval, [this] { return stopping_; })) return;
        }
        std::vector<query::ShardHealth> seen;
        for (unsigned k = 0; k < shards_; ++k) seen.push_back(query::probe_shard(db_dir_, k, policy_.options));
        std::lock_guard lock(shards_mutex_);
        std::vector<unsigned> down;
        for (const auto& h : seen) {
            note_shard(h);
            if (!h.up) down.push_back(h.shard);
        }
        if (down != down_) {
            down_ = std::move(down);
            down_generation_.fetch_add(1);
        }
    }
}

// A shard a request found failing is down once a connection of its own fails too: a
// query that merely ran longer than the timeout must not take a healthy shard out.
void SearcherBackend::mark_down(const query::ShardsUnavailable& e) {
    std::vector<query::ShardHealth> failed;
    for (unsigned k : e.shards())
        if (k < shards_) {
            query::ShardHealth h = query::probe_shard(db_dir_, k, policy_.options);
            if (!h.up) failed.push_back(std::move(h));
        }
    std::lock_guard lock(shards_mutex_);
    bool changed = false;
    for (const auto& h : failed) {
        if (std::find(down_.begin(), down_.end(), h.shard) != down_.end()) continue;
        down_.push_back(h.shard);
        note_shard(h);
        changed = true;
    }
    std::sort(down_.begin(), down_.end());
    if (changed) down_generation_.fetch_add(1);
}

// Records what a look at a shard found (shards_mutex_ held); a change of state goes to the
// log with the shard's host, which /healthz does not show.
void SearcherBackend::note_shard(const query::ShardHealth& h) {
    auto& st = status_[h.shard];
    if (st.up != h.up) {
        st.since = rfc3339_now();
        std::fprintf(stderr, "quorum-serve: %s is %s%s%s\n", h.endpoint.c_str(), h.up ? "up" : "down",
                     h.up ? "" : ": ", h.up ? "" : (h.detail.empty() ? h.error : h.detail).c_str());
    }
    st.up = h.up;
    st.latency_ms = h.latency_ms;
    if (h.up) st.units = h.units;
    st.error = h.error;
}

std::vector<ShardStatus> SearcherBackend::shard_status() {
    std::lock_guard lock(shards_mutex_);
    return status_;
}

std::uint64_t SearcherBackend::revision() {
    const auto checked = disk_checked_ns_.load(std::memory_order_acquire);
    const auto now = now_ns();
    const auto every = std::chrono::duration_cast<std::chrono::nanoseconds>(std::min(kDiskCheck, interval_)).count();
    if (now - checked >= every) {
        // One thread wins the right to look; the others answer with what is known.
        auto expected = checked;
        if (disk_checked_ns_.compare_exchange_strong(expected, now)) {
            const std::uint64_t fingerprint = index_fingerprint(db_dir_);
            bool publish = true;
            if (fingerprint != disk_revision_.load(std::memory_order_acquire)) {
                // Read before the new fingerprint is published, so that a searcher that sees
                // the new fingerprint also sees the identity that goes with it.
                std::string id = query::database_identity(db_dir_);
                const std::int64_t since = unopenable_since_ns_.load(std::memory_order_relaxed);
                if (id.empty() && (since == 0 || now - since < kUnopenableGrace.count())) {
                    // Gone or unreadable for a moment (between the two `mv` of a swap): the
                    // open handles keep answering, and the next check looks again.
                    if (since == 0) unopenable_since_ns_.store(now, std::memory_order_relaxed);
                    publish = false;
                } else {
                    unopenable_since_ns_.store(0, std::memory_order_relaxed);
                    std::lock_guard lock(identity_mutex_);
                    identity_ = std::move(id);
                }
            }
            if (publish) disk_revision_.store(fingerprint, std::memory_order_release);
        }
    }
    return disk_revision_.load(std::memory_order_acquire);
}

std::string SearcherBackend::identity() {
    std::lock_guard lock(identity_mutex_);
    return identity_;
}

SearcherBackend::Lease SearcherBackend::acquire() {
    std::unique_ptr<Slot> slot;
    {
        std::unique_lock lock(mutex_);
        freed_.wait(lock, [this] { return !idle_.empty() || open_ < max_; });
        if (!idle_.empty()) {
            slot = std::move(idle_.back());
            idle_.pop_back();
        } else {
            ++open_;
        }
    }
    if (!slot) slot = std::make_unique<Slot>();
    return Lease(*this, std::move(slot));
}

// Reopens when the index on disk has changed since this searcher last looked, and at
// least once per interval (a stub may list databases a fingerprint cannot see).
void SearcherBackend::prepare(Slot& slot) {
    const auto known = revision();
    const auto now = Clock::now();
    query::ShardOptions options = policy_.options;
    if (shards_ > 0) {
        const std::uint64_t generation = down_generation_.load();
        const bool idle = !options.remote.empty() && now - slot.used > kRemoteIdle;
        if (slot.searcher && (slot.down_generation != generation || idle)) slot.searcher.reset();
        slot.down_generation = generation;
        slot.used = now;
        // Searchers always leave the down shards out; under the fail policy the calls that
        // read units refuse first (with_searcher), while records (in OUT/local) still answer.
        std::lock_guard lock(shards_mutex_);
        options.leave_out = down_;
    }
    if (!slot.searcher) {
        slot.revision = known;
        slot.identity = identity();
        slot.searcher.emplace(db_dir_, options);
        slot.checked = now;
    } else if (slot.revision != known || now - slot.checked >= interval_) {
        slot.revision = known;
        std::string id = identity();
        if (id != slot.identity && !id.empty()) {
            // Another database under the same path (rebuilt, or swapped in with mv): a reopen
            // would keep reading the files this handle has open.
            slot.searcher.reset();
            slot.searcher.emplace(db_dir_, options);
            slot.identity = std::move(id);
        } else {
            slot.searcher->refresh();
        }
        slot.checked = now;
    }
}

void SearcherBackend::release(std::unique_ptr<Slot> slot) noexcept {
    {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(slot));
    }
    freed_.notify_one();
}

// A searcher that failed may hold a broken handle (index replaced, files gone): drop it
// so the next request opens afresh. Caller mistakes (std::invalid_argument) keep it.
void SearcherBackend::refuse_if_down() {
    if (shards_ == 0 || policy_.partial) return;
    std::lock_guard lock(shards_mutex_);
    if (down_.empty()) return;
    std::vector<std::string> names;
    for (unsigned k : down_) names.push_back(status_[k].name);
    throw query::ShardsUnavailable("shards are down", down_, names);
}

template <class F>
auto SearcherBackend::with_searcher(F&& f, bool units) {
    if (units) refuse_if_down();
    auto lease = acquire();
    try {
        try {
            prepare(*lease);
            return f(*lease->searcher);
        } catch (const query::ShardsUnavailable& e) {
            if (e.shards().empty()) throw;  // not a failure: what was asked may be on a missing shard
            lease->searcher.reset();
            mark_down(e);
            if (!policy_.partial && units) throw;
            // Once more without the shards that just failed: a partial answer, or records.
            prepare(*lease);
            return f(*lease->searcher);
        }
    } catch (const std::invalid_argument&) {
        throw;
    } catch (const query::IndexUnavailable& e) {
        if (e.lasting()) note_problem(lease->revision, e.what());
        lease->searcher.reset();
        throw;
    } catch (...) {
        lease->searcher.reset();
        throw;
    }
}

query::SearchResult SearcherBackend::search(const query::SearchRequest& request) {
    return with_searcher([&](query::Searcher& s) { return s.search(request); }, true);
}

std::optional<std::string> SearcherBackend::unit(const std::string& id) {
    return with_searcher([&](query::Searcher& s) { return s.unit(id); }, true);
}

std::vector<std::string> SearcherBackend::meetings(const query::MeetingFilter& filter) {
    return with_searcher([&](query::Searcher& s) { return s.meetings(filter); });
}

std::optional<std::string> SearcherBackend::meeting(const std::string& id) {
    return with_searcher([&](query::Searcher& s) { return s.meeting(id); });
}

query::RecordList SearcherBackend::decisions(const query::DecisionQuery& query) {
    return with_searcher([&](query::Searcher& s) { return s.decisions(query); });
}

std::optional<std::string> SearcherBackend::decision(const std::string& id) {
    return with_searcher([&](query::Searcher& s) { return s.decision(id); });
}

query::RecordList SearcherBackend::people(const std::string& q, int page, int per_page, const std::string& council) {
    return with_searcher([&](query::Searcher& s) { return s.people(q, page, per_page, council); });
}

std::optional<std::string> SearcherBackend::person(const std::string& id) {
    return with_searcher([&](query::Searcher& s) { return s.person(id); });
}

std::vector<std::string> SearcherBackend::committees(const std::string& council) {
    return with_searcher([&](query::Searcher& s) { return s.committees(council); });
}

std::vector<query::CouncilSummary> SearcherBackend::councils() {
    return with_searcher([](query::Searcher& s) { return s.councils(); });
}

std::optional<query::CouncilDetail> SearcherBackend::council(const std::string& id) {
    return with_searcher([&](query::Searcher& s) { return s.council(id); });
}

std::optional<std::string> SearcherBackend::committee(const std::string& id) {
    return with_searcher([&](query::Searcher& s) { return s.committee(id); });
}

void SearcherBackend::note_problem(std::uint64_t revision, std::optional<std::string> problem) {
    std::lock_guard lock(health_mutex_);
    health_known_ = true;
    health_revision_ = revision;
    problem_ = std::move(problem);
}

std::optional<std::string> SearcherBackend::index_problem() {
    const auto known = revision();
    {
        std::lock_guard lock(health_mutex_);
        if (health_known_ && health_revision_ == known) return problem_;
    }
    // A fresh handle, not a pooled searcher: it sees the files as they are now. A failure
    // to open may pass (no file descriptor left, a re-index renaming files): it is asked
    // again next time rather than kept for the revision.
    auto found = query::check_index(db_dir_, !policy_.options.remote.empty());
    if (!found || found->rfind(query::index_open_failure, 0) != 0) note_problem(known, found);
    return found;
}

std::uint64_t SearcherBackend::unit_count() {
    const auto checked = count_checked_ns_.load(std::memory_order_relaxed);
    const auto now = now_ns();
    if (now - checked >= std::chrono::duration_cast<std::chrono::nanoseconds>(interval_).count()) {
        // One thread wins the right to recount; the others answer from the cache.
        auto expected = checked;
        if (count_checked_ns_.compare_exchange_strong(expected, now)) {
            // Not refused while shards are down: /healthz reports them, with the units the others hold.
            count_ = with_searcher([](query::Searcher& s) { return s.unit_count(); });
        }
    }
    return count_.load(std::memory_order_relaxed);
}

}  // namespace quorum::server
