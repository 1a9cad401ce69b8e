// Decisions: RESOLVED / RECOMMENDATIONS / AGREED / ACTIONS / information requests, each
// lettered or numbered part its own unit. Excerpts are copied from the sample archive
// (corpus/samples) as the readers give them.
#include <catch2/catch.hpp>

#include <string_view>
#include <vector>

#include "units/people.hpp"
#include "units/units.hpp"
#include "unit_excerpts.hpp"

using namespace quorum::corpus;
using namespace quorum::corpus::test;

namespace {

std::vector<Unit> resolutions_of(std::string_view text, const BodyContext& context = {}) {
    Document doc;
    doc.id = "samples-000";
    extract_units(lines_of(text, 3), context, doc, PeopleLinker{}, default_topic_rules());
    std::vector<Unit> out;
    for (Unit& u : doc.units) {
        if (u.type == UnitType::resolution) out.push_back(std::move(u));
    }
    return out;
}

std::size_t count_kind(const std::vector<Unit>& units, std::string_view kind) {
    std::size_t n = 0;
    for (const Unit& u : units) n += u.resolution && u.resolution->kind == kind ? 1 : 0;
    return n;
}

// 000_93a416bcbe6d1f5a.txt lines 157-180
constexpr const char* kMinutes66 =
    "Councillors requested that quantitative data from the exeat interviews be included in\n"
    "future as it would be useful to know whether, for example, it was 10% or 100% of\n"
    "employees who had issues around their pay and conditions.\n"
    "\n"
    "RECOMMENDATIONS:\n"
    "Having reviewed the information provided, the Committee:\n"
    "a) Noted and welcomed this first workforce report to the Committee as an interim\n"
    "report, being part of the improvement plan process, and also welcomed the\n"
    "progress being made, including feedback and data from Council care workers\n"
    "and families, as part of the Committee’s aim to help improve openness and\n"
    "transparency in line with a “bottom up” scrutiny approach.\n"
    "b) Asked that the detail and information contained in the pdf documents on the\n"
    "Herefordshire Social Work Academy website be reviewed and brought up to\n"
    "date and that the Academy be promoted more widely so that it was more\n"
    "visible.\n"
    "c) Asked that in future the report provides more detail on the issues emerging\n"
    "from the exit interviews and includes a greater level of quantitative data.\n"
    "d) Suggested that to encourage a greater uptake of the offer of an exit interview\n"
    "that there is also an option that they be conducted by an independent\n"
    "interviewer.\n"
    "ACTIONS:\n"
    "1. That quantitative data for the report presented be sent to Committee Members.\n"
    "\n"
    "---o0o--At the conclusion of this item the Senior HR and OD Business Partner left the meeting.\n";
// 000_93a416bcbe6d1f5a.txt lines 259-277
constexpr const char* kMinutes67 =
    "It was important that anyone applying for a job with the Service knew what the\n"
    "philosophy of management was and how relationships were managed within the\n"
    "social work team.\n"
    "\n"
    "The following recommendations were proposed and seconded and carried unanimously.\n"
    "RECOMMENDATIONS:\n"
    "The Committee recommended that:\n"
    "a) An overview of the amended improvement plan be presented at a forthcoming\n"
    "workshop, focussing on the framework activities for performance and management;\n"
    "b) A report on the outcomes of the external peer review of SEND provision be allocated\n"
    "to a forthcoming meeting, as soon as available;\n"
    "c) A report giving detail of the access of social workers to legal advice and support\n"
    "when undertaking casework be provided to the Committee at a future meeting and\n"
    "d) In future the report reflects how relationships are positively managed with staff in line\n"
    "with management philosophies and that these are more widely advertised as a\n"
    "unique selling point in recruitment strategies.\n"
    "ACTION:\n"
    "1. The Director for Children’s Services would provide the Committee with the data on\n"
    "how long it took to get a statement of education need.\n";
// 000_93a416bcbe6d1f5a.txt lines 320-336
constexpr const char* kMinutes68 =
    "Ideally it would be preferable to have two or three councillors sitting on the fostering\n"
    "panel so that the work load and time commitment could be shared.\n"
    "\n"
    "\n"
    "\n"
    "There had been 6 foster to adopt placements in the last year and the service was\n"
    "hoping to improve on this\n"
    "\n"
    "The following recommendations were proposed and seconded and carried unanimously.\n"
    "RECOMMENDATIONS:\n"
    "The Committee reviewed and accepted the Fostering Service Annual Report April\n"
    "2020-March 2021 and recommended that:\n"
    "a) The Committee promotes the opportunity for elected members of the Council\n"
    "to sit on the Fostering Panel and encourages nominations from current\n"
    "councillors;\n"
    "b) Officers from the Fostering Service provide their assessment of the challenges\n"
    "and opportunities for improvement that exist in the Service.\n";
// 000_93a416bcbe6d1f5a.txt lines 357-369
constexpr const char* kMinutes69 =
    "Councillors had previously discussed with officers, and at their workshops with the\n"
    "LGA, their need for training in order to improve their analysis of reports.\n"
    "\n"
    "The following recommendations were proposed and seconded and carried unanimously.\n"
    "RECOMMENDATIONS:\n"
    "The Committee received and approved the Children’s performance report and\n"
    "recommended that:\n"
    "a) A workshop development session on understanding and analysing the\n"
    "Safeguarding and Family Support Scorecard be scheduled; to include an\n"
    "overview and examination of other data sets used by the Committee and with a\n"
    "narrative to support the presentation of data.\n"
    "b) The current report be used as a bench mark against which the performance of\n"
    "the service will be judged during the course of the year.\n";
// 000_93a416bcbe6d1f5a.txt lines 374-380
constexpr const char* kMinutes70Start =
    "The Committee reviewed the draft work programme for 2021/22 and agreed the\n"
    "following:\n"
    "AGREED:\n"
    "\n"
    "\n"
    "\n"
    "\n";
// line 381 ("71.") is the misplaced item number the segmenter removes.
// 000_93a416bcbe6d1f5a.txt lines 382-387
constexpr const char* kMinutes70End =
    "\n"
    "That that the next meeting on 22 March would have a mental health focus.\n"
    "That the Chair and Vice-Chair, along with any other members of the Committee\n"
    "that wished to attend, hold a business planning session with officers to look at\n"
    "agenda items for the meetings of the next municipal year. The session would\n"
    "also include a review of outstanding actions from this year.\n";
// 001_8fed95a2e73ba999.txt lines 233-246
constexpr const char* kPack78 =
    "- All pandemic babies have access to speech and language enrichment activities. Currently children are seen at 9 "
    "months and 2 years to measure their development. If anything is picked up, then this will be referred and support "
    "provided where possible to help.\n"
    "\n"
    "The following recommendations were read out to the committee. They were proposed by the chair and seconded by "
    "Cllr Andrews. The recommendations were carried unanimously\n"
    "\n"
    "RECOMMENDATIONS:\n"
    "\n"
    "Having reviewed the impact of the pandemic on mental health and wellbeing of pupils in schools, the committee "
    "recommended that:\n"
    "\n"
    "- a) If/when a child is excluded from a school, the money follows the child within a month so that their special "
    "/mental health needs are addressed quickly. To include lobbying the CCG for funding\n"
    "- b) A report and methodological approach is prepared to review the progress at the CYPSC meeting, including "
    "national comparator data to report to the committee about what action planning Herefordshire is considering to "
    "address the problems within our county.\n"
    "- c) A review be undertaken and a report be prepared on the impact of COVID 'enrichment' initiatives, including "
    "the WEST programme, is reviewed and the analysis provided as to which schools have been involved in this "
    "initiative, including how many schools knew about it.\n"
    "- d) Consideration be given to a T+F group or spotlight review with schools to encourage and support parents to "
    "ask for and take up the various mental health initiatives in their school setting. To be added to the work "
    "programme.\n"
    "- e) More resource to be allocated for Brookfield's and the other special schools – with particular emphasis on "
    "investment in early years, and Yr 1 and 2 to prevent problems being exacerbated in relation to the impact of "
    "COVID\n"
    "- f) CYPSC to lobby local MPs to lobby DfE to prioritise funding, supported by a funding bid and business case, "
    "to fund two attendance officers.\n";
// 001_8fed95a2e73ba999.txt lines 261-270
constexpr const char* kPack79 =
    "- Engagement with the faith communities is supported by Talk Communities, which aims to reach all different forms "
    "of communities. Cross directorate initiative needed to support this.\n"
    "\n"
    "The following recommendations were proposed and seconded and carried unanimously.\n"
    "\n"
    "RECOMMENDATIONS:\n"
    "\n"
    "The Committee recommended that:\n"
    "\n"
    "- a) The children's commissioners' newsletter be circulated to all councillors.\n"
    "- b) Local government level social media platforms are explored in their relation to their impact on the "
    "wellbeing of young people and the risks presented to young people into being drawn into sexual exploitation and "
    "bullying using these platforms be investigated\n";
// 001_8fed95a2e73ba999.txt lines 272-278
constexpr const char* kPack80 =
    "80. WORK PROGRAMME REVIEW\n"
    "\n"
    "The Committee agreed to defer this item until the next meeting.\n"
    "\n"
    "ACTIONS:\n"
    "\n"
    "- Send out a report with an update of the proposed work programme and a list of dates for suggested next "
    "meetings.\n";
// 001_8fed95a2e73ba999.txt lines 335-339
constexpr const char* kPackReport =
    "Recommendation(s)\n"
    "\n"
    "That the Committee:\n"
    "\n"
    "- a) Approves the co-option of Ms Fiona Reid as the Families Co-optee\n";
// 002_f238e8122ed5804f.txt lines 76-84
constexpr const char* kMinutes2018Item26 =
    "- The committee raised the issue of the quality of life story work which had been a perennial area of concern. It "
    "was queried what was preventing improvement in this area. It was explained that a different approach to life "
    "story work would be undertaken in future and work would now begin at the earliest opportunity following contact "
    "between social worker and family to improve the quality and completeness of life stories.\n"
    "\n"
    "RESOLVED – That the committee:\n"
    "\n"
    "- endorses the action plan;\n"
    "- allocates a quarterly item to its work programme to assess progress against the action plan; and\n"
    "- welcomes those positive elements emerging from the inspection including: safeguarding arrangements; looked "
    "after children and early help; care leavers; children with disabilities; children at risk of sexual exploitation "
    "or wider exploitation; the Council's approach to elective home education; and children who go missing.\n"
    "\n"
    "There was a brief adjournment at 3.20 p.m. The meeting reconvened at 3.25 p.m.\n";
// 002_f238e8122ed5804f.txt lines 23-23
constexpr const char* kMinutes2018Item23 =
    "RESOLVED: That the minutes of the meeting on 17 September are approved as a correct record.\n";
// 003_0f19b924668e569c.txt lines 156-175
constexpr const char* kWebItem111 =
    "The Vice-Chairperson requested that future training sessions delivered to the Committee should be recorded for "
    "the consumption of all members, and encouraged members of the Committee to strongly consider the offer made by "
    "the Director for Children and Young People to speak to staff in the workplace and understand their current "
    "experiences.\n"
    "\n"
    "\n"
    "It was resolved that:\n"
    "\n"
    "\n"
    "(i)           The Ofsted inspection report be noted; and\n"
    "\n"
    "(ii)          The Committee Work Plan be reviewed at the next meeting to ensure that the work of the Committee is "
    "focused on the main areas for improvement in children’s services as evidenced by the Ofsted report and the "
    "renewed improvement plan.\n"
    "\n"
    "\n"
    "And that the following information requests be made:\n"
    "\n"
    "\n"
    "(a)          A copy of the Children and Young People directorate Risk Register;\n"
    "\n"
    "(b)          Clarification from the Monitoring Officer regarding what access social workers have to expert legal "
    "advice to embed quality in social work practice; and\n"
    "\n"
    "(c)           A workforce profile for Herefordshire to benchmark against other local authorities the level of "
    "staff churn and the proportion of permanent and interim staff working in social care.\n"
    "\n";
// 004_96e372cf547dc9a6.txt lines 93-98
constexpr const char* kMinutes2025Item7 =
    "At the conclusion of the debate the committee discussed and agreed the following recommendations.\n"
    "\n"
    "Recommendations:\n"
    "\n"
    "- 1. For the executive to ensure that the council's digital, data and technology teams are sufficiently staffed, "
    "and properly resourced in the next budget, to ensure that all of the data needs of the children and young people "
    "directorate are met.**\n"
    "- 2. For full Council to debate and commit to the principle of working for a child friendly Herefordshire.**\n";
// 004_96e372cf547dc9a6.txt lines 102-106
constexpr const char* kMinutes2025Item8 =
    "The Chair noted that the papers for the item had been published late and proposed that a vote be held as to "
    "whether the item should be deferred to the September meeting - to allow the public and the committee members "
    "enough time to consider and respond to the report.\n"
    "\n"
    "The committee members voted unanimously to defer the item to a future committee meeting:\n"
    "\n"
    "Resolved: That the 'Children and Young People's Quality Assurance Briefing' item be deferred until a future "
    "committee meeting.\n";
// 004_96e372cf547dc9a6.txt lines 120-124
constexpr const char* kMinutes2025Item9 =
    "The terms of reference and following actions were agreed unanimously by the committee:\n"
    "\n"
    "Resolved that:\n"
    "\n"
    "a) The committee agree to form a task and finish group according to the terms of reference attached as appendix "
    "1.\n";

// Limerick City and County Council minutes (shared corpora): votes minuted before the decision.
constexpr const char* kLimerick =
    "Proposed by Councillor Secas;\n"
    "\n"
    "Seconded by Councillor O\xE2\x80\x99"
    "Dea;\n"
    "\n"
    "And Resolved:\n"
    "\n"
    "\xE2\x80\x9CThat the Budgetary Plan 2020, as circulated, for the Metropolitan District of Limerick in the amount\n"
    "\n"
    "of \xE2\x82\xAC"
    "303,000 be adopted.\xE2\x80\x9D\n";

}  // namespace

