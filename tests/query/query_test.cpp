// Query library: every case runs on a single on-disk index and on the same units split
// over two shards opened through a stub database (the "growing past one machine" path).
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "archive_builder.hpp"
#include "damaged_table.hpp"
#include "quorum/index/schema.hpp"
#include "quorum/query/searcher.hpp"
#include "temp_dir.hpp"

using namespace quorum;
using nlohmann::json;
namespace s = quorum::index::schema;
using quorum::test::DocSpec;
using quorum::test::UnitSpec;

namespace {

std::vector<corpus::FileResult> archive() {
    DocSpec feb;
    feb.id = "samples-000-feb";
    feb.date = "2022-02-22";
    feb.units = {
        {corpus::UnitType::paragraph,
         "",
         "The fostering panel reviewed recruitment of foster carers in Hereford.",
         {"helen-ianson", "phillip-howells", "jennie-hewitt"},
         {"fostering"}},
        {corpus::UnitType::paragraph,
         "",
         "Officers described the Children\u2019s Services improvement plan & <budget> risks.",
         {"helen-ianson"},
         {"improvement", "finance"}},
        {corpus::UnitType::resolution,
         "",
         "That the committee notes the Ofsted inspection outcome.",
         {"phillip-howells"},
         {"ofsted"},
         false,
         "carried"},
        {corpus::UnitType::paragraph,
         "Apologies for absence",
         "Apologies were received from Councillor Jones.",
         {},
         {},
         true},
    };
    DocSpec mar;
    mar.id = "samples-001-mar";
    mar.date = "2022-03-22";
    mar.units = {
        {corpus::UnitType::paragraph,
         "",
         "The Multi-Agency Safeguarding Hub handled 400 referrals this quarter.",
         {"jennie-hewitt"},
         {"safeguarding"}},
        {corpus::UnitType::paragraph,
         "",
         "MASH staffing levels were discussed with the director.",
         {},
         {"safeguarding"}},
        {corpus::UnitType::action,
         "",
         "Provide a briefing on agency social workers.",
         {"helen-ianson"},
         {},
         false,
         "",
         "completed"},
    };
    DocSpec cab;
    cab.id = "samples-002-cab";
    cab.date = "2022-07-14";
    cab.committee_id = "cabinet";
    cab.committee_name = "Cabinet";
    cab.item_title = "Budget Monitoring";
    cab.units = {
        {corpus::UnitType::paragraph,
         "",
         "The cabinet approved the revenue budget for children's services.",
         {"phillip-howells"},
         {"finance"}},
        {corpus::UnitType::table,
         "",
         "Revenue budget table: placements 1,200 fostering 800.",
         {},
         {"finance", "fostering"}},
    };
    return {test::make_file({feb}), test::make_file({mar}, {{"MASH", "Multi-Agency Safeguarding Hub"}}),
            test::make_file({cab})};
}

struct Fixture {
    test::TempDir tmp;
    std::filesystem::path single, stub;

    Fixture() {
        auto files = archive();
        single = tmp.path() / "single";
        {
            index::IndexWriter w(single);
            for (std::size_t i = 0; i < files.size(); ++i) test::put(w, "f" + std::to_string(i), files[i]);
            w.commit();
        }
        // Two shards: file 0 in one, files 1-2 in the other, listed in a stub database file.
        for (int shard = 0; shard < 2; ++shard) {
            index::IndexWriter w(tmp.path() / ("shard" + std::to_string(shard)));
            for (std::size_t i = 0; i < files.size(); ++i)
                if ((i == 0) == (shard == 0)) test::put(w, "f" + std::to_string(i), files[i]);
            w.commit();
        }
        stub = tmp.path() / "stub.db";
        std::ofstream(stub) << "auto " << (tmp.path() / "shard0").string() << "\nauto "
                            << (tmp.path() / "shard1").string() << "\n";
    }
};

std::set<std::string> ids(const query::SearchResult& r) {
    std::set<std::string> out;
    for (const auto& h : r.hits) out.insert(h.id);
    return out;
}

query::SearchResult find(query::Searcher& s, const std::string& q, int per_page = 100) {
    query::SearchRequest r;
    r.q = q;
    r.per_page = per_page;
    return s.search(r);
}

std::uint64_t facet(const query::SearchResult& r, const std::string& name, const std::string& id) {
    auto f = r.facets.find(name);
    if (f == r.facets.end()) return 0;
    for (const auto& v : f->second)
        if (v.id == id) return v.count;
    return 0;
}

}  // namespace

