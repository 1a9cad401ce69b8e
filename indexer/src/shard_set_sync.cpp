#include "shard_set_sync.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <thread>

#include "quorum/index/index_writer.hpp"
#include "quorum/index/schema.hpp"
#include "quorum/index/shard_set.hpp"
#include "quorum/text/hash.hpp"

namespace quorum::index {
namespace fs = std::filesystem;
namespace s = schema;
namespace ss = shard_set;

namespace {

[[noreturn]] void rethrow(const Xapian::Error& e, const std::string& what) {
    throw std::runtime_error(what + ": " + e.get_description());
}

bool is_unit(const Xapian::Document& doc) {
    auto t = doc.termlist_begin();
    t.skip_to(std::string(s::unit_marker));
    return t != doc.termlist_end() && *t == s::unit_marker;
}

std::string first_with_prefix(const Xapian::Document& doc, std::string_view prefix) {
    auto t = doc.termlist_begin();
    t.skip_to(std::string(prefix));
    if (t == doc.termlist_end() || (*t).rfind(prefix, 0) != 0) return {};
    return (*t).substr(prefix.size());
}

// A unit has one XDOC term, its document's id (the key that keeps a document's units together).
std::string document_of(const Xapian::Document& doc) {
    std::string id = first_with_prefix(doc, s::document_prefix);
    return id.empty() ? first_with_prefix(doc, s::id_prefix) : id;
}

// `copies`: how many units of the whole index carry the unit's collapse key.
std::string row_of(const Xapian::Document& doc, Xapian::doccount copies) {
    std::string row = doc.get_value(s::collapse_slot);
    row += ss::row_field;
    row += std::to_string(copies);
    for (unsigned slot : {s::committee_slot, s::year_slot, s::type_slot, s::kind_slot, s::outcome_slot, s::status_slot}) {
        row += ss::row_field;
        row += doc.get_value(slot);
    }
    auto list = [&](unsigned first, unsigned count) {
        row += ss::row_field;
        bool any = false;
        for (unsigned slot = first; slot < first + count; ++slot) {
            std::string v = doc.get_value(slot);
            if (v.empty()) continue;
            if (any) row += ss::row_list;
            row += v;
            any = true;
        }
    };
    list(s::person_slot_first, s::max_person_slots);
    list(s::topic_slot_first, s::max_topic_slots);
    return row;
}

// A unit as its shard stores it: the same terms, values and data, plus the sample terms of
// its docid and its row value (shard_set.hpp).
Xapian::Document shard_document(Xapian::Document doc, Xapian::docid did, const Xapian::Database& whole) {
    const std::string key = doc.get_value(s::collapse_slot);
    const Xapian::doccount copies = key.empty() ? 0 : whole.get_termfreq(s::term(s::duplicate_prefix, key));
    for (unsigned k = 1; k <= ss::max_sample_power; ++k)
        if (ss::sampled(did, 1u << k)) doc.add_boolean_term(s::term(ss::sample_prefix, std::to_string(k)));
    doc.add_value(ss::row_slot, row_of(doc, copies));
    doc.add_value(ss::unit_slot, std::string(ss::unit_value));
    return doc;
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
    return key == ss::shards_key || key == ss::rule_key || key == ss::set_id_key || key == ss::synced_key;
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
    SetWriter(const fs::path& dir, unsigned shards) : shards_(shards) {
        use_batched_flushes();
        const int flags = Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS;
        stores_.emplace_back((dir / ss::local_dir).string(), flags);
        for (unsigned k = 0; k < shards; ++k) stores_.emplace_back((dir / ss::shard_dir(k)).string(), flags);
        // Readers (xapian-tcpsrv too) see each store only as finish() commits it, not a
        // batch flushed halfway; a run that fails leaves every store as it was.
        for (auto& store : stores_) store.begin_transaction(true);
    }
    [[nodiscard]] bool empty() const {
        return std::all_of(stores_.begin(), stores_.end(), [](const auto& db) { return db.get_lastdocid() == 0; });
    }
    Xapian::WritableDatabase& local() { return stores_[0]; }

    // Index into stores_ of the database that owns `doc`.
    std::size_t owner(const Xapian::Document& doc) const {
        return is_unit(doc) ? 1 + shard_of_document(document_of(doc), shards_) : 0;
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
        const std::size_t to = doc ? owner(*doc) : stores_.size();
        if (doc) {
            stores_[to].replace_document(did, to == 0 ? *doc : shard_document(*doc, did, whole));
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
                        stores_[i].replace_document(did, i == 0 ? doc : shard_document(doc, did, source));
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
                if (!holds(whole, *it) || owner(whole.get_document(*it)) != i) gone.push_back(*it);
            }
            for (auto did : gone) stores_[i].delete_document(did);
            counts.deleted += gone.size();
        }
    }

    void finish(const Xapian::Database& whole, const std::string& revision) {
        Xapian::WritableDatabase& local = stores_[0];
        copy_side_tables(whole, local);
        std::string set_id = local.get_metadata(std::string(ss::set_id_key));
        if (set_id.empty()) set_id = random_set_id();
        for (unsigned k = 0; k < shards_; ++k) {
            auto& shard = stores_[1 + k];
            shard.set_metadata(std::string(ss::set_id_key), set_id);
            shard.set_metadata(std::string(ss::shard_key), std::to_string(k));
            shard.set_metadata(std::string(ss::shards_key), std::to_string(shards_));
            shard.commit_transaction();
        }
        local.set_metadata(std::string(ss::set_id_key), set_id);
        local.set_metadata(std::string(ss::shards_key), std::to_string(shards_));
        local.set_metadata(std::string(ss::rule_key), std::string(ss::rule));
        local.set_metadata(std::string(ss::synced_key), revision);
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
            if (placed[*it] == 1) lists[owner(whole.get_document(*it))].push_back(*it);
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
    std::vector<Xapian::WritableDatabase> stores_;  // local, shard-0, shard-1, ...
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
        if (synced == revision) return counts;  // nothing committed since the last copy
        SetWriter set(dir, shards);
        counts.full = changed == nullptr || synced.empty() || synced != previous_revision;
        if (counts.full) {
            if (!set.empty()) set.prune(whole, counts);
            set.copy_all(dir / ss::whole_dir, whole, counts);
        } else {
            std::vector<Xapian::docid> docids = set.with_their_copies(whole, *changed);
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
