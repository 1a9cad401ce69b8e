#include "quorum/index/index_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <cctype>
#include <cstdlib>
#include <set>
#include <unordered_set>
#include <stdexcept>
#include <unordered_map>

#include <xapian.h>

#include "decision_documents.hpp"
#include "file_state_document.hpp"
#include "quorum/index/schema.hpp"
#include "quorum/index/text_fold.hpp"

namespace quorum::index {

namespace s = schema;
using nlohmann::json;

namespace {

std::string meeting_id_term(const std::string& id) {
    return s::term(s::id_prefix, std::string(s::meeting_id_tag) + bounded_term_value(id));
}

constexpr std::size_t max_metadata_key = 240;

[[noreturn]] void rethrow(const Xapian::Error& e, const std::string& what) {
    throw std::runtime_error(what + ": " + e.get_description());
}

}  // namespace

void use_batched_flushes() {
    // Xapian 1.4 reads its flush threshold from the environment only. Small batches keep
    // its in-memory posting maps small: faster (fewer cache misses) and bounded in memory.
    ::setenv("XAPIAN_FLUSH_THRESHOLD", "1000", 0);  // a value the user set wins
}

struct IndexWriter::Impl {
    Xapian::WritableDatabase db;
    std::string options;
    bool committed = false;
    bool in_transaction = true;  // WriteMode::transaction
    bool dirty = false;          // anything written this run: without it commit() leaves the revision as it was
    std::set<std::string> touched_meetings;
    std::vector<std::pair<std::string, std::string>> council_terms, thesaurus;
    std::vector<RelatedWordEntry> related_words;
    unsigned person_slots = 0, topic_slots = 0;
    // Decision, person and committee records stored before this run's decisions pass and
    // not yet written again by it: finish_decisions() deletes what is left.
    std::unordered_set<Xapian::docid> stale_records;
    // Every docid this run wrote or deleted, for a shard set to follow (shard_set_sync.hpp).
    std::vector<Xapian::docid> changed_docids;
    Xapian::docid put(const std::string& id_term, const Xapian::Document& doc) {
        for (auto it = db.postlist_begin(id_term); it != db.postlist_end(id_term); ++it) changed_docids.push_back(*it);
        const Xapian::docid did = db.replace_document(id_term, doc);
        changed_docids.push_back(did);
        return did;
    }
    void put(Xapian::docid did, const Xapian::Document& doc) {
        db.replace_document(did, doc);
        changed_docids.push_back(did);
    }
    void add(const Xapian::Document& doc) { changed_docids.push_back(db.add_document(doc)); }
    void drop(Xapian::docid did) {
        db.delete_document(did);
        changed_docids.push_back(did);
    }
    void drop(const std::string& id_term) {
        for (auto it = db.postlist_begin(id_term); it != db.postlist_end(id_term); ++it) changed_docids.push_back(*it);
        db.delete_document(id_term);
    }
    void store(std::vector<RecordDocument> docs, DecisionCounts& counts);

    std::optional<Xapian::docid> find(const std::string& id_term) const {
        auto it = db.postlist_begin(id_term);
        if (it == db.postlist_end(id_term)) return std::nullopt;
        return *it;
    }

    // Spelling additions are summed per word and written at commit: one add_spelling per
    // distinct word instead of one per word of every unit.
    std::unordered_map<std::string, unsigned> spelling_pending;

    void remove_spelling_of(const Xapian::Document& doc) {
        for (const auto& w : spelling_words(doc)) {
            if (auto it = spelling_pending.find(w); it != spelling_pending.end() && it->second > 0) {
                --it->second;
                continue;
            }
            db.remove_spelling(w, 1);
        }
    }

    void flush_spelling() {
        for (const auto& [w, n] : spelling_pending)
            if (n > 0) db.add_spelling(w, n);
        spelling_pending.clear();
    }