#define BOTH_INDEXES                                                             \
    Fixture fixture;                                                             \
    auto which = GENERATE(as<std::string>{}, "single", "stub");                  \
    query::Searcher searcher(which == "single" ? fixture.single : fixture.stub); \
    INFO("index: " << which)

TEST_CASE("words and phrases find the units that contain them", "[query]") {
    BOTH_INDEXES;
    CHECK(ids(find(searcher, "fostering recruitment")) == std::set<std::string>{"samples-000-feb-u0001"});
    CHECK(ids(find(searcher, "\"foster carers\"")) == std::set<std::string>{"samples-000-feb-u0001"});
    CHECK(find(searcher, "\"carers foster\"").total == 0);
    // Folding: a curly apostrophe in the text, a straight one in the query, and accents.
    CHECK(ids(find(searcher, "children's improvement")) == std::set<std::string>{"samples-000-feb-u0002"});
    CHECK(ids(find(searcher, "Children\u2019s improvement")) == std::set<std::string>{"samples-000-feb-u0002"});
    CHECK(ids(find(searcher, "h\u00e9reford")) == std::set<std::string>{"samples-000-feb-u0001"});
    // Stemming: "recruiting" finds "recruitment"? no, but "carer" finds "carers".
    CHECK(ids(find(searcher, "carer")) == std::set<std::string>{"samples-000-feb-u0001"});
}

TEST_CASE("several words rank units with all of them, and fall back to any of them", "[query]") {
    BOTH_INDEXES;
    auto all = find(searcher, "budget cabinet");
    // The unit with both words first; units of the Cabinet's papers that say "budget" follow,
    // since every unit also carries where it was printed (its committee: issue 13).
    REQUIRE_FALSE(all.hits.empty());
    CHECK(all.hits[0].id == "samples-002-cab-u0001");
    for (const auto& hit : all.hits) CHECK(json::parse(hit.record)["committee"]["id"] == "cabinet");
    auto some = find(searcher, "budget xylophone");
    CHECK(some.total >= 2);  // nothing has both: units with "budget" instead of nothing
}

TEST_CASE("boolean operators and +/- work", "[query]") {
    BOTH_INDEXES;
    CHECK(ids(find(searcher, "fostering NOT recruitment")).count("samples-000-feb-u0001") == 0);
    CHECK(ids(find(searcher, "fostering NOT recruitment")).count("samples-002-cab-u0002") == 1);
    CHECK(ids(find(searcher, "ofsted OR referrals")) ==
          std::set<std::string>{"samples-000-feb-u0003", "samples-001-mar-u0001"});
    CHECK(ids(find(searcher, "budget -cabinet")).count("samples-002-cab-u0001") == 0);
}

TEST_CASE("field prefixes take ids or names", "[query]") {
    BOTH_INDEXES;
    CHECK(find(searcher, "committee:cabinet").total == 2);
    CHECK(find(searcher, "budget committee:Cabinet").total == 2);
    CHECK(find(searcher, "person:phillip-howells").total == 3);
    CHECK(find(searcher, "person:howells").total == 3);  // a surname alone
    CHECK(find(searcher, "topic:fostering").total == 2);
    CHECK(ids(find(searcher, "type:resolution")) == std::set<std::string>{"samples-000-feb-u0003"});
    CHECK(find(searcher, "year:2022").total == 9);
    CHECK(find(searcher, "committee:nonexistent").total == 0);
}

TEST_CASE("date ranges select units by meeting date", "[query]") {
    BOTH_INDEXES;
    CHECK(find(searcher, "2022-03-01..2022-12-31").total == 5);
    CHECK(find(searcher, "budget 2022-01-01..2022-03-31").total == 1);
    query::SearchRequest r;
    r.from = "2022-02-22";
    r.to = "2022-02-22";
    CHECK(searcher.search(r).total == 4);
    r.from = "22/02/2022";
    CHECK_THROWS_AS(searcher.search(r), std::invalid_argument);
}

