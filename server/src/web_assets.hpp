// Static web assets (the search page) served at "/" and "/static/...".
// The web engineer provides the real implementation (embedded, generated files);
// web_assets_fallback.cpp answers "nothing embedded" until then.
#pragma once

#include <optional>
#include <string_view>

namespace quorum::server {

struct Asset {
    std::string_view body;
    std::string_view content_type;
};

// `path` is the URL path as requested, e.g. "/" or "/static/app.js". The views must
// stay valid for the life of the program (embedded data).
std::optional<quorum::server::Asset> find_asset(std::string_view path);

}  // namespace quorum::server
