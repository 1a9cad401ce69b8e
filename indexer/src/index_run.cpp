// run_index: resolve the options, collect the inputs, then a first (sharded) build or an
// update of the existing index. The steps are in the files named after them.
#include "quorum/index/index_run.hpp"

#include <chrono>

#include "first_build.hpp"
#include "incremental_run.hpp"
#include "input_collection.hpp"
#include "learnt_words.hpp"
#include "run_settings.hpp"

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

}  // namespace

RunSummary run_index(const RunOptions& options, const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    RunSummary summary;
    std::vector<Task> all = collect_tasks(options, summary);
    summary.files = all.size();
    const RunSettings settings = load_run_settings(options);
    remove_stale_builds(options.db);
    if (is_new_index(options.db))
        build_new_index(options, std::move(all), settings, summary, progress);
    else
        update_index(options, std::move(all), settings, summary, progress);
    if (options.learn_words) learn_words(options, settings, summary);
    summary.index_bytes = directory_bytes(options.db);
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

}  // namespace quorum::index
