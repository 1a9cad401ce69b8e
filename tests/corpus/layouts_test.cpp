// Layouts of councils other than the seeds' (Irish Markdown minutes, parish minutes,
// ModernGov PDFs, a US city record), on short synthetic excerpts shaped like them.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "units/resolutions.hpp"
#include "segment/segmenter.hpp"
#include "segment/structure.hpp"

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
    segment(text_of(s, lines_per_page), Sidecar{}, filing_of(source, false), "t-doc", source, default_topic_rules(), r);
    return r;
}

}  // namespace

TEST_CASE("an agenda item adopting earlier minutes does not make the agenda a minutes document", "[layouts]") {
    const auto r =
        run("Newcastle West Municipal District,\nLimerick City and County Council,\n\n1 March, 2019\n\n"
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
    // Regression: a parish's items printed on one line each ran heading and body together,
    // and a cut fell inside "(Inc Matters Arising)".
    const auto r =
        run("STOKE FERRY PARISH COUNCIL Draft (until approved at the next meeting) Minutes of the Ordinary Meeting "
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
    const auto r =
        run("Minutes of the meeting of West Parish Council held at the Village Hall on 13 May 2014\n\n"
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
    const auto r =
        run("MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT OF CAPPAMORE-KILMALLOCK HELD IN\n\n"
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
    const auto r =
        run("The City Record\n\nCity Council\n\n3\n\nThe Calendar\n\n4 Kenneth L. Johnson\n\n5 Phyllis E. Cleveland\n\n"
            "6 Mamie J. Mitchell\n\n7 TJ Dow\n\n18 January 7, 2015\n");
    for (const auto& d : r.documents)
        for (const auto& i : d.items) {
            CHECK(i.title.find("Johnson") == std::string::npos);
            CHECK(i.title.find("Dow") == std::string::npos);
            CHECK(i.title.find("January") == std::string::npos);
        }
}

TEST_CASE("ModernGov PDF minutes: page numbers and running headers go, wrapped headings end at (Item N)", "[layouts]") {
    // five lines per page: a running header, three lines of text, a page number
    const auto r =
        run("KENT COUNTY COUNCIL MINUTES\nMinutes of the meeting of the Cabinet held in the Council Chamber on 30 "
            "January 2025\n"
            "286. Apologies for Absence\n(Item 1)\n1\n"
            "KENT COUNTY COUNCIL MINUTES\nApologies were received from Mrs C Bell.\n"
            "288. Minutes of the meetings held on 19 December 2024 and, if in order,\nto be approved as a correct "
            "record (Item 3)\n2\n"
            "KENT COUNTY COUNCIL MINUTES\nRESOLVED that the minutes be approved.\n289. Chairman's Announcements\n(Item "
            "4)\n3\n"
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

TEST_CASE("only the items an exclusion resolution names are exempt, Part I resumes public business", "[layouts]") {
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
    for (const auto& u : r.documents[0].units)
        public_text = public_text || u.text.find("public budget") != std::string::npos;
    CHECK(public_text);
}

TEST_CASE("decisions written 'Decision:', 'Members resolved', 'It was RESOLVED:' are resolutions", "[layouts]") {
    CHECK(match_resolution_keyword("Decision: That the scheme be approved.").has_value());
    CHECK(match_resolution_keyword("Members resolved that the grant be paid.").has_value());
    CHECK(match_resolution_keyword("It was RESOLVED: that the plan be adopted.").has_value());
    CHECK(match_resolution_keyword("RESOLVED that the minutes be signed.").has_value());
    CHECK_FALSE(match_resolution_keyword("Decisions were taken last year by the cabinet.").has_value());
}

TEST_CASE("an officer report's cover sheet (From, To, Subject) names its meeting, title and author", "[layouts]") {
    const auto r =
        run("From:\tRory Love, Cabinet Member for Education and Skills\n\n"
            "        Sarah Hammond, Corporate Director of Children, Young People\n        and Education\n\n"
            "To:\tCabinet \xE2\x80\x93 30 January 2025\n\n"
            "Subject:\tCommissioning Plan for Education Provision in Kent 2025-29\n\n"
            "Classification: Unrestricted\n\nElectoral Division: All\n\n"
            "Summary: This report provides the Cabinet with the Commissioning Plan for approval.\n\n"
            "Recommendation(s):\n\nCabinet is asked to agree the Commissioning Plan for Education Provision.\n\n"
            "1. Introduction\n\n"
            "1.1 The County Council is the Strategic Commissioner of Education Provision in\n"
            "        Kent. This Commissioning Plan sets out how we will carry out our duty.\n\n"
            "1.2 The Plan sets out the principles by which we determine proposals.\n\n"
            "2. The Demographic Context\n\n2.1 Births in Kent rose each year up to 2012.\n",
            "reports/24-00096 - Commissioning Plan.pdf");
    REQUIRE(r.documents.size() == 1);
    const Document& d = r.documents[0];
    CHECK(d.kind == DocumentKind::report);
    CHECK(d.date == "2025-01-30");
    REQUIRE(d.committee);
    CHECK(d.committee->id == "cabinet");
    CHECK(d.title == "Commissioning Plan for Education Provision in Kent 2025-29");
    CHECK(d.report_by == "Rory Love, Cabinet Member for Education and Skills");
    bool para_1_1 = false, para_2_1 = false, cover_in_front_matter = false, cover_in_body = false;
    for (const auto& u : d.units) {
        if (u.number == "1.1") para_1_1 = u.section == "1. Introduction" && u.text.find("duty.") != std::string::npos;
        if (u.number == "2.1") para_2_1 = u.section == "2. The Demographic Context";
        // Issue 12: the cover sheet is searchable, as front matter, never as the report's body.
        if (u.text.find("Sarah Hammond") != std::string::npos || u.text.find("Classification") != std::string::npos)
            (is_front_matter(u.type) ? cover_in_front_matter : cover_in_body) = true;
    }
    CHECK(para_1_1);
    CHECK(para_2_1);
    CHECK(cover_in_front_matter);
    CHECK_FALSE(cover_in_body);
}

TEST_CASE("a text that says nothing of its kind is named by its file, and is minutes only if anything is minuted",
          "[layouts]") {
    const std::string prose = "Details of Core Grants\n\nThe Council receives a mix of general grants.\n";
    CHECK(run(prose, "x/Appendix J - Government Grants in LGFS.pdf").documents.at(0).kind == DocumentKind::appendix);
    CHECK(run(prose, "x/24-00115 - EqIA.pdf").documents.at(0).kind == DocumentKind::appendix);
    CHECK(run(prose, "x/Draft Revenue Budget 2025-26.pdf").documents.at(0).kind == DocumentKind::report);
    CHECK(run(prose, "x/Supplementary Agenda - Metropolitan District - 20th October 2014.md").documents.at(0).kind ==
          DocumentKind::agenda);
    const std::string minuted = "Councillors present: Cllr R. Crisp (Chair)\n\nItem 2 Public Forum\n\nNone.\n";
    CHECK(run(minuted, "x/northwold-parish-council-meeting-june.md").documents.at(0).kind == DocumentKind::minutes);
    // The text's own words win over the name.
    const std::string minutes =
        "MINUTES OF THE MEETING OF THE CABINET HELD ON 9 JANUARY 2025\n\n1. Apologies\n\nNone.\n";
    CHECK(run(minutes, "x/Cabinet Report 4 March 2025.pdf").documents.at(0).kind == DocumentKind::minutes);
    // A web page that is neither (a committee's page) is a web page.
    SourceText page = text_of("Committee details\n\nPurpose of committee\n\nTo oversee the neighbourhood.\n");
    page.format = "html";
    FileResult r;
    segment(page, Sidecar{}, Filing{}, "t-doc", "x/CommitteeDetails.html", default_topic_rules(), r);
    CHECK(r.documents.at(0).kind == DocumentKind::web_page);
}

TEST_CASE("ModernGov agenda frontsheets: the date from a columned cover line or the summons, else the file name",
          "[layouts]") {
    const auto columned =
        run("AGENDA\n\nCABINET\n\nThursday, 30th January, 2025, at 10.00 am Ask for:\tGeorgina Little\n"
            "Council Chamber, Sessions House, Telephone:\tTel: 03000 414043\n\n1. Apologies\n\n2. Declarations of "
            "Interest\n",
            "k/Agenda frontsheet.pdf");
    CHECK(columned.documents.at(0).kind == DocumentKind::agenda);
    CHECK(columned.documents.at(0).date == "2025-01-30");
    CHECK(columned.meetings.at(0).start_time == "10:00");

    const auto summons =
        run("Summons to and\nAgenda for the Budget\nCounty Council\n\nTo: All Members of the County Council\n\n"
            "A meeting of the County Council will be held in the Council Chamber, County Hall,\n"
            "Maidstone, Kent, ME14 1XQ on Thursday, 13th February, 2025 at 9.30 am to deal with the\n"
            "following business.\n\nAGENDA\n\n1. Apologies for Absence\n",
            "k/Agenda frontsheet.pdf");
    CHECK(summons.documents.at(0).date == "2025-02-13");
    REQUIRE(summons.documents.at(0).committee);
    CHECK(summons.documents.at(0).committee->name == "County Council");

    const auto named = run("AGENDA\n\nCOUNTY COUNCIL\n\n1. Apologies\n\n2. Minutes\n",
                           "k/Agenda frontsheet 09th-Jan-2025 10.00 County Council.pdf");
    CHECK(named.documents.at(0).date == "2025-01-09");
}

TEST_CASE("a record of decision: field names in columns over their values, lettered parts are the decision",
          "[layouts]") {
    const auto r =
        run("KENT COUNTY COUNCIL \xE2\x80\x93 PROPOSED RECORD OF DECISION\n\n"
            "DECISION TO BE TAKEN BY:\tDECISION NO:\n\nCabinet\t24/00096\n\n"
            "Key decision: YES\n\nSubject Matter / Title of Decision\nCommissioning Plan for Education Provision\n\n"
            "Decision:\n\nCabinet agree to:\n\nA) the Commissioning Plan for Education Provision in Kent 2025-29\n\n"
            "B) delegate its delivery to the Corporate Director\n\nReason(s) for decision:\n\nBackground\n",
            "k/24-00096 - PRoD.pdf");
    const Document& d = r.documents.at(0);
    CHECK(d.kind == DocumentKind::report);
    CHECK(d.title == "Commissioning Plan for Education Provision");
    REQUIRE(d.committee);
    CHECK(d.committee->id == "cabinet");
    std::vector<std::string> parts;
    for (const auto& u : d.units)
        if (u.type == UnitType::resolution) parts.push_back(u.number);
    CHECK(parts == std::vector<std::string>{"A", "B"});
}

TEST_CASE("questions printed as prose: heading, question, 'Answer', answer make one question unit each", "[layouts]") {
    const auto r =
        run("Question by Paul Stepto to Rory Love, Cabinet Member for Education and Skills\n\n"
            "Would the Cabinet Member please inform us of the steps taken to protect home-schooled children?\n\n"
            "Answer\n\nKCC currently monitors 4,798 pupils who are educated at home.\n\n"
            "Officers engage with families within 10 school days.\n\n"
            "Question by Susan Carey to Neil Baker, Cabinet Member for Highways and Transport\n\n"
            "Will KCC ask satnav providers to stop routing lorries down country lanes?\n\n"
            "Answer\n\nThis remains work in progress.\n",
            "k/Questions put and answers given 13th-Mar-2025 10.00 County Council.pdf");
    const Document& d = r.documents.at(0);
    CHECK(d.kind == DocumentKind::questions);
    CHECK(d.date == "2025-03-13");
    std::vector<const Unit*> questions;
    for (const auto& u : d.units) {
        if (u.type == UnitType::question) questions.push_back(&u);
        CHECK(u.text != "Answer");  // the marker is not a unit
    }
    REQUIRE(questions.size() == 2);
    REQUIRE(questions[0]->question);
    CHECK(questions[0]->question->questioner == "Paul Stepto");
    CHECK(questions[0]->question->addressee == "Rory Love, Cabinet Member for Education and Skills");
    CHECK(questions[0]->question->question.find("home-schooled children?") != std::string::npos);
    CHECK(questions[0]->question->response.find("4,798 pupils") != std::string::npos);
    CHECK(questions[0]->question->response.find("10 school days") != std::string::npos);
    CHECK(questions[1]->question->questioner == "Susan Carey");
    CHECK(questions[1]->question->response == "This remains work in progress.");
}

TEST_CASE("parish minutes on one line: a sentence-case heading ends where its body starts, never inside brackets",
          "[layouts]") {
    const auto r =
        run("STOKE FERRY PARISH COUNCIL\n\nMinutes of the Ordinary Meeting held on Wednesday 5th December 2018\n\n"
            "246/18 Apologies for absence Apologies were received and accepted from Cllr Mandy Leamon.\n\n"
            "247/18 No Declarations of Interest made.\n\n"
            "249/18 Clerk\xE2\x80\x99s Report (Inc Matters Arising) a) Buckenham Drive \xE2\x80\x93 The Clerk advised "
            "that the "
            "land was amenity land.\n");
    const Document& d = r.documents.at(0);
    REQUIRE(d.items.size() == 3);
    CHECK(d.items[0].title == "Apologies for absence");
    CHECK(d.items[1].title == "No Declarations");
    CHECK(d.items[2].title == "Clerk\xE2\x80\x99s Report (Inc Matters Arising)");
}

// Regression: minutes whose heading is printed twice, first with the date only and then
// with the place, gave no venue (the date's position was taken from the second line), and
// then, once the position was the first date's, a venue that ran on into the date
// (Norfolk parish minutes, Stoke Ferry, April 2003).
TEST_CASE("a venue read from a second heading line stops before its date", "[layouts]") {
    const auto r = run("Minutes of the meeting held on Wednesday 30th April 2003\n\n"
                       "Minutes of the meeting held in the Community Centre on Wednesday 30th April 2003 at 7.55pm\n\n"
                       "1. Those attending\n\nMr A. White (Chairman), Mr R Ward\n\n"
                       "2. Apologies were received from Mrs Lewis\n");
    REQUIRE(r.meetings.size() == 1);
    CHECK(r.meetings[0].date == "2003-04-30");
    CHECK(r.meetings[0].venue == "the Community Centre");
    // The same heading twice, the place after the date in the second copy (Wereham, 2002).
    const auto twice = run("Minutes of the meeting held on Thursday 12th November 2002\n\n"
                           "Minutes of the meeting held on Thursday 12th November 2002 in the Village Hall at 7.30pm.\n\n"
                           "1. Apologies\n\nNone.\n");
    REQUIRE(twice.meetings.size() == 1);
    CHECK(twice.meetings[0].venue == "the Village Hall");
    CHECK(twice.meetings[0].start_time == "19:30");
}

// Regression: with the date in the heading and no place after "held", the venue was the
// text after the next " in " anywhere in the header, such as "favour. RESOLVED: That
// minutes of" from "all in favour" (Norfolk parish minutes, Stoke Ferry, May 2018).
TEST_CASE("a venue after the date is read only where it follows the date closely", "[layouts]") {
    const auto far = run("Minutes of the Parish Council Meeting held on 2 May 2018\n\n"
                         "Present: Cllr A Grant, Cllr B Reeve, Cllr C Clements and the Clerk; the minutes were "
                         "approved with all in favour of the motion\n\n1. Apologies\n\nNone.\n");
    REQUIRE(far.meetings.size() == 1);
    CHECK(far.meetings[0].venue.empty());
    const auto near = run("Minutes of the Parish Council Meeting held on 2 May 2018 at 7.30pm in the Village Hall\n\n"
                          "1. Apologies\n\nNone.\n");
    REQUIRE(near.meetings.size() == 1);
    CHECK(near.meetings[0].venue == "the Village Hall");
}
