#include "shard_set_sync.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "quorum/index/index_writer.hpp"
#include "quorum/index/schema.hpp"
#include "quorum/index/shard_set.hpp"
#include "quorum/text/hash.hpp"
#include "shard_set_documents.hpp"

namespace quorum::index {
namespace fs = std::filesystem;
namespace s = schema;
namespace ss = shard_set;

namespace {

[[noreturn]] void rethrow(const Xapian::Error& e, const std::string& what) {
    throw std::runtime_error(what + ": " + e.get_description());
}

std::string random_set_id() {
    std::random_device device;
    std::uint64_t bits = (std::uint64_t(device()) << 32) ^ device();
    return text::hex64(bits);
}

std::set<std::string> metadata_keys(const Xapian::Database& db) {
    std::set<std::string> keys;
    for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k) keys.insert(*k);
    return keys;
}

bool is_set_key(const std::string& key) {
    return key == ss::shards_key || key == ss::rule_key || key == ss::set_id_key || key == ss::synced_key ||
           key == ss::anchors_key || key == ss::format_key || key.rfind(ss::anchor_key_prefix, 0) == 0;
}

// The first `shards` file state documents of `whole` by docid: anchor K goes to shard K
// (shard_set.hpp says why).
std::vector<Xapian::docid> anchors_of(const Xapian::Database& whole, unsigned shards) {
    std::vector<Xapian::docid> anchors;
    const std::string marker(s::file_marker);
    for (auto it = whole.postlist_begin(marker); it != whole.postlist_end(marker) && anchors.size() < shards; ++it)
        anchors.push_back(*it);
    return anchors;
}

std::vector<Xapian::docid> parse_docids(const std::string& text) {
    std::vector<Xapian::docid> out;
    std::istringstream in(text);
    for (unsigned long did; in >> did;) out.push_back(static_cast<Xapian::docid>(did));
    return out;
}

// Metadata, spelling and synonyms of `whole`, copied to `local` where they differ.
void copy_side_tables(const Xapian::Database& whole, Xapian::WritableDatabase& local) {
    const auto keys = metadata_keys(whole);
    for (const auto& key : metadata_keys(local))
        if (!keys.count(key) && !is_set_key(key)) local.set_metadata(key, "");
    for (const auto& key : keys) {
        std::string value = whole.get_metadata(key);
        if (local.get_metadata(key) != value) local.set_metadata(key, value);
    }

    std::map<std::string, Xapian::doccount> want;
    for (auto w = whole.spellings_begin(); w != whole.spellings_end(); ++w) want.emplace(*w, w.get_termfreq());
    std::vector<std::pair<std::string, Xapian::doccount>> have;
    for (auto w = local.spellings_begin(); w != local.spellings_end(); ++w) have.emplace_back(*w, w.get_termfreq());
    for (const auto& [word, n] : have) {
        auto it = want.find(word);
        const Xapian::doccount wanted = it == want.end() ? 0 : it->second;
        if (n > wanted) local.remove_spelling(word, n - wanted);
        if (n < wanted) local.add_spelling(word, wanted - n);
        if (it != want.end()) want.erase(it);
    }
    for (const auto& [word, n] : want) local.add_spelling(word, n);

    std::vector<std::string> old_keys;
    for (auto k = local.synonym_keys_begin(); k != local.synonym_keys_end(); ++k) old_keys.push_back(*k);
    for (const auto& key : old_keys) {
        std::set<std::string> wanted(whole.synonyms_begin(key), whole.synonyms_end(key));
        std::set<std::string> present(local.synonyms_begin(key), local.synonyms_end(key));
        for (const auto& v : present)
            if (!wanted.count(v)) local.remove_synonym(key, v);
    }
    for (auto k = whole.synonym_keys_begin(); k != whole.synonym_keys_end(); ++k) {
        std::set<std::string> present(local.synonyms_begin(*k), local.synonyms_end(*k));
        for (auto v = whole.synonyms_begin(*k); v != whole.synonyms_end(*k); ++v)
            if (!present.count(*v)) local.add_synonym(*k, *v);
    }
}

class SetWriter {
public:
    SetWriter(const fs::path& dir, unsigned shards, const Xapian::Database& whole)
        : shards_(shards), anchors_(anchors_of(whole, shards)) {
        use_batched_flushes();
        const int flags = Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS;
        stores_.emplace_back((dir / ss::local_dir).string(), flags);
        for (unsigned k = 0; k < shards; ++k) stores_.emplace_back((dir / ss::shard_dir(k)).string(), flags);
        // Readers (xapian-tcpsrv too) see each store only as finish() commits it, not a
        // batch flushed halfway; a run that fails leaves every store as it was.
        for (auto& store : stores_) store.begin_transaction(true);
        previous_anchors_ = parse_docids(stores_[0].get_metadata(std::string(ss::anchors_key)));
    }
    // The anchors, now and as the set last had them, when they changed: copied again so that
    // a moved anchor goes between OUT/local and its shard. Not on every run, which would give
    // every shard a new revision (and replicas a changeset) for nothing.
    std::vector<Xapian::docid> anchors_then_and_now() const {
        if (anchors_ == previous_anchors_) return {};
        std::vector<Xapian::docid> out(anchors_);
        out.insert(out.end(), previous_anchors_.begin(), previous_anchors_.end());
        return out;
    }
    // The format the set's documents were written in (shard_set.hpp format_key).
    std::string format() const { return stores_[0].get_metadata(std::string(ss::format_key)); }
    [[nodiscard]] bool empty() const {
        return std::all_of(stores_.begin(), stores_.end(), [](const auto& db) { return db.get_lastdocid() == 0; });
    }
    Xapian::WritableDatabase& local() { return stores_[0]; }

