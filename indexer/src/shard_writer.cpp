#include "shard_writer.hpp"

#include <stdexcept>

namespace quorum::index {

namespace {

// Spelling words held in memory before they are written: bounds memory on big archives.
constexpr std::size_t spelling_flush_units = 20000;

}  // namespace

ShardWriter::ShardWriter(const std::filesystem::path& dir, std::string options) : options_(std::move(options)) {
    try {
        use_batched_flushes();
        // A shard is scratch space until the merge: no fsync (a crash rebuilds it anyway).
        db_ = Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
    } catch (const Xapian::Error& e) {
        throw std::runtime_error("cannot create the index shard " + dir.string() + ": " + e.get_description() +
                                 "; check free disk space and permissions");
    }
}

std::size_t ShardWriter::add_file(const std::string& key, const std::filesystem::path& path,
                                  const FileSignature& signature, BuiltFile& built) {
    try {
        for (auto& u : built.units) {
            db_.add_document(u.doc);
            for (const auto& w : u.spelling) ++spelling_[w];
        }
        db_.add_document(file_document(key, path, signature, built, options_));
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
        db_.commit();
        db_.close();
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
