// Tables: captions, header rows, continuation rows and row counts on the tables of seed 001.
#include <catch2/catch.hpp>

#include <string_view>
#include <vector>

#include "units/people.hpp"
#include "units/units.hpp"
#include "unit_excerpts.hpp"

using namespace quorum::corpus;
using namespace quorum::corpus::test;

namespace {

// 001_8fed95a2e73ba999.txt lines 503-588
constexpr const char* kAppendixA =
    "In response to the high court judgement, in April 2021 an extraordinary council meeting on 27th April 2021 "
    "allocated £5.222m from ear marked reserves to support the improvement of children's services over a two year "
    "period, across seven key areas, as shown in Table 1 below:\n"
    "\n"
    "Table 1: Additional resources approved by Council on 27 April 2021 (by area)\n"
    "\n"
    "Transformation cost\t2021/22 £000\t2022/23 £000\tTotal £000\n"
    "Improvement Board\t130\t130\t260\n"
    "Support for families\t100\t100\t200\n"
    "Legal\t551\t551\t1,102\n"
    "External legal fees\t525\t325\t850\n"
    "Human resources' support\t364\t289\t653\n"
    "Assurance and transformation\t292\t85\t377\n"
    "Interim Staffing\t890\t890\t1,780\n"
    "Total\t2,852\t2,370\t5,222\n"
    "\n"
    "The total sum of £5,222m approved by Council relates to staffing costs only, not non-staffing costs such as "
    "IT/laptops. Of that sum, £2,542m was allocated to Children's Services and the remainder was allocated to Legal "
    "Services, Human Resources and Communications to provide increased levels of support into the Children's "
    "Directorate, as shown in Table 2 below:\n"
    "\n"
    "Table 2: Allocation of £5.22m across all council services supporting the 2 year improvement journey\n"
    "\n"
    "Service area\tTotal funding £000\n"
    "Children's services\t2,542\n"
    "Legal services\t1,952\n"
    "Human resources\t653\n"
    "Communications\t75\n"
    "Total\t5,222\n"
    "\n"
    "How the £5.222m has been allocated by service area\n"
    "\n"
    "Children's services\n"
    "\n"
    "Table 3: Children's services expenditure of £2,542k allocation over the two years\n"
    "\n"
    "Additional resources\tExpenditure £000\n"
    "Assurance and transformation <ul style=\"list-style-type: none\"> • Independent assurance team • Forensic audit • "
    "Work with safeguarding business unit • Project audit team \t694\n"
    "Social work project teams <ul style=\"list-style-type: none\"> • Fostering • Assessment • Child protection and "
    "court • Children in care including 16+ \t885\n"
    "Interim and additional posts <ul style=\"list-style-type: none\"> • Leadership team and additional managers • "
    "Social care academy service • Safeguarding and review • Set up costs for additional staff \t963\n"
    "Total\t2,542\n"
    "\n"
    "The allocation funded the project and assurance teams for three months, interim posts to the end of the financial "
    "year.\n"
    "\n"
    "Legal Services\n"
    "\n"
    "Legal Services allocation was for both internal and external legal resources as follows:\n"
    "\n"
    "Table 4: Legal Services budget allocation for internal and external legal resources\n"
    "\n"
    "\tYear 1 2021/22 £000\tYear 2 2022/23 £000\t2 Year Total £000\n"
    "Internal legal\t551\t551\t1,102\n"
    "External legal\t525\t325\t850\n"
    "Total legal\t1,076\t876\t1,952\n"
    "\n"
    "Legal Services expenditure of their allocation is shown below:\n"
    "\n"
    "Table 5: Legal Services expenditure of 1,952k allocation over the 2 years\n"
    "\n"
    "Additional resources\tYear 1 Expenditure £000\tYear 2 Expenditure £000\tTotal Expenditure £000\n"
    "Internal legal\t551\t551\t1,102\n"
    "External legal\t565\t285\t850\n"
    "\n"
    "Total\t1,116\t836\t1,952\n"
    "--------------\t--------------\t------------\t--------------\n"
    "\n"
    "Legal costs for 2021/22 (year 1) are expected to be £40k above the £1,076k planned, all relating to external "
    "legal costs. This external support is required to meet what is assessed as being a short-term bulge in workload, "
    "and will be reduced in year 2 to return legal costs to their previous budget allocation.\n"
    "\n"
    "It is noted that that Herefordshire Council also hold a Litigation Reserve which is drawn upon, when necessary, "
    "for court claims and settlements.\n"
    "\n"
    "Human Resources\n"
    "\n"
    "Human Resources expenditure of their allocation is shown below:\n"
    "\n"
    "Table 6: Human Resources expenditure of £653k allocation over the 2 years\n"
    "\n"
    "Additional resources\tExpenditure £000\n"
    "Year One (2021/22) <ul style=\"list-style-type: none\"> • HR business partner team • OD support • Recruitment "
    "partner • Trade union facility time \t364\n"
    "Year Two (2022/23) <ul style=\"list-style-type: none\"> • HR business partner team • OD support • Trade union "
    "facility time \t289\n"
    "Total\t653\n"
    "\n"
    "Communications\n"
    "\n"
    "Communications expenditure of their allocation is shown below:\n"
    "\n"
    "Table 7: Communications expenditure of £ 75k allocation over the 2 years\n"
    "\n"
    "Additional resources\tExpenditure £000\n"
    "Media agency for initial response to judgement\t30\n"
    "Additional communications support\t45\n"
    "Total\t75\n";
// 001_8fed95a2e73ba999.txt lines 920-948
constexpr const char* kFtePlusCosts =
    "Transformation will temporarily increase the budgeted establishment by 122.75 FTE in 2022/23 reducing to an "
    "ongoing increase in posts of 82 FTE from 2023/24\n"
    "\n"
    "Resource\tAdditional FTE\t\n"
    "\t22/23\t23/24\n"
    "Continuation of project teams for 12 months\t24\t\n"
    "Auditors\t6\t4\n"
    "Child in need teams\t16\t16\n"
    "Service managers\t9\t9\n"
    "Permanence team\t5\t5\n"
    "Business support\t15\t15\n"
    "Newly qualified social workers\t15\t15\n"
    "Social care academy/ signs of safety\t6.25\t1\n"
    "Advanced practitioners\t12\t8\n"
    "Improvement lead\t1\t\n"
    "Independent reviewing officers/child protection chairs\t4\t2\n"
    "Managing practitioners\t4.5\t4\n"
    "Clinical psychologist\t1\t1\n"
    "Fostering panel adviser\t1\t1\n"
    "Social Worker (SEND)\t1\t1\n"
    "Data analyst\t1\t\n"
    "Systems analyst\t1\t\n"
    "Total increase in FTE from current budget\t122.75\t82\n"
    "\n"
    "33. Cost of transformation\n"
    "\n"
    "Transformation costs\t2021/22\t2022/23\t2023/24\tTotal\n"
    "\t£000\t£000\t£000\t£000\n"
    "Review and transformation of services in response to high court judgement\t5,833\t11,487\t4,544\t21,864\n"
    "TOTAL\t5,833\t11,487\t4,544\t21,864\n";
// 001_8fed95a2e73ba999.txt lines 1352-1362
constexpr const char* kWorkProgramme =
    "\n"
    "To be scheduled and prioritised or removed (1/4)\n"
    "\n"
    "Annual agenda items\t\t\t\n"
    "Item [type of scrutiny]:\tOrigin:\tLead officer(s):\tCurrent position:\n"
    "Independent Reviewing Officer (IRO) and Child Protection (CP) report [Performance review]\tPerformance Review – "
    "annual report\t\tAssigned to meeting\n"
    "Adoption Service and Fostering Service annual reports [Performance review – Annual Report]\tStandard annual "
    "item.\t\tAssigned to meeting.\n"
    "Principal Social Worker [Performance review – annual report]\tStandard annual item\t\tAssigned to improvement "
    "meeting\n"
    "Herefordshire Safeguarding Children Partnership (HSCP) annual report [Performance review]\tPerformance Review – "
    "annual report\t\tAssigned to meeting\n"
    "Local Authority Designated Officer (LADO) annual report [Performance review]\tPerformance Review – annual "
    "report\t\tAssigned to meeting\n"
    "\n";

}  // namespace