TEST_CASE("Seed 000 item 66: RECOMMENDATIONS a)-d) are four resolutions and ACTIONS one", "[resolutions]") {
    const auto units = resolutions_of(kMinutes66);
    REQUIRE(units.size() == 5);
    CHECK(count_kind(units, "recommendations") == 4);
    CHECK(count_kind(units, "actions") == 1);
    CHECK(units[0].resolution->label == "a)");
    CHECK(units[0].number == "a");
    CHECK(units[3].resolution->label == "d)");
    CHECK(units[0].resolution->preamble == "Having reviewed the information provided, the Committee:");
    CHECK(units[3].text.find("independent interviewer.") != std::string::npos);
    CHECK(units[4].resolution->label == "1.");
    CHECK(units[4].text == "1. That quantitative data for the report presented be sent to Committee Members.");
    CHECK(units[0].id == "samples-000-u0001");
}

TEST_CASE("Seed 000 item 67: four recommendations carried unanimously and one action", "[resolutions]") {
    const auto units = resolutions_of(kMinutes67);
    REQUIRE(units.size() == 5);
    CHECK(count_kind(units, "recommendations") == 4);
    CHECK(count_kind(units, "actions") == 1);
    CHECK(units[0].resolution->preamble == "The Committee recommended that:");
    CHECK(units[0].resolution->outcome == "carried unanimously");
    // "c) ... at a future meeting and" ends unfinished but d) starts a new part.
    CHECK(units[2].text.rfind("c) A report giving detail", 0) == 0);
    CHECK(units[3].text.rfind("d) In future the report", 0) == 0);
}

