#include "first_build.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <malloc.h>
#include <signal.h>
#include <unistd.h>
#include <cerrno>

#include "decisions_pass.hpp"
#include "file_reading.hpp"
#include "shard_set_cut.hpp"
#include "shard_writer.hpp"

namespace quorum::index {
namespace fs = std::filesystem;

namespace {

// The process's peak resident memory so far (VmHWM), in MB; 0 where /proc is missing.
double peak_mb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
    return 0;
}

// Times a first build's phases into RunSummary::phase_seconds, in order, with the peak
// memory reached by the end of each (issue 14: which phase holds the memory).
class PhaseClock {
public:
    explicit PhaseClock(RunSummary& summary) : summary_(summary) {}
    void end(const std::string& phase) {
        const auto now = std::chrono::steady_clock::now();
        summary_.phase_seconds.emplace_back(phase, std::chrono::duration<double>(now - start_).count());
        summary_.phase_peak_mb.push_back(peak_mb());
        start_ = now;
    }

private:
    RunSummary& summary_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// The files to read: every collected file, with its size and mtime.
std::vector<Task> files_to_read(std::vector<Task> all, RunSummary& summary) {
    std::vector<Task> tasks;
    for (auto& t : all) {
        if (!take_signature(t, summary)) continue;
        tasks.push_back(std::move(t));
    }
    return tasks;
}

// Splits tasks[0..n) into `parts` contiguous ranges of about equal bytes; returns the
// starts (parts + 1 entries). Contiguous ranges keep docids in input order after the merge.
std::vector<std::size_t> split_by_size(const std::vector<Task>& tasks, std::size_t parts) {
    std::uint64_t total = 0;
    for (const auto& t : tasks) total += std::max<std::uint64_t>(1, t.signature.size);
    std::vector<std::size_t> starts{0};
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < tasks.size() && starts.size() < parts; ++i) {
        sum += std::max<std::uint64_t>(1, tasks[i].signature.size);
        if (sum * parts >= total * starts.size()) starts.push_back(i + 1);
    }
    while (starts.size() < parts) starts.push_back(tasks.size());
    starts.push_back(tasks.size());
    return starts;
}


// What the shard writers gathered for the one writer that finishes the index.
struct ShardsRead {
    BuiltFile names;                                       // committee, person and topic names, slot counts
    std::map<std::string, corpus::FileResult> read_files;  // for the decisions pass, by key (keeps_readings)
};

// Reads `tasks` on one thread per shard, each writing its contiguous share into its shard.
ShardsRead write_shards(std::vector<Task>& tasks, const std::vector<fs::path>& shards, std::vector<SetPart>& set_parts,
                        const RunSettings& settings, RunSummary& summary, const Progress& progress) {
    const std::vector<std::size_t> starts = split_by_size(tasks, shards.size());
    std::vector<std::vector<corpus::Diagnostic>> diagnostics(tasks.size());
    ShardsRead out;
    BuiltFile& names = out.names;
    std::mutex mutex;
    std::size_t done = 0;
    std::atomic<bool> stop{false};
    std::exception_ptr failure;
    const bool keep = keeps_readings(tasks, settings);
    std::vector<std::thread> pool;
    for (std::size_t part = 0; part < shards.size(); ++part) {
        pool.emplace_back([&, part] {
            try {
                ShardWriter shard(shards[part], settings.fingerprint, set_parts.empty() ? nullptr : &set_parts[part]);
                DocumentBuilder builder(settings.topic_names);
                for (std::size_t i = starts[part]; i < starts[part + 1] && !stop; ++i) {
                    Task& task = tasks[i];
                    Outcome outcome = read_task(task, builder, settings.topics);
                    std::size_t units = 0;
                    if (outcome.kind == Outcome::Kind::indexed)
                        units = shard.add_file(task.key, task.path, outcome.signature, outcome.built);
                    std::lock_guard lock(mutex);
                    diagnostics[i] = std::move(outcome.diagnostics);
                    summary.coverage.add(outcome.coverage);
                    if (outcome.kind == Outcome::Kind::indexed) {
                        for (const auto& [type, n] : outcome.built.units_by_type) summary.units_by_type[type] += n;
                        summary.units_added += units;
                        summary.bytes_read += outcome.signature.size;
                        ++summary.indexed;
                        names.committee_names.merge(outcome.built.committee_names);
                        names.person_names.merge(outcome.built.person_names);
                        names.topic_names.merge(outcome.built.topic_names);
                        names.council_names.merge(outcome.built.council_names);
                        names.person_slots_used = std::max(names.person_slots_used, outcome.built.person_slots_used);
                        names.topic_slots_used = std::max(names.topic_slots_used, outcome.built.topic_slots_used);
                        if (outcome.file && keep)
                            out.read_files.insert_or_assign(task.key, for_decisions(std::move(*outcome.file)));
                    } else {
                        ++summary.failed;
                    }
                    if (progress) progress(++done, tasks.size(), task.key);
                }
                shard.finish();
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!failure) failure = std::current_exception();
                stop = true;
            }
        });
    }
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    for (auto& list : diagnostics)
        for (auto& d : list)
            if (d.severity == corpus::Diagnostic::Severity::info)
                ++summary.notes[d.code];
            else
                summary.problems.push_back(std::move(d));
    return out;
}

