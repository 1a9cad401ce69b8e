// The reviewed outcomes and statuses of the decisions of the 22 February 2022 minutes
// (corpus/samples/000_*.txt), items 63 to 69: the decisions library and the HTTP API are
// both checked against this one table. Item 63 approves the minutes; item 66's
// RECOMMENDATIONS (a noted and welcomed, b-d asked/suggested, no vote sentence) and ACTIONS
// 1; items 67-69 "proposed and seconded and carried unanimously"; the tracker (rows 13, 14)
// says "To be completed". Item 70's two AGREED points are checked by each test its own way.
#pragma once

namespace quorum::test {

struct ExpectedDecision {
    const char *item, *label, *kind, *result, *vote, *status;
};

inline constexpr ExpectedDecision kFebruary2022Decisions[] = {
    {"63", "", "resolution", "agreed", "", "no-action"},
    {"66", "a)", "recommendation", "noted", "", "no-action"},
    {"66", "b)", "recommendation", "agreed", "", "open"},
    {"66", "c)", "recommendation", "agreed", "", "open"},
    {"66", "d)", "recommendation", "agreed", "", "open"},
    {"66", "1.", "action", "agreed", "", "to be completed"},
    {"67", "a)", "recommendation", "agreed", "unanimous", "open"},
    {"67", "b)", "recommendation", "agreed", "unanimous", "open"},
    {"67", "c)", "recommendation", "agreed", "unanimous", "open"},
    {"67", "d)", "recommendation", "agreed", "unanimous", "open"},
    {"67", "1.", "action", "agreed", "", "to be completed"},
    {"68", "a)", "recommendation", "agreed", "unanimous", "open"},
    {"68", "b)", "recommendation", "agreed", "unanimous", "open"},
    {"69", "a)", "recommendation", "agreed", "unanimous", "open"},
    {"69", "b)", "recommendation", "agreed", "unanimous", "open"},
};

}  // namespace quorum::test
