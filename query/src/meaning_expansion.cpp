#include "meaning_expansion.hpp"
#include "synonym_query.hpp"

#include <algorithm>
#include <set>

#include "related_words.hpp"

namespace quorum::query {

namespace {

using Q = Xapian::Query;

// What a word (one leaf term) or a run of words (several leaves of one AND or OR: a
// thesaurus key such as "council tax") may also match.
struct Alternative {
    std::vector<std::string> terms;  // the leaf terms that spell it
    Q query;                         // the scaled related words
    std::size_t expansion = 0;       // its index in MeaningExpansion::expansions
};

class Rebuilder {
public:
    explicit Rebuilder(const std::vector<Alternative>& alternatives) : alternatives_(alternatives) {}

    // Only the weighted branches are entered: the right of AND_NOT and FILTER are
    // conditions, and a phrase must keep its own words.
    Q rebuild(const Q& q) {
        const auto type = q.get_type();
        if (type == Q::LEAF_TERM) return single(q);
        const bool all = type == Q::OP_AND || type == Q::OP_OR || type == Q::OP_AND_MAYBE || type == Q::OP_XOR;
        const bool first_only = type == Q::OP_AND_NOT || type == Q::OP_FILTER;
        if (!all && !first_only) return q;
        std::vector<Q> parts, added;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) parts.push_back(q.get_subquery(i));
        if (type == Q::OP_AND || type == Q::OP_OR) runs(type, parts, added);
        for (std::size_t i = 0; i < parts.size(); ++i)
            if (i == 0 || all) parts[i] = rebuild(parts[i]);
        // What runs() made is final: rebuilding it would find its own words again.
        parts.insert(parts.end(), added.begin(), added.end());
        return Q(type, parts.begin(), parts.end());
    }

    [[nodiscard]] const std::set<std::size_t>& used() const { return used_; }

private:
    Q single(const Q& leaf) {
        const std::string term = *leaf.get_terms_begin();
        for (const auto& a : alternatives_)
            if (a.terms.size() == 1 && a.terms[0] == term) {
                used_.insert(a.expansion);
                return Q(Q::OP_OR, leaf, a.query);
            }
        return leaf;
    }

    // A key of several words whose leaves are all children of this AND (OR): the leaves
    // become (words AND'ed) OR related, so "council tax" also finds "precept" without
    // losing a unit with "council" and "tax" apart.
    void runs(Q::op type, std::vector<Q>& parts, std::vector<Q>& added) {
        for (const auto& a : alternatives_) {
            if (a.terms.size() < 2) continue;
            std::vector<std::size_t> at;
            for (const auto& term : a.terms)
                for (std::size_t i = 0; i < parts.size(); ++i)
                    if (parts[i].get_type() == Q::LEAF_TERM && *parts[i].get_terms_begin() == term &&
                        std::find(at.begin(), at.end(), i) == at.end()) {
                        at.push_back(i);
                        break;
                    }
            if (at.size() != a.terms.size()) continue;
            used_.insert(a.expansion);
            if (type == Q::OP_OR) {
                added.push_back(a.query);
                continue;
            }
            std::vector<Q> words;
            for (auto i : at) words.push_back(parts[i]);
            std::sort(at.rbegin(), at.rend());
            for (auto i : at) parts.erase(parts.begin() + static_cast<long>(i));
            added.push_back(Q(Q::OP_OR, Q(Q::OP_AND, words.begin(), words.end()), a.query));
        }
    }

    const std::vector<Alternative>& alternatives_;
    std::set<std::size_t> used_;
};

// One source's words as one scaled synonym group. Phrases stay outside it: Xapian 1.4
// matched nothing at all for (council AND tax) OR (("band d" PHRASE) SYNONYM precept).
Q group(const std::vector<Q>& words, double weight) {
    std::vector<Q> terms, parts;
    for (const auto& w : words) (w.get_type() == Q::LEAF_TERM ? terms : parts).push_back(w);
    if (!terms.empty()) parts.push_back(synonym_of(terms));
    return Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, parts.begin(), parts.end()), weight);
}

std::vector<std::string> split_words(const std::string& entry) {
    std::vector<std::string> words;
    for (std::size_t i = 0; i < entry.size();) {
        std::size_t end = entry.find(' ', i);
        if (end == std::string::npos) end = entry.size();
        if (end > i) words.push_back(entry.substr(i, end - i));
        i = end + 1;
    }
    return words;
}

// A thesaurus entry as a query: one word by its stem, several as a phrase of the words.
Q entry_query(const std::vector<std::string>& words, const Xapian::Stem& stem) {
    if (words.size() == 1) return Q(stand_in_term(stem, words[0]));
    std::vector<Q> terms;
    for (const auto& w : words) terms.emplace_back(w);
    return Q(Q::OP_PHRASE, terms.begin(), terms.end(), unsigned(terms.size()));
}

