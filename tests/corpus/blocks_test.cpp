// Paragraphs and bullets: wrapped PDF lines joined, labelled points kept apart.
#include <catch2/catch.hpp>

#include <string_view>
#include <vector>

#include "units/blocks.hpp"
#include "units/people.hpp"
#include "units/units.hpp"
#include "unit_excerpts.hpp"

using namespace quorum::corpus;
using namespace quorum::corpus::test;

namespace {

// 000_93a416bcbe6d1f5a.txt lines 122-143
constexpr const char* kPdfList =
    "Phase 1 of the improvement plan ran until 31 March and was about sowing the\n"
    "seeds and getting the basics right.\n"
    "It was acknowledged that care staff were predominantly female but although the\n"
    "gender mix in Herefordshire was unbalanced, with only 14 male members of staff to\n"
    "\n"
    "\n"
    "\n"
    "\n"
    "\n"
    "\n"
    "\n"
    "\n"
    "\n"
    "\n"
    "\n"
    "\n"
    "86 females, this was still a higher proportion of male staff than found in other\n"
    "Councils.\n"
    "Newly qualified social workers had a lower case load for the first year as part of their\n"
    "transition. Historically however they joined a team and invariably ended up taking on\n"
    "a full caseload. The new approach meant that they would stay within the academy\n"
    "and have a full year’s support before joining a permanent team.\n";
// 001_8fed95a2e73ba999.txt lines 377-385
constexpr const char* kNumberedReport =
    "Key considerations\n"
    "\n"
    "2. The [18 May 2021 DfE non-statutory notice to improve](#).\n"
    "3. The [31 March 2022 Cabinet decision to approve £11.49m](#) to support transformation of Children's Services. "
    "See also Appendixes 1, 2, 3.\n"
    "4. That spend of these additional £11.49m funds will be fully project managed as per the decision of Cabinet on "
    "31 March 2022 with the governance for the Transformation Programme as follows:\n"
    " - a) The Corporate Director for Children and Young People will be the Senior Responsible Owner (SRO) of the "
    "Transformation Programme; and will chair the Operational Improvement Board which will provide regular oversight, "
    "decision and recommendation making of the development, delivery and progress of the Transformation Programme, "
    "along with the Children and Families Improvement Plan programmes for work;\n"
    " - b) the DfE Chaired Improvement Board continues to ensure compliance with the non-statutory notice issued by "
    "the DfE;\n"
    " - c) the Corporate Leadership Team will act as \"Critical Friend\" and provide scrutiny and challenge; and\n"
    " - d) Resources Board continues to be in place to monitor spend and value for money, along with change request "
    "approval for changes extending beyond the approved scope and value of the programme.\n";
// 001_8fed95a2e73ba999.txt lines 216-222
constexpr const char* kBulletOverPage =
    "- The nurture group is overseen by a principal education psychologist. There are currently too many people "
    "wanting to attend these groups, but not enough to set up a nurture group in each school. As such this has "
    "resulted in gaps in the graduated pathways. There is a growing need which we are observing, but lack of resources "
    "to support this.\n"
    "- After making progress in a nurture group the child may be settled and not wish to move back to their original "
    "school. As such they are allowed to remain in the\n"
    "\n"
    "school and transport will be funded for a child living over three miles away as it is seen as the closest school "
    "that can meet the child's needs.\n"
    "\n"
    "- In the event a child is excluded from the school, it was explained to the committee that it was right that the "
    "money should follow the child in a swift manner. This is something that was noted as not to be happening at "
    "present. If the child is excluded from a Local Authority run school it is easier to achieve this than if it was "
    "from an Academy.\n"
    "- Private schools are not eligible for the mental health lead training funding, but can access the course with "
    "their own funds.\n";
// 001_8fed95a2e73ba999.txt lines 1222-1227
constexpr const char* kReportSections =
    "Forward Plan\n"
    "\n"
    "4. The Constitution states that scrutiny committees should consider the Forward Plan as the chief source of "
    "information regarding forthcoming key decisions. Forthcoming decisions of the children and families directorate "
    "will be highlighted by the clerk to the committee as part of the work programming item at each committee "
    "meeting.\n"
    "5. Suggestion for scrutiny from members of the public\n"
    "6. Suggestions for scrutiny are invited from members of the public through the council's website, accessible "
    "through the link below. There have been no suggestions for scrutiny received from members of the public since the "
    "previous meeting of the committee.\n"
    "https://www.herefordshire.gov.uk/info/200148/your_council/61/get_involved/4\n";

std::vector<Unit> paragraphs_of(std::string_view text) {
    std::vector<Unit> out;
    for (Unit& u : units_of(text)) {
        if (u.type == UnitType::paragraph) out.push_back(std::move(u));
    }
    return out;
}

}  // namespace

