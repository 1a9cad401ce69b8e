#include "params.hpp"

#include <array>
#include <charconv>
#include <stdexcept>
#include "quorum/text/utf8.hpp"

#include "quorum/index/vocabulary.hpp"

namespace quorum::server {
namespace {

namespace v = quorum::index::vocabulary;

// The allowed values of a vocabulary parameter: the slugs, in API order.
template <class E>
std::vector<std::string_view> choices_of() {
    const auto slugs = v::slugs<E>();
    return {slugs.begin(), slugs.end()};
}

// Any spelling the vocabulary parses (links written before the slugs were the one spelling).
template <class E>
bool parses_as(std::string_view value) {
    return v::from_slug<E>(value).has_value();
}

template <class E>
std::optional<E> vocabulary_value(const std::optional<std::string>& value) {
    return value ? v::from_slug<E>(*value) : std::nullopt;
}

constexpr std::size_t kMaxRepeats = 50;
constexpr std::size_t kMaxIdLength = 200;

std::string quoted(std::string_view name) { return std::string(name); }

[[noreturn]] void bad(std::string_view name, std::string_view must) {
    throw std::invalid_argument(quoted(name) + " " + std::string(must));
}

bool has_control_characters(std::string_view text) {
    for (unsigned char c : text)
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return true;
    return false;
}

std::string join(const std::vector<std::string_view>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) out += i + 1 == words.size() ? " or " : ", ";
        out += words[i];
    }
    return out;
}

void check_value(const ParamSpec& spec, const std::string& value) {
    switch (spec.kind) {
        case ParamKind::text:
            if (!is_valid_utf8(value)) bad(spec.name, "must be valid UTF-8 text");
            if (has_control_characters(value)) bad(spec.name, "must not contain control characters");
            if (spec.max > 0 && text::utf8_length(value) > static_cast<std::size_t>(spec.max))
                bad(spec.name, "must be at most " + std::to_string(spec.max) + " characters long");
            return;
        case ParamKind::id:
            if (!is_valid_id(value))
                bad(spec.name,
                    "must be an id made of lowercase letters, digits, '.', '_' and '-' (at most 200 characters), "
                    "as listed in the facets of /api/search");
            return;
        case ParamKind::year:
            if (value.size() != 4 || value.find_first_not_of("0123456789") != std::string::npos)
                bad(spec.name, "must be a four-digit year such as 2022");
            return;
        case ParamKind::date:
            if (!is_valid_date(value)) {
                if (value.size() == 10 && value[4] == '-' && value[7] == '-' &&
                    value.find_first_not_of("0123456789-") == std::string::npos)
                    bad(spec.name, "must be a real calendar date: " + value + " does not exist");
                bad(spec.name, "must be a date written YYYY-MM-DD, such as 2022-02-22");
            }
            return;
        case ParamKind::choice:
            for (auto choice : spec.choices)
                if (value == choice) return;
            if (spec.also_accepts != nullptr && spec.also_accepts(value)) return;
            bad(spec.name, "must be " + join(spec.choices));
        case ParamKind::integer: {
            long n = 0;
            const char* end = value.data() + value.size();
            auto [p, ec] = std::from_chars(value.data(), end, n);
            if (ec != std::errc() || p != end || n < spec.min || n > spec.max)
                bad(spec.name,
                    "must be a whole number from " + std::to_string(spec.min) + " to " + std::to_string(spec.max));
            return;
        }
        case ParamKind::boolean:
            if (value != "true" && value != "false") bad(spec.name, "must be true or false");
            return;
    }
}

const std::vector<std::string> kNone;

int month_days(int year, int month) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[static_cast<std::size_t>(month - 1)];
}

using K = ParamKind;

