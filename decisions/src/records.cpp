// Collecting decision records from an archive's units: minuted resolutions, recommendations,
// agreed points, actions and information requests; officer reports' recommendations;
// action-tracker rows; work-programme entries that name the meeting they came from.
#include <algorithm>
#include <map>

#include "decisions_internal.hpp"
#include "quorum/corpus/text.hpp"

namespace quorum::decisions::decisions_detail {
namespace {

DecisionKind decision_kind(const Unit& u) {
    const std::string k = u.resolution ? fold_key(u.resolution->kind) : std::string();
    if (k.starts_with("recommend")) return DecisionKind::recommendation;
    if (k.starts_with("agreed") || k == "agree") return DecisionKind::agreed;
    if (k.starts_with("action")) return DecisionKind::action;
    if (k.starts_with("information")) return DecisionKind::information_request;
    return DecisionKind::resolution;
}

bool is_procedural_heading(std::string_view title) {
    const std::string f = fold_key(title);
    for (std::string_view p : {"apologies", "named substitute", "substitutes", "declarations of interest",
                               "declaration of interest", "minutes", "questions from", "date of next meeting",
                               "date of the next meeting", "exclusion of the press", "any other business"})
        if (f.starts_with(p)) return true;
    return false;
}

// "Requested at committee meeting 22/02/2022" and the like: where a work-programme entry
// says it came from. Returns the date cited, or "".
std::string origin_date_of(std::string_view text, std::size_t* phrase_at) {
    const std::string f = fold_key(text);
    for (std::string_view phrase :
         {"requested at", "requested by the committee", "committee meeting", "received a report on",
          "approved at committee", "agreed at committee", "arising from the meeting", "raised at"}) {
        const auto at = f.find(phrase);
        if (at == std::string::npos) continue;
        // fold_key() keeps positions for ASCII text; otherwise search the folded text.
        const std::string rest = f.substr(at);
        const std::string date = iso_date(rest);
        if (date.empty()) continue;
        if (phrase_at) *phrase_at = at;
        return date;
    }
    return {};
}

struct Context {
    std::string meeting_id, date, council;
    std::optional<Named> committee;
};

Decision base(const Unit& u, const Document& d, const Context& c) {
    Decision x;
    x.id = "d-" + u.id;
    x.unit_id = u.id;
    x.text = trim(u.text);
    x.document_id = d.id;
    x.document_kind = to_string(d.kind);
    x.document_title = d.title;
    x.meeting_id = c.meeting_id;
    x.date = c.date;
    x.committee = c.committee;
    x.people = u.people;
    return x;
}

}  // namespace

namespace {

bool is_work_programme(const Document& d) {
    return d.kind == DocumentKind::work_programme || contains(fold_key(d.title), "work programme");
}

// Minutes the readers found no items in: their votes and declarations are read from their
// paragraphs (itemless_text), as an item's are from its text.
bool itemless_minutes(const Document& d) {
    return d.kind == DocumentKind::minutes &&
           std::none_of(d.units.begin(), d.units.end(), [](const Unit& u) { return u.type == UnitType::item; });
}

// The units collect() below can read: keep in step with its branches.
bool read_by_collect(const Unit& u, const Document& d, bool work_programme, bool itemless) {
    if (u.type == UnitType::item || u.type == UnitType::resolution || u.type == UnitType::action || u.action)
        return true;
    if (u.type == UnitType::table) return u.table && d.kind != DocumentKind::minutes;
    if (u.type != UnitType::paragraph) return false;
    return work_programme || itemless ||
           (d.kind != DocumentKind::minutes && fold_key(u.section).starts_with("recommendation"));
}

}  // namespace

}  // namespace quorum::decisions::decisions_detail

namespace quorum::decisions {

void keep_decision_inputs(Document& document) {
    const bool work_programme = decisions_detail::is_work_programme(document);
    const bool itemless = decisions_detail::itemless_minutes(document);
    std::erase_if(document.units, [&](const Unit& u) {
        return !decisions_detail::read_by_collect(u, document, work_programme, itemless);
    });
    document.units.shrink_to_fit();
}

}  // namespace quorum::decisions

