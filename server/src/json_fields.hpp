// Fields of the JSON records the exports read (hits and list-form records), as text.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace quorum::server {

// A field of an object as text: a string as is, a number or a boolean printed; "" when
// absent, null, an object or an array (or when `object` is not an object).
[[nodiscard]] std::string field(const nlohmann::json& object, std::string_view key);

// field(object[key], inner): "" when object[key] is absent.
[[nodiscard]] std::string nested(const nlohmann::json& object, std::string_view key, std::string_view inner);

}  // namespace quorum::server
