#include "query_builder.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "quorum/index/schema.hpp"
#include "quorum/index/text_fold.hpp"
#include "quorum/text/amounts.hpp"
#include "quorum/text/ascii.hpp"
#include "quorum/text/fold.hpp"
#include "meaning_expansion.hpp"
#include "more_like_this.hpp"
#include "wildcards.hpp"
#include "query_reading.hpp"
#include "question_intent.hpp"
#include "stop_words.hpp"
#include "synonym_rewrite.hpp"

namespace quorum::query {

namespace s = quorum::index::schema;
using quorum::index::fold_for_search;
using quorum::index::slug;

namespace {

// committee:/person:/topic: take an id or a name: folded to a slug, matched exactly or as
// a run of whole words of known ids ("person:howells" -> "phillip-howells").
class IdFieldProcessor : public Xapian::FieldProcessor {
public:
    IdFieldProcessor(std::string prefix, const std::map<std::string, std::string>* names)
        : prefix_(std::move(prefix)), names_(names) {}

    Xapian::Query operator()(const std::string& value) override {
        std::string id = slug(value);
        if (id.empty()) return Xapian::Query::MatchNothing;
        if (names_ == nullptr || names_->count(id)) return Xapian::Query(prefix_ + id);
        std::vector<Xapian::Query> matches;
        std::string needle = '-' + id + '-';
        for (const auto& [known, name] : *names_) {
            if (('-' + known + '-').find(needle) != std::string::npos) matches.emplace_back(prefix_ + known);
            if (matches.size() >= 50) break;
        }
        if (matches.empty()) return Xapian::Query(prefix_ + id);
        return Xapian::Query(Xapian::Query::OP_OR, matches.begin(), matches.end());
    }

private:
    std::string prefix_;
    const std::map<std::string, std::string>* names_;
};

// type:/year:/kind:/outcome:/status: values are slugs ("type:Resolution" -> XYresolution).
class SlugFieldProcessor : public Xapian::FieldProcessor {
public:
    explicit SlugFieldProcessor(std::string prefix) : prefix_(std::move(prefix)) {}
    Xapian::Query operator()(const std::string& value) override {
        std::string v = slug(value);
        return v.empty() ? Xapian::Query::MatchNothing : Xapian::Query(prefix_ + v);
    }

private:
    std::string prefix_;
};

const std::map<std::string, std::string>* names_of(const IndexCache& cache, const std::string& facet) {
    auto it = cache.names.find(facet);
    return it == cache.names.end() ? nullptr : &it->second;
}

Xapian::Query any_of(std::string_view prefix, const std::vector<std::string>& values, bool slugify) {
    std::vector<Xapian::Query> terms;
    for (const auto& v : values) {
        std::string value = slugify ? slug(v) : v;
        if (value.empty()) throw std::invalid_argument("empty filter value: give an id such as 'cabinet'");
        terms.emplace_back(s::term(prefix, quorum::index::bounded_term_value(value)));
    }
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::string date_value(const std::string& date, const char* name) {
    bool ok = date.size() == 10 && date[4] == '-' && date[7] == '-';
    for (std::size_t i = 0; ok && i < date.size(); ++i)
        if (i != 4 && i != 7 && (date[i] < '0' || date[i] > '9')) ok = false;
    if (!ok) throw std::invalid_argument(std::string(name) + " must be a date YYYY-MM-DD, got '" + date + "'");
    return date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
}

// The request's facet filters: each a boolean prefix, and the facet its values are named in.
struct RequestFilter {
    std::string_view prefix;
    const char* facet;
    std::vector<std::string> SearchRequest::*values;
};
const RequestFilter kRequestFilters[] = {
    {s::committee_prefix, "committee", &SearchRequest::committee}, {s::person_prefix, "person", &SearchRequest::person},
    {s::topic_prefix, "topic", &SearchRequest::topic},             {s::type_prefix, "type", &SearchRequest::type},
    {s::year_prefix, "year", &SearchRequest::year},                {s::kind_prefix, "kind", &SearchRequest::kind},
    {s::outcome_prefix, "outcome", &SearchRequest::outcome},       {s::status_prefix, "status", &SearchRequest::status},
    {s::council_prefix, "council", &SearchRequest::council},
};

// The unit types of a document's front matter (corpus::is_front_matter).
constexpr const char* kFrontMatterTypes[] = {"header", "attendance", "cover"};

Xapian::Query front_matter_units() {
    std::vector<Xapian::Query> types;
    for (const char* type : kFrontMatterTypes) types.emplace_back(s::term(s::type_prefix, type));
    return Xapian::Query(Xapian::Query::OP_OR, types.begin(), types.end());
}

bool includes_front_matter(const SearchRequest& request) {
    if (request.include_front_matter) return *request.include_front_matter;
    const bool named = std::any_of(request.type.begin(), request.type.end(), [](const std::string& t) {
        return std::any_of(std::begin(kFrontMatterTypes), std::end(kFrontMatterTypes),
                           [&](const char* f) { return slug(t) == f; });
    });
    return named || !quorum::text::trim(request.q).empty();
}

// Words only: what an unparseable query falls back to.
std::string plain_words(const std::string& text) {
    std::string out;
    for (const auto& w : quorum::index::fold_words(text)) {
        std::string clean;
        for (char c : w)
            if (c != '\'') clean.push_back(c);
        if (clean.empty()) continue;
        if (!out.empty()) out.push_back(' ');
        out += clean;
    }
    return out;
}

// Xapian 1.4's parser leaks the window of a NEAR/n or ADJ/n that comes right after AND, OR,
// NOT or XOR (and any non-word characters but a quote: "x AND -NEAR/2 y") when it throws
// the syntax error such a query always is: 96 bytes a request, which any client could
// repeat. Such text goes straight to the plain-words fallback the error would have led to.
// Regression (issue 15, fuzzing): found by tests/fuzz/fuzz_query as "NOT NEAR/5".
bool leaks_in_xapian_parser(const std::string& text) {
    const auto is_word = [](char c) { return quorum::text::is_alnum(c); };
    for (std::size_t at = 0; at < text.size(); ++at) {
        const bool near = text.compare(at, 5, "NEAR/") == 0, adj = text.compare(at, 4, "ADJ/") == 0;
        if (!near && !adj) continue;
        const std::size_t digit = at + (near ? 5 : 4);
        if ((at > 0 && is_word(text[at - 1])) || digit >= text.size() || !quorum::text::is_digit(text[digit]))
            continue;
        std::size_t end = at;  // back over the non-word characters to the word before
        while (end > 0 && !is_word(text[end - 1]) && text[end - 1] != '"') --end;
        std::size_t start = end;
        while (start > 0 && is_word(text[start - 1])) --start;
        const std::string_view before = std::string_view(text).substr(start, end - start);
        if (end > 0 && text[end - 1] != '"' &&
            (before == "AND" || before == "OR" || before == "NOT" || before == "XOR"))
            return true;
    }
    return false;
}

// Ranking by what a unit is: an item unit repeats the text of its paragraphs, so it is
// weighed down (else one item fills the top three with itself and its own paragraphs);
// a question asking for a decision, actions or a year lifts the units that are one.
// Multipliers, not added constants, so they keep their effect whatever the scores' scale.
// Only questions are reshaped: on keyword queries the split would make Xapian estimate the
// total of a collapsed search instead of counting it, and totals there must be exact.
Xapian::Query rank_by_kind(const Xapian::Query& match, const QuestionIntent& intent) {
    if (!intent.natural) return match;
    Xapian::Query item(s::term(s::type_prefix, "item"));
    // Front matter (a header, an attendance list, a cover's notices) is short and names the
    // committee and the meeting, so it matches many questions without answering them.
    const Xapian::Query front = front_matter_units();
    Xapian::Query weighed_down(Xapian::Query::OP_OR, item, front);
    const auto scaled = [&](const Xapian::Query& which, double factor) {
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_FILTER, match, which),
                             factor);
    };
    const std::vector<Xapian::Query> parts{Xapian::Query(Xapian::Query::OP_AND_NOT, match, weighed_down),
                                           scaled(item, item_weight), scaled(front, front_matter_weight)};
    Xapian::Query ranked(Xapian::Query::OP_OR, parts.begin(), parts.end());
    std::vector<Xapian::Query> lifts;
    auto lift = [&](const Xapian::Query& which, double factor) { lifts.push_back(scaled(which, factor)); };
    if (intent.decision) lift(Xapian::Query(s::term(s::type_prefix, "resolution")), decision_lift);
    if (intent.actions) lift(Xapian::Query(s::term(s::type_prefix, "action")), action_lift);
    if (intent.overdue) lift(Xapian::Query(s::term(s::status_prefix, "overdue")), action_lift);
    if (!intent.years.empty()) {
        std::vector<Xapian::Query> years;
        for (const auto& y : intent.years) years.emplace_back(s::term(s::year_prefix, y));
        lift(Xapian::Query(Xapian::Query::OP_OR, years.begin(), years.end()), year_lift);
    }
    if (!intent.months.empty()) {
        std::vector<Xapian::Query> months;
        for (const auto& m : intent.months) months.emplace_back(s::term(s::month_prefix, m));
        lift(Xapian::Query(Xapian::Query::OP_OR, months.begin(), months.end()), year_lift);
    }
    if (lifts.empty()) return ranked;
    lifts.insert(lifts.begin(), ranked);
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, lifts.begin(), lifts.end());
}