TEST_CASE("Seed 000 item 66: a sentence continues after twelve blank lines ('... staff to' / '86 females')",
          "[blocks]") {
    const auto paragraphs = paragraphs_of(kPdfList);
    REQUIRE(paragraphs.size() == 3);
    CHECK(paragraphs[0].text ==
          "Phase 1 of the improvement plan ran until 31 March and was about sowing the seeds and getting the basics "
          "right.");
    CHECK(paragraphs[1].text ==
          "It was acknowledged that care staff were predominantly female but although the gender mix in Herefordshire "
          "was unbalanced, with only 14 male members of staff to 86 females, this was still a higher proportion of "
          "male staff than found in other Councils.");
    CHECK(paragraphs[2].text.rfind("Newly qualified social workers had a lower case load", 0) == 0);
    CHECK(paragraphs[1].number.empty());
    CHECK(paragraphs[1].page == 7);
}

TEST_CASE("Numbered report paragraphs are units with their number, lettered sub-points stay with them", "[blocks]") {
    const auto paragraphs = paragraphs_of(kNumberedReport);
    REQUIRE(paragraphs.size() == 4);
    CHECK(paragraphs[0].text == "Key considerations");
    CHECK(paragraphs[1].number == "2");
    CHECK(paragraphs[3].number == "4");
    CHECK(paragraphs[3].text.rfind("4. That spend of these additional £11.49m funds", 0) == 0);
    CHECK(paragraphs[3].text.find("\na) The Corporate Director for Children and Young People") != std::string::npos);
    CHECK(paragraphs[3].text.find("\nd) Resources Board continues") != std::string::npos);
}

TEST_CASE("A bullet broken by a page break continues on the lower-case line after the blank", "[blocks]") {
    const auto paragraphs = paragraphs_of(kBulletOverPage);
    REQUIRE(paragraphs.size() == 4);
    CHECK(paragraphs[1].text.find("allowed to remain in the school and transport will be funded") != std::string::npos);
    CHECK(paragraphs[2].text.rfind("In the event a child is excluded", 0) == 0);
}

TEST_CASE("Headings are not joined to the paragraph after them, '3.2' style numbers are kept", "[blocks]") {
    const auto paragraphs = paragraphs_of(kReportSections);
    REQUIRE(paragraphs.size() >= 4);
    CHECK(paragraphs[0].text == "Forward Plan");
    CHECK(paragraphs[1].number == "4");
    CHECK(paragraphs[2].number == "5");
    CHECK(paragraphs[2].text == "5. Suggestion for scrutiny from members of the public");
}

TEST_CASE("Labels: letters, roman numerals, report numbers, bare numbers and times are text", "[blocks]") {
    std::string label;
    LabelKind kind = LabelKind::none;
    CHECK(parse_label("a) Noted and welcomed", label, kind) == 3);
    CHECK(label == "a)");
    CHECK(kind == LabelKind::letter);
    CHECK(parse_label("(iv) Support Services", label, kind) == 5);
    CHECK(kind == LabelKind::roman);
    CHECK(parse_label("3.6 The chart below", label, kind) == 4);
    CHECK(label == "3.6");
    CHECK(kind == LabelKind::number);
    CHECK(parse_label("12. There are no specific environmental impacts", label, kind) == 4);
    CHECK(label_value(label) == "12");
    CHECK(parse_label("86 females, this was still", label, kind) == 0);
    CHECK(parse_label("2.30 pm", label, kind) == 0);
    CHECK(parse_label("2020-March 2021 and recommended that:", label, kind) == 0);
}

TEST_CASE("Every unit of a body gets the next id of its document and the context of the body", "[blocks]") {
    BodyContext context;
    context.item_index = 4;
    context.title = "Fostering Service Update";
    context.procedural = true;
    Document doc;
    doc.id = "samples-000-93a416bcbe6d1f5a";
    doc.units.resize(12);
    extract_units(lines_of(kPdfList), context, doc, PeopleLinker{}, default_topic_rules());
    REQUIRE(doc.units.size() == 15);
    CHECK(doc.units[12].id == "samples-000-93a416bcbe6d1f5a-u0012");
    CHECK(doc.units[14].id == "samples-000-93a416bcbe6d1f5a-u0014");
    CHECK(doc.units[13].item_index == 4);
    CHECK(doc.units[13].title == "Fostering Service Update");
    CHECK(doc.units[13].procedural);
}
