#include "handlers.hpp"

#include "export_streams.hpp"
#include "http_errors.hpp"
#include "json_codec.hpp"
#include "openapi.hpp"
#include "params.hpp"
#include "record_exports.hpp"
#include "compare.hpp"
#include "councils.hpp"
#include "vote_agreement.hpp"
#include "voting_record.hpp"
#include "web_assets.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <memory>

namespace quorum::server {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

void send_json(httplib::Response& res, const nlohmann::json& body) { res.set_content(dump(body), kJson); }

std::string checked_id(const httplib::Request& req, std::string_view what) {
    const std::string id = req.matches.size() > 1 ? req.matches[1].str() : std::string();
    if (!is_valid_id(id))
        throw std::invalid_argument(std::string(what) +
                                    " id must be made of lowercase letters, digits, '.', '_' and '-' "
                                    "(at most 200 characters)");
    return id;
}

// One export batch out of a list the backend returns whole.
std::vector<nlohmann::json> slice(const std::vector<std::string>& records, int page) {
    std::vector<nlohmann::json> out;
    const std::size_t first = static_cast<std::size_t>(page - 1) * kExportBatch;
    for (std::size_t i = first; i < records.size() && i < first + kExportBatch; ++i)
        out.push_back(parse_record(records[i], /*drop_text=*/false));
    return out;
}

std::vector<nlohmann::json> parsed(const std::vector<std::string>& records) {
    std::vector<nlohmann::json> out;
    out.reserve(records.size());
    for (const auto& r : records) out.push_back(parse_record(r, /*drop_text=*/false));
    return out;
}

// The cache key of a valid search: the parameters that shape the answer, in table order.
std::string search_key(const httplib::Request& req, std::uint64_t revision) {
    std::vector<std::pair<std::string_view, std::vector<std::string>>> params;
    for (const auto& spec : search_param_table()) {
        auto [first, last] = req.params.equal_range(std::string(spec.name));
        std::vector<std::string> values;
        for (auto it = first; it != last; ++it)
            if (!it->second.empty()) values.push_back(it->second);
        if (!values.empty()) params.emplace_back(spec.name, std::move(values));
    }
    return cache_key("/api/search", revision, params);
}

// A search answer is {"took_ms":T,"cached":C, + the rest}: the rest is what the cache
// keeps, and took_ms tells the truth about this request (search time, or lookup time).
void send_search(httplib::Response& res, double took_ms, bool cached, const std::string& rest) {
    std::string body = R"({"took_ms":)";
    body += dump(nlohmann::json(took_ms));
    body += cached ? R"(,"cached":true)" : R"(,"cached":false)";
    if (rest.size() > 2) body += ',';
    body.append(rest, 1);  // rest starts with '{'
    res.set_content(std::move(body), kJson);
}

}  // namespace

void get_search(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto started = std::chrono::steady_clock::now();
    auto params = parse_search_params(req.params);  // a bad request throws before any lookup
    if (params.format != Format::json) return stream_export(ctx, std::move(params.request), params.format, res);

    std::string key;
    if (ctx.cache) {
        if (const auto revision = ctx.backend.revision(); revision != 0) {
            key = search_key(req, revision);
            if (auto hit = ctx.cache->find(key)) {
                const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - started;
                return send_search(res, std::round(took.count() * 1000) / 1000, true, *hit);
            }
        }
    }
    const auto result = ctx.backend.search(params.request);
    auto json = search_json(params.request, result);
    json.erase("took_ms");
    auto rest = std::make_shared<const std::string>(dump(json));
    send_search(res, result.took_ms, false, *rest);
    if (!key.empty()) ctx.cache->put(std::move(key), std::move(rest));
}

void get_unit(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto id = checked_id(req, "unit");
    const auto record = ctx.backend.unit(id);
    if (!record) throw NotFound("no unit has the id " + id + ": ids come from the hits of /api/search");
    send_json(res, unit_json(*record));
}

