// The summary spill (indexer/src/summary_spill.*): each council's people and committees wait
// on disk and come back merged, in id order, a batch at a time (issue 14: held in memory they
// grew with the archive).
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "quorum/decisions/decisions.hpp"
#include "samples_analysis.hpp"
#include "summary_spill.hpp"

using namespace quorum;

TEST_CASE("The summary spill gives back every council's parts merged, in id order, a batch at a time",
          "[indexer][decisions][spill]") {
    const auto& a = test::samples_analysis();
    REQUIRE(a.people.size() > 20);
    // Two "councils": the samples' people and committees, then the first half of them
    // again as another council prints them (another name, a later meeting on the same
    // day), so that the order the parts are merged in shows.
    std::vector<decisions::PersonSummary> half(a.people.begin(), a.people.begin() + a.people.size() / 2);
    for (auto& p : half) {
        p.name += " (Shropshire)";
        for (auto& m : p.meetings) m.meeting_id += "-salop";
    }
    std::map<std::string, decisions::PersonSummary> expected;
    for (const auto& p : a.people) expected[p.id] = p;
    for (auto p : half) decisions::merge_summary(expected[p.id], std::move(p));
    std::map<std::string, decisions::CommitteeSummary> expected_committees;
    for (const auto& c : a.committees) expected_committees[c.id] = c;
    for (auto c : a.committees) decisions::merge_summary(expected_committees[c.id], std::move(c));

    index::SummarySpill spill;
    spill.add(a.people, a.committees);
    spill.add(half, a.committees);
    CHECK(spill.bytes() > 0);

    std::vector<decisions::PersonSummary> people;
    std::size_t batches = 0;
    spill.take_people(7, [&](std::vector<decisions::PersonSummary>&& batch) {
        CHECK(batch.size() <= 7);
        ++batches;
        for (auto& p : batch) people.push_back(std::move(p));
    });
    CHECK(batches == (a.people.size() + 6) / 7);
    REQUIRE(people.size() == expected.size());
    std::size_t i = 0;
    for (const auto& [id, p] : expected) CHECK(people[i++] == p);  // id order, merged as in memory
    // The first council's parts come first: its name stays, the second's is a variant, and
    // meetings on the same date keep the order of their councils.
    const decisions::PersonSummary& first = people.front();
    const decisions::PersonSummary* alone = a.person(first.id);
    REQUIRE(alone != nullptr);
    CHECK(first.name == alone->name);
    CHECK(std::find(first.variants.begin(), first.variants.end(), alone->name + " (Shropshire)") !=
          first.variants.end());
    REQUIRE(first.meetings.size() == 2 * alone->meetings.size());
    if (!alone->meetings.empty()) {
        CHECK(first.meetings[0].meeting_id == alone->meetings[0].meeting_id);
        CHECK(first.meetings[1].meeting_id == alone->meetings[0].meeting_id + "-salop");
    }

    std::vector<decisions::CommitteeSummary> committees;
    spill.take_committees(1000, [&](std::vector<decisions::CommitteeSummary>&& batch) {
        for (auto& c : batch) committees.push_back(std::move(c));
    });
    REQUIRE(committees.size() == expected_committees.size());
    i = 0;
    for (const auto& [id, c] : expected_committees) CHECK(committees[i++] == c);

    // Taken: a second take gives nothing.
    spill.take_people(7, [&](std::vector<decisions::PersonSummary>&&) { FAIL("people taken twice"); });
}
