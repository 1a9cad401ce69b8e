#include "decisions_pass.hpp"

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <optional>
#include <set>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "file_reading.hpp"
#include "quorum/decisions/decisions.hpp"
#include "quorum/index/text_fold.hpp"
#include "summary_spill.hpp"

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

// An indexed file the analysis covers, and where to read it again.
struct PassFile {
    std::string key;
    fs::path path, root;
    std::string doc_id;   // empty: the file's base id
    std::string council;  // folded; "" when its documents name none
    std::vector<std::string> meetings;
    std::uint64_t size = 0;
};

// Every indexed file read in this run, and every other indexed file whose path still
// exists (one gone without --prune keeps its units and loses its decisions); by key, so
// the same inputs give the same archive.
std::vector<PassFile> files_to_analyse(const IndexWriter& writer, const std::map<std::string, corpus::FileResult>& read,
                                       const std::map<std::string, FilePlace>& places) {
    std::vector<PassFile> files;
    for (const auto& f : writer.stored_files()) {
        if (!read.count(f.key)) {
            std::error_code ec;
            if (f.path.empty() || !fs::is_regular_file(f.path, ec)) continue;
        }
        PassFile p{f.key, f.path, {}, {}, fold_key(f.council), f.meetings, f.signature.size};
        if (auto r = places.find(f.key); r != places.end()) {
            p.root = r->second.root;
            p.doc_id = r->second.doc_id;
        } else {
            p.root = root_of(f.key, f.path);
        }
        files.push_back(std::move(p));
    }
    std::sort(files.begin(), files.end(), [](const PassFile& a, const PassFile& b) { return a.key < b.key; });
    return files;
}

// Gives a file whose documents name no council (an agenda or report without a sidecar)
// the council of the files it shares a meeting with, when they name only one; in an
// archive of one council, that council. The analysis links such papers to their
// meeting's council, so they must be analysed with it.
void place_unnamed(std::vector<PassFile>& files) {
    std::unordered_map<std::string, std::set<std::string>> councils_of_meeting;
    std::set<std::string> councils;
    for (const auto& f : files) {
        if (f.council.empty()) continue;
        councils.insert(f.council);
        for (const auto& m : f.meetings) councils_of_meeting[m].insert(f.council);
    }
    for (auto& f : files) {
        if (!f.council.empty()) continue;
        std::set<std::string> named;
        for (const auto& m : f.meetings)
            if (auto it = councils_of_meeting.find(m); it != councils_of_meeting.end())
                named.insert(it->second.begin(), it->second.end());
        if (named.size() == 1)
            f.council = *named.begin();
        else if (named.empty() && councils.size() == 1)
            f.council = *councils.begin();
    }
}

// The files of each council, councils in the order of their first file. Links never cross
// councils, so each is analysed alone: a council's records do not depend on which other
// councils share its archive, and the pass's memory follows the largest council. Files
// that no council could be given (place_unnamed) are analysed together.
std::vector<std::vector<const PassFile*>> councils_of(const std::vector<PassFile>& files) {
    std::vector<std::vector<const PassFile*>> councils;
    std::unordered_map<std::string, std::size_t> index;
    for (const auto& f : files) {
        auto [it, fresh] = index.try_emplace(f.council, councils.size());
        if (fresh) councils.emplace_back();
        councils[it->second].push_back(&f);
    }
    return councils;
}

// A council's readings as one archive, in key order: those this run kept (taken out of
// `read`) and the others read again on settings.threads threads with the run's topic
// rules. `order_of` gets each document's file order.
corpus::Archive read_council(const std::vector<const PassFile*>& batch, std::map<std::string, corpus::FileResult>& read,
                             const RunSettings& settings, std::size_t& reread,
                             std::unordered_map<std::string, std::string>& order_of) {
    std::vector<std::optional<corpus::FileResult>> results(batch.size());
    std::vector<std::size_t> again;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (auto it = read.find(batch[i]->key); it != read.end()) {
            results[i] = std::move(it->second);
            read.erase(it);
        } else {
            again.push_back(i);
        }
    }
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < std::max(1u, settings.threads) && t < again.size(); ++t)
        pool.emplace_back([&] {
            for (std::size_t j; (j = next++) < again.size();) {
                const PassFile& f = *batch[again[j]];
                corpus::ReadOptions read_options;
                read_options.root = f.root;
                read_options.doc_id = f.doc_id;
                read_options.topics = settings.topics;
                try {
                    corpus::FileResult r = corpus::read_file(f.path, read_options);
                    if (r.ok) results[again[j]] = for_decisions(std::move(r));
                } catch (const std::exception&) {
                    // Readers do not throw for bad data; a file that vanished mid-run is left out.
                }
            }
        });
    for (auto& t : pool) t.join();
    reread += static_cast<std::size_t>(
        std::count_if(again.begin(), again.end(), [&](std::size_t i) { return results[i].has_value(); }));
    corpus::Archive archive;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (!results[i]) continue;
        // Decisions list by date, then file key: a key, unlike a rank, stays put when
        // other files come and go, so an incremental run keeps other councils' records.
        for (const auto& d : results[i]->documents) order_of[d.id] = batch[i]->key;
        corpus::merge_into(archive, std::move(*results[i]));
    }
    return archive;
}

