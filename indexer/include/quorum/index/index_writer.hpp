// The single writer of a Quorum index (a Xapian glass database directory).
//
// Atomicity: the writer opens the live database and starts one transaction; every change
// of the run (units, meetings, per-file state, spelling, synonyms, names) is made inside
// it and becomes visible only in commit(). Xapian flushes batches to unused blocks inside
// the transaction (XAPIAN_FLUSH_THRESHOLD documents) without committing, so readers, and
// a kill -9, still see the previous revision whole. A first build writes shards instead
// (shard_writer.hpp) and uses this writer only to finish the merged index.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "quorum/decisions/decisions.hpp"
#include "quorum/index/document_builder.hpp"

namespace quorum::index {

// What identifies one version of an input file.
struct FileSignature {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::string hash;  // hex FNV-1a 64 of the content; empty when not computed
};

// Size and modification time (no read); throws std::runtime_error when the file is gone.
[[nodiscard]] FileSignature stat_signature(const std::filesystem::path& file);
// Hash of the content of `bytes` as stored in FileSignature::hash.
[[nodiscard]] std::string content_hash(std::string_view bytes);
// Reads the file and hashes it; throws std::runtime_error when it cannot be read.
[[nodiscard]] std::string file_hash(const std::filesystem::path& file);

// What the index remembers about one input file.
struct StoredFile {
    std::string key;   // the file term value (schema::file_prefix)
    std::string path;  // absolute path when indexed
    FileSignature signature;
    std::string schema;   // schema::version when indexed
    std::string options;  // options fingerprint when indexed (topics file etc.)
    std::size_t units = 0;
    std::string council;  // the council its document records name (the first by document id); "" when none
    // The council the decisions pass gave it (corpus::ReadOptions::council), which its
    // records name with council_source "archive"; then `council` is "": the file names none.
    std::string given_council;
    std::vector<std::string> meetings;  // the meeting ids of its documents
};

struct WriteCounts {
    std::size_t added = 0, replaced = 0, deleted = 0;
};

// Where a unit was printed, for the provenance of decision records (exports).
struct UnitPlace {
    std::string council;
    int page = 0;
    std::string file_order;  // its file's key: decisions list by date, then this (stable as files come and go)
};

struct DecisionCounts {
    std::size_t decisions = 0, links = 0, threads = 0, people = 0, committees = 0;
    std::size_t units_updated = 0;      // units whose outcome/status changed
    std::size_t records_unchanged = 0;  // records kept as stored: the last run wrote them just so
};

// transaction: the run is one transaction, so readers of `dir` see all of it or none.
// private_build: `dir` is a new index no reader can see yet (it is renamed into place
// when done), so changes are flushed in batches as they come: memory stays bounded.
enum class WriteMode { transaction, private_build };

// A word the hybrid mode may also search for a query word, with its weight (0,1].
struct RelatedWordEntry {
    std::string word, related;
    double weight = 0;
};

class IndexWriter {
public:
    // Opens (or creates) the database at `dir` and starts the run's transaction.
    // `options` fingerprints settings that change the index content (a file indexed under
    // other options counts as changed). Throws std::runtime_error with what to do.
    explicit IndexWriter(const std::filesystem::path& dir, std::string options = {},
                         WriteMode mode = WriteMode::transaction);
    ~IndexWriter();  // without commit(): every change of the run is discarded (private_build: left half-written)
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    [[nodiscard]] std::optional<StoredFile> stored(const std::string& key) const;
    [[nodiscard]] std::vector<StoredFile> stored_files() const;

    // True when `key` was indexed from identical content under the current schema/options
    // (size and mtime equal; or size and content hash equal when `signature.hash` is set).
    [[nodiscard]] bool unchanged(const std::string& key, const FileSignature& signature) const;

    // Replace everything file `key` contributed by `built`: units that are no longer there
    // are deleted, meetings it records are re-merged.
    WriteCounts write_file(const std::string& key, const std::filesystem::path& path, const FileSignature& signature,
                           BuiltFile&& built);
    // Same content, new mtime: only the stored signature changes.
    void touch_file(const std::string& key, const std::filesystem::path& path, const FileSignature& signature);
    // Remove every unit and meeting part of file `key`. Returns the number of units deleted.
    std::size_t remove_file(const std::string& key);

