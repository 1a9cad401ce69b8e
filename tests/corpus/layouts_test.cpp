// Layouts of councils other than the seeds' (Irish Markdown minutes, parish minutes,
// ModernGov PDFs, a US city record), on short synthetic excerpts shaped like them.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "resolutions.hpp"
#include "segmenter.hpp"
#include "structure.hpp"

using namespace quorum::corpus;

namespace {

SourceText text_of(const std::string& s, int lines_per_page = 0) {
    SourceText t;
    t.format = lines_per_page ? "pdf" : "md";
    std::istringstream in(s);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        const int page = lines_per_page ? 1 + n / lines_per_page : 0;
        t.lines.push_back({line, page});
        ++n;
    }
    return t;
}

FileResult run(const std::string& s, const std::string& source = "t/doc.md", int lines_per_page = 0) {
    FileResult r;
    segment(text_of(s, lines_per_page), Sidecar{}, "t-doc", source, r);
    return r;
}

}  // namespace

TEST_CASE("an agenda item adopting earlier minutes does not make the agenda a minutes document", "[layouts]") {
    const auto r = run(
        "Newcastle West Municipal District,\nLimerick City and County Council,\n\n1 March, 2019\n\n"
        "You are requested to attend a Meeting of the Municipal District of Newcastle West to be held in\n"
        "Aras William Smith OBrien, Newcastle West on Wednesday, 6 March, 2019, at 9.15 a.m. The business\n"
        "to be transacted is set out on the appended Agenda.\n\nAGENDA\n\n1. Minutes\n\n"
        "To adopt Minutes of Meeting of the Municipal District of Newcastle West held on 5 December, 2018.\n\n"
        "2. Disposal of Land\n\nTo note proposal for the disposal of land.\n");
    REQUIRE(r.documents.size() == 1);
    CHECK(r.documents[0].kind == DocumentKind::agenda);
    CHECK(r.documents[0].date == "2019-03-06");
    REQUIRE(r.meetings.size() == 1);
    CHECK(r.meetings[0].start_time == "09:15");
    CHECK(r.meetings[0].venue.find("Aras William Smith") != std::string::npos);
    REQUIRE(r.documents[0].items.size() == 2);
    CHECK(r.documents[0].items[1].title == "Disposal of Land");
}

TEST_CASE("a file named as an agenda is read as an agenda", "[layouts]") {
    const auto r = run("Letterhead\n\n1. Minutes\n\nTo confirm the minutes.\n\n2. Reports\n\nTo note the reports.\n",
                       "meetings/Agenda - Monthly Meeting - 19th March 2019.md");
    CHECK(r.documents.at(0).kind == DocumentKind::agenda);
}

TEST_CASE("parish minutes date the meeting from their title, not from the minute approving earlier minutes",
          "[layouts]") {
    const auto r = run(
        "STOKE FERRY PARISH COUNCIL Draft (until approved at the next meeting) Minutes of the Ordinary Meeting "
        "held on Wednesday 1 July 2020 at 7.00 pm, Virtually online via Zoom\n\n"
        "Present: Cllr Sue Lintern (Chair) Cllr Andy Hayward\n\n"
        "107/20 Openness and Transparency Notice The Chair read the notice.\n\n"
        "108/20 To Approve the Minutes of the Ordinary Meeting held on 3 June 2020 There were no amendments.\n\n"
        "RESOLVED: That the minutes be approved as a correct record.\n");
    REQUIRE(r.meetings.size() == 1);
    CHECK(r.meetings[0].date == "2020-07-01");
    CHECK(r.meetings[0].council == "Stoke Ferry Parish Council");
    const auto& items = r.documents.at(0).items;
    REQUIRE(items.size() == 2);
    CHECK(items[0].number == "107/20");
    CHECK(items[1].number == "108/20");
}

TEST_CASE("parish item numbers 'Item 5', '3.0' and escaped '1\\.' are items", "[layouts]") {
    const auto r = run(
        "Minutes of the meeting of West Parish Council held at the Village Hall on 13 May 2014\n\n"
        "1\\. Apologies for absence\n\nNone.\n\n"
        "2.0 Minutes of Meeting Held on 11th March 2014\n\n2.1 Agreed as a correct record.\n\n"
        "Item 3 - Budget:\n\nThe budget was set.\n");
    const auto& items = r.documents.at(0).items;
    REQUIRE(items.size() == 3);
    CHECK(items[0].title == "Apologies for absence");
    CHECK(items[1].number == "2");
    CHECK(items[2].number == "3");
    CHECK(items[2].title == "Budget");
}

TEST_CASE("Irish minutes: items without a space after the number, officers as 'Title (Mr. Name)'", "[layouts]") {
    const auto r = run(
        "MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT OF CAPPAMORE-KILMALLOCK HELD IN\n\n"
        "COMMUNITY CENTRE, GALBALLY, ON THURSDAY, 28TH FEBRUARY, 2019, AT 3.30 P.M.\n\n"
        "PRESENT IN THE CHAIR:\nCouncillor E. Ryan, An Cathaoirleach.\nMEMBERS PRESENT:\n\n"
        "Councillors Donegan, Gleeson and Teefy.\n\nOFFICIALS IN ATTENDANCE:\n\n"
        "Director Support Services (Mr. S. Coughlan), Meetings\n\nAdministrator (Mr. M. Leahy).\n\n"
        "1.Adoption of Minutes\n\nProposed by Councillor Teefy;\nSeconded by Councillor Gleeson;\nAnd Resolved:\n\n"
        "\"That, the draft Minutes, as circulated, be taken as read and adopted.\"\n\n"
        "2.Disposal of Land\n\nCirculated, copy of Statutory Notice.\n");
    REQUIRE(r.meetings.size() == 1);
    const auto& m = r.meetings[0];
    CHECK(m.date == "2019-02-28");
    REQUIRE(m.attendance.officers.size() == 2);
    CHECK(m.attendance.officers[0].name == "S. Coughlan");
    CHECK(m.attendance.officers[0].title == "Director Support Services");
    CHECK(m.attendance.officers[1].title == "Meetings Administrator");
    const auto& doc = r.documents.at(0);
    REQUIRE(doc.items.size() == 2);
    CHECK(doc.items[0].title == "Adoption of Minutes");
    int resolutions = 0;
    for (const auto& u : doc.units) resolutions += u.type == UnitType::resolution;
    CHECK(resolutions == 1);
}

