#include "vote_agreement.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace quorum::server {
namespace {

// vote id -> how the person voted ("for", "against", "abstain"; two when listed twice), and
// the vote's entry as stored on the record.
struct Ballots {
    std::map<std::string, std::set<std::string>> how;
    std::map<std::string, const nlohmann::json*> entry;
};

Ballots ballots_of(const nlohmann::json& person) {
    Ballots b;
    const auto votes = person.find("votes");
    if (votes == person.end() || !votes->is_array()) return b;
    for (const auto& v : *votes) {
        const std::string id = v.value("vote", "");
        if (id.empty()) continue;
        b.how[id].insert(v.value("how", ""));
        b.entry.emplace(id, &v);
    }
    return b;
}

std::string joined(const std::set<std::string>& hows) {
    std::string out;
    for (const auto& h : hows) out += (out.empty() ? "" : "+") + h;
    return out;
}

nlohmann::json ref(const nlohmann::json& person) {
    return {{"id", person.value("id", "")}, {"name", person.value("name", "")}};
}

}  // namespace

nlohmann::json vote_agreement(const nlohmann::json& person, const nlohmann::json& with) {
    const Ballots a = ballots_of(person), b = ballots_of(with);
    nlohmann::json votes = nlohmann::json::array();
    int same = 0;
    for (const auto& [id, hows] : a.how) {
        const auto other = b.how.find(id);
        if (other == b.how.end()) continue;
        const nlohmann::json& e = *a.entry.at(id);
        const bool alike = hows == other->second;
        same += alike ? 1 : 0;
        votes.push_back({{"vote", id},
                         {"decision", e.value("decision", nlohmann::json(nullptr))},
                         {"meeting_id", e.value("meeting_id", nlohmann::json(nullptr))},
                         {"date", e.value("date", nlohmann::json(nullptr))},
                         {"item", e.value("item", nlohmann::json(nullptr))},
                         {"motion", e.value("motion", nlohmann::json(nullptr))},
                         {"result", e.value("result", nlohmann::json(nullptr))},
                         {"how", joined(hows)},
                         {"with_how", joined(other->second)},
                         {"same", alike}});
    }
    // Newest first, as a record of votes reads.
    std::stable_sort(votes.begin(), votes.end(), [](const nlohmann::json& x, const nlohmann::json& y) {
        const auto dx = x["date"].is_string() ? x["date"].get<std::string>() : std::string();
        const auto dy = y["date"].is_string() ? y["date"].get<std::string>() : std::string();
        return dx > dy;
    });
    const int together = static_cast<int>(votes.size());
    return {{"person", ref(person)},
            {"with", ref(with)},
            {"votes_together", together},
            {"same", same},
            {"different", together - same},
            {"agreement", together == 0 ? nlohmann::json(nullptr)
                                        : nlohmann::json(static_cast<double>(same) / together)},
            {"votes", votes}};
}

}  // namespace quorum::server
