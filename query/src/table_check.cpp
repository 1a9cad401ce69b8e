#include "table_check.hpp"

#include <algorithm>
#include <functional>
#include <string_view>
#include <vector>

namespace quorum::query {
namespace {

constexpr Xapian::doccount sampled_documents = 32;
constexpr int terms_per_document = 8;  // position and posting lookups per sampled document
constexpr int entries_per_list = 64;   // spelling words, synonym keys and metadata keys read

// The documents to read: the first, the last and others spread evenly between them. A
// docid may have been deleted, so each is the next document at or after its target.
std::vector<Xapian::docid> sample_documents(const Xapian::Database& db) {
    std::vector<Xapian::docid> out;
    const Xapian::docid last = db.get_lastdocid();
    if (db.get_doccount() == 0 || last == 0) return out;
    auto all = db.postlist_begin("");
    for (Xapian::doccount i = 0; i < sampled_documents && all != db.postlist_end(""); ++i) {
        const auto target = static_cast<Xapian::docid>(1 + (std::uint64_t(last - 1) * i) / (sampled_documents - 1));
        if (!out.empty() && target <= out.back()) continue;
        all.skip_to(target);
        if (all != db.postlist_end("")) out.push_back(*all);
    }
    return out;
}

// The terms of a document to look up elsewhere: a handful spread over its term list.
std::vector<std::string> some_terms(const Xapian::Database& db, Xapian::docid did) {
    std::vector<std::string> terms;
    for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) terms.push_back(*t);
    std::vector<std::string> out;
    const std::size_t step = std::max<std::size_t>(1, terms.size() / terms_per_document);
    for (std::size_t i = 0; i < terms.size(); i += step) out.push_back(terms[i]);
    return out;
}

bool is_word(const std::string& term) { return !term.empty() && term[0] >= 'a' && term[0] <= 'z'; }

// Runs `read`, turning a Xapian failure into "TABLE table: reason".
std::optional<std::string> try_table(const char* table, const std::string& path, const std::function<void()>& read) {
    try {
        read();
        return std::nullopt;
    } catch (const Xapian::Error& e) {
        return std::string("the ") + table + " table cannot be read: " + describe_without_path(e, path);
    }
}

// One document's entries, table by table: its data, its terms and values, the positions
// and postings of some of its terms.
std::optional<std::string> check_document(const Xapian::Database& db, Xapian::docid did, const std::string& path,
                                          std::vector<std::string>& words) {
    std::vector<std::string> terms;
    if (auto problem = try_table("docdata", path, [&] { (void)db.get_document(did).get_data(); })) return problem;
    if (auto problem = try_table("termlist", path, [&] {
            terms = some_terms(db, did);
            Xapian::Document doc = db.get_document(did);
            for (auto v = doc.values_begin(); v != doc.values_end(); ++v) (void)*v;
        }))
        return problem;
    if (auto problem = try_table("position", path, [&] {
            for (const auto& t : terms)
                for (auto p = db.positionlist_begin(did, t); p != db.positionlist_end(did, t); ++p) (void)*p;
        }))
        return problem;
    return try_table("postlist", path, [&] {
        for (const auto& t : terms) {
            auto post = db.postlist_begin(t);
            post.skip_to(did);
            if (is_word(t)) words.push_back(t);
        }
    });
}

}  // namespace

std::string describe_without_path(const Xapian::Error& e, const std::string& path) {
    std::string text = e.get_description();
    if (path.empty()) return text;
    constexpr std::string_view replacement = "the index";
    for (auto at = text.find(path); at != std::string::npos; at = text.find(path, at + replacement.size()))
        text.replace(at, path.size(), replacement);
    return text;
}

std::optional<std::string> check_tables(const Xapian::Database& db, const std::string& path) {
    std::vector<Xapian::docid> docs;
    if (auto problem = try_table("postlist", path, [&] { docs = sample_documents(db); })) return problem;
    if (auto problem = try_table("postlist (metadata)", path, [&] {
            int n = 0;
            for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end() && n < entries_per_list; ++k, ++n)
                (void)db.get_metadata(*k);
        }))
        return problem;
    std::vector<std::string> words;  // text terms met, for spelling lookups
    for (Xapian::docid did : docs)
        if (auto problem = check_document(db, did, path, words)) return problem;
    if (auto problem = try_table("spelling", path, [&] {
            int n = 0;
            for (auto w = db.spellings_begin(); w != db.spellings_end() && n < entries_per_list; ++w, ++n)
                (void)w.get_termfreq();
            const std::size_t step = std::max<std::size_t>(1, words.size() / 4);
            for (std::size_t i = 0; i < words.size(); i += step) (void)db.get_spelling_suggestion(words[i] + "q");
        }))
        return problem;
    return try_table("synonym", path, [&] {
        int n = 0;
        for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end() && n < entries_per_list; ++k, ++n)
            for (auto syn = db.synonyms_begin(*k); syn != db.synonyms_end(*k); ++syn) (void)*syn;
    });
}

}  // namespace quorum::query
