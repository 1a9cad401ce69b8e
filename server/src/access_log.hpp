// One line per request (time, client, method, target, status, bytes, milliseconds),
// control characters escaped so a request cannot forge log lines. Lines are gathered in
// memory and written by one background thread at least every 50 ms (and on close), so
// a request never waits on the log's file or terminal: one write() per batch, not per line.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

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
    // Writes out everything gathered so far (also done by the destructor).
    void flush() noexcept;

private:
    AccessLog(int fd, bool owned);
    void append(const std::string& line) noexcept;
    void write_all(const std::string& text) noexcept;
    void run() noexcept;

    int fd_;
    bool owned_;
    std::mutex mutex_;        // guards pending_, dropped_, stopping_
    std::mutex write_mutex_;  // one writer at a time keeps batches in order
    std::condition_variable wake_;
    std::string pending_;
    std::size_t dropped_ = 0;  // lines lost because the output could not keep up
    bool stopping_ = false;
    std::thread writer_;
};

}  // namespace quorum::server