const std::vector<ParamSpec> kSearchTable = {
    {"q", K::text, false, 0, 1000, {}, "", "the query: words, \"phrases\", AND OR NOT, +word -word, field prefixes"},
    {"committee", K::id, true, 0, 0, {}, "", "committee id; repeat for OR"},
    {"council", K::id, true, 0, 0, {}, "", "council id (from /api/councils); repeat for OR"},
    {"person", K::id, true, 0, 0, {}, "", "person id; repeat for OR"},
    {"topic", K::id, true, 0, 0, {}, "", "topic id; repeat for OR"},
    {"type",
     K::id,
     true,
     0,
     0,
     {},
     "",
     "unit type (item, paragraph, table, resolution, question, action); repeat for OR"},
    {"kind",
     K::id,
     true,
     0,
     0,
     {},
     "",
     "document kind (minutes, agenda, report, agenda-pack, web-page); repeat for OR"},
    {"outcome", K::id, true, 0, 0, {}, "", "resolution outcome; repeat for OR"},
    {"status", K::id, true, 0, 0, {}, "", "action status (for example overdue); repeat for OR"},
    {"year", K::year, true, 0, 0, {}, "", "meeting year; repeat for OR"},
    {"from", K::date, false, 0, 0, {}, "", "earliest meeting date, inclusive"},
    {"to", K::date, false, 0, 0, {}, "", "latest meeting date, inclusive"},
    {"sort", K::choice, false, 0, 0, {"relevance", "newest", "oldest", "amount"}, "relevance",
     "order of the hits (amount: the largest sum a passage prints, largest first)"},
    {"page", K::integer, false, 1, 1000, {}, "1", "1-based page"},
    {"per_page", K::integer, false, 1, 100, {}, "10", "hits per page"},
    {"format",
     K::choice,
     false,
     0,
     0,
     {"json", "csv", "atom"},
     "json",
     "json: one page; csv and atom: the whole result set, at most 10,000 rows"},
    {"procedural", K::boolean, false, 0, 0, {}, "true", "false leaves out procedural units (apologies, declarations)"},
    {"front_matter",
     K::choice,
     false,
     0,
     0,
     {"auto", "true", "false"},
     "auto",
     "header, attendance and cover units: auto includes them when q has words or type names them"},
    {"mode",
     K::choice,
     false,
     0,
     0,
     {"hybrid", "keyword"},
     "hybrid",
     "hybrid: also by meaning (thesaurus, related words, WordNet); keyword: the words as typed"},
    {"like", K::id, false, 0, 0, {}, "", "more like this: a unit or decision id; q must then be empty"},
};

const std::vector<ParamSpec> kMeetingsTable = {
    {"committee", K::id, false, 0, 0, {}, "", "committee id"},
    {"council", K::id, false, 0, 0, {}, "", "council id"},
    {"from", K::date, false, 0, 0, {}, "", "earliest meeting date, inclusive"},
    {"to", K::date, false, 0, 0, {}, "", "latest meeting date, inclusive"},
    {"page", K::integer, false, 1, 100000, {}, "1", "1-based page (only with page or per_page: else every meeting)"},
    {"per_page", K::integer, false, 1, 1000, {}, "100", "meetings per page"},
    {"format",
     K::choice,
     false,
     0,
     0,
     {"json", "csv", "atom"},
     "json",
     "json; csv and atom: every matching meeting (page and per_page are ignored)"},
};

const std::vector<ParamSpec> kDecisionsTable = {
    {"q", K::text, false, 0, 1000, {}, "", "every word occurs in the text, item title, owner or document title"},
    {"committee", K::id, false, 0, 0, {}, "", "committee id"},
    {"council", K::id, false, 0, 0, {}, "", "council id"},
    {"outcome", K::choice, false, 0, 0, choices_of<v::OutcomeResult>(), "", "outcome recorded in the minutes",
     parses_as<v::OutcomeResult>},
    {"status", K::choice, false, 0, 0, choices_of<v::DecisionStatus>(), "",
     "status (overdue also matches decisions past their due date)", parses_as<v::DecisionStatus>},
    {"owner", K::text, false, 0, 200, {}, "", "owner person id, or words of the owner's printed name"},
    {"kind", K::choice, false, 0, 0, choices_of<v::DecisionKind>(), "", "kind of record", parses_as<v::DecisionKind>},
    {"from", K::date, false, 0, 0, {}, "", "earliest meeting date, inclusive"},
    {"to", K::date, false, 0, 0, {}, "", "latest meeting date, inclusive"},
    {"page", K::integer, false, 1, 100000, {}, "1", "1-based page"},
    {"per_page", K::integer, false, 1, 1000, {}, "50", "decisions per page"},
    {"format",
     K::choice,
     false,
     0,
     0,
     {"json", "csv", "atom"},
     "json",
     "json: one page; csv and atom: every matching decision, at most 10,000"},
};

