#include "params.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

using quorum::server::parse_meeting_params;
using quorum::server::parse_search_params;
using quorum::server::QueryParams;

namespace {

// The message of the std::invalid_argument parsing `params` throws, or "" if none.
std::string search_error(const QueryParams& params) {
    try {
        (void)parse_search_params(params);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return {};
}

std::string meetings_error(const QueryParams& params) {
    try {
        (void)parse_meeting_params(params);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST_CASE("search parameters default to the first page of ten hits by relevance", "[params]") {
    const auto p = parse_search_params({});
    CHECK(p.request.q.empty());
    CHECK(p.request.page == 1);
    CHECK(p.request.per_page == 10);
    CHECK(p.request.sort == quorum::query::Sort::relevance);
    CHECK(p.request.include_procedural);
    CHECK(p.format == quorum::server::Format::json);
}

TEST_CASE("search parameters are read into the request, repeated filters as OR lists", "[params]") {
    const auto p = parse_search_params({{"q", "foster carers"},
                                        {"committee", "children-and-young-people-scrutiny-committee"},
                                        {"type", "resolution"},
                                        {"type", "action"},
                                        {"status", "overdue"},
                                        {"year", "2022"},
                                        {"from", "2022-01-01"},
                                        {"to", "2022-12-31"},
                                        {"sort", "newest"},
                                        {"page", "3"},
                                        {"per_page", "100"},
                                        {"format", "csv"},
                                        {"procedural", "false"},
                                        {"_", "1700000000"}});
    CHECK(p.request.q == "foster carers");
    CHECK(p.request.committee == std::vector<std::string>{"children-and-young-people-scrutiny-committee"});
    CHECK(p.request.type == std::vector<std::string>{"resolution", "action"});
    CHECK(p.request.status == std::vector<std::string>{"overdue"});
    CHECK(p.request.year == std::vector<std::string>{"2022"});
    CHECK(p.request.from == "2022-01-01");
    CHECK(p.request.to == "2022-12-31");
    CHECK(p.request.sort == quorum::query::Sort::newest);
    CHECK(p.request.page == 3);
    CHECK(p.request.per_page == 100);
    CHECK_FALSE(p.request.include_procedural);
    CHECK(p.format == quorum::server::Format::csv);
}

TEST_CASE("empty parameter values count as not given, as HTML forms send them", "[params]") {
    const auto p = parse_search_params({{"page", ""}, {"committee", ""}, {"from", ""}, {"sort", ""}});
    CHECK(p.request.page == 1);
    CHECK(p.request.committee.empty());
    CHECK(p.request.from.empty());
}

TEST_CASE("every bad search parameter is named in the error", "[params]") {
    struct Case {
        QueryParams params;
        std::string expected;
    };
    const std::string long_q(1001, 'a');
    const Case cases[] = {
        {{{"per_page", "0"}}, "per_page must be a whole number from 1 to 100"},
        {{{"per_page", "101"}}, "per_page must be a whole number from 1 to 100"},
        {{{"per_page", "ten"}}, "per_page must be a whole number from 1 to 100"},
        {{{"per_page", "10.5"}}, "per_page must be a whole number from 1 to 100"},
        {{{"page", "0"}}, "page must be a whole number from 1 to 1000"},
        {{{"page", "1001"}}, "page must be a whole number from 1 to 1000"},
        {{{"page", "-1"}}, "page must be a whole number from 1 to 1000"},
        {{{"page", "99999999999999999999999"}}, "page must be a whole number from 1 to 1000"},
        {{{"page", "1"}, {"page", "2"}}, "page must be given at most once"},
        {{{"q", long_q}}, "q must be at most 1000 characters long"},
        {{{"q", "foster\xff\xfe"}}, "q must be valid UTF-8 text"},
        {{{"q", "\xc0\xaf"}}, "q must be valid UTF-8 text"},      // overlong '/'
        {{{"q", "\xed\xa0\x80"}}, "q must be valid UTF-8 text"},  // a surrogate
        {{{"q", std::string("a\0b", 3)}}, "q must not contain control characters"},
        {{{"committee", "Children"}}, "committee must be an id"},
        {{{"committee", "../../etc/passwd"}}, "committee must be an id"},
        {{{"person", "helen ianson"}}, "person must be an id"},
        {{{"topic", std::string(201, 'a')}}, "topic must be an id"},
        {{{"type", "<script>"}}, "type must be an id"},
        {{{"kind", ".."}}, "kind must be an id"},
        {{{"outcome", "A"}}, "outcome must be an id"},
        {{{"status", "over due"}}, "status must be an id"},
        {{{"year", "22"}}, "year must be a four-digit year"},
        {{{"from", "22/02/2022"}}, "from must be a date written YYYY-MM-DD"},
        {{{"from", "2022-02-30"}}, "from must be a real calendar date: 2022-02-30 does not exist"},
        {{{"to", "2023-02-29"}}, "to must be a real calendar date"},
        {{{"to", "2022-13-01"}}, "to must be a real calendar date"},
        {{{"to", "2022-1-1"}}, "to must be a date written YYYY-MM-DD"},
        {{{"from", "2023-01-01"}, {"to", "2022-01-01"}}, "from (2023-01-01) must not be after to (2022-01-01)"},
        {{{"sort", "best"}}, "sort must be relevance, newest, oldest or amount"},
        {{{"format", "xml"}}, "format must be json, csv or atom"},
        {{{"procedural", "yes"}}, "procedural must be true or false"},
        {{{"mode", "semantic"}}, "mode must be hybrid or keyword"},
        {{{"like", "../secret"}}, "like must be an id"},
    };
    for (const auto& c : cases) {
        INFO("expected: " << c.expected);
        CHECK_THAT(search_error(c.params), Catch::StartsWith(c.expected));
    }
}

TEST_CASE("a filter repeated more than fifty times is refused", "[params]") {
    QueryParams params;
    for (int i = 0; i < 51; ++i) params.emplace("topic", "t" + std::to_string(i));
    CHECK_THAT(search_error(params), Catch::StartsWith("topic may be repeated at most 50 times"));
}

TEST_CASE("a query of exactly 1000 characters, counted as characters not bytes, is accepted", "[params]") {
    std::string q;
    for (int i = 0; i < 1000; ++i) q += "\xc3\xa9";  // é: 2000 bytes, 1000 characters
    CHECK(search_error({{"q", q}}).empty());
    CHECK(parse_search_params({{"q", q}}).request.q == q);
}

TEST_CASE("leap days exist only in leap years", "[params]") {
    using quorum::server::is_valid_date;
    CHECK(is_valid_date("2024-02-29"));
    CHECK(is_valid_date("2000-02-29"));
    CHECK_FALSE(is_valid_date("1900-02-29"));
    CHECK_FALSE(is_valid_date("2022-02-29"));
    CHECK(is_valid_date("2022-12-31"));
    CHECK_FALSE(is_valid_date("2022-04-31"));
    CHECK_FALSE(is_valid_date("0000-01-01"));
}

TEST_CASE("ids are lowercase slugs that cannot climb out of a path", "[params]") {
    using quorum::server::is_valid_id;
    CHECK(is_valid_id("samples-001-8fed95a2e73ba999-p3-u0012"));
    CHECK(is_valid_id("children-and-young-people-scrutiny-committee-2022-02-22"));
    CHECK_FALSE(is_valid_id(""));
    CHECK_FALSE(is_valid_id(".."));
    CHECK_FALSE(is_valid_id("../etc"));
    CHECK_FALSE(is_valid_id("a/b"));
    CHECK_FALSE(is_valid_id("A"));
    CHECK_FALSE(is_valid_id("a%2f"));
    CHECK(is_valid_id(std::string(200, 'a')));
    CHECK_FALSE(is_valid_id(std::string(201, 'a')));
}

TEST_CASE("meeting parameters list every meeting unless a page is asked for", "[params]") {
    const auto all = parse_meeting_params({{"committee", "cabinet"}});
    CHECK(all.filter.committee == "cabinet");
    CHECK_FALSE(all.page);
    CHECK_FALSE(all.per_page);
    const auto paged = parse_meeting_params({{"per_page", "1000"}});
    CHECK(paged.page == 1);
    CHECK(paged.per_page == 1000);
}

TEST_CASE("every bad meetings parameter is named in the error", "[params]") {
    CHECK_THAT(meetings_error({{"per_page", "1001"}}),
               Catch::StartsWith("per_page must be a whole number from 1 to 1000"));
    CHECK_THAT(meetings_error({{"committee", "a"}, {"committee", "b"}}),
               Catch::StartsWith("committee must be given at most once"));
    CHECK_THAT(meetings_error({{"from", "2022-02-30"}}), Catch::StartsWith("from must be a real calendar date"));
    CHECK_THAT(meetings_error({{"from", "2022-03-01"}, {"to", "2022-02-01"}}),
               Catch::StartsWith("from (2022-03-01) must not be after to"));
}
