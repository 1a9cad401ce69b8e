#include "meaning_expansion.hpp"

#include "related_words.hpp"

namespace quorum::query {

namespace {

using Alternatives = std::map<std::string, Xapian::Query>;  // a word's term -> what it may also match

// Rebuilds `q` with every leaf term that has alternatives ORed with them. Only the
// weighted branches are entered: the right of AND_NOT and FILTER are conditions, and a
// phrase must keep its own words.
Xapian::Query rebuild(const Xapian::Query& q, const Alternatives& alternatives) {
    const auto type = q.get_type();
    if (type == Xapian::Query::LEAF_TERM) {
        auto it = alternatives.find(*q.get_terms_begin());
        return it == alternatives.end() ? q : Xapian::Query(Xapian::Query::OP_OR, q, it->second);
    }
    const bool all = type == Xapian::Query::OP_AND || type == Xapian::Query::OP_OR ||
                     type == Xapian::Query::OP_AND_MAYBE || type == Xapian::Query::OP_XOR;
    const bool first_only = type == Xapian::Query::OP_AND_NOT || type == Xapian::Query::OP_FILTER;
    if (!all && !first_only) return q;
    std::vector<Xapian::Query> parts;
    const std::size_t n = q.get_num_subqueries();
    for (std::size_t i = 0; i < n; ++i)
        parts.push_back(i == 0 || all ? rebuild(q.get_subquery(i), alternatives) : q.get_subquery(i));
    return Xapian::Query(type, parts.begin(), parts.end());
}

// One source's words as one scaled synonym group.
Xapian::Query group(const std::vector<Xapian::Query>& words, double weight) {
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(Xapian::Query::OP_SYNONYM, words.begin(), words.end()), weight);
}

// A thesaurus entry as a query: one word by its stem, several as a phrase of the words.
Xapian::Query entry_query(const std::string& entry, const Xapian::Stem& stem) {
    std::vector<std::string> words;
    for (std::size_t i = 0; i < entry.size();) {
        std::size_t end = entry.find(' ', i);
        if (end == std::string::npos) end = entry.size();
        if (end > i) words.push_back(entry.substr(i, end - i));
        i = end + 1;
    }
    if (words.size() == 1) return Xapian::Query("Z" + stem(words[0]));
    std::vector<Xapian::Query> terms;
    for (const auto& w : words) terms.emplace_back(w);
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), unsigned(terms.size()));
}

}  // namespace

MeaningExpansion expand_by_meaning(const Xapian::Query& parsed, const std::vector<std::string>& words,
                                   const Xapian::Database& db, const Xapian::Stem& stem,
                                   const std::map<std::string, std::vector<std::string>>& thesaurus) {
    MeaningExpansion out;
    Alternatives alternatives;
    for (const auto& word : words) {
        const std::string term = "Z" + stem(word);
        if (alternatives.count(term)) continue;
        std::vector<Xapian::Query> groups;
        std::map<std::string, std::vector<Xapian::Query>> by_source;
        std::map<std::string, double> source_weight;
        auto note = [&](const std::string& related, const std::string& source) {
            auto& shown = out.expansions;
            if (shown.empty() || shown.back().word != word) shown.push_back({word, {}, source});
            if (shown.back().source != source && shown.back().source.find(source) == std::string::npos)
                shown.back().source += "+" + source;
            shown.back().related.push_back(related);
        };
        auto it = thesaurus.find(word);
        // "gritted" finds the entry for "gritting": single-word keys also match by stem.
        if (it == thesaurus.end()) {
            const std::string own = stem(word);
            for (auto k = thesaurus.begin(); k != thesaurus.end() && it == thesaurus.end(); ++k)
                if (k->first.find(' ') == std::string::npos && stem(k->first) == own) it = k;
        }
        if (it != thesaurus.end()) {
            for (const auto& entry : it->second) {
                by_source["thesaurus"].push_back(entry_query(entry, stem));
                if (entry.find(' ') == std::string::npos) out.stand_ins.emplace("Z" + stem(entry), entry + " \u2248 " + word);
                note(entry, "thesaurus");
            }
            source_weight["thesaurus"] = thesaurus_weight;
        }
        for (const auto& r : related_words(db, stem, word, it != thesaurus.end())) {
            const std::string alt_term = "Z" + stem(r.word);
            by_source[r.source].emplace_back(alt_term);
            source_weight[r.source] = std::max(source_weight[r.source], r.weight);
            out.stand_ins.emplace(alt_term, r.word + " \u2248 " + word);
            note(r.word, r.source);
        }
        if (by_source.empty()) continue;
        for (const auto& [source, queries] : by_source) groups.push_back(group(queries, source_weight[source]));
        alternatives.emplace(term, Xapian::Query(Xapian::Query::OP_OR, groups.begin(), groups.end()));
    }
    out.query = alternatives.empty() ? parsed : rebuild(parsed, alternatives);
    return out;
}

}  // namespace quorum::query
