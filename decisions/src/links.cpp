// Linking records about one matter: report recommendation -> resolution (adopted-as),
// resolution -> action (actioned-by), decision -> tracker row or work-programme entry
// (tracked-by), decision -> a later report (proposed-as) and -> a later item (came-back-at).
// Tracker dates are hand-kept and often wrong, so rows are matched by meaning first and
// dates only narrow the search.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "decisions_internal.hpp"
#include "quorum/corpus/dates.hpp"
#include "quorum/corpus/text.hpp"

namespace quorum::decisions::decisions_detail {
namespace {

bool minuted(const Decision& d) { return is_minuted(d.kind); }

std::string committee_id(const Decision& d) { return d.committee ? d.committee->id : std::string(); }

std::string fixed(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

long days_between(const std::string& a, const std::string& b) {
    const auto x = day_of(a), y = day_of(b);
    if (!x || !y) return 0;
    return *y - *x;
}

std::string describe(const Decision& d) {
    std::string s = "\"" + shorten(d.text, 90) + "\"";
    if (!d.date.empty()) s += " of " + d.date;
    if (!d.item_number.empty()) s += " item " + d.item_number;
    return s;
}

// How much of `part` (by weight) occurs in `whole`.
double covered(const Words& part, const Words& whole, const Idf* idf) {
    if (part.empty()) return 0;
    auto w = [&](const std::string& x) { return idf ? idf->weight(x) : 1.0; };
    double total = 0, shared = 0;
    for (const auto& x : part) {
        total += w(x);
        if (std::binary_search(whole.begin(), whole.end(), x)) shared += w(x);
    }
    return shared / total;
}

// The decision without its actor: "RESOLVED: 1) That the Locum Clerk to liaise with ..." ->
// "liaise with ...". Only a short subject before " to " / " would " / " will " counts.
std::pair<std::string, std::string> split_actor(std::string_view text) {
    std::string f = fold_key(text);
    for (std::string_view lead : {"resolved:", "resolved -", "resolved", "agreed:", "1)", "a)", "that the ", "that "}) {
        while (f.starts_with(" ")) f.erase(0, 1);
        if (f.starts_with(lead)) f.erase(0, lead.size());
    }
    for (std::string_view verb : {" to ", " would ", " will ", " should "}) {
        const auto at = f.find(verb);
        if (at == std::string::npos) continue;
        if (std::count(f.begin(), f.begin() + static_cast<long>(at), ' ') <= 4)
            return {f.substr(0, at), f.substr(at + verb.size())};
        break;
    }
    return {std::string(), f};
}

}  // namespace

// Indices of decisions (or items) grouped by a key, each list in ascending order, so a
// loop over one group visits candidates in the same order as a loop over all of them.
template <class T, class Key>
std::unordered_map<std::string, std::vector<std::size_t>> group_by(const std::vector<T>& all, Key key) {
    std::unordered_map<std::string, std::vector<std::size_t>> out;
    for (std::size_t i = 0; i < all.size(); ++i) out[key(all[i])].push_back(i);
    return out;
}

const std::vector<std::size_t>& group(const std::unordered_map<std::string, std::vector<std::size_t>>& groups,
                                      const std::string& key) {
    static const std::vector<std::size_t> none;
    auto it = groups.find(key);
    return it == groups.end() ? none : it->second;
}

namespace {

using Groups = std::unordered_map<std::string, std::vector<std::size_t>>;

// ---- weights: how much each piece of evidence counts (docs/DECISIONS.md "Links"). Tuned on the
// samples and the shared corpora; the decisions tests pin what they give.

// A report is for the agenda item its title names: the heading says it, the item's opening
// only confirms it. Below the minimum the title names no item.
constexpr double report_heading_weight = 0.6, report_body_weight = 0.4;
constexpr double min_report_item_score = 0.2;
// Under the same item of the same meeting (adopted-as, actioned-by) the place is half the
// evidence, so even loosely similar text links; the wording gives the other half.
constexpr double same_item_base = 0.5, same_item_similarity = 0.5;
constexpr double min_adopted_similarity = 0.15;
constexpr double min_actioned_similarity = 0.2;
// An unsure report -> item match costs an adopted-as link up to 30% of its confidence.
constexpr double item_doubt_floor = 0.7, item_doubt_share = 0.3;
// Tracker dates are hand-kept: a gap across the whole window costs only a fifth of the score,
// and a minuted action beats a resolution by a hair because trackers log actions first.
constexpr double tracker_gap_penalty = 0.2;
constexpr double tracker_action_bonus = 0.02;
// A later report of another body shares only wording with the recommendation: it must be close.
constexpr double min_proposed_similarity = 0.45, proposed_margin = 0.15;
// Coming back: the item's opening drifts from the matter, so it counts a little less than its
// heading; naming the later meeting's date is strong evidence, a standing item weak.
constexpr double item_body_discount = 0.9;
constexpr double came_back_cosine_weight = 0.5, came_back_heading_weight = 0.5;
constexpr double names_meeting_bonus = 0.25, standing_item_penalty = 0.1;
constexpr double came_back_margin = 0.05, min_came_back_cosine = 0.15;
// A heading at this many meetings is a standing item ("Approval of Payments").
constexpr std::size_t standing_item_meetings = 4;
// A name printed at a third of a committee's meetings (and at least three) is boilerplate.
constexpr std::size_t min_recurring_meetings = 3, recurring_share = 3;
// A word in a tenth of the headings or decisions is a slot, not a matter, once there are
// enough texts for a share to mean something.
constexpr int common_min_texts = 100;
constexpr double common_share = 0.10;

long gap_days(const std::optional<long>& a, const std::optional<long>& b) {
    return a && b ? *b - *a : 0;  // as days_between: 0 when either date is unknown
}

// What every kind of link reads, computed once: scopes, days, words and the groups that narrow
// the candidates. Candidates are narrowed by meeting, document, committee and date before any
// text is compared: every pass would otherwise compare every decision with every other one.
struct CameBackEvidence;

struct LinkContext {
    LinkContext(const Archive& archive, Collected& c, const DecisionOptions& o, std::vector<DecisionLink>& l)
        : collected(c), ds(c.decisions), options(o), links(l), scopes(archive, c), threshold(o.link_threshold) {
        scope.resize(ds.size());
        for (std::size_t i = 0; i < ds.size(); ++i) scope[i] = scopes.of(ds[i]);
        item_scope.resize(collected.items.size());
        for (std::size_t k = 0; k < collected.items.size(); ++k) item_scope[k] = scopes.of(collected.items[k]);
        day.resize(ds.size());
        for (std::size_t i = 0; i < ds.size(); ++i) day[i] = day_of(ds[i].date);
        by_meeting = group_by(ds, [](const Decision& d) { return d.meeting_id; });
        by_document = group_by(ds, [](const Decision& d) { return d.document_id; });
        by_committee = group_by(scope, [](const std::string& s) { return s; });
        items_by_meeting = group_by(collected.items, [](const ItemRef& i) { return i.meeting_id; });
        items_by_committee = group_by(item_scope, [](const std::string& s) { return s; });
        item_day.resize(collected.items.size());
        for (std::size_t k = 0; k < collected.items.size(); ++k) item_day[k] = day_of(collected.items[k].date);
        // The archive's own vocabulary: a word every decision uses ("report") says little.
        words.resize(ds.size());
        for (std::size_t i = 0; i < ds.size(); ++i) {
            words[i] = content_words(ds[i].text);
            idf.add(words[i]);
        }
        for (const auto& item : collected.items) idf.add(item.body_words);
    }

