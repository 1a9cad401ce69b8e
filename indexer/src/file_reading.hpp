// Reading one input file on a reader thread: hash, read, build its Xapian documents.
#pragma once

#include <optional>
#include <vector>

#include "input_collection.hpp"
#include "quorum/corpus/reader.hpp"
#include "quorum/index/document_builder.hpp"

namespace quorum::index {

struct Outcome {
    enum class Kind { indexed, touched, failed } kind = Kind::failed;
    FileSignature signature;
    BuiltFile built;
    std::optional<corpus::FileResult> file;  // kept for the decisions pass
    std::vector<corpus::Diagnostic> diagnostics;
    corpus::FileCoverage coverage;  // counts only; the source text is dropped after measuring
};

// Reads `task` with `topics` and builds it; `touched` when only its mtime changed. Never
// throws: a file that cannot be read is `failed`, with the reason in diagnostics.
[[nodiscard]] Outcome read_task(const Task& task, DocumentBuilder& builder, const corpus::TopicRules& topics);

// A file's reading as the decisions pass needs it: the whole archive's readings are held
// at once, so units the pass never reads are dropped as soon as the file is written.
[[nodiscard]] corpus::FileResult for_decisions(corpus::FileResult&& file);

}  // namespace quorum::index
