// The hybrid mode, the query read in words, why a hit matched, and "more like this"
// (issue 13), on the sample archive read by the real readers and indexed by the real
// indexer with the built-in thesaurus.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "quorum/index/index_run.hpp"
#include "quorum/index/schema.hpp"
#include "quorum/query/searcher.hpp"
#include "related_words.hpp"
#include "temp_dir.hpp"

using namespace quorum;
using nlohmann::json;

namespace {

query::Searcher& samples() {
    static test::TempDir dir;
    static query::Searcher searcher = [] {
        index::RunOptions options;
        options.db = dir.path() / "samples.db";
        options.inputs = {QUORUM_SAMPLES_DIR};
        options.threads = 2;
        REQUIRE(index::run_index(options).committed);
        return query::Searcher(options.db);
    }();
    return searcher;
}

query::SearchResult ask(const std::string& q, query::Mode mode, int per_page = 10) {
    query::SearchRequest r;
    r.q = q;
    r.mode = mode;
    r.per_page = per_page;
    r.facets = false;
    return samples().search(r);
}

std::set<std::string> ids(const query::SearchResult& result) {
    std::set<std::string> out;
    for (const auto& h : result.hits) out.insert(h.id);
    return out;
}

bool has(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

TEST_CASE("hybrid finds the papers' word for the asker's word, and says so", "[query][hybrid]") {
    // The samples never say "kids"; the thesaurus says people mean children.
    auto keyword = ask("kids", query::Mode::keyword);
    CHECK(keyword.total == 0);
    auto hybrid = ask("kids", query::Mode::hybrid);
    REQUIRE(hybrid.total > 0);
    REQUIRE_FALSE(hybrid.hits.empty());
    CHECK(has(hybrid.hits[0].related, "children \u2248 kids"));
    CHECK(hybrid.reading.text.find("kids \u2248 children") != std::string::npos);
    REQUIRE_FALSE(hybrid.reading.expansions.empty());
    CHECK(hybrid.reading.expansions[0].word == "kids");
    CHECK(hybrid.reading.expansions[0].source.find("thesaurus") != std::string::npos);
}

TEST_CASE("hybrid keeps every unit keyword finds for a query of words (AND)", "[query][hybrid]") {
    // Related words are ORed with each word in place: a unit with every word still matches.
    // "council tax", "pay rise", "bin collection": thesaurus keys of two words (review: the
    // first version rewrote them as phrases and lost units with the words apart).
    for (const char* q : {"foster carers", "social workers caseloads", "MASH", "budget overspend", "agency staff",
                          "council tax", "pay rise", "bin collection", "cost budget"}) {
        auto keyword = ask(q, query::Mode::keyword, 100);
        auto hybrid = ask(q, query::Mode::hybrid, 100);
        INFO(q);
        CHECK(hybrid.total >= keyword.total);
        if (keyword.total <= 100) {
            auto all = ask(q, query::Mode::hybrid, 1000);
            auto found = ids(all);
            for (const auto& id : ids(keyword)) CHECK(found.count(id) == 1);
        }
    }
}

TEST_CASE("a word the archive lacks does not match through related words alone", "[query][hybrid]") {
    // Regression: "red light cameras council" once matched one stray unit through WordNet's
    // "ruby" and "illumine", so the AND was never relaxed to the units with most words.
    auto keyword = ask("fostering zzqx", query::Mode::keyword);
    auto hybrid = ask("fostering zzqx", query::Mode::hybrid);
    CHECK(keyword.total > 0);  // relaxed to "any of"
    CHECK(hybrid.total >= keyword.total);
    CHECK(hybrid.reading.any_of.size() >= 1);
}

TEST_CASE("the query is read back in words, never as Xapian's description", "[query][hybrid]") {
    auto r = ask("\"foster carers\" recruitment -adoption committee:cabinet", query::Mode::keyword);
    CHECK(r.reading.text.find("Query(") == std::string::npos);
    CHECK(r.reading.text.find('@') == std::string::npos);
    CHECK(has(r.reading.phrases, "\"foster carers\""));
    CHECK(has(r.reading.without, "adoption"));
    CHECK(has(r.reading.filters, "committee: cabinet"));
    CHECK(r.reading.text.find("the phrase \"foster carers\"") != std::string::npos);
    CHECK(r.reading.text.find("without: adoption") != std::string::npos);

    auto question = ask("what did we resolve on foster carer recruitment in 2022?", query::Mode::hybrid);
    CHECK_FALSE(question.reading.any_of.empty());
    CHECK(has(question.reading.lifts, "decisions first"));
    CHECK(has(question.reading.lifts, "units of 2022 first"));
}

TEST_CASE("every hit says which words of the query it has", "[query][hybrid]") {
    auto r = ask("foster carers recruitment", query::Mode::keyword);
    REQUIRE_FALSE(r.hits.empty());
    for (const auto& hit : r.hits) {
        INFO(hit.id);
        CHECK_FALSE(hit.matched.empty());
        std::string text = json::parse(hit.record)["text"].get<std::string>() + " " +
                           json::parse(hit.record)["title"].get<std::string>();
        std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        // A matched word is in the unit's text or title (by its stem: "carers" for "carer").
        for (const auto& w : hit.matched) CHECK(text.find(w.substr(0, 4)) != std::string::npos);
    }
    CHECK((has(r.hits[0].matched, "foster") || has(r.hits[0].matched, "carers")));
}

TEST_CASE("more like this finds other units like one, without it or its copies", "[query][hybrid]") {
    auto seed = ask("foster carers recruitment target", query::Mode::keyword);
    REQUIRE_FALSE(seed.hits.empty());
    const auto& unit = seed.hits[0];
    query::SearchRequest like;
    like.like = unit.id;
    like.facets = false;
    auto r = samples().search(like);
    REQUIRE(r.total > 0);
    CHECK(r.reading.like == unit.id);
    CHECK(r.reading.any_of.size() >= 5);
    for (const auto& hit : r.hits) {
        CHECK(hit.id != unit.id);
        CHECK_FALSE(has(unit.also_in, hit.id));
    }
    // Its words are the unit's own words, not stems.
    const std::string text = json::parse(unit.record)["text"].get<std::string>();
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    CHECK(lower.find(r.reading.any_of[0]) != std::string::npos);
    // The hits share the unit's subject: fostering comes up in the first page.
    bool fostering = false;
    for (const auto& hit : r.hits)
        fostering = fostering || json::parse(hit.record)["text"].get<std::string>().find("oster") != std::string::npos;
    CHECK(fostering);
}

TEST_CASE("more like this refuses a query with it and an unknown id", "[query][hybrid]") {
    query::SearchRequest both;
    both.q = "fostering";
    both.like = "anything";
    CHECK_THROWS_AS(samples().search(both), std::invalid_argument);
    query::SearchRequest unknown;
    unknown.like = "no-such-unit";
    CHECK_THROWS_AS(samples().search(unknown), std::invalid_argument);
}

TEST_CASE("more like this takes a decision id", "[query][hybrid]") {
    auto list = samples().decisions({});
    REQUIRE_FALSE(list.records.empty());
    const std::string id = json::parse(list.records[0])["id"].get<std::string>();
    query::SearchRequest like;
    like.like = id;
    like.facets = false;
    auto r = samples().search(like);
    CHECK(r.reading.like == id);
    CHECK_FALSE(r.reading.any_of.empty());
}

TEST_CASE("a thesaurus entry that is the word again is not added twice", "[query][hybrid]") {
    // Regression (review): "cost" listed "costs", so the typed word counted 1.5 times and
    // every hit said "costs ≈ cost" although it had the word itself.
    auto r = ask("cost", query::Mode::hybrid);
    REQUIRE_FALSE(r.hits.empty());
    for (const auto& hit : r.hits)
        for (const auto& why : hit.related) CHECK(why.rfind("costs ", 0) != 0);
    CHECK_FALSE(r.hits[0].matched.empty());
}

TEST_CASE("a word after NOT is not expanded, and the reading says only what was added", "[query][hybrid]") {
    auto r = ask("budget NOT sacked", query::Mode::hybrid);
    CHECK(r.reading.text.find("sacked \u2248") == std::string::npos);
}

TEST_CASE("a page past the end reads the query as the first page does", "[query][hybrid]") {
    // Regression (review): page 10 of a relaxed query said "all of" with a total of 7
    // while pages 1-5 said "any of" with 88.
    query::SearchRequest first, far;
    first.q = far.q = "fostering zzqx";
    first.facets = far.facets = false;
    far.page = 50;
    auto a = samples().search(first), b = samples().search(far);
    CHECK(a.reading.text == b.reading.text);
    CHECK(a.reading.any_of.size() >= 1);  // relaxed on both pages
    CHECK(b.hits.empty());
}

TEST_CASE("a typed word that is also another typed word's related word counts as matched", "[query][hybrid]") {
    // Regression: "foster carer recruitment" showed the hit with "Fostering" as matching only
    // "foster ≈ carer", because "foster" is also a related word of "carer".
    auto r = ask("what did we resolve on foster carer recruitment", query::Mode::hybrid);
    REQUIRE_FALSE(r.hits.empty());
    for (const auto& hit : r.hits) {
        std::string text = json::parse(hit.record)["text"].get<std::string>();
        std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        if (text.find("foster") != std::string::npos) CHECK(has(hit.matched, "foster"));
    }
}

TEST_CASE("a short stand-in word is searched as itself, not by what the stemmer leaves of it", "[query][hybrid]") {
    // Regression: the thesaurus's "aed" for "defibrillator" was searched by its stem "a",
    // so every unit with the article "a" matched a question about defibrillators.
    auto r = ask("defibrillator", query::Mode::hybrid);
    REQUIRE(r.reading.expansions.size() == 1);
    CHECK(has(r.reading.expansions[0].related, "aed"));
    CHECK(r.total == 0);  // the samples never mention either
}

TEST_CASE("a word the person typed is never offered as a stand-in for another", "[query][hybrid]") {
    // Regression: "social care" read as "care ≈ social" and "social ≈ care", so each word
    // counted twice and long passages repeating both outranked the answer.
    for (const std::string q : {"foster carer recruitment", "social care", "mental health support schools"}) {
        auto r = ask(q, query::Mode::hybrid);
        std::set<std::string> typed;
        for (const auto& e : r.reading.expansions) typed.insert(e.word);
        for (const auto& e : r.reading.expansions)
            for (const auto& related : e.related) CHECK_FALSE(typed.count(related));
        std::vector<std::string> words;
        for (const auto& w : r.reading.any_of) words.push_back(w);
        for (const auto& w : r.reading.all_of) words.push_back(w);
        for (const auto& e : r.reading.expansions)
            for (const auto& related : e.related) CHECK_FALSE(has(words, related));
    }
}

TEST_CASE("related words never offer a typed word or a function word as a stand-in", "[query][hybrid]") {
    // Regression: "social care" read as "care ≈ social" and "council ≈ the", counting a
    // typed word twice. The shipped table no longer pairs these, so the rule is checked on
    // an index holding such entries.
    test::TempDir dir;
    const Xapian::Stem stem("en");
    {
        Xapian::WritableDatabase w((dir.path() / "db").string(), Xapian::DB_CREATE);
        Xapian::Document doc;
        for (const char* word : {"care", "social", "homecare", "the"}) doc.add_term("Z" + stem(word));
        w.add_document(doc);
        const std::string key = std::string(index::schema::related_key_prefix) + "care";
        for (const char* entry : {"0.72 social", "0.70 the", "0.69 homecare"}) w.add_synonym(key, entry);
        w.commit();
    }
    Xapian::Database db((dir.path() / "db").string());
    auto words = [&](const std::vector<std::string>& typed) {
        std::vector<std::string> out;
        for (const auto& r : query::related_words(db, stem, "care", /*curated=*/true, typed)) out.push_back(r.word);
        return out;
    };
    const auto alone = words({stem("care")});  // "care" typed alone
    CHECK(has(alone, "social"));
    CHECK(has(alone, "homecare"));
    CHECK_FALSE(has(alone, "the"));
    const auto beside = words({stem("social"), stem("care")});  // "social care"
    CHECK_FALSE(has(beside, "social"));
    CHECK(has(beside, "homecare"));
}
