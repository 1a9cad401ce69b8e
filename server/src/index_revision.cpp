#include "index_revision.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>
#include "quorum/text/hash.hpp"

namespace quorum::server {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kFnvOffset = text::kFnvOffsetBasis;

void mix(std::uint64_t& h, const void* data, std::size_t n) {
    h = text::fnv1a(std::string_view(static_cast<const char*>(data), n), h);
}

void mix_number(std::uint64_t& h, std::uint64_t v) { mix(h, &v, sizeof v); }

// Adds one file's identity. False when it cannot be read.
bool mix_file(std::uint64_t& h, const fs::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return false;
    const std::string name = file.string();
    mix(h, name.data(), name.size());
    mix_number(h, static_cast<std::uint64_t>(st.st_ino));
    mix_number(h, static_cast<std::uint64_t>(st.st_size));
    mix_number(h, static_cast<std::uint64_t>(st.st_mtim.tv_sec));
    mix_number(h, static_cast<std::uint64_t>(st.st_mtim.tv_nsec));
    return true;
}

// A folder (or stub file) and, for stubs, what they list. False when unknowable.
// `walked`: the folder a stub was found in, whose entries the walk covers already.
bool mix_database(std::uint64_t& h, const fs::path& path, int depth, const fs::path* walked = nullptr) {
    if (depth > 4) return false;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        // Sorted, so that the order the directory lists its files in does not matter.
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(path, ec)) files.push_back(entry.path());
        if (ec) return false;
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            if (fs::is_directory(f, ec)) {
                if (!mix_database(h, f, depth + 1)) return false;
            } else if (f.filename() == "XAPIANDB") {
                if (!mix_database(h, f, depth + 1, &path)) return false;
            } else if (!mix_file(h, f)) {
                return false;
            }
        }
        return true;
    }
    // A stub database file: "auto PATH", "glass PATH", "remote ..." lines.
    if (!mix_file(h, path)) return false;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        const auto start = line.find_first_not_of(" \t");
        if (start == std::string::npos || line[start] == '#') continue;
        std::string_view rest(line);
        rest.remove_prefix(start);
        const auto space = rest.find_first_of(" \t");
        const std::string_view kind = rest.substr(0, space);
        if (kind != "auto" && kind != "glass" && kind != "chert" && kind != "honey") return false;  // remote, tcp, prog
        if (space == std::string_view::npos) return false;
        fs::path next(std::string(rest.substr(rest.find_first_not_of(" \t", space))));
        if (next.is_relative()) next = path.parent_path() / next;
        // A listed folder inside the folder being walked is covered by the walk, or absent: a
        // shard set's front server holds OUT/local and the stub, not the shards it lists.
        if (walked != nullptr && (next.lexically_normal().parent_path() / "") == (*walked / "").lexically_normal())
            continue;
        if (!mix_database(h, next, depth + 1)) return false;
    }
    return true;
}

}  // namespace

std::uint64_t index_fingerprint(const fs::path& db_dir) noexcept {
    try {
        std::uint64_t h = kFnvOffset;
        if (!mix_database(h, db_dir, 0)) return 0;
        return h == 0 ? 1 : h;
    } catch (...) {
        return 0;
    }
}

}  // namespace quorum::server
