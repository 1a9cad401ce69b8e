// Where connections wait while no whole request has arrived on them: new ones, idle
// keep-alive ones, slow senders, and those closing. One thread watches them all with
// epoll, so no worker thread is ever held by a client that is slow to send, or by one
// that sends nothing; a connection goes to a worker only with a whole request head
// buffered. Each wait has a deadline: a request head must arrive whole within
// `request_deadline` however it trickles in (slowloris), an idle keep-alive connection
// closes after `idle`, and a closing one is drained for at most `linger`.
#pragma once

#include "connection.hpp"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace quorum::server {

struct WaitSettings {
    std::chrono::milliseconds request_deadline{10000};  // first byte to whole request head
    std::chrono::milliseconds idle{5000};               // keep-alive: last answer to first byte
    std::chrono::milliseconds linger{2000};             // closing: how long to drain
    std::size_t max_head = 32 * 1024;                   // a larger request head gets 431
    std::size_t linger_bytes = 1 << 20;                 // closing: at most this much drained
};

class WaitingRoom {
public:
    using Ready = std::function<void(std::shared_ptr<Connection>)>;
    // `ready` runs on the room's thread for each connection with a whole request head
    // buffered: it must hand the connection on without blocking.
    WaitingRoom(WaitSettings settings, Ready ready);
    ~WaitingRoom();  // stops the thread and closes every connection still waiting
    WaitingRoom(const WaitingRoom&) = delete;
    WaitingRoom& operator=(const WaitingRoom&) = delete;

    // A connection that has not sent a byte of its next request: `fresh` (just accepted)
    // gets request_deadline to send it whole, an idle keep-alive one `idle` to start.
    void wait_for_request(std::shared_ptr<Connection> connection, bool fresh);
    // Sends nothing more; drains what the client still sends (a refused body, say) for a
    // while, so the close does not reset an answer the client has not read yet.
    void close_gently(std::shared_ptr<Connection> connection);

    [[nodiscard]] std::size_t waiting() const;

private:
    enum class State { idle, arriving, closing };
    struct Entry {
        std::shared_ptr<Connection> connection;
        State state;
        Clock::time_point deadline;
        std::size_t discarded = 0;
    };
    void add(std::shared_ptr<Connection> connection, State state, Clock::time_point deadline);
    void run();
    void on_readable(int fd);
    void expire(Clock::time_point now);
    void remove(int fd);  // caller holds mutex_

    WaitSettings settings_;
    Ready ready_;
    int epoll_ = -1;
    int wake_ = -1;  // eventfd: wakes the thread to stop
    mutable std::mutex mutex_;
    std::unordered_map<int, Entry> entries_;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace quorum::server
