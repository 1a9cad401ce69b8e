#include "file_reading.hpp"

#include "quorum/decisions/decisions.hpp"

namespace quorum::index {

Outcome read_task(const Task& task, DocumentBuilder& builder, const corpus::TopicRules& topics) {
    Outcome out;
    out.signature = task.signature;
    try {
        out.signature.hash = file_hash(task.path);
        if (!task.stored_hash.empty() && out.signature.hash == task.stored_hash) {
            out.kind = Outcome::Kind::touched;
            return out;
        }
        corpus::ReadOptions read_options;
        read_options.root = task.root;
        read_options.doc_id = task.doc_id;
        read_options.topics = topics;
        read_options.council = task.council;
        read_options.keep_source = true;
        corpus::FileResult result = corpus::read_file(task.path, read_options);
        out.coverage = corpus::measure_coverage(result, corpus::CoverageOptions{0});
        result.source.reset();
        out.diagnostics = std::move(result.diagnostics);
        if (!result.ok) {
            if (out.diagnostics.empty())
                out.diagnostics.push_back(problem(task.path.string(), "unreadable", "the file could not be read"));
            out.kind = Outcome::Kind::failed;
            return out;
        }
        out.built = builder.build(result, task.key);
        out.file = std::move(result);
        out.kind = Outcome::Kind::indexed;
    } catch (const std::exception& e) {
        out.kind = Outcome::Kind::failed;
        out.diagnostics.push_back(problem(task.path.string(), "failed", e.what()));
    }
    return out;
}

corpus::FileResult for_decisions(corpus::FileResult&& file) {
    for (auto& d : file.documents) decisions::keep_decision_inputs(d);
    file.diagnostics.clear();
    file.diagnostics.shrink_to_fit();
    return std::move(file);
}

}  // namespace quorum::index
