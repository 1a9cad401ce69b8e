// run_index: resolve the options, collect the inputs, then a first (sharded) build or an
// update of the existing index. The steps are in the files named after them.
#include "quorum/index/index_run.hpp"

#include <chrono>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <optional>
#include <stdexcept>

#include "first_build.hpp"
#include "incremental_run.hpp"
#include "input_collection.hpp"
#include "learnt_words.hpp"
#include "run_settings.hpp"
#include "shard_set_sync.hpp"
#include "quorum/index/shard_set.hpp"

namespace quorum::index {
namespace fs = std::filesystem;

namespace {

std::uint64_t directory_bytes(const fs::path& dir) {
    std::uint64_t total = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_regular_file(ec)) total += it->file_size(ec);
    return total;
}

// Builds or updates `options.db` as one index; returns the docids an update wrote or
// deleted (nullopt after a first build: everything is new). With `set_shards`, a first build
// also cuts a new set beside it, and returns what it wrote after the cut, at `cut_revision`.
std::optional<std::vector<Xapian::docid>> index_one(const RunOptions& options, std::vector<Task> all,
                                                    const RunSettings& settings, RunSummary& summary,
                                                    const Progress& progress, unsigned set_shards = 0,
                                                    std::string* cut_revision = nullptr) {
    std::optional<std::vector<Xapian::docid>> changed;
    if (is_new_index(options.db)) {
        auto written = build_new_index(options, std::move(all), settings, summary, progress, set_shards, cut_revision);
        if (set_shards > 0) changed = std::move(written);
    } else
        changed = update_index(options, std::move(all), settings, summary, progress);
    if (options.learn_words) learn_words(options, settings, summary);
    return changed;
}

std::string revision_of(const fs::path& db) {
    try {
        return std::to_string(Xapian::Database(db.string()).get_revision());
    } catch (const Xapian::Error&) {
        return {};
    }
}

// One run at a time on a shard set, from indexing OUT/whole to the end of the copy: an
// exclusive lock on OUT/.quorum-index.lock (released by the kernel if the run dies).
class RunLock {
public:
    explicit RunLock(const fs::path& dir) {
        const fs::path file = dir / ".quorum-index.lock";
        fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ < 0) throw std::runtime_error("cannot open " + file.string() + ": check that the folder is writable");
        if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd_);
            throw std::runtime_error("the shard set " + dir.string() +
                                     " is being written by another quorum-index; wait for it to finish and run again");
        }
    }
    ~RunLock() { ::close(fd_); }
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

private:
    int fd_ = -1;
};

// A shard set (shard_set.hpp): the run updates OUT/whole, then the set follows it. A new
// set is built in a folder beside OUT and moved into place whole.
void index_set(const RunOptions& options, std::vector<Task> all, const RunSettings& settings, RunSummary& summary,
               const Progress& progress) {
    namespace ss = shard_set;
    const fs::path out = clean(options.db);
    RunOptions inner = options;
    std::error_code ec;
    const SetState state = shard_set_state(out);
    const bool converting = state == SetState::unfinished && options.shards > 0 && !is_new_index(out / ss::whole_dir);
    if (state == SetState::unfinished && !converting)
        throw std::runtime_error(out.string() + " holds an unfinished shard set (OUT/whole without a set cut from " +
                                 "it): run again with --shards N to cut it");
    // One run at a time, from indexing OUT/whole (whose own lock ends at its commit) to the
    // end of the copy.
    std::optional<RunLock> lock;
    if (converting || state == SetState::set) lock.emplace(out);
    if (converting) {
        // An index moved to OUT/whole becomes a set without indexing again; what an
        // interrupted conversion left beside it is made again.
        fs::remove_all(out / ss::local_dir, ec);
        for (unsigned k = 0; k < 4096 && fs::exists(out / ss::shard_dir(k), ec); ++k) fs::remove_all(out / ss::shard_dir(k), ec);
        fs::remove(out / "XAPIANDB", ec);
    }
    if (converting || state == SetState::set) {
        const unsigned n = converting ? options.shards : shard_set_size(out);
        if (options.shards != 0 && options.shards != n)
            throw std::runtime_error(out.string() + " is a set of " + std::to_string(n) + " shards, not " +
                                     std::to_string(options.shards) +
                                     ": run without --shards to update it, or build a new set into a new folder");
        inner.db = out / ss::whole_dir;
        const std::string before = revision_of(inner.db);
        auto changed = index_one(inner, std::move(all), settings, summary, progress);
        const auto start = std::chrono::steady_clock::now();
        SetSyncCounts c = sync_shard_set(out, n, before, changed ? &*changed : nullptr);
        summary.set_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        summary.shards = n;
        summary.set_copied = c.copied;
        summary.set_deleted = c.deleted;
        summary.set_full_copy = c.full;
        return;
    }
    if (!is_new_index(out))
        throw std::runtime_error(out.string() + " already holds a single index: to make a shard set of it without " +
                                 "indexing again, move it to NEW/whole and run quorum-index --db NEW --shards N with " +
                                 "the same inputs; or run without --shards to update it");
    const fs::path work = make_build_folder(out);
    const RemoveOnExit cleanup{work};
    inner.db = work / ss::whole_dir;
    // The set is cut from the build's parts; what the decisions pass writes after the cut
    // is copied as a later run's changes are.
    std::string cut_revision;
    auto changed = index_one(inner, std::move(all), settings, summary, progress, options.shards, &cut_revision);
    const auto start = std::chrono::steady_clock::now();
    SetSyncCounts c = sync_shard_set(work, options.shards, cut_revision, changed ? &*changed : nullptr);
    summary.set_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    summary.shards = options.shards;
    summary.set_copied = c.copied;
    summary.set_deleted = c.deleted;
    summary.set_full_copy = c.full;
    if (fs::exists(out, ec)) fs::remove(out, ec);  // an empty folder (is_new_index)
    fs::rename(work, out, ec);
    if (ec)
        throw std::runtime_error("cannot move the new shard set into place at " + out.string() + ": " + ec.message() +
                                 " (another quorum-index may have created it meanwhile; run again)");
}

}  // namespace

RunSummary run_index(const RunOptions& options, const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    RunSummary summary;
    std::vector<Task> all = collect_tasks(options, summary);
    summary.files = all.size();
    const RunSettings settings = load_run_settings(options);
    remove_stale_builds(options.db);
    if (options.shards > 0 || shard_set_state(clean(options.db)) != SetState::none)
        index_set(options, std::move(all), settings, summary, progress);
    else
        (void)index_one(options, std::move(all), settings, summary, progress);
    summary.index_bytes = directory_bytes(options.db);
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

}  // namespace quorum::index
