// The query library: requests in, ranked hits, facets, snippets and suggestions out.
// No Xapian type appears here: the server and tests depend on this header only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quorum/index/vocabulary.hpp"

namespace quorum::query {

enum class Sort { relevance, newest, oldest, largest_amount };

// keyword: the words as typed (with council acronyms). hybrid: also by meaning: each word
// brings its related words (the council thesaurus, words used alike in the archive, WordNet
// synonyms), weighed below the word itself; docs/RELEVANCE.md measures both.
enum class Mode { keyword, hybrid };

// One search. Validation of ranges happens in the server's parameter table; the
// searcher still clamps defensively and throws std::invalid_argument for nonsense.
struct SearchRequest {
    std::string q;
    std::vector<std::string> committee, person, topic, type, year, kind, outcome, status,
        council;  // facet ids, OR within one
    std::string from, to;  // YYYY-MM-DD inclusive, empty = open
    Sort sort = Sort::relevance;
    int page = 1;        // 1-based
    int per_page = 10;   // 1..100 (CSV export may ask up to 10000)
    bool facets = true;  // count facets over the whole match set
    bool snippets = true;
    bool include_procedural = true;
    // Front matter (header, attendance and cover units). Unset: included when the query has
    // words or a type filter names them, left out when browsing by filters alone, so a
    // committee's list of business is not a list of attendance lists.
    std::optional<bool> include_front_matter;
    Mode mode = Mode::hybrid;
    // "More like this": units like this unit (or decision) id, ranked by the terms that
    // distinguish it (Xapian's relevance feedback); `q` then narrows nothing and must be empty.
    std::string like;
};

// A word of the query and the related words it brought (hybrid mode, or a council acronym).
struct Expansion {
    std::string word;                  // as typed (folded)
    std::vector<std::string> related;  // "dismissed", "members allowances"
    std::string source;                // thesaurus | archive | wordnet | acronym
};

// How a query was read, in words for people: never Xapian's description.
struct QueryReading {
    std::vector<std::string> all_of, any_of, phrases, without;  // words and phrases as typed
    std::vector<std::string> filters;                           // "committee: cabinet", "year 2022"
    std::vector<Expansion> expansions;
    std::vector<std::string> lifts;  // "decisions first", "units of 2022 first"
    std::string like;                // the unit id of a "more like this"
    std::string text;  // "all of: fostering, allowances · the phrase "foster carers" · also: dismissed ≈ sacked"
};

struct FacetValue {
    std::string id;
    std::string name;
    std::uint64_t count = 0;
};

struct Hit {
    std::string id;
    int rank = 0;  // 1-based over the whole result list
    double score = 0;
    std::string snippet;               // HTML-escaped except <mark>...</mark>
    std::string record;                // the unit's stored JSON record (fields of a hit, plus "text")
    std::vector<std::string> also_in;  // ids of duplicate units collapsed into this one
    // Why it matched: the query's words it contains, and related words standing in for
    // others ("dismissed ≈ sacked").
    std::vector<std::string> matched;
    std::vector<std::string> related;
};

struct SearchResult {
    std::string parsed;  // Xapian's description of the query (for developers)
    QueryReading reading;
    std::uint64_t total = 0;
    bool total_exact = false;  // total counted, not Xapian's estimate or a scaled sample
    std::vector<Hit> hits;
    std::map<std::string, std::vector<FacetValue>>
        facets;  // committee, year, type, person, topic, kind, outcome, status, council
    // False when the match set was too large to count in time and the facet counts were
    // estimated from a sample of it (scaled to the whole; docs/bench/query-hotpath-2026-11-24.md).
    bool facets_exact = true;
    std::optional<std::string> suggestion;
    double took_ms = 0;
    // A shard set searched without some of its shards (ShardOptions::leave_out): the answer
    // covers the others only, and names the missing ones ("shard-1 (10.0.0.2:7001)").
    bool partial = false;
    std::vector<std::string> missing_shards;
};

struct MeetingFilter {
    std::string committee;  // id, empty = any
    std::string council;    // id, empty = any
    std::string from, to;
};

// GET /api/decisions: every field optional (empty = no filter). This is the one decision
// filter (Searcher::decisions): committee id; outcome result; status (overdue also matches
// decisions past their due date); kind; owner person id or words of the printed owner;
// from/to inclusive on the decision's date; q: every folded word occurs in the text,
// preamble, item title, owner or document title.
struct DecisionQuery {
    std::string q, committee, owner, from, to;
    std::string council;  // council id
    std::optional<index::vocabulary::OutcomeResult> outcome;
    std::optional<index::vocabulary::DecisionStatus> status;
    std::optional<index::vocabulary::DecisionKind> kind;
    int page = 1;       // 1-based
    int per_page = 50;  // 1..10000
};

// A council as the papers name it (Document::council; id: its slug), with what the index
// holds of it. Counts are of meetings, decision records and people records.
struct CouncilSummary {
    std::string id, name;
    std::uint64_t meetings = 0, decisions = 0, people = 0, units = 0;
    std::string first_date, last_date;  // of its dated meetings; empty when none
};

struct CouncilDetail {
    CouncilSummary summary;
    struct Count {
        std::string id, name;  // committee id and name, or the year twice
        std::uint64_t meetings = 0;
    };
    std::vector<Count> committees;        // by meetings, most first, then name
    std::vector<Count> meetings_by_year;  // newest first
    std::vector<std::string> members;     // people records (list form) of kind councillor or co-optee, by name
};

struct RecordList {
    std::uint64_t total = 0;
    std::vector<std::string> records;  // stored JSON (list form), in list order
    std::string as_of;                 // decisions: the date statuses are relative to
};

// Thrown when the index itself cannot be read (a damaged, missing or replaced table), as
// opposed to a bad question. `lasting()`: false when a writer changed the index twice
// during one read, which the next attempt survives. what() names no file path.
class IndexUnavailable : public std::runtime_error {
public:
    IndexUnavailable(const std::string& what, bool lasting) : std::runtime_error(what), lasting_(lasting) {}
    [[nodiscard]] bool lasting() const noexcept { return lasting_; }

private:
    bool lasting_;
};

// Where the shards of a shard set (quorum-index --shards; docs/SERVING.md) are searched.
// Ignored for a single index.
struct ShardOptions {
    // HOST:PORT of the xapian-tcpsrv serving shard 0, 1, ... in order; empty: the set's own
    // folders OUT/shard-K. OUT/local is always read from the set's folder.
    std::vector<std::string> remote;
    unsigned timeout_ms = 2000;  // to connect to a remote shard, and for each message to it
    std::vector<unsigned> leave_out;  // shards not searched: answers say they are partial
};

// Thrown when shards of a set cannot be searched (down, too slow, or serving another
// shard): `shards()` numbers them, `names()` names them ("shard-K"); what() has the details
// (hosts included) for the server's log.
class ShardsUnavailable : public std::runtime_error {
public:
    ShardsUnavailable(const std::string& what, std::vector<unsigned> shards, std::vector<std::string> names)
        : std::runtime_error(what), shards_(std::move(shards)), names_(std::move(names)) {}
    [[nodiscard]] const std::vector<unsigned>& shards() const noexcept { return shards_; }
    [[nodiscard]] const std::vector<std::string>& names() const noexcept { return names_; }

private:
    std::vector<unsigned> shards_;
    std::vector<std::string> names_;
};

// The number of shards of the set at `db_dir`, or 0 when it holds a single index. Throws
// IndexUnavailable when `db_dir` has an OUT/local that cannot be read or names no count.
[[nodiscard]] unsigned shard_count(const std::filesystem::path& db_dir);
// "shard-K", as answers and /healthz name a shard (public: never its host).
[[nodiscard]] std::string shard_name(unsigned shard);
// "shard-K (HOST:PORT)", for the server's log.
[[nodiscard]] std::string shard_endpoint(unsigned shard, const ShardOptions& options);

// One shard's state, from a connection of its own (ShardOptions says where it is).
struct ShardHealth {
    unsigned shard = 0;
    std::string name;      // shard_name
    std::string endpoint;  // shard_endpoint, for the log
    bool up = false;
    double latency_ms = 0;  // to open it and read its metadata
    std::uint64_t units = 0;
    std::string error;   // why it is not up, without hosts (shown by /healthz)
    std::string detail;  // the same with Xapian's context, for the log
};
[[nodiscard]] ShardHealth probe_shard(const std::filesystem::path& db_dir, unsigned shard,
                                      const ShardOptions& options) noexcept;

// Opens the index at `db_dir` afresh and takes a quick look at every table (a few hundred
// block reads at any size): nullopt when all read cleanly, else which table failed and
// why, with no file path in the message. Not a full check: `xapian-check DIR` reads
// every block.
// A shard set: its OUT/local, and its shard folders unless `remote_shards`.
[[nodiscard]] std::optional<std::string> check_index(const std::filesystem::path& db_dir, bool remote_shards = false);
// How check_index's answer starts when the index could not be opened at all.
inline constexpr std::string_view index_open_failure = "the index cannot be opened";

// Which database is at `db_dir`: Xapian's uuid, which a re-index in place keeps and a
// folder removed and built again, or swapped in with `mv`, changes. Empty when it cannot
// be opened. Opens the index: call it when its files have changed, not per request.
[[nodiscard]] std::string database_identity(const std::filesystem::path& db_dir) noexcept;

// A database handle for one thread. Xapian handles are not thread-safe: make one
// Searcher per worker thread. Throws std::runtime_error when the index cannot be opened.
class Searcher {
public:
    explicit Searcher(const std::filesystem::path& db_dir, const ShardOptions& shards = {});
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

