// Exact facet counts without a value lookup per match: each facet slot is read once per
// index revision (value streams, in docid order) into in-memory arrays of small codes per
// docid, and one custom MatchSpy adds up the codes of every matching docid.
//
// Trade-off: the custom spy cannot run on xapian-tcpsrv remote shards (it has no
// name()/serialise()), nor on several local shards (it would see shard-local docids),
// and the arrays cost ~4 bytes per document per single-valued facet
// plus 4 bytes per person/topic id (shared by the threads; loading takes one pass over
// the facet value streams per revision). FacetSpies keeps the stock ValueCountMatchSpy
// path for those databases (docs/SCHEMA.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

namespace quorum::query {

// One revision's facet values per docid. Immutable once loaded: shared between threads.
struct FacetTable {
    struct Facet {
        std::string name;                 // "committee", "person", ...
        std::vector<std::string> values;  // code -> facet id; code 0 is "no value"
        // Single-valued: codes[docid]. Multi-valued (person, topic): the codes of docid are
        // codes[offsets[docid]] .. codes[offsets[docid + 1]] - 1.
        std::vector<std::uint32_t> codes;
        std::vector<std::uint32_t> offsets;  // empty for a single-valued facet
    };
    std::vector<Facet> facets;
    Xapian::docid last_docid = 0;

    // Reads the facet slots of `db` (person/topic: the first `person_slots`/`topic_slots`).
    static FacetTable load(const Xapian::Database& db, unsigned person_slots, unsigned topic_slots);
};

// The table of db's current revision, shared by every Searcher of this process open on the
// same database and revision (loaded by the first that asks). nullptr when db has several
// shards: Xapian 1.4 hands match spies shard-local docids there.
[[nodiscard]] std::shared_ptr<const FacetTable> shared_facet_table(const Xapian::Database& db, unsigned person_slots,
                                                                   unsigned topic_slots);

// True when the database at `path` is a stub naming a remote (xapian-tcpsrv / prog) shard,
// where only stock match spies work.
[[nodiscard]] bool has_remote_shards(const std::filesystem::path& path);

// Counts, per facet and code, the matching documents (the stock spies' semantics: a unit
// naming three people counts once for each).
class FacetCounter : public Xapian::MatchSpy {
public:
    explicit FacetCounter(std::shared_ptr<const FacetTable> table);
    void operator()(const Xapian::Document& doc, double wt) override;

    [[nodiscard]] const FacetTable& table() const noexcept { return *table_; }
    // counts()[f][code]: matching documents with that value of facet f (code 0 unused).
    [[nodiscard]] const std::vector<std::vector<std::uint64_t>>& counts() const noexcept { return counts_; }

private:
    std::shared_ptr<const FacetTable> table_;
    std::vector<std::vector<std::uint64_t>> counts_;
};

}  // namespace quorum::query
