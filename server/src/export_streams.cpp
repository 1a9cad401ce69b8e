#include "export_streams.hpp"

#include "export_formats.hpp"
#include "json_codec.hpp"
#include "text_escape.hpp"
#include "quorum/text/utf8.hpp"

#include <memory>

namespace quorum::server {
namespace {

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

// A search export in progress (stream_export).
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

// A list export in progress (stream_records).
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
    return text::repair_utf8(out);
}

}  // namespace

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

}  // namespace quorum::server
