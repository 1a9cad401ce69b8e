// The decisions pass through the library: run_index over the sample archive stores
// decision, person and committee records; Searcher lists and filters them.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <nlohmann/json.hpp>

#include "quorum/index/index_run.hpp"
#include "quorum/query/searcher.hpp"
#include "temp_dir.hpp"

using namespace quorum;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

index::RunSummary index_into(const fs::path& db, const fs::path& input) {
    index::RunOptions options;
    options.db = db;
    options.inputs = {input};
    options.threads = 2;
    options.as_of = "2022-05-01";
    return index::run_index(options);
}

std::set<std::string> ids_of(const query::RecordList& list) {
    std::set<std::string> out;
    for (const auto& r : list.records) out.insert(json::parse(r)["id"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("Searcher lists, filters and pages the decision records of the index", "[query][decisions]") {
    quorum::test::TempDir dir;
    const auto summary = index_into(dir.path() / "db", QUORUM_SAMPLES_DIR);
    REQUIRE(summary.decisions_computed);
    REQUIRE(summary.decisions > 50);
    query::Searcher searcher(dir.path() / "db");

    query::DecisionQuery all;
    all.per_page = 1000;
    const auto everything = searcher.decisions(all);
    CHECK(everything.total == summary.decisions);
    CHECK(everything.as_of == "2022-05-01");
    std::string previous;
    bool undated_seen = false;
    for (const auto& r : everything.records) {  // by date, undated last
        const auto d = json::parse(r);
        const std::string date = d["date"].is_string() ? d["date"].get<std::string>() : std::string();
        if (date.empty()) {
            undated_seen = true;
            continue;
        }
        CHECK_FALSE(undated_seen);
        CHECK(previous <= date);
        previous = date;
    }

    query::DecisionQuery page2 = all;
    page2.per_page = 10;
    page2.page = 2;
    const auto second = searcher.decisions(page2);
    REQUIRE(second.records.size() == 10);
    CHECK(second.records.front() == everything.records[10]);

    query::DecisionQuery noted;
    noted.outcome = index::vocabulary::OutcomeResult::noted;
    noted.from = noted.to = "2022-02-22";
    const auto n = searcher.decisions(noted);
    REQUIRE(n.total == 1);
    CHECK(json::parse(n.records[0])["label"] == "a)");

    query::DecisionQuery overdue;  // tracker rows that say "Overdue" and rows past their due date
    overdue.status = index::vocabulary::DecisionStatus::overdue;
    overdue.per_page = 1000;
    for (const auto& r : searcher.decisions(overdue).records) {
        const auto d = json::parse(r);
        CHECK((d["status"] == "overdue" || d["overdue"] == true));
    }

    query::DecisionQuery owner;
    owner.owner = "Sampson";  // the printed name's word, or the person id
    const auto by_name = ids_of(searcher.decisions(owner));
    owner.owner = "matthew-sampson";
    CHECK_FALSE(by_name.empty());
    CHECK(ids_of(searcher.decisions(owner)) == by_name);

    const auto detail = searcher.decision(json::parse(everything.records[0])["id"].get<std::string>());
    REQUIRE(detail);
    CHECK(json::parse(*detail).contains("links"));
    CHECK_FALSE(searcher.decision("d-nothing"));

    CHECK(ids_of(searcher.people("toni", 1, 100)).count("toni-fagan") == 1);
    const auto person = searcher.person("toni-fagan");
    REQUIRE(person);
    CHECK(json::parse(*person)["meetings"].size() == 2);
    CHECK(searcher.committees().size() == 2);
    CHECK(searcher.committee("cabinet"));
    CHECK_FALSE(searcher.committee("no-such-committee"));
    CHECK_THROWS_AS(searcher.decisions(query::DecisionQuery{.page = 0}), std::invalid_argument);
}

// The one decision filter users hit (Searcher::decisions), over the samples: it replaced a
// second copy (decisions::matches) that only tests called.
TEST_CASE("Decision filters select by committee, outcome, status, kind, owner, dates and words",
          "[query][decisions][filter]") {
    quorum::test::TempDir dir;
    REQUIRE(index_into(dir.path() / "db", QUORUM_SAMPLES_DIR).decisions_computed);
    query::Searcher searcher(dir.path() / "db");
    namespace v = index::vocabulary;
    auto found = [&](query::DecisionQuery q) {
        q.per_page = 1000;
        std::vector<json> out;
        for (const auto& r : searcher.decisions(q).records) out.push_back(json::parse(r));
        return out;
    };

    // Regression: status=overdue missed records past their due date whose tracker status is
    // another one (row 9 is "in progress", due 1 March 2022, as of 1 May 2022).
    query::DecisionQuery overdue;
    overdue.status = v::DecisionStatus::overdue;
    const auto late = found(overdue);
    CHECK(late.size() >= 5);
    bool in_progress_and_late = false;
    for (const auto& d : late) {
        CHECK(d["overdue"] == true);
        in_progress_and_late = in_progress_and_late || d["status"] == "in progress";
    }
    CHECK(in_progress_and_late);

    // Statuses are stored with the tracker's spelling and found by their slug.
    query::DecisionQuery to_do;
    to_do.status = v::DecisionStatus::to_be_completed;
    const auto open_actions = found(to_do);
    CHECK_FALSE(open_actions.empty());
    for (const auto& d : open_actions) CHECK(d["status"] == "to be completed");

    query::DecisionQuery sampson;
    sampson.owner = "matthew-sampson";
    CHECK(found(sampson).size() >= 3);

    query::DecisionQuery feb;
    feb.from = feb.to = "2022-02-22";
    const auto that_day = found(feb);
    CHECK(that_day.size() == 17);
    for (const auto& d : that_day) CHECK(d["date"] == "2022-02-22");

    query::DecisionQuery words;
    words.q = "fostering panel";
    CHECK(found(words).size() == 1);

    query::DecisionQuery deferred;
    deferred.outcome = v::OutcomeResult::deferred;
    const auto put_off = found(deferred);
    CHECK(put_off.size() == 1);
    for (const auto& d : put_off) CHECK(d["outcome"]["result"] == "deferred");

    query::DecisionQuery rows;
    rows.kind = v::DecisionKind::tracker_row;
    const auto tracker = found(rows);
    CHECK(tracker.size() == 15);  // the rows of the action tracker
    for (const auto& d : tracker) CHECK(d["kind"] == "tracker-row");

    query::DecisionQuery cabinet;
    cabinet.committee = "cabinet";
    const auto cab = found(cabinet);
    CHECK(cab.size() == 2);
    for (const auto& d : cab) CHECK(d["committee"]["id"] == "cabinet");
}

TEST_CASE("The decisions pass reruns over the whole archive only when a file changed", "[query][decisions]") {
    quorum::test::TempDir dir;
    const fs::path input = dir.path() / "samples";
    fs::copy(QUORUM_SAMPLES_DIR, input, fs::copy_options::recursive);
    const auto first = index_into(dir.path() / "db", input);
    REQUIRE(first.decisions_computed);

    const auto again = index_into(dir.path() / "db", input);
    CHECK_FALSE(again.decisions_computed);  // nothing changed: the stored records stand

    std::ofstream(input / "002_f238e8122ed5804f.txt", std::ios::app) << "\n";
    const auto changed = index_into(dir.path() / "db", input);
    REQUIRE(changed.decisions_computed);
    CHECK(changed.indexed == 1);
    CHECK(changed.files_reread == first.files - 1);  // the unchanged files are read again
    CHECK(changed.decisions == first.decisions);     // links cross files: all of them are back
    CHECK(changed.links == first.links);
    CHECK(changed.threads == first.threads);
}