void get_meetings(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto params = parse_meeting_params(req.params);
    if (params.format != Format::json) {
        // Rows carry the whole meeting record (council, venue, documents), not the summary.
        auto all = std::make_shared<std::vector<std::string>>(ctx.backend.meetings(params.filter));
        return stream_records(
            ctx, req, RecordKind::meeting, params.format,
            [&ctx, all](int page) {
                std::vector<nlohmann::json> out;
                for (auto& summary : slice(*all, page)) {
                    auto record = ctx.backend.meeting(summary.value("id", ""));
                    nlohmann::json full = record ? parse_record(*record, /*drop_text=*/true) : summary;
                    if (!full.contains("items_count"))
                        full["items_count"] = summary.value("items_count", nlohmann::json());
                    full.erase("items");
                    full.erase("attendance");
                    out.push_back(std::move(full));
                }
                return out;
            },
            res);
    }
    send_json(res, meetings_json(ctx.backend.meetings(params.filter), params));
}

void get_meeting(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto id = checked_id(req, "meeting");
    const auto record = ctx.backend.meeting(id);
    if (!record) throw NotFound("no meeting has the id " + id + ": ids come from /api/meetings");
    send_json(res, meeting_json(*record));
}

void get_decisions(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto params = parse_decision_params(req.params);
    if (params.format != Format::json) {
        return stream_records(
            ctx, req, RecordKind::decision, params.format,
            [&ctx, query = params.query](int page) mutable {
                query.page = page;
                query.per_page = kExportBatch;
                return parsed(ctx.backend.decisions(query).records);
            },
            res);
    }
    const auto list = ctx.backend.decisions(params.query);
    send_json(res, {{"as_of", list.as_of.empty() ? nlohmann::json(nullptr) : nlohmann::json(list.as_of)},
                    {"total", list.total},
                    {"page", params.query.page},
                    {"per_page", params.query.per_page},
                    {"decisions", parsed(list.records)}});
}

void get_decision(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto id = checked_id(req, "decision");
    const auto record = ctx.backend.decision(id);
    if (!record) throw NotFound("no decision has the id " + id + ": ids come from /api/decisions");
    send_json(res, parse_record(*record, /*drop_text=*/false));
}

void get_people(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto params = parse_people_params(req.params);
    if (params.format != Format::json) {
        return stream_records(
            ctx, req, RecordKind::person, params.format,
            [&ctx, q = params.q, council = params.council](int page) {
                return parsed(ctx.backend.people(q, page, kExportBatch, council).records);
            },
            res);
    }
    const auto list = ctx.backend.people(params.q, params.page, params.per_page, params.council);
    send_json(res, {{"total", list.total},
                    {"page", params.page},
                    {"per_page", params.per_page},
                    {"people", parsed(list.records)}});
}

void get_person(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto id = checked_id(req, "person");
    const auto format = parse_person_params(req.params);
    const auto record = ctx.backend.person(id);
    if (!record) throw NotFound("no person has the id " + id + ": ids come from /api/people");
    if (format == Format::csv) {
        res.set_header("Content-Disposition", "attachment; filename=\"quorum-votes-" + id + ".csv\"");
        res.set_content(voting_record_csv(parse_record(*record, false)), "text/csv; charset=utf-8");
        return;
    }
    send_json(res, parse_record(*record, /*drop_text=*/false));
}

void get_compare(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    send_json(res, compare_json(ctx.backend, parse_compare_params(req.params)));
}

void get_agreement(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto id = checked_id(req, "person");
    const auto with = parse_agreement_params(req.params);
    const auto a = ctx.backend.person(id);
    if (!a) throw NotFound("no person has the id " + id + ": ids come from /api/people");
    const auto b = ctx.backend.person(with);
    if (!b) throw NotFound("no person has the id " + with + " (the with parameter): ids come from /api/people");
    send_json(res, vote_agreement(parse_record(*a, false), parse_record(*b, false)));
}

void get_committees(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto params = parse_committees_params(req.params);
    if (params.format != Format::json) {
        auto all = std::make_shared<std::vector<std::string>>(ctx.backend.committees(params.council));
        return stream_records(
            ctx, req, RecordKind::committee, params.format, [all](int page) { return slice(*all, page); }, res);
    }
    const auto list = ctx.backend.committees(params.council);
    send_json(res, {{"total", list.size()}, {"committees", parsed(list)}});
}

