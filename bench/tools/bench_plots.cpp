// quorum-bench-report's gnuplot figures: medians of runs, log-log against archive size.
// Every figure is a data file (NaN where not measured) and a gnuplot script in the work
// folder, so a figure can be redrawn or restyled without running the benchmark again.
#include "bench_plots.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <utility>

namespace quorum::bench {
namespace {

namespace fs = std::filesystem;

// One line of a figure: (system, metric) at each size, times scale.
struct Series {
    std::string sys, metric, title, style;
    double scale = 1;
};

std::optional<double> point(const Results& r, const std::string& size, const Series& c) {
    const auto v = r.median(size, c.sys, c.metric);
    if (!v || *v <= 0) return std::nullopt;  // a log axis cannot show it
    return *v * c.scale;
}

std::string g6(double x) {  // for gnuplot: the report's num() rounds small values to 0
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", x);
    return buf;
}

// Writes the sizes and one column per series; which series have any data.
std::vector<bool> write_data(const Results& r, const fs::path& path, const std::vector<Series>& series) {
    std::ofstream d(path);
    d << "# size_mb";
    for (const auto& c : series) d << ' ' << c.sys << ':' << c.metric;
    d << '\n';
    std::vector<bool> any(series.size());
    for (const auto& s : r.sizes) {
        d << s;
        for (std::size_t i = 0; i < series.size(); ++i) {
            const auto v = point(r, s, series[i]);
            if (v) any[i] = true;
            d << ' ' << (v ? g6(*v) : "NaN");
        }
        d << '\n';
    }
    return any;
}

// The 'plot' items of the series with data, series i being the data file's series offset + i
// (column offset + i + 2). Unmeasured ones are left out, so the key does not list them.
std::vector<std::string> plot_items(const fs::path& data, const std::vector<Series>& series, std::size_t offset,
                                    const std::vector<bool>& any) {
    std::vector<std::string> items;
    for (std::size_t i = 0; i < series.size(); ++i)
        if (any[offset + i])
            items.push_back("'" + data.string() + "' using 1:" + std::to_string(offset + i + 2) + " with linespoints " +
                            series[i].style + " title '" + series[i].title + "'");
    return items;
}

std::string join(const std::vector<std::string>& items) {
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : ", \\\n  ") + i;
    return s;
}

// Log-log, a little beyond the sizes measured (one size alone is no range), with a tick at
// each size measured (0.3 MB has no power of ten near it).
std::string axes(const Results& r) {
    std::string ticks;
    for (const auto& s : r.sizes) ticks += (ticks.empty() ? "" : ", ") + s;
    return "set logscale xy\nset grid\nset datafile missing 'NaN'\nset xlabel 'archive size (MB of text)'\n"
           "set xrange [" +
           g6(std::stod(r.sizes.front()) / 1.5) + ":" + g6(std::stod(r.sizes.back()) * 1.5) + "]\nset xtics add (" +
           ticks + ")\n";
}

// Room above the data for a key of `entries` lines in the top left corner, so it hides no line.
std::string headroom(std::size_t entries) {
    return "set autoscale y noextend\nset offsets 0, 0, graph " + g6(0.08 * entries) + ", graph 0.04\n";
}

// Runs gnuplot on the script: the markdown image, or why there is none; whether it drew.
bool render(const fs::path& script, const fs::path& png, const std::string& alt, std::ostream& out) {
    const fs::path log = fs::path(script).replace_extension(".log");
    const std::string cmd = "gnuplot '" + script.string() + "' 2>'" + log.string() + "'";
    if (std::system("command -v gnuplot >/dev/null 2>&1") != 0) {
        out << "(gnuplot is not installed: no plot. Data and script: `"
            << fs::path(script).replace_extension(".dat").filename().string() << "`, `" << script.filename().string()
            << "` in the work folder.)\n\n";
        return false;
    }
    if (std::system(cmd.c_str()) != 0 || !fs::exists(png)) {
        out << "(gnuplot failed: no plot; see `" << log.filename().string() << "` in the work folder.)\n\n";
        return false;
    }
    out << "![" << alt << "](bench/" << png.filename().string() << ")\n\n";
    return true;
}

// One colour per engine in both figures; an engine's secondary lines are lighter.
namespace style {
const std::string quorum = "lw 2 pt 7 lc rgb '#1f4e9c'", quorum2 = "lw 2 pt 5 lc rgb '#6a9fd8'",
                  quorum3 = "lw 1 pt 9 lc rgb '#9ecae1'", xapian = "lw 1 pt 9 lc rgb '#e6550d'",
                  xapian2 = "lw 1 pt 8 lc rgb '#fdae6b'", sqlite = "lw 1 pt 11 lc rgb '#31a354'",
                  sqlite2 = "lw 1 pt 10 lc rgb '#a1d99b'", postgres = "lw 1 pt 13 lc rgb '#756bb1'",
                  postgres2 = "lw 1 pt 12 lc rgb '#bcbddc'", reference = "dt 2 lw 1.5 lc rgb '#555555'";
}  // namespace style

// One panel of costs.png. Its first series is Quorum's: the reference line starts from it.
struct Panel {
    std::string title, ylabel;
    std::vector<Series> series;
    double growth = 1;  // the reference line is ∝ size^growth
};

std::vector<Panel> cost_panels(const Results& r) {
    const auto peers = [](const std::string& metric, double scale) {
        return std::vector<Series>{{"omindex", metric, "Xapian omindex", style::xapian, scale},
                                   {"sqlite", metric, "SQLite FTS5", style::sqlite, scale},
                                   {"postgres", metric, "PostgreSQL", style::postgres, scale}};
    };
    const auto with = [](std::vector<Series> a, const std::vector<Series>& b) {
        a.insert(a.end(), b.begin(), b.end());
        return a;
    };
    const double kb = 1.0 / 1024, bytes = 1e-6;
    return {{"Indexing time", "wall time (s)",
             with({{"quorum", "index_wall_s", "Quorum", style::quorum}}, peers("index_wall_s", 1))},
            {"Peak memory while indexing", "peak RSS (MB)",
             with({{"quorum", "index_peak_kb", "Quorum", style::quorum, kb}}, peers("index_peak_kb", kb))},
            {"Index on disk", "size (MB)",
             with({{"quorum", "index_bytes", "Quorum", style::quorum, bytes},
                   {"quorum", "index_compact_bytes", "Quorum, compacted", style::quorum2, bytes}},
                  peers("index_bytes", bytes))},
            {"Uncached query latency (distinct questions, in process)",
             "latency (ms)",
             {{"quorum-distinct", "query_p50_ms", "Quorum p50", style::quorum},
              {"quorum-distinct", "query_p99_ms", "Quorum p99", style::quorum2},
              {"xapian-floor", "query_p50_ms", "bare libxapian p50", style::xapian},
              {"xapian-floor", "query_p99_ms", "bare libxapian p99", style::xapian2}}},
            // A rate: the work per request growing as the archive makes it fall as 1/size.
            {"HTTP throughput, " + r.top_connections + " connections",
             "requests/s",
             {{"quorum-cold", "http_c*_rps", "Quorum, cache off", style::quorum},
              {"quorum", "http_c*_rps", "Quorum, cache on", style::quorum2}},
             -1},
            {"Quorum server memory",
             "RSS (MB)",
             {{"quorum-cold", "server_peak_rss_kb", "peak, cache off", style::quorum, kb},
              {"quorum", "server_peak_rss_kb", "peak, cache on", style::quorum2, kb},
              {"quorum", "server_idle_rss_kb", "idle", style::quorum3, kb}}}};
}

// Where the reference line starts: Quorum's value at the smallest size it was measured at
// (another engine's when Quorum was not benchmarked).
std::optional<std::pair<std::string, double>> anchor(const Results& r, const Panel& p) {
    for (const auto& c : p.series)
        for (const auto& s : r.sizes)
            if (const auto v = point(r, s, c)) return std::pair{s, *v};
    return std::nullopt;
}

// The panel's plot with its reference line; a panel with nothing measured still takes its
// place in the layout.
void panel(std::ostream& g, const Results& r, const fs::path& data, const Panel& p, std::size_t offset,
           const std::vector<bool>& any) {
    auto items = plot_items(data, p.series, offset, any);
    g << "set title '" << p.title << "'\nset ylabel '" << p.ylabel << "'\n";
    if (items.empty()) {
        g << "set label 1 'not measured' at graph 0.5,0.5 center\nplot [][1:10] NaN notitle\nunset label 1\n";
        return;
    }
    if (const auto a = anchor(r, p))
        items.push_back(g6(a->second) + " * (x / " + a->first + ") ** " + g6(p.growth) + " " + style::reference +
                        " title '" + (p.growth > 0 ? "grows as the archive" : "work per request grows as the archive") +
                        "'");
    g << headroom(items.size()) << "plot " << join(items) << "\n";
}

}  // namespace

