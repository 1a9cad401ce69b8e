// The one place where exceptions and failures become HTTP status codes and JSON
// error bodies: {"error": {"code": "...", "message": "..."}}.
#pragma once

#include <exception>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace httplib {
struct Response;
}

namespace quorum::server {

// Thrown by handlers for a well-formed request naming something that does not exist.
// A caller mistake is std::invalid_argument (400).
class NotFound : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct HttpError {
    int status = 500;
    std::string code;     // machine-readable, e.g. "bad_request"
    std::string message;  // safe to show to the client
    std::string detail;   // for the server's log only (e.what() of unexpected failures)
    std::vector<std::string> missing_shards;  // a shard set's shards that could not answer (503)
};

// std::invalid_argument -> 400 with its message; NotFound -> 404 with its message;
// query::IndexUnavailable -> 503 (the reason goes to `detail`: /healthz shows it);
// query::ShardsUnavailable -> 503 naming the shards in "missing_shards";
// anything else -> 500 with a generic message (the real one goes to `detail`).
[[nodiscard]] HttpError error_for(std::exception_ptr error) noexcept;

[[nodiscard]] std::string_view error_code(int status) noexcept;
[[nodiscard]] std::string default_message(int status);

// {"error":{"code":...,"message":...}} as compact JSON (invalid UTF-8 replaced).
[[nodiscard]] std::string error_body(std::string_view code, std::string_view message,
                                     const std::vector<std::string>& missing_shards = {});

// A whole HTTP/1.1 response with that JSON error, closing the connection: for answers
// written before or outside cpp-httplib (a request head too large or too slow to arrive,
// too many connections).
[[nodiscard]] std::string raw_error_response(int status, std::string_view message);

// Sets status, JSON body and content type on `res`.
void set_error(httplib::Response& res, int status, std::string_view message);
void set_error(httplib::Response& res, const HttpError& error);

}  // namespace quorum::server
