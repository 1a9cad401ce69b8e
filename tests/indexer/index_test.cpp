// Indexer: ids, re-runs, edits, pruning, stored records, collapse keys, synonyms, atomicity.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "archive_builder.hpp"
#include "quorum/index/index_run.hpp"
#include "quorum/index/schema.hpp"
#include "quorum/index/text_fold.hpp"
#include "quorum/query/searcher.hpp"
#include "temp_dir.hpp"

using namespace quorum;
namespace s = quorum::index::schema;
using quorum::test::DocSpec;
using quorum::test::UnitSpec;

namespace {

// Every document of the index: id term -> (data, sorted terms).
std::map<std::string, std::pair<std::string, std::vector<std::string>>> snapshot(const std::filesystem::path& dir) {
    Xapian::Database db(dir.string());
    std::map<std::string, std::pair<std::string, std::vector<std::string>>> out;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Xapian::Document doc = db.get_document(*it);
        std::vector<std::string> terms(doc.termlist_begin(), doc.termlist_end());
        std::string id;
        for (const auto& t : terms)
            if (t[0] == 'Q') id = t;
        out[id] = {doc.get_data(), terms};
    }
    return out;
}

std::set<std::string> unit_ids(const std::filesystem::path& dir, const std::string& file_key = "") {
    Xapian::Database db(dir.string());
    std::string term = file_key.empty() ? std::string(s::unit_marker) : s::term(s::file_prefix, file_key);
    std::set<std::string> out;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
        out.insert(nlohmann::json::parse(db.get_document(*it).get_data())["id"].get<std::string>());
    return out;
}

DocSpec doc_a() {
    DocSpec d;
    d.id = "samples-000-aaaa";
    d.units = {{corpus::UnitType::paragraph,
                "",
                "The fostering panel reviewed recruitment of foster carers.",
                {"helen-ianson"}},
               {corpus::UnitType::paragraph, "", "Budget pressures in children's services were noted.", {}},
               {corpus::UnitType::resolution, "", "That the report be noted.", {}, {}, false, "carried"}};
    return d;
}

DocSpec doc_b() {
    DocSpec d;
    d.id = "samples-001-bbbb";
    d.date = "2022-04-26";
    d.units = {{corpus::UnitType::paragraph, "", "Apologies were received from Councillor Jones.", {}, {}, true},
               {corpus::UnitType::paragraph, "", "The Multi-Agency Safeguarding Hub (MASH) handled referrals.", {}}};
    return d;
}

void write_two_files(const std::filesystem::path& dir) {
    index::IndexWriter w(dir);
    test::put(w, "samples/a.txt", test::make_file({doc_a()}));
    test::put(w, "samples/b.txt", test::make_file({doc_b()}, {{"MASH", "Multi-Agency Safeguarding Hub"}}));
    w.commit();
}

}  // namespace

TEST_CASE("every unit becomes one document with its stable id and the stored record", "[indexer]") {
    test::TempDir tmp;
    write_two_files(tmp.path());
    auto ids = unit_ids(tmp.path());
    CHECK(ids == std::set<std::string>{"samples-000-aaaa-u0001", "samples-000-aaaa-u0002", "samples-000-aaaa-u0003",
                                       "samples-001-bbbb-u0001", "samples-001-bbbb-u0002"});
    query::Searcher searcher(tmp.path());
    auto record = nlohmann::json::parse(*searcher.unit("samples-000-aaaa-u0001"));
    CHECK(record["type"] == "paragraph");
    CHECK(record["date"] == "2022-03-22");
    CHECK(record["committee"]["id"] == "children-and-young-people-scrutiny-committee");
    CHECK(record["meeting_id"] == "children-and-young-people-scrutiny-committee-2022-03-22");
    CHECK(record["item"]["number"] == "68");
    CHECK(record["document"]["kind"] == "minutes");
    CHECK(record["people"][0]["id"] == "helen-ianson");
    CHECK(record["people"][0]["name"] == "Name of helen-ianson");
    CHECK(record["procedural"] == false);
    auto resolution = nlohmann::json::parse(*searcher.unit("samples-000-aaaa-u0003"));
    CHECK(resolution["resolution"]["outcome"] == "carried");
    CHECK_FALSE(searcher.unit("no-such-unit").has_value());
    CHECK(searcher.unit_count() == 5);
}

