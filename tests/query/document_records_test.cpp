// Unit records name their document instead of copying its fields (issue 14: those fields
// were about half of every paragraph's stored record); the query library joins them back.
#include <catch2/catch.hpp>

#include <string>

#include "record_scanner.hpp"

using namespace quorum;

namespace {

// The record with the scanned "doc" member cut out, as the join cuts it.
std::string without_doc(const std::string& record) {
    auto f = query::record_fields(record, false);
    return record.substr(0, f.doc_begin) + record.substr(f.doc_end);
}

}  // namespace

TEST_CASE("the scanner finds the doc member wherever it stands, with one comma beside it", "[query][records]") {
    CHECK(query::record_fields(R"({"doc":"d1","id":"u1"})", false).doc == "d1");
    CHECK(without_doc(R"({"doc":"d1","id":"u1","text":"x"})") == R"({"id":"u1","text":"x"})");
    CHECK(without_doc(R"({"id":"u1", "doc" : "d1" ,"text":"x"})") == R"({"id":"u1", "text":"x"})");
    CHECK(without_doc(R"({"id":"u1","text":"x","doc":"d1"})") == R"({"id":"u1","text":"x"})");
    CHECK(without_doc(R"({"doc":"d1"})") == "{}");
    // A "doc" inside a nested object is not the unit's.
    auto nested = query::record_fields(R"({"id":"u1","decision":{"doc":"no"}})", false);
    CHECK(nested.doc.empty());
    CHECK(nested.id == "u1");
}
