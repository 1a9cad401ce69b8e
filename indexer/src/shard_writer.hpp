// A first build of an index writes one shard per reader thread, each thread adding the
// documents of its own files with no lookups, and merges the shards at the end. Xapian
// writes one database from one thread at a time, so shards are how both cores write.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "quorum/index/document_builder.hpp"
#include "quorum/index/index_writer.hpp"

namespace quorum::index {

class ShardWriter {
public:
    // Creates a new shard database at `dir` (which must not exist). Throws std::runtime_error.
    ShardWriter(const std::filesystem::path& dir, std::string options);

    // Adds the units of a file and its per-file record; returns the number of units.
    std::size_t add_file(const std::string& key, const std::filesystem::path& path, const FileSignature& signature,
                         BuiltFile& built);
    // Writes the pending spelling words and commits; the shard is then closed.
    void finish();

private:
    void flush_spelling();

    Xapian::WritableDatabase db_;
    std::string options_;
    std::unordered_map<std::string, unsigned> spelling_;  // summed per word between flushes
    std::size_t units_since_flush_ = 0;
};

// Merges `shards`, in order (docids follow: the first shard's units first), into a new
// database at `out`. Throws std::runtime_error.
void merge_shards(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& out);

}  // namespace quorum::index
