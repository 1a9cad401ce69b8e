#include "incremental_run.hpp"

#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "decisions_pass.hpp"
#include "file_reading.hpp"

namespace quorum::index {
namespace fs = std::filesystem;

namespace {

// The files to read: unchanged files are skipped on size + mtime without reading them; a
// file whose mtime alone changed is read only if its hash differs from the stored one.
std::vector<Task> changed_files(std::vector<Task> all, const IndexWriter& writer, bool force, RunSummary& summary) {
    std::vector<Task> tasks;
    for (auto& t : all) {
        if (!take_signature(t, summary)) continue;
        if (!force && writer.unchanged(t.key, t.signature)) {
            ++summary.unchanged;
            continue;
        }
        if (auto stored = writer.stored(t.key)) {
            if (!force && stored->signature.size == t.signature.size &&
                writer.unchanged(t.key, FileSignature{t.signature.size, 0, stored->signature.hash}))
                t.stored_hash = stored->signature.hash;
            // Read as the last run left it: with the council it was given (decisions_pass.hpp),
            // so that it is not written twice when that still holds.
            t.council = stored->given_council;
        }
        tasks.push_back(std::move(t));
    }
    return tasks;
}

// Writes one file's outcome (in input order) and counts it; keeps its reading for the
// decisions pass in `read_files` unless that is null (keeps_readings).
void write_outcome(const Task& task, Outcome& outcome, IndexWriter& writer,
                   std::map<std::string, corpus::FileResult>* read_files, RunSummary& summary) {
    for (auto& d : outcome.diagnostics)
        if (d.severity == corpus::Diagnostic::Severity::info)
            ++summary.notes[d.code];
        else
            summary.problems.push_back(std::move(d));
    summary.coverage.add(outcome.coverage);
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
            if (outcome.file && read_files)
                read_files->insert_or_assign(task.key, for_decisions(std::move(*outcome.file)));
            break;
        }
    }
}

// Reads `tasks` on settings.threads threads and writes them in input order; returns the
// readings the decisions pass reuses, by key.
std::map<std::string, corpus::FileResult> read_and_write(const std::vector<Task>& tasks, IndexWriter& writer,
                                                         const RunSettings& settings, RunSummary& summary,
                                                         const Progress& progress) {
    std::map<std::string, corpus::FileResult> read_files;
    const bool keep = keeps_readings(tasks, settings);
    // Readers run ahead of the writer by at most `window` files, so memory stays bounded.
    const std::size_t window = 4 * static_cast<std::size_t>(settings.threads);
    std::vector<std::optional<Outcome>> slots(tasks.size());
    std::mutex mutex;
    std::condition_variable ready, room;
    std::size_t next_task = 0, written = 0;
    std::vector<std::thread> pool;
    for (unsigned i = 0; i < settings.threads && i < tasks.size(); ++i) {
        pool.emplace_back([&] {
            DocumentBuilder builder(settings.topic_names);
            for (;;) {
                std::size_t index;
                {
                    std::unique_lock lock(mutex);
                    room.wait(lock, [&] { return next_task >= tasks.size() || next_task < written + window; });
                    if (next_task >= tasks.size()) return;
                    index = next_task++;
                }
                Outcome outcome = read_task(tasks[index], builder, settings.topics);
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
            if (progress) progress(i + 1, tasks.size(), tasks[i].key);
            write_outcome(tasks[i], outcome, writer, keep ? &read_files : nullptr, summary);
        }
    } catch (...) {
        join_pool();
        throw;
    }
    join_pool();
    return read_files;
}

}  // namespace

std::vector<Xapian::docid> update_index(const RunOptions& options, std::vector<Task> all, const RunSettings& settings, RunSummary& summary,
                  const Progress& progress) {
    std::set<std::string> seen;
    std::map<std::string, FilePlace> places;  // key -> input folder and id, for the decisions pass
    for (const auto& t : all) {
        seen.insert(t.key);
        places.emplace(t.key, FilePlace{t.root, t.doc_id});
    }
    IndexWriter writer(options.db, settings.fingerprint);
    writer.set_council_terms(settings.council_terms);
    writer.set_thesaurus(settings.thesaurus);
    writer.set_related_words(settings.related_words);

    const std::vector<Task> tasks = changed_files(std::move(all), writer, options.force, summary);
    std::map<std::string, corpus::FileResult> read_files = read_and_write(tasks, writer, settings, summary, progress);

    if (options.prune) {
        for (const auto& f : writer.stored_files()) {
            std::error_code ec;
            if (seen.count(f.key) || (!f.path.empty() && fs::is_regular_file(f.path, ec))) continue;
            summary.units_deleted += writer.remove_file(f.key);
            ++summary.removed_files;
        }
    }

    // Any change recomputes the decisions over the whole archive (see decisions_pass.hpp).
    if (writer.changed() || options.force || !writer.decisions_current())
        decisions_pass(writer, read_files, places, settings, summary);
    read_files.clear();

    writer.commit();
    summary.committed = true;
    summary.total_units = writer.unit_count();
    return writer.changed_docids();
}

}  // namespace quorum::index