    // Old unit docids of a file, by unit id.
    std::map<std::string, Xapian::docid> units_of(const std::string& key) const {
        std::map<std::string, Xapian::docid> out;
        std::string term = s::term(s::file_prefix, bounded_term_value(key));
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
            Xapian::Document doc = db.get_document(*it);
            auto t = doc.termlist_begin();
            t.skip_to(std::string(s::id_prefix));
            std::string id =
                (t != doc.termlist_end() && (*t).rfind(s::id_prefix, 0) == 0) ? (*t).substr(1) : std::string();
            out.emplace(id, *it);
        }
        return out;
    }

    std::set<std::string> meetings_of_file(Xapian::docid file_doc) const {
        std::set<std::string> out;
        Xapian::Document doc = db.get_document(file_doc);
        std::string prefix(s::meeting_contrib_prefix);
        auto t = doc.termlist_begin();
        t.skip_to(prefix);
        for (; t != doc.termlist_end() && (*t).rfind(prefix, 0) == 0; ++t) out.insert((*t).substr(prefix.size()));
        return out;
    }

    void rebuild_meeting(const std::string& id) {
        std::string term = s::term(s::meeting_contrib_prefix, bounded_term_value(id));
        std::vector<std::pair<std::string, json>> parts;  // (file key, part)
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
            json data = json::parse(db.get_document(*it).get_data(), nullptr, false);
            if (data.is_discarded() || !data.contains("meetings") || !data["meetings"].contains(id)) continue;
            parts.emplace_back(data.value("key", ""), std::move(data["meetings"][id]));
        }
        std::string id_term = meeting_id_term(id);
        if (parts.empty()) {
            drop(id_term);
            return;
        }
        std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<json> ordered;
        for (auto& p : parts) ordered.push_back(std::move(p.second));
        json record = merge_meeting_parts(ordered);

        Xapian::Document doc;
        doc.set_data(dump(record));
        doc.add_boolean_term(id_term);
        doc.add_boolean_term(std::string(s::meeting_marker));
        doc.add_boolean_term(s::term(s::type_prefix, "meeting"));
        std::string date = record["date"].is_string() ? record["date"].get<std::string>() : std::string();
        std::string committee = record["committee"].is_object() ? record["committee"].value("id", "") : std::string();
        if (!committee.empty()) {
            doc.add_boolean_term(s::term(s::committee_prefix, bounded_term_value(committee)));
            doc.add_value(s::committee_slot, committee);
        }
        if (const std::string council = record["council"].is_string()
                                            ? corpus::council_id(record["council"].get<std::string>())
                                            : std::string();
            !council.empty()) {
            doc.add_boolean_term(s::term(s::council_prefix, bounded_term_value(council)));
            doc.add_value(s::council_slot, council);
        }
        if (date.size() == 10) {
            doc.add_boolean_term(s::term(s::year_prefix, date.substr(0, 4)));
            doc.add_value(s::date_slot, date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2));
        }
        doc.add_value(s::summary_slot, dump(meeting_summary(record)));
        put(id_term, doc);
    }

    // Desired synonyms: learnt acronyms of every indexed file plus the council terms.
    std::map<std::string, std::set<std::string>> wanted_synonyms() const {
        std::map<std::string, std::set<std::string>> out;
        auto add_pair = [&out](const std::string& a, const std::string& b) {
            std::string ka = phrase_key(a), kb = phrase_key(b);
            if (ka.empty() || kb.empty() || ka == kb) return;
            if (ka.size() > s::max_term_value || kb.size() > s::max_term_value) return;
            out[ka].insert(kb);
            out[kb].insert(ka);
        };
        for (const auto& [a, b] : council_terms) add_pair(a, b);
        add_hybrid_synonyms(out, thesaurus, related_words, db.get_metadata(std::string(s::learnt_words_key)));
        std::string marker(s::file_marker);
        for (auto it = db.postlist_begin(marker); it != db.postlist_end(marker); ++it) {
            json list = json::parse(db.get_document(*it).get_value(s::acronyms_slot), nullptr, false);
            if (!list.is_array()) continue;
            for (const auto& pair : list)
                if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string())
                    add_pair(pair[0].get<std::string>(), pair[1].get<std::string>());
        }
        return out;
    }

    // Returns true when the synonym table had to change.
    bool rebuild_synonyms() {
        bool changed = false;
        auto wanted = wanted_synonyms();
        std::vector<std::string> keys;
        for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) keys.push_back(*k);
        for (const auto& key : keys) {
            auto it = wanted.find(key);
            std::vector<std::string> have;
            for (auto v = db.synonyms_begin(key); v != db.synonyms_end(key); ++v) have.push_back(*v);
            for (const auto& v : have)
                if (it == wanted.end() || !it->second.count(v)) {
                    db.remove_synonym(key, v);
                    changed = true;
                }
        }
        for (const auto& [key, values] : wanted) {
            std::set<std::string> have(db.synonyms_begin(key), db.synonyms_end(key));
            for (const auto& v : values)
                if (!have.count(v)) {
                    db.add_synonym(key, v);
                    changed = true;
                }
        }
        return changed;
    }

    void set_metadata_if_changed(const std::string& key, const std::string& value) {
        // Xapian keys hold at most 255 bytes: a runaway id (a whole sentence read as a
        // name) gets no display name rather than failing the run; its id is shown instead.
        if (key.size() > max_metadata_key) return;
        if (db.get_metadata(key) == value) return;
        db.set_metadata(key, value);
        dirty = true;
    }

    void raise_slot_metadata(std::string_view key, unsigned used) {
        std::string current = db.get_metadata(std::string(key));
        unsigned have = current.empty() ? 0u : static_cast<unsigned>(std::strtoul(current.c_str(), nullptr, 10));
        set_metadata_if_changed(std::string(key), std::to_string(std::max(used, have)));
    }
};

