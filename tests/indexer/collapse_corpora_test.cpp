// Near-duplicates collapsed (issue 13) on the shared archives: copies collapse, records of
// two meetings in the same words do not. Skipped when ../shared is absent.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "shared_corpora.hpp"
#include "quorum/corpus/reader.hpp"
#include "quorum/index/collapse_key.hpp"
#include "quorum/index/document_builder.hpp"
#include "quorum/index/schema.hpp"
#include "quorum/index/text_fold.hpp"

using namespace quorum;
namespace fs = std::filesystem;
namespace s = quorum::index::schema;

namespace {

struct KeyedUnit {
    std::string type, text, key;
};

const fs::path corpora = quorum::test::shared_corpora();

// The units of one file with the collapse keys the indexer gives them.
std::vector<KeyedUnit> keyed_units(const std::string& relative) {
    const fs::path path = corpora / relative;
    INFO(path.string());
    REQUIRE(fs::exists(path));
    const corpus::FileResult file = corpus::read_file(path);
    REQUIRE(file.ok);
    index::DocumentBuilder builder;
    const index::BuiltFile built = builder.build(file, relative);
    std::vector<KeyedUnit> out;
    for (const auto& doc : file.documents)
        for (const auto& unit : doc.units) out.push_back({corpus::to_string(unit.type), unit.text, ""});
    REQUIRE(out.size() == built.units.size());
    for (std::size_t i = 0; i < out.size(); ++i) out[i].key = built.units[i].doc.get_value(s::collapse_slot);
    return out;
}

std::set<std::string> keys_of(const std::vector<KeyedUnit>& units) {
    std::set<std::string> keys;
    for (const auto& u : units) keys.insert(u.key);
    return keys;
}

std::size_t shared_keys(const std::vector<KeyedUnit>& a, const std::vector<KeyedUnit>& b) {
    const auto in_b = keys_of(b);
    std::size_t n = 0;
    for (const auto& key : keys_of(a)) n += in_b.count(key);
    return n;
}

// Units of `a` whose type and folded text a unit of `b` has: the same words in both.
std::size_t same_wording(const std::vector<KeyedUnit>& a, const std::vector<KeyedUnit>& b) {
    std::set<std::string> in_b;
    for (const auto& u : b) in_b.insert(u.type + '\n' + index::collapse_text(u.text));
    std::size_t n = 0;
    for (const auto& u : a) n += in_b.count(u.type + '\n' + index::collapse_text(u.text));
    return n;
}

bool all_collapse(const std::vector<KeyedUnit>& copy, const std::vector<KeyedUnit>& original) {
    const auto keys = keys_of(original);
    for (const auto& u : copy)
        if (keys.count(u.key) == 0) {
            UNSCOPED_INFO("not collapsed: " << u.type << ": " << u.text.substr(0, 120));
            return false;
        }
    return true;
}

}  // namespace

TEST_CASE("collapse on Kent: the 9 January minutes reprinted for 13 February collapse, the two meetings do not",
          "[collapse][corpora]") {
    if (!quorum::test::corpora_or_skip()) return;
    const auto printed = keyed_units(
        "kent-cc-moderngov/full_council/2025-01-09/originals/Printed minutes 09th-Jan-2025 10.00 County Council.pdf");
    const auto reprint =
        keyed_units("kent-cc-moderngov/full_council/2025-02-13/originals/9 January 2025 - County Council minutes.pdf");
    const auto february = keyed_units(
        "kent-cc-moderngov/full_council/2025-02-13/originals/Printed minutes 13th-Feb-2025 09.30 County Council.pdf");
    CHECK(reprint.size() == printed.size());
    CHECK(all_collapse(reprint, printed));
    // Both meetings record "Amendment lost." (and more as the wording repeats): two events.
    CHECK(same_wording(february, printed) >= 1);
    CHECK(shared_keys(february, printed) == 0);
}

TEST_CASE("collapse on Kent: the undated 'originals' copy of the questions collapses with the 13 March pack",
          "[collapse][corpora]") {
    if (!quorum::test::corpora_or_skip()) return;
    const auto original = keyed_units(
        "kent-cc-moderngov/full_council/2025-03-13/originals/Questions put and answers given - March 2025.pdf");
    const auto pack = keyed_units(
        "kent-cc-moderngov/full_council/2025-03-13/public_packs/Questions put and answers given 13th-Mar-2025 10.00 "
        "County Council.pdf");
    // The original has no meeting date and another heading; before issue 13 none of its
    // units collapsed. Every long passage (96 when measured) now does.
    std::vector<KeyedUnit> long_passages;
    for (const auto& u : original)
        if (index::fold_words(u.text).size() >= index::distinctive_words) long_passages.push_back(u);
    CHECK(long_passages.size() >= 90);
    CHECK(all_collapse(long_passages, pack));
}

TEST_CASE("collapse on Limerick: minutes filed under two meetings collapse, monthly attendance lists do not",
          "[collapse][corpora]") {
    if (!quorum::test::corpora_or_skip()) return;
    const std::string name = "/Minutes - Meeting of Limerick City and County Council 25th January 2016.md";
    const auto filed_first =
        keyed_units("limerick-ccc-md/meetings/2016/03/14-Full Meeting of Limerick City and County Council" + name);
    const auto filed_again =
        keyed_units("limerick-ccc-md/meetings/2016/03/23-Full Meeting of Limerick City and County Council" + name);
    CHECK(filed_again.size() == filed_first.size());
    CHECK(all_collapse(filed_again, filed_first));

    // Newcastle West, November and December 2021 and January 2022 (two of the names have a
    // no-break space): the same officials in attendance each month (one 45-word unit) and
    // standard lines, at three meetings.
    const std::string nw = "limerick-ccc-md/meetings/";
    const auto november = keyed_units(
        nw + "2021/12/01-Monthly Meeting of the Municipal District of Newcastle West/" +
        "Minutes -\xC2\xA0Monthly Meeting of the Municipal District of Newcastle West - 3rd November 2021.md");
    const auto december = keyed_units(
        nw + "2022/01/12-Virtual Monthly Meeting of the Municipal District of Newcastle West/" +
        "Minutes -\xC2\xA0Monthly Meeting of the Municipal District of Newcastle West - 1st December 2021.md");
    const auto january =
        keyed_units(nw + "2022/02/02-Monthly Meeting of the Municipal District of Newcastle West/" +
                    "Minutes - Monthly Meeting of the Municipal District of Newcastle West - 12th January 2022.md");
    CHECK(same_wording(december, november) >= 1);
    CHECK(same_wording(january, december) >= 1);
    CHECK(shared_keys(december, november) == 0);
    CHECK(shared_keys(january, december) == 0);
    CHECK(shared_keys(january, november) == 0);
}
