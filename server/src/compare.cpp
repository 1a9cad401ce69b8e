#include "compare.hpp"

#include "json_codec.hpp"

namespace quorum::server {

nlohmann::json compare_json(Backend& backend, const CompareParams& params) {
    query::SearchRequest all;
    all.q = params.q;
    all.per_page = 1;
    all.snippets = false;
    const auto counted = backend.search(all);
    nlohmann::json groups = nlohmann::json::array();
    const auto facet = counted.facets.find(params.by);
    if (facet != counted.facets.end()) {
        int taken = 0;
        for (const auto& value : facet->second) {
            if (taken++ == params.groups) break;
            // The group's best resolution: the same question, in that group, resolutions only.
            query::SearchRequest best = all;
            best.facets = false;
            best.snippets = true;
            best.type = {"resolution"};
            (params.by == "committee" ? best.committee : params.by == "council" ? best.council : best.year) = {value.id};
            const auto found = backend.search(best);
            // A resolution's hit names its decision record ("decision": {"id", ...}).
            const nlohmann::json hit = found.hits.empty() ? nlohmann::json(nullptr) : hit_json(found.hits.front());
            groups.push_back({{"id", value.id},
                              {"name", value.name.empty() ? value.id : value.name},
                              {"count", value.count},
                              {"resolutions", found.total},
                              {"best", hit}});
        }
    }
    return {{"q", params.q},
            {"by", params.by},
            {"total", counted.total},
            {"exact", counted.facets_exact},
            {"groups", groups}};
}

}  // namespace quorum::server
