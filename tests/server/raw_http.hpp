// Raw HTTP over a TCP socket, for requests httplib::Client will not send (malformed
// lines, huge headers, bodies on GET, pipelined garbage). Test helper, header-only.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <string_view>

namespace quorum::test {

// True once `raw` holds a whole first response (headers and a Content-Length body).
inline bool has_whole_response(std::string_view raw) {
    const auto end = raw.find("\r\n\r\n");
    if (end == std::string_view::npos) return false;
    std::size_t length = 0;
    const auto at = raw.substr(0, end).find("Content-Length: ");
    if (at != std::string_view::npos) length = std::stoul(std::string(raw.substr(at + 16, 12)));
    return raw.size() >= end + 4 + length;
}

// Sends `request` to 127.0.0.1:port and returns what the server sent back until a
// whole first response arrived, the server closed the connection, or `timeout`
// passed ("" if the connection failed). The connection is not half-closed: a server
// that closes with unread input resets it, which could discard its answer.
inline std::string raw_exchange(int port, std::string_view request,
                                std::chrono::milliseconds timeout = std::chrono::milliseconds(3000)) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return {};
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return {};
    }
    std::size_t sent = 0;
    while (sent < request.size()) {
        const auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;  // the server may refuse early and close: read what it said
        sent += static_cast<std::size_t>(n);
    }
    std::string out;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    char buf[8192];
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
        const auto n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        out.append(buf, static_cast<std::size_t>(n));
        if (has_whole_response(out)) break;
    }
    ::close(fd);
    return out;
}

// Status code of the first response in `raw` ("HTTP/1.1 404 Not Found" -> 404), or 0.
inline int first_status(std::string_view raw) {
    if (raw.size() < 12 || raw.substr(0, 5) != "HTTP/") return 0;
    const auto space = raw.find(' ');
    if (space == std::string_view::npos || space + 4 > raw.size()) return 0;
    return std::stoi(std::string(raw.substr(space + 1, 3)));
}

}  // namespace quorum::test