TEST_CASE("Seed 000 items 68 and 69: two recommendations each, preamble joined across its line break",
          "[resolutions]") {
    const auto u68 = resolutions_of(kMinutes68);
    REQUIRE(u68.size() == 2);
    CHECK(u68[0].resolution->preamble ==
          "The Committee reviewed and accepted the Fostering Service Annual Report April 2020-March 2021 and "
          "recommended that:");
    CHECK(u68[1].resolution->outcome == "carried unanimously");
    const auto u69 = resolutions_of(kMinutes69);
    REQUIRE(u69.size() == 2);
    CHECK(u69[1].resolution->label == "b)");
    CHECK(u69[0].resolution->preamble.find("performance report and recommended that:") != std::string::npos);
}

TEST_CASE("Seed 000 item 70: AGREED then blank lines then two 'That ...' lines are two agreed parts", "[resolutions]") {
    const std::string body = std::string(kMinutes70Start) + kMinutes70End;
    const auto units = resolutions_of(body);
    REQUIRE(units.size() == 2);
    CHECK(count_kind(units, "agreed") == 2);
    CHECK(units[0].text == "That that the next meeting on 22 March would have a mental health focus.");
    CHECK(units[1].text.find("review of outstanding actions from this year.") != std::string::npos);
    CHECK(units[1].resolution->label.empty());
}

