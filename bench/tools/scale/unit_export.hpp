// The peers' view of an archive: every document split into paragraphs (blocks of text
// between blank lines), one row per paragraph, with the document's committee and date
// from its sidecar. This is what "unit" means for SQLite FTS5 and PostgreSQL.
#pragma once

#include <cstdint>
#include <filesystem>

namespace quorum::bench {

struct ExportStats {
    std::uint64_t documents = 0;
    std::uint64_t units = 0;
    std::uint64_t bytes = 0;
};

// tsv: PostgreSQL COPY text format (id, doc, committee, date, body).
// usv: the same fields for sqlite3's ".mode ascii" (0x1F between fields, 0x1E after rows).
ExportStats export_units(const std::filesystem::path& archive, const std::filesystem::path& tsv,
                         const std::filesystem::path& usv);

}  // namespace quorum::bench