void get_councils(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto format = parse_councils_params(req.params);
    const auto list = ctx.backend.councils();
    if (format == Format::csv) {
        res.set_header("Content-Disposition", "attachment; filename=\"quorum-councils.csv\"");
        res.set_content(councils_csv(list), "text/csv; charset=utf-8");
        return;
    }
    nlohmann::json councils = nlohmann::json::array();
    for (const auto& c : list) councils.push_back(council_json(c));
    send_json(res, {{"total", list.size()}, {"councils", std::move(councils)}});
}

void get_council(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto id = checked_id(req, "council");
    const auto detail = ctx.backend.council(id);
    if (!detail) throw NotFound("no council has the id " + id + ": ids come from /api/councils");
    send_json(res, council_detail_json(*detail));
}

void get_committee(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto id = checked_id(req, "committee");
    const auto record = ctx.backend.committee(id);
    if (!record) throw NotFound("no committee has the id " + id + ": ids come from /api/committees");
    send_json(res, parse_record(*record, /*drop_text=*/false));
}

void get_healthz(Context& ctx, const httplib::Request&, httplib::Response& res) {
    try {
        if (auto problem = ctx.backend.index_problem()) {
            set_error(res, 503, *problem + ". Check the whole index with xapian-check, then index the archive again");
            res.set_header("Cache-Control", "no-store");
            return;
        }
        // A shard set: each shard as last seen. Shards down mean 503 when answers would fail,
        // "degraded" when the others answer alone.
        nlohmann::json shards = nlohmann::json::array();
        std::vector<std::string> missing;
        for (const auto& st : ctx.backend.shard_status()) {
            nlohmann::json one{{"name", st.name},          {"status", st.up ? "up" : "down"},
                               {"latency_ms", st.latency_ms}, {"units", st.units},
                               {"since", st.since}};
            if (!st.error.empty()) one["error"] = st.error;
            shards.push_back(std::move(one));
            if (!st.up) missing.push_back(st.name);
        }
        if (!missing.empty() && !ctx.backend.partial_answers()) {
            nlohmann::json body = nlohmann::json::parse(
                error_body("unavailable", "shards are down: searches fail until they answer again", missing));
            body["shards"] = std::move(shards);
            send_json(res, body);
            res.status = 503;
            res.set_header("Cache-Control", "no-store");
            return;
        }
        nlohmann::json body{{"status", missing.empty() ? "ok" : "degraded"}, {"units", ctx.backend.unit_count()}};
        if (!shards.empty()) body["shards"] = std::move(shards);
        if (ctx.cache && ctx.cache->max_bytes() > 0)
            body["cache"] = {{"hits", ctx.cache->hits()},
                             {"misses", ctx.cache->misses()},
                             {"entries", ctx.cache->entries()},
                             {"bytes", ctx.cache->bytes()},
                             {"max_bytes", ctx.cache->max_bytes()}};
        send_json(res, body);
    } catch (const std::exception& e) {
        if (ctx.log) ctx.log->note(std::string("healthz: ") + e.what());
        set_error(res, 503, default_message(503));
    }
    res.set_header("Cache-Control", "no-store");
}

void get_openapi(Context&, const httplib::Request&, httplib::Response& res) {
    const auto doc = openapi_json();
    res.set_content(doc.data(), doc.size(), kJson);
}

void get_asset(Context&, const httplib::Request& req, httplib::Response& res) {
    if (req.path.find("..") != std::string::npos) throw NotFound("no such file");
    const auto asset = find_asset(req.path);
    if (!asset)
        throw NotFound(req.path == "/" ? "no web page is built into this server: the API is at /api/search"
                                       : "no such file");
    res.set_content(asset->body.data(), asset->body.size(), std::string(asset->content_type));
    res.set_header("Cache-Control", req.path == "/" ? "no-cache" : "public, max-age=300");
}

}  // namespace quorum::server
