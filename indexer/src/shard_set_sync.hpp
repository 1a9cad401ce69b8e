// Cutting a shard set from the single index it follows (shard_set.hpp has the layout):
// units go to shard fnv1a64(document id) % N, everything else to OUT/local, each with the
// docid it has in OUT/whole; metadata, spelling and synonyms are copied to OUT/local.
//
// A run updates OUT/whole first (one atomic commit, as for a single index), then copies
// the docids that run wrote or deleted. The shards commit before OUT/local, whose
// quorum:synced-revision names the revision of OUT/whole the set now follows: a run
// interrupted between the two commits leaves it naming the older revision, and the next
// run then copies everything again, so the set always converges on OUT/whole.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace quorum::index {

// What `dir` holds of a shard set.
enum class SetState {
    none,        // no OUT/local, OUT/whole or stub: a single index, or nothing yet
    set,         // OUT/local names the set's shard count
    unfinished,  // OUT/whole, and no OUT/local with a shard count: a conversion not (yet) done
};
// Throws std::runtime_error when OUT/local exists but cannot be read (never taken for
// "no set": a run would then remake the shards a server is serving).
[[nodiscard]] SetState shard_set_state(const std::filesystem::path& dir);
// The number of shards of the set at `dir`; throws std::runtime_error when it has none.
[[nodiscard]] unsigned shard_set_size(const std::filesystem::path& dir);
// The revision of the set's OUT/whole the set last followed ("" before its first copy).
[[nodiscard]] std::string synced_revision(const std::filesystem::path& dir);

// The shard (0..shards-1) that holds the units of document `document_id`.
[[nodiscard]] unsigned shard_of_document(const std::string& document_id, unsigned shards);

struct SetSyncCounts {
    std::size_t copied = 0, deleted = 0;
    bool full = false;  // every document copied (a new set, or one a killed run left behind)
};

// Makes OUT/local and OUT/shard-0..N-1 at `dir` follow `dir`/whole. `changed`: the docids
// the last run wrote or deleted there, valid when the set followed `previous_revision`
// before it; otherwise (or when `changed` is null) every document is copied.
// Throws std::runtime_error when a database cannot be written.
SetSyncCounts sync_shard_set(const std::filesystem::path& dir, unsigned shards, const std::string& previous_revision,
                             const std::vector<Xapian::docid>* changed);

}  // namespace quorum::index
