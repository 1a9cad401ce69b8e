// One client connection, read through a buffer that lives as long as the connection.
// cpp-httplib 0.11.4 reads each request through a new SocketStream whose buffer dies with
// the request, so the bytes of a pipelined next request were dropped; here they wait
// for their turn. Reads also stop at a deadline for the whole request, not only after
// an idle gap that every trickled byte resets.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace quorum::server {

using Clock = std::chrono::steady_clock;

class Connection final : public httplib::Stream {
public:
    // Takes `fd` (an accepted TCP socket); the destructor closes it, then runs `on_close`.
    Connection(int fd, std::chrono::milliseconds io_timeout, std::function<void()> on_close = {});
    ~Connection() override;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    enum class Arrival { head_complete, waiting, closed, too_large };
    // Takes whatever has arrived, without blocking, and says whether a whole request head
    // (request line and headers) is now buffered; too_large when `max_head` bytes came
    // without one; closed at end of stream or on an error.
    Arrival take_arrived(std::size_t max_head);
    [[nodiscard]] bool head_buffered() const;  // a whole request head waits in the buffer
    [[nodiscard]] bool has_buffered() const noexcept { return start_ < buffer_.size(); }
    void drop_buffered() noexcept;

    // Reads fail once this passes (the whole request must have arrived by then).
    void set_deadline(Clock::time_point deadline) noexcept { deadline_ = deadline; }
    // Writes fail once this passes (an answer, however long, must be taken by then).
    void set_write_deadline(Clock::time_point deadline) noexcept { write_deadline_ = deadline; }
    // A write failed: the client is gone or stopped reading. Nothing more is sent.
    [[nodiscard]] bool broken() const noexcept { return broken_; }

    // Requests answered on this connection so far (for the per-connection limit).
    std::size_t answered = 0;

    // Writes `bytes` if the socket takes them at once; for short answers before a close.
    void send_now(std::string_view bytes) noexcept;
    // Ends the sending side, so the client reads everything sent and then end of stream.
    void shutdown_sending() noexcept;
    // Reads and throws away what has arrived, up to `limit` bytes in all; false at end of
    // stream, on an error or past the limit.
    bool discard_arrived(std::size_t& discarded, std::size_t limit) noexcept;

    // Runs once when the connection closes (the server's connection counts).
    void on_close(std::function<void()> f) { on_close_ = std::move(f); }

    [[nodiscard]] int fd() const noexcept { return fd_; }
    [[nodiscard]] const std::string& peer_ip() const noexcept { return peer_ip_; }

    // httplib::Stream, used by Server::process_request.
    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    // The library asks only to refuse sockets past select()'s FD_SETSIZE; this stream
    // never uses select(), so it reports a socket the check lets through.
    socket_t socket() const override;

private:
    int wait_for(short events) const;  // poll() until ready, the I/O timeout or the deadline

    int fd_;
    std::chrono::milliseconds io_timeout_;
    std::function<void()> on_close_;
    std::string buffer_;
    std::size_t start_ = 0;            // buffer_[start_..] is unread
    mutable std::size_t scanned_ = 0;  // buffer_[..scanned_] holds no head end past start_
    Clock::time_point deadline_ = Clock::time_point::max();
    Clock::time_point write_deadline_ = Clock::time_point::max();
    bool broken_ = false;
    std::string peer_ip_, local_ip_;
    int peer_port_ = 0, local_port_ = 0;
};

}  // namespace quorum::server