// Gives the merged index its meetings, names, synonyms and decisions, in one commit.
// Returns the docids it wrote.
std::vector<Xapian::docid> finish_index(const fs::path& merged, ShardsRead& shards_read, const std::vector<Task>& tasks,
                                        const RunSettings& settings, RunSummary& summary, PhaseClock& phases) {
    // No reader sees `merged` before it is renamed into place: batches of changes are
    // flushed as they come instead of being held for one commit.
    IndexWriter writer(merged, settings.fingerprint, WriteMode::private_build);
    writer.set_council_terms(settings.council_terms);
    writer.set_thesaurus(settings.thesaurus);
    writer.set_related_words(settings.related_words);
    writer.add_names(shards_read.names);
    writer.touch_every_meeting();
    std::map<std::string, FilePlace> places;
    for (const auto& t : tasks) places.emplace(t.key, FilePlace{t.root, t.doc_id});
    decisions_pass(writer, shards_read.read_files, places, settings, summary,
                   [&](const std::string& phase) { phases.end(phase); });
    writer.commit();
    phases.end("write meetings, names and synonyms; commit");
    summary.total_units = writer.unit_count();
    return writer.changed_docids();
}

}  // namespace

void remove_stale_builds(const fs::path& target) {
    const fs::path db = clean(target);
    std::error_code ec;
    const std::string prefix = "." + db.filename().string() + ".building-";
    for (auto it = fs::directory_iterator(db.parent_path(), ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
        if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM)) continue;
        fs::remove_all(it->path(), ec);
    }
}

// A new, empty build folder beside `db`, named by this process so a later run can tell
// a folder left by a killed run from one still being written.
fs::path make_build_folder(const fs::path& db) {
    std::error_code ec;
    fs::create_directories(db.parent_path(), ec);
    remove_stale_builds(db);
    fs::path work = db.parent_path() / ("." + db.filename().string() + ".building-" + std::to_string(::getpid()));
    fs::remove_all(work, ec);
    if (!fs::create_directories(work, ec))
        throw std::runtime_error("cannot create " + work.string() + ": " + ec.message() +
                                 "; check that the index's folder is writable");
    return work;
}

bool is_new_index(const fs::path& db) {
    std::error_code ec;
    if (!fs::exists(db, ec)) return true;
    return fs::is_directory(db, ec) && fs::is_empty(db, ec);
}

std::vector<Xapian::docid> build_new_index(const RunOptions& options, std::vector<Task> all,
                                           const RunSettings& settings, RunSummary& summary, const Progress& progress,
                                           unsigned set_shards, std::string* cut_revision) {
    std::vector<Task> tasks = files_to_read(std::move(all), summary);
    const fs::path db = clean(options.db);
    const fs::path work = make_build_folder(db);
    PhaseClock phases(summary);
    const RemoveOnExit cleanup{work};

    const std::size_t parts = std::max<std::size_t>(1, std::min<std::size_t>(settings.threads, tasks.size()));
    std::vector<fs::path> shards;
    for (std::size_t i = 0; i < parts; ++i) shards.push_back(work / ("shard-" + std::to_string(i)));
    std::vector<SetPart> set_parts(set_shards > 0 ? parts : 0);
    for (std::size_t i = 0; i < set_parts.size(); ++i)
        for (unsigned store = 0; store <= set_shards; ++store)
            set_parts[i].stores.push_back(work / ("set-" + std::to_string(i) + "-" + std::to_string(store)));
    ShardsRead shards_read = write_shards(tasks, shards, set_parts, settings, summary, progress);
    phases.end("read and write shards");

    // The shard writers' memory is free now; give it back before the decisions pass grows.
    ::malloc_trim(0);
    const fs::path merged = work / "index";
    merge_shards(shards, merged);
    std::error_code ec;
    for (const auto& s : shards) fs::remove_all(s, ec);
    phases.end("merge shards");
    if (!set_parts.empty()) {
        cut_set_from_parts(db.parent_path(), set_parts, merged, std::max(1u, settings.threads));
        if (cut_revision) *cut_revision = std::to_string(Xapian::Database(merged.string()).get_revision());
        for (const auto& part : set_parts)
            for (const auto& store : part.stores) fs::remove_all(store, ec);
        phases.end("cut the shard set from the parts");
    }

    std::vector<Xapian::docid> changed = finish_index(merged, shards_read, tasks, settings, summary, phases);
    if (fs::exists(db, ec)) fs::remove(db, ec);  // an empty folder (is_new_index)
    fs::rename(merged, db, ec);
    if (ec)
        throw std::runtime_error("cannot move the new index into place at " + db.string() + ": " + ec.message() +
                                 " (another quorum-index may have created it meanwhile; run again)");
    summary.committed = true;
    return changed;
}

}  // namespace quorum::index
