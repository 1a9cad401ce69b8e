#include "waiting_room.hpp"

#include "http_errors.hpp"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <stdexcept>
#include <vector>

namespace quorum::server {
namespace {

constexpr int max_events = 128;
constexpr std::chrono::milliseconds expiry_scan{50};

}  // namespace

WaitingRoom::WaitingRoom(WaitSettings settings, Ready ready) : settings_(settings), ready_(std::move(ready)) {
    epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
    wake_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (epoll_ < 0 || wake_ < 0) throw std::runtime_error("cannot create the connection watcher (epoll)");
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = wake_;
    ::epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &ev);
    thread_ = std::thread([this] { run(); });
}

WaitingRoom::~WaitingRoom() {
    stopping_ = true;
    const std::uint64_t one = 1;
    (void)!::write(wake_, &one, sizeof one);
    thread_.join();
    {
        std::lock_guard lock(mutex_);
        entries_.clear();  // closes every connection still waiting
    }
    ::close(wake_);
    ::close(epoll_);
}

void WaitingRoom::add(std::shared_ptr<Connection> connection, State state, Clock::time_point deadline) {
    if (stopping_) return;  // dropped: the destructor closes it
    const int fd = connection->fd();
    std::lock_guard lock(mutex_);
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP;
    ev.data.fd = fd;
    if (::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &ev) != 0) return;
    entries_[fd] = Entry{std::move(connection), state, deadline};
}

void WaitingRoom::wait_for_request(std::shared_ptr<Connection> connection, bool fresh) {
    const auto now = Clock::now();
    const auto deadline = now + (fresh ? settings_.request_deadline : settings_.idle);
    connection->set_deadline(now + settings_.request_deadline);
    add(std::move(connection), fresh ? State::arriving : State::idle, deadline);
}

void WaitingRoom::close_gently(std::shared_ptr<Connection> connection) {
    connection->shutdown_sending();
    connection->drop_buffered();
    add(std::move(connection), State::closing, Clock::now() + settings_.linger);
}

std::size_t WaitingRoom::waiting() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

void WaitingRoom::remove(int fd) {
    ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
    entries_.erase(fd);
}

void WaitingRoom::run() {
    std::vector<epoll_event> events(max_events);
    auto scanned = Clock::now();
    while (!stopping_) {
        const int n = ::epoll_wait(epoll_, events.data(), max_events, static_cast<int>(expiry_scan.count()));
        try {
            for (int i = 0; i < n && !stopping_; ++i) {
                const int fd = events[static_cast<std::size_t>(i)].data.fd;
                if (fd != wake_) on_readable(fd);
            }
            const auto now = Clock::now();
            if (now - scanned >= expiry_scan) {
                expire(now);
                scanned = now;
            }
        } catch (...) {
            // Out of memory for one connection's buffer: it is dropped (by on_readable's
            // unwinding) and the room goes on; an exception must not end the process.
        }
    }
}

void WaitingRoom::on_readable(int fd) {
    std::shared_ptr<Connection> ready, refused;
    {
        std::lock_guard lock(mutex_);
        auto it = entries_.find(fd);
        if (it == entries_.end()) return;
        Entry& e = it->second;
        if (e.state == State::closing) {
            if (!e.connection->discard_arrived(e.discarded, settings_.linger_bytes)) remove(fd);
            return;
        }
        switch (e.connection->take_arrived(settings_.max_head)) {
            case Connection::Arrival::head_complete:
                ready = std::move(e.connection);
                remove(fd);
                break;
            case Connection::Arrival::waiting:
                if (e.state == State::idle) {  // the first byte of the next request: its clock starts
                    e.state = State::arriving;
                    e.deadline = Clock::now() + settings_.request_deadline;
                    e.connection->set_deadline(e.deadline);
                }
                break;
            case Connection::Arrival::too_large:
                refused = std::move(e.connection);
                remove(fd);
                break;
            case Connection::Arrival::closed:
                remove(fd);
                break;
        }
    }
    if (ready) ready_(std::move(ready));
    if (refused) {
        refused->send_now(raw_error_response(431, default_message(431)));
        close_gently(std::move(refused));
    }
}

void WaitingRoom::expire(Clock::time_point now) {
    std::vector<std::shared_ptr<Connection>> late;  // sent part of a request, too slowly
    {
        std::lock_guard lock(mutex_);
        for (auto it = entries_.begin(); it != entries_.end();) {
            if (it->second.deadline > now) {
                ++it;
                continue;
            }
            if (it->second.state == State::arriving) late.push_back(std::move(it->second.connection));
            ::epoll_ctl(epoll_, EPOLL_CTL_DEL, it->first, nullptr);
            it = entries_.erase(it);  // idle and closing ones just close
        }
    }
    for (auto& c : late) {
        c->send_now(raw_error_response(408, default_message(408)));
        close_gently(std::move(c));
    }
}

}  // namespace quorum::server
