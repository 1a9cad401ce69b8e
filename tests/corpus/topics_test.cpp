// Topics: transparent phrase rules from data/topics.tsv.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "quorum/corpus/data_file.hpp"
#include "quorum/corpus/reader.hpp"
#include "units/topics.hpp"

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
        CHECK_FALSE(default_topic_rules().name(id).empty());
    }
    CHECK(default_topic_rules().name("send") == "Special educational needs and disabilities (SEND)");
    CHECK(default_topic_rules().name("no-such-topic").empty());
}

TEST_CASE("A title phrase is enough, a text needs two occurrences", "[topics]") {
    CHECK(has(default_topic_rules().assign("FOSTERING SERVICE UPDATE", "The report was noted."),
              "fostering-and-adoption"));
    // Seed 000 line 297-298: "Foster Panel" and "fostering" twice.
    const std::string text =
        "The Quality Assurance Framework for Foster Panel was a new initiative but all other areas of fostering work "
        "underwent quality assurance.";
    CHECK(has(default_topic_rules().assign("", text), "fostering-and-adoption"));
    CHECK_FALSE(has(default_topic_rules().assign("", "A fostering panel handbook was being developed."),
                    "fostering-and-adoption"));
}

TEST_CASE("Stems match word beginnings and phrases match whole words only", "[topics]") {
    // "recruit*" matches recruitment and recruited; "caseload*" matches caseloads.
    CHECK(
        has(default_topic_rules().assign("", "Recruitment was slow, and two teams were recruited to reduce caseloads."),
            "workforce-and-recruitment"));
    // "send" as a verb is not SEND; "foster good relations" is not fostering.
    const auto topics =
        default_topic_rules().assign("", "Send out a report. Foster good relations between persons and foster them.");
    CHECK_FALSE(has(topics, "send"));
    CHECK_FALSE(has(topics, "fostering-and-adoption"));
    CHECK(has(default_topic_rules().assign("", "Children's Services: children in care and care leavers."),
              "children-in-care"));
}

TEST_CASE("Long texts need one occurrence per 500 words", "[topics]") {
    std::string text = "Ofsted inspection findings. ";
    for (int i = 0; i < 600; ++i) text += "the committee discussed matters ";
    // 2,403 words need 4 occurrences; "Ofsted" and "inspection" are 2.
    CHECK_FALSE(has(default_topic_rules().assign("", text), "inspection-and-ofsted"));
}

TEST_CASE("Parsed rules are a value: they give their own topics and leave the defaults as they were", "[topics]") {
    const TopicRules parks = TopicRules::parse("# test rules\nparks\tParks and play\tplay area*|playground*\n");
    CHECK(parks.assign("Play areas", "") == std::vector<std::string>{"parks"});
    CHECK(parks.name("parks") == "Parks and play");
    CHECK(parks.name("safeguarding").empty());
    CHECK_FALSE(default_topic_rules().name("safeguarding").empty());
    CHECK(default_topic_rules().name("parks").empty());
    CHECK_FALSE(has(default_topic_rules().assign("Play areas", ""), "parks"));
    CHECK(TopicRules{}.assign("Safeguarding", "").empty());
}

// Regression: --topics renamed topics but never changed which units got them.
TEST_CASE("The rules in ReadOptions are the rules a file's units get", "[topics]") {
    const std::string minutes =
        "Minutes of the meeting of the Audit Committee held on 3 May 2023\n\n"
        "1. ALLOTMENTS\n\nThe committee noted the waiting list for allotments.\n";
    const auto units_with = [&](const ReadOptions& options, const std::string& topic) {
        const FileResult r = read_buffer(minutes, "minutes/Minutes - 3 May 2023.md", options);
        std::size_t n = 0;
        for (const Document& d : r.documents)
            for (const Unit& u : d.units) n += has(u.topics, topic) ? 1 : 0;
        return n;
    };
    ReadOptions options;
    CHECK(units_with(options, "allotments") == 0);
    options.topics = TopicRules::parse("allotments\tAllotments\tallotment*\n");
    CHECK(units_with(options, "allotments") > 0);
}

TEST_CASE("The data file format: comments skipped, patterns folded, stems kept", "[topics]") {
    const auto rules = parse_topics("# comment\nsend\tSEND\tSpecial Educational Need*|Co-optee*\nbroken line\n");
    REQUIRE(rules.size() == 1);
    CHECK(rules[0].patterns == std::vector<std::string>{"special educational need*", "co optee*"});
}

TEST_CASE("The data files share one line format", "[topics]") {
    // A comment, a blank line, a line saved on Windows, a field with an empty alternative.
    const auto records =
        data_file_records("# comment\n\nMASH\tMulti-Agency Safeguarding Hub\r\nCP\tchild protection||\n");
    REQUIRE(records.size() == 2);
    CHECK(records[0] == std::vector<std::string_view>{"MASH", "Multi-Agency Safeguarding Hub"});
    CHECK(records[1] == std::vector<std::string_view>{"CP", "child protection||"});
    CHECK(data_file_alternatives(records[1][1]) == std::vector<std::string_view>{"child protection", "", ""});
}
