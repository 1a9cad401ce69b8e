// A fingerprint of an index folder as it is on disk, so that answers computed from one
// revision of the index are never served for another (the response cache keys on it).
// Xapian rewrites its version file on every commit, so the sizes, times and inodes of
// the files change with each revision.
#pragma once

#include <cstdint>
#include <filesystem>

namespace quorum::server {

// A hash of every file under `db_dir` (and of the local databases a XAPIANDB stub file
// lists). 0 when it cannot be known: the folder is unreadable, or a stub lists a remote
// database whose changes a stat cannot see. Never throws.
[[nodiscard]] std::uint64_t index_fingerprint(const std::filesystem::path& db_dir) noexcept;

}  // namespace quorum::server