TEST_CASE("officers listed by job title only are kept as role-only officers", "[layouts]") {
    const auto r = run(
        "Minutes of the meeting of Audit committee held at Town Hall on 3 May 2023\n\n"
        "Present: Councillor A Smith (Chair)\n\n"
        "Officers: Democratic services manager, Service Director - Education, Skills and Learning and Head of Law\n\n"
        "1. APOLOGIES FOR ABSENCE\nNone.\n");
    const auto& officers = r.meetings.at(0).attendance.officers;
    REQUIRE(officers.size() == 3);
    CHECK(officers[0].name.empty());
    CHECK(officers[0].role == "officer");
    CHECK(officers[1].title == "Service Director - Education, Skills and Learning");
    CHECK(officers[2].title == "Head of Law");
}

TEST_CASE("a ward directory of numbered names is not a list of items", "[layouts]") {
    const auto r = run(
        "The City Record\n\nCity Council\n\n3\n\nThe Calendar\n\n4 Kenneth L. Johnson\n\n5 Phyllis E. Cleveland\n\n"
        "6 Mamie J. Mitchell\n\n7 TJ Dow\n\n18 January 7, 2015\n");
    for (const auto& d : r.documents)
        for (const auto& i : d.items) {
            CHECK(i.title.find("Johnson") == std::string::npos);
            CHECK(i.title.find("Dow") == std::string::npos);
            CHECK(i.title.find("January") == std::string::npos);
        }
}

TEST_CASE("ModernGov PDF minutes: page numbers and running headers go, wrapped headings end at (Item N)",
          "[layouts]") {
    // five lines per page: a running header, three lines of text, a page number
    const auto r = run(
        "KENT COUNTY COUNCIL MINUTES\nMinutes of the meeting of the Cabinet held in the Council Chamber on 30 January 2025\n"
        "286. Apologies for Absence\n(Item 1)\n1\n"
        "KENT COUNTY COUNCIL MINUTES\nApologies were received from Mrs C Bell.\n"
        "288. Minutes of the meetings held on 19 December 2024 and, if in order,\nto be approved as a correct record (Item 3)\n2\n"
        "KENT COUNTY COUNCIL MINUTES\nRESOLVED that the minutes be approved.\n289. Chairman's Announcements\n(Item 4)\n3\n"
        "KENT COUNTY COUNCIL MINUTES\nThe Chairman announced the sad passing of a Member.\nPage 4 of 5\n\n4\n",
        "t/Printed minutes 30th-Jan-2025.pdf", 5);
    const auto& doc = r.documents.at(0);
    REQUIRE(doc.items.size() == 3);
    CHECK(doc.items[1].number == "288");
    CHECK(doc.items[1].title ==
          "Minutes of the meetings held on 19 December 2024 and, if in order, to be approved as a correct record");
    for (const auto& u : doc.units) {
        CHECK(u.text.find("KENT COUNTY COUNCIL MINUTES") == std::string::npos);
        CHECK(u.text.find("Page 4 of 5") == std::string::npos);
        CHECK(u.text != "(Item 4)");
    }
}

TEST_CASE("only the items an exclusion resolution names are exempt; Part I resumes public business", "[layouts]") {
    const auto r = run(
        "Minutes of the meeting of Audit committee held at Town Hall on 3 May 2023\n\n"
        "1. EXCLUSION OF THE PRESS AND PUBLIC\n"
        "RESOLVED: that the press and public be excluded for item 3 as it involves exempt information.\n\n"
        "2. BUDGET\nThe public budget was noted.\n\n"
        "3. CONTRACT AWARD\nThe secret price was 42 pounds.\n\n"
        "4. STAFFING\nRESOLVED: that the press and public be excluded from the meeting for the remaining business.\n\n"
        "5. SALARIES\nThe secret salary was agreed.\n\nPART I\n\n"
        "6. DATE OF NEXT MEETING\nThe next public meeting is on 1 June.\n");
    const auto& items = r.documents.at(0).items;
    REQUIRE(items.size() == 6);
    CHECK_FALSE(items[1].exempt);
    CHECK(items[2].exempt);
    CHECK(items[4].exempt);
    CHECK_FALSE(items[5].exempt);
    for (const auto& u : r.documents[0].units) CHECK(u.text.find("secret") == std::string::npos);
    bool public_text = false;
    for (const auto& u : r.documents[0].units) public_text = public_text || u.text.find("public budget") != std::string::npos;
    CHECK(public_text);
}

TEST_CASE("decisions written 'Decision:', 'Members resolved', 'It was RESOLVED:' are resolutions", "[layouts]") {
    CHECK(match_resolution_keyword("Decision: That the scheme be approved.").has_value());
    CHECK(match_resolution_keyword("Members resolved that the grant be paid.").has_value());
    CHECK(match_resolution_keyword("It was RESOLVED: that the plan be adopted.").has_value());
    CHECK(match_resolution_keyword("RESOLVED that the minutes be signed.").has_value());
    CHECK_FALSE(match_resolution_keyword("Decisions were taken last year by the cabinet.").has_value());
}