TEST_CASE("a passage keeps its item's heading in the title field without positions, the item keeps them", "[indexer]") {
    test::TempDir tmp;
    DocSpec d = doc_a();
    d.units.push_back({corpus::UnitType::item, "", "The fostering panel reviewed recruitment.", {}});
    {
        index::IndexWriter w(tmp.path());
        test::put(w, "samples/a.txt", test::make_file({d}));
        w.commit();
    }
    Xapian::Database db(tmp.path().string());
    auto positions = [&](const std::string& unit_id, const std::string& term) {
        auto post = db.postlist_begin(s::term(s::id_prefix, unit_id));
        REQUIRE(post != db.postlist_end(s::term(s::id_prefix, unit_id)));
        Xapian::Document doc = db.get_document(*post);
        auto t = doc.termlist_begin();
        t.skip_to(term);
        REQUIRE((t != doc.termlist_end() && *t == term));
        return t.positionlist_count();
    };
    // The heading is "Fostering Service Update" (archive_builder): every unit has it.
    CHECK(positions("samples-000-aaaa-u0001", "Sservice") == 0);
    CHECK(positions("samples-000-aaaa-u0001", "service") > 0);  // phrases of the heading still find the passage
    CHECK(positions("samples-000-aaaa-u0003", "Sservice") == 0);
    CHECK(positions("samples-000-aaaa-u0004", "Sservice") > 0);  // the item's own heading
    // A phrase of the title field finds the item; a phrase of the plain words every unit.
    auto phrase = [&](const std::string& prefix) {
        std::vector<Xapian::Query> words;
        for (const char* w : {"fostering", "service", "update"}) words.emplace_back(prefix + w);
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end()));
        std::set<std::string> ids;
        auto mset = enquire.get_mset(0, 10);
        for (auto it = mset.begin(); it != mset.end(); ++it)
            ids.insert(nlohmann::json::parse(it.get_document().get_data())["id"].get<std::string>());
        return ids;
    };
    CHECK(phrase("S") == std::set<std::string>{"samples-000-aaaa-u0004"});
    CHECK(phrase("").size() == 4);
}

TEST_CASE("writing the same files again gives the same index content", "[indexer]") {
    test::TempDir one, two;
    write_two_files(one.path());
    write_two_files(two.path());
    write_two_files(two.path());
    CHECK(snapshot(one.path()) == snapshot(two.path()));
}

TEST_CASE("a run with nothing changed leaves the revision as it was", "[indexer]") {
    test::TempDir tmp;
    write_two_files(tmp.path());
    Xapian::rev before = Xapian::Database(tmp.path().string()).get_revision();
    {
        index::IndexWriter w(tmp.path());
        CHECK(w.unchanged("samples/a.txt", {100, 1, ""}));
        CHECK_FALSE(w.unchanged("samples/a.txt", {101, 1, ""}));
        CHECK_FALSE(w.unchanged("samples/a.txt", {100, 2, ""}));
        CHECK(w.unchanged("samples/a.txt", {100, 2, "hash-100"}));  // touched, same content
        w.commit();
    }
    CHECK(Xapian::Database(tmp.path().string()).get_revision() == before);
}

TEST_CASE("editing a file replaces exactly its units", "[indexer]") {
    test::TempDir tmp;
    write_two_files(tmp.path());
    auto b_before = snapshot(tmp.path());
    DocSpec edited = doc_a();
    edited.units.pop_back();  // the resolution is gone
    edited.units[0].text = "The fostering panel approved adoption allowances.";
    {
        index::IndexWriter w(tmp.path());
        auto counts = test::put(w, "samples/a.txt", test::make_file({edited}), 120, 2);
        CHECK(counts.replaced == 2);
        CHECK(counts.deleted == 1);
        CHECK(counts.added == 0);
        w.commit();
    }
    CHECK(unit_ids(tmp.path(), "samples/a.txt") ==
          std::set<std::string>{"samples-000-aaaa-u0001", "samples-000-aaaa-u0002"});
    CHECK(unit_ids(tmp.path(), "samples/b.txt").size() == 2);
    auto after = snapshot(tmp.path());
    for (const auto& id : {"Qsamples-001-bbbb-u0001", "Qsamples-001-bbbb-u0002"})
        CHECK(after.at(id) == b_before.at(id));

    query::Searcher searcher(tmp.path());
    query::SearchRequest r;
    r.q = "recruitment";
    CHECK(searcher.search(r).total == 0);
    r.q = "adoption";
    CHECK(searcher.search(r).total == 1);
}

TEST_CASE("removing a file removes its units and its part of meetings", "[indexer]") {
    test::TempDir tmp;
    write_two_files(tmp.path());
    {
        index::IndexWriter w(tmp.path());
        CHECK(w.remove_file("samples/a.txt") == 3);
        w.commit();
    }
    CHECK(unit_ids(tmp.path()).size() == 2);
    query::Searcher searcher(tmp.path());
    CHECK_FALSE(searcher.meeting("children-and-young-people-scrutiny-committee-2022-03-22").has_value());
    CHECK(searcher.meeting("children-and-young-people-scrutiny-committee-2022-04-26").has_value());
}

