#include "connection.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace quorum::server {
namespace {

constexpr std::size_t read_chunk = 16 * 1024;
constexpr std::string_view head_end = "\r\n\r\n";

void address_of(const sockaddr_storage& addr, std::string& ip, int& port) {
    char text[INET6_ADDRSTRLEN] = {};
    if (addr.ss_family == AF_INET) {
        const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
        inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
        port = ntohs(a->sin_port);
    } else if (addr.ss_family == AF_INET6) {
        const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
        inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
        port = ntohs(a->sin6_port);
    }
    ip = text;
}

}  // namespace

Connection::Connection(int fd, std::chrono::milliseconds io_timeout, std::function<void()> on_close)
    : fd_(fd), io_timeout_(io_timeout), on_close_(std::move(on_close)) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getpeername(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) address_of(addr, peer_ip_, peer_port_);
    len = sizeof addr;
    if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) address_of(addr, local_ip_, local_port_);
}

Connection::~Connection() {
    ::close(fd_);
    if (on_close_) on_close_();
}

Connection::Arrival Connection::take_arrived(std::size_t max_head) {
    for (;;) {
        if (head_buffered()) return Arrival::head_complete;
        if (buffer_.size() - start_ >= max_head) return Arrival::too_large;
        if (start_ > 0) {  // answered requests leave the buffer, so it never outgrows one head
            buffer_.erase(0, start_);
            scanned_ -= std::min(scanned_, start_);
            start_ = 0;
        }
        const auto old = buffer_.size();
        buffer_.resize(old + read_chunk);
        const ssize_t n = ::recv(fd_, buffer_.data() + old, read_chunk, MSG_DONTWAIT);
        buffer_.resize(old + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
        if (n > 0) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return Arrival::waiting;
        return Arrival::closed;
    }
}

bool Connection::head_buffered() const {
    // Search only what is new since the last look (less the end's length, which may
    // straddle), so a head trickled a byte at a time costs linear time, not quadratic.
    const std::size_t from = std::max(start_, scanned_ >= head_end.size() ? scanned_ - (head_end.size() - 1) : 0);
    const bool found = std::string_view(buffer_).substr(from).find(head_end) != std::string_view::npos;
    scanned_ = found ? start_ : buffer_.size();
    return found;
}

void Connection::drop_buffered() noexcept {
    buffer_.clear();
    start_ = 0;
    scanned_ = 0;
}

void Connection::send_now(std::string_view bytes) noexcept {
    (void)::send(fd_, bytes.data(), bytes.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
}

void Connection::shutdown_sending() noexcept { ::shutdown(fd_, SHUT_WR); }

bool Connection::discard_arrived(std::size_t& discarded, std::size_t limit) noexcept {
    char sink[4096];
    while (discarded <= limit) {
        const ssize_t n = ::recv(fd_, sink, sizeof sink, MSG_DONTWAIT);
        if (n > 0) {
            discarded += static_cast<std::size_t>(n);
            continue;
        }
        return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR);
    }
    return false;
}

int Connection::wait_for(short events) const {
    auto timeout = io_timeout_;
    if (deadline_ != Clock::time_point::max()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
        timeout = std::min(timeout, std::max(left, std::chrono::milliseconds(0)));
    }
    pollfd p{fd_, events, 0};
    int rc;
    do {
        rc = ::poll(&p, 1, static_cast<int>(timeout.count()));
    } while (rc < 0 && errno == EINTR);
    return rc;
}

bool Connection::is_readable() const { return has_buffered() || wait_for(POLLIN) > 0; }

bool Connection::is_writable() const {
    pollfd p{fd_, POLLOUT, 0};  // no request deadline for writing (see write)
    return ::poll(&p, 1, static_cast<int>(io_timeout_.count())) > 0;
}

ssize_t Connection::read(char* ptr, size_t size) {
    if (!has_buffered()) {
        drop_buffered();
        if (wait_for(POLLIN) <= 0) return -1;  // the deadline or the I/O timeout passed
        buffer_.resize(read_chunk);
        const ssize_t n = ::recv(fd_, buffer_.data(), read_chunk, MSG_DONTWAIT);
        buffer_.resize(static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
        if (n <= 0) return n < 0 && (errno == EAGAIN || errno == EINTR) ? -1 : n;
    }
    const std::size_t n = std::min(size, buffer_.size() - start_);
    std::copy_n(buffer_.data() + start_, n, ptr);
    start_ += n;
    return static_cast<ssize_t>(n);
}

ssize_t Connection::write(const char* ptr, size_t size) {
    // cpp-httplib ignores some failed writes (a response's headers): remember the first,
    // so that nothing more is tried on a dead connection and the server closes it.
    if (broken_) return -1;
    std::size_t sent = 0;
    while (sent < size) {
        if (Clock::now() >= write_deadline_) break;
        const ssize_t n = ::send(fd_, ptr + sent, size - sent, MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n > 0) {
            sent += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            // Each write must make progress within the I/O timeout, and the whole
            // answer be taken by the write deadline.
            pollfd p{fd_, POLLOUT, 0};
            if (::poll(&p, 1, static_cast<int>(io_timeout_.count())) > 0) continue;
        }
        break;
    }
    if (sent < size) {
        broken_ = true;
        return -1;
    }
    return static_cast<ssize_t>(size);
}

void Connection::get_remote_ip_and_port(std::string& ip, int& port) const {
    ip = peer_ip_;
    port = peer_port_;
}

void Connection::get_local_ip_and_port(std::string& ip, int& port) const {
    ip = local_ip_;
    port = local_port_;
}

socket_t Connection::socket() const { return fd_ < FD_SETSIZE ? fd_ : 0; }

}  // namespace quorum::server