void latency_plot(const Results& r, const fs::path& plot_dir, const fs::path& work, std::ostream& out) {
    const std::vector<Series> series{
        {"quorum", "query_p50_ms", "Quorum p50 (in process)", style::quorum},
        {"quorum", "query_p99_ms", "Quorum p99 (in process)", style::quorum2},
        {"quorum", "http_c*_p99_ms", "Quorum p99 (HTTP, most connections)", style::quorum3},
        {"sqlite", "query_p50_ms", "SQLite FTS5 p50", style::sqlite},
        {"sqlite", "query_p99_ms", "SQLite FTS5 p99", style::sqlite2},
        {"postgres", "query_p50_ms", "PostgreSQL p50", style::postgres},
        {"postgres", "query_p99_ms", "PostgreSQL p99", style::postgres2}};
    const fs::path data = work / "latency.dat", script = work / "latency.gp", png = plot_dir / "latency.png";
    const auto items = plot_items(data, series, 0, write_data(r, data, series));
    std::ofstream g(script);
    g << "set terminal pngcairo size 960,560 font ',10'\nset output '" << png.string() << "'\n"
      << "set title 'Query latency against archive size (medians of runs)'\nset ylabel 'latency (ms)'\n"
      << axes(r) << "set key left top\n"
      << (items.empty() ? "plot [][1:10] NaN notitle" : headroom(items.size()) + "plot " + join(items)) << "\n";
    g.close();
    render(script, png, "Query latency against archive size", out);
}