    Collected& collected;
    std::vector<Decision>& ds;
    const DecisionOptions& options;
    std::vector<DecisionLink>& links;
    const CommitteeScopes scopes;
    const double threshold;
    std::vector<std::string> scope, item_scope;
    std::vector<std::optional<long>> day, item_day;
    Groups by_meeting, by_document, by_committee, items_by_meeting, items_by_committee;
    Idf idf;
    std::vector<Words> words;

    // The link kinds, each over the whole archive (definitions below).
    void match_report_items();
    void link_adopted();
    void link_actioned();
    void link_tracked();
    void link_proposed();
    void link_came_back();
    void gather_actor_words(CameBackEvidence& ev) const;
    void gather_standing_items(CameBackEvidence& ev) const;
    void gather_recurring_names(CameBackEvidence& ev) const;
};

// Officer reports: the agenda item each is for (item number, title and how sure).
void LinkContext::match_report_items() {
    std::map<std::string, std::pair<const ItemRef*, double>> item_of_report;  // report title + meeting -> item
    for (auto& r : ds) {
        if (r.kind != DecisionKind::report_recommendation) continue;
        const std::string title = collected.report_title.count(r.id) ? collected.report_title.at(r.id) : std::string();
        const std::string key = r.meeting_id + "\n" + title;
        if (!item_of_report.count(key)) {
            const Words tw = content_words(title);
            const ItemRef* best = nullptr;
            double best_score = 0;
            for (std::size_t k : group(items_by_meeting, r.meeting_id)) {
                const ItemRef& item = collected.items[k];
                if (item.meeting_id != r.meeting_id || r.meeting_id.empty()) continue;
                const double s = report_heading_weight * similarity(tw, item.heading_words, &idf) +
                                 report_body_weight * similarity(tw, item.body_words, &idf);
                if (s > best_score) best = &item, best_score = s;
            }
            item_of_report[key] =
                best_score >= min_report_item_score ? std::make_pair(best, best_score) : std::make_pair(nullptr, 0.0);
        }
        const auto [item, score] = item_of_report[key];
        if (!item) continue;
        r.item_number = item->number;
        r.item_title = item->title;
        r.item_confidence = std::min(1.0, score);
    }
}

// adopted-as: a report recommendation -> the resolution its meeting minuted under that item.
void LinkContext::link_adopted() {
    for (std::size_t i = 0; i < ds.size(); ++i) {
        Decision& r = ds[i];
        if (r.kind != DecisionKind::report_recommendation || r.item_title.empty()) continue;
        bool minutes_exist = false;
        std::size_t best = ds.size();
        double best_sim = 0;
        for (std::size_t j : group(by_meeting, r.meeting_id)) {
            const Decision& m = ds[j];
            if (!minuted(m) || m.kind == DecisionKind::action || m.meeting_id != r.meeting_id ||
                m.document_kind != to_string(DocumentKind::minutes))
                continue;
            if (m.item_number != r.item_number && fold_key(m.item_title) != fold_key(r.item_title)) continue;
            minutes_exist = true;
            const double s = similarity(words[i], words[j], &idf);
            if (s > best_sim) best = j, best_sim = s;
        }
        if (best < ds.size() && best_sim >= min_adopted_similarity) {
            const Decision& m = ds[best];
            links.push_back({r.id, m.id, LinkType::adopted_as,
                             std::min(1.0, (same_item_base + same_item_similarity * best_sim) *
                                               (item_doubt_floor + item_doubt_share * r.item_confidence)),
                             "same meeting and item " + m.item_number + "; text similarity " + fixed(best_sim), m.date,
                             m.item_title});
            r.outcome = m.outcome;
            r.outcome.evidence = "adopted as " + m.id + (m.outcome.evidence.empty() ? "" : ": " + m.outcome.evidence);
            r.status = DecisionStatus::adopted;
            r.status_source = "derived";
            r.status_reason = "the minutes of " + m.date + " record it as adopted (item " + m.item_number + ")";
        } else if (minutes_exist) {
            r.status = DecisionStatus::not_adopted;
            r.status_source = "derived";
            r.status_reason = "the minutes of item " + r.item_number + " record no resolution like it";
        }
    }
}

// actioned-by: actions minuted under the same item follow from its resolutions.
void LinkContext::link_actioned() {
    for (std::size_t i = 0; i < ds.size(); ++i) {
        if (ds[i].kind != DecisionKind::action || ds[i].item_number.empty()) continue;
        std::size_t best = ds.size();
        double best_sim = 0;
        for (std::size_t j : group(by_document, ds[i].document_id)) {
            const Decision& m = ds[j];
            if (j == i || !minuted(m) || m.kind == DecisionKind::action || m.document_id != ds[i].document_id ||
                m.item_number != ds[i].item_number)
                continue;
            const double s = similarity(words[i], words[j], &idf);
            if (s > best_sim) best = j, best_sim = s;
        }
        if (best < ds.size() && best_sim >= min_actioned_similarity)
            links.push_back({ds[best].id, ds[i].id, LinkType::actioned_by,
                             std::min(1.0, same_item_base + same_item_similarity * best_sim),
                             "same item " + ds[i].item_number + "; text similarity " + fixed(best_sim), ds[i].date,
                             ds[i].item_title});
    }
}

// tracked-by: tracker rows and work-programme entries -> the decision they follow from.
void LinkContext::link_tracked() {
    const long window = options.tracker_window_days;
    for (std::size_t i = 0; i < ds.size(); ++i) {
        Decision& t = ds[i];
        if (t.kind != DecisionKind::tracker_row && t.kind != DecisionKind::work_programme_entry) continue;
        const std::string anchor = !t.origin_date.empty() ? t.origin_date : t.date;
        const bool only_before = t.origin_date.empty();
        std::size_t best = ds.size(), candidates = 0;
        double best_score = 0, best_sim = 0;
        const std::optional<long> anchor_day = day_of(anchor);
        // Same committee, or either side without one.
        std::vector<std::size_t> pool;
        if (committee_id(t).empty()) {
            pool.resize(ds.size());
            for (std::size_t j = 0; j < ds.size(); ++j) pool[j] = j;
        } else {
            const auto& same = group(by_committee, scope[i]);
            const auto& none = group(by_committee, std::string());
            std::merge(same.begin(), same.end(), none.begin(), none.end(), std::back_inserter(pool));
        }
        for (std::size_t j : pool) {
            const Decision& m = ds[j];
            if (!minuted(m)) continue;
            if (!committee_id(t).empty() && !committee_id(m).empty() && scope[i] != scope[j]) continue;
            // An undated decision cannot be shown to fall within the window.
            if (!anchor.empty() && m.date.empty()) continue;
            if (!anchor.empty()) {
                const long gap = gap_days(anchor_day, day[j]);
                if (std::labs(gap) > window || (only_before && gap > 0)) continue;
            }
            // A record cannot follow from a decision taken after the document it is in.
            if (!t.date.empty() && !m.date.empty() && m.date > t.date) continue;
            ++candidates;
            const double sim = similarity(words[i], words[j], &idf);
            const double gap =
                anchor.empty() || m.date.empty() ? window / 2.0 : std::labs(gap_days(anchor_day, day[j]));
            double score = sim * (1.0 - tracker_gap_penalty * gap / std::max(1L, window));
            if (m.kind == DecisionKind::action && t.kind == DecisionKind::tracker_row)
                score += tracker_action_bonus;  // trackers log actions first
            if (score > best_score) best = j, best_score = score, best_sim = sim;
        }
        const std::string committee_name = t.committee ? t.committee->name : std::string("that committee");
        if (best < ds.size() && best_score >= threshold) {
            const Decision& m = ds[best];
            std::string reason = "text similarity " + fixed(best_sim);
            if (!t.origin_date.empty() && t.origin_date != m.date)
                reason += "; decided " + m.date + ", the " +
                          (t.kind == DecisionKind::tracker_row ? "tracker" : "entry") + " says " + t.origin_date +
                          " (" + std::to_string(std::labs(days_between(t.origin_date, m.date))) + " days apart)";
            else if (!m.date.empty())
                reason += "; decided " + m.date;
            links.push_back(
                {m.id, t.id, LinkType::tracked_by, std::min(1.0, best_score), reason, t.date, t.document_title});
        } else if (candidates == 0) {
            t.unlinked_reason = "no decision of " + committee_name + " is recorded within " + std::to_string(window) +
                                " days of " + (anchor.empty() ? std::string("its date") : anchor) + " in this archive";
        } else {
            t.unlinked_reason = "no decision of " + committee_name + " within " + std::to_string(window) +
                                " days has similar text (best " + fixed(best_sim) +
                                (best < ds.size() ? ": " + describe(ds[best]) : std::string()) + ")";
        }
    }
}

// proposed-as: a committee's recommendation to the executive put to a later meeting as a
// report's recommendation.
void LinkContext::link_proposed() {
    std::vector<std::size_t> reports_by_day;
    for (std::size_t j = 0; j < ds.size(); ++j)
        if (ds[j].kind == DecisionKind::report_recommendation && !ds[j].date.empty()) reports_by_day.push_back(j);
    std::stable_sort(reports_by_day.begin(), reports_by_day.end(),
                     [this](std::size_t a, std::size_t b) { return ds[a].date < ds[b].date; });
    for (std::size_t i = 0; i < ds.size(); ++i) {
        const Decision& c = ds[i];
        if (!minuted(c) || c.kind == DecisionKind::action) continue;
        std::size_t best = ds.size();
        double best_sim = 0;
        if (c.date.empty()) continue;
        // Reports dated after the decision, within the window (reports_by_day is sorted by date).
        std::vector<std::size_t> pool;
        for (auto it = std::upper_bound(reports_by_day.begin(), reports_by_day.end(), c.date,
                                        [this](const std::string&date, std::size_t j) { return date < ds[j].date; });
             it != reports_by_day.end(); ++it) {
            if (gap_days(day[i], day[*it]) > options.came_back_window_days && day[i] && day[*it]) break;
            pool.push_back(*it);
        }
        std::sort(pool.begin(), pool.end());
        const std::string& council = scopes.council_of(c);
        for (std::size_t j : pool) {
            const Decision& r = ds[j];
            if (r.kind != DecisionKind::report_recommendation || r.date.empty() || c.date.empty() || r.date <= c.date)
                continue;
            // A recommendation goes to its own council's executive, not to another council's.
            if (!council.empty() && !scopes.council_of(r).empty() && scopes.council_of(r) != council) continue;
            if (gap_days(day[i], day[j]) > options.came_back_window_days) continue;
            const double s = similarity(words[i], words[j], &idf);
            if (s > best_sim) best = j, best_sim = s;
        }
        if (best < ds.size() && best_sim >= std::max(min_proposed_similarity, threshold + proposed_margin))
            links.push_back({c.id, ds[best].id, LinkType::proposed_as, std::min(1.0, best_sim),
                             "text similarity " + fixed(best_sim) + "; report for " + ds[best].date, ds[best].date,
                             ds[best].item_title.empty() ? ds[best].document_title : ds[best].item_title});
    }
}

// Evidence the came-back-at pass weighs besides the two texts, as the archive itself shows it.
struct CameBackEvidence {
    // Words that name who acts ("clerk", "locum") in two or more decisions are not a topic:
    // a heading made of them ("Locum Clerk's Report") is about the officer, not the matter.
    std::set<std::string> actor_words;
    // (committee scope, folded heading) of headings at many meetings.
    std::set<std::pair<std::string, std::string>> standing_items;
    // Boilerplate the archive itself shows: a capitalised name printed at many meetings
    // ("Planning and Development Act" in every land disposal, the council's or district's own
    // name, "Notice of Motion") says nothing about which matter a text is about. Longest first.
    std::vector<std::string> recurring_names;
    // ... and a word in a large share of the headings or of the decisions ("disposal", "land",
    // "directorate") is a slot, not a matter: it does not count as shared evidence.
    Idf heading_df, decision_df;

