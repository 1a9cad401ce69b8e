// The people and committee summaries of an archive analysed council by council, kept on
// disk until every council is done. Held in memory they grew with the archive's attendance
// (95 MB of person JSON at 1 GB, several times that as structs); on disk, memory holds only
// each id's list of parts (a few MB for 17,000 people).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "quorum/decisions/decisions.hpp"

namespace quorum::index {

class SummarySpill {
public:
    // An unlinked file in $TMPDIR (or /tmp): nothing is left behind, even by a killed run.
    // Throws std::runtime_error saying what went wrong and what to do.
    SummarySpill();
    ~SummarySpill();
    SummarySpill(const SummarySpill&) = delete;
    SummarySpill& operator=(const SummarySpill&) = delete;

    // One council's summaries, appended as their stored JSON.
    void add(const std::vector<decisions::PersonSummary>& people,
             const std::vector<decisions::CommitteeSummary>& committees);

    // Every person (then every committee) in id order, its parts merged in the order they
    // were added (decisions::merge_summary), handed to `take` at most `batch` at a time.
    void take_people(std::size_t batch, const std::function<void(std::vector<decisions::PersonSummary>&&)>& take);
    void take_committees(std::size_t batch,
                         const std::function<void(std::vector<decisions::CommitteeSummary>&&)>& take);

    [[nodiscard]] std::uint64_t bytes() const { return end_; }

private:
    struct Part {
        std::uint64_t offset = 0;
        std::size_t size = 0;
    };
    Part append(const std::string& text);
    [[nodiscard]] std::string read(const Part& part) const;
    template <typename T, typename Parse>
    void take(std::map<std::string, std::vector<Part>>& parts, std::size_t batch, Parse parse,
              const std::function<void(std::vector<T>&&)>& give);

    int fd_ = -1;
    std::uint64_t end_ = 0;
    std::map<std::string, std::vector<Part>> people_, committees_;  // id -> its parts, in the order added
};

}  // namespace quorum::index