TEST_CASE("meetings recorded by an agenda and by minutes are merged into one record", "[indexer]") {
    test::TempDir tmp;
    DocSpec agenda = doc_a();
    agenda.id = "samples-009-agenda";
    agenda.kind = corpus::DocumentKind::agenda;
    agenda.units.resize(1);
    {
        index::IndexWriter w(tmp.path());
        test::put(w, "samples/agenda.txt", test::make_file({agenda}));
        test::put(w, "samples/a.txt", test::make_file({doc_a()}));
        w.commit();
    }
    query::Searcher searcher(tmp.path());
    auto m = nlohmann::json::parse(*searcher.meeting("children-and-young-people-scrutiny-committee-2022-03-22"));
    CHECK(m["documents"].size() == 2);
    CHECK(m["documents"][0]["kind"] == "minutes");  // minutes first
    CHECK(m["attendance"]["present"].size() == 1);
    REQUIRE(m["items"].size() == 1);  // item 68 of both documents
    CHECK(m["items"][0]["units"].size() == 4);
    CHECK(m["items_count"] == 1);
    auto list = searcher.meetings({});
    REQUIRE(list.size() == 1);
    CHECK(nlohmann::json::parse(list[0])["items_count"] == 1);
}

TEST_CASE("the same text printed in two files gets one collapse key", "[indexer]") {
    test::TempDir tmp;
    DocSpec copy = doc_a();
    copy.id = "samples-001-bbbb-p2";  // the minutes printed again inside an agenda pack
    copy.units[0].text = "The  fostering panel reviewed recruitment of foster carers.";  // spacing differs
    {
        index::IndexWriter w(tmp.path());
        test::put(w, "samples/a.txt", test::make_file({doc_a()}));
        test::put(w, "samples/pack.txt", test::make_file({copy}));
        w.commit();
    }
    Xapian::Database db(tmp.path().string());
    auto key_of = [&](const std::string& id) {
        auto it = db.postlist_begin("Q" + id);
        return db.get_document(*it).get_value(s::collapse_slot);
    };
    CHECK(key_of("samples-000-aaaa-u0001") == key_of("samples-001-bbbb-p2-u0001"));
    CHECK(key_of("samples-000-aaaa-u0001") != key_of("samples-000-aaaa-u0002"));

    query::Searcher searcher(tmp.path());
    query::SearchRequest r;
    r.q = "recruitment";
    auto result = searcher.search(r);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.total == 1);
    // Copies count once in the facets, as in the total (issue 14: the facets added up to
    // more than the total when each copy collapsed into also_in was counted).
    CHECK(result.facets["type"].at(0).count == 1);
    REQUIRE(result.hits[0].also_in.size() == 1);
    CHECK((result.hits[0].id == "samples-000-aaaa-u0001" ? result.hits[0].also_in[0] == "samples-001-bbbb-p2-u0001"
                                                         : result.hits[0].also_in[0] == "samples-000-aaaa-u0001"));
}

TEST_CASE("learnt acronyms and council terms are stored as synonyms both ways", "[indexer]") {
    test::TempDir tmp;
    {
        index::IndexWriter w(tmp.path());
        w.set_council_terms(
            index::parse_council_terms("# comment\nLAC\tlooked after children|children looked after\n"));
        test::put(w, "samples/b.txt", test::make_file({doc_b()}, {{"MASH", "Multi-Agency Safeguarding Hub"}}));
        w.commit();
    }
    Xapian::Database db(tmp.path().string());
    auto syn = [&](const std::string& key) {
        return std::set<std::string>(db.synonyms_begin(key), db.synonyms_end(key));
    };
    CHECK(syn("mash") == std::set<std::string>{"multi agency safeguarding hub"});
    CHECK(syn("multi agency safeguarding hub") == std::set<std::string>{"mash"});
    CHECK(syn("lac") == std::set<std::string>{"looked after children", "children looked after"});
    CHECK(syn("children looked after") == std::set<std::string>{"lac"});

    // When the file that taught an acronym is gone, so is the synonym.
    {
        index::IndexWriter w(tmp.path());
        w.remove_file("samples/b.txt");
        w.commit();
    }
    Xapian::Database again(tmp.path().string());
    CHECK(again.synonyms_begin("mash") == again.synonyms_end("mash"));
}

TEST_CASE("the spelling dictionary follows the units", "[indexer]") {
    test::TempDir tmp;
    write_two_files(tmp.path());
    {
        Xapian::Database db(tmp.path().string());
        CHECK(db.get_spelling_suggestion("recruitmnt") == "recruitment");
    }
    {
        index::IndexWriter w(tmp.path());
        w.remove_file("samples/a.txt");
        w.commit();
    }
    Xapian::Database db(tmp.path().string());
    CHECK(db.get_spelling_suggestion("recruitmnt").empty());
}

TEST_CASE("folding makes curly quotes, accents and case agree", "[indexer]") {
    CHECK(index::fold_for_search("Children\u2019s Caf\u00e9") == "Children's Cafe");
    CHECK(index::fold_key("  Children\u2019s   SERVICES ") == "children's services");
    CHECK(index::phrase_key("Multi-Agency Safeguarding Hub") == "multi agency safeguarding hub");
    // Regression: the query library's slug split at an apostrophe ("helen-l-anson") while the
    // readers' ids joined it ("helen-lanson"), so a filter by name missed the record.
    CHECK(index::slug("Helen l'Anson") == "helen-lanson");
    std::string long_value(400, 'x');
    CHECK(index::bounded_term_value(long_value).size() <= s::max_term_value);
    CHECK(index::bounded_term_value(long_value) != index::bounded_term_value(long_value + "y"));
}

