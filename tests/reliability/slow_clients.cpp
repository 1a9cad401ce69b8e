// quorum-slow-clients: holds N connections open to a server, each sending its request head
// a byte at a time and never finishing it (slowloris), reconnecting whichever the server
// closes, while a prober asks for a path on fresh connections and times each answer.
// Measures whether slow clients can starve a server (issue 15). Linux only.
//
//   quorum-slow-clients --port 8080 --clients 1000 --seconds 30 [--path /healthz]
//                       [--spread] [--host 127.0.0.1]
//
// --spread binds each slow client to its own loopback source address (127.0.x.y), so a
// per-address connection limit does not simply refuse them: the server meets a thousand
// different slow clients, as from a botnet.
#include <CLI/CLI.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    std::string host = "127.0.0.1";
    int port = 8080;
    int clients = 1000;
    int seconds = 30;
    std::string path = "/healthz";
    bool spread = false;
};

int connect_from(const Options& o, int index) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    if (o.spread) {
        sockaddr_in local{};
        local.sin_family = AF_INET;
        // 127.0.1.1 onwards: 250 addresses per third octet, none the prober's 127.0.0.1.
        local.sin_addr.s_addr = htonl((127u << 24) | ((1u + static_cast<unsigned>(index) / 250u) << 8) |
                                      (1u + static_cast<unsigned>(index) % 250u));
        if (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
            ::close(fd);
            return -1;
        }
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(o.port));
    if (::inet_pton(AF_INET, o.host.c_str(), &addr.sin_addr) != 1 ||
        ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool send_all(int fd, const std::string& bytes) {
    return ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
}

// One probe on a fresh connection: milliseconds to a whole status line, or -1 on failure
// (no answer within 5 s, or not 200).
double probe(const Options& o) {
    const auto start = Clock::now();
    const int fd = connect_from(Options{o.host, o.port, 0, 0, o.path, false}, 0);
    if (fd < 0) return -1;
    const std::string request = "GET " + o.path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    std::string got;
    if (send_all(fd, request)) {
        char buf[4096];
        while (got.find("\r\n") == std::string::npos) {
            pollfd p{fd, POLLIN, 0};
            const auto left =
                5000 - std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
            if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) break;
            const auto n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0) break;
            got.append(buf, static_cast<std::size_t>(n));
        }
    }
    ::close(fd);
    if (got.rfind("HTTP/1.1 200", 0) != 0) return -1;
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    CLI::App cli{"quorum-slow-clients: slow clients against a server, and the latency of a probe meanwhile"};
    cli.add_option("--host", o.host, "server address (IPv4)")->capture_default_str();
    cli.add_option("--port", o.port, "server port")->required();
    cli.add_option("--clients", o.clients, "slow connections to hold open")->capture_default_str();
    cli.add_option("--seconds", o.seconds, "how long to hold them")->capture_default_str();
    cli.add_option("--path", o.path, "what the prober asks for")->capture_default_str();
    cli.add_flag("--spread", o.spread, "one loopback source address per slow client");
    CLI11_PARSE(cli, argc, argv);

    rlimit r{};
    if (::getrlimit(RLIMIT_NOFILE, &r) == 0) {
        r.rlim_cur = r.rlim_max;
        (void)::setrlimit(RLIMIT_NOFILE, &r);
    }

    std::vector<int> fds(static_cast<std::size_t>(o.clients), -1);
    long opened = 0, closed_by_server = 0;
    const std::string head = "GET " + o.path + " HTTP/1.1\r\nHost: x\r\nX-Slow: ";
    for (int i = 0; i < o.clients; ++i) {
        fds[static_cast<std::size_t>(i)] = connect_from(o, i);
        if (fds[static_cast<std::size_t>(i)] >= 0 && send_all(fds[static_cast<std::size_t>(i)], head)) ++opened;
    }

    std::atomic<bool> done{false};
    std::vector<double> ms;
    long failures = 0;
    std::thread prober([&] {
        while (!done) {
            const double t = probe(o);
            if (t < 0)
                ++failures;
            else
                ms.push_back(t);
            std::this_thread::sleep_for(std::chrono::milliseconds(100));  // 10/s: under nginx's 20/s per client
        }
    });

    long connected_samples = 0, connected_sum = 0;
    const auto end = Clock::now() + std::chrono::seconds(o.seconds);
    while (Clock::now() < end) {
        long connected = 0;
        for (int i = 0; i < o.clients; ++i) {
            int& fd = fds[static_cast<std::size_t>(i)];
            if (fd >= 0) {
                pollfd p{fd, POLLIN, 0};
                char buf[512];
                const bool answered = ::poll(&p, 1, 0) > 0 && ::recv(fd, buf, sizeof buf, MSG_DONTWAIT) >= 0;
                if (answered || !send_all(fd, "x")) {  // the server answered (408) or closed: come back
                    ::close(fd);
                    fd = -1;
                    ++closed_by_server;
                }
            }
            if (fd < 0 && (fd = connect_from(o, i)) >= 0) {
                if (send_all(fd, head)) ++opened;
            }
            connected += fd >= 0;
        }
        connected_sum += connected;
        ++connected_samples;
        std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    done = true;
    prober.join();
    for (int fd : fds)
        if (fd >= 0) ::close(fd);

    std::printf(
        "slow_clients=%d seconds=%d spread=%d connected_avg=%.0f opened=%ld closed_by_server=%ld "
        "probes=%zu failed=%ld p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
        o.clients, o.seconds, o.spread ? 1 : 0,
        connected_samples ? static_cast<double>(connected_sum) / static_cast<double>(connected_samples) : 0.0, opened,
        closed_by_server, ms.size(), failures, percentile(ms, 0.5), percentile(ms, 0.99),
        ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end()));
    return 0;
}
