// Request -> Xapian::Query: the query string through Xapian's QueryParser (API.md syntax),
// the request's filters as boolean filters, and the bounds that keep a query cheap.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <xapian.h>

#include "index_cache.hpp"
#include "question_intent.hpp"
#include "quorum/query/searcher.hpp"

namespace quorum::query {

inline constexpr std::size_t max_query_chars = 1000;
inline constexpr std::size_t max_query_wildcards = 8;
inline constexpr std::size_t max_query_terms = 100;
inline constexpr unsigned max_wildcard_expansion = 50;

// Ranking multipliers (measured on the question set of tests/query/ranking_test.cpp).
inline constexpr double item_weight = 0.5;    // item units: whole item text, repeats its paragraphs
inline constexpr double front_matter_weight = 0.3;  // header, attendance, cover: short, name the meeting
inline constexpr double decision_lift = 1.5;  // "what did we resolve...": resolutions score x2.5
inline constexpr double action_lift = 1.0;    // "actions", "overdue": actions (overdue ones) lifted
inline constexpr double year_lift = 1.0;      // "in 2025": units of that year score x2

struct BuiltQuery {
    Xapian::Query match;   // what the words ask for (MatchAll-like for an empty query)
    Xapian::Query filter;  // units passing the request's filters (always includes the unit marker)
    std::optional<std::string> suggestion;
    bool any_terms = false;  // false for an empty query: every unit that passes the filters
    bool relaxable = false;  // several words joined by the default AND: OR can be tried
    QueryReading reading;    // how the query was read, in words (reading.text filled)
    // The words' query before the hybrid mode's related words: whether it matches anything
    // decides whether an AND is relaxed (related words must not stand in for a missing word).
    Xapian::Query unexpanded;
    bool expanded = false;  // related words were added
    // For "why it matched": a matching term -> the word typed for it, or, for a related word
    // the hybrid mode brought in, "dismissed \u2248 sacked".
    std::map<std::string, std::string> words_of_terms, stand_ins;
};

// Units/meetings dated from..to inclusive (YYYY-MM-DD, either may be empty) on the date
// slot. Throws std::invalid_argument for a malformed date.
[[nodiscard]] Xapian::Query date_range(const std::string& from, const std::string& to);

class QueryBuilder {
public:
    QueryBuilder(const Xapian::Database& db, const IndexCache& cache);

    // Throws std::invalid_argument for a query that is too long or too wild, or bad filters.
    [[nodiscard]] BuiltQuery build(const SearchRequest& request, Xapian::Query::op default_op);

    [[nodiscard]] const Xapian::Stem& stemmer() const noexcept { return stem_; }

private:
    [[nodiscard]] Xapian::Query parse(const std::string& text, Xapian::Query::op default_op, unsigned extra_flags);

    // True when a word of `query` (folded) is neither in the index nor a stop word: only
    // then can suggest() offer anything, so only then is the spelling corrector run.
    [[nodiscard]] bool has_unknown_word(const std::string& query) const;

    // The corrected query, or nullopt when no unknown word was corrected.
    [[nodiscard]] std::optional<std::string> suggest(const std::string& query, const std::string& corrected) const;

    [[nodiscard]] std::string word_of(const std::string& term) const;
    void describe(BuiltQuery& out, const QuestionIntent& intent, bool natural);
    void expand_meaning(BuiltQuery& out, const QuestionIntent& intent);

    const Xapian::Database& db_;
    const IndexCache& cache_;
    Xapian::Stem stem_;
    Xapian::SimpleStopper stopper_;
    Xapian::QueryParser parser_;
};

}  // namespace quorum::query
