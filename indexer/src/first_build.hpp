// The first build of an index: each thread reads, builds and writes its own shard of
// contiguous files; the shards are merged in input order into a new database beside the
// target, which gets meetings, names, synonyms and decisions in one commit and is then
// renamed into place. Nothing appears at RunOptions::db until the index is complete.
#pragma once

#include <filesystem>
#include <vector>

#include "input_collection.hpp"
#include "quorum/index/index_run.hpp"
#include "run_settings.hpp"

namespace quorum::index {

// True when `db` holds no index yet: a first build can then write shards and merge them.
[[nodiscard]] bool is_new_index(const std::filesystem::path& db);

// Removes the build folders (".DB.building-PID") beside `db` whose process is gone: a first
// build killed before its rename leaves a partial index there, one killed just after it an
// empty folder. Every run calls it, not only first builds, since after such a kill the next
// run is an incremental one.
void remove_stale_builds(const std::filesystem::path& db);

// Removes a build folder when the run ends, whether it finished (the folder was renamed
// away, so nothing is left) or failed (the partial build goes).
struct RemoveOnExit {
    std::filesystem::path dir;
    ~RemoveOnExit() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

// A new, empty build folder beside `db` (".DB.building-PID"), after removing stale ones.
[[nodiscard]] std::filesystem::path make_build_folder(const std::filesystem::path& db);

// Builds the index at options.db from `all` (every collected file, each with its own
// document id). Throws std::runtime_error when the index cannot
// be written; bad files are only reported in summary.problems.
//
// With `set_shards` > 0, options.db is OUT/whole of a new shard set: the set's local and
// shards are also cut, into options.db's folder, from the build's parts (shard_set_cut.hpp),
// before the decisions pass. Returns, then, the docids written after the cut, and
// `cut_revision` the revision of OUT/whole the cut followed: what sync_shard_set still copies.
std::vector<Xapian::docid> build_new_index(const RunOptions& options, std::vector<Task> all,
                                           const RunSettings& settings, RunSummary& summary, const Progress& progress,
                                           unsigned set_shards = 0, std::string* cut_revision = nullptr);

}  // namespace quorum::index