// The units dated from..to inclusive (YYYY-MM-DD, validated; empty = open) as boolean
// terms: whole years as XYR, whole months as XMO, the days at the edges as XD. Xapian
// checks a VALUE_RANGE by reading the date value of every candidate, which dominated
// date-filtered searches; a term filter is a posting list like any other. Units carry the
// three terms exactly when they carry a date value (document_builder.cpp), so the match
// set is the same.
Xapian::Query unit_dates(const std::string& from, const std::string& to, const std::vector<std::string>& years) {
    const std::string low = from.empty() ? "0000-01-01" : from, high = to.empty() ? "9999-12-31" : to;
    auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
    std::vector<Xapian::Query> terms;
    for (const auto& y : years) {
        if (y + "-12-31" < low || y + "-01-01" > high) continue;
        if (y + "-01-01" >= low && y + "-12-31" <= high) {
            terms.emplace_back(s::term(s::year_prefix, y));
            continue;
        }
        for (int m = 1; m <= 12; ++m) {
            const std::string month = y + "-" + two(m);
            if (month + "-31" < low || month + "-01" > high) continue;
            if (month + "-01" >= low && month + "-31" <= high) {
                terms.emplace_back(s::term(s::month_prefix, month));
                continue;
            }
            for (int d = 1; d <= 31; ++d) {
                const std::string day = month + "-" + two(d);
                if (day >= low && day <= high) terms.emplace_back(s::term(s::date_prefix, day));
            }
        }
    }
    if (terms.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

bool iso_date(const std::string& v) {
    bool ok = v.size() == 10 && v[4] == '-' && v[7] == '-';
    for (std::size_t i = 0; ok && i < v.size(); ++i)
        if (i != 4 && i != 7 && (v[i] < '0' || v[i] > '9')) ok = false;
    return ok;
}

// "2022-01-01..2022-06-30" in the query: as unit_dates() terms when both ends are ISO dates
// (or one is open); any other form is left to the DateRangeProcessor after it.
class UnitDateRangeProcessor : public Xapian::RangeProcessor {
public:
    explicit UnitDateRangeProcessor(const IndexCache& cache) : cache_(cache) {}
    Xapian::Query operator()(const std::string& begin, const std::string& end) override {
        if ((!begin.empty() && !iso_date(begin)) || (!end.empty() && !iso_date(end)) || (begin.empty() && end.empty()))
            return Xapian::Query(Xapian::Query::OP_INVALID);
        return unit_dates(begin, end, cache_.years);
    }

private:
    const IndexCache& cache_;
};

// "amount:1m..5m", "amount:250000..", "amount:..£40k": the largest sum a passage prints
// (amount_slot), compared by value whatever the currency. An end that is not an amount
// leaves the range to the parser as words.
class AmountRangeProcessor : public Xapian::RangeProcessor {
public:
    AmountRangeProcessor() : Xapian::RangeProcessor(s::amount_slot, "amount:") {}
    Xapian::Query operator()(const std::string& begin, const std::string& end) override {
        const auto low = begin.empty() ? std::optional<double>(0) : text::amount_value(begin);
        const auto high = end.empty() ? std::optional<double>() : text::amount_value(end);
        if (!low || (!end.empty() && !high) || (begin.empty() && end.empty()))
            return Xapian::Query(Xapian::Query::OP_INVALID);
        if (!high) return Xapian::Query(Xapian::Query::OP_VALUE_GE, s::amount_slot, Xapian::sortable_serialise(*low));
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, s::amount_slot, Xapian::sortable_serialise(*low),
                             Xapian::sortable_serialise(*high));
    }
};

}  // namespace

