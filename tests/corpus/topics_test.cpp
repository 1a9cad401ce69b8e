// Topics: transparent phrase rules from data/topics.tsv.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "units/topics.hpp"
#include "units/units.hpp"

using namespace quorum::corpus;

namespace {

bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("The default topics include the required ones, each with a name", "[topics]") {
    for (const char* id : {"safeguarding",
                           "fostering-and-adoption",
                           "send",
                           "mental-health",
                           "workforce-and-recruitment",
                           "finance-and-budget",
                           "inspection-and-ofsted",
                           "improvement-plan",
                           "education-and-schools",
                           "youth-justice",
                           "governance-and-scrutiny",
                           "children-in-care",
                           "early-help",
                           "exploitation",
                           "health",
                           "housing",
                           "transport",
                           "planning",
                           "environment-and-climate",
                           "community-safety",
                           "adult-social-care",
                           "digital-and-data",
                           "equality-and-diversity",
                           "procurement-and-contracts"}) {
        INFO(id);
        CHECK_FALSE(topic_name(id).empty());
    }
    CHECK(topic_name("send") == "Special educational needs and disabilities (SEND)");
    CHECK(topic_name("no-such-topic").empty());
}

TEST_CASE("A title phrase is enough; a text needs two occurrences", "[topics]") {
    CHECK(has(assign_topics("FOSTERING SERVICE UPDATE", "The report was noted."), "fostering-and-adoption"));
    // Seed 000 line 297-298: "Foster Panel" and "fostering" twice.
    const std::string text =
        "The Quality Assurance Framework for Foster Panel was a new initiative but all other areas of fostering work "
        "underwent quality assurance.";
    CHECK(has(assign_topics("", text), "fostering-and-adoption"));
    CHECK_FALSE(has(assign_topics("", "A fostering panel handbook was being developed."), "fostering-and-adoption"));
}

TEST_CASE("Stems match word beginnings and phrases match whole words only", "[topics]") {
    // "recruit*" matches recruitment and recruited; "caseload*" matches caseloads.
    CHECK(has(assign_topics("", "Recruitment was slow, and two teams were recruited to reduce caseloads."),
              "workforce-and-recruitment"));
    // "send" as a verb is not SEND; "foster good relations" is not fostering.
    const auto topics = assign_topics("", "Send out a report. Foster good relations between persons and foster them.");
    CHECK_FALSE(has(topics, "send"));
    CHECK_FALSE(has(topics, "fostering-and-adoption"));
    CHECK(has(assign_topics("", "Children's Services: children in care and care leavers."), "children-in-care"));
}

TEST_CASE("Long texts need one occurrence per 500 words", "[topics]") {
    std::string text = "Ofsted inspection findings. ";
    for (int i = 0; i < 600; ++i) text += "the committee discussed matters ";
    // 2,403 words need 4 occurrences; "Ofsted" and "inspection" are 2.
    CHECK_FALSE(has(assign_topics("", text), "inspection-and-ofsted"));
}

TEST_CASE("load_topics replaces the rules and an empty text restores the defaults", "[topics]") {
    load_topics("# test rules\nparks\tParks and play\tplay area*|playground*\n");
    CHECK(assign_topics("Play areas", "") == std::vector<std::string>{"parks"});
    CHECK(topic_name("parks") == "Parks and play");
    CHECK(topic_name("safeguarding").empty());
    load_topics("");
    CHECK_FALSE(topic_name("safeguarding").empty());
    CHECK(topic_name("parks").empty());
}

TEST_CASE("The data file format: comments skipped, patterns folded, stems kept", "[topics]") {
    const auto rules = parse_topics("# comment\nsend\tSEND\tSpecial Educational Need*|Co-optee*\nbroken line\n");
    REQUIRE(rules.size() == 1);
    CHECK(rules[0].patterns == std::vector<std::string>{"special educational need*", "co optee*"});
}
