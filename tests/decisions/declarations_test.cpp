// Declarations of interest read from minutes' items, in the wordings of several councils
// (Kent, Limerick, Norfolk parishes, London Ontario, a ModernGov borough), the sentences that
// say nobody declared anything, and the flag on a vote cast by a member who declared an
// interest in the item voted on.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "attendees.hpp"
#include "decisions_internal.hpp"
#include "quorum/decisions/decisions.hpp"

using namespace quorum::corpus;
using namespace quorum::decisions;
using quorum::test::member;
using quorum::decisions::decisions_detail::DeclarationText;
using quorum::decisions::decisions_detail::read_declarations;

TEST_CASE("Kent's declarations: two members in one sentence, an item with its title, leaving the chamber",
          "[decisions][declarations]") {
    const auto d = read_declarations(
        "(1) Mrs Chandler and Mr Rayner declared a pecuniary interest in item 12 \u2013 Motion for Time Limited "
        "Debate 3 - 'Family Farm Tax' \u2013 and would not participate in the debate or vote.\n\n"
        "(2) Ms Meade declared an interest that she was a carer.\n\n"
        "(3) Miss Carey declared a pecuniary interest that she was a Trustee of the Turner Contemporary and would "
        "leave the Chamber during any relevant discussions.");
    REQUIRE(d.size() == 4);
    CHECK(d[0].member == "Mrs Chandler");
    CHECK(d[1].member == "Mr Rayner");
    CHECK(d[1].about_item == "12");
    CHECK(d[1].kind == "pecuniary");
    CHECK(d[1].took_no_part);
    CHECK_FALSE(d[1].left_room);
    CHECK(d[2].member == "Ms Meade");
    CHECK(d[2].about_item.empty());
    CHECK(d[2].kind.empty());
    CHECK(d[2].interest == "an interest that she was a carer.");
    CHECK(d[3].member == "Miss Carey");
    CHECK(d[3].left_room);
}

TEST_CASE("Declarations in other councils' words are read, their members, items and kinds kept",
          "[decisions][declarations]") {
    // Kent, 13 March 2025: late, and introduced by a phrase.
    auto d = read_declarations("Later in the meeting Mr Sole declared an interest under Item 16 - Pay Policy Statement "
                               "2025/26 - that a family member worked for KCC.");
    REQUIRE(d.size() == 1);
    CHECK(d[0].member == "Mr Sole");
    CHECK(d[0].about_item == "16");
    // Limerick: a section of the Act, items with letters, withdrawing; lines broken mid-sentence.
    d = read_declarations("Councillor Collins (J) disclosed an interest in Items 6(a) and 6(b) and, in accordance with\n\n"
                          "Section 177 of the Local Government Act, 2001 (as amended), he withdrew from the Meeting for "
                          "the duration of the discussion on both items.");
    REQUIRE(d.size() == 1);
    CHECK(d[0].member == "Councillor Collins (J)");
    CHECK(d[0].about_item == "6");
    CHECK(d[0].left_room);
    d = read_declarations("Councillor Leddin (B) declared a conflict of interest, in accordance with Part 15 of the "
                          "Local Government Act, 2001.");
    REQUIRE(d.size() == 1);
    CHECK(d[0].kind == "conflict");
    // Norfolk parishes: first names, "personal", abstaining.
    d = read_declarations("Cllr Janet Taylor declared an interest regarding payments for approval and agreed to "
                          "abstain from voting. Mrs C Cann declared a personal interest in discussion relating to "
                          "site specific allocations. Cllr S Briston and Cllr L Peake declared an interest in item 8.");
    REQUIRE(d.size() == 4);
    CHECK(d[0].member == "Cllr Janet Taylor");
    CHECK(d[0].took_no_part);
    CHECK(d[1].kind == "personal");
    CHECK(d[2].member == "Cllr S Briston");
    CHECK(d[3].member == "Cllr L Peake");
    CHECK(d[3].about_item == "8");
    // London, Ontario: "That it BE NOTED that ..." and an initial with a full stop.
    d = read_declarations("That it BE NOTED that Councillor C. Rahman disclosed a pecuniary interest in item 2.6, "
                          "having to do with Contract Award, by indicating that Fanshawe College is her employer.");
    REQUIRE(d.size() == 1);
    CHECK(d[0].member == "Councillor C. Rahman");
    CHECK(d[0].about_item == "2.6");
    // A ModernGov borough.
    d = read_declarations("Councillor Bass declared an interest in relation to agenda 9 Coombe Lane West Zebra "
                          "Crossing - Local Consultation Results, as she lived on Dickerage Road.");
    REQUIRE(d.size() == 1);
    CHECK(d[0].about_item == "9");
    // The kinds of the code of conduct.
    d = read_declarations("Councillor Ames declared a disclosable pecuniary interest in item 4. Councillor Bell "
                          "declared an other registrable interest in item 5. Councillor Cole declared a "
                          "non-registrable interest in item 6. Councillor Dean declared a prejudicial interest.");
    REQUIRE(d.size() == 4);
    CHECK(d[0].kind == "disclosable-pecuniary");
    CHECK(d[1].kind == "other-registrable");
    CHECK(d[2].kind == "non-registrable");
    CHECK(d[3].kind == "prejudicial");
}

