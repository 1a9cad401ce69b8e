#include "quorum/index/index_run.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "quorum/corpus/decisions.hpp"
#include "quorum/corpus/reader.hpp"
#include "quorum/index/document_builder.hpp"
#include "quorum/index/index_writer.hpp"
#include "quorum/index/text_fold.hpp"

namespace quorum::corpus {
extern const char* const kDefaultTopicsData;  // corpus/data/topics.tsv, compiled into quorum_corpus
}

namespace quorum::index {
namespace fs = std::filesystem;

namespace {

struct Task {
    std::string key;
    fs::path path;
    fs::path root;
    FileSignature signature;
    std::string stored_hash;  // set when only the mtime differs: a hash decides
};

struct Outcome {
    enum class Kind { indexed, touched, failed } kind = Kind::failed;
    FileSignature signature;
    BuiltFile built;
    std::optional<corpus::FileResult> file;  // kept for the decisions pass
    std::vector<corpus::Diagnostic> diagnostics;
};

corpus::Diagnostic problem(const std::string& file, const std::string& code, const std::string& message,
                           corpus::Diagnostic::Severity severity = corpus::Diagnostic::Severity::error) {
    corpus::Diagnostic d;
    d.severity = severity;
    d.file = file;
    d.code = code;
    d.message = message;
    return d;
}

std::string read_text_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path.string() + ": check that it exists and is readable");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

NameTable topic_names(const std::optional<fs::path>& file) {
    std::string tsv = file ? read_text_file(*file) : std::string(corpus::kDefaultTopicsData);
    NameTable names;
    std::istringstream in(tsv);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        auto tab2 = line.find('\t', tab + 1);
        names.set(line.substr(0, tab), line.substr(tab + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab - 1));
    }
    return names;
}

fs::path clean(const fs::path& p) {
    fs::path a = fs::absolute(p).lexically_normal();
    if (a.has_relative_path() && a.filename().empty()) a = a.parent_path();
    return a;
}

std::uint64_t directory_bytes(const fs::path& dir) {
    std::uint64_t total = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) total += it->file_size(ec);
    return total;
}

// Collect (key, path, root) for every input file; keys are paths relative to the parent
// of the input folder, like document ids.
std::vector<Task> collect(const RunOptions& options, RunSummary& summary) {
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
                summary.problems.push_back(problem(in.string(), "unsupported",
                                                   "not a .txt, .md, .html, .htm or .pdf file: skipped"));
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
    // Two names that slugify alike ("a b.md" and "a\u00a0b.md") give one document id, and
    // the later file would silently replace the earlier one's units: say so.
    std::map<std::string, const Task*> by_id;
    for (const Task& t : tasks) {
        auto [it, fresh] = by_id.emplace(corpus::document_base_id(t.path, t.root), &t);
        if (!fresh)
            summary.problems.push_back(problem(t.key, "duplicate-id",
                                               "reads to the same document id \"" + it->first + "\" as " +
                                                   it->second->key +
                                                   ": its units replace that file's; rename one of the two files"));
    }
    return tasks;
}

