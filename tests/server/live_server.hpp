// A real HttpServer with the whole app on 127.0.0.1, over a fake Backend, so the HTTP
// tests run without an index. Test helper, header-only.
#pragma once

#include "app.hpp"
#include "http_server.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace quorum::test {

using nlohmann::json;
using namespace quorum::server;

class FakeBackend final : public Backend {
public:
    std::atomic<int> searches{0};
    std::atomic<std::uint64_t> index_revision{0};  // 0: unknown, nothing is cached
    std::atomic<int> added{0};                     // units "indexed" since the start

    std::uint64_t revision() override { return index_revision; }

    quorum::query::SearchResult search(const quorum::query::SearchRequest& r) override {
        ++searches;
        if (r.q == "boom") throw std::runtime_error("disk failure at /srv/secret/index");
        if (r.q == "bad") throw std::invalid_argument("q has an unbalanced bracket");
        if (r.q == "damaged")
            throw quorum::query::IndexUnavailable("the index cannot be read: the position table is damaged", true);
        if (r.q == "rewritten")
            throw quorum::query::IndexUnavailable("the index changed twice while it was read", false);
        quorum::query::SearchResult result;
        result.total = (r.q == "many" ? 12345 : r.q == "few" ? 3 : 25) + static_cast<std::uint64_t>(added.load());
        result.parsed = "Query(" + r.q + ")";
        result.took_ms = 0.25;
        const std::uint64_t first = static_cast<std::uint64_t>(r.page - 1) * static_cast<std::uint64_t>(r.per_page);
        for (std::uint64_t i = first; i < result.total && i < first + static_cast<std::uint64_t>(r.per_page); ++i) {
            quorum::query::Hit hit;
            hit.id = "doc-u" + std::to_string(i);
            hit.rank = static_cast<int>(i + 1);
            hit.snippet = "a <mark>" + r.q + "</mark> & more";
            hit.record = json{{"id", hit.id},
                              {"type", "paragraph"},
                              {"title", "=cmd|' /C calc'!A0"},
                              {"text", "full text"},
                              {"date", "2022-02-22"}}
                             .dump();
            result.hits.push_back(std::move(hit));
        }
        if (r.facets) result.facets["type"] = {{"paragraph", "Paragraph", result.total}};
        return result;
    }
    std::optional<std::string> unit(const std::string& id) override {
        if (id != "doc-u1") return std::nullopt;
        return json{{"id", id}, {"type", "paragraph"}, {"text", "the full text"}}.dump();
    }
    std::vector<std::string> meetings(const quorum::query::MeetingFilter&) override {
        return {json{{"id", "c-2022-03-22"}, {"date", "2022-03-22"}}.dump(),
                json{{"id", "c-2022-02-22"}, {"date", "2022-02-22"}}.dump()};
    }
    std::optional<std::string> meeting(const std::string& id) override {
        if (id != "c-2022-02-22") return std::nullopt;
        return json{{"id", id}, {"date", "2022-02-22"}, {"items", json::array()}}.dump();
    }
    std::uint64_t unit_count() override { return 7; }
    std::optional<std::string> index_problem() override {
        std::lock_guard lock(problem_mutex);
        return problem;
    }
    void set_problem(std::string text) {
        std::lock_guard lock(problem_mutex);
        problem = std::move(text);
    }

private:
    std::mutex problem_mutex;
    std::optional<std::string> problem;
};

class LiveServer {
public:
    explicit LiveServer(std::size_t cache_bytes = 0, ConnectionLimits limits = {}, int threads = 8) : server_(limits) {
        tune(server_, threads);
        install_app(server_, backend, nullptr, AppOptions{"https://q.example", {}, cache_bytes});
        port = server_.bind_to_any_port("127.0.0.1");
        REQUIRE(port > 0);
        REQUIRE(server_.raise_listen_backlog(64));
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::yield();
    }
    ~LiveServer() {
        server_.stop();
        thread_.join();
    }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(5, 0);
        return c;
    }

    HttpServer& http() noexcept { return server_; }

    FakeBackend backend;
    int port = 0;

private:
    HttpServer server_;
    std::thread thread_;
};

// The JSON error of a response, checking the contract's shape on the way.
inline json error_of(const httplib::Result& r) {
    REQUIRE(r);
    CHECK(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
    const auto body = json::parse(r->body);
    REQUIRE(body.contains("error"));
    CHECK(body["error"]["code"].is_string());
    CHECK(body["error"]["message"].is_string());
    return body["error"];
}

}  // namespace quorum::test