TEST_CASE("filters combine as OR within a facet and AND across facets", "[query]") {
    BOTH_INDEXES;
    query::SearchRequest r;
    r.committee = {"cabinet", "children-and-young-people-scrutiny-committee"};
    CHECK(searcher.search(r).total == 9);
    r.person = {"helen-ianson"};
    CHECK(searcher.search(r).total == 3);
    r.type = {"action"};
    CHECK(ids(searcher.search(r)) == std::set<std::string>{"samples-001-mar-u0003"});
    query::SearchRequest status;
    status.status = {"completed"};
    CHECK(searcher.search(status).total == 1);
    query::SearchRequest outcome;
    outcome.outcome = {"carried"};
    CHECK(searcher.search(outcome).total == 1);
    query::SearchRequest procedural;
    procedural.include_procedural = false;
    CHECK(searcher.search(procedural).total == 8);
}

TEST_CASE("facet counts equal counts made from the stored records", "[query]") {
    BOTH_INDEXES;
    for (const std::string q :
         {"", "budget", "fostering OR safeguarding", "committee:children-and-young-people-scrutiny-committee"}) {
        INFO("q = " << q);
        auto r = find(searcher, q, 100);
        std::map<std::string, std::map<std::string, std::uint64_t>> expected;
        for (const auto& h : r.hits) {
            json rec = json::parse(h.record);
            for (const auto& p : rec["people"]) ++expected["person"][p["id"].get<std::string>()];
            for (const auto& t : rec["topics"]) ++expected["topic"][t["id"].get<std::string>()];
            ++expected["type"][rec["type"].get<std::string>()];
            ++expected["year"][rec["date"].get<std::string>().substr(0, 4)];
            if (rec["committee"].is_object()) ++expected["committee"][rec["committee"]["id"].get<std::string>()];
        }
        CHECK(r.total == r.hits.size());
        for (const auto& [name, counts] : expected) {
            std::map<std::string, std::uint64_t> got;
            for (const auto& v : r.facets.at(name)) got[v.id] = v.count;
            CHECK(got == counts);
        }
    }
    auto all = find(searcher, "");
    CHECK(facet(all, "person", "helen-ianson") == 3);
    CHECK(facet(all, "person", "phillip-howells") == 3);
    CHECK(facet(all, "committee", "cabinet") == 2);
    for (const auto& v : all.facets.at("committee"))
        if (v.id == "cabinet") CHECK(v.name == "Cabinet");
}

TEST_CASE("hits and units carry their document's fields, which the index stores once per document", "[query]") {
    BOTH_INDEXES;
    auto r = find(searcher, "");
    REQUIRE_FALSE(r.hits.empty());
    for (const auto& h : r.hits) {
        INFO(h.record);
        json rec = json::parse(h.record);
        CHECK_FALSE(rec.contains("doc"));
        const std::string doc_id = rec["document"]["id"];
        CHECK(h.id.rfind(doc_id, 0) == 0);  // unit ids extend their document's id
        CHECK(rec["committee"].is_object());
        CHECK(rec["date"].is_string());
        CHECK(rec["meeting_id"].is_string());
        CHECK(rec["document"]["kind"] == "minutes");
        if (doc_id == "samples-002-cab") {
            CHECK(rec["committee"]["id"] == "cabinet");
            CHECK(rec["date"] == "2022-07-14");
        }
        auto unit = searcher.unit(h.id);
        REQUIRE(unit);
        CHECK(json::parse(*unit) == json::parse(h.record));
    }
    // Stored, a unit record names its document: the shared fields are not repeated per unit.
    Xapian::Database db(fixture.single.string());
    std::string term(s::unit_marker);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        json stored = json::parse(db.get_document(*it).get_data());
        CHECK(stored["doc"].is_string());
        CHECK_FALSE(stored.contains("document"));
        CHECK_FALSE(stored.contains("committee"));
    }
}

