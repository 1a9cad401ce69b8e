// quorum-bench-report: turns bench/run.sh's raw results (one measurement a line:
// size, system, metric, run, value) into docs/BENCHMARKS.md, with gnuplot plots of
// latency and of each cost against archive size (bench_plots.cpp). Every figure is the
// median of the runs, with min-max.
#include "bench_plots.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// (size, system, metric) -> run -> value
using Key = std::tuple<std::string, std::string, std::string>;
std::map<Key, std::map<int, double>> results;
std::vector<std::string> sizes;  // in the order measured

std::optional<std::vector<double>> values(const std::string& size, const std::string& sys, const std::string& metric) {
    const auto it = results.find({size, sys, metric});
    if (it == results.end() || it->second.empty()) return std::nullopt;
    std::vector<double> v;
    for (auto [run, x] : it->second) v.push_back(x);
    return v;
}

// Per-run values of f(a, b) for two metrics measured in the same runs.
template <class F>
std::optional<std::vector<double>> combine(const std::string& size, const std::string& sa, const std::string& ma,
                                           const std::string& sb, const std::string& mb, F f) {
    const auto a = results.find({size, sa, ma});
    const auto b = results.find({size, sb, mb});
    if (a == results.end() || b == results.end()) return std::nullopt;
    std::vector<double> v;
    for (auto [run, x] : a->second) {
        auto y = b->second.find(run);
        if (y == b->second.end()) y = b->second.begin();  // one-off values (archive bytes)
        if (y != b->second.end()) v.push_back(f(x, y->second));
    }
    if (v.empty()) return std::nullopt;
    return v;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string num(double x) {
    char buf[64];
    const double a = std::fabs(x);
    if (x == std::floor(x) && a < 1e15)
        std::snprintf(buf, sizeof buf, "%.0f", x);
    else if (a >= 10000)
        std::snprintf(buf, sizeof buf, "%.0f", x);
    else if (a >= 100)
        std::snprintf(buf, sizeof buf, "%.0f", x);
    else if (a >= 10)
        std::snprintf(buf, sizeof buf, "%.1f", x);
    else if (a >= 1)
        std::snprintf(buf, sizeof buf, "%.2f", x);
    else
        std::snprintf(buf, sizeof buf, "%.3f", x);
    return buf;
}

// "median (min-max)", or the value alone for one run; "-" when not measured.
std::string cell(const std::optional<std::vector<double>>& v, double scale = 1) {
    if (!v) return "-";
    std::vector<double> s;
    for (double x : *v) s.push_back(x * scale);
    const auto [lo, hi] = std::minmax_element(s.begin(), s.end());
    if (s.size() == 1 || *lo == *hi) return num(median(s));
    return num(median(s)) + " (" + num(*lo) + "–" + num(*hi) + ")";
}

std::optional<double> med(const std::optional<std::vector<double>>& v) {
    if (!v) return std::nullopt;
    return median(*v);
}

std::string ratio(std::optional<double> a, std::optional<double> b) {
    if (!a || !b || *b == 0) return "-";
    return num(*a / *b) + "×";
}

std::map<std::string, std::string> read_kv(const fs::path& p) {
    std::map<std::string, std::string> m;
    std::ifstream in(p);
    std::string line;
    while (std::getline(in, line))
        if (const auto eq = line.find('='); eq != std::string::npos) m[line.substr(0, eq)] = line.substr(eq + 1);
    return m;
}

const std::map<std::string, std::string> names{
    {"quorum", "Quorum"}, {"omindex", "Xapian omindex"}, {"sqlite", "SQLite FTS5"}, {"postgres", "PostgreSQL 15 FTS"}};

void indexing_table(std::ostream& out, const std::string& s) {
    out << "| engine | units | wall s | CPU s | MB/s | units/s | peak memory MB | index MB | after compaction MB | "
           "Quorum's MB/s ÷ its MB/s |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    const auto div = [](double a, double b) { return b > 0 ? a / b : 0; };
    const auto q_mbps = med(combine(s, "quorum", "index_wall_s", "archive", "bytes",
                                    [&](double wall, double bytes) { return div(bytes / 1e6, wall); }));
    for (const char* sys : {"quorum", "omindex", "sqlite", "postgres"}) {
        if (!values(s, sys, "index_wall_s")) continue;
        const auto mbps = combine(s, sys, "index_wall_s", "archive", "bytes",
                                  [&](double wall, double bytes) { return div(bytes / 1e6, wall); });
        const auto ups = combine(s, sys, "units", sys, "index_wall_s", div);
        out << "| " << names.at(sys) << " | " << cell(values(s, sys, "units")) << " | "
            << cell(values(s, sys, "index_wall_s")) << " | " << cell(values(s, sys, "index_cpu_s")) << " | "
            << cell(mbps) << " | " << cell(ups) << " | " << cell(values(s, sys, "index_peak_kb"), 1.0 / 1024) << " | "
            << cell(values(s, sys, "index_bytes"), 1e-6) << " | " << cell(values(s, sys, "index_compact_bytes"), 1e-6)
            << " | " << (std::string(sys) == "quorum" ? "1×" : ratio(q_mbps, med(mbps))) << " |\n";
    }
}

void query_table(std::ostream& out, const std::string& s) {
    out << "| engine | how | p50 ms | p95 ms | p99 ms | questions with no hit | p50 ÷ Quorum's | p99 ÷ Quorum's |\n"
           "|---|---|---:|---:|---:|---:|---:|---:|\n";
    const auto q50 = med(values(s, "quorum", "query_p50_ms"));
    const auto q99 = med(values(s, "quorum", "query_p99_ms"));
    const std::vector<std::pair<std::string, std::string>> rows{
        {"quorum-distinct",
         "**uncached**: distinct questions from the archive's vocabulary, each asked once, no warm-up; facets + "
         "snippets"},
        {"xapian-floor", "bare libxapian, the same index and distinct questions (QueryParser, match, read the page)"},
        {"quorum", "the fixed questions, repeated after a warm-up round (quorum-query-bench), facets + snippets"},
        {"quorum-bare", "the fixed questions, repeated, no facets, no snippets"},
        {"sqlite", "in process (Python sqlite3), bm25 + snippet()"},
        {"postgres", "psql over TCP (\\timing), ts_rank + ts_headline"}};
    for (const auto& [sys, how] : rows) {
        if (!values(s, sys, "query_p50_ms")) continue;
        const std::string name = sys.rfind("quorum", 0) == 0 ? "Quorum"
                                 : sys == "xapian-floor"     ? "libxapian"
                                                             : names.at(sys);
        out << "| " << name << " | " << how << " | " << cell(values(s, sys, "query_p50_ms")) << " | "
            << cell(values(s, sys, "query_p95_ms")) << " | " << cell(values(s, sys, "query_p99_ms")) << " | "
            << cell(values(s, sys, "query_questions_without_hits")) << " | "
            << ratio(med(values(s, sys, "query_p50_ms")), q50) << " | "
            << ratio(med(values(s, sys, "query_p99_ms")), q99) << " |\n";
    }
    const auto d50 = med(values(s, "quorum-distinct", "query_p50_ms")),
               f50 = med(values(s, "xapian-floor", "query_p50_ms"));
    const auto d99 = med(values(s, "quorum-distinct", "query_p99_ms")),
               f99 = med(values(s, "xapian-floor", "query_p99_ms"));
    if (d50 && f50)
        out << "\nUncached Quorum against the libxapian floor on the same distinct questions: p50 " << ratio(d50, f50)
            << ", p99 " << ratio(d99, f99) << ". The rows \"÷ Quorum's\" compare with the fixed questions' row.\n";
    if (values(s, "quorum", "query_cpu_p50_ms"))
        out << "\nQuorum's CPU time per question (thread CPU clock, unaffected by other load on the machine): p50 "
            << cell(values(s, "quorum", "query_cpu_p50_ms")) << " ms, p99 "
            << cell(values(s, "quorum", "query_cpu_p99_ms")) << " ms. One thread answers "
            << cell(values(s, "quorum", "query_qps_one_thread")) << " questions/s.\n";
}

std::vector<std::string> connections(const std::string& s) {
    std::set<int> cs;
    for (const auto& [k, v] : results) {
        const auto& [size, sys, metric] = k;
        if (size == s && sys == "quorum" && metric.rfind("http_c", 0) == 0 && metric.find("_rps") != std::string::npos)
            cs.insert(std::stoi(metric.substr(6)));
    }
    std::vector<std::string> out;
    for (int c : cs) out.push_back(std::to_string(c));
    return out;
}

void http_table(std::ostream& out, const std::string& s) {
    if (connections(s).empty()) {
        out << "Not measured (wrk missing or Quorum not benchmarked in this run).\n";
        return;
    }
    out << "| what | connections | requests/s | p50 ms | p95 ms | p99 ms | errors | server RSS MB |\n"
           "|---|---:|---:|---:|---:|---:|---:|---:|\n";
    auto row = [&](const std::string& sys, const std::string& what, const std::string& c) {
        const std::string m = "http_c" + c + "_";
        if (!values(s, sys, m + "rps")) return;
        out << "| " << what << " | " << c << " | " << cell(values(s, sys, m + "rps")) << " | "
            << cell(values(s, sys, m + "p50_ms")) << " | " << cell(values(s, sys, m + "p95_ms")) << " | "
            << cell(values(s, sys, m + "p99_ms")) << " | " << cell(values(s, sys, m + "errors")) << " | "
            << cell(values(s, sys, m + "rss_kb"), 1.0 / 1024) << " |\n";
    };
    const auto cs = connections(s);
    for (const auto& c : cs)
        row("quorum-cold",
            "**Quorum /api/search, response cache off (`--cache-mb 0`), distinct questions rotated: every answer "
            "computed**",
            c);
    for (const auto& c : cs)
        row("quorum",
            "Quorum /api/search, the fixed questions rotated, response cache on (the default; repeats hit it)", c);
    if (!cs.empty()) {
        row("healthz", "Quorum /healthz", cs.back());
        row("nginx", "nginx, static copy of a search response (ceiling)", cs.back());
        const auto h = med(values(s, "healthz", "http_c" + cs.back() + "_rps"));
        const auto n = med(values(s, "nginx", "http_c" + cs.back() + "_rps"));
        out << "\nServer memory: " << cell(values(s, "quorum", "server_idle_rss_kb"), 1.0 / 1024) << " MB RSS idle, "
            << cell(values(s, "quorum", "server_peak_rss_kb"), 1.0 / 1024) << " MB peak (VmHWM); with the cache off "
            << cell(values(s, "quorum-cold", "server_peak_rss_kb"), 1.0 / 1024)
            << " MB peak. The response cache answered " << cell(values(s, "quorum", "cache_hit_pct"))
            << "% of the cached runs' searches (its hit rate, from /healthz). /healthz reaches "
            << (h && n ? num(100 * *h / *n) + "%" : std::string("-"))
            << " of the nginx ceiling. Questions answered with a status other than 200 (one pass, curl): "
            << cell(values(s, "quorum", "http_question_errors")) << " of the fixed ones, "
            << cell(values(s, "quorum-cold", "http_question_errors")) << " of the distinct ones.\n";
    }
}

std::optional<double> mb(std::optional<double> kb) {
    if (!kb) return std::nullopt;
    return *kb / 1024;
}

// The five slowest questions for Quorum (per-question p50), to point profiling at them.
void slowest(std::ostream& out, const fs::path& work, const std::string& s) {
    std::ifstream in(work / ("per-query-" + s + ".tsv"));
    if (!in) return;
    struct Row {
        double p50, p99;
        std::string id, kind, total, params;
    };
    std::vector<Row> rows;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::istringstream l(line);
        Row r;
        std::string p50, p99, cpu_p50;
        // Columns: id kind p50_ms p99_ms cpu_p50_ms total params.
        if (std::getline(l, r.id, '\t') && std::getline(l, r.kind, '\t') && std::getline(l, p50, '\t') &&
            std::getline(l, p99, '\t') && std::getline(l, cpu_p50, '\t') && std::getline(l, r.total, '\t') &&
            std::getline(l, r.params)) {
            r.p50 = std::strtod(p50.c_str(), nullptr);
            r.p99 = std::strtod(p99.c_str(), nullptr);
            rows.push_back(r);
        }
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.p50 > b.p50; });
    out << "\nSlowest questions for Quorum in process (last run): ";
    for (std::size_t i = 0; i < rows.size() && i < 5; ++i)
        out << (i ? "; " : "") << "`" << rows[i].params << "` " << num(rows[i].p50) << " ms p50 (" << rows[i].total
            << " matches)";
    out << ".\n";
}