TEST_CASE("Seed 001 Appendix A: Tables 1 to 7 with their captions and row counts", "[tables]") {
    const auto tables_units = units_of(kAppendixA);
    const auto tables = of_type(tables_units, UnitType::table);
    REQUIRE(tables.size() == 7);
    const std::vector<std::size_t> rows = {8, 5, 4, 3, 3, 3, 3};
    for (std::size_t i = 0; i < tables.size(); ++i) {
        INFO("Table " << i + 1);
        REQUIRE(tables[i]->table);
        CHECK(tables[i]->table->caption.rfind("Table " + std::to_string(i + 1) + ":", 0) == 0);
        CHECK(tables[i]->title == tables[i]->table->caption);
        CHECK(tables[i]->table->rows.size() == rows[i]);
    }
    CHECK(tables[0]->table->caption == "Table 1: Additional resources approved by Council on 27 April 2021 (by area)");
    CHECK(tables[0]->table->header ==
          std::vector<std::string>{"Transformation cost", "2021/22 £000", "2022/23 £000", "Total £000"});
    CHECK(tables[0]->table->rows.back() == std::vector<std::string>{"Total", "2,852", "2,370", "5,222"});
    // Table 5: a blank line inside the table and a "-----" rule under it.
    CHECK(tables[4]->table->rows.back() == std::vector<std::string>{"Total", "1,116", "836", "1,952"});
    CHECK(tables[0]->page == 7);
}

