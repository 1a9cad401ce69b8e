#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "quorum/corpus/dates.hpp"

using namespace quorum::corpus;

TEST_CASE("find_date reads dates as councils print them", "[dates]") {
    CHECK(find_date("Tuesday 22 February 2022") == "2022-02-22");
    CHECK(find_date("held at Council Offices on 22nd March 2022 at 2.30 pm") == "2022-03-22");
    CHECK(find_date("Meeting date: Thursday 31 March 2022") == "2022-03-31");
    CHECK(find_date("on the 3rd of May 2024") == "2024-05-03");
    CHECK(find_date("Date: 22/02/2022") == "2022-02-22");
    CHECK(find_date("ISO 2022-02-22 form") == "2022-02-22");
    CHECK(find_date("Wednesday, March 3, 2021") == "2021-03-03");
    CHECK(find_date("Monday 10 Sept 2018") == "2018-09-10");
}

TEST_CASE("find_date returns the first date and rejects impossible ones", "[dates]") {
    CHECK(find_date("from 1 April 2021 to 31 March 2022") == "2021-04-01");
    CHECK(find_date("31 February 2022") == std::nullopt);
    CHECK(find_date("paragraph 3.6.1 and 12 pupils") == std::nullopt);
    CHECK(find_date("May the committee note 3 items") == std::nullopt);
    CHECK(find_date("") == std::nullopt);
}

TEST_CASE("parse_numeric_date accepts a whole UK numeric date only", "[dates]") {
    CHECK(parse_numeric_date("22/03/22") == "2022-03-22");
    CHECK(parse_numeric_date(" 01/09/21 ") == "2021-09-01");
    CHECK(parse_numeric_date("22/03/2022") == "2022-03-22");
    CHECK(parse_numeric_date("22/03/2022 extra") == std::nullopt);
    CHECK(parse_numeric_date("13/13/2022") == std::nullopt);
    CHECK(parse_numeric_date("Ongoing") == std::nullopt);
}

TEST_CASE("find_time reads 12 and 24 hour clock times", "[dates]") {
    CHECK(find_time("The meeting began at 2.30 pm") == "14:30");
    CHECK(find_time("at 2:30pm") == "14:30");
    CHECK(find_time("10.15 a.m.") == "10:15");
    CHECK(find_time("Time: 14:00") == "14:00");
    CHECK(find_time("12 noon or 12pm") == "12:00");
    CHECK(find_time("7pm") == "19:00");
    CHECK(find_time("section 3.6 of the report") == std::nullopt);
    CHECK(find_time("on 22.02.2022") == std::nullopt);
}

TEST_CASE("find_date_near resolves a date without a year against the meeting date", "[dates]") {
    CHECK(find_date_near("next meeting on 17 September", "2018-07-10") == "2018-09-17");
    CHECK(find_date_near("Tuesday 26 April", "2022-03-22") == "2022-04-26");
    CHECK(find_date_near("on 10 January", "2021-12-14") == "2022-01-10");
    CHECK(find_date_near("met on 20 November", "2022-01-10") == "2021-11-20");
    CHECK(find_date_near("full date 1 May 2020 wins", "2022-01-10") == "2020-05-01");
    CHECK(find_date_near("no date here", "2022-01-10") == std::nullopt);
}

// Regression (issue 15, fuzzing): the header readers found where a date begins by calling
// find_date on the suffix at every word start, quadratic in a header's length (a 10 KB
// header took over 10 s instrumented). They now take find_date_match's offset, which is
// only right if cutting the text at any word start up to it leaves the same first date.
TEST_CASE("find_date_match gives the date find_date gives and where it begins, cutting before it keeps it",
          "[dates]") {
    const std::vector<std::string> texts = {
        "MINUTES of the meeting of the Cabinet held on Tuesday 22 February 2022 at 2.30 pm",
        "Minutes of a meeting held at County Hall, Maidstone on Thursday, 3 March 2022.",
        "Present: Mr A Smith (Chairman) 22/02/2022 and then 1 April 2021",
        "Meeting of Council, Wednesday, March 3, 2021 at 7pm",
        "on the 3rd of May 2024 in the Council Chamber",
        "Held remotely  on   22nd  March 2022",
        "report 3.6.1 dated 2022-02-22 and 22 February 2022",
        "22 February 2022",
        "ref 12/2021/3 then on22 February 2022",
        "no date here at all",
    };
    for (const auto& s : texts) {
        INFO(s);
        const auto match = find_date_match(s);
        REQUIRE(match.has_value() == find_date(s).has_value());
        if (!match) continue;
        CHECK(match->date == *find_date(s));
        CHECK(find_date(std::string_view(s).substr(match->begin)) == match->date);
        for (std::size_t cut = 1; cut <= match->begin; ++cut)
            if (s[cut - 1] == ' ' && s[cut] != ' ') CHECK(find_date(std::string_view(s).substr(cut)) == match->date);
    }
    CHECK(find_date_match("Held on 22 February 2022")->begin == 8);
    CHECK(find_date_match("Date: 22/02/2022")->begin == 6);
    CHECK(find_date_match("Wednesday, March 3, 2021")->begin == 11);
    CHECK_FALSE(find_date_match("31 February 2022").has_value());
}