TEST_CASE("Seed 001 minutes: item 78 has six recommendations, item 79 two, item 80 one action", "[resolutions]") {
    const auto u78 = resolutions_of(kPack78);
    REQUIRE(u78.size() == 6);
    CHECK(u78[5].resolution->label == "f)");
    CHECK(u78[0].resolution->outcome == "carried unanimously");
    CHECK(u78[0].resolution->preamble.rfind("Having reviewed the impact of the pandemic", 0) == 0);
    const auto u79 = resolutions_of(kPack79);
    REQUIRE(u79.size() == 2);
    CHECK(u79[0].resolution->outcome == "carried unanimously");
    const auto u80 = resolutions_of(kPack80);
    REQUIRE(u80.size() == 1);
    CHECK(u80[0].resolution->kind == "actions");
    CHECK(u80[0].text.rfind("Send out a report", 0) == 0);
}

TEST_CASE("A report's Recommendation(s) heading with 'That the Committee:' gives lettered recommendations",
          "[resolutions]") {
    const auto units = resolutions_of(kPackReport);
    REQUIRE(units.size() == 1);
    CHECK(units[0].resolution->kind == "recommendations");
    CHECK(units[0].resolution->preamble == "That the Committee:");
    CHECK(units[0].text == "a) Approves the co-option of Ms Fiona Reid as the Families Co-optee");
    // The same body handed over as the section "Recommendation(s)" (heading removed).
    BodyContext section;
    section.section = "Recommendation(s)";
    const auto in_section = resolutions_of(
        "That the Committee:\n\n- a) Approves the co-option of Ms Fiona Reid as the Families Co-optee\n", section);
    REQUIRE(in_section.size() == 1);
    CHECK(in_section[0].resolution->label == "a)");
}