    // Names of committees, people and topics (metadata) and the facet slots a file used;
    // write_file() calls it, a sharded first build calls it for every file.
    void add_names(const BuiltFile& built);
    // Re-merge every meeting at commit (after shards were merged into this index).
    void touch_every_meeting();

    // True when this run has changed anything so far (files written, touched or removed).
    [[nodiscard]] bool changed() const;
    // True when the stored decision records were computed by this decisions-pass version.
    [[nodiscard]] bool decisions_current() const;
    // The decision records are written in four steps, so that the analysis may come
    // council by council (decisions_pass.hpp): begin_decisions() notes the records stored
    // so far; write_decisions() writes a council's decisions (with their links and threads)
    // and gives the units of decisions the decision's outcome and status (XO/XS terms,
    // slots 6/7 and the record's "decision" field); `places`: unit id -> council, page and
    // file. write_summaries() writes people and committee records (whole ones: each merged
    // over every council), a batch at a time. finish_decisions() deletes the records this
    // pass did not write again and records the pass's version and as-of date. A record
    // stored just so already is kept as it is: an incremental run rewrites only what moved.
    void begin_decisions();
    DecisionCounts write_decisions(const decisions::DecisionAnalysis& batch,
                                   const std::map<std::string, UnitPlace>& places);
    DecisionCounts write_summaries(const std::vector<decisions::PersonSummary>& people,
                                   const std::vector<decisions::CommitteeSummary>& committees);
    void finish_decisions(const std::string& as_of);

    // Council terms (term, synonym) added as synonyms both ways, next to learnt acronyms.
    void set_council_terms(std::vector<std::pair<std::string, std::string>> terms);
    // What the hybrid search mode adds, one way (schema.hpp, "the synonym table"): the
    // thesaurus (plain words, the papers' words) and related words with their weights.
    void set_thesaurus(std::vector<std::pair<std::string, std::string>> entries);
    void set_related_words(std::vector<RelatedWordEntry> entries);
    // Related words learnt from this archive (quorum-index --learn-words): kept in the index's
    // metadata, so later runs keep them; for the words they cover they replace the built-in ones.
    void set_learnt_words(const std::vector<RelatedWordEntry>& entries);

    // Re-merge touched meetings, rebuild synonyms, write metadata and commit the run.
    void commit();

    [[nodiscard]] std::uint64_t unit_count() const;
    // The docids this writer wrote or deleted (with repeats): what a shard set cut from this
    // index must copy again after the commit (shard_set_sync.hpp).
    [[nodiscard]] std::vector<Xapian::docid> changed_docids() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The per-file record (signature, meeting parts, acronyms) of `key`; moves the meeting
// parts out of `built`. Shared by IndexWriter and the sharded first build.
[[nodiscard]] Xapian::Document file_document(const std::string& key, const std::filesystem::path& path,
                                             const FileSignature& signature, BuiltFile& built,
                                             const std::string& options);
// Sets Xapian's flush threshold (XAPIAN_FLUSH_THRESHOLD) for writers opened afterwards,
// unless the user set it.
void use_batched_flushes();

// Parse related_words.tsv text: "WORD<TAB>RELATED:WEIGHT|RELATED:WEIGHT..." lines, '#'
// comments, weights in (0,1]. Throws std::runtime_error naming a malformed line.
[[nodiscard]] std::vector<RelatedWordEntry> parse_related_words(std::string_view tsv);
// The synonym table's entries for the hybrid mode (schema.hpp, "the synonym table"), one way,
// added to `table` (key -> values): the thesaurus under "=", related words under "~", the
// words learnt from this archive (related_words.tsv text) replacing built-in ones they cover.
void add_hybrid_synonyms(std::map<std::string, std::set<std::string>>& table,
                         const std::vector<std::pair<std::string, std::string>>& thesaurus,
                         const std::vector<RelatedWordEntry>& related_words, std::string_view learnt_tsv);
// The same format, written (one line per word, in the order given).
[[nodiscard]] std::string format_related_words(const std::vector<RelatedWordEntry>& entries);
[[nodiscard]] std::string_view default_related_words();
// The thesaurus.tsv compiled in (the council_terms.tsv format, read one way).
[[nodiscard]] std::string_view default_thesaurus();

// Parse council_terms.tsv text: "TERM<TAB>SYNONYM|SYNONYM..." lines, '#' comments.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> parse_council_terms(std::string_view tsv);
// The council_terms.tsv compiled into the binary.
[[nodiscard]] std::string_view default_council_terms();

}  // namespace quorum::index
