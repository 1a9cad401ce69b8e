// The shared text rules (text/): UTF-8 checks, repair, encoding and cuts; folding, slugs,
// trimming; ASCII helpers; stable hashes.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "quorum/text/ascii.hpp"
#include "quorum/text/fold.hpp"
#include "quorum/text/hash.hpp"
#include "quorum/text/utf8.hpp"

using namespace quorum::text;

TEST_CASE("fold makes curly quotes, case, accents and spacing match their plain forms") {
    CHECK(fold_key("Children\xE2\x80\x99s  Services") == "children's services");
    CHECK(fold_key("  CAF\xC3\x89 na\xC3\xAFve\t r\xC3\xA9sum\xC3\xA9 ") == "cafe naive resume");
    CHECK(fold_key("\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x93 text") == "\"quoted\" - text");
    CHECK(fold_key("Stra\xC3\x9F"
                   "e") == "strasse");
    CHECK(fold_key("\xEF\xBC\xA1\xEF\xBC\xA2") == "ab");  // full-width letters (NFKC)
    CHECK(fold_key("non\xC2\xA0"
                   "breaking") == "non breaking");
    CHECK(fold_key("") == "");
}

TEST_CASE("fold repairs invalid UTF-8 instead of failing") {
    const std::string folded = fold_key("Bad \xC3 byte \xC3\xA9");
    CHECK(folded == "bad \xEF\xBF\xBD byte e");
}

TEST_CASE("slug gives URL-safe ids from names") {
    CHECK(slug("Children and Young People Scrutiny Committee") == "children-and-young-people-scrutiny-committee");
    CHECK(slug("Helen I\xE2\x80\x99"
               "Anson") == "helen-ianson");
    CHECK(slug("samples/000_93a416bcbe6d1f5a") == "samples-000-93a416bcbe6d1f5a");
    CHECK(slug("  --Caf\xC3\xA9 (Plough Lane)!  ") == "cafe-plough-lane");
    CHECK(slug("***") == "");
}

TEST_CASE("repair_utf8 replaces overlong forms, surrogates and truncated sequences") {
    bool repaired = false;
    CHECK(repair_utf8("ok", &repaired) == "ok");
    CHECK_FALSE(repaired);
    CHECK(repair_utf8("a\xC0\xAF"
                      "b",
                      &repaired) ==
          "a\xEF\xBF\xBD"
          "b");  // one mark per bad run
    CHECK(repaired);
    CHECK(repair_utf8("\xED\xA0\x80") != "\xED\xA0\x80");
    CHECK(repair_utf8("end\xE2\x80") == "end\xEF\xBF\xBD");
}

TEST_CASE("to_nfc composes decomposed accents") {
    CHECK(to_nfc("Cafe\xCC\x81") == "Caf\xC3\xA9");
    CHECK(to_nfc("plain") == "plain");
}

TEST_CASE("trim removes ASCII and Unicode spaces at both ends and collapse_spaces joins inner runs") {
    CHECK(trim("\xC2\xA0  Agenda item \t\xE2\x80\x83") == "Agenda item");
    CHECK(trim(" \xC2\xA0 ") == "");
    CHECK(trim("x") == "x");
    CHECK(collapse_spaces("  a \t\xC2\xA0 b\n c  ") == "a b c");
}

TEST_CASE("utf8 validity agrees with repair: valid text is unchanged, invalid text is repaired") {
    CHECK(is_valid_utf8("Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xE2\x82"));          // truncated
    for (const std::string s : {"plain", "Caf\xC3\xA9", "a\xC3", "\xFF\xFE", "x\xE2\x82y"}) {
        bool repaired = true;
        const std::string out = repair_utf8(s, &repaired);
        CHECK(is_valid_utf8(out));
        CHECK(repaired == !is_valid_utf8(s));
    }
}

TEST_CASE("append_utf8 writes every plane and replaces what is not a character") {
    std::string out;
    for (const std::uint32_t c : {0x41u, 0xE9u, 0x20ACu, 0x1F600u}) append_utf8(out, c);
    CHECK(out == "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
    std::string bad;
    for (const std::uint32_t c : {0x0u, 0xD800u, 0x110000u}) append_utf8(bad, c);
    CHECK(bad == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    std::size_t i = 0;
    std::vector<char32_t> decoded;
    while (i < out.size()) decoded.push_back(utf8_next(out, i));
    CHECK(decoded == std::vector<char32_t>{0x41, 0xE9, 0x20AC, 0x1F600});
    CHECK(utf8_length(out) == 4);
}

TEST_CASE("a cut never falls inside a UTF-8 sequence") {
    const std::string s =
        "ab\xE2\x82\xAC"
        "cd";  // a b EURO c d
    CHECK(utf8_floor(s, 3) == 2);
    CHECK(utf8_floor(s, 4) == 2);
    CHECK(utf8_floor(s, 5) == 5);
    CHECK(utf8_ceil(s, 3) == 5);
    CHECK(utf8_floor(s, 100) == s.size());
}

TEST_CASE("fold_for_search keeps case but agrees with fold_key on accents, quotes and dashes") {
    CHECK(fold_for_search("Children\u2019s Caf\u00e9 \u2013 AND") == "Children's Cafe - AND");
    CHECK(fold_key(fold_for_search("Children\u2019s Caf\u00e9")) == fold_key("Children\u2019s Caf\u00e9"));
    CHECK(fold_words("Multi-Agency Safeguarding Hub") ==
          std::vector<std::string>{"multi", "agency", "safeguarding", "hub"});
    CHECK(phrase_key("  Multi-Agency\u00a0Safeguarding Hub ") == "multi agency safeguarding hub");
}

TEST_CASE("one slug rule for ids and filters: an apostrophe joins however it is printed") {
    // Regression: the readers' ids and the query library's filters used two slug rules that
    // disagreed on apostrophes ("childrens-services" against "children-s-services").
    CHECK(slug("Children's Services") == "childrens-services");
    CHECK(slug("Children\u2019s Services") == "childrens-services");
    CHECK(slug("CHILDREN`S SERVICES") == "childrens-services");
}

TEST_CASE("a name known only by its slug reads as words") {
    CHECK(name_from_slug("phillip-howells") == "Phillip Howells");
    CHECK(name_from_slug(slug("Children and Young People")) == "Children And Young People");
    CHECK(name_from_slug("") == "");
}

TEST_CASE("ASCII helpers never treat UTF-8 bytes as letters, digits or spaces") {
    CHECK(is_digit('7'));
    CHECK_FALSE(is_digit('\xD9'));
    CHECK_FALSE(is_alpha('\xC3'));
    CHECK(is_blank('\t'));
    CHECK_FALSE(is_blank('\n'));
    CHECK(is_space('\n'));
    CHECK(trim_view(" \t 12. Item \r\n") == "12. Item");
    CHECK(starts_with_ci("RESOLVED that", "resolved"));
    CHECK_FALSE(starts_with_ci("RES", "resolved"));
    CHECK(to_lower("CAF\xC3\x89") == "caf\xC3\x89");
}

TEST_CASE("fnv1a is the published FNV-1a and hex64 prints 16 digits") {
    CHECK(fnv1a("") == 14695981039346656037ull);
    CHECK(fnv1a("a") == 0xaf63dc4c8601ec8cull);  // FNV-1a test vector
    CHECK(hex64(0xaf63dc4c8601ec8cull) == "af63dc4c8601ec8c");
    CHECK(fnv1a("b", fnv1a("a")) == fnv1a("ab"));
}
