// The shared corpora (../shared/corpora: real councils' papers, never committed): present
// on the team's machines, absent from a user's fresh clone, where the tests that read them
// skip and say so.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <system_error>

namespace quorum::test {

inline std::filesystem::path shared_corpora() { return std::filesystem::path(QUORUM_SHARED_DIR) / "corpora"; }

// True when the corpora are here; otherwise warns that the calling test is skipped.
// Use: `if (!corpora_or_skip()) return;`
inline bool corpora_or_skip() {
    std::error_code ec;
    if (std::filesystem::is_directory(shared_corpora(), ec)) return true;
    WARN("skipped: no shared corpora at " << shared_corpora().string() << " (a fresh clone has none)");
    return false;
}

}  // namespace quorum::test