TEST_CASE("after a re-index a hit carries its document's new fields, each part of a pack its own", "[query]") {
    test::TempDir tmp;
    DocSpec first;
    first.id = "samples-009-pack-p1";
    first.units = {{corpus::UnitType::paragraph, "", "Kinship carers were recruited this quarter.", {}}};
    DocSpec second = first;
    second.id = "samples-009-pack-p2";
    second.date = "2022-05-10";
    second.committee_id = "cabinet";
    second.committee_name = "Cabinet";
    second.units = {{corpus::UnitType::paragraph, "", "The cabinet agreed the kinship allowance.", {}}};
    {
        index::IndexWriter w(tmp.path());
        test::put(w, "f0", test::make_file({first, second}));  // one file, two documents (a pack)
        w.commit();
    }
    query::Searcher searcher(tmp.path());
    auto committee_of = [&](const std::string& q) {
        auto r = find(searcher, q);
        REQUIRE(r.hits.size() == 1);
        json rec = json::parse(r.hits[0].record);
        return rec["committee"]["id"].get<std::string>() + " " + rec["date"].get<std::string>() + " " +
               rec["document"]["id"].get<std::string>();
    };
    CHECK(committee_of("recruited") == "children-and-young-people-scrutiny-committee 2022-03-22 samples-009-pack-p1");
    CHECK(committee_of("allowance") == "cabinet 2022-05-10 samples-009-pack-p2");
    // Regression guard: the searcher keeps the document fields it read; a new revision
    // must not answer with the old ones.
    first.date = "2022-03-29";
    first.committee_id = "corporate-parenting-panel";
    first.committee_name = "Corporate Parenting Panel";
    {
        index::IndexWriter w(tmp.path());
        test::put(w, "f0", test::make_file({first, second}), 101, 2);
        w.commit();
    }
    CHECK(searcher.refresh());
    CHECK(committee_of("recruited") == "corporate-parenting-panel 2022-03-29 samples-009-pack-p1");
}

TEST_CASE("wildcards expand only to a bounded number of terms", "[query]") {
    BOTH_INDEXES;
    CHECK(ids(find(searcher, "foster*")).count("samples-000-feb-u0001") == 1);
    CHECK(ids(find(searcher, "safeguard*")) == std::set<std::string>{"samples-001-mar-u0001"});
    auto start = std::chrono::steady_clock::now();
    auto wide = find(searcher, "a* OR b* OR c* OR d*");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
    CHECK(wide.total > 0);
    std::string many;
    for (int i = 0; i < 300; ++i) many += "x" + std::to_string(i) + "* ";
    CHECK_THROWS_AS(find(searcher, many.substr(0, 900)), std::invalid_argument);
}

TEST_CASE("snippets mark the words found and escape everything else", "[query]") {
    BOTH_INDEXES;
    auto r = find(searcher, "improvement");
    REQUIRE(r.hits.size() == 1);
    const std::string& snippet = r.hits[0].snippet;
    CHECK(snippet.find("<mark>improvement</mark>") != std::string::npos);
    CHECK(snippet.find("&lt;budget&gt;") != std::string::npos);
    CHECK(snippet.find("&amp;") != std::string::npos);
    CHECK(snippet.find("<budget>") == std::string::npos);
}

TEST_CASE("a misspelt word gets a suggestion", "[query]") {
    BOTH_INDEXES;
    auto r = find(searcher, "fosterng");
    REQUIRE(r.suggestion.has_value());
    CHECK(*r.suggestion == "fostering");
    CHECK_FALSE(find(searcher, "fostering").suggestion.has_value());
}

TEST_CASE("an acronym finds its expansion and the expansion finds the acronym", "[query]") {
    BOTH_INDEXES;
    auto expected = std::set<std::string>{"samples-001-mar-u0001", "samples-001-mar-u0002"};
    CHECK(ids(find(searcher, "MASH")) == expected);
    CHECK(ids(find(searcher, "mash")) == expected);
    CHECK(ids(find(searcher, "multi-agency safeguarding hub")) == expected);
    CHECK(ids(find(searcher, "MASH referrals")) == std::set<std::string>{"samples-001-mar-u0001"});
    CHECK(ids(find(searcher, "\"MASH staffing\"")) == std::set<std::string>{"samples-001-mar-u0002"});
}

