// Unit records name their document instead of copying its fields (issue 14: those fields
// were about half of every paragraph's stored record); the query library joins them back.
#include <catch2/catch.hpp>

#include <string>

#include "record_scanner.hpp"

using namespace quorum;

namespace {

// The record with the scanned "doc" member replaced, as the join replaces it.
std::string replaced(const std::string& record, const std::string& body = "B") {
    auto f = query::record_fields(record, false);
    REQUIRE(f.doc_end > f.doc_begin);
    return record.substr(0, f.doc_begin) + body + record.substr(f.doc_end);
}

}  // namespace

TEST_CASE("the scanner finds the doc member wherever it stands", "[query][records]") {
    CHECK(query::record_fields(R"({"doc":"d1","id":"u1"})", false).doc == "d1");
    CHECK(replaced(R"({"doc":"d1","id":"u1","text":"x"})") == R"({B,"id":"u1","text":"x"})");
    CHECK(replaced(R"({"id":"u1", "doc" : "d1" ,"text":"x"})") == R"({"id":"u1", B ,"text":"x"})");
    CHECK(replaced(R"({"id":"u1","text":"x","doc":"d\"1"})") == R"({"id":"u1","text":"x",B})");
    CHECK(replaced(R"({"doc":"d1"})") == "{B}");
    CHECK(query::record_fields(R"({"id":"u1","doc":"d\"1"})", false).doc == "d\"1");
    // A "doc" inside a nested object is not the unit's.
    auto nested = query::record_fields(R"({"id":"u1","decision":{"doc":"no"}})", false);
    CHECK(nested.doc.empty());
    CHECK(nested.doc_end == 0);
    CHECK(nested.id == "u1");
}
