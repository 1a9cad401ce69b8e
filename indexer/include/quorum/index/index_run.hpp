// One quorum-index run: collect inputs, read and build them on a thread pool, and write them.
// A first build (no index at the path yet) gives each thread a contiguous share of the
// files and its own shard, merges the shards in input order and moves the finished index
// into place. A later run updates the index in place with the single IndexWriter, in input
// order, and commits once. Either way the same inputs give the same index.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "quorum/corpus/coverage.hpp"
#include "quorum/corpus/model.hpp"

namespace quorum::index {

struct RunOptions {
    std::filesystem::path db;
    std::vector<std::filesystem::path> inputs;
    bool prune = false;
    bool force = false;                                // re-index files even when unchanged
    unsigned threads = 0;                              // 0 = hardware concurrency
    std::optional<std::filesystem::path> topics_file;  // topic rules (id<TAB>name<TAB>patterns; default: built in)
    std::optional<std::filesystem::path> terms_file;   // council terms (default: compiled in)
    std::optional<std::filesystem::path> thesaurus_file;      // the hybrid mode's thesaurus (default: compiled in)
    std::optional<std::filesystem::path> related_words_file;  // and its related words (default: compiled in)
    std::string as_of;  // decisions pass: statuses relative to this date (YYYY-MM-DD); "" = today
    // Learn related words from this archive's own units (fastText) after the run, and keep
    // them in the index beside the built-in ones (they win for the words they cover).
    bool learn_words = false;
    // The decisions pass analyses one council at a time. A run that reads at most this many
    // MB of files keeps their readings for it; a larger one reads each council again, so
    // that memory follows the largest council, not the archive.
    double keep_readings_mb = 32;
    // Write a shard set of this many shards at `db` instead of one index (shard_set.hpp);
    // 0: a single index, or the set already at `db` with its own count.
    unsigned shards = 0;
};

struct RunSummary {
    std::size_t files = 0, indexed = 0, unchanged = 0, failed = 0, removed_files = 0;
    std::size_t units_added = 0, units_replaced = 0, units_deleted = 0;
    std::map<std::string, std::size_t> units_by_type;  // of the files indexed in this run
    std::uint64_t bytes_read = 0;                      // bytes of the files (re)indexed
    std::uint64_t index_bytes = 0;                     // size of the database directory after the run
    std::uint64_t total_units = 0;
    double seconds = 0;
    std::vector<std::pair<std::string, double>> phase_seconds;  // a first (sharded) build's phases, in order
    std::vector<double> phase_peak_mb;  // the peak resident memory (MB) reached by the end of each phase
    bool committed = false;
    std::size_t words_learnt = 0;  // --learn-words: words given related words from this archive
    std::vector<corpus::Diagnostic> problems;  // failed files and warnings, by file
    std::map<std::string, std::size_t> notes;  // info diagnostics, counted by code ("ocr-page": pages read by OCR)
    corpus::CoverageTotals coverage;           // text of the files read in this run found in units (issue 12)
    // The decisions pass (run when anything changed, or the stored records are stale).
    bool decisions_computed = false;
    std::size_t decisions = 0, links = 0, threads = 0, people = 0, committees = 0;
    std::size_t files_reread = 0;      // files read again for the decisions pass
    // Files written again with the council of the papers they share a meeting with (or of a
    // one-council archive), since they name none themselves (issue 17).
    std::size_t files_given_council = 0;
    std::size_t decision_councils = 0;  // councils the decisions pass analysed, one at a time
    std::size_t records_unchanged = 0;  // decision, person and committee records kept as stored
    double decision_read_seconds = 0, decision_analyse_seconds = 0, decision_write_seconds = 0;
    // A shard set: its shards, and the documents this run copied to (or deleted from) them.
    unsigned shards = 0;
    std::size_t set_copied = 0, set_deleted = 0;
    bool set_full_copy = false;  // every document copied: a new set, or one a killed run left behind
    double set_seconds = 0;
};

// Progress callback: (files done, files to read, current file).
using Progress = std::function<void(std::size_t, std::size_t, const std::string&)>;

// Runs the whole pipeline. Throws std::runtime_error when the index cannot be opened,
// written or committed (nothing of the run is then visible); bad files are only reported.
[[nodiscard]] RunSummary run_index(const RunOptions& options, const Progress& progress = {});

}  // namespace quorum::index
