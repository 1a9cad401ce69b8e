// Status of every record and the threads that tie the records of one matter together.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "decisions_internal.hpp"

namespace quorum::decisions::decisions_detail {
namespace {

// Within a day: recommendation -> resolution -> action -> tracker -> entry -> item (no kind).
int kind_rank(std::optional<DecisionKind> kind) {
    if (!kind) return 5;
    switch (*kind) {
        case DecisionKind::report_recommendation:
            return 0;
        case DecisionKind::action:
            return 2;
        case DecisionKind::tracker_row:
            return 3;
        case DecisionKind::work_programme_entry:
            return 4;
        default:
            return 1;  // resolution, recommendation, agreed, information-request
    }
}

}  // namespace

void derive_status(std::vector<Decision>& ds, const std::vector<DecisionLink>& links, const std::string& as_of) {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < ds.size(); ++i) index.emplace(ds[i].id, i);
    auto overdue_by_date = [&](const Decision& d) { return !d.due_date.empty() && d.due_date < as_of; };

    for (auto& d : ds) {
        if (d.kind == DecisionKind::tracker_row) {
            if (!d.status) {
                d.status = overdue_by_date(d) ? DecisionStatus::overdue : DecisionStatus::open;
                d.status_source = "derived";
                d.status_reason = d.status == DecisionStatus::overdue
                                      ? "due " + d.due_date + " and the tracker records no progress"
                                      : "the tracker records no status";
            } else {
                d.status_reason =
                    "the tracker says \"" + (d.progress.empty() ? status_name(d.status) : d.progress) + "\"";
            }
            d.overdue =
                d.status == DecisionStatus::overdue || (overdue_by_date(d) && d.status != DecisionStatus::completed);
        }
    }
    for (auto& d : ds) {
        if (d.kind == DecisionKind::tracker_row || d.kind == DecisionKind::report_recommendation) continue;
        const Decision* row = nullptr;
        const Decision* entry = nullptr;
        const DecisionLink* back = nullptr;
        for (const auto& l : links) {
            if (l.from != d.id) continue;
            if (l.type == LinkType::came_back_at) {
                back = &l;
                continue;
            }
            if (l.type != LinkType::tracked_by) continue;
            const auto it = index.find(l.to);
            if (it == index.end()) continue;
            const Decision& t = ds[it->second];
            if (t.kind == DecisionKind::tracker_row && (!row || t.date > row->date)) row = &t;
            if (t.kind == DecisionKind::work_programme_entry && (!entry || t.date > entry->date)) entry = &t;
        }
        // A row without a status of its own ("Noted") does not override what the archive shows.
        if (row && row->status_source != "tracker" && back) row = nullptr;
        if (row) {
            if (d.owner.empty()) d.owner = row->owner, d.owner_id = row->owner_id;
            if (d.due_date.empty()) d.due_date = row->due_date;
            if (d.directorate.empty()) d.directorate = row->directorate;
            d.progress = row->progress;
            d.status = row->status;
            d.status_source = "tracker";
            d.status_reason = "tracker row " + row->label + (row->date.empty() ? "" : " of " + row->date) + ": " +
                              (row->progress.empty() ? status_name(row->status) : row->progress);
            d.overdue = row->overdue;
            continue;
        }
        d.status_source = "derived";
        if (back) {
            d.status = DecisionStatus::closed;
            d.status_reason = "came back at " + back->to_title + " on " + back->to_date;
        } else if (d.kind == DecisionKind::work_programme_entry) {
            d.status = DecisionStatus::open;
            d.status_reason = "on the work programme; not yet come back in this archive";
        } else if (d.outcome.result == OutcomeResult::deferred) {
            d.status = DecisionStatus::deferred;
            d.status_reason = "deferred by the meeting";
        } else if (d.outcome.result == OutcomeResult::rejected || d.outcome.result == OutcomeResult::withdrawn ||
                   needs_no_action(d)) {
            d.status = DecisionStatus::no_action;
            d.status_reason = d.outcome.result == OutcomeResult::noted || !d.outcome.result
                                  ? std::string("nothing to follow: it notes or approves")
                                  : "it was " + std::string(stored_name(*d.outcome.result));
        } else if (overdue_by_date(d)) {
            d.status = DecisionStatus::overdue;
            d.status_reason = "due " + d.due_date + " and nothing later closes it";
        } else {
            d.status = DecisionStatus::open;
            d.status_reason = entry ? "on the work programme of " + entry->date + "; nothing later closes it yet"
                                    : "nothing later in the archive closes it";
        }
        d.overdue = d.status == DecisionStatus::overdue;
    }
}