TEST_CASE("pages do not overlap and cover the whole result list", "[query]") {
    BOTH_INDEXES;
    std::set<std::string> seen;
    std::uint64_t total = 0;
    for (int page = 1; page <= 4; ++page) {
        query::SearchRequest r;
        r.per_page = 3;
        r.page = page;
        auto result = searcher.search(r);
        total = result.total;
        for (const auto& h : result.hits) {
            CHECK(seen.insert(h.id).second);
            CHECK(h.rank == static_cast<int>(seen.size()));
        }
    }
    CHECK(seen.size() == total);
    CHECK(total == 9);
}

TEST_CASE("sorting by date puts newest or oldest first", "[query]") {
    BOTH_INDEXES;
    query::SearchRequest r;
    r.q = "budget OR fostering OR mash";
    r.sort = query::Sort::newest;
    auto newest = searcher.search(r);
    REQUIRE(!newest.hits.empty());
    CHECK(json::parse(newest.hits.front().record)["date"] == "2022-07-14");
    r.sort = query::Sort::oldest;
    auto oldest = searcher.search(r);
    CHECK(json::parse(oldest.hits.front().record)["date"] == "2022-02-22");
}

TEST_CASE("malformed queries return fast and sane", "[query]") {
    BOTH_INDEXES;
    auto start = std::chrono::steady_clock::now();
    CHECK(ids(find(searcher, "\"foster carers")).count("samples-000-feb-u0001") == 1);  // unbalanced quote
    CHECK_NOTHROW(find(searcher, "((budget"));
    CHECK_NOTHROW(find(searcher, "AND OR NOT"));
    CHECK_NOTHROW(find(searcher, "committee: person: \"\" * ** .. :: -- ++"));
    CHECK_NOTHROW(find(searcher, "\xff\xfe broken utf8 \xc3"));
    CHECK_THROWS_AS(find(searcher, std::string(20000, 'a')), std::invalid_argument);
    query::SearchRequest r;
    r.page = 0;
    CHECK_THROWS_AS(searcher.search(r), std::invalid_argument);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(3));
}

// Regression (issue 15, fuzzing): Xapian 1.4's parser leaked 96 bytes on every query with
// NEAR/n or ADJ/n right after AND, OR, NOT or XOR (always a syntax error), so any client
// could grow the server's memory; tests/fuzz/fuzz_query found it as "NOT NEAR/5". Such
// queries now go to the plain-words fallback without the parser; a sanitized build
// (scripts/sanitize.sh) fails this test with a leak report if they reach it again.
TEST_CASE("NEAR or ADJ right after a boolean operator is read as plain words, without a leak", "[query]") {
    BOTH_INDEXES;
    for (const char* q : {"NOT NEAR/5", "foster AND NEAR/2 carers", "foster OR -ADJ/3 carers", "foster XOR ~NEAR/02",
                          "foster NOT\tADJ/9999999999 carers"})
        CHECK_NOTHROW(find(searcher, q));
    // A NEAR between two words is still an operator.
    CHECK(ids(find(searcher, "fostering NEAR/3 panel")).count("samples-000-feb-u0001") == 1);
}

TEST_CASE("meetings are listed newest first and are never search hits", "[query]") {
    BOTH_INDEXES;
    auto list = searcher.meetings({});
    REQUIRE(list.size() == 3);
    CHECK(json::parse(list[0])["date"] == "2022-07-14");
    CHECK(json::parse(list[2])["date"] == "2022-02-22");
    query::MeetingFilter f;
    f.committee = "cabinet";
    CHECK(searcher.meetings(f).size() == 1);
    f = {};
    f.from = "2022-03-01";
    CHECK(searcher.meetings(f).size() == 2);
    auto m = searcher.meeting("cabinet-2022-07-14");
    REQUIRE(m.has_value());
    CHECK(json::parse(*m)["venue"] == "Plough Lane, Hereford");
    CHECK(find(searcher, "type:meeting").total == 0);
    CHECK(find(searcher, "").total == 9);
}