    [[nodiscard]] Words topic_of(const Words& heading) const {
        Words out;
        for (const auto& w : heading)
            if (!actor_words.count(w)) out.push_back(w);
        return out;
    }
    [[nodiscard]] bool informative(const std::string& w) const {
        // A share means little in a small archive of one committee, where the topic words recur.
        auto common = [&](const Idf& df) { return df.documents() >= common_min_texts && df.share(w) >= common_share; };
        return !common(heading_df) && !common(decision_df);
    }
};

void LinkContext::gather_actor_words(CameBackEvidence& ev) const {
    auto& actor_words = ev.actor_words;
    {
        std::map<std::string, int> seen;
        for (const auto& d : ds)
            for (const auto& w : content_words(split_actor(d.text).first))
                if (++seen[w] == 2) actor_words.insert(w);
    }
}

void LinkContext::gather_standing_items(CameBackEvidence& ev) const {
    auto& standing_items = ev.standing_items;
    {
        std::map<std::pair<std::string, std::string>, std::set<std::string>> meetings_of;
        for (std::size_t k = 0; k < collected.items.size(); ++k)
            meetings_of[{item_scope[k], fold_key(collected.items[k].title)}].insert(collected.items[k].meeting_id);
        for (const auto& [key, ms] : meetings_of)
            if (ms.size() >= standing_item_meetings) standing_items.insert(key);
    }
}

void LinkContext::gather_recurring_names(CameBackEvidence& ev) const {
    std::set<std::string> recurring_names;
    {
        // Counted per committee: a district's own name is printed at most of that district's
        // meetings, however small a share of the whole archive they are.
        std::map<std::pair<std::string, std::string>, std::set<std::string>> meetings_of;  // (committee, name)
        std::map<std::string, std::set<std::string>> meetings;                             // committee -> meetings
        auto note = [&](const std::string& committee, const std::string& meeting, const std::string& text) {
            if (meeting.empty()) return;
            meetings[committee].insert(meeting);
            for (auto& n : capitalised_names(text)) meetings_of[{committee, n}].insert(meeting);
        };
        for (std::size_t i = 0; i < ds.size(); ++i) note(scope[i], ds[i].meeting_id, ds[i].text);
        for (std::size_t k = 0; k < collected.items.size(); ++k) {
            const ItemRef& item = collected.items[k];
            note(item_scope[k], item.meeting_id, item.title + "\n" + std::string(item.text));
        }
        for (const auto& [key, ms] : meetings_of)
            if (ms.size() >=
                std::max<std::size_t>(min_recurring_meetings, meetings[key.first].size() / recurring_share))
                recurring_names.insert(key.second);
    }
    std::vector<std::string> longest_first(recurring_names.begin(), recurring_names.end());
    std::stable_sort(longest_first.begin(), longest_first.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    ev.recurring_names = std::move(longest_first);
}

bool shares_phrase(const Words& a, const Words& b) {
    for (const auto& x : a)
        if (std::binary_search(b.begin(), b.end(), x)) return true;
    return false;
}

// came-back-at: a later item of the same committee about the same matter.
void LinkContext::link_came_back() {
    CameBackEvidence ev;
    gather_actor_words(ev);
    gather_standing_items(ev);
    gather_recurring_names(ev);
    for (const auto& item : collected.items) ev.heading_df.add(item.heading_words);
    for (const auto& w : words) ev.decision_df.add(w);
    const NameFinder recurring_in(ev.recurring_names);
    const auto& standing_items = ev.standing_items;
    std::vector<Words> phrases(ds.size());

    // ---- the matter coming back: a later item of the same committee about the same thing.
    // Headings are short, so what counts is how much of the heading the decision names,
    // with the cosine over the item's opening as a check; a decision that names the date
    // of the later meeting ("the next meeting on 22 March would have a mental health
    // focus") points at it.
    for (std::size_t i = 0; i < ds.size(); ++i) {
        const Decision& c = ds[i];
        if (!(minuted(c) || c.kind == DecisionKind::work_programme_entry) || c.date.empty() || needs_no_action(c))
            continue;
        const auto named = find_date_near(c.text, c.date);
        // Who is to act says nothing about the matter: "Locum Clerk to report fly tipping"
        // is not about the standing item "Locum Clerk's Report".
        // People named with their title are who acts or who moved it, not the matter:
        // "Notice of Motion submitted by Councillor Maria Byrne" does not return as her next motion.
        const std::string actor_free = split_actor(c.text).second;
        std::vector<std::string> names;
        for (auto& n : capitalised_names(c.text))
            for (std::string_view title : {"councillor ", "cllr ", "comhairleoir ", "mr ", "mrs ", "ms ", "dr "})
                if (n.starts_with(title)) names.push_back(n);
        std::reverse(names.begin(), names.end());  // each was put first in turn
        for (auto& n : recurring_in.in(actor_free)) names.push_back(std::move(n));
        const std::string matter = without_names(actor_free, names);
        phrases[i] = content_phrases(matter);
        const Words mine = content_words(matter);
        const ItemRef* best = nullptr;
        double best_score = 0;
        bool best_named = false;
        for (std::size_t k : group(items_by_committee, scope[i])) {
            const ItemRef& item = collected.items[k];
            if (item.date.empty() || item.date <= c.date || item.meeting_id == c.meeting_id) continue;
            if (gap_days(day[i], item_day[k]) > options.came_back_window_days) continue;
            const double cosine = std::max(similarity(mine, item.heading_words, &idf),
                                           item_body_discount * similarity(mine, item.body_words, &idf));
            const Words topic = ev.topic_of(item.heading_words);
            const double heading = covered(topic, mine, &idf);
            const bool names_meeting = named && *named == item.date;
            // One shared heading word ("review") is chance; two ("work programme") are a topic,
            // unless they are words most headings or decisions use.
            std::size_t shared = 0;
            for (const auto& w : topic) shared += ev.informative(w) && std::binary_search(mine.begin(), mine.end(), w);
            if (shared < 2 && !(names_meeting && shared >= 1)) continue;
            // ... and only when the decision uses a phrase of the heading ("work programme",
            // "mental health"), not the same two words apart ("WEST programme ... a review").
            if (!names_meeting && !shares_phrase(item.heading_phrases, phrases[i])) continue;
            // A heading at many meetings ("Approval of Payments") is a standing item: weaker evidence.
            const bool standing = standing_items.count({item_scope[k], fold_key(item.title)}) > 0;
            // A decision taken under that same standing heading is not the matter coming back at
            // its next slot: "Disposal of Land" at 11 Mullally Lawn does not return as the next
            // meeting's "Disposal of Land" at 8 St Mary's Park.
            if (standing && !names_meeting && fold_key(c.item_title) == fold_key(item.title)) continue;
            const double s = std::min(1.0, came_back_cosine_weight * cosine + came_back_heading_weight * heading +
                                               (names_meeting ? names_meeting_bonus : 0.0) -
                                               (standing ? standing_item_penalty : 0.0));
            if (s < threshold + came_back_margin || cosine < min_came_back_cosine) continue;
            // The first meeting it came back at; within a meeting, the closest item.
            if (!best || item.date < best->date || (item.date == best->date && s > best_score))
                best = &item, best_score = s, best_named = names_meeting;
        }
        if (best)
            links.push_back({c.id, best->unit_id, LinkType::came_back_at, best_score,
                             "later item " + best->number + " \"" + best->title + "\" on " + best->date +
                                 (best_named ? "; the decision names that meeting" : "") + "; similarity " +
                                 fixed(best_score),
                             best->date, best->title});
    }
}

}  // namespace

void link_all(const Archive& archive, Collected& collected, const DecisionOptions& options,
              std::vector<DecisionLink>& links) {
    LinkContext ctx(archive, collected, options, links);
    // In this order: adopted-as needs each report's item; the rest only read the records.
    ctx.match_report_items();
    ctx.link_adopted();
    ctx.link_actioned();
    ctx.link_tracked();
    ctx.link_proposed();
    ctx.link_came_back();
}

}  // namespace quorum::decisions::decisions_detail
