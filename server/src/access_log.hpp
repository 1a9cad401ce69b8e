// One line per request (time, client, method, target, status, bytes, milliseconds),
// control characters escaped so a request cannot forge log lines.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace quorum::server {

class AccessLog {
public:
    // "-": stderr; "off": nothing; else a file opened for appending.
    // Throws std::runtime_error when the file cannot be opened.
    static std::unique_ptr<AccessLog> open(const std::string& target);
    ~AccessLog();

    // Marks the start of the request being handled on this thread.
    static void request_started() noexcept;
    // Counts bytes of a streamed (chunked) body sent on this thread.
    static void add_streamed_bytes(std::size_t n) noexcept;

    void write(const httplib::Request& req, const httplib::Response& res) noexcept;
    // A server-side note, such as the real reason of a 500.
    void note(std::string_view message) noexcept;

private:
    explicit AccessLog(int fd, bool owned) : fd_(fd), owned_(owned) {}
    void write_line(const std::string& line) noexcept;
    int fd_;
    bool owned_;
};

}  // namespace quorum::server
