#include "http_server.hpp"

#include "http_errors.hpp"

#include <sys/resource.h>
#include <sys/socket.h>

#include <algorithm>

namespace quorum::server {
namespace {

// Set by the post-routing hook when the answer being written closes the connection
// (the guard's refusals, "Connection: close"): process_request does not report it.
thread_local bool answer_closes = false;

// Open files this process may have; connections beyond what it allows fail to accept.
std::size_t open_file_limit() {
    rlimit r{};
    if (::getrlimit(RLIMIT_NOFILE, &r) != 0 || r.rlim_cur == RLIM_INFINITY) return 1 << 20;
    return static_cast<std::size_t>(r.rlim_cur);
}

}  // namespace

// cpp-httplib's pool of worker threads, which tells the server when it shuts down so
// that no connection is handed to it afterwards.
class HttpServer::Workers final : public httplib::ThreadPool {
public:
    Workers(HttpServer& owner, std::size_t n) : httplib::ThreadPool(n), owner_(owner) {
        std::lock_guard lock(owner_.mutex_);
        owner_.workers_ = this;
    }
    void shutdown() override {
        {
            std::lock_guard lock(owner_.mutex_);
            if (owner_.workers_ == this) owner_.workers_ = nullptr;
        }
        httplib::ThreadPool::shutdown();
    }

private:
    HttpServer& owner_;
};

HttpServer::HttpServer(ConnectionLimits limits) : limits_(limits) {
    // Keep room for the index's files, the log and the listening socket.
    limits_.total = std::min(limits_.total, open_file_limit() > 128 ? open_file_limit() - 64 : 64);
    room_ =
        std::make_unique<WaitingRoom>(limits_.wait, [this](std::shared_ptr<Connection> c) { hand_over(std::move(c)); });
    set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.get_header_value("Connection") == "close") answer_closes = true;
    });
    // A client reusing the connection just as it expires would meet a reset: advertise
    // a second less than the waiting room allows.
    // Only named in each answer's Keep-Alive header: the waiting room enforces them.
    set_keep_alive_max_count(limits_.requests_per_connection);
    set_keep_alive_timeout(
        std::max<time_t>(1, std::chrono::duration_cast<std::chrono::seconds>(limits_.wait.idle).count() - 1));
    set_worker_threads(16);
}

HttpServer::~HttpServer() {
    room_.reset();  // closes the waiting connections while the counts still exist
}

bool HttpServer::raise_listen_backlog(int backlog) {
    const auto fd = svr_sock_.load();
    return fd != INVALID_SOCKET && ::listen(fd, backlog) == 0;
}

void HttpServer::set_worker_threads(int threads) {
    const auto n = static_cast<std::size_t>(std::max(1, threads));
    new_task_queue = [this, n] { return new Workers(*this, n); };
}

std::size_t HttpServer::open_connections() const {
    std::lock_guard lock(mutex_);
    return open_;
}

int HttpServer::admit(const std::string& ip) {
    std::lock_guard lock(mutex_);
    if (open_ >= limits_.total) return 503;
    auto& mine = per_client_[ip];
    if (limits_.per_client > 0 && mine >= limits_.per_client) {
        if (mine == 0) per_client_.erase(ip);
        return 429;
    }
    ++mine;
    ++open_;
    return 0;
}

void HttpServer::release(const std::string& ip) {
    std::lock_guard lock(mutex_);
    --open_;
    if (auto it = per_client_.find(ip); it != per_client_.end() && --it->second == 0) per_client_.erase(it);
}

bool HttpServer::process_and_close_socket(socket_t sock) {
    std::shared_ptr<Connection> connection;
    try {
        connection = std::make_shared<Connection>(sock, limits_.io_timeout);
    } catch (...) {  // out of memory: refuse this one, keep serving
        ::close(sock);
        return false;
    }
    const std::string ip = connection->peer_ip();
    if (const int refused = admit(ip)) {
        // Closed at once, not drained: lingering would hold a descriptor the limits do not count.
        connection->send_now(raw_error_response(
            refused,
            refused == 429 ? default_message(429) : "the server has too many connections open: try again shortly"));
        connection->shutdown_sending();
        return false;
    }
    connection->on_close([this, ip] { release(ip); });
    room_->wait_for_request(std::move(connection), true);
    return true;
}

// Runs on the room's thread: queue the connection for a worker, or close it when the
// server is stopping.
void HttpServer::hand_over(std::shared_ptr<Connection> connection) {
    std::lock_guard lock(mutex_);
    if (workers_ == nullptr || svr_sock_ == INVALID_SOCKET) return;  // closes it
    workers_->enqueue([this, c = std::move(connection)]() mutable { serve(std::move(c)); });
}

// Answers every request already buffered on the connection, in order, then parks it
// again to wait for the next one.
void HttpServer::serve(std::shared_ptr<Connection> connection) {
    for (;;) {
        if (svr_sock_ == INVALID_SOCKET) return;  // stopping
        // A next request already buffered, or already in the socket, is answered at once;
        // otherwise the connection waits in the waiting room, holding no worker.
        if (connection->take_arrived(limits_.wait.max_head) != Connection::Arrival::head_complete) {
            room_->wait_for_request(std::move(connection), false);
            return;
        }
        const bool last = ++connection->answered >= limits_.requests_per_connection;
        bool closed = false, parsed = false;
        answer_closes = false;
        connection->set_write_deadline(Clock::now() + limits_.response_deadline);
        // setup_request runs once the request line and headers parse. When they do not,
        // the library answers 400 or 414 from the middle of the head: the rest of it
        // must not be read as further requests, so the connection ends.
        const bool ok = process_request(*connection, last, closed, [&parsed](httplib::Request&) { parsed = true; });
        if (!ok || closed || last || answer_closes || !parsed || connection->broken()) {
            if (!connection->broken()) room_->close_gently(std::move(connection));
            return;
        }
    }
}

void tune(HttpServer& server, int threads) {
    // Without TCP_NODELAY, Nagle holds the second of the two writes of each response
    // (about 40 ms per request).
    server.set_tcp_nodelay(true);
    server.set_payload_max_length(1024);  // no endpoint takes a body
    // cpp-httplib's default also sets SO_REUSEPORT, which lets a second server (or any
    // process of the same user) bind the same port and take a share of the connections.
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    server.set_worker_threads(threads);
}

}  // namespace quorum::server
