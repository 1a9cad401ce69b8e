#include "more_like_this.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "quorum/index/schema.hpp"
#include "question_intent.hpp"

namespace quorum::query {

namespace s = quorum::index::schema;

namespace {

std::optional<Xapian::docid> docid_of(const Xapian::Database& db, const std::string& id_term) {
    auto it = db.postlist_begin(id_term);
    if (it == db.postlist_end(id_term)) return std::nullopt;
    return *it;
}

// Stemmed words only (Z...): the unstemmed twin of each would count every word twice, and
// boolean terms (X..., Q...) say where a unit is filed, not what it says.
class WordsOnly : public Xapian::ExpandDecider {
public:
    bool operator()(const std::string& term) const override {
        if (term.size() < 4 || term[0] != 'Z') return false;
        const char c = term[1];
        if (c < 'a' || c > 'z') return false;
        return !is_stop_word(term.substr(1));
    }
};

}  // namespace

std::optional<LikeQuery> like_query(const Xapian::Database& db, const std::string& id) {
    std::string unit_id = id;
    auto docid = docid_of(db, s::term(s::id_prefix, id));
    if (!docid) {
        // A decision: its record names the unit it was read from.
        auto decision = docid_of(db, s::term(s::id_prefix, std::string(s::decision_id_tag) + id));
        if (!decision) return std::nullopt;
        auto record = nlohmann::json::parse(db.get_document(*decision).get_data(), nullptr, false);
        if (!record.is_object() || !record.contains("unit_id") || !record["unit_id"].is_string()) return std::nullopt;
        unit_id = record["unit_id"].get<std::string>();
        docid = docid_of(db, s::term(s::id_prefix, unit_id));
        if (!docid) return std::nullopt;
    }
    Xapian::RSet relevant;
    relevant.add_document(*docid);
    Xapian::Enquire enquire(db);
    WordsOnly words_only;
    // Exact term frequencies: Xapian otherwise scales them from the shards holding the
    // unit, and a shard set would choose other words than the single index (no cost there).
    Xapian::ESet eset = enquire.get_eset(like_terms, relevant, Xapian::Enquire::USE_EXACT_TERMFREQ, &words_only);
    LikeQuery out;
    std::vector<Xapian::Query> terms;
    // Shown as the unit's own words ("fostering"), not as stems ("foster").
    const Xapian::Document unit = db.get_document(*docid);
    std::map<std::string, std::string> word_of_stem;
    const Xapian::Stem stem("en");
    for (auto t = unit.termlist_begin(); t != unit.termlist_end(); ++t) {
        const std::string& term = *t;
        if (!term.empty() && term[0] >= 'a' && term[0] <= 'z') word_of_stem.emplace("Z" + stem(term), term);
    }
    for (auto it = eset.begin(); it != eset.end(); ++it) {
        terms.emplace_back(*it);
        auto word = word_of_stem.find(*it);
        out.words.emplace_back(*it, word != word_of_stem.end() ? word->second : (*it).substr(1));
    }
    if (terms.empty()) return LikeQuery{Xapian::Query::MatchNothing, {}};
    // Leave out the unit and its collapsed copies: they are what the user is reading.
    std::vector<Xapian::Query> self{Xapian::Query(s::term(s::id_prefix, unit_id))};
    const std::string key = unit.get_value(s::collapse_slot);
    if (!key.empty()) self.emplace_back(s::term(s::duplicate_prefix, key));
    out.query = Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                              Xapian::Query(Xapian::Query::OP_OR, self.begin(), self.end()));
    return out;
}

}  // namespace quorum::query
