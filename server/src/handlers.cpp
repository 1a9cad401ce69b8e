#include "handlers.hpp"

#include "export_formats.hpp"
#include "http_errors.hpp"
#include "json_codec.hpp"
#include "openapi.hpp"
#include "params.hpp"
#include "record_exports.hpp"
#include "text_escape.hpp"
#include "web_assets.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <memory>

namespace quorum::server {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr int kExportBatch = 500;

void send_json(httplib::Response& res, const nlohmann::json& body) { res.set_content(dump(body), kJson); }

std::string checked_id(const httplib::Request& req, std::string_view what) {
    const std::string id = req.matches.size() > 1 ? req.matches[1].str() : std::string();
    if (!is_valid_id(id))
        throw std::invalid_argument(std::string(what) +
                                    " id must be made of lowercase letters, digits, '.', '_' and '-' "
                                    "(at most 200 characters)");
    return id;
}

// One call per chunk of an export stream S (its first chunk is opening() plus the batch
// fetched before streaming; then advance() fetches the next batch while more()): returns
// false to abort (the client sees a cut chunked body).
template <class S>
bool write_next_chunk(S& s, httplib::DataSink& sink) noexcept {
    try {
        std::string chunk;
        if (!s.started) {
            s.started = true;
            chunk = s.opening();
            chunk += s.render_batch();
        } else if (s.more()) {
            s.advance();
            chunk = s.render_batch();
        }
        const bool done = !s.more() || s.batch_empty();
        if (done && s.format == Format::atom) chunk += atom_end();
        if (!chunk.empty()) {
            AccessLog::add_streamed_bytes(chunk.size());
            if (!sink.write(chunk.data(), chunk.size())) return false;
        }
        if (done) sink.done();
        return true;
    } catch (const std::exception& e) {
        if (s.ctx.log) s.ctx.log->note(std::string("export stopped: ") + e.what());
    } catch (...) {
        if (s.ctx.log) s.ctx.log->note("export stopped: unknown exception");
    }
    return false;
}

// Streams a whole result set (at most kExportCap hits) batch by batch. The first batch
// is fetched before streaming starts so that a bad query still gets a proper 400.
struct ExportStream {
    Context& ctx;
    query::SearchRequest request;
    Format format;
    std::string updated = rfc3339_now();
    query::SearchResult batch;
    int sent = 0;
    bool started = false;

    bool more() const {
        return sent < kExportCap && static_cast<std::uint64_t>(sent) < batch.total &&
               static_cast<int>(batch.hits.size()) == request.per_page;
    }

    std::string render_batch() {
        std::string out;
        for (const auto& hit : batch.hits) {
            if (sent >= kExportCap) break;
            const auto json = hit_json(hit);
            out += format == Format::csv ? csv_row(json, ctx.public_url) : atom_entry(json, ctx.public_url, updated);
            ++sent;
        }
        return out;
    }

    std::string opening() const {
        return format == Format::csv ? csv_header() : atom_begin(request.q, updated, ctx.public_url);
    }
    void advance() {
        ++request.page;
        batch = ctx.backend.search(request);
    }
    bool batch_empty() const { return batch.hits.empty(); }
    bool next(httplib::DataSink& sink) noexcept { return write_next_chunk(*this, sink); }
};

void stream_export(Context& ctx, query::SearchRequest request, Format format, httplib::Response& res) {
    request.page = 1;
    request.per_page = kExportBatch;
    request.facets = false;
    auto stream = std::make_shared<ExportStream>(ExportStream{ctx, std::move(request), format});
    stream->batch = ctx.backend.search(stream->request);
    if (format == Format::csv) {
        res.set_header("Content-Disposition", "attachment; filename=\"quorum-search.csv\"");
        res.set_chunked_content_provider("text/csv; charset=utf-8",
                                         [stream](std::size_t, httplib::DataSink& sink) { return stream->next(sink); });
    } else {
        res.set_chunked_content_provider("application/atom+xml; charset=utf-8",
                                         [stream](std::size_t, httplib::DataSink& sink) { return stream->next(sink); });
    }
}

// Streams every record of a list (at most kExportCap) as CSV or Atom, batch by batch:
// `fetch(page)` returns one batch of kExportBatch list-form records (fewer at the end).
// The first batch is fetched before streaming, so a failure still gets a JSON error.
struct RecordStream {
    Context& ctx;
    RecordKind kind;
    Format format;
    std::function<std::vector<nlohmann::json>(int)> fetch;
    std::string filters;
    std::string updated = rfc3339_now();
    std::vector<nlohmann::json> batch;
    int page = 1;
    int sent = 0;
    bool started = false;

