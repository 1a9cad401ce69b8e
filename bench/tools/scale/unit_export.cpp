#include "unit_export.hpp"

#include "lexicon.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace quorum::bench {
namespace fs = std::filesystem;
namespace {

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool blank(const std::string& line) {
    return std::all_of(line.begin(), line.end(), [](unsigned char c) { return std::isspace(c); });
}

void append_collapsed(std::string& body, const std::string& line) {
    for (unsigned char c : line) {
        if (std::isspace(c) || c == '\\' || c == 0x1E || c == 0x1F) {
            if (!body.empty() && body.back() != ' ') body += ' ';
        } else {
            body += static_cast<char>(c);
        }
    }
    if (!body.empty() && body.back() != ' ') body += ' ';
}

}  // namespace

ExportStats export_units(const fs::path& archive, const fs::path& tsv, const fs::path& usv) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(archive)) {
        const auto ext = e.path().extension();
        if (e.is_regular_file() && (ext == ".txt" || ext == ".md")) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::ofstream t(tsv, std::ios::binary), u(usv, std::ios::binary);
    if (!t || !u)
        throw std::runtime_error("cannot write " + tsv.string() + " or " + usv.string() + ": check the folder exists");
    ExportStats stats;
    for (const auto& file : files) {
        std::string committee = "", date = "\\N", udate = "";
        const fs::path sidecar = file.string() + ".meta.json";
        if (fs::exists(sidecar)) {
            const auto meta = nlohmann::json::parse(read_file(sidecar), nullptr, false);
            if (meta.is_object()) {
                committee = slug(meta.value("committee", ""));
                if (meta.contains("date") && meta["date"].is_string()) udate = date = meta["date"].get<std::string>();
            }
        }
        const std::string doc = slug(fs::relative(file, archive.parent_path()).string());
        std::istringstream in(read_file(file));
        std::string line, body;
        int ordinal = 0;
        auto flush = [&] {
            while (!body.empty() && body.back() == ' ') body.pop_back();
            if (body.empty()) return;
            char id[16];
            std::snprintf(id, sizeof id, "-u%04d", ++ordinal);
            t << doc << id << '\t' << doc << '\t' << committee << '\t' << date << '\t' << body << '\n';
            u << doc << id << '\x1F' << doc << '\x1F' << committee << '\x1F' << udate << '\x1F' << body << '\x1E';
            ++stats.units;
            stats.bytes += body.size();
            body.clear();
        };
        while (std::getline(in, line)) {
            if (blank(line))
                flush();
            else
                append_collapsed(body, line);
        }
        flush();
        ++stats.documents;
    }
    return stats;
}

}  // namespace quorum::bench