void costs_plot(const Results& r, const fs::path& plot_dir, const fs::path& work, std::ostream& out) {
    const auto panels = cost_panels(r);
    std::vector<Series> all;
    for (const auto& p : panels) all.insert(all.end(), p.series.begin(), p.series.end());
    const fs::path data = work / "costs.dat", script = work / "costs.gp", png = plot_dir / "costs.png";
    const auto any = write_data(r, data, all);
    std::ofstream g(script);
    g << "set terminal pngcairo size 1500,900 font ',10'\nset output '" << png.string() << "'\n"
      << axes(r) << "set key left top samplen 2 font ',9'\n"
      << "set multiplot layout 2,3 title 'Costs against archive size (medians of runs)'\n";
    std::size_t offset = 0;
    for (const auto& p : panels) {
        panel(g, r, data, p, offset, any);
        offset += p.series.size();
    }
    g << "unset multiplot\n";
    g.close();
    if (render(script, png,
               "Indexing time, indexing memory, index size, uncached latency, HTTP throughput and server memory "
               "against archive size",
               out))
        out << "Dashed: growing as the archive does (∝ size, from Quorum's value at the smallest size; for "
               "throughput ∝ 1/size, the work per request growing as the archive). A line steeper than the dashed "
               "one grows faster than the archive.\n\n";
}

}  // namespace quorum::bench
