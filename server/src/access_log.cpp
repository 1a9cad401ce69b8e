#include "access_log.hpp"

#include "text_escape.hpp"

#include <httplib.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <stdexcept>
#include <unistd.h>

namespace quorum::server {
namespace {

using Clock = std::chrono::steady_clock;

// Lines held before new ones are dropped (counted, and reported in the log) when the
// output cannot keep up: the server's memory stays bounded whatever the disk does.
constexpr std::size_t kMaxPending = 4 << 20;
constexpr auto kFlushEvery = std::chrono::milliseconds(50);

thread_local Clock::time_point t_started{};
thread_local std::size_t t_streamed = 0;

std::string utc_now() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t secs = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    char out[48];
    std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(ms));
    return out;
}

}  // namespace

std::unique_ptr<AccessLog> AccessLog::open(const std::string& target) {
    if (target == "off") return nullptr;
    if (target == "-") return std::unique_ptr<AccessLog>(new AccessLog(STDERR_FILENO, false));
    const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        throw std::runtime_error("cannot open the access log " + target + ": " + std::strerror(errno) +
                                 " (give a writable file, \"-\" for stderr or \"off\")");
    return std::unique_ptr<AccessLog>(new AccessLog(fd, true));
}

AccessLog::AccessLog(int fd, bool owned) : fd_(fd), owned_(owned) {
    writer_ = std::thread([this] { run(); });
}

AccessLog::~AccessLog() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    writer_.join();
    flush();
    if (owned_) ::close(fd_);
}

void AccessLog::request_started() noexcept {
    t_started = Clock::now();
    t_streamed = 0;
}

void AccessLog::add_streamed_bytes(std::size_t n) noexcept { t_streamed += n; }

void AccessLog::write(const httplib::Request& req, const httplib::Response& res) noexcept {
    try {
        char ms[32] = "-";
        if (t_started != Clock::time_point{}) {
            const double elapsed = std::chrono::duration<double, std::milli>(Clock::now() - t_started).count();
            std::snprintf(ms, sizeof ms, "%.2f", elapsed);
        }
        const std::size_t bytes = res.body.empty() ? t_streamed : res.body.size();
        std::string line = utc_now() + ' ' + log_escape(req.remote_addr, 64) + " \"" + log_escape(req.method, 16) +
                           ' ' + log_escape(req.target.empty() ? req.path : req.target) + "\" " +
                           std::to_string(res.status) + ' ' + std::to_string(bytes) + ' ' + ms + "ms\n";
        append(line);
    } catch (...) {  // logging must never take a worker down
    }
    t_started = {};
    t_streamed = 0;
}

void AccessLog::note(std::string_view message) noexcept {
    try {
        append(utc_now() + " note: " + log_escape(message, 4000) + '\n');
    } catch (...) {}
}

void AccessLog::append(const std::string& line) noexcept {
    try {
        std::lock_guard lock(mutex_);
        if (pending_.size() + line.size() > kMaxPending) {
            ++dropped_;
            return;
        }
        pending_ += line;
    } catch (...) {}
}

void AccessLog::run() noexcept {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, kFlushEvery);
        lock.unlock();
        flush();
        lock.lock();
    }
}

void AccessLog::flush() noexcept {
    std::lock_guard writing(write_mutex_);
    std::string batch;
    std::size_t dropped = 0;
    {
        std::lock_guard lock(mutex_);
        batch.swap(pending_);
        std::swap(dropped, dropped_);
    }
    if (dropped > 0) {
        try {
            batch += utc_now() + " note: " + std::to_string(dropped) +
                     " access log lines dropped: the log output could not keep up\n";
        } catch (...) {}
    }
    if (!batch.empty()) write_all(batch);
}

void AccessLog::write_all(const std::string& text) noexcept {
    // Whole lines per write() (O_APPEND): other writers of the file never split one.
    const char* p = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        const ssize_t n = ::write(fd_, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        p += n;
        left -= static_cast<std::size_t>(n);
    }
}

}  // namespace quorum::server
