// Reading the fields a search hit needs out of a stored JSON record.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace quorum::query {

struct RecordFields {
    std::string id, text;
    // "doc": the unit's document id, and where the member ("doc":"...") stands in the
    // record, so that the document's shared fields can take its place.
    std::string doc;
    std::size_t doc_begin = 0, doc_end = 0;
};

// A reader of the top-level "id", "text" and "doc" strings of a stored record, skipping
// every other value without building it: a hit needs only these, and a full parse of the
// record (a DOM, or even nlohmann's lexer) costs more than the rest of the hit. Any
// malformation gives empty fields (the caller then reads the id from the id term).
class RecordScanner {
public:
    explicit RecordScanner(std::string_view json) : s_(json) {}

    RecordFields read(bool want_text);

private:
    void ws();
    char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
    bool consume(char c);
    bool hex4(std::uint32_t& v);
    // A JSON string at i_, decoded into *out (or only skipped when out is null).
    bool string_value(std::string* out);
    bool skip_value();

    std::string_view s_;
    std::size_t i_ = 0;
};

// The id, the doc (and, when `want_text`, the text) of a stored record; empty when malformed.
[[nodiscard]] RecordFields record_fields(const std::string& json, bool want_text);

}  // namespace quorum::query
