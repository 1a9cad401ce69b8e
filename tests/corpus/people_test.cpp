// People: ids from printed names, attendance lines, and mentions linked only when certain.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "units/people.hpp"

using namespace quorum::corpus;

namespace {

bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Seed 000: attendance of 22 February 2022 (lines 7-29), as the segmenter splits it.
Attendance seed000_attendance() {
    Attendance a;
    a.present = {parse_attendee("Councillor Phillip Howells (Chairperson)"),
                 parse_attendee("Councillor Jennie Hewitt (Vice-Chairperson)"),
                 parse_attendee("Councillor Helen I'Anson"),
                 parse_attendee("Councillor Mike Jones"),
                 parse_attendee("Councillor Jim Kenyon (non-voting member)"),
                 parse_attendee("Councillor Toni Fagan*")};
    a.in_attendance = {parse_attendee("Councillor Diana Toynbee*, Cabinet Member for Children and Families")};
    a.officers = {parse_attendee("Darryl Freeman, Director, Children And Families"),
                  parse_attendee("Lorna Simpson, Senior HR and OD Business Partner"),
                  parse_attendee("Dana Marrett*, Service Manager for Fostering and Permanence Service*"),
                  parse_attendee("Matt Evans, Democratic Services Officer (Clerk)"),
                  parse_attendee("James Vickery, Democratic Services Officer (observing \xE2\x80\x93 in training)"),
                  parse_attendee("Jen Preece, Democratic Services Officer (technical support)")};
    a.apologies = {parse_attendee("Councillor Graham Andrews"), parse_attendee("Mr Sam Pratley - Education Cooptee")};
    return a;
}

// Seed 002: attendance of 1 October 2018 (lines 5-7).
Attendance seed002_attendance() {
    Attendance a;
    a.present = {parse_attendee("Councillor CA Gandy (Chairman)"),
                 parse_attendee("Councillor FM Norman (Vice-Chairman)"), parse_attendee("Councillor J Hardwick")};
    a.in_attendance = {parse_attendee("Chris Baird, Director Children and Families (DCF)"),
                       parse_attendee("Liz Elgar, Assistant Director Safeguarding and Family Support (ADS&FS)"),
                       parse_attendee("Sally Halls, Herefordshire Safeguarding Children Board"),
                       parse_attendee("DCI Jon Roberts, West Mercia Police")};
    return a;
}

}  // namespace

TEST_CASE("person_id strips honorifics and folds the PDF l'/I' confusion", "[people]") {
    CHECK(person_id("Helen I'Anson") == "helen-ianson");
    CHECK(person_id("Councillor Helen l'Anson") == "helen-ianson");
    CHECK(person_id("Cllr. Phillip Howells (Chairperson)") == "phillip-howells");
    CHECK(person_id("DCI Jon Roberts") == "jon-roberts");
    CHECK(person_id("Mr Sam Pratley") == "sam-pratley");
    CHECK(person_id("Dana Marrett*") == "dana-marrett");
    CHECK(person_id("Darryl Freeman, Director, Children And Families") == "darryl-freeman");
}

TEST_CASE("parse_attendee reads honorific, name, role, title and remote attendance", "[people]") {
    const Attendee chair = parse_attendee("Councillor Phillip Howells (Chairperson)");
    CHECK(chair.honorific == "Councillor");
    CHECK(chair.name == "Phillip Howells");
    CHECK(chair.role == "chairperson");
    CHECK(chair.person_id == "phillip-howells");
    CHECK_FALSE(chair.remote);

    const Attendee director = parse_attendee("Darryl Freeman, Director, Children And Families");
    CHECK(director.name == "Darryl Freeman");
    CHECK(director.title == "Director, Children And Families");
    CHECK(director.role == "officer");

    const Attendee clerk = parse_attendee("Simon Cann (Democratic Services Officer/Clerk)");
    CHECK(clerk.name == "Simon Cann");
    CHECK(clerk.title == "Democratic Services Officer/Clerk");

    const Attendee cooptee = parse_attendee("Mr Sam Pratley - Education Cooptee");
    CHECK(cooptee.honorific == "Mr");
    CHECK(cooptee.name == "Sam Pratley");
    CHECK(cooptee.role == "co-optee");
    CHECK(cooptee.title == "Education Cooptee");

    const Attendee remote = parse_attendee("Dana Marrett*, Service Manager for Fostering and Permanence Service*");
    CHECK(remote.remote);
    CHECK(remote.name == "Dana Marrett");
    CHECK(remote.title == "Service Manager for Fostering and Permanence Service");

    const Attendee kenyon = parse_attendee("Councillor Jim Kenyon (non-voting member)");
    CHECK(kenyon.role == "member");
    CHECK(kenyon.note == "non-voting member");

    const Attendee substitute = parse_attendee("Andrew Teale \xE2\x80\x93 Standing in for Sam Pratley");
    CHECK(substitute.name == "Andrew Teale");
    CHECK(substitute.note == "substitute for Sam Pratley");
}