TEST_CASE("a writer killed mid-run leaves the previous index whole and searchable", "[indexer][slow]") {
    test::TempDir tmp;
    write_two_files(tmp.path());
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // Child: a large run that flushes batches to disk inside its transaction.
        ::setenv("XAPIAN_FLUSH_THRESHOLD", "200", 1);
        index::IndexWriter w(tmp.path());
        for (int f = 0;; ++f) {
            DocSpec d = doc_a();
            d.id = "gen-" + std::to_string(f);
            for (int i = 0; i < 20; ++i)
                d.units.push_back({corpus::UnitType::paragraph, "", "generated zebra text " + std::to_string(i * f)});
            test::put(w, "gen/" + std::to_string(f) + ".txt", test::make_file({d}));
            if (f == 100) {
                char c = 'x';
                (void)!::write(ready[1], &c, 1);
            }
        }
    }
    char c;
    REQUIRE(::read(ready[0], &c, 1) == 1);
    ::usleep(200 * 1000);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    ::close(ready[0]);
    ::close(ready[1]);

    query::Searcher searcher(tmp.path());
    CHECK(searcher.unit_count() == 5);
    query::SearchRequest r;
    r.q = "zebra";
    CHECK(searcher.search(r).total == 0);
    r.q = "recruitment";
    CHECK(searcher.search(r).total == 1);
    // And the next writer can open it and commit.
    index::IndexWriter w(tmp.path());
    test::put(w, "samples/c.txt", test::make_file({doc_a()}));
    w.commit();
}

TEST_CASE("quorum-index runs on the sample archive, skips unchanged files and prunes deleted ones",
          "[indexer][samples]") {
    test::TempDir tmp;
    auto archive = tmp.path() / "samples";
    std::filesystem::create_directories(archive);
    for (const auto& e : std::filesystem::directory_iterator(QUORUM_SAMPLES_DIR))
        if (e.path().extension() == ".txt") std::filesystem::copy_file(e.path(), archive / e.path().filename());
    index::RunOptions options;
    options.db = tmp.path() / "db";
    options.inputs = {archive};
    auto first = index::run_index(options);
    CHECK(first.files == 5);
    CHECK(first.indexed == 5);
    CHECK(first.failed == 0);
    CHECK(first.total_units > 100);
    auto ids = unit_ids(options.db);
    CHECK(ids.count("samples-000-93a416bcbe6d1f5a-u0001") == 1);

    auto second = index::run_index(options);
    CHECK(second.unchanged == 5);
    CHECK(second.indexed == 0);
    CHECK(unit_ids(options.db) == ids);

    std::filesystem::remove(archive / "002_f238e8122ed5804f.txt");
    options.prune = true;
    auto third = index::run_index(options);
    CHECK(third.removed_files == 1);
    CHECK(third.units_deleted > 0);
    for (const auto& id : unit_ids(options.db)) CHECK(id.rfind("samples-002-", 0) != 0);
}

// Regression: two names that slug alike gave one document id, and one file's units replaced
// the other's (then it was only reported as "duplicate-id").
TEST_CASE("two file names that slug to one document id are both indexed, under distinct ids", "[indexer]") {
    test::TempDir tmp;
    auto archive = tmp.path() / "minutes";
    std::filesystem::create_directories(archive);
    const std::string text =
        "Minutes of the meeting of the Audit Committee held on 3 May 2023\n\n1. APOLOGIES\n\nNone.\n";
    std::ofstream(archive / "Minutes - 3 May 2023.md") << text;
    std::ofstream(archive / "Minutes -\u00a03 May 2023.md") << text;  // a no-break space, as PDF exports leave
    index::RunOptions options;
    options.db = tmp.path() / "db";
    options.inputs = {archive};
    const auto summary = index::run_index(options);
    CHECK(summary.indexed == 2);
    std::set<std::string> documents;
    for (const auto& id : unit_ids(options.db)) documents.insert(id.substr(0, id.rfind("-u")));
    CHECK(documents.size() == 2);
    CHECK(documents.count("minutes-minutes-3-may-2023") == 1);  // the first name in byte order keeps its id
    // a second run keeps both, unchanged
    const auto second = index::run_index(options);
    CHECK(second.unchanged == 2);
    std::set<std::string> again;
    for (const auto& id : unit_ids(options.db)) again.insert(id.substr(0, id.rfind("-u")));
    CHECK(again == documents);
}

