// Backend over the query library: one Searcher per worker thread (Xapian handles are
// not thread-safe), opened lazily and refreshed at most once per interval so that a
// re-index is seen without a restart.
#pragma once

#include "backend.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>

namespace quorum::server {

class SearcherBackend final : public Backend {
public:
    // Opens the index once to check it and prime the unit count.
    // Throws std::runtime_error (from the query library) when it cannot be opened.
    explicit SearcherBackend(std::filesystem::path db_dir,
                             std::chrono::milliseconds refresh_interval = std::chrono::seconds(1));

    query::SearchResult search(const query::SearchRequest& request) override;
    std::optional<std::string> unit(const std::string& id) override;
    std::vector<std::string> meetings(const query::MeetingFilter& filter) override;
    std::optional<std::string> meeting(const std::string& id) override;
    std::uint64_t unit_count() override;
    query::RecordList decisions(const query::DecisionQuery& query) override;
    std::optional<std::string> decision(const std::string& id) override;
    query::RecordList people(const std::string& q, int page, int per_page) override;
    std::optional<std::string> person(const std::string& id) override;
    std::vector<std::string> committees() override;
    std::optional<std::string> committee(const std::string& id) override;

private:
    query::Searcher& local();
    void forget_local() noexcept;
    template <class F> auto with_local(F&& f);

    std::filesystem::path db_dir_;
    std::chrono::milliseconds interval_;
    std::uint64_t instance_;  // tells this backend's thread-local searchers from another's
    std::atomic<std::uint64_t> count_{0};
    std::atomic<std::int64_t> count_checked_ns_{0};
};

}  // namespace quorum::server
