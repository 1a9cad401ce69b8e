// analyse_decisions: records -> links -> status -> threads -> summaries, in that order
// (status needs the links; threads and summaries need the status and owners).
#include <algorithm>

#include "decisions_internal.hpp"

namespace quorum::decisions {

DecisionAnalysis analyse_decisions(const Archive& archive, const DecisionOptions& options) {
    using namespace decisions_detail;
    DecisionAnalysis a;
    a.as_of = effective_as_of(options.as_of);
    const PeopleIndex people(archive);
    Collected collected = collect(archive, people);
    link_all(archive, collected, options, a.links);
    derive_status(collected.decisions, a.links, a.as_of);
    a.threads = build_threads(collected.decisions, a.links, collected.items);
    a.decisions = std::move(collected.decisions);
    a.people = summarise_people(archive, a.decisions, collected.votes, collected.declarations);
    a.votes = std::move(collected.votes);
    a.declarations = std::move(collected.declarations);
    a.committees = summarise_committees(archive, a.decisions);
    return a;
}

std::string effective_as_of(const std::string& as_of) { return decisions_detail::day_of(as_of) ? as_of : today(); }

const Decision* DecisionAnalysis::find(std::string_view id) const {
    for (const auto& d : decisions)
        if (d.id == id) return &d;
    return nullptr;
}

const Thread* DecisionAnalysis::thread_of(std::string_view id) const {
    const Decision* d = find(id);
    if (!d || d->thread_id.empty()) return nullptr;
    for (const auto& t : threads)
        if (t.id == d->thread_id) return &t;
    return nullptr;
}

std::vector<const DecisionLink*> DecisionAnalysis::links_of(std::string_view id) const {
    std::vector<const DecisionLink*> out;
    for (const auto& l : links)
        if (l.from == id || l.to == id) out.push_back(&l);
    return out;
}

const PersonSummary* DecisionAnalysis::person(std::string_view id) const {
    for (const auto& p : people)
        if (p.id == id) return &p;
    return nullptr;
}

const CommitteeSummary* DecisionAnalysis::committee(std::string_view id) const {
    for (const auto& c : committees)
        if (c.id == id) return &c;
    return nullptr;
}

}  // namespace quorum::decisions