struct Check {
    std::string target;
    std::string measured;
    std::optional<bool> pass;
};

void targets(std::ostream& out) {
    std::vector<std::pair<std::string, Check>> checks;
    for (const auto& s : sizes) {
        auto add = [&](const std::string& t, std::optional<double> v, const std::string& unit, bool higher_better,
                       double limit) {
            Check c{t, v ? num(*v) + unit : "not measured", std::nullopt};
            if (v) c.pass = higher_better ? *v >= limit : *v <= limit;
            checks.push_back({s, c});
        };
        const auto q_mbps = med(combine(s, "quorum", "index_wall_s", "archive", "bytes",
                                        [](double w, double b) { return w > 0 ? b / 1e6 / w : 0; }));
        const auto o_mbps = med(combine(s, "omindex", "index_wall_s", "archive", "bytes",
                                        [](double w, double b) { return w > 0 ? b / 1e6 / w : 0; }));
        if (q_mbps && o_mbps) add("indexing MB/s ≥ omindex's (" + num(*o_mbps) + ")", q_mbps, " MB/s", true, *o_mbps);
        // Issue 14's targets: the 1 GB ones from 1,000 MB up, the 100 MB ones below.
        const bool large = std::stod(s) >= 1000;
        add("indexing peak memory ≤ 400 MB", mb(med(values(s, "quorum", "index_peak_kb"))), " MB", false, 400);
        const auto text = med(values(s, "archive", "bytes"));
        const auto index = med(values(s, "quorum", "index_bytes"));
        const auto compact = med(values(s, "quorum", "index_compact_bytes"));
        if (text && index) add("index ≤ 2× the text", *index / *text, "×", false, 2);
        if (text && compact) add("index after compaction ≤ 1.5× the text", *compact / *text, "×", false, 1.5);
        add(std::string("uncached distinct questions p50 ≤ ") + (large ? "3" : "1") + " ms",
            med(values(s, "quorum-distinct", "query_p50_ms")), " ms", false, large ? 3 : 1);
        add(std::string("uncached distinct questions p99 ≤ ") + (large ? "25" : "5") + " ms",
            med(values(s, "quorum-distinct", "query_p99_ms")), " ms", false, large ? 25 : 5);
        const auto d50 = med(values(s, "quorum-distinct", "query_p50_ms"));
        const auto f50 = med(values(s, "xapian-floor", "query_p50_ms"));
        if (d50 && f50) add("uncached p50 ≤ 3× the libxapian floor", *d50 / *f50, "×", false, 3);
        const auto cs = connections(s);
        if (!cs.empty()) {
            const std::string top = "http_c" + cs.back() + "_";
            add("HTTP " + cs.back() + " connections, cache off, distinct questions ≥ " + (large ? "400" : "1,500") +
                    " searches/s",
                med(values(s, "quorum-cold", top + "rps")), "/s", true, large ? 400 : 1500);
            add("HTTP " + cs.back() + " connections, cache off, p99 ≤ " + (large ? "250" : "50") + " ms",
                med(values(s, "quorum-cold", top + "p99_ms")), " ms", false, large ? 250 : 50);
            add("HTTP errors = 0 (cache off)", med(values(s, "quorum-cold", top + "errors")), "", false, 0);
            if (large)
                add("server memory, cache off ≤ 300 MB", mb(med(values(s, "quorum-cold", "server_peak_rss_kb"))), " MB",
                    false, 300);
            const auto h = med(values(s, "healthz", top + "rps"));
            const auto n = med(values(s, "nginx", top + "rps"));
            if (h && n) add("/healthz ≥ 60% of nginx", 100 * *h / *n, "%", true, 60);
        }
        for (const char* peer : {"sqlite", "postgres"}) {
            const auto q50 = med(values(s, "quorum", "query_p50_ms"));
            const auto p50 = med(values(s, peer, "query_p50_ms"));
            const auto q99 = med(values(s, "quorum", "query_p99_ms"));
            const auto p99 = med(values(s, peer, "query_p99_ms"));
            if (q50 && p50) add("p50 ahead of " + names.at(peer) + " (" + num(*p50) + " ms)", q50, " ms", false, *p50);
            if (q99 && p99) add("p99 ahead of " + names.at(peer) + " (" + num(*p99) + " ms)", q99, " ms", false, *p99);
        }
    }
    out << "| archive MB | target | measured | met |\n|---:|---|---:|:-:|\n";
    for (const auto& [s, c] : checks)
        out << "| " << s << " | " << c.target << " | " << c.measured << " | "
            << (!c.pass   ? "-"
                : *c.pass ? "yes"
                          : "**no**")
            << " |\n";
}

