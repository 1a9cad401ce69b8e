// A new shard set cut from a first build's parts, without copying documents one by one.
//
// A first build writes one part per thread and merges the parts, in order, into the single
// index (first_build.cpp). For a set, each part also writes each of the set's stores
// (shard_writer.hpp SetPart) at the part's own docids, with empty fillers at docid 1 and at
// the part's last docid where the store has none. Compacting a store's parts in the same order then gives every document the
// docid it has in the merged index, as the set needs (shard_set.hpp); the cut deletes the
// fillers and adds to each unit what its shard carries (shard_set_documents.hpp).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "shard_writer.hpp"

namespace quorum::index {

// Writes `set_dir`/local and `set_dir`/shard-K from `parts` (in the order they were merged
// into `whole_dir`), on up to `threads` threads, and records in local that the set follows
// the revision `whole_dir` has now: a later sync_shard_set copies only what changes after.
// Throws std::runtime_error.
void cut_set_from_parts(const std::filesystem::path& set_dir, const std::vector<SetPart>& parts,
                        const std::filesystem::path& whole_dir, unsigned threads);

}  // namespace quorum::index