Outcome process(const Task& task, DocumentBuilder& builder) {
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
        corpus::FileResult result = corpus::read_file(task.path, read_options);
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

// The folder a stored file was read under: the part of its path before its key plus the
// key's first component (keys are relative to the parent of the input folder).
fs::path root_of(const std::string& key, const fs::path& path) {
    fs::path k(key);
    if (k.is_absolute()) return path.parent_path();
    fs::path base = path;
    for (auto it = k.begin(); it != k.end(); ++it) base = base.parent_path();
    return base / *k.begin();
}

// The whole archive for the decisions pass: files read in this run are reused, every
// other indexed file whose path still exists is read again (on `threads` threads).
// Files are merged in key order, so the same inputs give the same archive.
corpus::Archive whole_archive(const IndexWriter& writer, std::map<std::string, corpus::FileResult>& read,
                              const std::map<std::string, fs::path>& roots, unsigned threads, RunSummary& summary) {
    struct Job {
        std::string key;
        fs::path path, root;
        std::optional<corpus::FileResult> result;
    };
    std::vector<Job> jobs;
    for (const auto& f : writer.stored_files()) {
        if (read.count(f.key) || f.path.empty()) continue;
        std::error_code ec;
        if (!fs::is_regular_file(f.path, ec)) continue;  // gone without --prune: its units stay, its decisions go
        auto r = roots.find(f.key);
        jobs.push_back({f.key, f.path, r != roots.end() ? r->second : root_of(f.key, f.path), std::nullopt});
    }
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    for (unsigned i = 0; i < std::max(1u, threads) && i < jobs.size(); ++i)
        pool.emplace_back([&] {
            for (std::size_t j; (j = next++) < jobs.size();) {
                corpus::ReadOptions read_options;
                read_options.root = jobs[j].root;
                try {
                    jobs[j].result = corpus::read_file(jobs[j].path, read_options);
                } catch (const std::exception&) {
                    // Readers do not throw for bad data; a file that vanished mid-run is left out.
                }
            }
        });
    for (auto& t : pool) t.join();
    for (auto& job : jobs)
        if (job.result && job.result->ok) {
            read.emplace(job.key, std::move(*job.result));
            ++summary.files_reread;
        }
    corpus::Archive archive;
    std::set<std::string> indexed;
    for (const auto& f : writer.stored_files()) indexed.insert(f.key);
    for (auto& [key, result] : read)
        if (indexed.count(key)) corpus::merge_into(archive, std::move(result));
    read.clear();
    return archive;
}

std::map<std::string, UnitPlace> unit_places(const corpus::Archive& archive) {
    std::map<std::string, UnitPlace> out;
    for (const auto& d : archive.documents)
        for (const auto& u : d.units) out[u.id] = UnitPlace{d.council, u.page};
    return out;
}

}  // namespace