// Regression: --topics renamed topics but never changed which units got them.
TEST_CASE("a topics file decides which units get topics, on a first build and on a later run", "[indexer]") {
    test::TempDir tmp;
    auto archive = tmp.path() / "minutes";
    std::filesystem::create_directories(archive);
    std::ofstream(archive / "Minutes - 3 May 2023.md")
        << "Minutes of the meeting of the Audit Committee held on 3 May 2023\n\n"
           "1. ALLOTMENTS\n\nThe committee noted the waiting list for allotments.\n";
    const auto topics_file = tmp.path() / "topics.tsv";
    std::ofstream(topics_file) << "# one rule the built-in rules do not have\n"
                                  "allotments\tAllotments and growing\tallotment*\n";
    const auto units_with_topic = [](const std::filesystem::path& db, const std::string& topic) {
        return Xapian::Database(db.string()).get_termfreq(s::term(s::topic_prefix, topic));
    };
    index::RunOptions options;
    options.inputs = {archive};
    options.as_of = "2023-06-01";

    // A first (sharded) build reads with the file's rules.
    options.db = tmp.path() / "first";
    options.topics_file = topics_file;
    REQUIRE(index::run_index(options).indexed == 1);
    CHECK(units_with_topic(options.db, "allotments") > 0);
    CHECK(Xapian::Database(options.db.string()).get_metadata(s::name_key("topic", "allotments")) ==
          "Allotments and growing");

    // An index built with the built-in rules, then run again with the file: every file is
    // read again under the new rules.
    options.db = tmp.path() / "later";
    options.topics_file.reset();
    REQUIRE(index::run_index(options).indexed == 1);
    CHECK(units_with_topic(options.db, "allotments") == 0);
    options.topics_file = topics_file;
    REQUIRE(index::run_index(options).indexed == 1);
    CHECK(units_with_topic(options.db, "allotments") > 0);
}

TEST_CASE("a topics file with no rule in it is an error that says how the lines go", "[indexer]") {
    test::TempDir tmp;
    auto archive = tmp.path() / "minutes";
    std::filesystem::create_directories(archive);
    std::ofstream(archive / "Minutes - 3 May 2023.md")
        << "Minutes of the meeting of the Audit Committee held on 3 May 2023\n\n1. APOLOGIES\n\nNone.\n";
    const auto topics_file = tmp.path() / "topics.tsv";
    std::ofstream(topics_file) << "allotments Allotments allotment*\n";  // spaces where tabs belong
    index::RunOptions options;
    options.inputs = {archive};
    options.db = tmp.path() / "db";
    options.topics_file = topics_file;
    CHECK_THROWS_WITH(index::run_index(options), Catch::Contains("tabs, not spaces"));
    CHECK_FALSE(std::filesystem::exists(options.db));
}

namespace {

// Unit ids in docid order, and the spelling dictionary: what a search can see of an index.
std::pair<std::vector<std::string>, std::map<std::string, Xapian::doccount>> index_contents(
    const std::filesystem::path& dir) {
    Xapian::Database db(dir.string());
    std::vector<std::string> ids;
    std::string marker(s::unit_marker);
    for (auto it = db.postlist_begin(marker); it != db.postlist_end(marker); ++it)
        ids.push_back(nlohmann::json::parse(db.get_document(*it).get_data())["id"].get<std::string>());
    std::map<std::string, Xapian::doccount> spelling;
    for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w) spelling[*w] = w.get_termfreq();
    return {ids, spelling};
}

}  // namespace

TEST_CASE("a first build writes one shard per thread and gives the index a one-thread build gives",
          "[indexer][samples]") {
    test::TempDir tmp;
    index::RunOptions options;
    options.inputs = {QUORUM_SAMPLES_DIR};
    options.as_of = "2022-05-01";
    options.threads = 1;
    options.db = tmp.path() / "one";
    const auto one = index::run_index(options);
    options.threads = 3;
    options.db = tmp.path() / "three";
    const auto three = index::run_index(options);

    CHECK(three.indexed == one.indexed);
    CHECK(three.total_units == one.total_units);
    CHECK(three.decisions == one.decisions);
    CHECK(three.links == one.links);
    CHECK(index_contents(tmp.path() / "three") == index_contents(tmp.path() / "one"));
    // Docids follow input order, and no build folder is left beside the index.
    CHECK(index_contents(tmp.path() / "three").first.front().rfind("samples-000-", 0) == 0);
    for (const auto& e : std::filesystem::directory_iterator(tmp.path()))
        CHECK(e.path().filename().string().find(".building-") == std::string::npos);

    query::Searcher searcher(tmp.path() / "three");
    query::SearchRequest r;
    r.q = "foster";
    CHECK(searcher.search(r).total > 0);
}

