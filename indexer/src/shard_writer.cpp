#include "shard_writer.hpp"

#include <stdexcept>

#include "shard_set_documents.hpp"

namespace quorum::index {

namespace {

// Spelling words held in memory before they are written: bounds memory on big archives.
constexpr std::size_t spelling_flush_units = 20000;

}  // namespace

ShardWriter::ShardWriter(const std::filesystem::path& dir, std::string options, SetPart* set)
    : options_(std::move(options)), set_(set && !set->stores.empty() ? set : nullptr) {
    // A shard is scratch space until the merge: no fsync (a crash rebuilds it anyway).
    const int flags = Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC;
    std::filesystem::path at = dir;
    try {
        use_batched_flushes();
        db_ = Xapian::WritableDatabase(dir.string(), flags);
        if (set_) {
            for (const auto& store : set_->stores) {
                at = store;
                set_dbs_.emplace_back(store.string(), flags);
            }
            set_first_.assign(set_dbs_.size(), 0);
            set_last_.assign(set_dbs_.size(), 0);
        }
    } catch (const Xapian::Error& e) {
        const std::string what = e.get_description();
        throw std::runtime_error("cannot create the index shard " + at.string() + ": " + what +
                                 (what.find("Too many open files") != std::string::npos
                                      ? "; raise the open-file limit (ulimit -n), or use fewer --threads or shards"
                                      : "; check free disk space and permissions"));
    }
}

void ShardWriter::write_to_set(Xapian::docid did, const Xapian::Document& doc) {
    const std::size_t store = set_store_of(doc, static_cast<unsigned>(set_dbs_.size() - 1));
    set_dbs_[store].replace_document(did, doc);
    if (set_first_[store] == 0) set_first_[store] = did;
    set_last_[store] = did;
}

std::size_t ShardWriter::add_file(const std::string& key, const std::filesystem::path& path,
                                  const FileSignature& signature, BuiltFile& built) {
    try {
        for (auto& u : built.units) {
            const Xapian::docid did = db_.add_document(u.doc);
            if (set_) write_to_set(did, u.doc);
            for (const auto& w : u.spelling) ++spelling_[w];
        }
        const Xapian::Document file = file_document(key, path, signature, built, options_);
        const Xapian::docid did = db_.add_document(file);
        if (set_) write_to_set(did, file);
        units_since_flush_ += built.units.size();
        if (units_since_flush_ >= spelling_flush_units) flush_spelling();
    } catch (const Xapian::Error& e) {
        throw std::runtime_error("cannot write the index shard: " + e.get_description());
    }
    return built.units.size();
}

void ShardWriter::flush_spelling() {
    for (const auto& [w, n] : spelling_) db_.add_spelling(w, n);
    spelling_.clear();
    units_since_flush_ = 0;
}

void ShardWriter::finish() {
    try {
        flush_spelling();
        const Xapian::docid last = db_.get_lastdocid();
        db_.commit();
        db_.close();
        if (set_) {
            set_->last_docid = last;
            set_->fillers.assign(set_dbs_.size(), {});
            for (std::size_t i = 0; i < set_dbs_.size(); ++i) {
                for (Xapian::docid did : {Xapian::docid(1), last}) {
                    const bool used = set_first_[i] == did || set_last_[i] == did;
                    if (last == 0 || used || (!set_->fillers[i].empty() && set_->fillers[i].back() == did)) continue;
                    set_dbs_[i].replace_document(did, Xapian::Document());
                    set_->fillers[i].push_back(did);
                }
                set_dbs_[i].commit();
                set_dbs_[i].close();
            }
        }
    } catch (const Xapian::Error& e) {
        throw std::runtime_error("cannot commit the index shard: " + e.get_description());
    }
}

void merge_shards(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& out) {
    try {
        Xapian::Database all;
        for (const auto& s : shards) all.add_database(Xapian::Database(s.string()));
        // Compaction renumbers docids shard after shard and sums the spelling tables.
        all.compact(out.string(), Xapian::DBCOMPACT_MULTIPASS);
    } catch (const Xapian::Error& e) {
        throw std::runtime_error("cannot merge the index shards into " + out.string() + ": " + e.get_description() +
                                 "; check free disk space");
    }
}

}  // namespace quorum::index
