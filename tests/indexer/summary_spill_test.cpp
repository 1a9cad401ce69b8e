// The summary spill (indexer/src/summary_spill.*): each council's people and committees wait
// on disk and come back merged, in id order, a batch at a time (issue 14: held in memory they
// grew with the archive).
#include <catch2/catch.hpp>

#include <map>

#include "quorum/corpus/reader.hpp"
#include "quorum/decisions/decisions.hpp"
#include "summary_spill.hpp"

using namespace quorum;

namespace {

decisions::DecisionAnalysis analysis_of_samples() {
    corpus::Archive archive;
    std::vector<corpus::Diagnostic> diagnostics;
    corpus::ReadOptions options;
    options.root = QUORUM_SAMPLES_DIR;
    for (const auto& file : corpus::collect_inputs({QUORUM_SAMPLES_DIR}, diagnostics))
        corpus::merge_into(archive, corpus::read_file(file, options));
    decisions::DecisionOptions o;
    o.as_of = "2022-05-01";
    return decisions::analyse_decisions(archive, o);
}

}  // namespace

TEST_CASE("The summary spill gives back every council's parts merged, in id order, a batch at a time",
          "[indexer][decisions][spill]") {
    const auto a = analysis_of_samples();
    REQUIRE(a.people.size() > 20);
    // Two "councils": the samples' people and committees, then the first half of them again.
    const std::vector<decisions::PersonSummary> half(a.people.begin(), a.people.begin() + a.people.size() / 2);
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
    for (const auto& [id, p] : expected) CHECK(people[i++] == p);                 // id order, merged as in memory
    CHECK(people.front().attended == 2 * a.person(people.front().id)->attended);  // in both "councils"

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
