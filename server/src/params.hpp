// Query-string parameters, parsed by a table (name, kind, bounds, default) so that
// every endpoint validates the same way and every error names the bad parameter.
#pragma once

#include <quorum/query/searcher.hpp>

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "quorum/text/utf8.hpp"

namespace quorum::server {

using text::is_valid_utf8;

using QueryParams = std::multimap<std::string, std::string>;  // == httplib::Params

enum class ParamKind {
    text,     // UTF-8 text without control characters, at most `max` characters
    id,       // ^[a-z0-9._-]{1,200}$, not starting with '.'
    year,     // four digits
    date,     // YYYY-MM-DD, a real calendar date
    choice,   // one of `choices` (or a value `also_accepts`)
    integer,  // whole number from `min` to `max`
    boolean,  // true | false
};

struct ParamSpec {
    std::string_view name;
    ParamKind kind;
    bool repeatable = false;
    long min = 0, max = 0;                  // integer bounds; text: max characters
    std::vector<std::string_view> choices;  // for choice
    std::string_view default_value = {};    // shown in docs; applied by the caller
    std::string_view description = {};
    // choice: older spellings that still parse ("in progress" for "in-progress"); not advertised.
    bool (*also_accepts)(std::string_view) = nullptr;
};

// Validated values, by parameter name. Empty values ("page=") count as not given,
// as HTML forms send them. Unknown parameters are ignored (cache busters and the like).
class ParsedParams {
public:
    [[nodiscard]] const std::vector<std::string>& all(std::string_view name) const;
    [[nodiscard]] std::optional<std::string> one(std::string_view name) const;
    [[nodiscard]] long integer(std::string_view name, long fallback) const;
    [[nodiscard]] bool has(std::string_view name) const { return !all(name).empty(); }

private:
    friend ParsedParams parse_params(std::span<const ParamSpec>, const QueryParams&);
    std::map<std::string, std::vector<std::string>, std::less<>> values_;
};

// Throws std::invalid_argument naming the parameter and what it must be.
[[nodiscard]] ParsedParams parse_params(std::span<const ParamSpec> table, const QueryParams& params);

enum class Format { json, csv, atom };

struct SearchParams {
    query::SearchRequest request;
    Format format = Format::json;
};

struct MeetingParams {
    query::MeetingFilter filter;
    std::optional<int> page, per_page;  // both unset: every matching meeting
    Format format = Format::json;       // csv, atom: every matching meeting
};

struct DecisionParams {
    query::DecisionQuery query;
    Format format = Format::json;
};

struct CompareParams {
    std::string q;
    std::string by = "committee";  // committee | year | council: a facet of the search
    int groups = 10;
};

struct PeopleParams {
    std::string q;
    std::string council;  // id, empty = any
    int page = 1, per_page = 100;
    Format format = Format::json;
};

[[nodiscard]] std::span<const ParamSpec> search_param_table();
[[nodiscard]] std::span<const ParamSpec> meetings_param_table();
[[nodiscard]] std::span<const ParamSpec> decisions_param_table();
[[nodiscard]] std::span<const ParamSpec> people_param_table();
[[nodiscard]] std::span<const ParamSpec> committees_param_table();
[[nodiscard]] std::span<const ParamSpec> councils_param_table();
[[nodiscard]] std::span<const ParamSpec> agreement_param_table();
[[nodiscard]] std::span<const ParamSpec> compare_param_table();
[[nodiscard]] std::span<const ParamSpec> person_param_table();

// Throw std::invalid_argument naming the bad parameter.
[[nodiscard]] SearchParams parse_search_params(const QueryParams& params);
[[nodiscard]] MeetingParams parse_meeting_params(const QueryParams& params);
[[nodiscard]] DecisionParams parse_decision_params(const QueryParams& params);
[[nodiscard]] PeopleParams parse_people_params(const QueryParams& params);
struct CommitteesParams {
    std::string council;  // id, empty = any
    Format format = Format::json;
};
[[nodiscard]] CommitteesParams parse_committees_params(const QueryParams& params);
[[nodiscard]] Format parse_councils_params(const QueryParams& params);
// /api/people/{id}/agreement: the other person's id.
[[nodiscard]] std::string parse_agreement_params(const QueryParams& params);
[[nodiscard]] CompareParams parse_compare_params(const QueryParams& params);
// /api/people/{id}: json, or csv (the voting record).
[[nodiscard]] Format parse_person_params(const QueryParams& params);

// Helpers shared with the route table.
[[nodiscard]] bool is_valid_id(std::string_view id) noexcept;
[[nodiscard]] bool is_valid_date(std::string_view date) noexcept;

}  // namespace quorum::server
