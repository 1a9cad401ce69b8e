// Connection handling under clients that are slow, idle, greedy or pipelining (issue 15):
// HttpServer's waiting room and its own request loop, on a real socket over the fake
// Backend. Each case names the hole it guards.
#include "live_server.hpp"
#include "raw_http.hpp"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

using namespace quorum::server;
using quorum::test::first_status;
using quorum::test::LiveServer;

namespace {

using namespace std::chrono_literals;

// A raw connection to 127.0.0.1:port, closed when it goes out of scope.
class RawClient {
public:
    explicit RawClient(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(fd_ >= 0);
        REQUIRE(::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    }
    ~RawClient() { ::close(fd_); }
    RawClient(const RawClient&) = delete;
    RawClient& operator=(const RawClient&) = delete;

    // Sends what the socket takes; false when the server has closed.
    bool send(std::string_view bytes) {
        std::size_t sent = 0;
        while (sent < bytes.size()) {
            const auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return false;
            sent += static_cast<std::size_t>(n);
        }
        return true;
    }
    // Everything the server sends until it closes the connection or `timeout` passes.
    std::string read_until_closed(std::chrono::milliseconds timeout) {
        std::string out;
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        char buf[16384];
        for (;;) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            pollfd p{fd_, POLLIN, 0};
            if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) {
                timed_out = true;
                return out;
            }
            const auto n = ::recv(fd_, buf, sizeof buf, 0);
            if (n <= 0) return out;
            out.append(buf, static_cast<std::size_t>(n));
        }
    }
    bool timed_out = false;

private:
    int fd_;
};

std::size_t count(std::string_view text, std::string_view what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

ConnectionLimits quick_limits() {
    ConnectionLimits limits;
    limits.wait.request_deadline = 300ms;
    limits.wait.idle = 300ms;
    limits.wait.linger = 300ms;
    return limits;
}

}  // namespace

// Issue 15: 200 clients sending their headers a byte a second held every worker thread,
// and /healthz waited 34 s.
TEST_CASE("clients that send slowly hold no worker: others are answered while they trickle", "[http][connections]") {
    LiveServer s(0, ConnectionLimits{}, 2);  // two workers only
    std::vector<std::unique_ptr<RawClient>> slow;
    for (int i = 0; i < 50; ++i) {
        slow.push_back(std::make_unique<RawClient>(s.port));
        REQUIRE(slow.back()->send("GET /api/search?q=few HTTP/1.1\r\nHo"));
    }
    for (int round = 0; round < 5; ++round) {
        for (auto& c : slow) CHECK(c->send("s"));  // each byte would reset a per-read timeout
        auto r = s.client().Get("/healthz");
        REQUIRE(r);
        CHECK(r->status == 200);
    }
    CHECK(s.http().open_connections() >= 50);
}

// Issue 15: there was no deadline for a whole request, only a per-read timeout that
// every byte reset.
TEST_CASE("a request head that does not arrive whole by the deadline gets 408 and is closed", "[http][connections]") {
    LiveServer s(0, quick_limits());
    RawClient c(s.port);
    REQUIRE(c.send("GET /healthz HTTP/1.1\r\n"));
    std::string got;
    bool closed = false;
    // A byte every 50 ms for up to 2 s: never idle for long, never finished.
    for (int i = 0; i < 40 && !closed && c.send("X"); ++i) {
        got += c.read_until_closed(50ms);
        closed = !c.timed_out;
        c.timed_out = false;
    }
    if (!closed) got += c.read_until_closed(1000ms);
    INFO(got);
    CHECK(first_status(got) == 408);
    CHECK((closed || !c.timed_out));  // closed by the server, not left open
    CHECK(s.backend.searches == 0);
}

// Issue 15: fifty searches written in one go got one response; 2,001 got 17.
TEST_CASE("pipelined requests are all answered, in order", "[http][connections]") {
    LiveServer s;
    for (int n : {50, 600}) {
        std::string burst;
        for (int i = 0; i < n; ++i)
            burst += "GET /api/search?q=p" + std::to_string(i) + "&per_page=1 HTTP/1.1\r\nHost: x\r\n" +
                     (i + 1 == n ? "Connection: close\r\n" : "") + "\r\n";
        RawClient c(s.port);
        REQUIRE(c.send(burst));
        const auto got = c.read_until_closed(10000ms);
        INFO(n);
        CHECK(count(got, "HTTP/1.1 200") == static_cast<std::size_t>(n));
        std::size_t at = 0;
        bool ordered = true;
        for (int i = 0; i < n && ordered; ++i) {
            at = got.find("Query(p" + std::to_string(i) + ")", at);
            ordered = at != std::string::npos;
        }
        CHECK(ordered);
        CHECK_FALSE(c.timed_out);
    }
}