const std::vector<ParamSpec> kPeopleTable = {
    {"q", K::text, false, 0, 200, {}, "", "every word starts a word of the name (or another spelling of it)"},
    {"council", K::id, false, 0, 0, {}, "", "council id: the people its papers name"},
    {"page", K::integer, false, 1, 100000, {}, "1", "1-based page"},
    {"per_page", K::integer, false, 1, 1000, {}, "100", "people per page"},
    {"format",
     K::choice,
     false,
     0,
     0,
     {"json", "csv", "atom"},
     "json",
     "json: one page; csv and atom: every matching person, at most 10,000"},
};

const std::vector<ParamSpec> kCommitteesTable = {
    {"council", K::id, false, 0, 0, {}, "", "council id: the committees its papers name"},
    {"format", K::choice, false, 0, 0, {"json", "csv", "atom"}, "json", "json, csv or atom"},
};

const std::vector<ParamSpec> kCouncilsTable = {
    {"format", K::choice, false, 0, 0, {"json", "csv"}, "json", "json or csv"},
};

const std::vector<ParamSpec> kCompareTable = {
    {"q", K::text, false, 0, 1000, {}, "", "the question, as for /api/search (required)"},
    {"by", K::choice, false, 0, 0, {"committee", "year", "council"}, "committee", "what to group the matches by"},
    {"groups", K::integer, false, 1, 50, {}, "10", "how many groups, largest first"},
};

const std::vector<ParamSpec> kPersonTable = {
    {"format", K::choice, false, 0, 0, {"json", "csv"}, "json", "json, or csv: the person's voting record"},
};

const std::vector<ParamSpec> kAgreementTable = {
    {"with", K::id, false, 0, 0, {}, "", "the other person's id (required)"},
};

Format format_of(const ParsedParams& p) {
    const auto format = p.one("format").value_or("json");
    return format == "csv" ? Format::csv : format == "atom" ? Format::atom : Format::json;
}

void check_date_order(const ParsedParams& p) {
    auto from = p.one("from"), to = p.one("to");
    if (from && to && *from > *to)  // YYYY-MM-DD compares as text
        throw std::invalid_argument("from (" + *from + ") must not be after to (" + *to + ")");
}

}  // namespace

const std::vector<std::string>& ParsedParams::all(std::string_view name) const {
    auto it = values_.find(name);
    return it == values_.end() ? kNone : it->second;
}

std::optional<std::string> ParsedParams::one(std::string_view name) const {
    const auto& v = all(name);
    if (v.empty()) return std::nullopt;
    return v.front();
}

long ParsedParams::integer(std::string_view name, long fallback) const {
    auto v = one(name);
    return v ? std::stol(*v) : fallback;  // validated by the table
}

ParsedParams parse_params(std::span<const ParamSpec> table, const QueryParams& params) {
    ParsedParams out;
    for (const auto& spec : table) {
        auto [first, last] = params.equal_range(std::string(spec.name));
        std::vector<std::string> values;
        for (auto it = first; it != last; ++it)
            if (!it->second.empty()) values.push_back(it->second);
        if (values.empty()) continue;
        if (!spec.repeatable && values.size() > 1) bad(spec.name, "must be given at most once");
        if (values.size() > kMaxRepeats) bad(spec.name, "may be repeated at most 50 times");
        for (const auto& v : values) check_value(spec, v);
        out.values_.emplace(std::string(spec.name), std::move(values));
    }
    return out;
}

std::span<const ParamSpec> search_param_table() { return kSearchTable; }
std::span<const ParamSpec> meetings_param_table() { return kMeetingsTable; }
std::span<const ParamSpec> decisions_param_table() { return kDecisionsTable; }
std::span<const ParamSpec> people_param_table() { return kPeopleTable; }
std::span<const ParamSpec> committees_param_table() { return kCommitteesTable; }
std::span<const ParamSpec> councils_param_table() { return kCouncilsTable; }
std::span<const ParamSpec> agreement_param_table() { return kAgreementTable; }
std::span<const ParamSpec> compare_param_table() { return kCompareTable; }
std::span<const ParamSpec> person_param_table() { return kPersonTable; }