TEST_CASE("a unit read by OCR is stored with \"ocr\": true and the run counts the pages OCR read", "[indexer][ocr]") {
    test::TempDir tmp;
    const auto archive = tmp.path() / "scans";
    std::filesystem::create_directories(archive);
    std::filesystem::copy_file(std::filesystem::path(QUORUM_FIXTURES_DIR) / "pdf" / "scanned_minutes.pdf",
                               archive / "scanned_minutes.pdf");
    index::RunOptions options;
    options.db = tmp.path() / "db";
    options.inputs = {archive};
    const auto summary = index::run_index(options);
    REQUIRE(summary.indexed == 1);
    query::Searcher searcher(options.db);
    std::optional<nlohmann::json> typed, scanned;
    for (const auto& id : unit_ids(options.db)) {
        auto record = nlohmann::json::parse(*searcher.unit(id));
        const std::string text = record["text"];
        if (text.find("Councillor Smith") != std::string::npos) typed = record;
        if (text.find("pothole") != std::string::npos) scanned = record;
    }
    REQUIRE(typed);
    CHECK_FALSE(typed->contains("ocr"));  // only set when true
    if (corpus::ocr_built_in()) {
        REQUIRE(scanned);
        CHECK((*scanned)["ocr"] == true);
        CHECK((*scanned)["page"] == 2);
        CHECK(summary.notes.at("ocr-page") == 1);
    } else {
        CHECK_FALSE(scanned);
        const bool reported = std::any_of(summary.problems.begin(), summary.problems.end(),
                                          [](const corpus::Diagnostic& d) { return d.code == "ocr-unavailable"; });
        CHECK(reported);
    }
}

