// quorum-bench-report's gnuplot figures against archive size: latency.png (query latency)
// and costs.png (one panel per cost). bench_report.cpp reads the results; the figures
// see them only through Results.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace quorum::bench {

struct Results {
    std::vector<std::string> sizes;  // archive sizes in MB, smallest first; not empty
    // The median of the runs of (size, system, metric); nullopt when not measured. A '*' in
    // the metric stands for the most connections measured at that size (http_c*_rps).
    std::function<std::optional<double>(const std::string& size, const std::string& sys, const std::string& metric)>
        median;
    std::string top_connections;  // "64", or "most" when the most connections differ by size
};

// Each writes its data and gnuplot script into work, its PNG into plot_dir, and to out the
// markdown image, or why there is none (gnuplot missing or failed).
void latency_plot(const Results& r, const std::filesystem::path& plot_dir, const std::filesystem::path& work,
                  std::ostream& out);
void costs_plot(const Results& r, const std::filesystem::path& plot_dir, const std::filesystem::path& work,
                std::ostream& out);

}  // namespace quorum::bench
