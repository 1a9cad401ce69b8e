// Rows of the CSV export and entries of the Atom feed, built from hit JSON
// (json_codec's hit_json). Streaming them is the handlers' job.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "utc_time.hpp"  // rfc3339_now: the feed's "updated"

namespace quorum::server {

// Column header line, ending in CRLF.
[[nodiscard]] std::string csv_header();
// One line per hit, ending in CRLF. Links are `public_url` + "/api/units/ID" (relative when empty).
[[nodiscard]] std::string csv_row(const nlohmann::json& hit, std::string_view public_url);

// `updated` is an RFC 3339 time ("2025-01-31T12:00:00Z").
[[nodiscard]] std::string atom_begin(std::string_view q, std::string_view updated, std::string_view public_url);
[[nodiscard]] std::string atom_entry(const nlohmann::json& hit, std::string_view public_url, std::string_view updated);
[[nodiscard]] std::string atom_end();

}  // namespace quorum::server