TEST_CASE("Table text is the caption and the rows, one line each", "[tables]") {
    const auto tables_units = units_of(kAppendixA);
    const auto tables = of_type(tables_units, UnitType::table);
    REQUIRE(tables.size() == 7);
    CHECK(tables[6]->text ==
          "Table 7: Communications expenditure of £ 75k allocation over the 2 years\n"
          "Additional resources | Expenditure £000\n"
          "Media agency for initial response to judgement | 30\n"
          "Additional communications support | 45\n"
          "Total | 75");
    // The caption lines are not repeated as paragraphs.
    for (const Unit& u : units_of(kAppendixA)) {
        if (u.type == UnitType::paragraph) CHECK(u.text.rfind("Table ", 0) != 0);
    }
}

TEST_CASE("A units row under the header ('\\t£000\\t£000') joins the header", "[tables]") {
    const auto tables_units = units_of(kFtePlusCosts);
    const auto tables = of_type(tables_units, UnitType::table);
    REQUIRE(tables.size() == 2);
    CHECK(tables[0]->table->header == std::vector<std::string>{"Resource", "Additional FTE 22/23", "23/24"});
    CHECK(tables[0]->table->rows.size() == 18);
    CHECK(tables[1]->table->header.at(1) == "2021/22 £000");
    CHECK(tables[1]->table->rows.size() == 2);
}

TEST_CASE("Work programme tables stay tables, a one-cell first row is their caption", "[tables]") {
    const auto units = units_of(kWorkProgramme);
    const auto tables = of_type(units, UnitType::table);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0]->table->caption == "To be scheduled and prioritised or removed (1/4)");
    CHECK(tables[0]->table->header.at(0) == "Item [type of scrutiny]:");
    CHECK(tables[0]->table->rows.size() == 5);
    CHECK(of_type(units, UnitType::action).empty());
}
