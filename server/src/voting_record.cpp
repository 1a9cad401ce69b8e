#include "voting_record.hpp"

#include "json_fields.hpp"
#include "text_escape.hpp"

namespace quorum::server {

std::string voting_record_csv(const nlohmann::json& person) {
    std::string out = "date,meeting,item number,item title,motion,voted,result,decision,declared interest\r\n";
    const auto votes = person.find("votes");
    if (votes == person.end() || !votes->is_array()) return out;
    for (const auto& v : *votes) {
        out += csv_record({field(v, "date"), field(v, "meeting_id"), nested(v, "item", "number"),
                           nested(v, "item", "title"), field(v, "motion"), field(v, "how"), field(v, "result"),
                           field(v, "decision"), field(v, "declared_interest")});
    }
    return out;
}

}  // namespace quorum::server
