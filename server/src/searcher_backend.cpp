#include "searcher_backend.hpp"

#include <optional>
#include <utility>

namespace quorum::server {
namespace {

using Clock = std::chrono::steady_clock;

std::int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

// This worker thread's searcher. Keyed by backend instance so two backends in one
// process (tests) never share a handle.
struct LocalSearcher {
    std::uint64_t owner = 0;
    std::optional<query::Searcher> searcher;
    Clock::time_point checked{};
};
thread_local LocalSearcher t_local;

std::atomic<std::uint64_t> g_next_instance{1};

}  // namespace

SearcherBackend::SearcherBackend(std::filesystem::path db_dir, std::chrono::milliseconds refresh_interval)
    : db_dir_(std::move(db_dir)), interval_(refresh_interval), instance_(g_next_instance++) {
    count_ = local().unit_count();
    count_checked_ns_ = now_ns();
}

query::Searcher& SearcherBackend::local() {
    auto& l = t_local;
    const auto now = Clock::now();
    if (l.owner != instance_ || !l.searcher) {
        l.searcher.reset();
        l.owner = instance_;
        l.searcher.emplace(db_dir_);
        l.checked = now;
    } else if (now - l.checked >= interval_) {
        l.searcher->refresh();
        l.checked = now;
    }
    return *l.searcher;
}

void SearcherBackend::forget_local() noexcept {
    if (t_local.owner == instance_) t_local.searcher.reset();
}

// A searcher that failed may hold a broken handle (index replaced, files gone):
// drop it so the next request on this thread opens afresh. Caller mistakes
// (std::invalid_argument) leave it in place.
template <class F>
auto SearcherBackend::with_local(F&& f) {
    try {
        return f(local());
    } catch (const std::invalid_argument&) {
        throw;
    } catch (...) {
        forget_local();
        throw;
    }
}

query::SearchResult SearcherBackend::search(const query::SearchRequest& request) {
    return with_local([&](query::Searcher& s) { return s.search(request); });
}

std::optional<std::string> SearcherBackend::unit(const std::string& id) {
    return with_local([&](query::Searcher& s) { return s.unit(id); });
}

std::vector<std::string> SearcherBackend::meetings(const query::MeetingFilter& filter) {
    return with_local([&](query::Searcher& s) { return s.meetings(filter); });
}

std::optional<std::string> SearcherBackend::meeting(const std::string& id) {
    return with_local([&](query::Searcher& s) { return s.meeting(id); });
}

query::RecordList SearcherBackend::decisions(const query::DecisionQuery& query) {
    return with_local([&](query::Searcher& s) { return s.decisions(query); });
}

std::optional<std::string> SearcherBackend::decision(const std::string& id) {
    return with_local([&](query::Searcher& s) { return s.decision(id); });
}

query::RecordList SearcherBackend::people(const std::string& q, int page, int per_page) {
    return with_local([&](query::Searcher& s) { return s.people(q, page, per_page); });
}

std::optional<std::string> SearcherBackend::person(const std::string& id) {
    return with_local([&](query::Searcher& s) { return s.person(id); });
}

std::vector<std::string> SearcherBackend::committees() {
    return with_local([](query::Searcher& s) { return s.committees(); });
}

std::optional<std::string> SearcherBackend::committee(const std::string& id) {
    return with_local([&](query::Searcher& s) { return s.committee(id); });
}

std::uint64_t SearcherBackend::unit_count() {
    const auto checked = count_checked_ns_.load(std::memory_order_relaxed);
    const auto now = now_ns();
    if (now - checked >= std::chrono::duration_cast<std::chrono::nanoseconds>(interval_).count()) {
        // One thread wins the right to recount; the others answer from the cache.
        auto expected = checked;
        if (count_checked_ns_.compare_exchange_strong(expected, now)) {
            count_ = with_local([](query::Searcher& s) { return s.unit_count(); });
        }
    }
    return count_.load(std::memory_order_relaxed);
}

}  // namespace quorum::server
