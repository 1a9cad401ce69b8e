#include <fstream>
#include <stdexcept>
#include <sys/stat.h>

#include "quorum/index/index_writer.hpp"
#include "quorum/index/text_fold.hpp"

namespace quorum::index {

FileSignature stat_signature(const std::filesystem::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0)
        throw std::runtime_error("cannot read " + file.string() + ": it no longer exists or is not accessible");
    FileSignature sig;
    sig.size = static_cast<std::uint64_t>(st.st_size);
    sig.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    return sig;
}

std::string content_hash(std::string_view bytes) { return hex64(fnv1a(bytes)); }

std::string file_hash(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + file.string() + ": check that it exists and is readable");
    std::uint64_t h = text::kFnvOffsetBasis;
    std::string buffer(1 << 16, '\0');
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        h = fnv1a(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())), h);
    }
    return hex64(h);
}

}  // namespace quorum::index
