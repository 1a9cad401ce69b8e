// The web page, embedded at build time (server/web/web_assets.cmake generates
// web_assets_data.cpp in the build dir). Paths map exactly onto the embedded names, so
// nothing on disk is ever read and no path can escape the table.
#include "web_assets.hpp"

#include "web_assets_data.hpp"

namespace quorum::server {

namespace {

std::optional<Asset> embedded(std::string_view name) {
    for (std::size_t i = 0; i < web_data::file_count; ++i) {
        const auto& file = web_data::files[i];
        if (file.name == name) {
            return Asset{std::string_view(reinterpret_cast<const char*>(file.data), file.size), file.content_type};
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<Asset> find_asset(std::string_view path) {
    // Every state of the page lives in the query string, so the page itself is only "/".
    if (path == "/" || path == "/index.html") return embedded("index.html");
    if (path == "/favicon.ico") return embedded("favicon.svg");
    constexpr std::string_view prefix = "/static/";
    if (path.starts_with(prefix)) {
        const auto name = path.substr(prefix.size());
        if (name.empty() || name.find('/') != std::string_view::npos) return std::nullopt;
        return embedded(name);
    }
    return std::nullopt;
}

}  // namespace quorum::server
