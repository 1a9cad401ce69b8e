// JSON responses built from the query library's results. Stored records pass through
// (they are the indexer's JSON); the codec only removes "text" from hits, adds the hit
// fields, and makes sure every field the API lists is present (null when unknown).
#pragma once

#include "params.hpp"

#include <quorum/query/searcher.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace quorum::server {

// A stored record as JSON; with `drop_text` the top-level "text" is skipped while
// parsing. A record that is not a JSON object comes back as an empty object.
[[nodiscard]] nlohmann::json parse_record(std::string_view record, bool drop_text);

// One hit: the record without "text", plus rank, score, snippet and also_in.
[[nodiscard]] nlohmann::json hit_json(const query::Hit& hit);

[[nodiscard]] nlohmann::json search_json(const query::SearchRequest& request, const query::SearchResult& result);
[[nodiscard]] nlohmann::json unit_json(std::string_view record);
[[nodiscard]] nlohmann::json meeting_json(std::string_view record);
// Summaries, newest first (as the searcher returns them), optionally one page of them.
[[nodiscard]] nlohmann::json meetings_json(const std::vector<std::string>& records, const MeetingParams& params);

// Compact dump that never throws on invalid UTF-8 (replaced by U+FFFD).
[[nodiscard]] std::string dump(const nlohmann::json& value);

}  // namespace quorum::server