    // Decision records (docs/DECISIONS.md) by date then document order; one page.
    [[nodiscard]] RecordList decisions(const DecisionQuery& query);
    // Decision detail JSON (the decision, its "links" and "thread"), or nullopt.
    [[nodiscard]] std::optional<std::string> decision(const std::string& id);
    // People by name; `q`: every folded word starts a word of the name or a variant;
    // `council`: a council id, only the people its papers name.
    [[nodiscard]] RecordList people(const std::string& q, int page = 1, int per_page = 100,
                                    const std::string& council = {});
    [[nodiscard]] std::optional<std::string> person(const std::string& id);
    // Committees by name: {id,name,meetings_count,decisions_count,first_date,last_date}.
    // `council`: a council id, only the committees its papers name.
    [[nodiscard]] std::vector<std::string> committees(const std::string& council = {});
    [[nodiscard]] std::optional<std::string> committee(const std::string& id);

    // Every council the papers name, by name (issue 17).
    [[nodiscard]] std::vector<CouncilSummary> councils();
    // One council: its summary, committees, meetings by year and members; nullopt when unknown.
    [[nodiscard]] std::optional<CouncilDetail> council(const std::string& id);

    // Reopen when the index on disk has changed (cheap when it has not). Returns true if reopened.
    bool refresh();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace quorum::query
