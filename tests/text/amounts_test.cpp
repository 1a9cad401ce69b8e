// Sums of money as councils print them (issue 17): the decisions' amounts, the index's amount
// value and the query's "amount:" ranges all read them with this one rule.
#include <catch2/catch.hpp>

#include "quorum/text/amounts.hpp"

using namespace quorum::text;

TEST_CASE("amounts: the shapes councils print, with their values", "[amounts]") {
    const auto a = read_amounts(
        "a budget of £1.2m, a grant of £250,000 and a further £3.5 million; the capital programme of £1.4bn; "
        "fees of £10.50 a visit and €40k from the fund; £ 5,000 for signs; costs of £2.5 billion over ten years.");
    REQUIRE(a.size() == 8);
    CHECK(a[0] == Amount{"£1.2m", 1200000, "GBP"});
    CHECK(a[1] == Amount{"£250,000", 250000, "GBP"});
    CHECK(a[2] == Amount{"£3.5 million", 3500000, "GBP"});
    CHECK(a[3] == Amount{"£1.4bn", 1400000000, "GBP"});
    CHECK(a[4] == Amount{"£10.50", 10.5, "GBP"});
    CHECK(a[5] == Amount{"€40k", 40000, "EUR"});
    CHECK(a[6] == Amount{"£ 5,000", 5000, "GBP"});
    CHECK(a[7] == Amount{"£2.5 billion", 2500000000, "GBP"});
}

TEST_CASE("amounts: a letter after the number is a word, not a multiplier, and a sign alone is nothing",
          "[amounts]") {
    auto a = read_amounts("£5 more was asked; the £ sign; £3 millionaires; a range of £1m-£2m.");
    REQUIRE(a.size() == 4);
    CHECK(a[0].value == 5);
    CHECK(a[1].value == 3);
    CHECK(a[2] == Amount{"£1m", 1000000, "GBP"});
    CHECK(a[3] == Amount{"£2m", 2000000, "GBP"});
    // Commas that do not group thousands end the number: "£12,5" is 12.
    a = read_amounts("£12,5 and £1,2345");
    REQUIRE(a.size() == 2);
    CHECK(a[0].value == 12);
    CHECK(a[1].value == 1);
}

// Review (2026-12-07): "€1.000.000" read as 1 and "£1.5 bn" as 1.5.
TEST_CASE("amounts: dots that group thousands, and a short multiplier after a space", "[amounts]") {
    auto a = read_amounts("an allocation of €1.000.000 and €2.500.000,50; a scheme of £1.5 bn and £40 k; €1.5 more");
    REQUIRE(a.size() == 5);
    CHECK(a[0] == Amount{"€1.000.000", 1000000, "EUR"});
    CHECK(a[1].value == 2500000.5);
    CHECK(a[2] == Amount{"£1.5 bn", 1500000000, "GBP"});
    CHECK(a[3].value == 40000);
    CHECK(a[4].value == 1.5);  // "more" is a word
}

TEST_CASE("amounts: what a user types in a range", "[amounts]") {
    CHECK(amount_value("1m") == 1000000);
    CHECK(amount_value("£250,000") == 250000);
    CHECK(amount_value("3.5million") == 3500000);
    CHECK(amount_value("40k") == 40000);
    CHECK(amount_value("2bn") == 2000000000);
    CHECK_FALSE(amount_value("lots"));
    CHECK_FALSE(amount_value("1m pounds"));
    CHECK_FALSE(amount_value(""));
}

// Left by the last session: "£1 000 000" read as 1. Spaces (and no-break or thin spaces)
// group thousands when every group after the first has three digits; "£5 more" stays 5.
TEST_CASE("amounts: thousands grouped by spaces", "[amounts]") {
    auto a = read_amounts("a fund of £1 000 000, then €2\xC2\xA0" "500\xC2\xA0" "000 and £12\xE2\x80\xAF" "500; £5 more and £10 12 items");
    REQUIRE(a.size() == 5);
    CHECK(a[0] == Amount{"£1 000 000", 1000000, "GBP"});
    CHECK(a[1].value == 2500000);
    CHECK(a[2].value == 12500);
    CHECK(a[3].value == 5);
    CHECK(a[4].value == 10);  // "12" is not a group of three
    CHECK(amount_value("1 500 000") == 1500000);
}
