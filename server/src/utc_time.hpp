// The time now as the API writes times: RFC 3339 in UTC ("2025-01-31T12:00:00Z"), for
// Atom exports' "updated" and /healthz's shard "since".
#pragma once

#include <string>

namespace quorum::server {

[[nodiscard]] std::string rfc3339_now();

}  // namespace quorum::server
