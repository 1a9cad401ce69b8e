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

// For a new shard set (quorum-index --shards N) a part also writes what each of the set's
// stores will hold (shard_set_cut.hpp): its units of set shard K into `stores[1 + K]`,
// everything else into `stores[0]`, at the docids they have in the part. Units are written
// twice, which costs less than copying them out of the merged index one by one.
struct SetPart {
    std::vector<std::filesystem::path> stores;     // local, shard-0, ..., shard-(N-1)
    std::vector<std::vector<Xapian::docid>> fillers;  // per store, after finish(): see finish()
    Xapian::docid last_docid = 0;                      // the part's, after finish()
};

class ShardWriter {
public:
    // Creates a new shard database at `dir` (which must not exist), and the set's stores of
    // `set` when it names any. Throws std::runtime_error.
    ShardWriter(const std::filesystem::path& dir, std::string options, SetPart* set = nullptr);

    // Adds the units of a file and its per-file record; returns the number of units.
    std::size_t add_file(const std::string& key, const std::filesystem::path& path, const FileSignature& signature,
                         BuiltFile& built);
    // Writes the pending spelling words and commits; the shard is then closed. A set's stores
    // get an empty "filler" document at docids 1 and last_docid where they have none, so that
    // compacting a store's parts in order gives each the offset its part has in the merged
    // index (Xapian renumbers a source from its first used docid up to its last); the cut
    // deletes the fillers.
    void finish();

private:
    void flush_spelling();

    void write_to_set(Xapian::docid did, const Xapian::Document& doc);

    Xapian::WritableDatabase db_;
    std::string options_;
    SetPart* set_ = nullptr;
    std::vector<Xapian::WritableDatabase> set_dbs_;
    std::vector<Xapian::docid> set_first_, set_last_;  // per store: the first and last docid written
    std::unordered_map<std::string, unsigned> spelling_;  // summed per word between flushes
    std::size_t units_since_flush_ = 0;
};

// Merges `shards`, in order (docids follow: the first shard's units first), into a new
// database at `out`. Throws std::runtime_error.
void merge_shards(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& out);

}  // namespace quorum::index
