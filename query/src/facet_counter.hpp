// Exact facet counts without a value lookup per match: each facet slot is read once per
// index revision (value streams, in docid order) into in-memory arrays of small codes per
// docid, and one custom MatchSpy adds up the codes of every matching docid.
//
// Trade-off: the custom spy cannot run on xapian-tcpsrv remote shards (it has no
// name()/serialise()), nor on several local shards (it would see shard-local docids),
// and the arrays cost a byte or two per document per single-valued facet (the narrowest
// width that holds the facet's codes), 4 bytes per document for the collapse key and the
// person/topic offsets, and one, two or four bytes per person/topic id (shared by the threads;
// loading takes one pass over the facet value streams per revision). FacetSpies keeps the stock ValueCountMatchSpy
// path for those databases (docs/SCHEMA.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

namespace quorum::query {

// Small codes in the narrowest unsigned width that holds the largest: a facet of thirty
// values costs one byte a document, not four (4.7 million documents at 1 GB of text).
class PackedCodes {
public:
    PackedCodes() = default;
    explicit PackedCodes(const std::vector<std::uint32_t>& codes);
    [[nodiscard]] std::uint32_t operator[](std::size_t i) const noexcept {
        return width_ == 1 ? bytes_[i] : width_ == 2 ? shorts_[i] : words_[i];
    }
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    [[nodiscard]] unsigned width() const noexcept { return width_; }

private:
    std::vector<std::uint8_t> bytes_;
    std::vector<std::uint16_t> shorts_;
    std::vector<std::uint32_t> words_;
    std::size_t size_ = 0;
    unsigned width_ = 1;
};

// One revision's facet values per docid. Immutable once loaded: shared between threads.
struct FacetTable {
    struct Facet {
        std::string name;                 // "committee", "person", ...
        std::vector<std::string> values;  // code -> facet id; code 0 is "no value"
        // Single-valued: codes[docid]. Multi-valued (person, topic): the codes of docid are
        // codes[offsets[docid]] .. codes[offsets[docid + 1]] - 1.
        PackedCodes codes;
        std::vector<std::uint32_t> offsets;  // empty for a single-valued facet
    };
    std::vector<Facet> facets;
    // collapse[docid]: code of the unit's collapse key (0: none), so a counting pass can
    // count collapsed matches (one per key) without reading values; keys = codes in use + 1.
    // Coded by the key's 64-bit value, not its text: holding millions of key strings to
    // intern them took most of the server's memory at 1 GB.
    std::vector<std::uint32_t> collapse;
    std::uint32_t collapse_keys = 1;
    std::vector<std::uint32_t> collapse_sizes;  // code -> units with that key (0 for code 0)
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

// Counts, per facet and code, the matching documents (a unit naming three people counts
// once for each; copies of a passage as `Copies` says: Xapian calls match spies before it
// collapses them), and how many matches remain once duplicates collapse.
class FacetCounter : public Xapian::MatchSpy {
public:
    // How copies of one passage (units sharing a collapse key) count in the facets:
    // `each` as every match (what Xapian's stock value count spies count); `once`, the first
    // copy met, so the facets add up to the collapsed total a search reports; `share`, 1 /
    // (copies in the archive) each, for a sample, where a copy's twins are mostly not met.
    enum class Copies { each, once, share };
    explicit FacetCounter(std::shared_ptr<const FacetTable> table, Copies copies = Copies::once);
    void operator()(const Xapian::Document& doc, double wt) override;

    [[nodiscard]] const FacetTable& table() const noexcept { return *table_; }
    // counts()[f][code]: matching documents with that value of facet f (code 0 unused),
    // copies counted as the constructor says (fractions only for Copies::share).
    [[nodiscard]] const std::vector<std::vector<double>>& counts() const noexcept { return counts_; }
    [[nodiscard]] std::uint64_t matched() const noexcept { return matched_; }
    // Matches with duplicates collapsed (one per collapse key): the total a collapsed search reports.
    [[nodiscard]] std::uint64_t collapsed() const noexcept { return collapsed_; }
    // Sum over the matches of 1 / (units sharing its collapse key): the collapsed count
    // estimated from a sample, where most duplicates' twins are not in the sample.
    [[nodiscard]] double collapsed_share() const noexcept { return share_; }

private:
    std::shared_ptr<const FacetTable> table_;
    Copies copies_;
    std::vector<std::vector<double>> counts_;
    std::vector<std::uint64_t> seen_;  // bit per collapse key code
    std::uint64_t matched_ = 0, collapsed_ = 0;
    double share_ = 0;
};

// A pseudo-random sample of about 1/stride of the docids 1..last, for estimating the facet
// counts of a large match set from part of it: one docid per block of `stride` docids, at
// a position hashed from the block number. Docids follow the indexing order (council,
// committee, year, document), so a prefix of the match set would be skewed; blocks spread
// the sample evenly over that order, and the hashed position avoids locking onto a period
// of the unit order (a fixed offset could pick, say, the same paragraph of every document).
// Deterministic: the same query gives the same estimate.
class SamplePostingSource : public Xapian::PostingSource {
public:
    SamplePostingSource(Xapian::docid stride, Xapian::docid last);
    [[nodiscard]] static bool sampled(Xapian::docid did, Xapian::docid stride);

    void init(const Xapian::Database& db) override;
    [[nodiscard]] Xapian::doccount get_termfreq_min() const override { return 0; }
    [[nodiscard]] Xapian::doccount get_termfreq_est() const override { return last_ / stride_ + 1; }
    [[nodiscard]] Xapian::doccount get_termfreq_max() const override { return last_ / stride_ + 1; }
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool check(Xapian::docid did, double min_wt) override;
    [[nodiscard]] bool at_end() const override;
    [[nodiscard]] Xapian::docid get_docid() const override;
    [[nodiscard]] SamplePostingSource* clone() const override;
    [[nodiscard]] std::string get_description() const override;

private:
    [[nodiscard]] Xapian::docid pick(Xapian::docid block) const;
    Xapian::docid stride_, last_;
    Xapian::docid current_ = 0;  // 0: before the start
};

}  // namespace quorum::query
