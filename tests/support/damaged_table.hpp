// Damages one table of a Xapian glass index as a failing disk would: every block but the
// root is overwritten, so the index still opens and the damage shows only when a read
// goes below the root. For the tests of the index health checks (issue 15).
#pragma once

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>

#include <xapian.h>

namespace quorum::test {

// `table`: "position", "spelling", ... Throws when the table has a single level (nothing
// below the root to damage): the test must index more text.
inline void damage_table(const std::filesystem::path& db, const std::string& table) {
    const auto file = db / (table + ".glass");
    std::ostringstream stats;
    Xapian::Database::check(file.string(), Xapian::DBCHECK_SHOW_STATS, &stats);
    std::smatch m;
    const std::string text = stats.str();
    if (!std::regex_search(text, m, std::regex(R"(blocksize=(\d+)K .* levels=(\d+) root=(\d+))")))
        throw std::runtime_error("no table statistics for " + file.string() + ": " + text);
    const std::size_t block = std::stoul(m[1]) * 1024;
    const auto root = std::stoul(m[3]);
    if (std::stoul(m[2]) == 0) throw std::runtime_error(table + " has one level: index more text to damage it");
    const auto size = std::filesystem::file_size(file);
    std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
    const std::string garbage(block, '\x5a');
    for (std::size_t b = 0; b * block < size; ++b) {
        if (b == root) continue;
        out.seekp(static_cast<std::streamoff>(b * block));
        out.write(garbage.data(), static_cast<std::streamsize>(block));
    }
}

}  // namespace quorum::test
