// A lead-in and its list are one unit (issue 13): excerpts of Kent, Limerick and Norfolk
// minutes laid out as their readers give them, and the decisions that must stay one unit
// per lettered part.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "quorum/corpus/reader.hpp"
#include "units/lead_ins.hpp"
#include "units/long_paragraphs.hpp"
#include "unit_excerpts.hpp"

using namespace quorum::corpus;
using namespace quorum::corpus::test;

namespace {

// Kent County Council minutes, 13 March 2025 (PDF, page 16): the motion on disposable vapes.
constexpr const char* kKentMotion =
    "     This Council believes that:\n"
    "\n"
    "     a) Immediate and decisive action is needed to address the environmental\n"
    "            and public health risks posed by disposable vapes, rather than\n"
    "            delaying with prolonged studies.\n"
    "     b) Any ban must be robust and comprehensive, preventing\n"
    "            manufacturers from exploiting legal loopholes to continue selling\n"
    "            harmful products.\n"
    "     c) Stronger regulations on vape marketing, packaging, and accessibility\n"
    "            to young people should be introduced alongside the ban.\n"
    "     d) Urgent action is required to address the environmental and health\n"
    "            impacts of disposable vapes.\n"
    "\n"
    "     And;\n";

// Limerick City and County Council minutes, 22 May 2023 (Markdown): each label alone on a line.
constexpr const char* kLimerickMinutes =
    "Circulated, copy of draft Minutes of the following Meetings:\n"
    "\n"
    "(a)\n"
    "\n"
    "Ordinary Meeting of the Council held on 27th March, 2023.\n"
    "\n"
    "(b)\n"
    "\n"
    "Special Meeting of the Council held on 5th April, 2023. (3pm)\n"
    "\n"
    "Proposed by Councillor Collins (M);\n"
    "\n"
    "Seconded by Councillor Sheahan (J);\n";

// Kent record of decision 24/00108 (PDF, page 1): a list inside a list.
constexpr const char* kKentDecisionCriteria =
    "Key decision criteria. The decision will:\n"
    "   a) result in savings or expenditure which is significant having regard to the budget for the service or "
    "function\n"
    "       (currently defined by the Council as in excess of \xC2\xA3"
    "1,000,000); or\n"
    "   b) be significant in terms of its effects on a significant proportion of the community living or working "
    "within two or\n"
    "       more electoral divisions \xE2\x80\x93 which will include those decisions that involve:\n"
    "            \xE2\x80\xA2 the adoption or significant amendment of major strategies or frameworks;\n"
    "            \xE2\x80\xA2 significant service developments, significant service reductions, or significant "
    "changes in the way that\n"
    "                 services are delivered, whether County-wide or in a particular locality.\n";

// Northwold Parish Council minutes, December 2013 (Markdown): a list without markers.
constexpr const char* kNorthwoldPrecept =
    "The Clerk went through a comparison of the precept and Band D costs per household:\n"
    "\n"
    "2013/14 \xC2\xA3"
    "15,647 plus grant of \xC2\xA3"
    "1353.00 = \xC2\xA3"
    "17,000 = band D \xC2\xA3"
    "44.60\n"
    "\n"
    "2014/15 Precept \xC2\xA3"
    "17,975.61minus grant of \xC2\xA3"
    "927.00, (\xC2\xA3"
    "426 less than last year) = \xC2\xA3"
    "17048.61 =Band D \xC2\xA3"
    "47.29, increase of \xC2\xA3"
    "2.69\n"
    "\n"
    " Precept of \xC2\xA3"
    "17,975.61 = Band D \xC2\xA3"
    "49.86 increase of \xC2\xA3"
    "5.26\n";

// Stoke Ferry Parish Council minutes, 24 April 2019 (Markdown): the bullets run into one
// line of 2,106 characters.
constexpr const char* kStokeFerryComments =
    "The Parish Councillors made the following comments:\n"
    "\n"
    "\xE2\x80\xA2 The mill and development site used to be green land, and any development on this site needed to be "
    "within the correct historical setting together with adequate garden space for each property. In particular that "
    "the Grade II and II\\* properties included in the site should be allocated enough garden to make them viable for "
    "sale as the dwelling houses which they historically were, and to prevent them from being subdivided into "
    "multiple-occupancy. This was important as the development was within the centre of the village. It was felt that "
    "though there was a playing field next to the site, the design of homes should be sympathetic to the historic "
    "nature of the 12th century village centre conservation area which is part of the site. \xE2\x80\xA2 The initial "
    "plans for development had included 55 homes but the current application intensified the site by an increase of "
    "up to 70 homes, which ultimately has an impact on the amount of green space for the entire development By "
    "including terraced smaller dwellings, and varying rooflines to echo the existing mill, enough green space should "
    "be released to make this possible. \xE2\x80\xA2 It should be possible for developers to make allowances for green "
    "space within the development site if they were looking to make a payment for equipment on green space "
    "elsewhere. \xE2\x80\xA2 It was noted that there were members of public that had been against a loss of green "
    "space at a meeting held with the mill in September 2018 and a strong feeling about ensuring that the village kept "
    "as much green space as possible. \xE2\x80\xA2 Concern that other money for equipment had been offered from other "
    "development sites to be on the playing field, as well as current equipment. There was also concern of who might "
    "maintain the additional equipment. Play equipment on the Furlong Road Site, Playing Field and this development "
    "would mean three separate play areas. \xE2\x80\xA2 Any green space within the development could be maintained by "
    "the village as they had a Handyman. \xE2\x80\xA2 As part of the planning process if there was a green space "
    "within "
    "the development there would need to be a minimum size agreed.\n"
    "\n"
    "The Chair invited members of the public to comment on green space provision and the following was noted:\n";

// Kent Cabinet minutes, 30 January 2025 (PDF, page 10): a decision with lettered parts.
constexpr const char* kKentResolution =
    "3. RESOLVED that Cabinet agree to:\n"
    "\n"
    "    A) Note the forecast revenue overspend of \xC2\xA3"
    "23.3m (excluding Schools).\n"
    "    b) Note the forecast overspend on Schools\xE2\x80\x99 Delegated Budgets of \xC2\xA3"
    "30.4m.\n"
    "    c) Note the forecast capital underspend of \xC2\xA3"
    "111.6m.\n";

std::vector<const Unit*> paragraphs(const std::vector<Unit>& units) { return of_type(units, UnitType::paragraph); }

}  // namespace