TEST_CASE("Seed 002: 'RESOLVED – That the committee:' with bullets gives one resolution per bullet", "[resolutions]") {
    const auto units = resolutions_of(kMinutes2018Item26);
    REQUIRE(units.size() == 3);
    CHECK(units[0].resolution->kind == "resolved");
    CHECK(units[0].resolution->preamble == "That the committee:");
    CHECK(units[0].text == "endorses the action plan;");
    CHECK(units[2].resolution->label.empty());
}

TEST_CASE("Seed 002: a RESOLVED line without parts is one resolution with an empty label", "[resolutions]") {
    const auto units = resolutions_of(kMinutes2018Item23);
    REQUIRE(units.size() == 1);
    CHECK(units[0].resolution->label.empty());
    CHECK(units[0].text ==
          "RESOLVED: That the minutes of the meeting on 17 September are approved as a correct record.");
}

TEST_CASE("Seed 003: roman-numbered resolutions and lettered information requests", "[resolutions]") {
    const auto units = resolutions_of(kWebItem111);
    REQUIRE(units.size() == 5);
    CHECK(count_kind(units, "resolved") == 2);
    CHECK(count_kind(units, "information-request") == 3);
    CHECK(units[0].resolution->label == "(i)");
    CHECK(units[0].text == "(i) The Ofsted inspection report be noted; and");
    CHECK(units[2].resolution->label == "(a)");
    CHECK(units[2].resolution->preamble == "And that the following information requests be made:");
}

TEST_CASE("Seed 004: numbered markdown recommendations and one-line resolutions", "[resolutions]") {
    const auto item7 = resolutions_of(kMinutes2025Item7);
    REQUIRE(item7.size() == 2);
    CHECK(item7[0].resolution->label == "1.");
    CHECK(item7[1].resolution->label == "2.");
    // Left-over markdown bold is not part of the text.
    CHECK(item7[1].text ==
          "2. For full Council to debate and commit to the principle of working for a child friendly Herefordshire.");
    const auto item8 = resolutions_of(kMinutes2025Item8);
    REQUIRE(item8.size() == 1);
    CHECK(item8[0].resolution->outcome == "carried unanimously");
    const auto item9 = resolutions_of(kMinutes2025Item9);
    REQUIRE(item9.size() == 1);
    CHECK(item9[0].resolution->label == "a)");
    CHECK(item9[0].resolution->outcome == "carried unanimously");
}

TEST_CASE("Limerick: 'And Resolved:' after proposer and seconder lines is one resolution", "[resolutions]") {
    const auto units = resolutions_of(kLimerick);
    REQUIRE(units.size() == 1);
    CHECK(units[0].resolution->kind == "resolved");
    CHECK(units[0].resolution->outcome == "proposed and seconded");
    CHECK(units[0].text.find("303,000 be adopted.") != std::string::npos);
}

