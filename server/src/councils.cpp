#include "councils.hpp"

#include "json_codec.hpp"
#include "text_escape.hpp"

namespace quorum::server {

namespace {

nlohmann::json date_or_null(const std::string& date) { return date.empty() ? nlohmann::json(nullptr) : nlohmann::json(date); }

}  // namespace

nlohmann::json council_json(const query::CouncilSummary& c) {
    return {{"id", c.id},
            {"name", c.name},
            {"meetings", c.meetings},
            {"decisions", c.decisions},
            {"people", c.people},
            {"units", c.units},
            {"first_date", date_or_null(c.first_date)},
            {"last_date", date_or_null(c.last_date)}};
}

nlohmann::json council_detail_json(const query::CouncilDetail& d) {
    nlohmann::json out = council_json(d.summary);
    nlohmann::json committees = nlohmann::json::array(), years = nlohmann::json::array(),
                   members = nlohmann::json::array();
    for (const auto& c : d.committees) committees.push_back({{"id", c.id}, {"name", c.name}, {"meetings", c.meetings}});
    for (const auto& y : d.meetings_by_year) years.push_back({{"year", y.id}, {"meetings", y.meetings}});
    for (const auto& m : d.members) members.push_back(parse_record(m, /*drop_text=*/false));
    out["committees"] = std::move(committees);
    out["meetings_by_year"] = std::move(years);
    out["members"] = std::move(members);
    return out;
}

std::string councils_csv(const std::vector<query::CouncilSummary>& councils) {
    std::string out = "id,name,meetings,decisions,people,units,first date,last date\r\n";
    for (const auto& c : councils)
        out += csv_record({c.id, c.name, std::to_string(c.meetings), std::to_string(c.decisions),
                           std::to_string(c.people), std::to_string(c.units), c.first_date, c.last_date});
    return out;
}

}  // namespace quorum::server
