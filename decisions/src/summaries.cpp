// People and committees over time, from the meetings' attendance and the decisions.
#include <algorithm>
#include <map>
#include <set>

#include "decisions_internal.hpp"
#include "quorum/corpus/text.hpp"

namespace quorum::decisions::decisions_detail {
namespace {

std::string id_of(const Attendee& a) { return a.person_id.empty() ? person_slug(a.name) : a.person_id; }

// The role a person held at a meeting: a job title for officers and guests, the
// attendance role (chairperson, vice-chairperson, member) for members.
std::string printed_role(const Attendee& a, std::string_view as) {
    if (as == "present" || as == "substitute") {
        const std::string r = fold_key(a.role);
        if (r.empty() || r == "member" || r == "councillor") return "member";
        return a.role;
    }
    if (!a.title.empty()) return a.title;
    if (!a.role.empty()) return a.role;
    return std::string(as == "officer" ? "officer" : "in attendance");
}

void add_span(std::vector<RoleSpan>& spans, const std::string& key, const std::string& printed,
              const std::string& committee, const std::string& date, std::set<std::string>& seen,
              const std::string& meeting_id) {
    if (key.empty()) return;
    if (!seen.insert(key + "\n" + committee + "\n" + meeting_id).second) return;
    for (auto& s : spans) {
        if (s.role != key || s.committee_id != committee) continue;
        widen(s.from, s.to, date, date);
        ++s.meetings;
        return;
    }
    spans.push_back({key, printed, committee, date, date, 1});
}

std::vector<const Meeting*> by_date(const Archive& archive) {
    std::vector<const Meeting*> ms;
    for (const auto& m : archive.meetings) ms.push_back(&m);
    std::stable_sort(ms.begin(), ms.end(), [](const Meeting* a, const Meeting* b) { return a->date < b->date; });
    return ms;
}

}  // namespace

std::vector<PersonSummary> summarise_people(const Archive& archive, const std::vector<Decision>& decisions,
                                            const std::vector<RecordedVote>& votes,
                                            const std::vector<Declaration>& declarations) {
    RoleNormaliser roles(archive.acronyms);
    // Learn "(DCF)" forms before meeting "the DCF", wherever they come in the archive.
    for (const auto& m : archive.meetings)
        for (const auto* list : {&m.attendance.present, &m.attendance.in_attendance, &m.attendance.officers})
            for (const auto& a : *list) (void)roles.normalise(a.title.empty() ? a.role : a.title);

    std::map<std::string, PersonSummary> people;
    std::map<std::string, std::set<std::string>> seen_spans;
    for (const auto& p : archive.people) {
        auto& s = people[p.id];
        s.id = p.id;
        s.name = p.name;
        s.kind = p.kind;
        s.variants = p.variants;
    }
    for (const Meeting* m : by_date(archive)) {
        const std::string committee = m->committee ? m->committee->id : std::string();
        auto take = [&](const std::vector<Attendee>& list, const char* as) {
            for (const auto& a : list) {
                if (a.name.empty()) continue;
                const std::string id = id_of(a);
                auto& s = people[id];
                if (s.id.empty()) {
                    s.id = id;
                    s.name = strip_titles(a.name);
                }
                if (s.kind.empty()) {
                    const std::string h = fold_key(a.honorific), r = fold_key(a.role);
                    if (std::string_view(as) == "officer")
                        s.kind = "officer";
                    else if (contains(r, "co-opt") || contains(r, "cooptee"))
                        s.kind = "co-optee";
                    else if (std::string_view(as) == "present" || h.starts_with("councillor") || h == "cllr")
                        s.kind = "councillor";
                }
                const std::string printed = printed_role(a, as);
                s.meetings.push_back({m->id, m->date, committee, as, printed, a.remote, a.note});
                if (std::string_view(as) == "apologies") {
                    ++s.apologies;
                    continue;
                }
                ++s.attended;
                if (std::string_view(as) == "substitute") ++s.substitutions;
                add_span(s.roles, roles.normalise(printed), printed, committee, m->date, seen_spans[id], m->id);
            }
        };
        take(m->attendance.present, "present");
        take(m->attendance.substitutes, "substitute");
        take(m->attendance.in_attendance, "in-attendance");
        take(m->attendance.officers, "officer");
        take(m->attendance.apologies, "apologies");
    }
    // Roles the readers recorded elsewhere (e.g. a report's author line).
    for (const auto& p : archive.people)
        for (const auto& r : p.roles) {
            // The attendance already gave this person's role at that meeting.
            const auto& mine = people[p.id].meetings;
            if (!r.meeting_id.empty() && std::any_of(mine.begin(), mine.end(), [&](const AttendanceRecord& a) {
                    return a.meeting_id == r.meeting_id && a.as != "apologies";
                }))
                continue;
            add_span(people[p.id].roles, roles.normalise(r.role), r.role, r.committee_id, r.date, seen_spans[p.id],
                     r.meeting_id);
        }
    for (const auto& d : decisions) {
        for (const auto* who : {&d.outcome.proposer, &d.outcome.seconder})
            if (!who->empty() && people.count(*who)) people[*who].proposed.push_back(d.id);
        if (!d.owner_id.empty() && people.count(d.owner_id) && d.kind == DecisionKind::tracker_row)
            people[d.owner_id].owned.push_back(d.id);
    }
    for (const auto& v : votes) {
        const std::pair<const std::vector<VoteName>*, const char*> sides[] = {
            {&v.in_favour, "for"}, {&v.against, "against"}, {&v.abstained, "abstain"}};
        for (const auto& [names, how] : sides)
            for (const auto& n : *names) {
                const auto it = people.find(n.person);
                if (n.person.empty() || it == people.end()) continue;
                it->second.votes.push_back({v.id, v.decisions.empty() ? std::string() : v.decisions.front(),
                                            v.meeting_id, v.date, v.item_number, v.item_title, shorten(v.motion, 300),
                                            how, v.result, n.declared_interest});
            }
    }
    for (const auto& x : declarations)
        if (const auto it = people.find(x.person); !x.person.empty() && it != people.end())
            it->second.declarations.push_back(x);
    std::vector<PersonSummary> out;
    for (auto& [id, s] : people) {
        if (s.kind.empty()) s.kind = "other";
        std::stable_sort(s.roles.begin(), s.roles.end(),
                         [](const RoleSpan& a, const RoleSpan& b) { return a.from < b.from; });
        std::stable_sort(s.votes.begin(), s.votes.end(),
                         [](const PersonVote& a, const PersonVote& b) { return a.date < b.date; });
        std::stable_sort(s.declarations.begin(), s.declarations.end(),
                         [](const Declaration& a, const Declaration& b) { return a.date < b.date; });
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<CommitteeSummary> summarise_committees(const Archive& archive, const std::vector<Decision>& decisions) {
    RoleNormaliser roles(archive.acronyms);
    std::map<std::string, CommitteeSummary> committees;
    std::map<std::string, int> decisions_of_meeting;
    for (const auto& d : decisions)
        if (is_minuted(d.kind)) ++decisions_of_meeting[d.meeting_id];
    for (const Meeting* m : by_date(archive)) {
        if (!m->committee) continue;
        auto& c = committees[m->committee->id];
        c.id = m->committee->id;
        c.name = m->committee->name;
        c.meetings.push_back({m->id, m->date, m->title, decisions_of_meeting[m->id]});
        auto take = [&](const std::vector<Attendee>& list, const char* as) {
            for (const auto& a : list) {
                if (a.name.empty()) continue;
                const std::string id = id_of(a);
                const std::string role = roles.normalise(printed_role(a, as));
                if (contains(role, "chairperson") && !contains(role, "vice")) c.chairs.emplace_back(m->date, id);
                auto it = std::find_if(c.members.begin(), c.members.end(),
                                       [&](const CommitteeMember& x) { return x.person_id == id && x.role == role; });
                if (it == c.members.end()) {
                    c.members.push_back({id, strip_titles(a.name), role, m->date, m->date, 1});
                } else {
                    widen(it->from, it->to, m->date, m->date);
                    ++it->meetings;
                }
            }
        };
        take(m->attendance.present, "present");
        take(m->attendance.substitutes, "substitute");
    }
    for (const auto& d : decisions) {
        if (!is_minuted(d.kind) || !d.committee || !committees.count(d.committee->id)) continue;
        auto& per_year = committees[d.committee->id].decisions_per_year;
        const std::string y = year_of(d.date).empty() ? std::string("unknown") : year_of(d.date);
        auto it = std::find_if(per_year.begin(), per_year.end(), [&](const auto& p) { return p.first == y; });
        if (it == per_year.end())
            per_year.emplace_back(y, 1);
        else
            ++it->second;
    }
    std::vector<CommitteeSummary> out;
    for (auto& [id, c] : committees) {
        std::sort(c.decisions_per_year.begin(), c.decisions_per_year.end());
        std::stable_sort(c.members.begin(), c.members.end(),
                         [](const CommitteeMember& a, const CommitteeMember& b) { return a.from < b.from; });
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace quorum::decisions::decisions_detail
