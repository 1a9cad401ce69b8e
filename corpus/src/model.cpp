// Names of the model's enums as the API spells them.
#include "quorum/corpus/model.hpp"

#include <array>
#include <utility>

#include "quorum/text/fold.hpp"

namespace quorum::corpus {
namespace {

constexpr std::array<std::pair<DocumentKind, const char*>, 9> kind_names = {{
    {DocumentKind::minutes, "minutes"},
    {DocumentKind::agenda, "agenda"},
    {DocumentKind::report, "report"},
    {DocumentKind::agenda_pack, "agenda-pack"},
    {DocumentKind::web_page, "web-page"},
    {DocumentKind::appendix, "appendix"},
    {DocumentKind::action_tracker, "action-tracker"},
    {DocumentKind::work_programme, "work-programme"},
    {DocumentKind::questions, "questions"},
}};

constexpr std::array<std::pair<UnitType, const char*>, 9> unit_names = {{
    {UnitType::item, "item"},
    {UnitType::paragraph, "paragraph"},
    {UnitType::table, "table"},
    {UnitType::resolution, "resolution"},
    {UnitType::question, "question"},
    {UnitType::action, "action"},
    {UnitType::header, "header"},
    {UnitType::attendance, "attendance"},
    {UnitType::cover, "cover"},
}};

}  // namespace

const char* to_string(DocumentKind kind) noexcept {
    for (const auto& [k, name] : kind_names)
        if (k == kind) return name;
    return "minutes";
}

const char* to_string(UnitType type) noexcept {
    for (const auto& [t, name] : unit_names)
        if (t == type) return name;
    return "paragraph";
}

std::optional<DocumentKind> document_kind_from_string(std::string_view s) noexcept {
    for (const auto& [k, name] : kind_names)
        if (s == name) return k;
    // Sidecars written by hand: accept underscores and the short form "pack".
    if (s == "agenda_pack" || s == "pack") return DocumentKind::agenda_pack;
    if (s == "web_page" || s == "webpage") return DocumentKind::web_page;
    if (s == "action_tracker") return DocumentKind::action_tracker;
    if (s == "work_programme") return DocumentKind::work_programme;
    return std::nullopt;
}

std::optional<UnitType> unit_type_from_string(std::string_view s) noexcept {
    for (const auto& [t, name] : unit_names)
        if (s == name) return t;
    return std::nullopt;
}

std::string council_id(std::string_view council) { return quorum::text::slug(council); }

std::string meeting_id_of(std::string_view council, std::string_view committee_id, std::string_view date) {
    const std::string c = council_id(council);
    std::string id;
    if (!c.empty() && committee_id != c && !committee_id.starts_with(c + "-")) id = c + "-";
    id.append(committee_id);
    id += '-';
    id.append(date);
    return id;
}

std::string meeting_key(std::string_view meeting_id, std::string_view council) {
    const std::string c = council_id(council) + "-";
    // Not when only the date is left: the committee was the council itself.
    if (c.size() > 1 && meeting_id.starts_with(c) && meeting_id.size() - c.size() != 10)
        meeting_id.remove_prefix(c.size());
    return std::string(meeting_id);
}

}  // namespace quorum::corpus