    // Index into stores_ of the database that owns `doc`, docid `did` of `whole`.
    std::size_t owner(Xapian::docid did, const Xapian::Document& doc) const {
        for (std::size_t k = 0; k < anchors_.size(); ++k)
            if (anchors_[k] == did) return 1 + k;
        return set_store_of(doc, shards_);
    }
    bool is_anchor(Xapian::docid did) const { return std::find(anchors_.begin(), anchors_.end(), did) != anchors_.end(); }
    // `doc` as store `to` keeps it: a shard's units carry their sample values and row (its
    // anchor is kept as it is).
    Xapian::Document stored_form(const Xapian::Document& doc, Xapian::docid did, std::size_t to,
                                 const Xapian::Database& whole) const {
        return to == 0 || is_anchor(did) ? doc : shard_document(doc, did, whole);
    }

    // Copies docid `did` of `whole` to its owner, and deletes it from every other store
    // (everywhere when `whole` no longer holds it).
    void copy(const Xapian::Database& whole, Xapian::docid did, SetSyncCounts& counts) {
        std::optional<Xapian::Document> doc;
        try {
            doc = whole.get_document(did);
        } catch (const Xapian::DocNotFoundError&) {
            doc.reset();
        }
        const std::size_t to = doc ? owner(did, *doc) : stores_.size();
        if (doc) {
            stores_[to].replace_document(did, stored_form(*doc, did, to, whole));
            ++counts.copied;
        }
        for (std::size_t i = 0; i < stores_.size(); ++i) {
            if (i == to || !holds(stores_[i], did)) continue;
            stores_[i].delete_document(did);
            ++counts.deleted;
        }
    }

