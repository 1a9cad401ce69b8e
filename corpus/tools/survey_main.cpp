// quorum-survey: reads every file under the given folders through the whole reader
// chain and prints what came out. Used to check the readers against real corpora:
// nothing may crash or hang, and the figures show what the segmenter understands.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "quorum/corpus/coverage.hpp"
#include "quorum/corpus/reader.hpp"

using namespace quorum::corpus;
namespace fs = std::filesystem;

namespace {

// How many documents and units know the meeting they belong to (issue 13): a date, a
// committee, and a meeting id made of both.
struct Dating {
    std::size_t documents = 0, dated = 0, with_committee = 0, attributed = 0, units = 0, units_dated = 0;
    std::map<std::string, std::size_t> by_source;  // dated documents by Document::date_source
    void add(const Dating& o) {
        for (const auto& [k, n] : o.by_source) by_source[k] += n;
        documents += o.documents;
        dated += o.dated;
        with_committee += o.with_committee;
        attributed += o.attributed;
        units += o.units;
        units_dated += o.units_dated;
    }
};

struct Totals {
    std::size_t files = 0, parsed = 0, failed = 0, documents = 0, meetings = 0, items = 0, units = 0;
    std::map<std::string, std::size_t> failed_by_code;  // first error code of each failed file
    std::map<std::string, std::size_t> diagnostics_by_code;
    std::map<std::string, std::size_t> documents_by_kind;
    std::map<std::string, std::size_t> units_by_type;
    std::map<std::string, std::size_t> files_by_format;
    std::vector<std::pair<double, std::string>> slow;  // seconds, file
    std::map<std::string, CoverageTotals> coverage;    // by folder (see folder_of)
    std::map<std::string, Dating> dating;              // by folder (see folder_of)
};

// A file that lost text, for --lost.
struct Loss {
    std::string file;
    FileCoverage coverage;
};

// The folder a file is counted under: the first folder below the input it came from, so
// that "quorum-survey corpora" gives one line per corpus; the input itself for its own files.
std::string folder_of(const fs::path& file, const fs::path& root) {
    if (root.empty()) return file.parent_path().filename().string();
    const fs::path rel = file.lexically_relative(root);
    const fs::path name = fs::path(root).lexically_normal().filename();
    const std::string top =
        name.empty() ? fs::path(root).lexically_normal().parent_path().filename().string() : name.string();
    if (rel.empty() || std::distance(rel.begin(), rel.end()) < 2) return top.empty() ? "." : top;
    return rel.begin()->string();
}

void print_coverage(const std::map<std::string, CoverageTotals>& by_folder) {
    std::printf("coverage by folder (sentences of the source text found in units; see docs/CORPORA.md):\n");
    std::printf("  %-32s %7s %9s %7s %7s %7s %7s %8s %7s %6s\n", "folder", "files", "sentences", "kept%", "furn%",
                "exempt%", "lost%", "hdr-lost", ">5%", ">30%");
    CoverageTotals all;
    const auto row = [](const std::string& name, const CoverageTotals& t) {
        const auto pct = [&](std::size_t n) {
            return t.sentences == 0 ? 0.0 : 100.0 * static_cast<double>(n) / static_cast<double>(t.sentences);
        };
        std::printf("  %-32s %7zu %9zu %7.1f %7.1f %7.1f %7.1f %8zu %7zu %6zu  zero-units %zu\n", name.c_str(), t.files,
                    t.sentences, t.kept_percent(), pct(t.furniture), pct(t.exempt), t.lost_percent(),
                    t.lost_before_first_item, t.files_losing_5, t.files_losing_30, t.files_zero_units);
    };
    for (const auto& [folder, t] : by_folder) {
        row(folder, t);
        all.add(t);
    }
    if (by_folder.size() > 1) row("(all)", all);
    std::printf("%s\n", coverage_summary(all).c_str());
}

void count_dating(Dating& t, const FileResult& r) {
    for (const auto& d : r.documents) {
        const bool dated = !d.date.empty();
        ++t.documents;
        t.dated += dated ? 1 : 0;
        t.with_committee += d.committee ? 1 : 0;
        t.attributed += dated && d.committee ? 1 : 0;
        t.units += d.units.size();
        t.units_dated += dated ? d.units.size() : 0;
        if (dated) ++t.by_source[d.date_source.empty() ? "(unknown)" : d.date_source];
    }
}

void print_dating(const std::map<std::string, Dating>& by_folder) {
    std::printf("meeting attribution by folder (documents and units with a date; see docs/CORPORA.md):\n");
    std::printf("  %-32s %9s %7s %8s %8s %9s %7s   %s\n", "folder", "documents", "dated%", "cttee%", "date+c%", "units",
                "dated%", "dates by source");
    const auto pct = [](std::size_t n, std::size_t of) {
        return of == 0 ? 0.0 : 100.0 * static_cast<double>(n) / static_cast<double>(of);
    };
    Dating all;
    const auto row = [&](const std::string& name, const Dating& t) {
        std::printf("  %-32s %9zu %7.1f %8.1f %8.1f %9zu %7.1f  ", name.c_str(), t.documents, pct(t.dated, t.documents),
                    pct(t.with_committee, t.documents), pct(t.attributed, t.documents), t.units,
                    pct(t.units_dated, t.units));
        for (const auto& [source, n] : t.by_source) std::printf(" %s %zu", source.c_str(), n);
        std::printf("\n");
    };
    for (const auto& [folder, t] : by_folder) {
        row(folder, t);
        all.add(t);
    }
    if (by_folder.size() > 1) row("(all)", all);
}

// One line per document for --dates: what was attributed, to check by hand.
void write_dates(std::FILE* out, const FileResult& r) {
    for (const auto& d : r.documents)
        std::fprintf(out, "%s\t%d\t%s\t%s\t%s\t%s\t%s\n", d.source.c_str(), d.part, to_string(d.kind),
                     d.date.empty() ? "-" : d.date.c_str(), d.committee ? d.committee->name.c_str() : "-",
                     d.meeting_id.c_str(), d.date_source.empty() ? "-" : d.date_source.c_str());
}

// The files losing the largest share of their sentences (files with text and no unit
// first), each with its first lost sentences.
void print_losses(std::vector<Loss>& losses, std::size_t count) {
    const auto key = [](const Loss& l) {
        return std::make_tuple(l.coverage.zero_units(), l.coverage.lost_share(), l.coverage.lost);
    };
    std::sort(losses.begin(), losses.end(), [&](const Loss& a, const Loss& b) { return key(a) > key(b); });
    std::printf("files losing the most text (of %zu losing any):\n", losses.size());
    for (std::size_t i = 0; i < losses.size() && i < count; ++i) {
        const FileCoverage& c = losses[i].coverage;
        std::printf("  %5.1f%% lost (%zu of %zu sentences, %zu before the first item; %zu units)  %s\n",
                    100.0 * c.lost_share(), c.lost, c.sentences, c.lost_before_first_item, c.units,
                    losses[i].file.c_str());
        for (const auto& s : c.lost_sentences) std::printf("      %6d: %.160s\n", s.line, s.text.c_str());
    }
}

std::string format_of(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext.empty() ? "(none)" : ext;
}

void add(Totals& t, const fs::path& file, const FileResult& r, double seconds, double slow_after) {
    ++t.files;
    ++t.files_by_format[format_of(file)];
    for (const auto& d : r.diagnostics) ++t.diagnostics_by_code[d.code];
    if (r.ok) {
        ++t.parsed;
    } else {
        ++t.failed;
        const auto it = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                     [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::error; });
        ++t.failed_by_code[it != r.diagnostics.end()
                               ? it->code
                               : (r.diagnostics.empty() ? "(no diagnostic)" : r.diagnostics[0].code)];
    }
    t.documents += r.documents.size();
    t.meetings += r.meetings.size();
    for (const auto& d : r.documents) {
        ++t.documents_by_kind[to_string(d.kind)];
        t.items += d.items.size();
        t.units += d.units.size();
        for (const auto& u : d.units) ++t.units_by_type[to_string(u.type)];
    }
    if (seconds >= slow_after) t.slow.emplace_back(seconds, file.string());
}

