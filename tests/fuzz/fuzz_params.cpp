// libFuzzer target: a request's query string through the parsing the server uses
// (httplib's parse_query_text, as for req.params) and every endpoint's parameter table.
// A bad parameter must be std::invalid_argument (answered 400); anything else escaping,
// a crash or a sanitizer report is a defect. What is accepted must be in range.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include <httplib.h>

#include "params.hpp"

namespace {

[[noreturn]] void broken(const char* what) {
    std::fprintf(stderr, "fuzz: broken promise: %s\n", what);
    std::abort();
}

template <class F>
void parse(F&& f) {
    try {
        f();
    } catch (const std::invalid_argument&) {
        // a 400 naming the parameter: the expected answer to a bad request
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace quorum::server;
    const std::string query(reinterpret_cast<const char*>(data), size);
    QueryParams params;
    httplib::detail::parse_query_text(query, params);

    parse([&] {
        const SearchParams p = parse_search_params(params);
        if (p.request.page < 1 || p.request.per_page < 1 || p.request.per_page > 10000) broken("search page out of range");
        if (!is_valid_utf8(p.request.q)) broken("search q is not UTF-8");
    });
    parse([&] {
        const MeetingParams p = parse_meeting_params(params);
        if ((p.page && *p.page < 1) || (p.per_page && *p.per_page < 1)) broken("meetings page out of range");
    });
    parse([&] { (void)parse_decision_params(params); });
    parse([&] {
        const PeopleParams p = parse_people_params(params);
        if (p.page < 1 || p.per_page < 1) broken("people page out of range");
        if (!is_valid_utf8(p.q)) broken("people q is not UTF-8");
    });
    parse([&] { (void)parse_committees_params(params); });
    for (const auto& [key, value] : params) {
        (void)is_valid_id(value);
        (void)is_valid_date(value);
    }
    return 0;
}