IndexWriter::IndexWriter(const std::filesystem::path& dir, std::string options, WriteMode mode)
    : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
    impl_->in_transaction = mode == WriteMode::transaction;
    try {
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        use_batched_flushes();
        impl_->db = Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
        if (impl_->in_transaction) impl_->db.begin_transaction(true);
    } catch (const Xapian::DatabaseLockError& e) {
        throw std::runtime_error("the index " + dir.string() +
                                 " is being written by another quorum-index; wait for it to finish and run again (" +
                                 e.get_msg() + ")");
    } catch (const Xapian::Error& e) {
        throw std::runtime_error("cannot open or create the index " + dir.string() + ": " + e.get_description() +
                                 "; check the path and its permissions, or remove it to rebuild from scratch");
    }
}

IndexWriter::~IndexWriter() {
    if (impl_ && !impl_->committed && impl_->in_transaction) {
        try {
            impl_->db.cancel_transaction();
        } catch (...) {
            // Dropping the database handle discards the changes anyway.
        }
    }
}

std::optional<StoredFile> IndexWriter::stored(const std::string& key) const {
    try {
        auto docid = impl_->find(file_id_term(key));
        if (!docid) return std::nullopt;
        Xapian::Document doc = impl_->db.get_document(*docid);
        StoredFile f = parse_stored(doc);
        read_documents_slot(doc.get_value(s::documents_slot), f);
        json data = json::parse(doc.get_data(), nullptr, false);
        if (data.is_object()) {
            f.key = data.value("key", key);
            f.path = data.value("path", "");
            f.units = data.value("units", 0u);
        }
        return f;
    } catch (const Xapian::Error& e) {
        rethrow(e, "cannot read the index");
    }
}

