// A later run on an existing index: unchanged files are skipped, the others are read on a
// thread pool and written in input order by the one IndexWriter, in one commit.
#pragma once

#include <vector>

#include <xapian.h>

#include "input_collection.hpp"
#include "quorum/index/index_run.hpp"
#include "run_settings.hpp"

namespace quorum::index {

// Updates the index at options.db with `all` (every collected file), prunes and recomputes
// the decisions as options say, and commits. Throws std::runtime_error when the index
// cannot be opened, written or committed (nothing of the run is then visible). Returns
// the docids the run wrote or deleted (IndexWriter::changed_docids).
std::vector<Xapian::docid> update_index(const RunOptions& options, std::vector<Task> all, const RunSettings& settings, RunSummary& summary,
                  const Progress& progress);

}  // namespace quorum::index