// What the figures read (bench_plots.hpp): medians, '*' in a metric being the most
// connections measured at that size.
std::optional<double> plotted(const std::string& s, const std::string& sys, std::string metric) {
    if (const auto star = metric.find('*'); star != std::string::npos) {
        const auto cs = connections(s);
        if (cs.empty()) return std::nullopt;
        metric.replace(star, 1, cs.back());
    }
    return med(values(s, sys, metric));
}

void plots(const fs::path& plot_dir, const fs::path& work, std::ostream& out) {
    if (sizes.empty()) {
        out << "(No results: no plot.)\n\n";
        return;
    }
    std::set<std::string> tops;
    for (const auto& s : sizes)
        if (const auto cs = connections(s); !cs.empty()) tops.insert(cs.back());
    const quorum::bench::Results r{sizes, plotted, tops.size() == 1 ? *tops.begin() : "most"};
    quorum::bench::latency_plot(r, plot_dir, work, out);
    quorum::bench::costs_plot(r, plot_dir, work, out);
}

}  // namespace

// Issue 16: the shard set reports bench/shards.sh wrote beside this one, listed.
void shard_sets(std::ostringstream& md, const fs::path& out_file) {
    std::vector<std::string> reports;
    std::error_code ec;
    const fs::path dir = out_file.parent_path() / "bench";
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("shards-", 0) == 0 && e.path().extension() == ".md") reports.push_back(name);
    }
    if (reports.empty()) return;
    std::sort(reports.begin(), reports.end());
    md << "## Shard sets\n\nA shard set (`quorum-index --shards N`) served from its folders and by stock "
          "`xapian-tcpsrv` on loopback, against the single index in the same run: building it, uncached HTTP at 1 "
          "and 64 connections, and a check that the answers are the same. Written by `bench/shards.sh --size SIZE` "
          "(it uses this script's archive and distinct questions of that size):\n\n";
    // Each report inline (its own title one level down), so the figures are here too.
    for (const auto& r : reports) {
        std::ifstream in(dir / r);
        std::string line;
        bool first = true;
        while (std::getline(in, line)) {
            if (first && line.rfind("# ", 0) == 0) {
                md << "### " << line.substr(2) << " ([" << r << "](bench/" << r << "))\n";
            } else if (line.rfind("## ", 0) == 0) {
                md << "#### " << line.substr(3) << "\n";
            } else {
                md << line << "\n";
            }
            first = false;
        }
        md << "\n";
    }
}

