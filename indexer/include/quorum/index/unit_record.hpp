// Stored JSON records (TEAM_BRIEF): the unit record, and one file's part of a meeting record.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "quorum/corpus/model.hpp"
#include "quorum/corpus/reader.hpp"

namespace quorum::index {

// Term/JSON names of the model's enums (the same strings as corpus::to_string; kept here
// because they are part of the index schema: changing one is a schema change).
[[nodiscard]] const char* type_name(corpus::UnitType type) noexcept;
[[nodiscard]] const char* kind_name(corpus::DocumentKind kind) noexcept;

// id -> display name, with a readable fallback for ids without a name.
class NameTable {
public:
    void set(const std::string& id, const std::string& name) {
        if (!name.empty()) names_[id] = name;
    }
    [[nodiscard]] std::string name(const std::string& id) const;
    [[nodiscard]] const std::map<std::string, std::string>& all() const noexcept { return names_; }

private:
    std::map<std::string, std::string> names_;
};

// {"id","type","title","text","doc","item"|null,"page"|null,"section","number","people","topics",
//  "procedural", "ocr"/"exempt" when true, and "resolution"/"table"/"question"/"action" when
//  present; "item" says "exempt": true when the item is withheld}. "doc" names the
// unit's document; the query library joins its document record back in (API.md's hit fields),
// so the ~500 bytes every unit of a document shares are stored once, not once per unit.
[[nodiscard]] nlohmann::json unit_record(const corpus::Unit& unit, const corpus::Document& document,
                                         const NameTable& people, const NameTable& topics);

// The fields every unit of a document shares: {"date"|null,"council"|null,"committee"|null,
// "meeting_id"|null,"document":{"id","title","kind","source","url"|null}}.
[[nodiscard]] nlohmann::json document_record(const corpus::Document& document);

// {"id","date","committee","council","title","venue","start_time","documents":[...],
//  "attendance":{...},"items":[...],"items_count"} as far as one file knows the meeting.
// `meeting` may be null when a document names a meeting the file has no record of.
[[nodiscard]] nlohmann::json meeting_part(const std::string& meeting_id, const corpus::Meeting* meeting,
                                          const corpus::FileResult& file);

// Merge the parts of one meeting recorded by several files (given in file-key order) into
// the stored meeting record: minutes win over agendas for scalars and attendance; items
// are joined by number (or heading) and their units listed in order.
[[nodiscard]] nlohmann::json merge_meeting_parts(const std::vector<nlohmann::json>& parts);

// The summary kept in a value slot: {"id","date","committee","title","items_count"}.
[[nodiscard]] nlohmann::json meeting_summary(const nlohmann::json& meeting);

// JSON text that never throws on bad UTF-8 (invalid bytes become U+FFFD).
[[nodiscard]] std::string dump(const nlohmann::json& value);

}  // namespace quorum::index