TEST_CASE("A group declaration keeps no member, and saying nobody declared or inviting declarations is none",
          "[decisions][declarations]") {
    auto d = read_declarations("Members who were district or borough councillors declared an interest.");
    REQUIRE(d.size() == 1);
    CHECK(d[0].member.empty());
    for (const char* none :
         {"There were no declarations of interest.", "No declarations of interest were received.",
          "The Meetings Administrator stated that, in line with Part 15 of the Local Government Act, 2001, she was "
          "inviting those present to notify the Mayor of any declaration of interest in any item due for discussion "
          "at the Meeting. No such interests were declared.",
          "That it BE NOTED that no pecuniary interests were disclosed.", "Nothing was declared.",
          "Members were asked to declare any interests. None were declared."}) {
        INFO(none);
        CHECK(read_declarations(none).empty());
    }
}

namespace {

Archive archive_with_declaration() {
    Archive archive;
    Meeting m;
    m.id = "planning-2025-03-04";
    m.date = "2025-03-04";
    m.committee = Named{"planning", "Planning Committee"};
    m.attendance.present = {member("Councillor", "Ann Able", "ann-able"), member("Councillor", "Ben Baker", "ben-baker"),
                            member("Councillor", "Cal Cane", "cal-cane")};
    archive.meetings.push_back(m);
    for (const auto& a : m.attendance.present) archive.people.push_back(Person{a.person_id, a.name, {}, "councillor", {}});
    Document d;
    d.id = "planning-minutes";
    d.kind = DocumentKind::minutes;
    d.date = m.date;
    d.meeting_id = m.id;
    d.committee = m.committee;
    d.items = {Item{"2", "Declarations of Interest", 1, "", true, false}, Item{"7", "Land at Mill Lane", 2, "", false, false}};
    auto unit = [&](UnitType type, int item, std::string t) {
        Unit u;
        u.id = d.id + "-u" + std::to_string(d.units.size() + 1);
        u.type = type;
        u.text = std::move(t);
        u.item_index = item;
        if (type == UnitType::resolution) u.resolution = ResolutionInfo{"resolved", "", "", ""};
        d.units.push_back(std::move(u));
    };
    unit(UnitType::item, 0, "Councillor Baker declared a personal interest in item 7 as a neighbour of the site.");
    unit(UnitType::item, 1,
         "The application was put to the vote.\n\nFor (2)\n\nCouncillor Able, Councillor Baker\n\nAgainst (1)\n\n"
         "Councillor Cane\n\nMotion carried.\n\nRESOLVED: That planning permission be granted.");
    unit(UnitType::resolution, 1, "RESOLVED: That planning permission be granted.");
    archive.documents.push_back(std::move(d));
    return archive;
}

}  // namespace

