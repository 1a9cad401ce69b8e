// Names of the model's enums as the API spells them.
#include "quorum/corpus/model.hpp"

#include <array>
#include <utility>

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

}  // namespace quorum::corpus
