#include "json_fields.hpp"

namespace quorum::server {

using nlohmann::json;

std::string field(const json& object, std::string_view key) {
    if (!object.is_object()) return {};
    auto it = object.find(key);
    if (it == object.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_boolean()) return it->get<bool>() ? "true" : "false";
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    if (it->is_number()) return it->dump();
    return {};
}

std::string nested(const json& object, std::string_view key, std::string_view inner) {
    if (!object.is_object()) return {};
    auto it = object.find(key);
    return it == object.end() ? std::string() : field(*it, inner);
}

}  // namespace quorum::server
