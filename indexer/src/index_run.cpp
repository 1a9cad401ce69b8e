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

#include <malloc.h>
#include <signal.h>
#include <unistd.h>
#include <cerrno>

#include "quorum/decisions/decisions.hpp"
#include "quorum/corpus/reader.hpp"
#include "quorum/index/document_builder.hpp"
#include "quorum/index/index_writer.hpp"
#include "quorum/index/text_fold.hpp"
#include "shard_writer.hpp"

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
    bool shadowed = false;    // a later input reads to the same document id and replaces it
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
        names.set(line.substr(0, tab),
                  line.substr(tab + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab - 1));
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
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
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
    // Two names that slugify alike ("a b.md" and "a\u00a0b.md") give one document id, and
    // the later file would silently replace the earlier one's units: say so.
    std::map<std::string, const Task*> by_id;
    for (const Task& t : tasks) {
        auto [it, fresh] = by_id.emplace(corpus::document_base_id(t.path, t.root), &t);
        if (!fresh) {
            summary.problems.push_back(problem(t.key, "duplicate-id",
                                               "reads to the same document id \"" + it->first + "\" as " +
                                                   it->second->key +
                                                   ": its units replace that file's; rename one of the two files"));
            const_cast<Task*>(it->second)->shadowed = true;
            it->second = &t;
        }
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

// A file's reading as the decisions pass needs it: the whole archive's readings are held
// at once, so units the pass never reads are dropped as soon as the file is written.
corpus::FileResult for_decisions(corpus::FileResult&& file) {
    for (auto& d : file.documents) decisions::keep_decision_inputs(d);
    file.diagnostics.clear();
    file.diagnostics.shrink_to_fit();
    return std::move(file);
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
            read.emplace(job.key, for_decisions(std::move(*job.result)));
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

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// True when `db` holds no index yet: a first build can then write shards and merge them.
bool is_new_index(const fs::path& db) {
    std::error_code ec;
    if (!fs::exists(db, ec)) return true;
    return fs::is_directory(db, ec) && fs::is_empty(db, ec);
}

// Splits tasks[0..n) into `parts` contiguous ranges of about equal bytes; returns the
// starts (parts + 1 entries). Contiguous ranges keep docids in input order after the merge.
std::vector<std::size_t> split_by_size(const std::vector<Task>& tasks, std::size_t parts) {
    std::uint64_t total = 0;
    for (const auto& t : tasks) total += std::max<std::uint64_t>(1, t.signature.size);
    std::vector<std::size_t> starts{0};
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < tasks.size() && starts.size() < parts; ++i) {
        sum += std::max<std::uint64_t>(1, tasks[i].signature.size);
        if (sum * parts >= total * starts.size()) starts.push_back(i + 1);
    }
    while (starts.size() < parts) starts.push_back(tasks.size());
    starts.push_back(tasks.size());
    return starts;
}

// Removes build folders left by runs that were killed (their process is gone).
void remove_stale_builds(const fs::path& db) {
    std::error_code ec;
    const std::string prefix = "." + db.filename().string() + ".building-";
    for (auto it = fs::directory_iterator(db.parent_path(), ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
        if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM)) continue;
        fs::remove_all(it->path(), ec);
    }
}

struct NewIndexInputs {
    const NameTable& topics;
    std::string options_fingerprint;
    std::vector<std::pair<std::string, std::string>> council_terms;
};