TEST_CASE("refreshing a searcher works over one database and over several shards", "[query]") {
    // Regression: refresh() asked a stub of several shards for its revision, which Xapian
    // refuses, so a server on shards failed a request at every refresh interval.
    BOTH_INDEXES;
    CHECK_NOTHROW(searcher.refresh());
    CHECK_FALSE(find(searcher, "fostering").hits.empty());
}

TEST_CASE("a searcher sees a re-index after refresh", "[query]") {
    test::TempDir tmp;
    auto files = archive();
    {
        index::IndexWriter w(tmp.path());
        test::put(w, "f0", files[0]);
        w.commit();
    }
    query::Searcher searcher(tmp.path());
    CHECK(searcher.unit_count() == 4);
    CHECK_FALSE(searcher.refresh());
    {
        index::IndexWriter w(tmp.path());
        test::put(w, "f1", files[1]);
        w.commit();
    }
    CHECK(searcher.refresh());
    CHECK(searcher.unit_count() == 7);
    CHECK(find(searcher, "mash").total == 2);
}

namespace {

// A made-up word of letters only (the spelling table keeps words, not numbers).
std::string pseudo_word(int n) {
    std::string w = "q";
    for (int i = 0; i < 6; ++i, n /= 7) w += static_cast<char>('a' + (n % 7) * 3 + i % 3);
    return w;
}

// An index with enough text that its position and spelling tables have a level below
// the root, so damage_table can break them while the index still opens.
std::filesystem::path wordy_index(const test::TempDir& tmp) {
    const auto db = tmp.path() / "wordy";
    index::IndexWriter w(db);
    for (int d = 0; d < 60; ++d) {
        DocSpec doc;
        doc.id = "samples-wordy-" + std::to_string(d);
        for (int u = 0; u < 40; ++u) {
            std::string text =
                "The fostering panel met on day " + std::to_string(d) + " about placement " + std::to_string(u) + ".";
            for (int k = 0; k < 12; ++k) text += " " + pseudo_word(d * 1000 + u * 12 + k) + " carers recruited.";
            doc.units.push_back({corpus::UnitType::paragraph, "", text, {}, {}});
        }
        test::put(w, "f" + std::to_string(d), test::make_file({doc}));
    }
    w.commit();
    return db;
}

}  // namespace

// Issue 15: a damaged positions or spelling table used to pass unnoticed at start, and
// every phrase search or misspelled word then failed with a bare 500.
TEST_CASE("a damaged table is found by the quick check and failing reads say the index is unreadable", "[query]") {
    test::TempDir tmp;
    const auto db = wordy_index(tmp);
    CHECK_FALSE(query::check_index(db).has_value());
    test::damage_table(db, "position");
    query::Searcher s(db);
    const auto problem = query::check_index(db);
    REQUIRE(problem.has_value());
    CHECK_THAT(*problem, Catch::Contains("position table"));
    CHECK_THAT(*problem, !Catch::Contains(db.string()));  // shown to clients: no paths

    CHECK_FALSE(find(s, "fostering").hits.empty());  // a search that needs no positions still answers
    try {
        (void)find(s, "\"fostering panel\"");
        FAIL("a phrase search over a damaged position table did not fail");
    } catch (const query::IndexUnavailable& e) {
        CHECK(e.lasting());
        CHECK_THAT(e.what(), Catch::Contains("cannot be read"));
    }
}

TEST_CASE("a damaged spelling table is named by the quick check, and a missing index is reported", "[query]") {
    test::TempDir tmp;
    const auto db = wordy_index(tmp);
    test::damage_table(db, "spelling");
    const auto problem = query::check_index(db);
    REQUIRE(problem.has_value());
    CHECK_THAT(*problem, Catch::Contains("spelling table"));
    const auto missing = query::check_index(tmp.path() / "nothing");
    REQUIRE(missing.has_value());
    CHECK_THAT(*missing, Catch::Contains("cannot be opened"));
}
