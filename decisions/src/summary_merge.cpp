// Merging the people and committee summaries of an archive analysed in parts: an indexer
// analyses one council at a time, so that its memory follows the largest council and not
// the archive, and merges a person's or committee's parts here.
#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "decisions_internal.hpp"

namespace quorum::decisions {
namespace {

using decisions_detail::earlier;
using decisions_detail::widen;

template <typename T>
void append(std::vector<T>& into, std::vector<T>&& more) {
    into.insert(into.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

}  // namespace

// Councils in the order first met.
void add_councils(std::vector<std::string>& into, std::vector<std::string>&& more) {
    for (auto& c : more)
        if (std::find(into.begin(), into.end(), c) == into.end()) into.push_back(std::move(c));
}

void merge_summary(PersonSummary& into, PersonSummary&& more) {
    add_councils(into.councils, std::move(more.councils));
    if (into.kind == "other" && more.kind != "other") into.kind = more.kind;
    // Another council's printed name is a variant, as the readers merge people (merge_person).
    std::unordered_set<std::string> variants(into.variants.begin(), into.variants.end());
    variants.insert(into.name);
    if (variants.insert(more.name).second) into.variants.push_back(std::move(more.name));
    for (auto& v : more.variants)
        if (variants.insert(v).second) into.variants.push_back(std::move(v));
    for (auto& r : more.roles) {
        auto it = std::find_if(into.roles.begin(), into.roles.end(),
                               [&](const RoleSpan& s) { return s.role == r.role && s.committee_id == r.committee_id; });
        if (it == into.roles.end()) {
            into.roles.push_back(std::move(r));
            continue;
        }
        if (earlier(r.from, it->from)) it->role_name = std::move(r.role_name);  // the first printed form
        widen(it->from, it->to, r.from, r.to);
        it->meetings += r.meetings;
    }
    std::stable_sort(into.roles.begin(), into.roles.end(),
                     [](const RoleSpan& a, const RoleSpan& b) { return a.from < b.from; });
    append(into.meetings, std::move(more.meetings));
    std::stable_sort(into.meetings.begin(), into.meetings.end(),
                     [](const AttendanceRecord& a, const AttendanceRecord& b) { return a.date < b.date; });
    into.attended += more.attended;
    into.apologies += more.apologies;
    into.substitutions += more.substitutions;
    append(into.proposed, std::move(more.proposed));
    append(into.owned, std::move(more.owned));
    // A vote is one event however many parts printed it.
    for (auto& v : more.votes)
        if (std::none_of(into.votes.begin(), into.votes.end(),
                         [&](const PersonVote& have) { return have.vote_id == v.vote_id && have.how == v.how; }))
            into.votes.push_back(std::move(v));
    std::stable_sort(into.votes.begin(), into.votes.end(),
                     [](const PersonVote& a, const PersonVote& b) { return a.date < b.date; });
    for (auto& x : more.declarations)
        if (std::none_of(into.declarations.begin(), into.declarations.end(),
                         [&](const Declaration& have) { return have.id == x.id; }))
            into.declarations.push_back(std::move(x));
    std::stable_sort(into.declarations.begin(), into.declarations.end(),
                     [](const Declaration& a, const Declaration& b) { return a.date < b.date; });
}

void merge_summary(CommitteeSummary& into, CommitteeSummary&& more) {
    add_councils(into.councils, std::move(more.councils));
    append(into.meetings, std::move(more.meetings));
    std::stable_sort(into.meetings.begin(), into.meetings.end(),
                     [](const auto& a, const auto& b) { return a.date < b.date; });
    // Members by person and role, as summarise_committees keys them.
    std::unordered_map<std::string, std::size_t> member_at;
    for (std::size_t i = 0; i < into.members.size(); ++i)
        member_at.emplace(into.members[i].person_id + '\n' + into.members[i].role, i);
    for (auto& m : more.members) {
        const auto it = member_at.find(m.person_id + '\n' + m.role);
        if (it == member_at.end()) {
            member_at.emplace(m.person_id + '\n' + m.role, into.members.size());
            into.members.push_back(std::move(m));
            continue;
        }
        CommitteeMember& have = into.members[it->second];
        if (earlier(m.from, have.from)) have.name = std::move(m.name);
        widen(have.from, have.to, m.from, m.to);
        have.meetings += m.meetings;
    }
    std::stable_sort(into.members.begin(), into.members.end(),
                     [](const CommitteeMember& a, const CommitteeMember& b) { return a.from < b.from; });
    std::map<std::string, int> per_year(into.decisions_per_year.begin(), into.decisions_per_year.end());
    for (const auto& [year, n] : more.decisions_per_year) per_year[year] += n;
    into.decisions_per_year.assign(per_year.begin(), per_year.end());
    append(into.chairs, std::move(more.chairs));
    std::stable_sort(into.chairs.begin(), into.chairs.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
}

}  // namespace quorum::decisions