std::vector<StoredFile> IndexWriter::stored_files() const {
    std::vector<StoredFile> out;
    try {
        std::string marker(s::file_marker);
        for (auto it = impl_->db.postlist_begin(marker); it != impl_->db.postlist_end(marker); ++it) {
            Xapian::Document doc = impl_->db.get_document(*it);
            StoredFile f = parse_stored(doc);
            json data = json::parse(doc.get_data(), nullptr, false);
            if (!data.is_object()) continue;
            f.key = data.value("key", "");
            f.path = data.value("path", "");
            f.units = data.value("units", 0u);
            read_documents_slot(doc.get_value(s::documents_slot), f);
            out.push_back(std::move(f));
        }
    } catch (const Xapian::Error& e) {
        rethrow(e, "cannot read the index");
    }
    return out;
}

bool IndexWriter::unchanged(const std::string& key, const FileSignature& sig) const {
    auto f = stored(key);
    if (!f || f->schema != s::version || f->options != impl_->options) return false;
    if (f->signature.size != sig.size) return false;
    if (f->signature.mtime_ns == sig.mtime_ns) return true;
    return !sig.hash.empty() && sig.hash == f->signature.hash;
}

WriteCounts IndexWriter::write_file(const std::string& key, const std::filesystem::path& path, const FileSignature& sig,
                                    BuiltFile&& built) {
    WriteCounts counts;
    auto& db = impl_->db;
    try {
        auto old = impl_->units_of(key);
        std::set<std::string> fresh;
        for (const auto& u : built.units) fresh.insert(u.id);
        for (const auto& [id, docid] : old) {
            if (fresh.count(id)) continue;
            impl_->remove_spelling_of(db.get_document(docid));
            impl_->drop(docid);
            ++counts.deleted;
        }
        for (auto& u : built.units) {
            auto it = old.find(u.id);
            if (it != old.end()) {
                impl_->remove_spelling_of(db.get_document(it->second));
                impl_->put(it->second, u.doc);
                ++counts.replaced;
            } else {
                impl_->put(s::term(s::id_prefix, u.id), u.doc);
                ++counts.added;
            }
            for (const auto& w : u.spelling) ++impl_->spelling_pending[w];
        }

        // Per-file state: signature, meeting parts and learnt acronyms.
        std::string id_term = file_id_term(key);
        if (auto previous = impl_->find(id_term)) {
            for (const auto& m : impl_->meetings_of_file(*previous)) impl_->touched_meetings.insert(m);
        }
        for (const auto& [id, part] : built.meetings) impl_->touched_meetings.insert(id);
        impl_->put(id_term, file_document(key, path, sig, built, impl_->options));

        impl_->dirty = true;
        add_names(built);
    } catch (const Xapian::Error& e) {
        rethrow(e, "cannot write the index");
    }
    return counts;
}

void IndexWriter::touch_file(const std::string& key, const std::filesystem::path& path, const FileSignature& sig) {
    try {
        std::string id_term = file_id_term(key);
        auto docid = impl_->find(id_term);
        if (!docid) return;
        Xapian::Document doc = impl_->db.get_document(*docid);
        json data = json::parse(doc.get_data(), nullptr, false);
        if (data.is_object()) {
            data["path"] = path.string();
            data["mtime_ns"] = sig.mtime_ns;
            data["hash"] = sig.hash;
            doc.set_data(dump(data));
        }
        doc.add_value(s::signature_slot, signature_value(sig, impl_->options));
        impl_->put(*docid, doc);
        impl_->dirty = true;
    } catch (const Xapian::Error& e) {
        rethrow(e, "cannot write the index");
    }
}

std::size_t IndexWriter::remove_file(const std::string& key) {
    std::size_t deleted = 0;
    auto& db = impl_->db;
    try {
        for (const auto& [id, docid] : impl_->units_of(key)) {
            impl_->remove_spelling_of(db.get_document(docid));
            impl_->drop(docid);
            ++deleted;
            impl_->dirty = true;
        }
        std::string id_term = file_id_term(key);
        if (auto previous = impl_->find(id_term)) {
            for (const auto& m : impl_->meetings_of_file(*previous)) impl_->touched_meetings.insert(m);
            impl_->drop(*previous);
            impl_->dirty = true;
        }
    } catch (const Xapian::Error& e) {
        rethrow(e, "cannot write the index");
    }
    return deleted;
}