int main(int argc, char** argv) {
    CLI::App app{"quorum-bench-report: writes docs/BENCHMARKS.md from bench/run.sh results"};
    fs::path results_file, machine_file, commands_file, out_file, plot_dir, work;
    app.add_option("--results", results_file)->required();
    app.add_option("--machine", machine_file)->required();
    app.add_option("--commands", commands_file)->required();
    app.add_option("--out", out_file)->required();
    app.add_option("--plot-dir", plot_dir)->required();
    app.add_option("--work", work)->required();
    CLI11_PARSE(app, argc, argv);

    std::ifstream in(results_file);
    if (!in) {
        std::cerr << "quorum-bench-report: cannot read " << results_file << ": run bench/run.sh first\n";
        return 1;
    }
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream l(line);
        std::string size, sys, metric, run, value;
        if (!std::getline(l, size, '\t') || !std::getline(l, sys, '\t') || !std::getline(l, metric, '\t') ||
            !std::getline(l, run, '\t') || !std::getline(l, value))
            continue;
        if (value.empty()) continue;
        char* end = nullptr;
        const double v = std::strtod(value.c_str(), &end);
        if (end == value.c_str()) continue;
        if (std::find(sizes.begin(), sizes.end(), size) == sizes.end()) sizes.push_back(size);
        results[{size, sys, metric}][std::stoi(run)] = v;
    }
    // By size, whatever order the runs came in (a --keep rerun appends its size last).
    std::stable_sort(sizes.begin(), sizes.end(),
                     [](const std::string& a, const std::string& b) { return std::stod(a) < std::stod(b); });
    auto machine = read_kv(machine_file);
    fs::create_directories(plot_dir);
    std::ostringstream md;
    md << "# Quorum benchmarks\n\n"
       << "Generated by `bench/run.sh --sizes " << machine["sizes"] << " --repeat " << machine["repeat"]
       << (machine["large_repeat"].empty() || machine["large_repeat"] == machine["repeat"]
               ? std::string()
               : " --large-repeat " + machine["large_repeat"])
       << " --query-repeat " << machine["query_repeat"] << " --peer-repeat " << machine["peer_repeat"] << "` on "
       << machine["date"] << " (commit " << machine["git"] << "). Do not edit by hand: run the script again.\n\n"
       << (machine["rerun"].empty() ? std::string()
                                    : "Measured again afterwards, on an idle machine: `bench/run.sh " +
                                          machine["rerun"] + "`; the tables of those sizes are from that run.\n\n")
       << "Every figure is the median of the runs of its archive size (their number is given with each size); "
          "where runs differ, the minimum and maximum follow in brackets (the noise).\n\n"
       << "## Machine\n\n| | |\n|---|---|\n"
       << "| CPU | " << machine["cpu"] << ", " << machine["nproc"] << " cores (nproc) |\n"
       << "| memory | " << machine["memory"] << " |\n| kernel | " << machine["kernel"] << " |\n"
       << "| system | " << machine["os"] << " |\n"
       << "| load average at start | " << machine["loadavg"] << " (other work on the machine: see the caveat below) |\n"
       << "| versions | Xapian " << machine["xapian"] << ", omindex " << machine["omindex"] << ", SQLite "
       << machine["sqlite"] << ", PostgreSQL " << machine["postgresql"] << ", wrk " << machine["wrk"] << ", nginx "
       << machine["nginx"] << " |\n\n"
       << "The load generator (wrk, 2 threads) runs on the same cores as the server it measures, "
       << "as does the nginx ceiling, so HTTP figures are a floor for a machine with a separate client.\n\n"
       << "## What is measured\n\n"
       << "- **Archives**: `quorum-scale` (bench/tools/scale_archive.cpp, seed 42) rewrites the bundled sample "
          "archive and, when present, the real archives in `../shared/corpora/` (.txt and .md) into archives of "
          "the given size: each document gets another council, committee, year, people and figures, keeps its "
          "layout (numbered minute items, resolutions, agenda packs, tables), and a share of its prose lines gets "
          "a sentence with word forms from a Heaps' law process, so the vocabulary keeps growing with size. "
          "Each file has a `.meta.json` sidecar (council, committee, date, kind; agenda packs: council and kind).\n"
       << "- **Units**: Quorum's units are its own (items, paragraphs, resolutions, tables, questions, actions; "
          "an item and its paragraphs are both units). For SQLite and PostgreSQL a unit is one paragraph: a "
          "block of text between blank lines of a source file (`quorum-scale --export-units`), with the "
          "document's committee and date from its sidecar. omindex indexes whole files (one document each). "
          "The peers' load time starts from the exported paragraphs (the export itself is not timed).\n"
       << "- **Indexing**: wall time and peak RSS from GNU time (`/usr/bin/time`); for PostgreSQL, whose work "
          "happens in the server, the peak of the summed RSS of the postgres user's processes (sampled every "
          "0.2 s, shared buffers counted in each process). Index size on disk before and after compaction "
          "(`xapian-compact`; SQLite: FTS5 'optimize' + VACUUM; PostgreSQL: table, TOAST and indexes, "
          "after VACUUM FULL).\n"
       << "- **Queries**: the "
       << "questions of `bench/queries.txt` (words, phrases, boolean, wildcard "
          "prefixes, field prefixes, date ranges, facet filters, date sorts, browsing, deep pages, misspellings), "
       << machine["query_repeat"] << " rounds for Quorum, " << machine["peer_repeat"]
       << " for each peer, after one warm-up round. Quorum counts facets and makes snippets on every question; "
          "the headline row is **uncached**: "
       << machine["distinct"]
       << " distinct questions drawn from the archive's own vocabulary (`quorum-question-mix`: common and rare "
          "words, two words of one unit, phrases, filters, date sorts, deep pages), each asked once with no "
          "warm-up, beside bare libxapian on the same index and questions (the floor); "
          "the peers return the top 10 with their own ranking and snippets but count no facets and no totals "
          "(favouring them). Peers cannot filter by unit type or person: they get the nearest text question.\n"
       << "- **HTTP**: `quorum-serve` on 127.0.0.1 under wrk with `bench/wrk/rotate.lua`, which sends the "
          "questions in rotation, "
       << machine["duration"] << " s per run, at " << machine["connections"]
       << " connections. Errors are socket errors plus non-2xx answers. The ceiling is nginx serving a static "
          "copy of a typical search response (same size) in the same run. The headline is the server with "
          "`--cache-mb 0`, every answer computed, rotating the distinct questions; beside it, the server as "
          "deployed, its response cache on, rotating the fixed questions (which repeat, as popular questions "
          "do, so the cache answers most of them).\n"
       << "- **Totals and facets**: for large match sets Quorum estimates the total and the facet counts "
          "from an even sample of the matches (flagged `total_exact`/`facets_exact` false in the answer; "
          "docs/API.md gives the error); small match sets are counted exactly.\n"
       << "- **Caveat**: when the load average above exceeds the number of cores, other work was sharing the "
          "machine: every wall-clock figure (Quorum's and the peers' alike) is then pessimistic and noisier. "
          "CPU-time figures (indexing CPU s, Quorum's per-question CPU time) are not affected by it.\n\n";
    for (const auto& s : sizes) {
        std::size_t runs = 0;
        for (const auto& [k, v] : results)
            if (std::get<0>(k) == s) runs = std::max(runs, v.size());
        md << "## Archive of " << s << " MB\n\nRuns: " << runs << ".\n\n";
        md << "Archive: " << cell(values(s, "archive", "bytes"), 1e-6) << " MB of text in "
           << cell(values(s, "archive", "documents")) << " documents, " << cell(values(s, "archive", "councils"))
           << " councils, " << cell(values(s, "archive", "committees")) << " committees; "
           << cell(values(s, "archive", "tokens")) << " words, vocabulary " << cell(values(s, "archive", "vocabulary"))
           << " forms (Heaps' law fit: K = " << cell(values(s, "archive", "heaps_k_fit"))
           << ", β = " << cell(values(s, "archive", "heaps_beta_fit"))
           << "). Peers' paragraphs: " << cell(values(s, "peers", "units_exported")) << ".\n\n";
        md << "### Indexing\n\n";
        indexing_table(md, s);
        md << "\n### Queries\n\n";
        query_table(md, s);
        slowest(md, work, s);
        md << "\n### HTTP\n\n";
        http_table(md, s);
        md << "\n";
    }
    md << "## Latency and costs against archive size\n\n";
    plots(plot_dir, work, md);
    shard_sets(md, out_file);
    md << "## Targets\n\nFrom issue 14 (2-core machine): the 1 GB targets from 1,000 MB up, the 100 MB ones "
          "below; the latency and HTTP targets are for uncached answers to distinct questions.\n\n";
    targets(md);
    md << "\n## Commands\n\nRun by `bench/run.sh` (DB, ARCHIVE, PORT are its work files; the full script is the "
          "reference):\n\n```\n";
    std::ifstream cmds(commands_file);
    // Tools by their place in a build folder, not this machine's absolute path.
    static const std::regex tool_path(R"(\S*/(quorum-[a-z-]+))");
    while (std::getline(cmds, line)) md << std::regex_replace(line, tool_path, "build/$1") << "\n";
    md << "```\n";
    std::ofstream(out_file) << md.str();
    return 0;
}