void print_map(const char* title, const std::map<std::string, std::size_t>& m) {
    std::printf("%s:\n", title);
    if (m.empty()) std::printf("  (none)\n");
    std::vector<std::pair<std::string, std::size_t>> v(m.begin(), m.end());
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [k, n] : v) std::printf("  %-24s %zu\n", k.c_str(), n);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"quorum-survey: read every file under the given folders and summarise what the readers found"};
    std::vector<fs::path> inputs;
    unsigned threads = 2;
    double slow_after = 2.0;
    bool list_failures = false;
    std::size_t lost_files = 0, lost_samples = 5;
    std::string dates_file;
    app.add_option("inputs", inputs, "folders or files to read")->required();
    app.add_option("-j,--threads", threads, "worker threads")->check(CLI::Range(1u, 64u));
    app.add_option("--slow", slow_after, "report files that take longer than this many seconds");
    app.add_flag("--failures", list_failures, "list every file that could not be read, with the reason");
    app.add_option("--lost", lost_files, "list the N files losing the largest share of their text, with samples");
    app.add_option("--samples", lost_samples, "lost sentences listed per file with --lost (default 5)");
    app.add_option("--dates", dates_file,
                   "write one line per document (source, part, kind, date, committee, meeting id) to this file");
    CLI11_PARSE(app, argc, argv);
    std::FILE* dates_out = dates_file.empty() ? nullptr : std::fopen(dates_file.c_str(), "w");

    const auto start = std::chrono::steady_clock::now();
    std::vector<Diagnostic> input_diagnostics;
    const std::vector<fs::path> files = collect_inputs(inputs, input_diagnostics);

    Totals totals;
    std::mutex mutex;
    std::atomic<std::size_t> next{0};
    std::vector<std::pair<std::string, std::string>> failures;  // file, reason
    std::vector<Loss> losses;
    const auto work = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            const fs::path& file = files[i];
            // Ids relative to the input the file came from.
            fs::path root;
            for (const auto& in : inputs)
                if (file.string().starts_with(in.string())) root = in;
            const auto t0 = std::chrono::steady_clock::now();
            ReadOptions options;
            options.root = root;
            options.keep_source = true;
            const FileResult r = read_file(file, options);
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            FileCoverage coverage = measure_coverage(r, CoverageOptions{lost_files > 0 ? lost_samples : 0u});
            const std::lock_guard lock(mutex);
            add(totals, file, r, seconds, slow_after);
            totals.coverage[folder_of(file, root)].add(coverage);
            count_dating(totals.dating[folder_of(file, root)], r);
            if (dates_out) write_dates(dates_out, r);
            if (lost_files > 0 && (coverage.lost > 0 || coverage.zero_units()))
                losses.push_back({file.string(), std::move(coverage)});
            if (!r.ok && list_failures)
                failures.emplace_back(
                    file.string(),
                    r.diagnostics.empty() ? "" : r.diagnostics.front().code + ": " + r.diagnostics.front().message);
            if (seconds >= slow_after) std::fprintf(stderr, "slow: %.1f s %s\n", seconds, file.string().c_str());
        }
    };
    std::vector<std::thread> pool;
    for (unsigned i = 0; i < threads; ++i) pool.emplace_back(work);
    for (auto& t : pool) t.join();

    // Files collect_inputs did not hand over (unsupported types, unreadable paths)
    // count as failed files with their reason.
    for (const auto& d : input_diagnostics) {
        ++totals.files;
        ++totals.failed;
        ++totals.failed_by_code[d.code];
        ++totals.diagnostics_by_code[d.code];
        ++totals.files_by_format[format_of(d.file)];
        if (list_failures) failures.emplace_back(d.file, d.code + ": " + d.message);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::printf("files:      %zu\nparsed:     %zu\nfailed:     %zu\n", totals.files, totals.parsed, totals.failed);
    print_map("files by extension", totals.files_by_format);
    print_map("failed by reason", totals.failed_by_code);
    print_map("diagnostics by code (all severities)", totals.diagnostics_by_code);
    std::printf("documents:  %zu\n", totals.documents);
    print_map("documents by kind", totals.documents_by_kind);
    std::printf("meetings:   %zu\nitems:      %zu\nunits:      %zu\n", totals.meetings, totals.items, totals.units);
    print_map("units by type", totals.units_by_type);
    std::sort(totals.slow.rbegin(), totals.slow.rend());
    std::printf("slow files (>= %.1f s): %zu\n", slow_after, totals.slow.size());
    for (std::size_t i = 0; i < totals.slow.size() && i < 20; ++i)
        std::printf("  %6.1f s  %s\n", totals.slow[i].first, totals.slow[i].second.c_str());
    print_coverage(totals.coverage);
    print_dating(totals.dating);
    if (dates_out) std::fclose(dates_out);
    if (lost_files > 0) print_losses(losses, lost_files);
    std::printf("threads:    %u\nseconds:    %.1f\n", threads, seconds);
    if (list_failures) {
        std::sort(failures.begin(), failures.end());
        std::printf("failures:\n");
        for (const auto& [f, why] : failures) std::printf("  %s\n    %s\n", f.c_str(), why.c_str());
    }
    return 0;
}