namespace {

// Copies the sample archive into `folder`, naming `council` wherever the samples name
// Herefordshire (in the text and the sidecars).
void copy_samples_as(const std::filesystem::path& folder, const std::string& council) {
    std::filesystem::create_directories(folder);
    for (const auto& e : std::filesystem::directory_iterator(QUORUM_SAMPLES_DIR)) {
        const std::string name = e.path().filename().string();
        if (name == "SOURCE.md") continue;
        std::ifstream in(e.path(), std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::string printed = "Herefordshire";
        for (std::size_t at = 0; (at = text.find(printed, at)) != std::string::npos; at += council.size())
            text.replace(at, printed.size(), council);
        std::ofstream(folder / name, std::ios::binary) << text;
    }
}

// Every decision, person and committee record of an index: list forms and details.
struct DecisionRecords {
    std::vector<std::string> decisions, details, people, committees;
};

DecisionRecords decision_records(const std::filesystem::path& db) {
    query::Searcher searcher(db);
    DecisionRecords out;
    query::DecisionQuery all;
    all.per_page = 10000;
    out.decisions = searcher.decisions(all).records;
    for (const auto& r : out.decisions)
        out.details.push_back(*searcher.decision(nlohmann::json::parse(r)["id"].get<std::string>()));
    for (const auto& p : searcher.people("", 1, 10000).records)
        out.people.push_back(*searcher.person(nlohmann::json::parse(p)["id"].get<std::string>()));
    for (const auto& c : searcher.committees())
        out.committees.push_back(*searcher.committee(nlohmann::json::parse(c)["id"].get<std::string>()));
    return out;
}

}  // namespace

// Issue 14: the decisions pass held the readings of the whole archive (4.1 GB at 1 GB of
// text) and analysed every council together. It now analyses one council at a time.
TEST_CASE("decisions are analysed council by council: a council's records do not change beside another council",
          "[indexer][samples][decisions]") {
    test::TempDir tmp;
    // The same folder name in both archives gives the same file keys, hence the same ids.
    copy_samples_as(tmp.path() / "alone" / "archive" / "hereford", "Herefordshire");
    copy_samples_as(tmp.path() / "both" / "archive" / "hereford", "Herefordshire");
    copy_samples_as(tmp.path() / "both" / "archive" / "salop", "Shropshire");

    index::RunOptions options;
    options.as_of = "2022-05-01";
    options.inputs = {tmp.path() / "alone" / "archive"};
    options.db = tmp.path() / "alone.db";
    const auto alone = index::run_index(options);
    options.inputs = {tmp.path() / "both" / "archive"};
    options.db = tmp.path() / "both.db";
    const auto both = index::run_index(options);
    // A run reading more than keep_readings_mb reads each council again for the pass.
    options.keep_readings_mb = 0;
    options.db = tmp.path() / "reread.db";
    const auto reread = index::run_index(options);

    REQUIRE(alone.decisions > 0);
    CHECK(alone.decision_councils == 1);
    CHECK(both.decision_councils == 2);
    CHECK(both.files_reread == 0);
    CHECK(reread.files_reread == both.indexed);
    CHECK(both.decisions == 2 * alone.decisions);
    CHECK(both.links == 2 * alone.links);  // analysed together, the copies confused 3 of 14 links
    CHECK(both.threads == 2 * alone.threads);

    const DecisionRecords one = decision_records(tmp.path() / "alone.db");
    const DecisionRecords two = decision_records(tmp.path() / "both.db");
    // Herefordshire's decisions, in list order and in detail (links, threads), are those it
    // has alone: list order is date, then file, across councils analysed apart.
    std::vector<std::string> hereford, hereford_details;
    for (std::size_t i = 0; i < two.decisions.size(); ++i)
        if (nlohmann::json::parse(two.decisions[i])["council"] == "Herefordshire Council") {
            hereford.push_back(two.decisions[i]);
            hereford_details.push_back(two.details[i]);
        }
    CHECK(hereford == one.decisions);
    CHECK(hereford_details == one.details);
    // The two councils' decisions interleave by date: Herefordshire's do not all come first.
    REQUIRE(two.decisions.size() == 2 * one.decisions.size());
    std::vector<std::string> councils;
    for (const auto& r : two.decisions) councils.push_back(nlohmann::json::parse(r)["council"]);
    const auto first_salop = std::find(councils.begin(), councils.end(), "Shropshire Council");
    const auto last_hereford = std::find(councils.rbegin(), councils.rend(), "Herefordshire Council");
    CHECK(first_salop - councils.begin() < councils.rend() - last_hereford - 1);

    // People and committees with the same ids in both councils are summed, as one analysis
    // of both would: every attendance twice, every meeting twice.
    REQUIRE(two.people.size() == one.people.size());
    for (std::size_t i = 0; i < one.people.size(); ++i) {
        const auto a = nlohmann::json::parse(one.people[i]), b = nlohmann::json::parse(two.people[i]);
        CHECK(b.at("id") == a.at("id"));
        CHECK(b.at("counts").at("attended") == 2 * a.at("counts").at("attended").get<int>());
        CHECK(b.at("meetings").size() == 2 * a.at("meetings").size());
        // (Roles printed with the council's name are two roles, so only their sum is checked.)
        auto role_meetings = [](const nlohmann::json& p) {
            int n = 0;
            for (const auto& r : p.at("roles")) n += r.at("meetings").get<int>();
            return n;
        };
        CHECK(role_meetings(b) == 2 * role_meetings(a));
    }
    REQUIRE(two.committees.size() == one.committees.size());
    for (std::size_t i = 0; i < one.committees.size(); ++i) {
        const auto a = nlohmann::json::parse(one.committees[i]), b = nlohmann::json::parse(two.committees[i]);
        CHECK(b.at("meetings_count") == 2 * a.at("meetings_count").get<int>());
        CHECK(b.at("decisions_count") == 2 * a.at("decisions_count").get<int>());
        CHECK(b.at("members").size() == a.at("members").size());
    }

    // Readings kept or read again: the same records.
    const DecisionRecords again = decision_records(tmp.path() / "reread.db");
    CHECK(again.decisions == two.decisions);
    CHECK(again.details == two.details);
    CHECK(again.people == two.people);
    CHECK(again.committees == two.committees);
}

// Review of the council-by-council pass: a report filed without a sidecar names no
// council, and was analysed apart from its own council's minutes (a group of its own).
TEST_CASE("a paper that names no council is analysed with, and given, its archive's only council",
          "[indexer][samples][decisions]") {
    test::TempDir tmp;
    const auto folder = tmp.path() / "archive" / "hereford";
    copy_samples_as(folder, "Herefordshire");
    index::RunOptions options;
    options.as_of = "2022-05-01";
    options.inputs = {tmp.path() / "archive"};
    options.db = tmp.path() / "named.db";
    const auto named = index::run_index(options);
    // Without their sidecars' council, 003 and 004 name none (their text does not either).
    int stripped = 0;
    for (const auto& e : std::filesystem::directory_iterator(folder)) {
        const std::string name = e.path().filename().string();
        if (name.size() < 10 || name.substr(name.size() - 10) != ".meta.json" || name[2] < '3') continue;
        std::ifstream in(e.path());
        auto sidecar = nlohmann::json::parse(in);
        in.close();
        sidecar.erase("council");
        std::ofstream(e.path()) << sidecar.dump();
        ++stripped;
    }
    REQUIRE(stripped == 2);
    options.db = tmp.path() / "unnamed.db";
    const auto unnamed = index::run_index(options);
    query::Searcher searcher(tmp.path() / "unnamed.db");
    query::SearchRequest r;
    r.q = "inspection";
    // Issue 17: they are written again with that council, and say so.
    bool some_unit_given_council = false;
    for (const auto& hit : searcher.search(r).hits) {
        const auto record = nlohmann::json::parse(hit.record);
        CHECK(record["council"] == "Herefordshire Council");
        some_unit_given_council = some_unit_given_council || record["council_source"] == "archive";
    }
    REQUIRE(some_unit_given_council);
    CHECK(unnamed.files_given_council == 2);

    CHECK(unnamed.decision_councils == 1);
    CHECK(unnamed.decisions == named.decisions);
    CHECK(unnamed.links == named.links);
    CHECK(unnamed.threads == named.threads);
}

namespace {

// docid -> everything stored of every decision, person and committee record: its data,
// then its values and terms.
std::map<Xapian::docid, std::string> stored_records(const std::filesystem::path& db_path) {
    namespace s = index::schema;
    Xapian::Database db(db_path.string());
    std::map<Xapian::docid, std::string> out;
    for (std::string_view type : {s::decision_type, s::person_type, s::committee_type}) {
        const std::string term = s::term(s::type_prefix, type);
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
            const Xapian::Document doc = db.get_document(*it);
            std::string all = doc.get_data();
            for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
                all += '\n' + std::to_string(v.get_valueno()) + '=' + *v;
            for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) all += '\n' + *t;
            out[*it] = all;
        }
    }
    return out;
}

}  // namespace

