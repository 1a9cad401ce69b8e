#include "http_errors.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace quorum::server {

HttpError error_for(std::exception_ptr error) noexcept {
    try {
        try {
            if (error) std::rethrow_exception(error);
            return {500, "internal", default_message(500), "no exception"};
        } catch (const std::invalid_argument& e) {
            return {400, "bad_request", e.what(), {}};
        } catch (const NotFound& e) {
            return {404, "not_found", e.what(), {}};
        } catch (const std::exception& e) {
            return {500, "internal", default_message(500), e.what()};
        } catch (...) {
            return {500, "internal", default_message(500), "unknown exception"};
        }
    } catch (...) {  // allocation failure while building the answer
        return {500, {}, {}, {}};
    }
}

std::string_view error_code(int status) noexcept {
    switch (status) {
        case 400:
            return "bad_request";
        case 404:
            return "not_found";
        case 405:
            return "method_not_allowed";
        case 408:
            return "request_timeout";
        case 413:
            return "payload_too_large";
        case 414:
            return "uri_too_long";
        case 416:
            return "range_not_satisfiable";
        case 431:
            return "headers_too_large";
        case 503:
            return "unavailable";
        default:
            return status >= 500 ? "internal" : "bad_request";
    }
}

std::string default_message(int status) {
    switch (status) {
        case 400:
            return "the request could not be understood: check its syntax and parameters";
        case 404:
            return "no such page: the API lives under /api/ (see /api/openapi.json)";
        case 405:
            return "only GET, HEAD and OPTIONS are supported";
        case 408:
            return "the request took too long to arrive";
        case 413:
            return "requests to this server carry no body";
        case 414:
            return "the address is too long: shorten the query";
        case 416:
            return "byte ranges are not supported";
        case 431:
            return "too many or too large request headers";
        case 503:
            return "the index is not available right now: try again shortly";
        default:
            return status >= 500 ? "the server failed to answer this request; it has been logged"
                                 : "the request could not be answered";
    }
}

std::string error_body(std::string_view code, std::string_view message) {
    nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}};
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void set_error(httplib::Response& res, int status, std::string_view message) {
    res.status = status;
    res.set_content(error_body(error_code(status), message), "application/json; charset=utf-8");
}

void set_error(httplib::Response& res, const HttpError& error) {
    res.status = error.status;
    const std::string message = error.message.empty() ? default_message(error.status) : error.message;
    const std::string_view code = error.code.empty() ? error_code(error.status) : std::string_view(error.code);
    res.set_content(error_body(code, message), "application/json; charset=utf-8");
}

}  // namespace quorum::server
