// The decisions' vocabulary, spelt once: record kinds, outcomes, statuses and link types,
// each an enum with its slug (the API's spelling: parameters, facet ids, index terms) and
// its name (the spelling stored in the records' JSON, docs/DECISIONS.md).
//
// Why here: decisions/ produces these values, the indexer stores them, query/ filters on
// them and server/ validates parameters against them, and query/ must not link corpus or
// decisions. Like schema.hpp it is the contract between what is stored and what is asked,
// so it lives with the schema; it is header-only and includes nothing of the project, so
// decisions/ can use it without depending on the indexer.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace quorum::index::vocabulary {

enum class DecisionKind {
    resolution,
    recommendation,
    agreed,
    action,
    information_request,
    report_recommendation,
    tracker_row,
    work_programme_entry,
};

// What the minutes record as a decision's fate (Outcome::result).
enum class OutcomeResult { agreed, noted, deferred, rejected, amended, withdrawn };

enum class DecisionStatus {
    completed,
    in_progress,
    overdue,
    to_be_completed,
    open,
    closed,
    deferred,
    no_action,
    proposed,
    adopted,
    not_adopted,
};

// In the order the analysis makes them (docs/DECISIONS.md "Links").
enum class LinkType { adopted_as, actioned_by, tracked_by, proposed_as, came_back_at };

template <class E>
struct Term {
    E value;
    std::string_view slug;  // API spelling
    std::string_view name;  // stored spelling; trackers print statuses with spaces
};

template <class E>
struct Terms;  // Terms<E>::all: every value of E in API order

template <>
struct Terms<DecisionKind> {
    using K = DecisionKind;
    static constexpr std::array<Term<K>, 8> all = {{
        {K::resolution, "resolution", "resolution"},
        {K::recommendation, "recommendation", "recommendation"},
        {K::agreed, "agreed", "agreed"},
        {K::action, "action", "action"},
        {K::information_request, "information-request", "information-request"},
        {K::report_recommendation, "report-recommendation", "report-recommendation"},
        {K::tracker_row, "tracker-row", "tracker-row"},
        {K::work_programme_entry, "work-programme-entry", "work-programme-entry"},
    }};
};

template <>
struct Terms<OutcomeResult> {
    using O = OutcomeResult;
    static constexpr std::array<Term<O>, 6> all = {{
        {O::agreed, "agreed", "agreed"},
        {O::noted, "noted", "noted"},
        {O::deferred, "deferred", "deferred"},
        {O::rejected, "rejected", "rejected"},
        {O::amended, "amended", "amended"},
        {O::withdrawn, "withdrawn", "withdrawn"},
    }};
};

template <>
struct Terms<DecisionStatus> {
    using S = DecisionStatus;
    // The records keep the tracker's spelling ("in progress"); the API and the index use
    // the slug ("in-progress"). Both parse.
    static constexpr std::array<Term<S>, 11> all = {{
        {S::completed, "completed", "completed"},
        {S::in_progress, "in-progress", "in progress"},
        {S::overdue, "overdue", "overdue"},
        {S::to_be_completed, "to-be-completed", "to be completed"},
        {S::open, "open", "open"},
        {S::closed, "closed", "closed"},
        {S::deferred, "deferred", "deferred"},
        {S::no_action, "no-action", "no-action"},
        {S::proposed, "proposed", "proposed"},
        {S::adopted, "adopted", "adopted"},
        {S::not_adopted, "not-adopted", "not adopted"},
    }};
};

template <>
struct Terms<LinkType> {
    using L = LinkType;
    static constexpr std::array<Term<L>, 5> all = {{
        {L::adopted_as, "adopted-as", "adopted-as"},
        {L::actioned_by, "actioned-by", "actioned-by"},
        {L::tracked_by, "tracked-by", "tracked-by"},
        {L::proposed_as, "proposed-as", "proposed-as"},
        {L::came_back_at, "came-back-at", "came-back-at"},
    }};
};

template <class E>
[[nodiscard]] constexpr std::string_view to_slug(E value) noexcept {
    for (const auto& t : Terms<E>::all)
        if (t.value == value) return t.slug;
    return {};
}

template <class E>
[[nodiscard]] constexpr std::string_view stored_name(E value) noexcept {
    for (const auto& t : Terms<E>::all)
        if (t.value == value) return t.name;
    return {};
}

// The slug, or the stored spelling (older data, "status=in progress" from old links).
template <class E>
[[nodiscard]] constexpr std::optional<E> from_slug(std::string_view s) noexcept {
    for (const auto& t : Terms<E>::all)
        if (s == t.slug || s == t.name) return t.value;
    return std::nullopt;
}

// Every slug of E, in API order: the allowed values of a parameter.
template <class E>
[[nodiscard]] constexpr std::array<std::string_view, Terms<E>::all.size()> slugs() noexcept {
    std::array<std::string_view, Terms<E>::all.size()> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = Terms<E>::all[i].slug;
    return out;
}

}  // namespace quorum::index::vocabulary
