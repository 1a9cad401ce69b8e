# Writes a C++ file defining `std::string_view NAMESPACE::FUNCTION() noexcept` that
# returns the text of INPUT (used for openapi.json). Run with cmake -P at build time.
# Variables: INPUT, OUTPUT, NAMESPACE, FUNCTION.
file(READ "${INPUT}" content)
string(FIND "${content}" ")quorum_embed\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )quorum_embed\"")
endif()
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT} by embed_text.cmake: do not edit.
#include <string_view>
namespace ${NAMESPACE} {
std::string_view ${FUNCTION}() noexcept {
    static constexpr std::string_view text = R\"quorum_embed(${content})quorum_embed\";
    return text;
}
}
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