// Where each decision's unit stands: only those units, not every unit of the archive.
std::map<std::string, UnitPlace> unit_places(const corpus::Archive& archive,
                                             const decisions::DecisionAnalysis& analysis,
                                             const std::unordered_map<std::string, std::string>& order_of) {
    std::set<std::string_view> wanted;
    for (const auto& d : analysis.decisions) wanted.insert(d.unit_id);
    std::map<std::string, UnitPlace> out;
    for (const auto& d : archive.documents) {
        const auto order = order_of.find(d.id);
        for (const auto& u : d.units)
            if (wanted.count(u.id))
                out[u.id] = UnitPlace{d.council, u.page, order == order_of.end() ? std::string() : order->second};
    }
    return out;
}

void add_counts(RunSummary& summary, const DecisionCounts& c) {
    summary.decisions += c.decisions;
    summary.links += c.links;
    summary.threads += c.threads;
    summary.people += c.people;
    summary.committees += c.committees;
    summary.records_unchanged += c.records_unchanged;
}

// One council read and analysed, ready to be written.
struct CouncilAnalysis {
    decisions::DecisionAnalysis analysis;
    std::map<std::string, UnitPlace> places;  // of the decisions' units
    std::size_t reread = 0;
    double read_seconds = 0, analyse_seconds = 0;
};

CouncilAnalysis analyse_council(const std::vector<const PassFile*>& council,
                                std::map<std::string, corpus::FileResult>& read, const RunSettings& settings,
                                const decisions::DecisionOptions& options) {
    using Clock = std::chrono::steady_clock;
    CouncilAnalysis out;
    auto t = Clock::now();
    std::unordered_map<std::string, std::string> order_of;
    corpus::Archive archive = read_council(council, read, settings, out.reread, order_of);
    const auto read_done = Clock::now();
    out.read_seconds = std::chrono::duration<double>(read_done - t).count();
    out.analysis = decisions::analyse_decisions(archive, options);
    out.places = unit_places(archive, out.analysis, order_of);
    out.analyse_seconds = std::chrono::duration<double>(Clock::now() - read_done).count();
    // The analysis keeps copies of what it needs: the readings go before the writing.
    archive = corpus::Archive{};
    ::malloc_trim(0);
    return out;
}

}  // namespace

bool keeps_readings(const std::vector<Task>& tasks, const RunSettings& settings) {
    std::uint64_t bytes = 0;
    for (const auto& t : tasks) bytes += t.signature.size;
    return bytes <= settings.keep_readings_bytes;
}

void decisions_pass(IndexWriter& writer, std::map<std::string, corpus::FileResult>& read,
                    const std::map<std::string, FilePlace>& places, const RunSettings& settings, RunSummary& summary,
                    const PhaseEnd& phase_end) {
    std::vector<PassFile> files = files_to_analyse(writer, read, places);
    place_unnamed(files);
    const auto councils = councils_of(files);
    // One date for every council, even for a run that crosses midnight.
    decisions::DecisionOptions options;
    options.as_of = decisions::effective_as_of(settings.as_of);
    SummarySpill summaries;  // each council's people and committees, merged at the end
    writer.begin_decisions();
    // One council at a time: memory follows the largest council. (Reading the next council
    // while this one is written measured 5% faster at 100 MB on 2 cores, for two councils'
    // memory: the writer and the readers compete for the same cores.)
    for (const auto& council : councils) {
        CouncilAnalysis current = analyse_council(council, read, settings, options);
        const auto t = std::chrono::steady_clock::now();
        add_counts(summary, writer.write_decisions(current.analysis, current.places));
        summaries.add(current.analysis.people, current.analysis.committees);
        summary.decision_write_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
        summary.decision_read_seconds += current.read_seconds;
        summary.decision_analyse_seconds += current.analyse_seconds;
        summary.files_reread += current.reread;
        ++summary.decision_councils;
    }
    read.clear();  // files kept by the run that are no longer indexed
    // Merged and written a thousand at a time: the whole archive's people never sit in memory.
    const auto t = std::chrono::steady_clock::now();
    constexpr std::size_t batch = 1000;
    summaries.take_people(batch, [&](std::vector<decisions::PersonSummary>&& people) {
        add_counts(summary, writer.write_summaries(people, {}));
    });
    summaries.take_committees(batch, [&](std::vector<decisions::CommitteeSummary>&& committees) {
        add_counts(summary, writer.write_summaries({}, committees));
    });
    writer.finish_decisions(options.as_of);
    summary.decision_write_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
    summary.decisions_computed = true;
    if (phase_end) phase_end("decisions: read, analyse and write, council by council");
}

}  // namespace quorum::index
