#include "shard_set_cut.hpp"

#include <atomic>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <xapian.h>

#include "quorum/index/shard_set.hpp"
#include "shard_set_documents.hpp"

namespace quorum::index {
namespace fs = std::filesystem;
namespace ss = shard_set;

namespace {

// Store `i` of `set_dir` from its parts: compacted, fillers deleted, units dressed.
void cut_store(const fs::path& set_dir, std::size_t i, const std::vector<SetPart>& parts,
               const std::vector<Xapian::docid>& offsets, const fs::path& whole_dir) {
    const fs::path out = set_dir / (i == 0 ? std::string(ss::local_dir) : ss::shard_dir(unsigned(i - 1)));
    Xapian::Database sources;
    for (const auto& part : parts) sources.add_database(Xapian::Database(part.stores[i].string()));
    // Renumbering gives part p's documents offsets[p] + their docid in the part, as in
    // OUT/whole, because each part's store spans docids 1..last_docid (fillers).
    sources.compact(out.string(), Xapian::DBCOMPACT_MULTIPASS);
    sources.close();

    Xapian::WritableDatabase db(out.string(), Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
    for (std::size_t p = 0; p < parts.size(); ++p)
        for (Xapian::docid filler : parts[p].fillers[i]) db.delete_document(offsets[p] + filler);
    if (i > 0) {
        Xapian::Database whole(whole_dir.string());
        std::vector<Xapian::docid> units;
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) units.push_back(*it);
        // Read from the shard itself, a unit is rewritten in place, values only: Xapian then
        // leaves its terms and positions alone.
        for (Xapian::docid did : units) db.replace_document(did, shard_document(db.get_document(did), did, whole));
    }
    db.commit();
}

}  // namespace

void cut_set_from_parts(const fs::path& set_dir, const std::vector<SetPart>& parts, const fs::path& whole_dir,
                        unsigned threads) {
    if (parts.empty()) throw std::runtime_error("no parts to cut a shard set from");
    const std::size_t stores = parts.front().stores.size();
    std::vector<Xapian::docid> offsets;
    Xapian::docid total = 0;
    for (const auto& part : parts) {
        offsets.push_back(total);
        total += part.last_docid;
    }
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};  // the other stores are not worth cutting then
    std::mutex mutex;
    std::exception_ptr failure;
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < std::max(1u, threads) && t < stores; ++t)
        pool.emplace_back([&] {
            for (std::size_t i = next++; i < stores && !failed; i = next++) {
                try {
                    cut_store(set_dir, i, parts, offsets, whole_dir);
                } catch (const Xapian::Error& e) {
                    std::lock_guard lock(mutex);
                    failed = true;
                    if (!failure)
                        failure = std::make_exception_ptr(std::runtime_error(
                            "cannot cut the shard set at " + set_dir.string() + ": " + e.get_description() +
                            "; the indexed archive is not kept: run again"));
                } catch (...) {
                    std::lock_guard lock(mutex);
                    failed = true;
                    if (!failure) failure = std::current_exception();
                }
            }
        });
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    try {
        const std::string revision = std::to_string(Xapian::Database(whole_dir.string()).get_revision());
        Xapian::WritableDatabase local((set_dir / ss::local_dir).string(), Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
        local.set_metadata(std::string(ss::synced_key), revision);
        local.set_metadata(std::string(ss::format_key), std::string(ss::format));
        local.commit();
    } catch (const Xapian::Error& e) {
        throw std::runtime_error("cannot write " + (set_dir / ss::local_dir).string() + ": " + e.get_description());
    }
}

}  // namespace quorum::index