    // `changed` and every unit sharing a collapse key with one of them, before or after the
    // run, sorted: the rows carry how many copies a passage has, which changes with them.
    std::vector<Xapian::docid> with_their_copies(const Xapian::Database& whole, const std::vector<Xapian::docid>& changed) {
        std::vector<Xapian::docid> out(changed);
        std::set<std::string> keys;
        for (Xapian::docid did : changed) {
            try {
                keys.insert(whole.get_document(did).get_value(s::collapse_slot));
            } catch (const Xapian::DocNotFoundError&) {
            }
            for (std::size_t i = 1; i < stores_.size(); ++i)
                if (holds(stores_[i], did)) keys.insert(stores_[i].get_document(did).get_value(s::collapse_slot));
        }
        keys.erase(std::string());
        for (const auto& key : keys) {
            const std::string term = s::term(s::duplicate_prefix, key);
            for (auto it = whole.postlist_begin(term); it != whole.postlist_end(term); ++it) out.push_back(*it);
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }

    // Copies every document of `whole` (at `whole_dir`) to its owner, one thread per store,
    // each reading through its own handle: a first build of a set copies millions.
    void copy_all(const fs::path& whole_dir, const Xapian::Database& whole, SetSyncCounts& counts) {
        const auto lists = owners(whole);
        std::vector<std::size_t> copied(stores_.size(), 0);
        std::vector<std::exception_ptr> failures(stores_.size());
        std::vector<std::thread> pool;
        for (std::size_t i = 0; i < stores_.size(); ++i)
            pool.emplace_back([&, i] {
                try {
                    Xapian::Database source(whole_dir.string());
                    for (Xapian::docid did : lists[i]) {
                        Xapian::Document doc = source.get_document(did);
                        stores_[i].replace_document(did, stored_form(doc, did, i, source));
                        ++copied[i];
                    }
                } catch (...) {
                    failures[i] = std::current_exception();
                }
            });
        for (auto& t : pool) t.join();
        for (auto& f : failures)
            if (f) std::rethrow_exception(f);
        for (auto n : copied) counts.copied += n;
    }

    // Deletes what `whole` no longer holds, or holds elsewhere (full copies of an old set).
    void prune(const Xapian::Database& whole, SetSyncCounts& counts) {
        for (std::size_t i = 0; i < stores_.size(); ++i) {
            std::vector<Xapian::docid> gone;
            for (auto it = stores_[i].postlist_begin(""); it != stores_[i].postlist_end(""); ++it) {
                if (!holds(whole, *it) || owner(*it, whole.get_document(*it)) != i) gone.push_back(*it);
            }
            for (auto did : gone) stores_[i].delete_document(did);
            counts.deleted += gone.size();
        }
    }

    void finish(const Xapian::Database& whole, const std::string& revision) {
        Xapian::WritableDatabase& local = stores_[0];
        copy_side_tables(whole, local);
        for (Xapian::docid did : previous_anchors_) local.set_metadata(std::string(ss::anchor_key_prefix) + std::to_string(did), "");
        std::string anchors;
        for (Xapian::docid did : anchors_) {
            local.set_metadata(std::string(ss::anchor_key_prefix) + std::to_string(did),
                               whole.get_document(did).get_value(s::documents_slot));
            anchors += (anchors.empty() ? "" : " ") + std::to_string(did);
        }
        local.set_metadata(std::string(ss::anchors_key), anchors);
        std::string set_id = local.get_metadata(std::string(ss::set_id_key));
        if (set_id.empty()) set_id = random_set_id();
        for (unsigned k = 0; k < shards_; ++k) {
            auto& shard = stores_[1 + k];
            shard.set_metadata(std::string(ss::set_id_key), set_id);
            shard.set_metadata(std::string(ss::shard_key), std::to_string(k));
            shard.set_metadata(std::string(ss::shards_key), std::to_string(shards_));
            shard.set_metadata(std::string(ss::format_key), std::string(ss::format));
            shard.commit_transaction();
        }
        local.set_metadata(std::string(ss::set_id_key), set_id);
        local.set_metadata(std::string(ss::shards_key), std::to_string(shards_));
        local.set_metadata(std::string(ss::rule_key), std::string(ss::rule));
        local.set_metadata(std::string(ss::synced_key), revision);
        local.set_metadata(std::string(ss::format_key), std::string(ss::format));
        local.commit_transaction();  // last: it names the revision of OUT/whole the set now follows
    }

private:
    // The docids each store owns, from the unit marker's and the document ids' postings,
    // without reading a document (a unit without a document id is read to find its owner).
    std::vector<std::vector<Xapian::docid>> owners(const Xapian::Database& whole) const {
        std::vector<std::vector<Xapian::docid>> lists(stores_.size());
        std::vector<std::uint8_t> placed(std::size_t(whole.get_lastdocid()) + 1, 0);  // 0 not a unit, 1 unit, 2 placed
        const std::string unit(s::unit_marker), doc_prefix(s::document_prefix);
        for (auto it = whole.postlist_begin(unit); it != whole.postlist_end(unit); ++it) placed[*it] = 1;
        for (auto t = whole.allterms_begin(doc_prefix); t != whole.allterms_end(doc_prefix); ++t) {
            const std::size_t to = 1 + shard_of_document((*t).substr(doc_prefix.size()), shards_);
            for (auto it = whole.postlist_begin(*t); it != whole.postlist_end(*t); ++it)
                if (placed[*it] == 1) {
                    lists[to].push_back(*it);
                    placed[*it] = 2;
                }
        }
        for (auto it = whole.postlist_begin(""); it != whole.postlist_end(""); ++it) {
            if (placed[*it] == 0) lists[0].push_back(*it);
            if (placed[*it] == 1) lists[set_store_of(whole.get_document(*it), shards_)].push_back(*it);
        }
        for (std::size_t k = 0; k < anchors_.size(); ++k) {
            std::erase(lists[0], anchors_[k]);
            lists[1 + k].push_back(anchors_[k]);
        }
        for (auto& list : lists) std::sort(list.begin(), list.end());
        return lists;
    }

    static bool holds(const Xapian::Database& db, Xapian::docid did) {
        if (did > db.get_lastdocid()) return false;
        auto it = db.postlist_begin("");
        it.skip_to(did);
        return it != db.postlist_end("") && *it == did;
    }

    unsigned shards_;
    std::vector<Xapian::docid> anchors_, previous_anchors_;  // anchor K: shard K's (shard_set.hpp)
    std::vector<Xapian::WritableDatabase> stores_;           // local, shard-0, shard-1, ...
};

void write_stub(const fs::path& dir, unsigned shards) {
    const fs::path stub = dir / "XAPIANDB";
    const fs::path tmp = dir / "XAPIANDB.tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << "# A Quorum shard set (quorum-index --shards): local data, then the shards in order.\n";
        out << "auto " << ss::local_dir << '\n';
        for (unsigned k = 0; k < shards; ++k) out << "auto " << ss::shard_dir(k) << '\n';
        if (!out) throw std::runtime_error("cannot write " + tmp.string() + "; check that the folder is writable");
    }
    std::error_code ec;
    fs::rename(tmp, stub, ec);
    if (ec) throw std::runtime_error("cannot write " + stub.string() + ": " + ec.message());
}

}  // namespace