// Issue 14: every run that changed a file deleted and wrote again every decision, person
// and committee record of the archive (264,000 at 1 GB), and an incremental run holds its
// writes until its one commit. Records stored just so are now kept as they are.
TEST_CASE("an incremental run keeps the records its change did not move, and gives what a new build gives",
          "[indexer][samples][decisions]") {
    test::TempDir tmp;
    const auto archive = tmp.path() / "archive";
    copy_samples_as(archive / "hereford", "Herefordshire");
    copy_samples_as(archive / "salop", "Shropshire");
    index::RunOptions options;
    options.as_of = "2022-05-01";
    options.inputs = {archive};
    options.db = tmp.path() / "db";
    const auto first = index::run_index(options);
    REQUIRE(first.decisions > 20);
    CHECK(first.records_unchanged == 0);  // a new index has none to keep
    const auto before = stored_records(options.db);

    // Shropshire's minutes gain an item: one council's records may move, not the other's.
    std::string minutes;
    for (const auto& e : std::filesystem::directory_iterator(archive / "salop")) {
        std::ifstream in(e.path());
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (e.path().extension() == ".txt" && text.find("RESOLVED") != std::string::npos) {
            minutes = e.path().string();
            break;
        }
    }
    REQUIRE_FALSE(minutes.empty());
    std::ofstream(minutes, std::ios::app) << "\n\n99. ANY OTHER BUSINESS\n\nRESOLVED: That the Hopton Wafers village "
                                             "hall lease be renewed for five years.\n";
    const auto second = index::run_index(options);
    CHECK(second.indexed == 1);
    CHECK(second.decisions == first.decisions + 1);
    const auto after = stored_records(options.db);
    std::size_t kept = 0, hereford_kept = 0, hereford = 0;
    for (const auto& [docid, data] : after) {
        const auto was = before.find(docid);
        const bool same = was != before.end() && was->second == data;
        kept += same;
        if (data.find("Herefordshire Council") != std::string::npos && data.find("\"unit_id\"") != std::string::npos) {
            ++hereford;
            hereford_kept += same;
        }
    }
    REQUIRE(hereford > 10);
    CHECK(hereford_kept == hereford);  // same docid, same record: not written again
    CHECK(second.records_unchanged == kept);
    CHECK(kept > after.size() / 2);

    // A file gone (with --prune) takes its decisions with it.
    std::filesystem::remove(minutes);
    options.prune = true;
    const auto third = index::run_index(options);
    CHECK(third.removed_files == 1);
    CHECK(third.decisions < first.decisions);

    // Whatever was kept, the records are those a new build of the same files gives.
    index::RunOptions fresh = options;
    fresh.db = tmp.path() / "fresh.db";
    fresh.prune = false;
    (void)index::run_index(fresh);
    const DecisionRecords kept_records = decision_records(options.db), new_records = decision_records(fresh.db);
    CHECK(kept_records.decisions == new_records.decisions);
    CHECK(kept_records.details == new_records.details);
    CHECK(kept_records.people == new_records.people);
    CHECK(kept_records.committees == new_records.committees);
}

// Regression: a first build killed just after renaming its index onto --db left its
// ".db.building-PID" folder (a partial index when killed earlier) until the next first
// build; the next run is an incremental one, which did not look (issue 15, kill -9).
TEST_CASE("every run removes the build folders of killed runs beside the index, and keeps a live run's",
          "[indexer]") {
    test::TempDir tmp;
    const auto archive = tmp.path() / "archive";
    std::filesystem::create_directories(archive);
    std::ofstream(archive / "minutes.txt") << "Minutes of the Cabinet held on 1 March 2022\n\n"
                                              "1. Budget\n\nThe Cabinet approved the budget.\n";
    index::RunOptions options;
    options.inputs = {archive};
    options.db = tmp.path() / "db";
    (void)index::run_index(options);  // the first build

    // A process that has exited: its folder is stale. Our parent is alive: its folder stays.
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    REQUIRE(child > 0);
    ::waitpid(child, nullptr, 0);
    const auto stale = tmp.path() / (".db.building-" + std::to_string(child));
    const auto live = tmp.path() / (".db.building-" + std::to_string(::getppid()));
    std::filesystem::create_directories(stale / "shard-0");
    std::ofstream(stale / "shard-0" / "postlist.glass") << "partial";
    std::filesystem::create_directories(live);

    const auto summary = index::run_index(options);  // an incremental run: nothing changed
    CHECK(summary.indexed == 0);
    CHECK_FALSE(std::filesystem::exists(stale));
    CHECK(std::filesystem::exists(live));
}