std::vector<Thread> build_threads(std::vector<Decision>& ds, const std::vector<DecisionLink>& links,
                                  const std::vector<ItemRef>& items) {
    // Union-find over every node a link touches.
    std::map<std::string, std::size_t> node;
    std::vector<std::size_t> parent;
    auto id_of = [&](const std::string& id) {
        const auto [it, added] = node.emplace(id, parent.size());
        if (added) parent.push_back(parent.size());
        return it->second;
    };
    std::function<std::size_t(std::size_t)> find = [&](std::size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    // Two matters that both come back at one general item ("Work programme review") are
    // still two threads: items are attached to each thread, never joined through.
    for (const auto& l : links) {
        if (l.type == LinkType::came_back_at) continue;
        const std::size_t a = find(id_of(l.from)), b = find(id_of(l.to));
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
    for (const auto& l : links)
        if (l.type == LinkType::came_back_at) (void)id_of(l.from);
    std::map<std::string, std::size_t> decision_index, item_index;
    for (std::size_t i = 0; i < ds.size(); ++i) decision_index.emplace(ds[i].id, i);
    for (std::size_t i = 0; i < items.size(); ++i) item_index.emplace(items[i].unit_id, i);

    std::map<std::size_t, std::vector<ThreadStep>> groups;
    std::map<std::size_t, std::size_t> order;  // stable order of groups: first decision seen
    // Each came-back-at link adds its item to the thread of the decision it starts from.
    std::vector<std::pair<std::string, std::size_t>> placed;  // (node id, group)
    for (const auto& [id, n] : node)
        if (decision_index.count(id)) placed.emplace_back(id, find(n));
    for (const auto& l : links)
        if (l.type == LinkType::came_back_at && node.count(l.from)) placed.emplace_back(l.to, find(node[l.from]));
    std::set<std::pair<std::string, std::size_t>> done;
    for (const auto& [id, group] : placed) {
        if (!done.insert({id, group}).second) continue;
        const std::size_t n = group;
        ThreadStep s;
        s.id = id;
        if (const auto it = decision_index.find(id); it != decision_index.end()) {
            const Decision& d = ds[it->second];
            s.record = "decision";
            s.kind = d.kind;
            s.date = d.date;
            s.meeting_id = d.meeting_id;
            s.title = d.item_title.empty() ? d.document_title : d.item_title;
            s.text = d.text;
            order.emplace(n, it->second);
            if (order[n] > it->second) order[n] = it->second;
        } else if (const auto jt = item_index.find(id); jt != item_index.end()) {
            const ItemRef& r = items[jt->second];
            s.record = "item";
            s.date = r.date;
            s.meeting_id = r.meeting_id;
            s.title = r.title;
            s.text = r.number.empty() ? r.title : r.number + ". " + r.title;
        } else {
            continue;
        }
        // The link that brought it in: the most confident one pointing at it.
        for (const auto& l : links) {
            const bool here = node.count(l.from) && find(node[l.from]) == n;
            if (l.to == id && here && (!s.link_type || l.confidence > s.confidence)) {
                s.link_type = l.type;
                s.linked_from = l.from;
                s.confidence = l.confidence;
            }
        }
        if (!s.link_type) s.confidence = 1;
        groups[n].push_back(std::move(s));
    }
    std::vector<std::pair<std::size_t, std::size_t>> sorted;  // (first decision index, group)
    for (const auto& [g, steps] : groups) sorted.emplace_back(order.count(g) ? order[g] : ds.size(), g);
    std::sort(sorted.begin(), sorted.end());

    std::vector<Thread> threads;
    for (const auto& [first, g] : sorted) {
        auto steps = groups[g];
        std::stable_sort(steps.begin(), steps.end(), [](const ThreadStep& a, const ThreadStep& b) {
            if (a.date != b.date) return a.date < b.date;
            return kind_rank(a.kind) < kind_rank(b.kind);
        });
        Thread t;
        t.id = "t-" + steps.front().id;
        for (const auto& s : steps)
            if (!s.title.empty()) {
                t.title = s.title;
                break;
            }
        std::set<std::string> members;
        for (const auto& s : steps)
            if (s.kind) members.insert(s.id);  // a decision, not an item
        for (const auto& l : links)
            if (members.count(l.from)) {
                t.links.push_back(l);
                t.confidence = std::min(t.confidence, l.confidence);
            }
        for (const auto& s : steps)
            if (const auto it = decision_index.find(s.id); it != decision_index.end()) ds[it->second].thread_id = t.id;
        t.steps = std::move(steps);
        threads.push_back(std::move(t));
    }
    return threads;
}

}  // namespace quorum::decisions::decisions_detail
