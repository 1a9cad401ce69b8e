// Wildcards ("counc*", "title:plan*") expanded here, from the whole index's vocabulary,
// instead of by Xapian at match time. Xapian 1.4 expands a wildcard inside each database
// it searches, each with its own term frequencies, so a shard set would choose other
// terms (and weigh them otherwise) than the single index. Here the most frequent
// `max_wildcard_expansion` terms of the whole index are taken (ties by term), the same on
// one index and on a set, and searched as one OP_SYNONYM, as Xapian's expansion is.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace quorum::query {

// The field name a wildcard of field `field` ("" for none) is rewritten to.
[[nodiscard]] std::string wildcard_field(std::string_view field);

// `text` with each wildcard token outside quotes ("co*", "title:co*") rewritten as a field
// the WildcardProcessor of that field expands ("qwild:co", "qwildtitle:co"). Fields other
// than those in `fields` (boolean filters) are left as they are.
[[nodiscard]] std::string rewrite_wildcards(const std::string& text, const std::vector<std::string>& fields);

// The inverse of rewrite_wildcards, for text the parser gives back (a corrected query).
[[nodiscard]] std::string restore_wildcards(const std::string& text);

class WildcardProcessor : public Xapian::FieldProcessor {
public:
    // `term_prefix`: the index prefix of the field's terms ("" for free text, "S" for titles).
    WildcardProcessor(const Xapian::Database& db, std::string term_prefix, unsigned max_expansion)
        : db_(db), prefix_(std::move(term_prefix)), max_(max_expansion) {}
    Xapian::Query operator()(const std::string& word) override;

private:
    const Xapian::Database& db_;
    std::string prefix_;
    unsigned max_;
};

}  // namespace quorum::query