Xapian::Query date_range(const std::string& from, const std::string& to) {
    std::string low = from.empty() ? "00000000" : date_value(from, "from");
    std::string high = to.empty() ? "99999999" : date_value(to, "to");
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, s::date_slot, low, high);
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, const IndexCache& cache) : db_(db), cache_(cache), stem_("en") {
    for (auto w : stop_words) stopper_.add(std::string(w));
    parser_.set_database(db);
    parser_.set_stemmer(stem_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_stopper(&stopper_);
    parser_.set_max_expansion(max_wildcard_expansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                              Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PARTIAL);
    parser_.add_prefix("title", std::string(s::title_prefix));
    // Wildcards are expanded here, from the whole index (wildcards.hpp): rewrite_wildcards()
    // turns "co*" into "qwild:co" before parsing.
    parser_.add_prefix(wildcard_field(""), (new WildcardProcessor(db, "", max_wildcard_expansion))->release());
    parser_.add_prefix(wildcard_field("title"),
                       (new WildcardProcessor(db, std::string(s::title_prefix), max_wildcard_expansion))->release());
    parser_.add_boolean_prefix(
        "committee", (new IdFieldProcessor(std::string(s::committee_prefix), names_of(cache, "committee")))->release());
    parser_.add_boolean_prefix(
        "person", (new IdFieldProcessor(std::string(s::person_prefix), names_of(cache, "person")))->release());
    parser_.add_boolean_prefix(
        "topic", (new IdFieldProcessor(std::string(s::topic_prefix), names_of(cache, "topic")))->release());
    parser_.add_boolean_prefix(
        "council", (new IdFieldProcessor(std::string(s::council_prefix), names_of(cache, "council")))->release());
    parser_.add_boolean_prefix("type", (new SlugFieldProcessor(std::string(s::type_prefix)))->release());
    parser_.add_boolean_prefix("year", (new SlugFieldProcessor(std::string(s::year_prefix)))->release());
    parser_.add_boolean_prefix("kind", (new SlugFieldProcessor(std::string(s::kind_prefix)))->release());
    parser_.add_boolean_prefix("outcome", (new SlugFieldProcessor(std::string(s::outcome_prefix)))->release());
    parser_.add_boolean_prefix("status", (new SlugFieldProcessor(std::string(s::status_prefix)))->release());
    parser_.add_boolean_prefix("meeting", std::string(s::meeting_prefix));
    // 2022-01-01..2022-06-30 over the YYYYMMDD date slot.
    parser_.add_rangeprocessor((new AmountRangeProcessor())->release());
    parser_.add_rangeprocessor((new UnitDateRangeProcessor(cache))->release());
    parser_.add_rangeprocessor((new Xapian::DateRangeProcessor(s::date_slot))->release());
}

// Xapian 1.4's parser also "corrects" words that are in the index to more frequent
// neighbours ("mash" -> "march"); suggest only when a corrected word is really unknown.
std::optional<std::string> QueryBuilder::suggest(const std::string& query, const std::string& corrected) const {
    auto before = quorum::index::fold_words(query);
    auto after = quorum::index::fold_words(corrected);
    if (before.size() != after.size()) return corrected;
    // Keep every word the index knows, and the stop words ("what" -> "that" is no help).
    std::string out;
    bool changed = false;
    for (std::size_t i = 0; i < before.size(); ++i) {
        bool keep = before[i] == after[i] || db_.term_exists(before[i]) || is_stop_word(before[i]);
        changed = changed || !keep;
        if (!out.empty()) out.push_back(' ');
        out += keep ? before[i] : after[i];
    }
    if (!changed) return std::nullopt;
    return out;
}

bool QueryBuilder::has_unknown_word(const std::string& query) const {
    for (const auto& w : quorum::index::fold_words(query))
        if (!is_stop_word(w) && !db_.term_exists(w)) return true;
    return false;
}

Xapian::Query QueryBuilder::parse(const std::string& text, Xapian::Query::op default_op, unsigned extra_flags) {
    constexpr unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                               Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                               Xapian::QueryParser::FLAG_PURE_NOT;
    parser_.set_default_op(default_op);
    try {
        if (leaks_in_xapian_parser(text)) throw Xapian::QueryParserError("NEAR or ADJ after a boolean operator");
        return parser_.parse_query(rewrite_wildcards(text, {"title"}), flags | extra_flags);
    } catch (const Xapian::QueryParserError&) {
        // Unbalanced quotes, stray operators...: search the plain words instead of failing.
        try {
            return parser_.parse_query(plain_words(text), 0);
        } catch (const Xapian::QueryParserError&) {
            return Xapian::Query::MatchNothing;
        }
    }
}

// The typed word behind a term ("Zfoster" -> "fostering"), from the parser's last parse.
std::string QueryBuilder::word_of(const std::string& term) const {
    auto it = parser_.unstem_begin(term);
    if (it != parser_.unstem_end(term)) return *it;
    return !term.empty() && term[0] == 'Z' ? term.substr(1) : term;
}

// Fills the reading and the word maps of `out` from the words' query.
void QueryBuilder::describe(BuiltQuery& out, const QuestionIntent& intent, bool natural) {
    const WordOfTerm words = [this](const std::string& term) { return word_of(term); };
    read_query(out.match, words, out.reading);
    out.unexpanded = out.match;
    for (auto t = out.match.get_terms_begin(); t != out.match.get_terms_end(); ++t)
        if (!(*t).empty() && (*t)[0] != 'X' && !is_stop_word(word_of(*t))) out.words_of_terms.emplace(*t, word_of(*t));
    if (natural) {
        if (intent.decision) out.reading.lifts.emplace_back("decisions first");
        if (intent.actions) out.reading.lifts.emplace_back(intent.overdue ? "overdue actions first" : "actions first");
        for (const auto& y : intent.years) out.reading.lifts.push_back("units of " + y + " first");
        for (const auto& m : intent.months) out.reading.lifts.push_back("units of " + m + " first");
    }
}

// The hybrid mode: each word the user typed (not the acronyms' expansions) ORed in place
// with what it may mean (meaning_expansion.hpp); reading.expansions says what was added.
void QueryBuilder::expand_meaning(BuiltQuery& out, const QuestionIntent& intent) {
    if (!out.any_terms) return;
    std::vector<std::string> typed;
    for (const auto& w : quorum::index::fold_words(intent.text))
        if (!is_stop_word(w) && std::find(typed.begin(), typed.end(), w) == typed.end()) typed.push_back(w);
    MeaningExpansion meaning = expand_by_meaning(out.match, typed, db_, stem_, cache_.thesaurus, cache_.thesaurus_stems);
    out.match = std::move(meaning.query);
    out.stand_ins = std::move(meaning.stand_ins);
    out.expanded = !meaning.expansions.empty();
    out.reading.expansions = std::move(meaning.expansions);
}

BuiltQuery QueryBuilder::build(const SearchRequest& request, Xapian::Query::op default_op) {
    if (request.q.size() > max_query_chars)
        throw std::invalid_argument("query too long: " + std::to_string(request.q.size()) + " characters (at most " +
                                    std::to_string(max_query_chars) + "); shorten it");
    if (std::count(request.q.begin(), request.q.end(), '*') > static_cast<long>(max_query_wildcards))
        throw std::invalid_argument("too many wildcards in the query (at most " + std::to_string(max_query_wildcards) +
                                    "); spell more of the words out");
    BuiltQuery out;
    std::string folded = fold_for_search(request.q);
    if (!request.like.empty()) {
        if (folded.find_first_not_of(" \t\r\n") != std::string::npos)
            throw std::invalid_argument("give either q or like, not both: like finds what resembles one unit");
        auto like = like_query(db_, request.like);
        if (!like)
            throw std::invalid_argument("like: no unit or decision '" + request.like +
                                        "'; give the id of a hit or a decision");
        out.match = like->query;
        out.any_terms = true;
        out.reading.like = request.like;
        for (const auto& [term, word] : like->words) {
            out.reading.any_of.push_back(word);
            out.words_of_terms.emplace(term, word);
        }
    } else if (folded.find_first_not_of(" \t\r\n") == std::string::npos) {
        out.match = all_units(cache_.shard_set);
    } else {
        // A natural question ("what did we resolve on foster carer recruitment?") is matched
        // on any of its words, ranked by how many and how rare; keywords keep AND.
        QuestionIntent intent = read_intent(folded);
        bool natural = intent.natural && default_op == Xapian::Query::OP_AND;
        Xapian::Query::op op = natural ? Xapian::Query::OP_OR : default_op;
        const bool hybrid = request.mode == Mode::hybrid;
        std::vector<Expansion> used;
        const std::string expanded = expand_synonyms(intent.text, cache_, &used);
        // The suggestion is for the query as typed, question and intent words included.
        bool rewritten = expanded != folded;
        // Spelling correction is costly (a quarter of a plain query's CPU) and suggest() keeps
        // only corrections of unknown words: run it only when some word is unknown. It runs
        // first, so the parse the reading is made from is the last one (its unstem map).
        const bool spell = has_unknown_word(folded);
        const unsigned spelling = spell ? unsigned(Xapian::QueryParser::FLAG_SPELLING_CORRECTION) : 0u;
        if (rewritten && spell) (void)parse(folded, op, spelling);
        std::string corrected;
        if (spell && rewritten) corrected = restore_wildcards(parser_.get_corrected_query_string());
        out.match = parse(expanded, op, rewritten ? 0u : spelling);
        if (spell && !rewritten) corrected = restore_wildcards(parser_.get_corrected_query_string());
        if (!corrected.empty() && corrected != folded) out.suggestion = suggest(folded, corrected);
        std::set<std::string> terms(out.match.get_terms_begin(), out.match.get_terms_end());
        if (terms.size() > max_query_terms)
            throw std::invalid_argument("query has too many terms (" + std::to_string(terms.size()) + ", at most " +
                                        std::to_string(max_query_terms) + "); shorten it");
        out.any_terms = !out.match.empty();
        describe(out, intent, natural);
        if (hybrid) expand_meaning(out, intent);
        used.insert(used.end(), out.reading.expansions.begin(), out.reading.expansions.end());
        out.reading.expansions = std::move(used);
        // Only the implicit AND between words is relaxed to OR, never one the user wrote.
        bool explicit_ops = folded.find(" AND ") != std::string::npos || folded.find("NOT ") != std::string::npos ||
                            folded.find('+') != std::string::npos || folded.find(" -") != std::string::npos ||
                            folded.rfind('-', 0) == 0;
        out.relaxable = default_op == Xapian::Query::OP_AND && !natural && !explicit_ops &&
                        out.unexpanded.get_type() == Xapian::Query::OP_AND;
        if (out.any_terms) out.match = rank_by_kind(out.match, intent);
        if (out.match.empty()) out.match = Xapian::Query::MatchNothing;
    }

    // Filters: OR within one facet, AND across facets; never ranked.
    std::vector<Xapian::Query> filters{all_units(cache_.shard_set)};
    auto add = [&](std::string_view prefix, const std::vector<std::string>& values, bool slugify) {
        if (!values.empty()) filters.push_back(any_of(prefix, values, slugify));
    };
    for (const auto& f : kRequestFilters) {
        const auto& values = request.*f.values;
        if (values.empty()) continue;
        add(f.prefix, values, true);
        for (const auto& v : values) out.reading.filters.push_back(std::string(f.facet) + ": " + cache_.name(f.facet, slug(v)));
    }
    if (!request.from.empty() || !request.to.empty()) {
        if (!request.from.empty()) (void)date_value(request.from, "from");  // same errors as date_range()
        if (!request.to.empty()) (void)date_value(request.to, "to");
        filters.push_back(unit_dates(request.from, request.to, cache_.years));
    }
    out.filter = Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
    if (!request.from.empty()) out.reading.filters.push_back("from " + request.from);
    if (!request.to.empty()) out.reading.filters.push_back("to " + request.to);
    out.reading.text = reading_text(out.reading);
    if (!request.include_procedural)
        out.filter =
            Xapian::Query(Xapian::Query::OP_AND_NOT, out.filter, Xapian::Query(std::string(s::procedural_marker)));
    if (!includes_front_matter(request))
        out.filter = Xapian::Query(Xapian::Query::OP_AND_NOT, out.filter, front_matter_units());
    return out;
}

}  // namespace quorum::query