TEST_CASE("A member who declared an interest in an item and voted on it is marked on the vote, as a fact",
          "[decisions][declarations][votes]") {
    DecisionOptions options;
    options.as_of = "2025-06-01";
    const DecisionAnalysis a = analyse_decisions(archive_with_declaration(), options);
    REQUIRE(a.declarations.size() == 1);
    const Declaration& x = a.declarations[0];
    CHECK(x.person == "ben-baker");
    CHECK(x.item_number == "2");
    CHECK(x.about_item == "7");
    CHECK(x.kind == "personal");
    const Decision* granted = a.find("d-planning-minutes-u3");
    REQUIRE(granted);
    REQUIRE(granted->declarations.size() == 1);
    REQUIRE(granted->votes);
    CHECK(granted->votes->in_favour[1].person == "ben-baker");
    CHECK(granted->votes->in_favour[1].declared_interest);
    CHECK_FALSE(granted->votes->in_favour[0].declared_interest);
    CHECK_FALSE(granted->votes->against[0].declared_interest);
    const PersonSummary* baker = a.person("ben-baker");
    REQUIRE(baker);
    REQUIRE(baker->declarations.size() == 1);
    REQUIRE(baker->votes.size() == 1);
    CHECK(baker->votes[0].declared_interest);
    CHECK(a.person("ann-able")->declarations.empty());
}

// Regression: a declaration about one motion of an item that holds several (Kent, 19 December
// 2024: "item 12 – Motion for Time Limited Debate 3 - 'Family Farm Tax'") flagged the member on
// the votes of every motion of the item.
TEST_CASE("A declaration about one motion of an item concerns only the votes printed under that motion",
          "[decisions][declarations][votes]") {
    Archive archive = archive_with_declaration();
    Document& d = archive.documents[0];
    d.items[1] = Item{"7", "Motions on Notice", 2, "", false, false};
    d.units[0].text = "Councillor Baker declared an interest in item 7 \u2013 Motion 2 \u2013 Parking Charges \u2013 and "
                      "would not participate in the debate or vote.";
    d.units[1].text =
        "Motion 1 \u2013 Library Hours\n\nThe motion was put to the vote.\n\nFor (2)\n\nCouncillor Able, Councillor Baker\n\n"
        "Against (1)\n\nCouncillor Cane\n\nMotion carried.\n\n"
        "Motion 2 \u2013 Parking Charges\n\nThe motion was put to the vote.\n\nFor (1)\n\nCouncillor Able\n\n"
        "Against (2)\n\nCouncillor Baker, Councillor Cane\n\nMotion lost.\n\n"
        "Motion 3 \u2013 Bus Shelters\n\nThe motion was put to the vote.\n\nFor (3)\n\nCouncillor Able, Councillor Baker, "
        "Councillor Cane\n\nAgainst (0)\n\nMotion carried.";
    DecisionOptions options;
    options.as_of = "2025-06-01";
    const DecisionAnalysis a = analyse_decisions(archive, options);
    REQUIRE(a.declarations.size() == 1);
    CHECK(a.declarations[0].matter == "Motion 2 \u2013 Parking Charges");
    CHECK(a.declarations[0].took_no_part);
    REQUIRE(a.votes.size() == 3);
    CHECK_FALSE(a.votes[0].in_favour[1].declared_interest);  // motion 1
    CHECK(a.votes[1].against[0].name == "Councillor Baker");
    CHECK(a.votes[1].against[0].declared_interest);           // motion 2: declared, and listed
    CHECK_FALSE(a.votes[2].in_favour[1].declared_interest);  // motion 3
}

// Review of the change (2026-12-07): a sentence ending with "item" read past its end (a
// crash that stopped the decisions pass); "declared" with an interest that is not the
// member's was a declaration; "did not leave the room" was leaving it.
TEST_CASE("Declarations: a sentence ending with its item word, interests that are not the member's, not leaving",
          "[decisions][declarations]") {
    auto d = read_declarations("Councillor Brown declared a personal interest in this item");
    REQUIRE(d.size() == 1);
    CHECK(d[0].about_item.empty());
    CHECK(read_declarations("Councillor Brown declared an interest in agenda").size() == 1);
    CHECK(read_declarations("The Mayor declared the motion carried in the interests of residents.").empty());
    CHECK(read_declarations("Councillor Smith declared that the Council had an interest in the site.").empty());
    d = read_declarations("Councillor Cole declared a prejudicial interest and did not leave the room.");
    REQUIRE(d.size() == 1);
    CHECK_FALSE(d[0].left_room);
}