    bool more() const { return sent < kExportCap && static_cast<int>(batch.size()) == kExportBatch; }

    std::string render_batch() {
        std::string out;
        for (const auto& record : batch) {
            if (sent >= kExportCap) break;
            out += format == Format::csv ? record_csv_row(kind, record, ctx.public_url)
                                         : record_atom_entry(kind, record, ctx.public_url, updated);
            ++sent;
        }
        return out;
    }

    std::string opening() const {
        return format == Format::csv ? record_csv_header(kind)
                                     : record_atom_begin(kind, filters, updated, ctx.public_url);
    }
    void advance() { batch = fetch(++page); }
    bool batch_empty() const { return batch.empty(); }
    bool next(httplib::DataSink& sink) noexcept { return write_next_chunk(*this, sink); }
};

// The query string as the feed's subtitle and id seed: the filters, without format/page.
std::string filters_of(const httplib::Request& req) {
    std::string out;
    for (const auto& [k, v] : req.params) {
        if (k == "format" || k == "page" || k == "per_page" || v.empty()) continue;
        if (!out.empty()) out += '&';
        out += k + "=" + v;
    }
    return to_valid_utf8(out);
}

void stream_records(Context& ctx, const httplib::Request& req, RecordKind kind, Format format,
                    std::function<std::vector<nlohmann::json>(int)> fetch, httplib::Response& res) {
    auto stream = std::make_shared<RecordStream>(RecordStream{ctx, kind, format, std::move(fetch), filters_of(req)});
    stream->batch = stream->fetch(1);
    const std::string name(record_list_name(kind));
    if (format == Format::csv) {
        res.set_header("Content-Disposition", "attachment; filename=\"quorum-" + name + ".csv\"");
        res.set_chunked_content_provider("text/csv; charset=utf-8",
                                         [stream](std::size_t, httplib::DataSink& sink) { return stream->next(sink); });
    } else {
        res.set_chunked_content_provider("application/atom+xml; charset=utf-8",
                                         [stream](std::size_t, httplib::DataSink& sink) { return stream->next(sink); });
    }
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
            [&ctx, q = params.q](int page) { return parsed(ctx.backend.people(q, page, kExportBatch).records); }, res);
    }
    const auto list = ctx.backend.people(params.q, params.page, params.per_page);
    send_json(res, {{"total", list.total},
                    {"page", params.page},
                    {"per_page", params.per_page},
                    {"people", parsed(list.records)}});
}

void get_person(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto id = checked_id(req, "person");
    const auto record = ctx.backend.person(id);
    if (!record) throw NotFound("no person has the id " + id + ": ids come from /api/people");
    send_json(res, parse_record(*record, /*drop_text=*/false));
}

void get_committees(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto format = parse_committees_params(req.params);
    if (format != Format::json) {
        auto all = std::make_shared<std::vector<std::string>>(ctx.backend.committees());
        return stream_records(
            ctx, req, RecordKind::committee, format, [all](int page) { return slice(*all, page); }, res);
    }
    const auto list = ctx.backend.committees();
    send_json(res, {{"total", list.size()}, {"committees", parsed(list)}});
}

void get_committee(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto id = checked_id(req, "committee");
    const auto record = ctx.backend.committee(id);
    if (!record) throw NotFound("no committee has the id " + id + ": ids come from /api/committees");
    send_json(res, parse_record(*record, /*drop_text=*/false));
}

void get_healthz(Context& ctx, const httplib::Request&, httplib::Response& res) {
    try {
        send_json(res, {{"status", "ok"}, {"units", ctx.backend.unit_count()}});
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
