// Near-duplicates collapsed (issue 13): the collapse key's text folding, and copies read
// from small fixtures that reproduce the archives' cases (tests/fixtures/collapse/):
// - a minute and its reprint among the next meeting's papers (Kent's "Minutes of Previous
//   Meeting.pdf", Limerick's minutes filed under the next meeting), the reprint re-wrapped
//   with hyphens at line ends, a page number, spacing, a stray bullet and OCR's "l" for "1";
// - a report's undated "originals" copy and its copy in a later meeting's pack;
// - the same short wording recorded at two meetings, which must stay two hits.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "quorum/index/collapse_key.hpp"
#include "quorum/index/index_run.hpp"
#include "quorum/index/schema.hpp"
#include "quorum/query/searcher.hpp"
#include "temp_dir.hpp"

using namespace quorum;
namespace s = quorum::index::schema;
namespace fs = std::filesystem;
using index::collapse_text;

namespace {

struct IndexedUnit {
    std::string id, type, title, text, key;
};

// The units read from one input file (its file key), in document order.
std::vector<IndexedUnit> units_of(const Xapian::Database& db, const std::string& file_key) {
    std::vector<IndexedUnit> out;
    const std::string term = s::term(s::file_prefix, file_key);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        const Xapian::Document doc = db.get_document(*it);
        const auto record = nlohmann::json::parse(doc.get_data());
        out.push_back({record["id"], record["type"], record["title"], record["text"], doc.get_value(s::collapse_slot)});
    }
    return out;
}

const IndexedUnit& find_unit(const std::vector<IndexedUnit>& units, const std::string& type, const std::string& text) {
    for (const auto& u : units)
        if (u.type == type && u.text.rfind(text, 0) == 0) return u;
    FAIL("no " << type << " unit starting '" << text << "'");
    throw std::logic_error("unreachable");
}

// Indexes tests/fixtures/collapse once per test into a temporary database.
class CollapseFixtures {
public:
    CollapseFixtures() {
        index::RunOptions options;
        options.db = tmp_.path() / "db";
        options.inputs = {fs::path(QUORUM_FIXTURES_DIR) / "collapse"};
        options.threads = 1;
        options.as_of = "2025-06-01";
        const auto summary = index::run_index(options);
        REQUIRE(summary.failed == 0);
        REQUIRE(summary.indexed == 5);
    }
    [[nodiscard]] fs::path db() const { return tmp_.path() / "db"; }

private:
    test::TempDir tmp_;
};

const std::string printed = "collapse/cabinet-2025-01-09/printed-minutes.txt";
const std::string reprint = "collapse/cabinet-2025-01-30/minutes-of-previous-meeting.txt";
const std::string next_minutes = "collapse/cabinet-2025-01-30/printed-minutes.txt";
const std::string original_report = "collapse/cabinet-2025-01-30/originals/school-transport-report.txt";
const std::string pack_report = "collapse/county-council-2025-02-13/school-transport-report.txt";

}  // namespace

TEST_CASE(
    "collapse text: copies differing by spacing, line-end hyphens, punctuation, page numbers or OCR noise fold alike",
    "[collapse]") {
    const std::string clean = collapse_text("The Multi-Agency Safeguarding Hub received 1,050 referrals (10% more).");
    CHECK(collapse_text("The  Multi-Agency Safe-\nguarding Hub received 1,050 referrals (10% more) .") == clean);
    CHECK(collapse_text("The Multi\xE2\x80\x93"
                        "Agency Safeguarding Hub \xE2\x80\xA2 received l,O50 referrals, 10% more") == clean);
    CHECK(collapse_text("THE MULTI-AGENCY SAFEGUARDING HUB Page 7 of 30 RECEIVED 1,050 REFERRALS (10% MORE)") == clean);
    CHECK(collapse_text(
              "\xE2\x80\x9CThe Multi-Agency Safeguarding Hub\xE2\x80\x9D received 1,050 referrals (10% more)") ==
          clean);
    // Nothing left to compare: the key then falls back to the unit's id.
    CHECK(collapse_text("\xEF\x82\xB7 - | ...").empty());
}

