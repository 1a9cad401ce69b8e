// The query library: requests in, ranked hits, facets, snippets and suggestions out.
// No Xapian type appears here: the server and tests depend on this header only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace quorum::query {

enum class Sort { relevance, newest, oldest };

// One search. Validation of ranges happens in the server's parameter table; the
// searcher still clamps defensively and throws std::invalid_argument for nonsense.
struct SearchRequest {
    std::string q;
    std::vector<std::string> committee, person, topic, type, year, kind, outcome, status;  // facet ids, OR within one
    std::string from, to;  // YYYY-MM-DD inclusive, empty = open
    Sort sort = Sort::relevance;
    int page = 1;          // 1-based
    int per_page = 10;     // 1..100 (CSV export may ask up to 10000)
    bool facets = true;    // count facets over the whole match set
    bool snippets = true;
    bool include_procedural = true;
};

struct FacetValue {
    std::string id;
    std::string name;
    std::uint64_t count = 0;
};

struct Hit {
    std::string id;
    int rank = 0;          // 1-based over the whole result list
    double score = 0;
    std::string snippet;   // HTML-escaped except <mark>...</mark>
    std::string record;    // the unit's stored JSON record (fields of a hit, plus "text")
    std::vector<std::string> also_in;  // ids of duplicate units collapsed into this one
};

struct SearchResult {
    std::string parsed;     // how the query was read (Xapian's description, readable)
    std::uint64_t total = 0;
    std::vector<Hit> hits;
    std::map<std::string, std::vector<FacetValue>> facets;  // committee, year, type, person, topic, kind
    std::optional<std::string> suggestion;
    double took_ms = 0;
};

struct MeetingFilter {
    std::string committee;  // id, empty = any
    std::string from, to;
};

// A database handle for one thread. Xapian handles are not thread-safe: make one
// Searcher per worker thread. Throws std::runtime_error when the index cannot be opened.
class Searcher {
public:
    explicit Searcher(const std::filesystem::path& db_dir);
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;

    [[nodiscard]] SearchResult search(const SearchRequest& request);

    // Stored JSON of one unit (with full "text"), or nullopt when no such unit.
    [[nodiscard]] std::optional<std::string> unit(const std::string& id);

    // Stored JSON records of meetings (summaries: id, date, committee, title, items_count), newest first.
    [[nodiscard]] std::vector<std::string> meetings(const MeetingFilter& filter);

    // Stored JSON of one meeting (id, date, committee, venue, documents, attendance, items).
    [[nodiscard]] std::optional<std::string> meeting(const std::string& id);

    [[nodiscard]] std::uint64_t unit_count();

    // Reopen when the index on disk has changed (cheap when it has not). Returns true if reopened.
    bool refresh();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace quorum::query
