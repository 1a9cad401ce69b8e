// CSV rows and Atom entries for the lists other than search: decisions, people,
// committees and meetings (their list-form JSON). Every CSV ends with the same
// provenance columns: council, committee, meeting date, item number, item title,
// document, page, permanent link. Streaming them is the handlers' job.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace quorum::server {

enum class RecordKind { decision, person, committee, meeting };

// Column header line, ending in CRLF.
[[nodiscard]] std::string record_csv_header(RecordKind kind);
// One line, ending in CRLF; links are `public_url` + "/api/<list>/ID" (relative when empty).
[[nodiscard]] std::string record_csv_row(RecordKind kind, const nlohmann::json& record, std::string_view public_url);

// Feed head: a stable id per list and `filters` (the query string that chose the records).
[[nodiscard]] std::string record_atom_begin(RecordKind kind, std::string_view filters, std::string_view updated,
                                            std::string_view public_url);
[[nodiscard]] std::string record_atom_entry(RecordKind kind, const nlohmann::json& record, std::string_view public_url,
                                            std::string_view updated);

// "decisions", "people", "committees", "meetings": the path of the list under /api/.
[[nodiscard]] std::string_view record_list_name(RecordKind kind);

}  // namespace quorum::server
