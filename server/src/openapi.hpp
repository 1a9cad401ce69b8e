// The OpenAPI 3.0 description of the HTTP API (server/src/openapi.json, embedded at build time).
#pragma once

#include <string_view>

namespace quorum::server {

std::string_view openapi_json() noexcept;

}  // namespace quorum::server