void IndexWriter::add_names(const BuiltFile& built) {
    try {
        for (const auto& [id, name] : built.committee_names)
            impl_->set_metadata_if_changed(s::name_key("committee", id), name);
        for (const auto& [id, name] : built.person_names)
            impl_->set_metadata_if_changed(s::name_key("person", id), name);
        for (const auto& [id, name] : built.topic_names) impl_->set_metadata_if_changed(s::name_key("topic", id), name);
        for (const auto& [id, name] : built.council_names)
            impl_->set_metadata_if_changed(s::name_key("council", id), name);
    } catch (const Xapian::Error& e) {
        rethrow(e, "cannot write the index");
    }
    impl_->person_slots = std::max(impl_->person_slots, built.person_slots_used);
    impl_->topic_slots = std::max(impl_->topic_slots, built.topic_slots_used);
}

void IndexWriter::touch_every_meeting() {
    try {
        std::string prefix(s::meeting_contrib_prefix);
        for (auto t = impl_->db.allterms_begin(prefix); t != impl_->db.allterms_end(prefix); ++t)
            impl_->touched_meetings.insert((*t).substr(prefix.size()));
        impl_->dirty = true;
    } catch (const Xapian::Error& e) {
        rethrow(e, "cannot read the index");
    }
}

bool IndexWriter::changed() const { return impl_->dirty; }

bool IndexWriter::decisions_current() const {
    try {
        return impl_->db.get_metadata(std::string(s::decisions_key)) == s::decisions_version;
    } catch (const Xapian::Error& e) {
        rethrow(e, "cannot read the index");
    }
}

void IndexWriter::begin_decisions() {
    auto& db = impl_->db;
    try {
        impl_->stale_records.clear();
        for (std::string_view type : {s::decision_type, s::person_type, s::committee_type}) {
            std::string term = s::term(s::type_prefix, type);
            impl_->stale_records.insert(db.postlist_begin(term), db.postlist_end(term));
        }
    } catch (const Xapian::Error& e) {
        rethrow(e, "cannot read the old decision records");
    }
}

namespace {

bool same_document(const Xapian::Document& a, const Xapian::Document& b) {
    if (a.get_data() != b.get_data() || a.values_count() != b.values_count() ||
        a.termlist_count() != b.termlist_count())
        return false;
    for (auto x = a.values_begin(), y = b.values_begin(); x != a.values_end(); ++x, ++y)
        if (x.get_valueno() != y.get_valueno() || *x != *y) return false;
    for (auto x = a.termlist_begin(), y = b.termlist_begin(); x != a.termlist_end(); ++x, ++y)
        if (*x != *y || x.get_wdf() != y.get_wdf()) return false;
    return true;
}

}  // namespace

// A record the last run stored just so is kept as it is: an incremental run then rewrites
// only the records its changes moved, and holds only those until its commit.
void IndexWriter::Impl::store(std::vector<RecordDocument> docs, DecisionCounts& counts) {
    for (auto& r : docs) {
        const auto docid = find(r.id_term);
        if (!docid) {
            add(r.doc);
            dirty = true;
            continue;
        }
        stale_records.erase(*docid);
        if (same_document(db.get_document(*docid), r.doc)) {
            ++counts.records_unchanged;
            continue;
        }
        put(*docid, r.doc);
        dirty = true;
    }
}