unsigned shard_of_document(const std::string& document_id, unsigned shards) {
    return shards == 0 ? 0u : static_cast<unsigned>(text::fnv1a(document_id) % shards);
}

SetState shard_set_state(const fs::path& dir) {
    std::error_code ec;
    const bool local = fs::is_directory(dir / ss::local_dir, ec);
    const bool whole = fs::is_directory(dir / ss::whole_dir, ec);
    if (!local) return whole || fs::exists(dir / "XAPIANDB", ec) ? SetState::unfinished : SetState::none;
    try {
        const bool counted =
            !Xapian::Database((dir / ss::local_dir).string()).get_metadata(std::string(ss::shards_key)).empty();
        return counted ? SetState::set : SetState::unfinished;
    } catch (const Xapian::DatabaseOpeningError&) {
        return SetState::unfinished;  // an empty folder: a first copy killed before its first flush
    } catch (const Xapian::Error& e) {
        throw std::runtime_error("cannot read " + (dir / ss::local_dir).string() + ": " + e.get_description() +
                                 "; check it with xapian-check before indexing into this shard set again");
    }
}

unsigned shard_set_size(const fs::path& dir) {
    try {
        std::string n = Xapian::Database((dir / ss::local_dir).string()).get_metadata(std::string(ss::shards_key));
        const unsigned long value = n.empty() ? 0 : std::stoul(n);
        if (value == 0) throw std::runtime_error("no shard count");
        return static_cast<unsigned>(value);
    } catch (const std::exception& e) {
        throw std::runtime_error("cannot read the shard set at " + dir.string() + " (" + e.what() +
                                 "); build it again into a new folder with quorum-index --shards N");
    }
}

std::string synced_revision(const fs::path& dir) {
    try {
        return Xapian::Database((dir / ss::local_dir).string()).get_metadata(std::string(ss::synced_key));
    } catch (const Xapian::Error&) {
        return {};
    }
}

SetSyncCounts sync_shard_set(const fs::path& dir, unsigned shards, const std::string& previous_revision,
                             const std::vector<Xapian::docid>* changed) {
    SetSyncCounts counts;
    try {
        Xapian::Database whole((dir / ss::whole_dir).string());
        const std::string revision = std::to_string(whole.get_revision());
        const std::string synced = synced_revision(dir);
        // The stub first: a set whose stub a failed run did not write gets it on the next.
        write_stub(dir, shards);
        // Nothing committed since the last copy, in a finished set of this format.
        if (synced == revision && shard_set_state(dir) == SetState::set &&
            Xapian::Database((dir / ss::local_dir).string()).get_metadata(std::string(ss::format_key)) == ss::format)
            return counts;
        SetWriter set(dir, shards, whole);
        counts.full = changed == nullptr || synced.empty() || synced != previous_revision ||
                      (!set.empty() && set.format() != ss::format);
        if (counts.full) {
            if (!set.empty()) set.prune(whole, counts);
            set.copy_all(dir / ss::whole_dir, whole, counts);
        } else {
            std::vector<Xapian::docid> touched(*changed);
            for (Xapian::docid did : set.anchors_then_and_now()) touched.push_back(did);
            std::vector<Xapian::docid> docids = set.with_their_copies(whole, touched);
            for (auto did : docids) set.copy(whole, did, counts);
        }
        set.finish(whole, revision);
    } catch (const Xapian::Error& e) {
        rethrow(e, "cannot write the shard set at " + dir.string() +
                       " (OUT/whole is committed; the next run copies it again)");
    }
    return counts;
}

}  // namespace quorum::index
