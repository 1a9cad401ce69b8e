#include "decisions_pass.hpp"

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
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
    std::string council;  // corpus::council_id of its name; "" when its documents name none
    std::string council_name;  // as its documents name it, or as place_unnamed gave it
    std::string given;         // the council the last run gave it (StoredFile::given_council)
    bool placed = false;       // council_name is place_unnamed's
    std::vector<std::string> meetings;  // meeting keys: ids without the council (corpus::meeting_key)
    std::uint64_t size = 0;
    FileSignature signature;
    std::size_t units = 0;
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
        PassFile p{f.key,          f.path,      {}, {}, corpus::council_id(f.council), f.council, f.given_council,
                   false,          {},          f.signature.size,  f.signature,  f.units};
        const std::string& council = f.council.empty() ? f.given_council : f.council;
        for (const auto& m : f.meetings) p.meetings.push_back(corpus::meeting_key(m, council));
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

// How many folders two files share from the top: "a/b/x.md" and "a/b/c/y.md" share 2.
std::size_t shared_folders(const fs::path& a, const fs::path& b) {
    const fs::path pa = a.parent_path(), pb = b.parent_path();
    std::size_t n = 0;
    for (auto i = pa.begin(), j = pb.begin(); i != pa.end() && j != pb.end() && *i == *j; ++i, ++j) ++n;
    return n;
}

// Gives a file whose documents name no council (an agenda or report without a sidecar)
// the council of the papers it shares a meeting with. When two councils met under that
// name and date (two Cabinets on one day), the one whose papers are filed nearest to it
// (same folder first). A file that shares no meeting takes the council of the papers filed
// with it: the nearest folder above it whose named papers name one council; else, in an
// archive of one council, that council. The analysis links such papers to their meeting's
// council, so they must be analysed with it.
void place_unnamed(std::vector<PassFile>& files) {
    std::unordered_map<std::string, std::vector<const PassFile*>> named_of_meeting;
    std::map<fs::path, std::set<std::string>> councils_under;  // folder -> councils of the named files below it
    std::set<std::string> councils;
    std::unordered_map<std::string, std::string> name_of;  // id -> as first named (files in key order)
    for (const auto& f : files) {
        if (f.council.empty()) continue;
        councils.insert(f.council);
        name_of.try_emplace(f.council, f.council_name);
        for (const auto& m : f.meetings) named_of_meeting[m].push_back(&f);
        for (fs::path folder = f.path.parent_path(); !folder.empty(); folder = folder.parent_path()) {
            councils_under[folder].insert(f.council);
            if (folder == folder.root_path() || folder == f.root) break;
        }
    }
    for (auto& f : files) {
        if (!f.council.empty()) continue;
        // Each council met under one of its meetings, with the nearest of its papers.
        std::map<std::string, std::size_t> nearest;
        for (const auto& m : f.meetings)
            if (auto it = named_of_meeting.find(m); it != named_of_meeting.end())
                for (const PassFile* other : it->second) {
                    std::size_t& depth = nearest[other->council];
                    depth = std::max(depth, shared_folders(f.path, other->path) + 1);
                }
        std::string council;
        if (!nearest.empty()) {
            std::size_t best = 0, ties = 0;
            for (const auto& [c, depth] : nearest) {
                if (depth > best) {
                    best = depth;
                    council = c;
                    ties = 1;
                } else if (depth == best) {
                    ++ties;
                }
            }
            if (ties > 1) council.clear();  // as near as each other: which council's is unknown
        } else {
            for (fs::path folder = f.path.parent_path(); !folder.empty(); folder = folder.parent_path()) {
                if (auto it = councils_under.find(folder); it != councils_under.end()) {
                    if (it->second.size() == 1) council = *it->second.begin();
                    break;  // the nearest folder with named papers decides, one council or none
                }
                if (folder == folder.root_path() || folder == f.root) break;
            }
            if (council.empty() && councils.size() == 1) council = *councils.begin();
        }
        if (!council.empty()) {
            f.council = council;
            f.council_name = name_of[council];
            f.placed = true;
        }
    }
}

// The council a file is to be read with: the one place_unnamed gave it, if any.
std::string council_to_give(const PassFile& f) { return f.placed ? f.council_name : std::string(); }

// How a stored file is read again, for writing it with its council or for the analysis: as
// it was indexed, with the council it is given (so both reads see the same meeting ids).
corpus::ReadOptions read_options_of(const PassFile& f, const RunSettings& settings) {
    corpus::ReadOptions options;
    options.root = f.root;
    options.doc_id = f.doc_id;
    options.topics = settings.topics;
    options.council = council_to_give(f);
    return options;
}

// True when the file's stored units were written with another council than it is to be
// given now (by id: another spelling of the same council is the same). A file without units
// has no records to say what it was given, and nothing a council would change.
bool needs_council(const PassFile& f) {
    return f.units > 0 && corpus::council_id(council_to_give(f)) != corpus::council_id(f.given);
}

// Writes again, with the council place_unnamed gave them, one council's files whose stored
// units name another (issue 17): their meeting ids then carry that council, so that an
// agenda that does not print its council merges with the minutes that do, and their units
// count under the council facet. Once written so, a file is written again only when what it
// is given changes. A batch at a time, on the reader threads; each new reading replaces any
// kept for the analysis, which takes it next (memory follows one council, as the pass's).
void give_councils(IndexWriter& writer, const std::vector<const PassFile*>& council,
                   std::map<std::string, corpus::FileResult>& read, const RunSettings& settings,
                   RunSummary& summary) {
    std::vector<const PassFile*> todo;
    for (const PassFile* f : council)
        if (needs_council(*f)) todo.push_back(f);
    constexpr std::size_t batch = 64;
    for (std::size_t from = 0; from < todo.size(); from += batch) {
        const std::size_t n = std::min(batch, todo.size() - from);
        std::vector<std::optional<std::pair<corpus::FileResult, BuiltFile>>> done(n);
        std::atomic<std::size_t> next{0};
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < std::max(1u, settings.threads) && t < n; ++t)
            pool.emplace_back([&] {
                DocumentBuilder builder(settings.topic_names);
                for (std::size_t j; (j = next++) < n;) {
                    const PassFile& f = *todo[from + j];
                    try {
                        corpus::FileResult r = corpus::read_file(f.path, read_options_of(f, settings));
                        if (!r.ok) continue;  // it changed or went since it was indexed: the next run reads it
                        BuiltFile built = builder.build(r, f.key);
                        done[j].emplace(std::move(r), std::move(built));
                    } catch (const std::exception&) {
                        // Readers do not throw for bad data; a file that vanished mid-run is left as it was.
                    }
                }
            });
        for (auto& t : pool) t.join();
        for (std::size_t j = 0; j < n; ++j) {
            if (!done[j]) continue;
            const PassFile& f = *todo[from + j];
            writer.write_file(f.key, f.path, f.signature, std::move(done[j]->second));
            read.insert_or_assign(f.key, for_decisions(std::move(done[j]->first)));
            ++summary.files_given_council;
        }
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
                try {
                    corpus::FileResult r = corpus::read_file(f.path, read_options_of(f, settings));
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
        give_councils(writer, council, read, settings, summary);
        CouncilAnalysis current = analyse_council(council, read, settings, options);
        // The people and committees of this council's papers (merged over councils at the end).
        if (const std::string& name = council.front()->council_name; !name.empty()) {
            for (auto& p : current.analysis.people) p.councils = {name};
            for (auto& c : current.analysis.committees) c.councils = {name};
        }
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
