// Question tables: public and supplementary questions with questioner, addressee and response.
#include <catch2/catch.hpp>

#include <map>
#include <string_view>
#include <vector>

#include "units/people.hpp"
#include "units/units.hpp"
#include "unit_excerpts.hpp"

using namespace quorum::corpus;
using namespace quorum::corpus::test;

namespace {

std::vector<const Unit*> questions_of(const std::vector<Unit>& units) {
    std::vector<const Unit*> out;
    for (const Unit& u : units) {
        if (u.type == UnitType::question) out.push_back(&u);
    }
    return out;
}

// 002_f238e8122ed5804f.txt lines 128-137
constexpr const char* kSupplement2018 =
    "Agenda item no. 5 - Question from members of the public\n"
    "\n"
    "Question Number\tQuestioner\tQuestion\tQuestion to\n"
    "PQ 1\tMs Shore, Hereford\tChildren are not routinely spoken to alone by social workers as part of their own "
    "assessments, and so subsequent plans are not informed by a child's view of their lived experience.\" Para 9, p4, "
    "the Ofsted Report.\tChairman of Children and Young People Scrutiny Committee\n"
    "\t\tThis must mean that assessments do not routinely include the child's voice. When this is the case, there is a "
    "risk that assessments will result in actions and plans which do not meet the child's needs. This seems to be a "
    "serious failure to ensure that the best interests of the child are central to assessments.\t\n"
    "\t\tAs part of its scrutiny of the action plan, developed in response to the Ofsted inspection, will the "
    "committee scrutinise what steps are in place to rectify this situation and to ensure that children are spoken to "
    "alone as a matter of course in every assessment?\t\n"
    "\n"
    "Response:\n"
    "\n"
    "The children and families directorate acknowledge Ofsted's findings as correct, and are determined to ensure "
    "children's voices are heard in every assessment where this is practically possible. Since July 2018, a "
    "comprehensive development plan has been established in the assessment service to drive up the quality of "
    "assessment work, and crucial to this is the auditing of work to establish children have been seen and seen alone. "
    "This work will continue until at least the end of October, with a real focus on improving quality of practice. "
    "Scrutiny Committee have sight of the action plan that has been submitted to Ofsted and will be reviewing progress "
    "against this on a regular basis.\n";
// 004_96e372cf547dc9a6.txt lines 142-150 as the text reader gives them (HTML fragments
// inside the cells turned into text, TABs kept).
constexpr const char* kSupplementary2025 =
    "Supplementary questions from members of the public \xE2\x80\x93 Children and Young People Scrutiny Committee, 22 "
    "July 2025\n"
    "\n"
    "Question Number\tQuestioner\tSupplementary Question\tQuestion to\n"
    "SPQ 1\tMs Reid Hereford\tMy public question asked: \"How and by when will the Committee appoint ... and (I hope) "
    "appoint two non-statutory co-optees [Families' Representative and Families' Representative (SEND) "
    "co-optees]?\"\tChildren and Young People Scrutiny Committee\n"
    "\n"
    "\t\tHowever, the response has not answered this. Since Jan Frances was appointed on 14 November 2023 as Families' "
    "Representative co-optee, she has attended three (one remotely) of ten meetings she could have attended (last "
    "attending in September 2024).\t\n"
    "Record of verbal response from CYPSC Chair provided during the meeting: \"Thank you Ms Reid for your question, "
    "just to clarify that the constitution was amended, so we're not committed to having family co-optees or SEND "
    "co-optees.\"\t\t\t\n"
    "\n"
    "The meeting ended at 16:08\n";

}  // namespace

TEST_CASE("Seed 002 PQ 1: questioner, addressee, the question over three rows and the response after the table",
          "[questions]") {
    const auto units = units_of(kSupplement2018);
    const auto questions = questions_of(units);
    REQUIRE(questions.size() == 1);
    const QuestionInfo& q = *questions[0]->question;
    CHECK(q.number == "PQ 1");
    CHECK(q.questioner == "Ms Shore, Hereford");
    CHECK(q.addressee == "Chairman of Children and Young People Scrutiny Committee");
    CHECK(q.kind == "public");
    CHECK(q.question.rfind("Children are not routinely spoken to alone", 0) == 0);
    CHECK(q.question.find("This must mean that assessments") != std::string::npos);
    CHECK(q.question.find("spoken to alone as a matter of course in every assessment?") != std::string::npos);
    CHECK(q.response.rfind("The children and families directorate acknowledge Ofsted's findings as correct", 0) == 0);
    CHECK(q.response.find("reviewing progress against this on a regular basis.") != std::string::npos);
    CHECK(questions[0]->number == "PQ 1");
    // The response paragraph is not repeated as a paragraph unit.
    for (const Unit& u : units) {
        if (u.type == UnitType::paragraph) CHECK(u.text.find("directorate acknowledge") == std::string::npos);
    }
}

TEST_CASE("Seed 004 SPQ 1: a supplementary question with a record of the verbal response inside the table",
          "[questions]") {
    const auto units = units_of(kSupplementary2025);
    const auto questions = questions_of(units);
    REQUIRE(questions.size() == 1);
    const QuestionInfo& q = *questions[0]->question;
    CHECK(q.number == "SPQ 1");
    CHECK(q.kind == "supplementary");
    CHECK(q.questioner == "Ms Reid Hereford");
    CHECK(q.addressee == "Children and Young People Scrutiny Committee");
    CHECK(q.question.find("However, the response has not answered this.") != std::string::npos);
    CHECK(q.response.rfind("Record of verbal response from CYPSC Chair", 0) == 0);
    CHECK(units.back().text == "The meeting ended at 16:08");
}

TEST_CASE("Questions under 'Questions from members of the council' are member questions", "[questions]") {
    BodyContext context;
    context.title = "QUESTIONS FROM MEMBERS OF THE COUNCIL";
    const auto units = units_of(
        "Question Number\tQuestioner\tQuestion\tQuestion to\n"
        "Q1\tCouncillor Hardwick\tWhat is the caseload of each team?\tCabinet member children and families\n",
        context);
    const auto questions = questions_of(units);
    REQUIRE(questions.size() == 1);
    CHECK(questions[0]->question->kind == "member");
}
