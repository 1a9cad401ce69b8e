#include "query_reading.hpp"

#include <array>
#include <utility>

#include "quorum/index/schema.hpp"

namespace quorum::query {

namespace s = quorum::index::schema;
using Q = Xapian::Query;

namespace {

// Boolean prefixes a query may carry (committee:cabinet), longest first so "XYR" wins over "XY".
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> filter_names{{
    {s::year_prefix, "year"},
    {s::month_prefix, "month"},
    {s::document_prefix, "document"},
    {s::committee_prefix, "committee"},
    {s::person_prefix, "person"},
    {s::topic_prefix, "topic"},
    {s::type_prefix, "type"},
    {s::kind_prefix, "kind"},
    {s::meeting_prefix, "meeting"},
    {s::outcome_prefix, "outcome"},
    {s::status_prefix, "status"},
    {s::council_prefix, "council"},
}};

std::string filter_of(const std::string& term) {
    for (const auto& [prefix, name] : filter_names)
        if (term.size() > prefix.size() && term.compare(0, prefix.size(), prefix) == 0)
            return std::string(name) + ": " + term.substr(prefix.size());
    return {};
}

bool is_filter_term(const std::string& term) { return !term.empty() && term[0] == 'X'; }

std::string join(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

class Reader {
public:
    Reader(const WordOfTerm& word_of, QueryReading& reading) : word_of_(word_of), reading_(reading) {}

    // One subquery as a phrase of words, for inside a list.
    std::string render(const Q& q) const {
        const auto type = q.get_type();
        std::vector<std::string> parts;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) parts.push_back(render(q.get_subquery(i)));
        switch (type) {
            case Q::LEAF_TERM: {
                const std::string term = *q.get_terms_begin();
                return is_filter_term(term) ? filter_of(term) : word_of_(term);
            }
            case Q::OP_PHRASE:
                return '"' + join(parts, " ") + '"';
            case Q::OP_NEAR:
                return join(parts, " near ");
            case Q::OP_AND:
                return parts.size() == 1 ? parts[0] : "(" + join(parts, " and ") + ")";
            case Q::OP_OR:
            case Q::OP_SYNONYM:
            case Q::OP_ELITE_SET:
                return parts.size() == 1 ? parts[0] : "(" + join(parts, " or ") + ")";
            case Q::OP_WILDCARD:
                return q.get_terms_begin() != q.get_terms_end() ? *q.get_terms_begin() + "\u2026" : std::string();
            case Q::OP_SCALE_WEIGHT:
            case Q::OP_AND_MAYBE:
            case Q::OP_FILTER:
            case Q::OP_AND_NOT:
                return parts.empty() ? std::string() : parts[0];
            case Q::OP_VALUE_RANGE:
            case Q::OP_VALUE_GE:
            case Q::OP_VALUE_LE:
                return "a range of dates";
            default:
                return {};
        }
    }

    void top(const Q& q) {
        const auto type = q.get_type();
        const std::size_t n = q.get_num_subqueries();
        switch (type) {
            case Q::OP_FILTER:
                top(q.get_subquery(0));
                for (std::size_t i = 1; i < n; ++i) add_filters(q.get_subquery(i));
                return;
            case Q::OP_AND_NOT:
                top(q.get_subquery(0));
                for (std::size_t i = 1; i < n; ++i) reading_.without.push_back(render(q.get_subquery(i)));
                return;
            case Q::OP_AND_MAYBE:
            case Q::OP_SCALE_WEIGHT:
                if (n > 0) top(q.get_subquery(0));
                return;
            case Q::OP_AND:
            case Q::OP_OR:
                for (std::size_t i = 0; i < n; ++i) {
                    const Q sub = q.get_subquery(i);
                    if (sub.get_type() == Q::OP_PHRASE && type == Q::OP_AND) {
                        reading_.phrases.push_back(render(sub));
                    } else if (sub.get_type() == Q::LEAF_TERM && is_filter_term(*sub.get_terms_begin())) {
                        reading_.filters.push_back(render(sub));
                    } else if (sub.get_type() == Q::OP_AND_NOT || sub.get_type() == Q::OP_FILTER) {
                        top(sub);
                    } else {
                        (type == Q::OP_AND ? reading_.all_of : reading_.any_of).push_back(render(sub));
                    }
                }
                return;
            case Q::OP_PHRASE:
                reading_.phrases.push_back(render(q));
                return;
            case Q::LEAF_MATCH_ALL:
            case Q::LEAF_MATCH_NOTHING:
                return;
            default:
                if (q.get_type() == Q::LEAF_TERM && is_filter_term(*q.get_terms_begin()))
                    reading_.filters.push_back(render(q));
                else if (auto text = render(q); !text.empty())
                    reading_.all_of.push_back(text);
        }
    }

private:
    void add_filters(const Q& q) {
        if (auto text = render(q); !text.empty() && text != "XUNIT") reading_.filters.push_back(text);
    }

    const WordOfTerm& word_of_;
    QueryReading& reading_;
};

}  // namespace

void read_query(const Xapian::Query& parsed, const WordOfTerm& word_of, QueryReading& reading) {
    Reader(word_of, reading).top(parsed);
}

std::string reading_text(const QueryReading& reading) {
    std::vector<std::string> parts;
    if (!reading.like.empty()) parts.push_back("like " + reading.like);
    if (!reading.all_of.empty()) parts.push_back("all of: " + join(reading.all_of, ", "));
    if (!reading.any_of.empty())
        parts.push_back((reading.any_of.size() == 1 ? "the word " : "any of: ") + join(reading.any_of, ", "));
    for (const auto& p : reading.phrases) parts.push_back("the phrase " + p);
    if (!reading.without.empty()) parts.push_back("without: " + join(reading.without, ", "));
    for (const auto& f : reading.filters) parts.push_back(f);
    std::vector<std::string> also;
    for (const auto& e : reading.expansions) also.push_back(e.word + " \u2248 " + join(e.related, ", "));
    if (!also.empty()) parts.push_back("also: " + join(also, "; "));
    for (const auto& l : reading.lifts) parts.push_back(l);
    return join(parts, " \u00b7 ");
}

}  // namespace quorum::query