// The thesaurus entry for `key` (folded words), or for a single word with the same stem
// ("gritted" finds "gritting").
const std::vector<std::string>* thesaurus_entry(const std::map<std::string, std::vector<std::string>>& thesaurus,
                                                const std::map<std::string, std::string>& thesaurus_stems,
                                                const std::string& key, const Xapian::Stem& stem) {
    if (auto it = thesaurus.find(key); it != thesaurus.end()) return &it->second;
    if (key.find(' ') != std::string::npos) return nullptr;
    auto by_stem = thesaurus_stems.find(stem(key));
    if (by_stem == thesaurus_stems.end()) return nullptr;
    auto it = thesaurus.find(by_stem->second);
    return it == thesaurus.end() ? nullptr : &it->second;
}

}  // namespace

MeaningExpansion expand_by_meaning(const Xapian::Query& parsed, const std::vector<std::string>& words,
                                   const Xapian::Database& db, const Xapian::Stem& stem,
                                   const std::map<std::string, std::vector<std::string>>& thesaurus,
                                   const std::map<std::string, std::string>& thesaurus_stems) {
    MeaningExpansion out;
    std::vector<Alternative> alternatives;
    std::vector<std::string> typed_stems;
    for (const auto& w : words) typed_stems.push_back(stem(w));
    // key: the typed words it expands ("council tax" or "sacked").
    auto expand = [&](const std::string& key, const std::vector<std::string>& key_words) {
        std::vector<std::string> terms;
        for (const auto& w : key_words) terms.push_back("Z" + stem(w));
        std::map<std::string, std::vector<Q>> by_source;
        std::map<std::string, double> weight;
        Expansion shown{key, {}, ""};
        auto note = [&](const std::string& related, const std::string& source) {
            shown.related.push_back(related);
            if (shown.source.find(source) == std::string::npos)
                shown.source += (shown.source.empty() ? "" : "+") + source;
        };
        const auto* entry = thesaurus_entry(thesaurus, thesaurus_stems, key, stem);
        if (entry != nullptr) {
            // Nor is a word typed elsewhere in the query a stand-in for this one.
            std::set<std::string> seen(typed_stems.begin(), typed_stems.end());
            for (const auto& e : *entry) {
                const auto e_words = split_words(e);
                if (e_words.empty()) continue;
                // An entry that is the key again ("costs" for "cost") would count the word twice.
                const std::string first = e_words.size() == 1 ? stem(e_words[0]) : e;
                if (!seen.insert(first).second) continue;
                by_source["thesaurus"].push_back(entry_query(e_words, stem));
                if (e_words.size() == 1) out.stand_ins.emplace(stand_in_term(stem, e_words[0]), e + " \u2248 " + key);
                note(e, "thesaurus");
            }
            weight["thesaurus"] = thesaurus_weight;
        }
        if (key_words.size() == 1)
            for (const auto& r : related_words(db, stem, key, entry != nullptr, typed_stems)) {
                const std::string alt_term = stand_in_term(stem, r.word);
                by_source[r.source].emplace_back(alt_term);
                weight[r.source] = std::max(weight[r.source], r.weight);
                out.stand_ins.emplace(alt_term, r.word + " \u2248 " + key);
                note(r.word, r.source);
            }
        if (by_source.empty()) return;
        std::vector<Q> groups;
        for (const auto& [source, queries] : by_source) groups.push_back(group(queries, weight[source]));
        alternatives.push_back({terms, Q(Q::OP_OR, groups.begin(), groups.end()), out.expansions.size()});
        out.expansions.push_back(std::move(shown));
    };
    // Thesaurus keys of several words first ("council tax"), then each word.
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
        for (std::size_t n = 3; n >= 2; --n) {
            if (i + n > words.size()) continue;
            std::vector<std::string> run(words.begin() + static_cast<long>(i),
                                         words.begin() + static_cast<long>(i + n));
            std::string key;
            for (const auto& w : run) key += (key.empty() ? "" : " ") + w;
            if (thesaurus.count(key)) {
                expand(key, run);
                break;
            }
        }
    for (const auto& w : words) expand(w, {w});
    if (alternatives.empty()) {
        out.query = parsed;
        return out;
    }
    Rebuilder rebuilder(alternatives);
    out.query = rebuilder.rebuild(parsed);
    // Only what reached the query is reported (not a word after NOT, or inside a phrase).
    std::vector<Expansion> reached;
    for (std::size_t i = 0; i < out.expansions.size(); ++i)
        if (rebuilder.used().count(i)) reached.push_back(std::move(out.expansions[i]));
    out.expansions = std::move(reached);
    return out;
}

}  // namespace quorum::query
