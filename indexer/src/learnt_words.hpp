// quorum-index --learn-words: after a run, learn related words from the archive's own
// units (word_vectors.hpp) and keep them in the index (IndexWriter::set_learnt_words).
#pragma once

#include "quorum/index/index_run.hpp"
#include "run_settings.hpp"

namespace quorum::index {

// Throws std::runtime_error when fastText is not built in or the index cannot be read.
void learn_words(const RunOptions& options, const RunSettings& settings, RunSummary& summary);

}  // namespace quorum::index