TEST_CASE("collapse text keeps what changes a figure: digits, currency, percent, minus, decimal point", "[collapse]") {
    // Limerick's budget minutes print "12" and "12%" under one heading of one meeting.
    CHECK(collapse_text("\xC2\xA3"
                        "1,200") != collapse_text("\xC2\xA3"
                                                  "1,300"));
    CHECK(collapse_text("\xE2\x82\xAC"
                        "700") != collapse_text("700"));
    CHECK(collapse_text("12%") != collapse_text("12"));
    CHECK(collapse_text("| -58.0 |") != collapse_text("| 58.0 |"));
    CHECK(collapse_text("1.5") != collapse_text("15"));
    CHECK(collapse_text("Budget 2020") != collapse_text("Budget 2021"));
    // A page reference goes with the running heads: two passages that differ only by it are
    // one passage printed twice.
    CHECK(collapse_text("see page 54 of the guidelines") == collapse_text("see page 66 of the guidelines"));
}

TEST_CASE(
    "regression (issue 13): a minute reprinted among the next meeting's papers collapses with the printed minutes",
    "[collapse]") {
    CollapseFixtures fixtures;
    Xapian::Database db(fixtures.db().string());
    const auto original = units_of(db, printed);
    const auto copy = units_of(db, reprint);
    REQUIRE(original.size() == copy.size());
    // The reprint was read with the printed meeting's date (its own header), and every unit
    // folds to the original's key despite "re-\nport", "drain-\nage", "£l0,500,000",
    // "2025–26", "roads ," and "network •".
    for (std::size_t i = 0; i < copy.size(); ++i) {
        INFO(copy[i].type << ": " << copy[i].text);
        CHECK(copy[i].key == original[i].key);
    }
    CHECK(find_unit(copy, "paragraph", "The Cabinet Member for Highways").text.find("re-port") != std::string::npos);

    query::Searcher searcher(fixtures.db());
    query::SearchRequest r;
    r.q = "rural network resurfacing";
    r.type = {"paragraph"};
    const auto result = searcher.search(r);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.total == 1);
    REQUIRE(result.hits[0].also_in.size() == 1);
}

TEST_CASE("regression (issue 13): the same short wording recorded at two meetings stays two hits", "[collapse]") {
    CollapseFixtures fixtures;
    Xapian::Database db(fixtures.db().string());
    const auto first = units_of(db, printed);
    const auto second = units_of(db, next_minutes);
    // Same committee, same heading, same words; another meeting, so another event.
    CHECK(find_unit(first, "paragraph", "Apologies were received").key !=
          find_unit(second, "paragraph", "Apologies were received").key);
    CHECK(find_unit(first, "paragraph", "Noted.").key != find_unit(second, "paragraph", "Noted.").key);
    CHECK(find_unit(first, "resolution", "RESOLVED that the report be noted.").key !=
          find_unit(second, "resolution", "RESOLVED that the report be noted.").key);
    CHECK(find_unit(first, "attendance", "PRESENT:").key != find_unit(second, "attendance", "PRESENT:").key);

    query::Searcher searcher(fixtures.db());
    query::SearchRequest r;
    r.q = "apologies Murphy";
    r.type = {"paragraph"};
    const auto result = searcher.search(r);
    CHECK(result.hits.size() == 2);  // 9 January (printed + reprint) and 30 January
    CHECK(result.total == 2);
}

TEST_CASE("regression (issue 13): a report's long paragraphs collapse across its undated original and a later pack",
          "[collapse]") {
    CollapseFixtures fixtures;
    Xapian::Database db(fixtures.db().string());
    const auto original = units_of(db, original_report);
    const auto pack = units_of(db, pack_report);
    // 1.1 is re-wrapped with "dis-\nability" and a page number in the pack; 1.2 has a comma more.
    CHECK(find_unit(original, "paragraph", "1.1 The Council").key ==
          find_unit(pack, "paragraph", "1.1 The Council").key);
    CHECK(find_unit(original, "paragraph", "1.2 The policy").key == find_unit(pack, "paragraph", "1.2 The policy").key);
    // A short line of a paper is not distinctive: the undated original's and the pack's differ.
    CHECK(find_unit(original, "paragraph", "2. Background documents").key !=
          find_unit(pack, "paragraph", "2. Background documents").key);
}