TEST_CASE("Mentions link honorific + surname, full names and job titles to one attendee", "[people]") {
    const PeopleLinker linker(seed000_attendance());
    // Seed 000 line 114.
    CHECK(linker.mentions("Mr Freeman reassured the Committee that his role was now permanent") ==
          std::vector<std::string>{"darryl-freeman"});
    // Seed 000 lines 76-77: the title printed differently from the attendance list.
    CHECK(has(linker.mentions("During his introduction, the Director for Children and Families highlighted"),
              "darryl-freeman"));
    CHECK(has(linker.mentions("The Service Manager for Fostering and Permanence Service gave a presentation"),
              "dana-marrett"));
    CHECK(has(linker.mentions("During the discussion that followed with the Senior HR and OD Business Partner"),
              "lorna-simpson"));
    CHECK(has(linker.mentions("Councillor Toni Fagan attended the meeting remotely"), "toni-fagan"));
    CHECK(has(linker.mentions("Councillors Toni Fagan and Helen l'Anson, attended the meeting remotely"),
              "helen-ianson"));
    CHECK(has(linker.mentions("Apologies were received from Councillor Graham Andrews"), "graham-andrews"));
    CHECK(has(linker.mentions("The Chairperson welcomed the report."), "phillip-howells"));
}

TEST_CASE("Ambiguous mentions are not linked", "[people]") {
    const PeopleLinker linker(seed000_attendance());
    // Three officers share the title "Democratic Services Officer".
    CHECK(linker.mentions("The Democratic Services Officer read the list.").empty());
    // "the Director for Children's Services" is not "Director, Children And Families".
    CHECK_FALSE(has(linker.mentions("The Director for Children's Services would provide the data"), "darryl-freeman"));
    // Nobody called Smith attended.
    CHECK(linker.mentions("Councillor Smith asked a question").empty());
}

TEST_CASE("Seed 002: initials and acronym titles link within the meeting", "[people]") {
    const PeopleLinker linker(seed002_attendance());
    CHECK(has(linker.mentions("The Chairperson welcomed DCI Roberts to the meeting"), "jon-roberts"));
    CHECK(has(linker.mentions("she would be meeting with DCI Jonathan Roberts"), "jon-roberts"));
    CHECK(has(linker.mentions("Councillor Gandy thanked the officers"), "ca-gandy"));
    CHECK(has(linker.mentions("The DCF outlined the findings of the inspection."), "chris-baird"));
    CHECK(has(linker.mentions("The ADS&FS introduced the report"), "liz-elgar"));
    CHECK(has(linker.mentions("Sally Halls, Chair of the Herefordshire Children Safeguarding Board (HSCB), explained"),
              "sally-halls"));
    // "the Chair of the HSCB" is not the committee's chairman.
    CHECK_FALSE(has(linker.mentions("The Committee was concerned as outlined by the Chair of the HSCB."), "ca-gandy"));
}

TEST_CASE("people() returns one Person per attendee with the meeting's role", "[people]") {
    const PeopleLinker linker(seed000_attendance());
    Meeting meeting;
    meeting.id = "children-and-young-people-scrutiny-committee-2022-02-22";
    meeting.date = "2022-02-22";
    meeting.committee =
        Named{"children-and-young-people-scrutiny-committee", "Children and Young People Scrutiny Committee"};
    const std::vector<Person> people = linker.people(meeting);
    CHECK(people.size() == 15);  // 6 present, 1 in attendance, 6 officers, 2 apologies
    const auto chair =
        std::find_if(people.begin(), people.end(), [](const Person& p) { return p.id == "phillip-howells"; });
    REQUIRE(chair != people.end());
    CHECK(chair->kind == "councillor");
    REQUIRE(chair->roles.size() == 1);
    CHECK(chair->roles[0].role == "chairperson");
    CHECK(chair->roles[0].date == "2022-02-22");
    CHECK(chair->roles[0].committee_id == "children-and-young-people-scrutiny-committee");
    const auto freeman =
        std::find_if(people.begin(), people.end(), [](const Person& p) { return p.id == "darryl-freeman"; });
    REQUIRE(freeman != people.end());
    CHECK(freeman->kind == "officer");
    CHECK(freeman->roles.at(0).role == "Director, Children And Families");
}
