// The structure reader on small hand-made texts: one layout rule per test.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "segment/segmenter.hpp"
#include "segment/structure.hpp"

using namespace quorum::corpus;

namespace {

SourceText text_of(const std::string& s) {
    SourceText t;
    t.format = "txt";
    std::istringstream in(s);
    std::string line;
    while (std::getline(in, line)) t.lines.push_back({line, 0});
    return t;
}

FileResult run(const std::string& s, Sidecar sidecar = {}) {
    FileResult r;
    segment(text_of(s), sidecar, Filing{}, "t-doc", "t/doc.txt", default_topic_rules(), r);
    return r;
}

}  // namespace

TEST_CASE("numbered discussion points and report paragraphs inside an item are not items", "[segmenter]") {
    const auto r =
        run("Minutes of the meeting of Audit committee held at Town Hall on 3 May 2023 at 10.00 am\n"
            "Present: Councillor A Smith (Chair)\n\n"
            "1. APOLOGIES FOR ABSENCE\nNone.\n\n"
            "2. BUDGET MONITORING\n"
            "1. The committee asked whether the forecast overspend would be recovered by year end.\n"
            "3. The committee noted that the savings were on track and would be reported again.\n"
            "3.6 The paragraph numbers of a report are not items either.\n\n"
            "3. DATE OF NEXT MEETING\nTo be confirmed.\n");
    REQUIRE(r.documents.size() == 1);
    const auto& items = r.documents[0].items;
    REQUIRE(items.size() == 3);
    CHECK(items[1].title == "BUDGET MONITORING");
    CHECK(items[2].number == "3");
    CHECK(items[2].title == "DATE OF NEXT MEETING");
    REQUIRE(r.meetings.size() == 1);
    CHECK(r.meetings[0].id == "audit-committee-2023-05-03");
    CHECK(r.meetings[0].venue == "Town Hall");
    CHECK(r.meetings[0].start_time == "10:00");
    CHECK(r.meetings[0].attendance.present.at(0).role == "chairperson");
}

TEST_CASE("an item number printed before the previous item's last lines is followed by its real heading",
          "[segmenter]") {
    const auto r =
        run("Minutes of the meeting of Audit committee held at Town Hall on 3 May 2023\n\n"
            "4.\n\nWORK PROGRAMME\nThe committee agreed:\n\n"
            "5.\n\nThat the next meeting would focus on audit.\nThat officers report back.\n\n"
            "DATE OF NEXT MEETING\nThe next meeting is on 1 June 2023.\n");
    const auto& doc = r.documents.at(0);
    REQUIRE(doc.items.size() == 2);
    CHECK(doc.items[1].title == "DATE OF NEXT MEETING");
    for (const auto& u : doc.units)
        if (u.type == UnitType::item && u.number == "4") CHECK(u.text.find("focus on audit") != std::string::npos);
}

TEST_CASE("exempt business keeps its heading and gives no body text", "[segmenter]") {
    const auto r =
        run("Minutes of the meeting of Audit committee held at Town Hall on 3 May 2023\n\n"
            "1. EXCLUSION OF THE PRESS AND PUBLIC\n"
            "RESOLVED: that the press and public be excluded for the following item as it involves exempt information "
            "under Schedule 12A.\n\n"
            "2. CONTRACT AWARD\nThe secret price was 42 pounds.\n");
    const auto& doc = r.documents.at(0);
    REQUIRE(doc.items.size() == 2);
    CHECK(doc.items[1].exempt);
    for (const auto& u : doc.units) CHECK(u.text.find("secret price") == std::string::npos);
}

TEST_CASE("a pack splits at minutes, reports and appendices and attributes each part", "[segmenter]") {
    Sidecar s;
    s.kind = "agenda-pack";
    const auto r =
        run("Agenda\n\nPlanning committee\n\nDate: Tuesday 6 June 2023\n\nTime: 2.00 pm\n\n"
            "1.\tAPOLOGIES To receive apologies\t\n"
            "2.\tMINUTES To approve the minutes\t3 - 8\n\n"
            "Minutes of the meeting of Planning committee held at Shire Hall on 2 May 2023 at 2.00 pm\n\n"
            "10. APOLOGIES\nNone.\n\n"
            "Title of report: Local plan\n\nMeeting: Cabinet\n\nMeeting date: 1st June 2023\n\nReport by: Director\n\n"
            "Purpose\n\nTo agree the plan.\n\nAppendices\n\nAppendix A - Map\n\nBackground papers\n\nNone\n\n"
            "Appendix A\n\nMap of sites\n\nThe sites are shown.\n");
    REQUIRE(r.documents.size() == 4);
    CHECK(r.documents[0].kind == DocumentKind::agenda);
    CHECK(r.documents[0].date == "2023-06-06");
    CHECK(r.documents[0].items.at(1).pages_ref == "3-8");
    CHECK(r.documents[1].kind == DocumentKind::minutes);
    CHECK(r.documents[1].date == "2023-05-02");
    CHECK(r.documents[2].kind == DocumentKind::report);
    CHECK(r.documents[2].committee->name == "Cabinet");
    CHECK(r.documents[2].date == "2023-06-01");
    CHECK(r.documents[3].kind == DocumentKind::appendix);
    CHECK(r.documents[3].title == "Appendix A \xE2\x80\x93 Map of sites");
    CHECK(r.documents[3].id == "t-doc-p4");
}

TEST_CASE("metadata that is not printed stays empty", "[segmenter]") {
    const auto r = run("Some notes without a header\n\nNothing else.\n");
    REQUIRE(r.documents.size() == 1);
    CHECK(r.documents[0].date.empty());
    CHECK_FALSE(r.documents[0].committee);
    CHECK(r.documents[0].meeting_id == "t-doc-meeting");
}

TEST_CASE("committee names are normalised whatever their capitalisation", "[segmenter]") {
    using structure::committee_named;
    CHECK(committee_named("Children and young people scrutiny committee").name ==
          "Children and Young People Scrutiny Committee");
    CHECK(committee_named("CHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE").id ==
          "children-and-young-people-scrutiny-committee");
    CHECK(committee_named("the planning sub-committee").name == "Planning Sub-Committee");
}

TEST_CASE("people lists split into names and job titles", "[segmenter]") {
    const auto people = structure::split_people(
        "Chris Baird, Director Children and Families (DCF), Lisa Fraser Assistant Director Education and DCI Jon "
        "Roberts, West Mercia Police.",
        false);
    REQUIRE(people.size() == 3);
    CHECK(people[0].title == "Director Children and Families (DCF)");
    CHECK(people[1].name == "Lisa Fraser");
    CHECK(people[2].honorific == "DCI");
    CHECK(people[2].title == "West Mercia Police");
}
