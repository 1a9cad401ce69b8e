// Action trackers: one action unit per row, dates and statuses normalised (seed 001).
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

// 001_8fed95a2e73ba999.txt lines 288-307
constexpr const char* kTracker =
    "COMPLETED ACTIONS WILL BE MOVED TO THE 'REPORTED COMPLETE' TAB ONCE\n"
    "\n"
    "BLUE TEXT INDICATES NEW ACTIONS ADDED\n"
    "\n"
    "Action Number\tMeeting Date\tAction\tOwner\tDirectorate\tProgress Update\tDue date\tReported complete\n"
    "1\t07/09/21\tcheck and confirm if the Human Rights Act is highlighted as a workshop requirement for social "
    "workers\tClaire Ward\tCorporate Centre\tLegal services checking\t02/11/21\tOVERDUE\n"
    "2\t07/09/21\tprovide an example of an induction pack for new starters\tClaire Ward\tCorporate Centre\tLegal "
    "services checking\t02/11/21\tOVERDUE\n"
    "3\t07/09/21\tseek an update on the schools update briefing promised on 28 July 2020.\tClerk to the "
    "committee\tCorporate Centre\tUpdates added to recommendation tracker\t02/11/21\tCOMPLETED\n"
    "4\t05/08/21\tAdvertise and recruit to the Co-optee positions\tClerk to the committee\tCorporate "
    "Centre\tCompleted\t01/09/21\tCOMPLETED\n"
    "5\t12/10/21\tCirculate to the Committee the Key Performance Indicators (KPIs) of the Children's Centre Service "
    "contracts, with comparisons of the different providers used within the County.\tRichard Watson\t\tTo be "
    "completed\t07/12/21\tOVERDUE\n"
    "6\t12/10/21\tThe Deputy Monitoring Officer to provide the Committee with the current procurement rules, including "
    "the guidance on current exemptions to these rules.\tKate Charlton\tCorporate Centre\tLegal services "
    "checking\t07/12/21\tOVERDUE\n"
    "7\t12/10/21\tInformation on the Friends of Ledbury to be forwarded to the Committee.\tRichard Watson\t\tTo be "
    "completed\t07/12/21\tOVERDUE\n"
    "8\t23/11/21\tThe IRO to be shared with the Safeguarding Partnership\tMatthew Sampson\tChildren's "
    "Services\tCompleted. Sent to the Quality and Executive sub-group of the Safeguarding "
    "Partnership\t01/01/22\tCOMPLETED\n"
    "9\t23/11/21\tThat the IRO handbook be circulated to all members of the Committee for information\tMatthew "
    "Sampson\tChildren's Services\tNoted\t01/03/22\tIN PROGRESS\n"
    "10\t23/11/21\tThat the Committee receive an update on the next IRO report\t\t\tTarget of getting the IRO report "
    "2021-22 to Scrutiny much earlier, hopefully June /July before then being sent to the Safeguarding "
    "Partnership\t01/04/22\tIN PROGRESS\n"
    "11\t23/11/21\tThat the rag rating system used for the Strategic Improvement Plan be implemented for Scrutiny "
    "reports\tDarryl Freeman\tChildren's Services\tNoted\t14/02/22\tCOMPLETED\n"
    "12\t23/11/21\tThat Members be sent the link to the advertisements that have gone out for the co-optee "
    "positions\tJoanna Morley\tCorporate Centre\tCompleted\t23/11/21\tCOMPLETED\n"
    "13\t12/02/22\tThat quantitative data for the report presented be sent to Committee Members\tMatthew "
    "Sampson\tChildren's Services\tTo be completed\t\t\n"
    "14\t12/02/22\tThe Director for Children's Services would provide the Committee with the data on how long it took "
    "to get a statement of education need.\tDarryl Freeman\tChildren's Services\tTo be completed\t\t\n"
    "15\t22/03/22\tSend out a report and update of the work programme and statement of next meetings.\tClerk to the "
    "committee\tCorporate Centre\tNoted\t\t\n";

}  // namespace

TEST_CASE("Seed 001 tracker: fifteen actions, one per row", "[tracker]") {
    const auto units = units_of(kTracker);
    const auto actions = of_type(units, UnitType::action);
    REQUIRE(actions.size() == 15);
    CHECK(of_type(units, UnitType::table).empty());
    const ActionInfo& first = *actions[0]->action;
    CHECK(first.number == "1");
    CHECK(first.meeting_date == "2021-09-07");
    CHECK(first.due_date == "2021-11-02");
    CHECK(first.owner == "Claire Ward");
    CHECK(first.directorate == "Corporate Centre");
    CHECK(first.progress == "Legal services checking");
    CHECK(first.status == "overdue");
    CHECK(first.action ==
          "check and confirm if the Human Rights Act is highlighted as a workshop requirement for social workers");
    CHECK(actions[0]->number == "1");
    CHECK(actions[14]->action->number == "15");
}

TEST_CASE("Seed 001 tracker statuses: 5 overdue, 5 completed, 2 in progress, 3 empty", "[tracker]") {
    std::map<std::string, int> counts;
    const auto units = units_of(kTracker);
    for (const Unit* u : of_type(units, UnitType::action)) ++counts[u->action->status];
    CHECK(counts["overdue"] == 5);
    CHECK(counts["completed"] == 5);
    CHECK(counts["in progress"] == 2);
    CHECK(counts[""] == 3);
}

TEST_CASE("Empty tracker cells stay empty: no owner, no due date", "[tracker]") {
    const auto actions_units = units_of(kTracker);
    const auto actions = of_type(actions_units, UnitType::action);
    REQUIRE(actions.size() == 15);
    CHECK(actions[4]->action->directorate.empty());  // row 5 has no directorate
    CHECK(actions[9]->action->owner.empty());        // row 10 has no owner
    CHECK(actions[12]->action->due_date.empty());
    CHECK(actions[12]->action->status.empty());
    CHECK(actions[14]->action->meeting_date == "2022-03-22");
}
