#include "quorum/index/text_fold.hpp"

#include "quorum/index/schema.hpp"
#include "quorum/text/utf8.hpp"

namespace quorum::index {

std::string bounded_term_value(std::string_view value) {
    if (value.size() <= schema::max_term_value) return std::string(value);
    // Room for '#' and 16 hex digits, cut where a code point starts.
    std::string out(value.substr(0, text::utf8_floor(value, schema::max_term_value - 17)));
    out.push_back('#');
    out += hex64(fnv1a(value));
    return out;
}

}  // namespace quorum::index