TEST_CASE("A decision inside a sentence ('proposed by ..., seconded by ... and resolved that') is found",
          "[resolutions]") {
    const auto units = resolutions_of(
        "It was proposed by Cllr Kiely, seconded by Cllr Sheahan and resolved that the report be noted.\n");
    REQUIRE(units.size() == 1);
    CHECK(units[0].resolution->outcome == "proposed and seconded");
    CHECK(resolutions_of("Recommendations have been made to the legal team in regards to the co-optee position.\n")
              .empty());
}

TEST_CASE("a lettered part that says 'It was agreed that' keeps its own text before the parts after it",
          "[resolutions]") {
    // Regression (issue 12, Kent "Appendix 1 - Selection and Member Services
    // recommendations"): the keyword block was neither preamble nor part, and was lost.
    const auto units = resolutions_of(
        "c) It was agreed that the Children Young Persons and Education Cabinet Committee\n"
        "would be separated to reflect the individual portfolio holders.\n"
        "\n"
        "d) The Health Reform and Public Health Committee would be merged into\n"
        "the Adult Social Care Cabinet Committee.\n");
    REQUIRE(units.size() == 2);
    CHECK(units[0].text.find("Children Young Persons and Education") != std::string::npos);
    CHECK(units[0].resolution->label == "c)");
    CHECK(units[1].text.find("Adult Social Care") != std::string::npos);
}

// Regression (issue 17 survey, Kent County Council budget minutes, February 2025): "(27)
// RESOLVED that:" then its preamble on its own line, then parts (a) to (v) grouped under
// sub-headings ("2025-26 Council Tax", "In addition:"). The connective "that:" was taken as
// the whole preamble, the real preamble ended the resolution, and the budget gave no
// resolution at all. The shape is Kent's; the words are shortened.
TEST_CASE("RESOLVED that: with its preamble on its own line and parts under sub-headings", "[resolutions]") {
    const auto units = resolutions_of(
        "(27) RESOLVED that:\n"
        "\n"
        "County Council, having given due regard to the s25 Report, is asked to agree the\n"
        "following:\n"
        "\n"
        "2025-35 Capital Programme\n"
        "(a) The 10-year Capital programme and investment proposals of £1,419m.\n"
        "(b) The directorate capital programmes as set out in appendices A and B.\n"
        "\n"
        "2025-26 Council Tax\n"
        "(c) To increase Council Tax band rates up to the maximum permitted without a\n"
        "referendum.\n"
        "In addition:\n"
        "(d) To delegate authority to the Chief Executive to agree any other changes.\n"
        "\n"
        "(28) The Chairman thanked the officers.\n");
    REQUIRE(units.size() >= 4);
    CHECK(units.size() == 4);  // "(28)", the minutes' next paragraph, is not a part (e)
    CHECK(units[0].resolution->kind == "resolved");
    CHECK(units[0].resolution->label == "(a)");
    CHECK(units[0].resolution->preamble.find("is asked to agree the") != std::string::npos);
    CHECK(units[0].section == "2025-35 Capital Programme");
    CHECK(units[1].resolution->label == "(b)");
    CHECK(units[2].resolution->label == "(c)");
    CHECK(units[2].section == "2025-26 Council Tax");
    CHECK(units[2].text.find("referendum") != std::string::npos);
    CHECK(units[3].resolution->label == "(d)");
    CHECK(units[3].section == "In addition:");
}

// Review of the change above: a sub-heading followed by the minutes' next numbered paragraph
// stays out of the resolution (its text reaches the next unit), and numbered sub-items under
// a lettered part that ends with a colon are still parts.
TEST_CASE("a sub-heading before the next numbered paragraph is not swallowed, numbered sub-items stay parts",
          "[resolutions]") {
    const auto first = resolutions_of(
        "RESOLVED that:\n"
        "\n"
        "The Committee agreed the following:\n"
        "\n"
        "(a) The report be noted.\n"
        "\n"
        "BUDGET MONITORING\n"
        "(30) The Committee received the budget monitoring report.\n");
    REQUIRE(first.size() == 1);
    CHECK(first[0].resolution->label == "(a)");
    CHECK(first[0].section.empty());

    const auto nested = resolutions_of(
        "RESOLVED that:\n"
        "\n"
        "The Cabinet agreed:\n"
        "\n"
        "(a) To approve the following:\n"
        "1. the capital programme;\n"
        "2. the revenue budget.\n"
        "(b) To note the risks.\n");
    REQUIRE(nested.size() == 4);
    CHECK(nested[1].resolution->label == "1.");
    CHECK(nested[3].resolution->label == "(b)");
}
