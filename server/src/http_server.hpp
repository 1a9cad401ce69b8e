// cpp-httplib's Server with the settings Quorum needs (see docs/SERVING.md for why), and
// its own handling of connections: cpp-httplib 0.11.4 holds a worker thread for as long
// as a connection is open, so slow or idle clients could hold them all, and it drops
// pipelined requests. Here connections wait in a WaitingRoom (one epoll thread) until a
// whole request head has arrived, workers only answer, requests already buffered are
// answered in order, and each client address may hold only so many connections.
#pragma once

#include "connection.hpp"
#include "waiting_room.hpp"

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace quorum::server {

struct ConnectionLimits {
    std::size_t per_client = 256;  // open connections per client address; 0: no limit
    std::size_t total = 4096;      // open connections in all (also bounded by open files)
    std::size_t requests_per_connection = 10000;
    std::chrono::milliseconds io_timeout{5000};          // each read or write must progress within it
    std::chrono::milliseconds response_deadline{60000};  // a whole answer must be taken within it
    WaitSettings wait;
};

class HttpServer : public httplib::Server {
public:
    explicit HttpServer(ConnectionLimits limits = {});
    ~HttpServer() override;

    // cpp-httplib 0.11.4 listens with a backlog of 5, which drops connections under
    // load. Call after bind_to_port(): listen() again on the bound socket raises it.
    bool raise_listen_backlog(int backlog);

    // Worker threads that answer requests (set before listening).
    void set_worker_threads(int threads);

    [[nodiscard]] std::size_t open_connections() const;
    [[nodiscard]] std::size_t waiting_connections() const { return room_->waiting(); }

protected:
    // Called by the accept loop on a worker: admits the connection and parks it.
    bool process_and_close_socket(socket_t sock) override;

private:
    class Workers;
    void serve(std::shared_ptr<Connection> connection);
    void hand_over(std::shared_ptr<Connection> connection);
    [[nodiscard]] int admit(const std::string& ip);  // 0, or the status that refuses it
    void release(const std::string& ip);

    ConnectionLimits limits_;
    mutable std::mutex mutex_;  // guards the counts and workers_
    std::unordered_map<std::string, std::size_t> per_client_;
    std::size_t open_ = 0;
    Workers* workers_ = nullptr;  // while listening
    std::unique_ptr<WaitingRoom> room_;
};

// Timeouts, keep-alive, payload limit, TCP_NODELAY and `threads` workers.
void tune(HttpServer& server, int threads);

}  // namespace quorum::server
