#include "app.hpp"

#include "handlers.hpp"
#include "http_errors.hpp"

namespace quorum::server {
namespace {

using httplib::Request;
using httplib::Response;
using R = httplib::Server::HandlerResponse;

}  // namespace

httplib::Headers security_headers() {
    return {
        {"X-Content-Type-Options", "nosniff"},
        // A public, read-only API: any site may read it (no cookies or credentials exist).
        {"Access-Control-Allow-Origin", "*"},
        // The page runs only its own script and style files: no inline code, no other
        // origins, never framed (clickjacking), no plugins, forms only to itself.
        {"Content-Security-Policy",
         "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
         "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
        {"X-Frame-Options", "DENY"},  // frame-ancestors for browsers without CSP 2
        // A search address holds the question: it is not sent to the sites a result links to.
        {"Referrer-Policy", "no-referrer"},
    };
}

void install_app(httplib::Server& server, Backend& backend, AccessLog* log, AppOptions options) {
    auto cache = options.cache_bytes > 0 ? std::make_shared<ResponseCache>(options.cache_bytes) : nullptr;
    auto ctx = std::make_shared<Context>(Context{backend, log, options.public_url, std::move(cache)});
    auto route = [ctx](void (*handler)(Context&, const Request&, Response&)) {
        return [ctx, handler](const Request& req, Response& res) { handler(*ctx, req, res); };
    };

    // The route table. cpp-httplib 0.11.4 has no ":id" parameters: ids are captured by
    // regex and validated by the handlers before use.
    server.Get("/api/search", route(get_search));
    server.Get(R"(/api/units/([^/]+))", route(get_unit));
    server.Get("/api/meetings", route(get_meetings));
    server.Get(R"(/api/meetings/([^/]+))", route(get_meeting));
    server.Get("/api/decisions", route(get_decisions));
    server.Get(R"(/api/decisions/([^/]+))", route(get_decision));
    server.Get("/api/people", route(get_people));
    server.Get(R"(/api/people/([^/]+))", route(get_person));
    server.Get(R"(/api/people/([^/]+)/agreement)", route(get_agreement));
    server.Get("/api/compare", route(get_compare));
    server.Get("/api/committees", route(get_committees));
    server.Get(R"(/api/committees/([^/]+))", route(get_committee));
    server.Get("/api/councils", route(get_councils));
    server.Get(R"(/api/councils/([^/]+))", route(get_council));
    server.Get("/api/openapi.json", route(get_openapi));
    server.Get("/healthz", route(get_healthz));
    server.Get(R"(/|/index\.html|/favicon\.ico|/static/[A-Za-z0-9._/-]{1,200})", route(get_asset));

    server.set_default_headers(security_headers());

    server.set_pre_routing_handler([limits = options.limits](const Request& req, Response& res) {
        AccessLog::request_started();
        return guard_request(req, res, limits);
    });

    // Without this, cpp-httplib 0.11.4 sends e.what() back in a response header.
    server.set_exception_handler([log](const Request&, Response& res, std::exception_ptr error) {
        const HttpError e = error_for(error);
        if (log && !e.detail.empty()) log->note(std::to_string(e.status) + ": " + e.detail);
        res.headers.erase("Content-Disposition");
        set_error(res, e);
    });

    // Runs for every status >= 400 before it is written (also the library's own 400,
    // 404, 414): give JSON to those that have no body yet. Must not throw.
    server.set_error_handler(httplib::Server::HandlerWithResponse([](const Request& req, Response& res) noexcept {
        drop_ranges(req);
        if (!res.body.empty() || res.content_provider_) return R::Unhandled;
        try {
            set_error(res, res.status, default_message(res.status));
            return R::Handled;
        } catch (...) {
            return R::Unhandled;
        }
    }));

    if (log) server.set_logger([log](const Request& req, const Response& res) { log->write(req, res); });
}

}  // namespace quorum::server
