// quorum-index --learn-words: after a run, learn related words from the archive's own
// units (word_vectors.hpp) and keep them in the index (IndexWriter::set_learnt_words).
#pragma once

#include <filesystem>
#include <ostream>

#include "quorum/index/index_run.hpp"
#include "run_settings.hpp"

namespace quorum::index {

// Appends the units' texts of the index at `db_dir` to `out` as fastText reads them: one
// unit a line, lower-case words. Item units repeat their paragraphs and are left out, so
// no passage counts twice. Returns the units written.
std::size_t write_training_text(const std::filesystem::path& db_dir, std::ostream& out);

// Throws std::runtime_error when fastText is not built in or the index cannot be read.
void learn_words(const RunOptions& options, const RunSettings& settings, RunSummary& summary);

}  // namespace quorum::index