// Issue 15: a refused 100 MB body was read in full and parsed as the next request.
TEST_CASE("a refused body is never parsed as requests: one answer, then the connection closes", "[http][connections]") {
    LiveServer s(0, quick_limits());
    RawClient c(s.port);
    REQUIRE(c.send("POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n"));
    // A first part of the body, shaped like requests; the rest never comes.
    std::string body;
    while (body.size() < 64 * 1024) body += "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
    (void)c.send(body);
    const auto got = c.read_until_closed(5000ms);
    INFO(got);
    CHECK(first_status(got) == 405);
    CHECK(count(got, "HTTP/1.1") == 1);
    CHECK_FALSE(c.timed_out);
}

TEST_CASE("a malformed request in a pipeline ends the connection after its 400", "[http][connections]") {
    LiveServer s;
    RawClient c(s.port);
    REQUIRE(
        c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
               "BROKEN\r\nX-A: 1\r\nX-B: 2\r\n\r\n"
               "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    const auto got = c.read_until_closed(5000ms);
    INFO(got);
    CHECK(count(got, "HTTP/1.1 200") == 1);
    CHECK(count(got, "HTTP/1.1 400") == 1);
    CHECK(count(got, "HTTP/1.1 ") == 2);  // the rest of the broken head is not read as requests
    CHECK_FALSE(c.timed_out);
}

TEST_CASE("HTTP/1.0 gets one answer and a close, a connection ends at its request limit", "[http][connections]") {
    {
        LiveServer s;
        RawClient c(s.port);
        REQUIRE(c.send("GET /healthz HTTP/1.0\r\n\r\nGET /healthz HTTP/1.0\r\n\r\n"));
        const auto got = c.read_until_closed(5000ms);
        CHECK(count(got, "HTTP/1.1 200") == 1);
        CHECK_FALSE(c.timed_out);
    }
    ConnectionLimits limits;
    limits.requests_per_connection = 3;
    LiveServer s(0, limits);
    std::string burst;
    for (int i = 0; i < 5; ++i) burst += "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
    RawClient c(s.port);
    REQUIRE(c.send(burst.substr(0, burst.size() / 5)));  // one, then the rest after a pause
    const auto first = c.read_until_closed(300ms);
    c.timed_out = false;
    REQUIRE(c.send(burst.substr(burst.size() / 5)));
    const auto got = first + c.read_until_closed(5000ms);
    INFO(got);
    CHECK(count(got, "HTTP/1.1 200") == 3);  // counted across the pause, not per batch
    CHECK(count(got, "Connection: close") == 1);
    CHECK_FALSE(c.timed_out);
}

TEST_CASE("one client address may hold only so many connections, others are still served", "[http][connections]") {
    ConnectionLimits limits;
    limits.per_client = 4;
    LiveServer s(0, limits);
    std::vector<std::unique_ptr<RawClient>> held;
    for (int i = 0; i < 4; ++i) held.push_back(std::make_unique<RawClient>(s.port));
    for (int i = 0; i < 50 && s.http().open_connections() < 4; ++i) std::this_thread::sleep_for(10ms);
    RawClient extra(s.port);
    const auto got = extra.read_until_closed(3000ms);
    INFO(got);
    CHECK(first_status(got) == 429);
    CHECK_THAT(got, Catch::Contains("too_many_requests"));
    held.pop_back();  // one closes: a new connection is admitted again
    for (int i = 0; i < 50 && s.http().open_connections() >= 4; ++i) std::this_thread::sleep_for(10ms);
    auto r = s.client().Get("/healthz");
    REQUIRE(r);
    CHECK(r->status == 200);
}

TEST_CASE("an idle keep-alive connection holds no worker, and is closed after the idle time", "[http][connections]") {
    ConnectionLimits limits;
    limits.wait.idle = 3000ms;
    LiveServer s(0, limits, 1);  // one worker
    RawClient idle(s.port);
    REQUIRE(idle.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    const auto first = idle.read_until_closed(500ms);  // the answer; the connection stays open
    CHECK(first_status(first) == 200);
    REQUIRE(idle.timed_out);
    idle.timed_out = false;
    // While `idle` is open and idle, the only worker answers someone else at once (with the
    // library's own loop it was held until the keep-alive timeout).
    httplib::Client other("127.0.0.1", s.port);
    other.set_read_timeout(1, 0);
    auto r = other.Get("/healthz");
    REQUIRE(r);
    CHECK(r->status == 200);
    (void)idle.read_until_closed(6000ms);
    CHECK_FALSE(idle.timed_out);  // closed by the server after the idle time
}

TEST_CASE("a request head larger than the limit gets 431 without waiting for its end", "[http][connections]") {
    LiveServer s(0, quick_limits());
    RawClient c(s.port);
    std::string head = "GET /healthz HTTP/1.1\r\n";
    while (head.size() < 40 * 1024) head += "X-Filler: " + std::string(100, 'a') + "\r\n";
    (void)c.send(head);
    const auto got = c.read_until_closed(3000ms);
    CHECK(first_status(got) == 431);
    CHECK_FALSE(c.timed_out);
}