SearchParams parse_search_params(const QueryParams& params) {
    const auto p = parse_params(kSearchTable, params);
    check_date_order(p);
    SearchParams out;
    auto& r = out.request;
    r.q = p.one("q").value_or("");
    r.committee = p.all("committee");
    r.council = p.all("council");
    r.person = p.all("person");
    r.topic = p.all("topic");
    r.type = p.all("type");
    r.kind = p.all("kind");
    r.outcome = p.all("outcome");
    r.status = p.all("status");
    r.year = p.all("year");
    r.from = p.one("from").value_or("");
    r.to = p.one("to").value_or("");
    const auto sort = p.one("sort").value_or("relevance");
    r.sort = sort == "newest"   ? query::Sort::newest
             : sort == "oldest" ? query::Sort::oldest
             : sort == "amount" ? query::Sort::largest_amount
                                : query::Sort::relevance;
    r.page = static_cast<int>(p.integer("page", 1));
    r.per_page = static_cast<int>(p.integer("per_page", 10));
    r.include_procedural = p.one("procedural").value_or("true") == "true";
    if (const auto front = p.one("front_matter"); front && *front != "auto") r.include_front_matter = *front == "true";
    r.mode = p.one("mode").value_or("hybrid") == "keyword" ? query::Mode::keyword : query::Mode::hybrid;
    r.like = p.one("like").value_or("");
    out.format = format_of(p);
    return out;
}

MeetingParams parse_meeting_params(const QueryParams& params) {
    const auto p = parse_params(kMeetingsTable, params);
    check_date_order(p);
    MeetingParams out;
    out.filter.committee = p.one("committee").value_or("");
    out.filter.council = p.one("council").value_or("");
    out.filter.from = p.one("from").value_or("");
    out.filter.to = p.one("to").value_or("");
    if (p.has("page") || p.has("per_page")) {
        out.page = static_cast<int>(p.integer("page", 1));
        out.per_page = static_cast<int>(p.integer("per_page", 100));
    }
    out.format = format_of(p);
    return out;
}

DecisionParams parse_decision_params(const QueryParams& params) {
    const auto p = parse_params(kDecisionsTable, params);
    check_date_order(p);
    DecisionParams out;
    auto& q = out.query;
    q.q = p.one("q").value_or("");
    q.committee = p.one("committee").value_or("");
    q.council = p.one("council").value_or("");
    q.outcome = vocabulary_value<v::OutcomeResult>(p.one("outcome"));
    q.status = vocabulary_value<v::DecisionStatus>(p.one("status"));
    q.owner = p.one("owner").value_or("");
    q.kind = vocabulary_value<v::DecisionKind>(p.one("kind"));
    q.from = p.one("from").value_or("");
    q.to = p.one("to").value_or("");
    q.page = static_cast<int>(p.integer("page", 1));
    q.per_page = static_cast<int>(p.integer("per_page", 50));
    out.format = format_of(p);
    return out;
}

PeopleParams parse_people_params(const QueryParams& params) {
    const auto p = parse_params(kPeopleTable, params);
    PeopleParams out;
    out.q = p.one("q").value_or("");
    out.council = p.one("council").value_or("");
    out.page = static_cast<int>(p.integer("page", 1));
    out.per_page = static_cast<int>(p.integer("per_page", 100));
    out.format = format_of(p);
    return out;
}

CommitteesParams parse_committees_params(const QueryParams& params) {
    const auto p = parse_params(kCommitteesTable, params);
    return CommitteesParams{p.one("council").value_or(""), format_of(p)};
}

Format parse_councils_params(const QueryParams& params) { return format_of(parse_params(kCouncilsTable, params)); }

Format parse_person_params(const QueryParams& params) { return format_of(parse_params(kPersonTable, params)); }

CompareParams parse_compare_params(const QueryParams& params) {
    const auto p = parse_params(kCompareTable, params);
    CompareParams out;
    out.q = p.one("q").value_or("");
    if (out.q.find_first_not_of(" \t\r\n") == std::string::npos)
        throw std::invalid_argument("q is required: the question to compare (as for /api/search)");
    out.by = p.one("by").value_or("committee");
    out.groups = static_cast<int>(p.integer("groups", 10));
    return out;
}

std::string parse_agreement_params(const QueryParams& params) {
    const auto with = parse_params(kAgreementTable, params).one("with");
    if (!with) throw std::invalid_argument("with is required: the id of the person to compare with (from /api/people)");
    return *with;
}

bool is_valid_id(std::string_view id) noexcept {
    if (id.empty() || id.size() > kMaxIdLength || id.front() == '.') return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
    return true;
}

bool is_valid_date(std::string_view d) noexcept {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (d[i] < '0' || d[i] > '9') return false;
    const int year = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
    const int month = (d[5] - '0') * 10 + (d[6] - '0');
    const int day = (d[8] - '0') * 10 + (d[9] - '0');
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= month_days(year, month);
}

}  // namespace quorum::server
