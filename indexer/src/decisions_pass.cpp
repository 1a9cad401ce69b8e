#include "decisions_pass.hpp"

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <optional>
#include <set>
#include <string_view>
#include <thread>
#include <vector>

#include "file_reading.hpp"
#include "quorum/decisions/decisions.hpp"

namespace quorum::index {
namespace fs = std::filesystem;

namespace {

// The folder a stored file was read under: the part of its path before its key plus the
// key's first component (keys are relative to the parent of the input folder).
fs::path root_of(const std::string& key, const fs::path& path) {
    fs::path k(key);
    if (k.is_absolute()) return path.parent_path();
    fs::path base = path;
    for (auto it = k.begin(); it != k.end(); ++it) base = base.parent_path();
    return base / *k.begin();
}

// The whole archive for the decisions pass: files read in this run are reused, every
// other indexed file whose path still exists is read again (on settings.threads threads,
// with the run's topic rules).
// Files are merged in key order, so the same inputs give the same archive.
corpus::Archive whole_archive(const IndexWriter& writer, std::map<std::string, corpus::FileResult>& read,
                              const std::map<std::string, FilePlace>& places, const RunSettings& settings,
                              RunSummary& summary) {
    struct Job {
        std::string key;
        fs::path path, root;
        std::string doc_id;  // empty: the file's base id
        std::optional<corpus::FileResult> result;
    };
    std::vector<Job> jobs;
    for (const auto& f : writer.stored_files()) {
        if (read.count(f.key) || f.path.empty()) continue;
        std::error_code ec;
        if (!fs::is_regular_file(f.path, ec)) continue;  // gone without --prune: its units stay, its decisions go
        auto r = places.find(f.key);
        if (r != places.end())
            jobs.push_back({f.key, f.path, r->second.root, r->second.doc_id, std::nullopt});
        else
            jobs.push_back({f.key, f.path, root_of(f.key, f.path), "", std::nullopt});
    }
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    for (unsigned i = 0; i < std::max(1u, settings.threads) && i < jobs.size(); ++i)
        pool.emplace_back([&] {
            for (std::size_t j; (j = next++) < jobs.size();) {
                corpus::ReadOptions read_options;
                read_options.root = jobs[j].root;
                read_options.doc_id = jobs[j].doc_id;
                read_options.topics = settings.topics;
                try {
                    jobs[j].result = corpus::read_file(jobs[j].path, read_options);
                } catch (const std::exception&) {
                    // Readers do not throw for bad data; a file that vanished mid-run is left out.
                }
            }
        });
    for (auto& t : pool) t.join();
    for (auto& job : jobs)
        if (job.result && job.result->ok) {
            read.emplace(job.key, for_decisions(std::move(*job.result)));
            ++summary.files_reread;
        }
    corpus::Archive archive;
    std::set<std::string> indexed;
    for (const auto& f : writer.stored_files()) indexed.insert(f.key);
    for (auto& [key, result] : read)
        if (indexed.count(key)) corpus::merge_into(archive, std::move(result));
    read.clear();
    return archive;
}

// Where each decision's unit stands: only those units, not every unit of the archive.
std::map<std::string, UnitPlace> unit_places(const corpus::Archive& archive,
                                             const decisions::DecisionAnalysis& analysis) {
    std::set<std::string_view> wanted;
    for (const auto& d : analysis.decisions) wanted.insert(d.unit_id);
    std::map<std::string, UnitPlace> out;
    for (const auto& d : archive.documents)
        for (const auto& u : d.units)
            if (wanted.count(u.id)) out[u.id] = UnitPlace{d.council, u.page};
    return out;
}

}  // namespace

void decisions_pass(IndexWriter& writer, std::map<std::string, corpus::FileResult>& read,
                    const std::map<std::string, FilePlace>& places, const RunSettings& settings, RunSummary& summary,
                    const PhaseEnd& phase_end) {
    corpus::Archive archive = whole_archive(writer, read, places, settings, summary);
    decisions::DecisionOptions decision_options;
    decision_options.as_of = settings.as_of;
    decisions::DecisionAnalysis analysis = decisions::analyse_decisions(archive, decision_options);
    if (phase_end) phase_end("analyse decisions");
    const std::map<std::string, UnitPlace> places_of_units = unit_places(archive, analysis);
    // The analysis keeps copies of what it needs: the readings go before the writing
    // grows the writer's buffers, so the two peaks do not add up.
    archive = corpus::Archive{};
    ::malloc_trim(0);
    DecisionCounts c = writer.write_decisions(analysis, places_of_units);
    summary.decisions_computed = true;
    summary.decisions = c.decisions;
    summary.links = c.links;
    summary.threads = c.threads;
    summary.people = c.people;
    summary.committees = c.committees;
}

}  // namespace quorum::index