// The first build of an index: each thread reads, builds and writes its own shard of
// contiguous files; the shards are merged in input order into a new database beside the
// target, which gets meetings, names, synonyms and decisions in one commit and is then
// renamed into place. Nothing appears at `options.db` until the index is complete.
void build_new_index(const RunOptions& options, std::vector<Task>& tasks, const NewIndexInputs& in, unsigned threads,
                     RunSummary& summary, const Progress& progress) {
    fs::path db = clean(options.db);
    std::error_code ec;
    fs::create_directories(db.parent_path(), ec);
    remove_stale_builds(db);
    fs::path work = db.parent_path() / ("." + db.filename().string() + ".building-" + std::to_string(::getpid()));
    fs::remove_all(work, ec);
    if (!fs::create_directories(work, ec))
        throw std::runtime_error("cannot create " + work.string() + ": " + ec.message() +
                                 "; check that the index's folder is writable");
    auto phase = std::chrono::steady_clock::now();
    struct Cleanup {
        fs::path dir;
        ~Cleanup() {
            std::error_code e;
            fs::remove_all(dir, e);
        }
    } cleanup{work};

    const std::size_t parts = std::max<std::size_t>(1, std::min<std::size_t>(threads, tasks.size()));
    const std::vector<std::size_t> starts = split_by_size(tasks, parts);
    std::vector<fs::path> shards;
    for (std::size_t i = 0; i < parts; ++i) shards.push_back(work / ("shard-" + std::to_string(i)));

    std::vector<std::vector<corpus::Diagnostic>> diagnostics(tasks.size());
    std::map<std::string, corpus::FileResult> read_files;
    BuiltFile names;  // committee, person and topic names and slot counts of every file
    std::mutex mutex;
    std::size_t done = 0;
    std::atomic<bool> stop{false};
    std::exception_ptr failure;
    std::vector<std::thread> pool;
    for (std::size_t part = 0; part < parts; ++part) {
        pool.emplace_back([&, part] {
            try {
                ShardWriter shard(shards[part], in.options_fingerprint);
                DocumentBuilder builder(in.topics);
                for (std::size_t i = starts[part]; i < starts[part + 1] && !stop; ++i) {
                    Task& task = tasks[i];
                    Outcome outcome = process(task, builder);
                    std::size_t units = 0;
                    if (outcome.kind == Outcome::Kind::indexed)
                        units = shard.add_file(task.key, task.path, outcome.signature, outcome.built);
                    std::lock_guard lock(mutex);
                    diagnostics[i] = std::move(outcome.diagnostics);
                    if (outcome.kind == Outcome::Kind::indexed) {
                        for (const auto& [type, n] : outcome.built.units_by_type) summary.units_by_type[type] += n;
                        summary.units_added += units;
                        summary.bytes_read += outcome.signature.size;
                        ++summary.indexed;
                        names.committee_names.merge(outcome.built.committee_names);
                        names.person_names.merge(outcome.built.person_names);
                        names.topic_names.merge(outcome.built.topic_names);
                        names.person_slots_used = std::max(names.person_slots_used, outcome.built.person_slots_used);
                        names.topic_slots_used = std::max(names.topic_slots_used, outcome.built.topic_slots_used);
                        if (outcome.file)
                            read_files.insert_or_assign(task.key, for_decisions(std::move(*outcome.file)));
                    } else {
                        ++summary.failed;
                    }
                    if (progress) progress(++done, tasks.size(), task.key);
                }
                shard.finish();
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!failure) failure = std::current_exception();
                stop = true;
            }
        });
    }
    for (auto& t : pool) t.join();
    summary.phase_seconds.emplace_back("read and write shards", seconds_since(phase));
    phase = std::chrono::steady_clock::now();
    if (failure) std::rethrow_exception(failure);
    for (auto& list : diagnostics)
        for (auto& d : list)
            if (d.severity != corpus::Diagnostic::Severity::info) summary.problems.push_back(std::move(d));

    // The shard writers' memory is free now; give it back before the decisions pass grows.
    ::malloc_trim(0);
    fs::path merged = work / "index";
    merge_shards(shards, merged);
    for (const auto& s : shards) fs::remove_all(s, ec);
    summary.phase_seconds.emplace_back("merge shards", seconds_since(phase));
    phase = std::chrono::steady_clock::now();
    {
        // No reader sees `merged` before the rename below: batches of changes are flushed as
        // they come instead of being held for one commit.
        IndexWriter writer(merged, in.options_fingerprint, WriteMode::private_build);
        writer.set_council_terms(in.council_terms);
        writer.add_names(names);
        writer.touch_every_meeting();
        std::map<std::string, fs::path> roots;
        for (const auto& t : tasks) roots.emplace(t.key, t.root);
        corpus::Archive archive = whole_archive(writer, read_files, roots, threads, summary);
        decisions::DecisionOptions decision_options;
        decision_options.as_of = options.as_of;
        decisions::DecisionAnalysis analysis = decisions::analyse_decisions(archive, decision_options);
        summary.phase_seconds.emplace_back("analyse decisions", seconds_since(phase));
        phase = std::chrono::steady_clock::now();
        DecisionCounts c = writer.write_decisions(analysis, unit_places(archive));
        summary.decisions_computed = true;
        summary.decisions = c.decisions;
        summary.links = c.links;
        summary.threads = c.threads;
        summary.people = c.people;
        summary.committees = c.committees;
        writer.commit();
        summary.phase_seconds.emplace_back("write decisions, meetings and names", seconds_since(phase));
        summary.total_units = writer.unit_count();
    }
    if (fs::exists(db, ec)) fs::remove(db, ec);  // an empty folder (is_new_index)
    fs::rename(merged, db, ec);
    if (ec)
        throw std::runtime_error("cannot move the new index into place at " + db.string() + ": " + ec.message() +
                                 " (another quorum-index may have created it meanwhile; run again)");
    summary.committed = true;
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
    std::string terms_tsv =
        options.terms_file ? read_text_file(*options.terms_file) : std::string(default_council_terms());
    NameTable topics = topic_names(options.topics_file);
    if (options.topics_file) options_fingerprint = "topics:" + content_hash(read_text_file(*options.topics_file));

    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    if (is_new_index(options.db)) {
        std::vector<Task> tasks;
        for (auto& t : all) {
            if (t.shadowed) continue;  // reported by collect(); the later file is indexed
            try {
                t.signature = stat_signature(t.path);
            } catch (const std::exception& e) {
                summary.problems.push_back(problem(t.path.string(), "unreadable", e.what()));
                ++summary.failed;
                continue;
            }
            tasks.push_back(std::move(t));
        }
        NewIndexInputs in{topics, options_fingerprint, parse_council_terms(terms_tsv)};
        build_new_index(options, tasks, in, threads, summary, progress);
        summary.index_bytes = directory_bytes(options.db);
        summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return summary;
    }

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
            if (auto stored = writer.stored(t.key);
                stored && stored->signature.size == t.signature.size &&
                writer.unchanged(t.key, FileSignature{t.signature.size, 0, stored->signature.hash}))
                t.stored_hash = stored->signature.hash;
        }
        tasks.push_back(std::move(t));
    }

    // Readers run ahead of the writer by at most `window` files, so memory stays bounded.
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
                    if (outcome.file) read_files.insert_or_assign(task.key, for_decisions(std::move(*outcome.file)));
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
        decisions::DecisionOptions decision_options;
        decision_options.as_of = options.as_of;
        decisions::DecisionAnalysis analysis = decisions::analyse_decisions(archive, decision_options);
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
