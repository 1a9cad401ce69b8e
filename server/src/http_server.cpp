#include "http_server.hpp"

#include <sys/socket.h>

namespace quorum::server {

bool HttpServer::raise_listen_backlog(int backlog) {
    const auto fd = svr_sock_.load();
    return fd != INVALID_SOCKET && ::listen(fd, backlog) == 0;
}

void tune(httplib::Server& server, int threads) {
    // Without TCP_NODELAY, Nagle holds the second of the two writes of each response
    // (about 40 ms per request); the defaults also close keep-alive after 5 requests.
    server.set_tcp_nodelay(true);
    server.set_keep_alive_max_count(10000);
    server.set_keep_alive_timeout(5);
    server.set_read_timeout(5, 0);
    server.set_write_timeout(5, 0);
    server.set_payload_max_length(1024);  // no endpoint takes a body
    // cpp-httplib's default also sets SO_REUSEPORT, which lets a second server (or any
    // process of the same user) bind the same port and take a share of the connections.
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    const auto n = static_cast<std::size_t>(threads);
    server.new_task_queue = [n] { return new httplib::ThreadPool(n); };
}

}  // namespace quorum::server
