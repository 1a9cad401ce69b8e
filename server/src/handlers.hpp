// One handler per endpoint. They throw std::invalid_argument (400) or NotFound (404);
// http_errors turns those into responses.
#pragma once

#include "access_log.hpp"
#include "backend.hpp"
#include "response_cache.hpp"

#include <httplib.h>

#include <memory>
#include <string>

namespace quorum::server {

struct Context {
    Backend& backend;
    AccessLog* log = nullptr;              // null: no access log
    std::string public_url;                // prefix of links in exports ("" = relative)
    std::shared_ptr<ResponseCache> cache;  // null: every answer is computed
};

void get_search(Context& ctx, const httplib::Request& req, httplib::Response& res);
void get_unit(Context& ctx, const httplib::Request& req, httplib::Response& res);
void get_meetings(Context& ctx, const httplib::Request& req, httplib::Response& res);
void get_meeting(Context& ctx, const httplib::Request& req, httplib::Response& res);
void get_decisions(Context& ctx, const httplib::Request& req, httplib::Response& res);
void get_decision(Context& ctx, const httplib::Request& req, httplib::Response& res);
void get_people(Context& ctx, const httplib::Request& req, httplib::Response& res);
void get_person(Context& ctx, const httplib::Request& req, httplib::Response& res);
void get_agreement(Context& ctx, const httplib::Request& req, httplib::Response& res);
void get_compare(Context& ctx, const httplib::Request& req, httplib::Response& res);
void get_committees(Context& ctx, const httplib::Request& req, httplib::Response& res);
void get_committee(Context& ctx, const httplib::Request& req, httplib::Response& res);
void get_councils(Context& ctx, const httplib::Request& req, httplib::Response& res);
void get_council(Context& ctx, const httplib::Request& req, httplib::Response& res);
void get_healthz(Context& ctx, const httplib::Request& req, httplib::Response& res);
void get_openapi(Context& ctx, const httplib::Request& req, httplib::Response& res);
void get_asset(Context& ctx, const httplib::Request& req, httplib::Response& res);

// Rows in a CSV or Atom export, at most.
inline constexpr int kExportCap = 10000;

}  // namespace quorum::server