TEST_CASE("Kent motion: 'This Council believes that:' and its lettered points are one unit", "[lead-ins]") {
    // Regression (issue 13): the lead-in was a unit of its own, its points four more.
    const std::vector<Unit> units = units_of(kKentMotion);
    const auto p = paragraphs(units);
    REQUIRE(p.size() == 2);
    CHECK(p[0]->text.rfind("This Council believes that:\na) Immediate and decisive action", 0) == 0);
    CHECK(p[0]->text.find("\nd) Urgent action is required") != std::string::npos);
    CHECK(p[1]->text == "And;");
}

TEST_CASE("Limerick minutes: the meetings whose minutes were circulated stay with the lead-in", "[lead-ins]") {
    const std::vector<Unit> units = units_of(kLimerickMinutes);
    const auto p = paragraphs(units);
    REQUIRE(p.size() == 3);
    CHECK(p[0]->text ==
          "Circulated, copy of draft Minutes of the following Meetings:\n"
          "(a) Ordinary Meeting of the Council held on 27th March, 2023.\n"
          "(b) Special Meeting of the Council held on 5th April, 2023. (3pm)");
    CHECK(p[1]->text == "Proposed by Councillor Collins (M);");
}

TEST_CASE("Kent decision criteria: a list inside a list is one unit with its lead-in", "[lead-ins]") {
    const std::vector<Unit> units = units_of(kKentDecisionCriteria);
    const auto p = paragraphs(units);
    REQUIRE(p.size() == 1);
    CHECK(p[0]->text.rfind("Key decision criteria. The decision will:\na) result in savings", 0) == 0);
    CHECK(p[0]->text.find("decisions that involve:\n\xE2\x80\xA2 the adoption or significant amendment") !=
          std::string::npos);
    CHECK(p[0]->text.find("\n\xE2\x80\xA2 significant service developments") != std::string::npos);
}

TEST_CASE("Northwold precept: short unmarked lines after a lead-in sentence are its list", "[lead-ins]") {
    const std::vector<Unit> units = units_of(kNorthwoldPrecept);
    const auto p = paragraphs(units);
    REQUIRE(p.size() == 1);
    CHECK(p[0]->text.rfind("The Clerk went through a comparison of the precept and Band D costs per household:\n"
                           "2013/14 ",
                           0) == 0);
    CHECK(p[0]->text.find("\nPrecept of \xC2\xA3"
                          "17,975.61 = Band D") != std::string::npos);
}

