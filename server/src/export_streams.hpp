// CSV and Atom exports streamed batch by batch (chunked responses): a search's hits, or
// the records of a list (meetings, decisions, people, committees).
#pragma once

#include "handlers.hpp"
#include "params.hpp"
#include "record_exports.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <vector>

namespace quorum::server {

// Records fetched per batch of an export.
inline constexpr int kExportBatch = 500;

// Streams a whole result set (at most kExportCap hits) batch by batch. The first batch
// is fetched before streaming starts so that a bad query still gets a proper 400.
void stream_export(Context& ctx, query::SearchRequest request, Format format, httplib::Response& res);

// Streams every record of a list (at most kExportCap) as CSV or Atom, batch by batch:
// `fetch(page)` returns one batch of kExportBatch list-form records (fewer at the end).
// The first batch is fetched before streaming, so a failure still gets a JSON error.
void stream_records(Context& ctx, const httplib::Request& req, RecordKind kind, Format format,
                    std::function<std::vector<nlohmann::json>(int)> fetch, httplib::Response& res);

}  // namespace quorum::server
