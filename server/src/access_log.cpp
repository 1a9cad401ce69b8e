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

AccessLog::~AccessLog() {
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
        write_line(line);
    } catch (...) {  // logging must never take a worker down
    }
    t_started = {};
    t_streamed = 0;
}

void AccessLog::note(std::string_view message) noexcept {
    try {
        write_line(utc_now() + " note: " + log_escape(message, 4000) + '\n');
    } catch (...) {
    }
}

void AccessLog::write_line(const std::string& line) noexcept {
    // One write() per line: lines from different threads do not interleave (O_APPEND).
    const char* p = line.data();
    std::size_t left = line.size();
    while (left > 0) {
        const ssize_t n = ::write(fd_, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        p += n;
        left -= static_cast<std::size_t>(n);
    }
}

}  // namespace quorum::server
