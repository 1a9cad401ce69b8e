// The whole route table, plus the guard, error, exception and logging hooks, on a
// cpp-httplib server. Used by main and by the server tests (with a fake Backend).
#pragma once

#include "access_log.hpp"
#include "backend.hpp"
#include "request_guard.hpp"

#include <httplib.h>

#include <cstddef>
#include <memory>
#include <string>

namespace quorum::server {

struct AppOptions {
    std::string public_url;  // prefix of links in exports ("" = relative)
    GuardLimits limits;
    std::size_t cache_bytes = 0;  // response cache bound (0: no cache)
};

// The headers every response carries (docs/API.md, "Headers"): nosniff, open CORS,
// the page's Content-Security-Policy, no framing, no referrer.
[[nodiscard]] httplib::Headers security_headers();

// Installs everything on `server`. `backend` and `log` (may be null) must outlive it.
void install_app(httplib::Server& server, Backend& backend, AccessLog* log, AppOptions options = {});

}  // namespace quorum::server