TEST_CASE("Stoke Ferry comments: over 1,500 characters, the lead-in goes with the first part", "[lead-ins]") {
    const std::vector<Unit> units = units_of(kStokeFerryComments);
    const auto p = paragraphs(units);
    REQUIRE(p.size() >= 3);
    CHECK(p[0]->text.rfind("The Parish Councillors made the following comments:\n\xE2\x80\xA2 The mill and", 0) == 0);
    for (const Unit* u : p) CHECK(u->text.size() <= kMaxParagraphChars);
    // the next lead-in has no list after it: it stays what it was
    CHECK(p.back()->text.rfind("The Chair invited members of the public", 0) == 0);
}

TEST_CASE("A decision's lettered parts stay one resolution unit each, with their preamble", "[lead-ins]") {
    const std::vector<Unit> units = units_of(kKentResolution);
    const auto r = of_type(units, UnitType::resolution);
    REQUIRE(r.size() == 3);
    REQUIRE(r[0]->resolution);
    CHECK(r[0]->resolution->preamble == "that Cabinet agree to:");
    CHECK(r[1]->text ==
          "b) Note the forecast overspend on Schools\xE2\x80\x99 Delegated Budgets of \xC2\xA3"
          "30.4m.");
    CHECK(paragraphs(units).empty());
}

TEST_CASE("What opens a list, and which lead-ins are sentences rather than labels", "[lead-ins]") {
    CHECK(opens_list("The Committee noted the following concerns:"));
    CHECK(opens_list("The main risks are as follows"));
    CHECK(opens_list("Matters arising:-"));
    CHECK_FALSE(opens_list("The Committee noted the report."));
    CHECK(is_lead_in_sentence("The Committee noted the following concerns:"));
    CHECK(is_lead_in_sentence("Questions submitted by Councillor J. Scanlan:"));
    CHECK_FALSE(is_lead_in_sentence("Minutes:"));
    CHECK_FALSE(is_lead_in_sentence("Purchase of Bulbs for The Cemetery:"));
    CHECK_FALSE(is_lead_in_sentence("Minutes Seconded By:"));
}

TEST_CASE("Seed 004: a long list of questions and answers is cut between questions, never inside one", "[lead-ins]") {
    // "The key points of the discussion are detailed below:" then eleven numbered questions,
    // each with its answers as bullets: 9,700 characters. Cut where a line begins, a
    // question was parted from its answer ("5. ... why it had taken so long" / "• In
    // relation to what had enabled the pace ...").
    const FileResult r = read_file(std::string(QUORUM_SAMPLES_DIR) + "/004_96e372cf547dc9a6.txt");
    REQUIRE(r.documents.size() == 1);
    std::vector<const Unit*> parts;
    for (const Unit& u : r.documents[0].units) {
        const bool lead = u.text.rfind("The Chair invited comments and discussion", 0) == 0;
        if (u.type == UnitType::paragraph && (lead || !parts.empty()) &&
            u.text.find("\n\xE2\x80\xA2 ") != std::string::npos)
            parts.push_back(&u);
    }
    REQUIRE(parts.size() >= 5);
    CHECK(parts[0]->text.rfind("The Chair invited comments and discussion from the committee in relation to the "
                               "report. The key points of the discussion are detailed below:\n1. The committee asked",
                               0) == 0);
    for (std::size_t k = 1; k < parts.size(); ++k) {
        INFO(parts[k]->text.substr(0, 80));
        CHECK(std::isdigit(static_cast<unsigned char>(parts[k]->text.front())) != 0);  // a question begins it
        CHECK(parts[k]->text.size() <= kMaxParagraphChars);
    }
}

TEST_CASE("A PDF list with a gap after its bullets is a list under its lead-in, not a table", "[lead-ins]") {
    // report_cover.pdf (make_report_cover.py), laid out as Kent's Appendix J (Government
    // Grants): "... as listed below:" then "•     Extended Rights to Home to School Transport".
    const FileResult r = read_file(std::string(QUORUM_FIXTURES_DIR) + "/pdf/report_cover.pdf");
    REQUIRE(r.documents.size() == 1);
    const auto& units = r.documents[0].units;
    CHECK(of_type(units, UnitType::table).size() == 1);  // Year | Places | Schools only
    const auto p = paragraphs(units);
    CHECK(std::any_of(p.begin(), p.end(), [](const Unit* u) {
        return u->text ==
               "Several grants have been rolled into the Revenue Support Grant, as listed below:\n"
               "\xE2\x80\xA2 Extended Rights to Home to School Transport\n\xE2\x80\xA2 Transparency Code Grant";
    }));
}
