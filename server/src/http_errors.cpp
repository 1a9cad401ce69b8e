#include "http_errors.hpp"

#include <httplib.h>
#include <quorum/query/searcher.hpp>
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
        } catch (const query::ShardsUnavailable& e) {
            HttpError out{503, "unavailable",
                          "part of the index cannot be searched right now: try again shortly (the server's "
                          "operator can see which shards at /healthz)",
                          e.what(), e.names()};
            return out;
        } catch (const query::IndexUnavailable& e) {
            return {503, "unavailable",
                    e.lasting() ? "the index cannot be read: the server's operator can see why at /healthz"
                                : "the index was being rewritten: try again",
                    e.what()};
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
        case 429:
            return "too_many_requests";
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
            return "the request took too long to arrive: send it whole, without pauses";
        case 413:
            return "requests to this server carry no body";
        case 414:
            return "the address is too long: shorten the query";
        case 416:
            return "byte ranges are not supported";
        case 429:
            return "too many connections from this address at once: close some, then try again";
        case 431:
            return "too many or too large request headers";
        case 503:
            return "the index is not available right now: try again shortly";
        default:
            return status >= 500 ? "the server failed to answer this request; it has been logged"
                                 : "the request could not be answered";
    }
}

std::string error_body(std::string_view code, std::string_view message,
                       const std::vector<std::string>& missing_shards) {
    nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}};
    if (!missing_shards.empty()) body["error"]["missing_shards"] = missing_shards;
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

std::string_view reason_phrase(int status) {
    switch (status) {
        case 408:
            return "Request Timeout";
        case 429:
            return "Too Many Requests";
        case 431:
            return "Request Header Fields Too Large";
        case 503:
            return "Service Unavailable";
        default:
            return status >= 500 ? "Internal Server Error" : "Bad Request";
    }
}

}  // namespace

std::string raw_error_response(int status, std::string_view message) {
    const std::string body = error_body(error_code(status), message);
    return "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason_phrase(status)) +
           "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n" + body;
}

void set_error(httplib::Response& res, int status, std::string_view message) {
    res.status = status;
    res.set_content(error_body(error_code(status), message), "application/json; charset=utf-8");
}

void set_error(httplib::Response& res, const HttpError& error) {
    res.status = error.status;
    const std::string message = error.message.empty() ? default_message(error.status) : error.message;
    const std::string_view code = error.code.empty() ? error_code(error.status) : std::string_view(error.code);
    res.set_content(error_body(code, message, error.missing_shards), "application/json; charset=utf-8");
}

}  // namespace quorum::server
