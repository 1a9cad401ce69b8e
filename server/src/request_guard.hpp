// Checks run before routing (and before cpp-httplib 0.11.4 reads any body): the
// server needs no request bodies, so anything but GET/HEAD/OPTIONS is refused, and
// the library's unbounded headers and multi-range handling are defused here.
#pragma once

#include <httplib.h>

#include <cstddef>

namespace quorum::server {

struct GuardLimits {
    std::size_t max_headers = 100;             // header lines sent by the client
    std::size_t max_header_bytes = 16 * 1024;  // names + values, all headers together
};

// Handled (with a JSON error or the OPTIONS answer in `res`) when the request must
// not be routed; Unhandled otherwise. Drops any Range header's parsed ranges so no
// response is ever cut into (multi-)ranges.
httplib::Server::HandlerResponse guard_request(const httplib::Request& req, httplib::Response& res,
                                               const GuardLimits& limits);

// cpp-httplib would apply a Range header's byte ranges even to error bodies: clear them.
void drop_ranges(const httplib::Request& req) noexcept;

}  // namespace quorum::server