DecisionCounts IndexWriter::write_decisions(const decisions::DecisionAnalysis& batch,
                                            const std::map<std::string, UnitPlace>& places) {
    DecisionCounts counts;
    auto& db = impl_->db;
    try {
        auto records = decision_documents(batch, places);
        counts.decisions = records.size();
        impl_->store(std::move(records), counts);
        counts.links = batch.links.size();
        counts.threads = batch.threads.size();

        // Units carry their decision's outcome and status (facets and filters of /api/search).
        for (const auto& [unit_id, wanted] : unit_decisions(batch)) {
            auto docid = impl_->find(s::term(s::id_prefix, unit_id));
            if (!docid) continue;
            Xapian::Document doc = db.get_document(*docid);
            if (!give_decision(doc, wanted)) continue;
            impl_->put(*docid, doc);
            ++counts.units_updated;
            impl_->dirty = true;
        }
    } catch (const Xapian::Error& e) {
        rethrow(e, "cannot write the decision records");
    }
    return counts;
}

DecisionCounts IndexWriter::write_summaries(const std::vector<decisions::PersonSummary>& people,
                                            const std::vector<decisions::CommitteeSummary>& committees) {
    DecisionCounts counts;
    try {
        counts.people = people.size();
        counts.committees = committees.size();
        impl_->store(person_documents(people), counts);
        impl_->store(committee_documents(committees), counts);
    } catch (const Xapian::Error& e) {
        rethrow(e, "cannot write the person and committee records");
    }
    return counts;
}

void IndexWriter::finish_decisions(const std::string& as_of) {
    try {
        for (auto docid : impl_->stale_records) impl_->drop(docid);
        if (!impl_->stale_records.empty()) impl_->dirty = true;
        impl_->stale_records.clear();
        impl_->set_metadata_if_changed(std::string(s::decisions_key), std::string(s::decisions_version));
        impl_->set_metadata_if_changed(std::string(s::decisions_as_of_key), as_of);
    } catch (const Xapian::Error& e) {
        rethrow(e, "cannot finish the decision records");
    }
}

void IndexWriter::set_thesaurus(std::vector<std::pair<std::string, std::string>> entries) {
    impl_->thesaurus = std::move(entries);
}

void IndexWriter::set_related_words(std::vector<RelatedWordEntry> entries) {
    impl_->related_words = std::move(entries);
}

void IndexWriter::set_learnt_words(const std::vector<RelatedWordEntry>& entries) {
    try {
        impl_->set_metadata_if_changed(std::string(s::learnt_words_key), format_related_words(entries));
    } catch (const Xapian::Error& e) {
        rethrow(e, "cannot store the learnt words");
    }
}

void IndexWriter::set_council_terms(std::vector<std::pair<std::string, std::string>> terms) {
    impl_->council_terms = std::move(terms);
}

void IndexWriter::commit() {
    auto& db = impl_->db;
    try {
        impl_->flush_spelling();
        for (const auto& id : impl_->touched_meetings) impl_->rebuild_meeting(id);
        impl_->touched_meetings.clear();
        if (impl_->rebuild_synonyms()) impl_->dirty = true;
        impl_->raise_slot_metadata(s::person_slots_used_key, impl_->person_slots);
        impl_->raise_slot_metadata(s::topic_slots_used_key, impl_->topic_slots);
        impl_->set_metadata_if_changed(std::string(s::version_key), std::string(s::version));
        if (!impl_->in_transaction) {
            db.commit();
        } else if (impl_->dirty) {
            db.commit_transaction();
        } else {
            db.cancel_transaction();  // nothing changed: keep the revision (and the files) as they are
        }
        impl_->committed = true;
    } catch (const Xapian::Error& e) {
        rethrow(e, "cannot commit the index (the previous version is kept)");
    }
}

std::vector<Xapian::docid> IndexWriter::changed_docids() const { return impl_->changed_docids; }

std::uint64_t IndexWriter::unit_count() const {
    try {
        return impl_->db.get_termfreq(std::string(s::unit_marker));
    } catch (const Xapian::Error& e) {
        rethrow(e, "cannot read the index");
    }
}

}  // namespace quorum::index