namespace quorum::decisions::decisions_detail {
namespace {

using UnitsByItem = std::map<int, const Unit*>;  // item index -> the item's own unit

// The text of minutes with no items, as one item's: their paragraphs in order, each heading
// the readers took for a section ("For (5)", "**Against**") printed where it changes.
Unit itemless_text(const Document& d) {
    Unit whole;
    whole.id = d.id + "-whole";
    whole.type = UnitType::item;
    whole.item_index = -1;
    std::string section;
    for (const Unit& u : d.units) {
        if (u.type != UnitType::paragraph && u.type != UnitType::resolution) continue;
        if (u.section != section && !u.section.empty()) whole.text += u.section + "\n\n";
        section = u.section;
        whole.text += u.text + "\n\n";
    }
    return whole;
}

// Later items a matter may come back at; the minutes' item wins over the agenda's.
void collect_items(const Document& d, const Context& c, const UnitsByItem& item_units, Collected& out,
                   std::map<std::pair<std::string, std::string>, std::size_t>& item_seen) {
    for (std::size_t i = 0; i < d.items.size(); ++i) {
        const Item& item = d.items[i];
        if (item.procedural || item.exempt || is_procedural_heading(item.title)) continue;
        ItemRef r;
        const auto u = item_units.find(static_cast<int>(i));
        r.unit_id = u != item_units.end() ? u->second->id : d.id + "#item-" + item.number;
        r.meeting_id = c.meeting_id;
        r.date = c.date;
        r.committee_id = c.committee ? c.committee->id : std::string();
        r.council = fold_key(c.council);
        r.number = item.number;
        r.title = item.title;
        r.text = u != item_units.end() ? std::string_view(u->second->text) : std::string_view();
        r.heading_words = content_words(item.title);
        r.heading_phrases = content_phrases(item.title);
        // The opening of the item says what it is about; the discussion drifts.
        r.body_words =
            content_words(item.title + " " + std::string(r.text.substr(0, std::min<std::size_t>(r.text.size(), 600))));
        const auto key = std::make_pair(r.meeting_id.empty() ? d.id : r.meeting_id, fold_key(item.title));
        if (const auto seen = item_seen.find(key); seen != item_seen.end()) {
            if (d.kind == DocumentKind::minutes) out.items[seen->second] = std::move(r);
            continue;
        }
        item_seen.emplace(key, out.items.size());
        out.items.push_back(std::move(r));
    }
}

// The decision records of one document: tracker rows, minuted decisions, report
// recommendations and work-programme entries.
void collect_records(const Document& d, const Context& c, const UnitsByItem& item_units, const PeopleIndex& people,
                     const VotePlaces& votes, Collected& out) {
    const bool report_like = d.kind == DocumentKind::report || d.kind == DocumentKind::appendix;
    const bool work_programme = is_work_programme(d);
    std::string lead_in;  // "That the Committee:" before a report's lettered recommendations
    for (const auto& u : d.units) {
        const std::string section = fold_key(u.section);
        const bool in_recommendations = section.starts_with("recommendation");
        if (u.type == UnitType::action || (u.action && u.type != UnitType::resolution)) {
            Decision x = base(u, d, c);
            x.kind = DecisionKind::tracker_row;
            if (u.action) {
                const ActionInfo& a = *u.action;
                x.label = a.number;
                if (!trim(a.action).empty()) x.text = trim(a.action);
                x.owner = trim(a.owner);
                x.directorate = a.directorate;
                x.progress = a.progress;
                x.due_date = iso_date(a.due_date);
                x.origin_date = iso_date(a.meeting_date);
                x.status = normalise_status(a.status);
                if (!x.status) x.status = normalise_status(a.progress);
                if (x.status) x.status_source = "tracker";
            }
            x.owner_id = people.resolve(x.owner, c.meeting_id);
            out.decisions.push_back(std::move(x));
        } else if (u.type == UnitType::resolution && !report_like) {
            Decision x = base(u, d, c);
            x.kind = decision_kind(u);
            if (u.resolution) {
                x.label = u.resolution->label;
                x.preamble = u.resolution->preamble;
            }
            if (u.item_index >= 0 && static_cast<std::size_t>(u.item_index) < d.items.size()) {
                x.item_number = d.items[u.item_index].number;
                x.item_title = d.items[u.item_index].title;
                x.item_confidence = 1;
            }
            const auto iu = item_units.find(u.item_index);
            const std::string item_text = iu != item_units.end() ? iu->second->text : std::string();
            x.outcome = read_outcome(u.resolution ? u.resolution->outcome : std::string(), x.text, x.preamble,
                                     item_text, x.kind);
            x.outcome.proposer = people.resolve(x.outcome.proposer_name, c.meeting_id);
            x.outcome.seconder = people.resolve(x.outcome.seconder_name, c.meeting_id);
            if (const auto v = votes.find(u.item_index); v != votes.end()) attach_vote(x, item_text, v->second, out);
            std::tie(x.addressee, x.addressee_text) = read_addressee(x.text, x.preamble, x.kind);
            x.due_date = read_due_date(x.text);
            out.decisions.push_back(std::move(x));
        } else if ((in_recommendations && (u.type == UnitType::paragraph || u.type == UnitType::resolution) &&
                    d.kind != DocumentKind::minutes) ||
                   (report_like && u.type == UnitType::resolution)) {
            const std::string t = trim(u.text);
            if (t.empty()) continue;
            const std::string ft = fold_key(t);
            if (t.back() == ':' || ft == "that" || ft == "that:" || (ft.size() < 40 && ft.starts_with("that the"))) {
                lead_in = t;  // "That the committee:" introduces the lettered parts
                continue;
            }
            Decision x = base(u, d, c);
            x.kind = DecisionKind::report_recommendation;
            x.label = u.number;
            if (u.resolution) {
                if (x.label.empty()) x.label = u.resolution->label;
                if (!u.resolution->preamble.empty()) lead_in = u.resolution->preamble;
            }
            x.preamble = lead_in;
            std::tie(x.addressee, x.addressee_text) = read_addressee(x.text, x.preamble, x.kind);
            if (x.addressee.empty() && c.committee) {
                // A report's recommendations are put to the body whose meeting it is for.
                x.addressee = contains(fold_key(c.committee->name), "cabinet") ? "cabinet" : "committee";
                x.addressee_text = c.committee->name;
            }
            x.due_date = read_due_date(x.text);
            x.status = DecisionStatus::proposed;
            out.report_title.emplace(x.id, d.title.empty() ? u.title : d.title);
            out.decisions.push_back(std::move(x));
        } else if (u.type == UnitType::table && u.table && d.kind != DocumentKind::minutes) {
            for (std::size_t r = 0; r < u.table->rows.size(); ++r) {
                const auto& row = u.table->rows[r];
                std::string joined;
                for (const auto& cell : row) joined += (joined.empty() ? "" : " | ") + cell;
                const std::string origin = origin_date_of(joined, nullptr);
                if (origin.empty()) continue;
                Decision x = base(u, d, c);
                x.id = "d-" + u.id + "-r" + std::to_string(r + 1);
                x.kind = DecisionKind::work_programme_entry;
                x.label = std::to_string(r + 1);
                x.text = row.empty() ? joined : trim(row.front());
                x.progress = row.size() > 1 ? trim(row.back()) : std::string();
                x.origin_date = origin;
                out.decisions.push_back(std::move(x));
            }
        } else if (work_programme && (u.type == UnitType::paragraph)) {
            std::size_t at = 0;
            const std::string origin = origin_date_of(u.text, &at);
            if (origin.empty()) continue;
            Decision x = base(u, d, c);
            x.kind = DecisionKind::work_programme_entry;
            const std::string before = trim(u.text.substr(0, std::min(at, u.text.size())));
            if (before.size() > 10) x.text = before;
            x.progress = trim(u.text.substr(std::min(at, u.text.size())));
            x.origin_date = origin;
            out.decisions.push_back(std::move(x));
        }
    }
}

}  // namespace

Collected collect(const Archive& archive, const PeopleIndex& people) {
    Collected out;
    std::map<std::string, const Meeting*> meetings;
    for (const auto& m : archive.meetings) meetings.emplace(m.id, &m);
    std::map<std::pair<std::string, std::string>, std::size_t> item_seen;  // (meeting, folded heading) -> item

    for (const auto& d : archive.documents) {
        Context c{d.meeting_id, d.date, d.council, d.committee};
        if (const auto it = meetings.find(d.meeting_id); it != meetings.end()) {
            if (c.date.empty()) c.date = it->second->date;
            if (c.council.empty()) c.council = it->second->council;
            if (!c.committee) c.committee = it->second->committee;
        }
        UnitsByItem item_units;
        for (const auto& u : d.units)
            if (u.type == UnitType::item && !item_units.count(u.item_index)) item_units.emplace(u.item_index, &u);
        if (itemless_minutes(d)) item_units.emplace(-1, &out.whole_texts.emplace_back(itemless_text(d)));
        if (d.kind == DocumentKind::minutes || d.kind == DocumentKind::agenda || d.kind == DocumentKind::web_page ||
            d.kind == DocumentKind::agenda_pack)
            collect_items(d, c, item_units, out, item_seen);
        if (!c.meeting_id.empty() && (d.kind == DocumentKind::minutes || d.kind == DocumentKind::agenda ||
                                      d.kind == DocumentKind::agenda_pack)) {
            auto& list = d.kind == DocumentKind::minutes ? out.meeting_items[c.meeting_id].minutes
                                                         : out.meeting_items[c.meeting_id].agenda;
            for (const Item& item : d.items) list.emplace_back(item.number, fold_key(item.title));
        }
        const VotePlaces votes = collect_votes(d, {c.meeting_id, c.date}, item_units, people, out);
        collect_declarations(d, {c.meeting_id, c.date}, item_units, people, out);
        collect_records(d, c, item_units, people, votes, out);
    }
    fill_votes(out);
    attach_declarations(out);
    for (Decision& x : out.decisions) x.amounts = text::read_amounts(x.text);
    // By date; records without a date keep their place after the dated ones.
    std::stable_sort(out.decisions.begin(), out.decisions.end(), [](const Decision& a, const Decision& b) {
        if (a.date.empty() != b.date.empty()) return b.date.empty();
        return a.date < b.date;
    });
    return out;
}

}  // namespace quorum::decisions::decisions_detail
