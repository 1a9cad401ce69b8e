#include "request_guard.hpp"

#include "http_errors.hpp"

#include <string_view>

namespace quorum::server {
namespace {

// Headers cpp-httplib adds itself after parsing; they are not the client's.
bool is_synthetic(std::string_view name) {
    return name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT";
}

// Unread bytes would be parsed as the next request on this connection: close it.
void refuse_and_close(httplib::Response& res, int status, std::string_view message) {
    set_error(res, status, message);
    res.set_header("Connection", "close");
}

}  // namespace

void drop_ranges(const httplib::Request& req) noexcept {
    // The Request object cpp-httplib hands us is its own non-const local: modifying it
    // through const_cast is well-defined, and it is the only hook before ranges apply.
    const_cast<httplib::Request&>(req).ranges.clear();
}

httplib::Server::HandlerResponse guard_request(const httplib::Request& req, httplib::Response& res,
                                               const GuardLimits& limits) {
    using R = httplib::Server::HandlerResponse;
    drop_ranges(req);  // Range is ignored (RFC 9110 allows it): every answer is whole

    std::size_t count = 0, bytes = 0;
    for (const auto& [name, value] : req.headers) {
        if (is_synthetic(name)) continue;
        ++count;
        bytes += name.size() + value.size() + 4;
    }
    if (count > limits.max_headers || bytes > limits.max_header_bytes) {
        refuse_and_close(res, 431,
                         "too many or too large request headers: at most " + std::to_string(limits.max_headers) +
                             " headers and " + std::to_string(limits.max_header_bytes / 1024) + " KB in all");
        return R::Handled;
    }

    const auto& m = req.method;
    if (m != "GET" && m != "HEAD" && m != "OPTIONS") {
        refuse_and_close(res, 405, default_message(405));
        res.set_header("Allow", "GET, HEAD, OPTIONS");
        return R::Handled;
    }

    // Two lengths make the request's end ambiguous (request smuggling behind a proxy).
    if (req.get_header_value_count("Content-Length") > 1) {
        refuse_and_close(res, 400, "a request may carry one Content-Length header, not several");
        return R::Handled;
    }
    const auto length = req.get_header_value("Content-Length");
    if ((!length.empty() && length.find_first_not_of('0') != std::string::npos) ||
        req.has_header("Transfer-Encoding")) {
        refuse_and_close(res, 413, default_message(413));
        return R::Handled;
    }

    if (m == "OPTIONS") {
        res.status = 204;
        res.set_header("Allow", "GET, HEAD, OPTIONS");
        res.set_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        res.set_header("Access-Control-Max-Age", "86400");
        return R::Handled;
    }
    return R::Unhandled;
}

}  // namespace quorum::server
