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
    const auto n = static_cast<std::size_t>(threads);
    server.new_task_queue = [n] { return new httplib::ThreadPool(n); };
}

}  // namespace quorum::server
