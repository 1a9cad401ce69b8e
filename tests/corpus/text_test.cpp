// Text for the readers: decoding bytes of unknown encoding, heading case. (The shared rules
// themselves are tested in tests/text.)
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "quorum/corpus/text.hpp"

using namespace quorum::corpus;

namespace {
bool has_code(const std::vector<Diagnostic>& ds, const std::string& code) {
    for (const auto& d : ds)
        if (d.code == code) return true;
    return false;
}
}  // namespace

TEST_CASE("decode_to_utf8 passes valid UTF-8 through and strips a BOM without a diagnostic") {
    std::vector<Diagnostic> ds;
    CHECK(decode_to_utf8("\xEF\xBB\xBF"
                         "Caf\xC3\xA9",
                         "f.txt", ds) == "Caf\xC3\xA9");
    CHECK(ds.empty());
}

TEST_CASE("decode_to_utf8 reads Windows-1252 text and reports it once") {
    std::vector<Diagnostic> ds;
    // 0x92 right quote, 0x96 en dash, 0xE9 e-acute, 0x80 euro
    const std::string out = decode_to_utf8(
        "Children\x92s services \x96 caf\xE9 \x80"
        "5 caf\xE9",
        "f.txt", ds);
    CHECK(out ==
          "Children\xE2\x80\x99s services \xE2\x80\x93 caf\xC3\xA9 \xE2\x82\xAC"
          "5 caf\xC3\xA9");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].code == "windows-1252");
    CHECK(ds[0].file == "f.txt");
}

TEST_CASE("decode_to_utf8 repairs a UTF-8 file with a damaged byte and reports invalid-utf8") {
    std::vector<Diagnostic> ds;
    const std::string out =
        decode_to_utf8("caf\xC3\xA9 na\xC3\xAFve \xE2\x80\x98q\xE2\x80\x99 broken \xFF here", "g.txt", ds);
    CHECK(out == "caf\xC3\xA9 na\xC3\xAFve \xE2\x80\x98q\xE2\x80\x99 broken \xEF\xBF\xBD here");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].code == "invalid-utf8");
}

TEST_CASE("decode_to_utf8 converts UTF-16 with a byte order mark") {
    std::vector<Diagnostic> ds;
    const std::string le(
        "\xFF\xFE"
        "A\0\xE9\0"
        "\x19\x20",
        8);
    CHECK(decode_to_utf8(le, "u.txt", ds) == "A\xC3\xA9\xE2\x80\x99");
    const std::string be("\xFE\xFF\0A\0\xE9", 6);
    CHECK(decode_to_utf8(be, "u.txt", ds) == "A\xC3\xA9");
    CHECK(has_code(ds, "utf-16"));
}

TEST_CASE("heading_case turns capitals into title case but keeps acronyms and small words") {
    CHECK(heading_case("FOSTERING SERVICE UPDATE") == "Fostering Service Update");
    CHECK(heading_case("APOLOGIES FOR ABSENCE") == "Apologies for Absence");
    CHECK(heading_case("SEND STRATEGY AND THE DfE") == "SEND Strategy and the DfE");
    CHECK(heading_case("CHILDREN'S SERVICES: INVESTING") == "Children's Services: Investing");
    CHECK(heading_case("THE NHS PLAN 2022/23") == "The NHS Plan 2022/23");
}
