#include "json_codec.hpp"

#include <algorithm>
#include <initializer_list>

namespace quorum::server {
namespace {

using nlohmann::json;

// Fields the API promises on every hit and unit (null when unknown).
constexpr std::initializer_list<const char*> kHitFields = {"id",       "type",   "rank",      "score",      "title",
                                                           "snippet",  "date",   "committee", "meeting_id", "item",
                                                           "document", "people", "topics", "council"};
constexpr std::initializer_list<const char*> kMeetingFields = {
    "id", "date", "committee", "council", "title", "venue", "documents", "attendance", "items", "items_count"};
constexpr std::initializer_list<const char*> kMeetingSummaryFields = {"id", "date", "committee", "council", "title",
                                                                      "items_count"};
constexpr std::initializer_list<const char*> kFacetNames = {"committee", "year",   "type",    "person", "topic",
                                                            "kind",      "outcome", "status", "council"};

void ensure_fields(json& object, std::initializer_list<const char*> fields) {
    for (const char* f : fields)
        if (!object.contains(f)) object[f] = nullptr;
}

void ensure_lists(json& object, std::initializer_list<const char*> fields) {
    for (const char* f : fields)
        if (!object.contains(f) || object[f].is_null()) object[f] = json::array();
}

}  // namespace

json parse_record(std::string_view record, bool drop_text) {
    json::parser_callback_t skip_text = [drop_text](int depth, json::parse_event_t event, json& parsed) {
        return !(drop_text && depth == 1 && event == json::parse_event_t::key && parsed == "text");
    };
    json value = json::parse(record.begin(), record.end(), skip_text, /*allow_exceptions=*/false);
    if (!value.is_object()) return json::object();
    return value;
}

json hit_json(const query::Hit& hit) {
    json out = parse_record(hit.record, /*drop_text=*/true);
    out["id"] = hit.id;
    out["rank"] = hit.rank;
    out["score"] = hit.score;
    out["snippet"] = hit.snippet;
    out["also_in"] = hit.also_in;
    out["why"] = {{"matched", hit.matched}, {"related", hit.related}};
    ensure_fields(out, kHitFields);
    ensure_lists(out, {"people", "topics"});
    return out;
}

// How the query was read: "read_as" in words for people (the page shows it), its parts for
// programs, and Xapian's description as "parsed" for developers.
json query_json(const query::SearchRequest& request, const query::QueryReading& reading, const std::string& parsed) {
    json expansions = json::array();
    for (const auto& e : reading.expansions)
        expansions.push_back({{"word", e.word}, {"related", e.related}, {"source", e.source}});
    json out = {{"q", request.q},
                {"mode", request.mode == query::Mode::hybrid ? "hybrid" : "keyword"},
                {"read_as", reading.text},
                {"all_of", reading.all_of},
                {"any_of", reading.any_of},
                {"phrases", reading.phrases},
                {"without", reading.without},
                {"filters", reading.filters},
                {"expansions", std::move(expansions)},
                {"lifts", reading.lifts},
                {"parsed", parsed}};
    if (!request.like.empty()) out["like"] = request.like;
    return out;
}

json search_json(const query::SearchRequest& request, const query::SearchResult& result) {
    json hits = json::array();
    for (const auto& hit : result.hits) hits.push_back(hit_json(hit));

    json facets = json::object();
    for (const char* name : kFacetNames) facets[name] = json::array();
    for (const auto& [name, values] : result.facets) {
        json list = json::array();
        for (const auto& v : values) list.push_back({{"id", v.id}, {"name", v.name}, {"count", v.count}});
        facets[name] = std::move(list);
    }

    const std::uint64_t per_page = static_cast<std::uint64_t>(std::max(1, request.per_page));
    const std::uint64_t pages = std::min<std::uint64_t>((result.total + per_page - 1) / per_page, 1000);
    json out = {
        {"query", query_json(request, result.reading, result.parsed)},
        {"total", result.total},
        {"total_exact", result.total_exact},
        {"facets_exact", result.facets_exact},
        {"page", request.page},
        {"per_page", request.per_page},
        {"pages", pages},
        {"took_ms", result.took_ms},
        {"suggestion", result.suggestion ? json(*result.suggestion) : json(nullptr)},
        {"hits", std::move(hits)},
        {"facets", std::move(facets)},
    };
    // Only when shards were left out: a complete answer reads as one index's would.
    if (result.partial) {
        out["partial"] = true;
        out["missing_shards"] = result.missing_shards;
    }
    return out;
}

json unit_json(std::string_view record) {
    json out = parse_record(record, /*drop_text=*/false);
    ensure_fields(out, kHitFields);
    ensure_fields(out, {"text"});
    ensure_lists(out, {"people", "topics", "also_in"});
    return out;
}

json meeting_json(std::string_view record) {
    json out = parse_record(record, /*drop_text=*/false);
    ensure_fields(out, kMeetingFields);
    ensure_lists(out, {"documents", "items"});
    return out;
}

json meetings_json(const std::vector<std::string>& records, const MeetingParams& params) {
    std::size_t first = 0, last = records.size();
    if (params.page || params.per_page) {
        const auto per_page = static_cast<std::size_t>(params.per_page.value_or(100));
        const auto page = static_cast<std::size_t>(params.page.value_or(1));
        first = std::min(records.size(), (page - 1) * per_page);
        last = std::min(records.size(), first + per_page);
    }
    json list = json::array();
    for (std::size_t i = first; i < last; ++i) {
        json m = parse_record(records[i], /*drop_text=*/true);
        ensure_fields(m, kMeetingSummaryFields);
        list.push_back(std::move(m));
    }
    json out = {{"total", records.size()}, {"meetings", std::move(list)}};
    if (params.page || params.per_page) {
        out["page"] = params.page.value_or(1);
        out["per_page"] = params.per_page.value_or(100);
    }
    return out;
}

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace quorum::server
