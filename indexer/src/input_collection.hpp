// The files a run reads: every input file or folder -> one Task per file, keyed like
// document ids, with the problems found on the way.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "quorum/corpus/model.hpp"
#include "quorum/index/index_run.hpp"
#include "quorum/index/index_writer.hpp"

namespace quorum::index {

struct Task {
    std::string key;
    std::filesystem::path path;
    std::filesystem::path root;
    FileSignature signature;
    std::string stored_hash;  // set when only the mtime differs: a hash decides
    std::string doc_id;       // its documents' id, distinct in the run (corpus::document_ids)
    std::string council;      // the council the last run gave it (corpus::ReadOptions::council)
};

// Every input file, in input order; keys are paths relative to the parent of the input
// folder, like document ids; each has a document id no other file of the run has.
// Missing and unsupported inputs are reported in summary.problems.
[[nodiscard]] std::vector<Task> collect_tasks(const RunOptions& options, RunSummary& summary);

// A problem of one file, as RunSummary::problems holds them.
[[nodiscard]] corpus::Diagnostic problem(const std::string& file, const std::string& code, const std::string& message,
                                         corpus::Diagnostic::Severity severity = corpus::Diagnostic::Severity::error);

// Reads the file's size and mtime into task.signature; false (the file reported as unreadable
// and counted as failed) when it cannot be read.
[[nodiscard]] bool take_signature(Task& task, RunSummary& summary);

// Absolute, normalised, without a trailing slash.
[[nodiscard]] std::filesystem::path clean(const std::filesystem::path& p);

}  // namespace quorum::index
