#include "input_collection.hpp"

#include <map>
#include <set>

#include "quorum/corpus/reader.hpp"

namespace quorum::index {
namespace fs = std::filesystem;

corpus::Diagnostic problem(const std::string& file, const std::string& code, const std::string& message,
                           corpus::Diagnostic::Severity severity) {
    corpus::Diagnostic d;
    d.severity = severity;
    d.file = file;
    d.code = code;
    d.message = message;
    return d;
}

bool take_signature(Task& task, RunSummary& summary) {
    try {
        task.signature = stat_signature(task.path);
        return true;
    } catch (const std::exception& e) {
        summary.problems.push_back(problem(task.path.string(), "unreadable", e.what()));
        ++summary.failed;
        return false;
    }
}

fs::path clean(const fs::path& p) {
    fs::path a = fs::absolute(p).lexically_normal();
    if (a.has_relative_path() && a.filename().empty()) a = a.parent_path();
    return a;
}

// Collect (key, path, root) for every input file; keys are paths relative to the parent
// of the input folder, like document ids.
std::vector<Task> collect_tasks(const RunOptions& options, RunSummary& summary) {
    std::vector<Task> tasks;
    std::set<std::string> keys;
    for (const auto& input : options.inputs) {
        fs::path in = clean(input);
        std::error_code ec;
        if (!fs::exists(in, ec)) {
            summary.problems.push_back(problem(input.string(), "not-found",
                                               "input not found: check the path (files or folders are accepted)"));
            continue;
        }
        std::vector<fs::path> files;
        fs::path root, base;
        if (fs::is_directory(in, ec)) {
            std::vector<corpus::Diagnostic> diagnostics;
            files = corpus::collect_inputs({in}, diagnostics);
            for (auto& d : diagnostics) summary.problems.push_back(std::move(d));
            root = in;
            base = in.parent_path();
        } else {
            if (!corpus::is_supported_file(in)) {
                summary.problems.push_back(
                    problem(in.string(), "unsupported", "not a .txt, .md, .html, .htm or .pdf file: skipped"));
                continue;
            }
            files.push_back(in);
            root = in.parent_path();
            base = root.parent_path();
        }
        for (const auto& f : files) {
            fs::path abs = clean(f);
            std::string key = abs.lexically_relative(base).generic_string();
            if (key.empty() || key.rfind("..", 0) == 0) key = abs.generic_string();
            if (!keys.insert(key).second) continue;
            tasks.push_back({key, abs, root, {}, {}});
        }
    }
    // Two names that slug alike ("a b.md" and "a\u00a0b.md") would give one document id, and
    // one file's units would replace the other's: ids are made distinct over the whole run.
    std::vector<corpus::IdSource> sources;
    for (const Task& t : tasks) sources.push_back({t.path, t.root});
    const std::vector<std::string> ids = corpus::document_ids(sources);
    for (std::size_t i = 0; i < tasks.size(); ++i) tasks[i].doc_id = ids[i];
    return tasks;
}

}  // namespace quorum::index