RunSummary run_index(const RunOptions& options, const Progress& progress) {
    auto start = std::chrono::steady_clock::now();
    RunSummary summary;
    std::vector<Task> all = collect(options, summary);
    summary.files = all.size();
    std::set<std::string> seen;
    std::map<std::string, fs::path> roots;  // key -> input folder, for the decisions pass
    for (const auto& t : all) {
        seen.insert(t.key);
        roots.emplace(t.key, t.root);
    }
    std::map<std::string, corpus::FileResult> read_files;  // read in this run, by key

    std::string options_fingerprint;
    std::string terms_tsv = options.terms_file ? read_text_file(*options.terms_file) : std::string(default_council_terms());
    NameTable topics = topic_names(options.topics_file);
    if (options.topics_file) options_fingerprint = "topics:" + content_hash(read_text_file(*options.topics_file));

    IndexWriter writer(options.db, options_fingerprint);
    writer.set_council_terms(parse_council_terms(terms_tsv));

    // Unchanged files are skipped on size + mtime without reading them.
    std::vector<Task> tasks;
    for (auto& t : all) {
        try {
            t.signature = stat_signature(t.path);
        } catch (const std::exception& e) {
            summary.problems.push_back(problem(t.path.string(), "unreadable", e.what()));
            ++summary.failed;
            continue;
        }
        if (!options.force) {
            if (writer.unchanged(t.key, t.signature)) {
                ++summary.unchanged;
                continue;
            }
            if (auto stored = writer.stored(t.key); stored && stored->signature.size == t.signature.size &&
                                                     writer.unchanged(t.key, FileSignature{t.signature.size, 0, stored->signature.hash}))
                t.stored_hash = stored->signature.hash;
        }
        tasks.push_back(std::move(t));
    }

    // Readers run ahead of the writer by at most `window` files, so memory stays bounded.
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    const std::size_t window = 4 * static_cast<std::size_t>(threads);
    std::vector<std::optional<Outcome>> slots(tasks.size());
    std::mutex mutex;
    std::condition_variable ready, room;
    std::size_t next_task = 0, written = 0;
    std::vector<std::thread> pool;
    for (unsigned i = 0; i < threads && i < tasks.size(); ++i) {
        pool.emplace_back([&] {
            DocumentBuilder builder(topics);
            for (;;) {
                std::size_t index;
                {
                    std::unique_lock lock(mutex);
                    room.wait(lock, [&] { return next_task >= tasks.size() || next_task < written + window; });
                    if (next_task >= tasks.size()) return;
                    index = next_task++;
                }
                Outcome outcome = process(tasks[index], builder);
                {
                    std::lock_guard lock(mutex);
                    slots[index] = std::move(outcome);
                }
                ready.notify_all();
            }
        });
    }

    auto join_pool = [&] {
        {
            std::lock_guard lock(mutex);
            written = tasks.size();  // releases waiting readers
            next_task = tasks.size();
        }
        room.notify_all();
        for (auto& t : pool)
            if (t.joinable()) t.join();
    };

    try {
        for (std::size_t i = 0; i < tasks.size(); ++i) {
            Outcome outcome;
            {
                std::unique_lock lock(mutex);
                ready.wait(lock, [&] { return slots[i].has_value(); });
                outcome = std::move(*slots[i]);
                slots[i].reset();
                written = i + 1;
            }
            room.notify_all();
            const Task& task = tasks[i];
            if (progress) progress(i + 1, tasks.size(), task.key);
            for (auto& d : outcome.diagnostics)
                if (d.severity != corpus::Diagnostic::Severity::info) summary.problems.push_back(std::move(d));
            switch (outcome.kind) {
                case Outcome::Kind::touched:
                    writer.touch_file(task.key, task.path, outcome.signature);
                    ++summary.unchanged;
                    break;
                case Outcome::Kind::failed:
                    ++summary.failed;  // its previous units (if any) stay as they were
                    break;
                case Outcome::Kind::indexed: {
                    for (const auto& [type, n] : outcome.built.units_by_type) summary.units_by_type[type] += n;
                    WriteCounts c = writer.write_file(task.key, task.path, outcome.signature, std::move(outcome.built));
                    summary.units_added += c.added;
                    summary.units_replaced += c.replaced;
                    summary.units_deleted += c.deleted;
                    summary.bytes_read += outcome.signature.size;
                    ++summary.indexed;
                    if (outcome.file) read_files.insert_or_assign(task.key, std::move(*outcome.file));
                    break;
                }
            }
        }
    } catch (...) {
        join_pool();
        throw;
    }
    join_pool();

    if (options.prune) {
        for (const auto& f : writer.stored_files()) {
            std::error_code ec;
            if (seen.count(f.key) || (!f.path.empty() && fs::is_regular_file(f.path, ec))) continue;
            summary.units_deleted += writer.remove_file(f.key);
            ++summary.removed_files;
        }
    }

    // Decisions link records across files, so any change recomputes them over the whole
    // archive; the new records go into the same transaction as the units.
    if (writer.changed() || options.force || !writer.decisions_current()) {
        corpus::Archive archive = whole_archive(writer, read_files, roots, threads, summary);
        corpus::DecisionOptions decision_options;
        decision_options.as_of = options.as_of;
        corpus::DecisionAnalysis analysis = corpus::analyse_decisions(archive, decision_options);
        DecisionCounts c = writer.write_decisions(analysis, unit_places(archive));
        summary.decisions_computed = true;
        summary.decisions = c.decisions;
        summary.links = c.links;
        summary.threads = c.threads;
        summary.people = c.people;
        summary.committees = c.committees;
    }
    read_files.clear();

    writer.commit();
    summary.committed = true;
    summary.total_units = writer.unit_count();
    summary.index_bytes = directory_bytes(options.db);
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

}  // namespace quorum::index
