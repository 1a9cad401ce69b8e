// quorum-index: flags and wiring only; the work is in quorum::index::run_index.
#include <malloc.h>
#include <sys/resource.h>

#include <cstdlib>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "quorum/corpus/coverage.hpp"
#include "quorum/corpus/model_json.hpp"
#include "quorum/corpus/reader.hpp"
#include "quorum/index/index_run.hpp"

namespace {

const char* severity_name(quorum::corpus::Diagnostic::Severity s) {
    switch (s) {
        case quorum::corpus::Diagnostic::Severity::info:
            return "info";
        case quorum::corpus::Diagnostic::Severity::warning:
            return "warning";
        case quorum::corpus::Diagnostic::Severity::error:
            return "error";
    }
    return "warning";
}

int dump(const std::string& file) {
    quorum::corpus::FileResult result = quorum::corpus::read_file(file);
    nlohmann::json j = result;
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return result.ok ? 0 : 1;
}

void print_summary(const quorum::index::RunSummary& s) {
    double mb = static_cast<double>(s.bytes_read) / 1e6;
    std::fprintf(stderr, "quorum-index: %zu files: %zu indexed, %zu unchanged, %zu failed", s.files, s.indexed,
                 s.unchanged, s.failed);
    if (s.removed_files) std::fprintf(stderr, ", %zu pruned", s.removed_files);
    std::fprintf(stderr, "\n  units: %zu added, %zu replaced, %zu deleted; %llu in the index\n", s.units_added,
                 s.units_replaced, s.units_deleted, static_cast<unsigned long long>(s.total_units));
    if (!s.units_by_type.empty()) {
        std::fprintf(stderr, "  by type:");
        for (const auto& [type, n] : s.units_by_type) std::fprintf(stderr, " %s %zu", type.c_str(), n);
        std::fprintf(stderr, "\n");
    }
    if (s.decisions_computed)
        std::fprintf(stderr,
                     "  decisions: %zu records, %zu links, %zu threads; %zu people, %zu committees (%zu councils, "
                     "%zu files re-read, %zu given their meeting's council; %.1f s reading, %.1f s analysing, %.1f s writing; %zu records "
                     "unchanged)\n",
                     s.decisions, s.links, s.threads, s.people, s.committees, s.decision_councils, s.files_reread,
                     s.files_given_council,
                     s.decision_read_seconds, s.decision_analyse_seconds, s.decision_write_seconds,
                     s.records_unchanged);
    // Info diagnostics are counted, not listed: "ocr-page 12" is the pages read by OCR.
    if (!s.notes.empty()) {
        std::fprintf(stderr, "  notes:");
        for (const auto& [code, n] : s.notes) std::fprintf(stderr, " %s %zu", code.c_str(), n);
        std::fprintf(stderr, "\n");
    }
    // Issue 12: how much of the text read in this run reached units (quorum-survey --lost names the files).
    if (s.coverage.files > 0) {
        const auto fell = s.notes.find("structure-unrecognised");
        std::fprintf(stderr, "  %s; %zu fell back to paragraphs (structure-unrecognised)\n",
                     quorum::corpus::coverage_summary(s.coverage).c_str(), fell == s.notes.end() ? 0 : fell->second);
    }
    if (s.words_learnt) std::fprintf(stderr, "  related words learnt for %zu words of this archive\n", s.words_learnt);
    std::fprintf(stderr, "  %.2f s, %.2f MB read (%.2f MB/s), index %.2f MB\n", s.seconds, mb,
                 s.seconds > 0 ? mb / s.seconds : 0.0, static_cast<double>(s.index_bytes) / 1e6);
    if (s.shards > 0)
        std::fprintf(stderr, "  shard set of %u shards: %zu documents copied, %zu deleted%s, %.2f s\n", s.shards,
                     s.set_copied, s.set_deleted, s.set_full_copy ? " (every document)" : "", s.set_seconds);
    for (std::size_t i = 0; i < s.phase_seconds.size(); ++i)
        std::fprintf(stderr, "    %s: %.2f s, peak memory so far %.0f MB\n", s.phase_seconds[i].first.c_str(),
                     s.phase_seconds[i].second, i < s.phase_peak_mb.size() ? s.phase_peak_mb[i] : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
    // Reader threads hand their readings to the decisions pass: with one malloc arena per
    // thread (glibc's default allows 8 per core) freed memory stays spread and resident.
    // Two arenas measured 15% less peak memory at 100 MB at the same speed. MALLOC_ARENA_MAX wins.
    if (std::getenv("MALLOC_ARENA_MAX") == nullptr) mallopt(M_ARENA_MAX, 2);
    // A first build of a shard set keeps threads x (shards + 2) Xapian databases open, about
    // 7 files each: more than the usual soft limit of 1024 with 8 threads and 16 shards. The
    // soft limit may be raised to the hard one without privileges.
    if (rlimit files{}; ::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        (void)::setrlimit(RLIMIT_NOFILE, &files);
    }
    CLI::App app{"Index council meeting archives (.txt .md .html .pdf) into a Quorum search index."};
    quorum::index::RunOptions options;
    std::string db, dump_file, topics, terms;
    std::vector<std::string> inputs;
    bool quiet = false;
    app.add_option("--db", db, "index directory (created when missing)");
    app.add_option("inputs", inputs, "files or folders (searched recursively)");
    app.add_flag("--prune", options.prune, "remove units of indexed files that no longer exist");
    app.add_flag("--force", options.force, "re-index every file even when unchanged");
    app.add_option("--as-of", options.as_of, "date (YYYY-MM-DD) decision statuses are relative to (default: today)");
    app.add_option("--dump", dump_file, "print the reading of FILE as JSON and exit (no index)");
    app.add_option("--topics", topics, "topics file (id<TAB>name<TAB>patterns) instead of the built-in topic rules");
    app.add_option("--terms", terms, "council terms file (TERM<TAB>SYNONYM|...) instead of the built-in list");
    std::string thesaurus, related_words;
    app.add_flag("--learn-words", options.learn_words,
                 "also learn related words from this archive (fastText; slower: see docs/RELEVANCE.md)");
    app.add_option("--thesaurus", thesaurus,
                   "thesaurus for the hybrid search mode (PLAIN<TAB>PAPERS|..., one way) instead of the built-in one");
    app.add_option(
        "--related-words", related_words,
        "related words for the hybrid search mode (WORD<TAB>RELATED:WEIGHT|...) instead of the built-in ones");
    app.add_option("--threads", options.threads, "reader threads (default: number of cores)")
        ->check(CLI::Range(1u, 256u));
    app.add_option("--keep-readings-mb", options.keep_readings_mb,
                   "decisions are analysed council by council: a run reading more than this many MB of files "
                   "reads each council again rather than hold every reading (memory follows the largest council)")
        ->capture_default_str();
    app.add_option("--shards", options.shards,
                   "write a set of N shards that xapian-tcpsrv can serve (docs/SERVING.md); a set's later runs "
                   "update it without --shards")
        ->check(CLI::Range(1u, 256u));
    app.add_flag("-q,--quiet", quiet, "print only errors");
    CLI11_PARSE(app, argc, argv);

    try {
        if (!dump_file.empty()) return dump(dump_file);
        if (db.empty() || inputs.empty()) {
            std::cerr << "quorum-index: give --db DIR and at least one INPUT file or folder (see --help)\n";
            return 2;
        }
        options.db = db;
        for (const auto& i : inputs) options.inputs.emplace_back(i);
        if (!topics.empty()) options.topics_file = topics;
        if (!terms.empty()) options.terms_file = terms;
        if (!thesaurus.empty()) options.thesaurus_file = thesaurus;
        if (!related_words.empty()) options.related_words_file = related_words;

        bool tty = !quiet && ::isatty(STDERR_FILENO);
        quorum::index::Progress progress;
        if (tty)
            progress = [](std::size_t done, std::size_t total, const std::string& file) {
                std::fprintf(stderr, "\r\033[K[%zu/%zu] %s", done, total, file.c_str());
                if (done == total) std::fprintf(stderr, "\r\033[K");
                std::fflush(stderr);
            };
        quorum::index::RunSummary summary = quorum::index::run_index(options, progress);
        for (const auto& d : summary.problems) {
            bool error = d.severity == quorum::corpus::Diagnostic::Severity::error;
            if (quiet && !error) continue;
            std::cerr << d.file;
            if (d.line > 0) std::cerr << ':' << d.line;
            std::cerr << ": " << severity_name(d.severity) << ": " << d.message;
            if (!d.code.empty()) std::cerr << " [" << d.code << ']';
            std::cerr << '\n';
        }
        if (!quiet) print_summary(summary);
        if (summary.files == 0) {
            std::cerr << "quorum-index: no .txt, .md, .html, .htm or .pdf files found in the inputs\n";
            return 1;
        }
        if (summary.indexed + summary.unchanged == 0) {
            std::cerr << "quorum-index: no file could be indexed (reasons above)\n";
            return 1;
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "quorum-index: " << e.what() << '\n';
        return 1;
    }
}
