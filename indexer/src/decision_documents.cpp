#include "decision_documents.hpp"

#include "decision_records_json.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <string_view>
#include <unordered_map>

#include "quorum/index/schema.hpp"
#include "quorum/index/text_fold.hpp"
#include "quorum/index/unit_record.hpp"
#include "quorum/index/vocabulary.hpp"

namespace quorum::index {

namespace s = schema;
namespace v = vocabulary;
using nlohmann::json;

namespace {

void add_term(Xapian::Document& doc, std::string_view prefix, std::string_view value) {
    if (value.empty()) return;
    doc.add_boolean_term(s::term(prefix, bounded_term_value(value)));
}

void add_words(Xapian::Document& doc, std::string_view prefix, std::string_view text) {
    for (const auto& w : fold_words(text)) add_term(doc, prefix, w);
}

std::string date_value(const std::string& date) {
    if (date.size() != 10) return {};
    return date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
}

// Sorts as analyse_decisions lists decisions: dated ones by date first, undated after.
std::string order_key(const decisions::Decision& d, const UnitPlace* place, std::size_t i) {
    char position[24];  // room for any size_t: no truncation warning
    std::snprintf(position, sizeof position, "%08zu", i);
    std::string key = d.date.empty() ? std::string("1") : "0" + d.date;
    key += '\x1f';
    key += place ? place->file_order : std::string();
    key += '\x1f';
    key += position;
    return key;
}

RecordDocument record(std::string_view tag, std::string_view type, const std::string& id) {
    RecordDocument r;
    r.id_term = s::term(s::id_prefix, std::string(tag) + bounded_term_value(id));
    r.doc.add_boolean_term(r.id_term);
    r.doc.add_boolean_term(s::term(s::type_prefix, type));
    return r;
}

// Terms of `doc` starting with `prefix` followed by a lower-case value (so "XO" does not
// take "XOWN..." terms).
std::vector<std::string> valued_terms(const Xapian::Document& doc, std::string_view prefix) {
    std::vector<std::string> out;
    auto t = doc.termlist_begin();
    t.skip_to(std::string(prefix));
    for (; t != doc.termlist_end() && (*t).rfind(prefix, 0) == 0; ++t) {
        const std::string& term = *t;
        if (term.size() > prefix.size() && std::isupper(static_cast<unsigned char>(term[prefix.size()]))) continue;
        out.push_back(term);
    }
    return out;
}

}  // namespace

std::vector<RecordDocument> decision_documents(const decisions::DecisionAnalysis& analysis,
                                               const std::map<std::string, UnitPlace>& places) {
    std::vector<RecordDocument> out;
    out.reserve(analysis.decisions.size());
    // Links and threads by decision id: a search per decision would be quadratic.
    std::unordered_map<std::string_view, std::vector<const decisions::DecisionLink*>> links_of;
    for (const auto& l : analysis.links) {
        links_of[l.from].push_back(&l);
        if (l.to != l.from) links_of[l.to].push_back(&l);
    }
    std::unordered_map<std::string_view, const decisions::Thread*> threads;
    for (const auto& t : analysis.threads) threads.emplace(t.id, &t);
    const std::vector<const decisions::DecisionLink*> no_links;
    for (std::size_t i = 0; i < analysis.decisions.size(); ++i) {
        const auto& d = analysis.decisions[i];
        json summary = to_json(d);
        const auto links = links_of.find(d.id);
        const auto thread = d.thread_id.empty() ? threads.end() : threads.find(d.thread_id);
        json detail = decision_detail_json(d, links == links_of.end() ? no_links : links->second,
                                           thread == threads.end() ? nullptr : thread->second);
        auto place = places.find(d.unit_id);
        for (json* j : {&summary, &detail}) {
            (*j)["council"] =
                place != places.end() && !place->second.council.empty() ? json(place->second.council) : json(nullptr);
            (*j)["page"] = place != places.end() && place->second.page > 0 ? json(place->second.page) : json(nullptr);
        }
        RecordDocument r = record(s::decision_id_tag, s::decision_type, d.id);
        auto& doc = r.doc;
        doc.set_data(dump(detail));
        doc.add_value(s::summary_slot, dump(summary));
        doc.add_value(s::order_slot, order_key(d, place == places.end() ? nullptr : &place->second, i));
        if (auto date = date_value(d.date); !date.empty()) {
            doc.add_value(s::date_slot, date);
            add_term(doc, s::year_prefix, d.date.substr(0, 4));
        }
        if (d.committee) {
            add_term(doc, s::committee_prefix, d.committee->id);
            doc.add_value(s::committee_slot, d.committee->id);
        }
        if (place != places.end())
            if (const std::string council = corpus::council_id(place->second.council); !council.empty()) {
                add_term(doc, s::council_prefix, council);
                doc.add_value(s::council_slot, council);
            }
        add_term(doc, s::decision_kind_prefix, v::to_slug(d.kind));
        if (d.outcome.result) {
            add_term(doc, s::outcome_prefix, v::to_slug(*d.outcome.result));
            doc.add_value(s::outcome_slot, std::string(v::to_slug(*d.outcome.result)));
        }
        if (d.status) {
            add_term(doc, s::status_prefix, v::to_slug(*d.status));
            doc.add_value(s::status_slot, std::string(v::to_slug(*d.status)));
        }
        if (d.overdue) add_term(doc, s::status_prefix, v::to_slug(v::DecisionStatus::overdue));
        add_term(doc, s::owner_prefix, d.owner_id);
        add_words(doc, s::owner_word_prefix, d.owner);
        add_term(doc, s::meeting_prefix, d.meeting_id);
        add_term(doc, s::document_prefix, d.document_id);
        // q: every word must occur in the text, item title, owner or document title.
        for (const std::string* text : {&d.text, &d.item_title, &d.owner, &d.document_title, &d.preamble})
            add_words(doc, s::record_word_prefix, *text);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<RecordDocument> person_documents(const std::vector<decisions::PersonSummary>& people) {
    std::vector<RecordDocument> out;
    for (const auto& p : people) {
        json full = to_json(p);
        json summary = full;
        for (const char* heavy : {"meetings", "proposed", "owned", "votes", "declarations"}) summary.erase(heavy);
        RecordDocument r = record(s::person_id_tag, s::person_type, p.id);
        r.doc.set_data(dump(full));
        r.doc.add_value(s::summary_slot, dump(summary));
        r.doc.add_value(s::order_slot, fold_key(p.name) + '\x1f' + p.id);
        add_words(r.doc, s::record_word_prefix, p.name);
        for (const auto& v : p.variants) add_words(r.doc, s::record_word_prefix, v);
        for (const auto& role : p.roles) add_term(r.doc, s::committee_prefix, role.committee_id);
        for (const auto& council : p.councils) add_term(r.doc, s::council_prefix, corpus::council_id(council));
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<RecordDocument> committee_documents(const std::vector<decisions::CommitteeSummary>& committees) {
    std::vector<RecordDocument> out;
    for (const auto& c : committees) {
        int decisions = 0;
        std::string first, last;  // over dated meetings only (a meeting may have no date)
        for (const auto& m : c.meetings) {
            decisions += m.decisions;
            if (m.date.empty()) continue;
            if (first.empty() || m.date < first) first = m.date;
            if (last.empty() || m.date > last) last = m.date;
        }
        json summary = {{"id", c.id},
                        {"name", c.name},
                        {"meetings_count", c.meetings.size()},
                        {"decisions_count", decisions},
                        {"first_date", first.empty() ? json(nullptr) : json(first)},
                        {"last_date", last.empty() ? json(nullptr) : json(last)},
                        {"councils", json::array()}};
        json full = to_json(c);
        summary["councils"] = full["councils"];
        for (auto it = summary.begin(); it != summary.end(); ++it)
            if (!full.contains(it.key())) full[it.key()] = it.value();
        RecordDocument r = record(s::committee_id_tag, s::committee_type, c.id);
        r.doc.set_data(dump(full));
        r.doc.add_value(s::summary_slot, dump(summary));
        r.doc.add_value(s::order_slot, fold_key(c.name) + '\x1f' + c.id);
        add_words(r.doc, s::record_word_prefix, c.name);
        add_term(r.doc, s::committee_prefix, c.id);
        for (const auto& council : c.councils) add_term(r.doc, s::council_prefix, corpus::council_id(council));
        out.push_back(std::move(r));
    }
    return out;
}

std::map<std::string, UnitDecision> unit_decisions(const decisions::DecisionAnalysis& analysis) {
    std::map<std::string, UnitDecision> out;
    auto push = [](std::vector<std::string>& list, const auto& value) {
        if (!value) return;
        const std::string slug(v::to_slug(*value));
        if (std::find(list.begin(), list.end(), slug) == list.end()) list.push_back(slug);
    };
    for (const auto& d : analysis.decisions) {
        if (d.unit_id.empty()) continue;
        auto [it, fresh] = out.try_emplace(d.unit_id);
        auto& u = it->second;
        push(u.outcomes, d.outcome.result);
        // Only the status itself: the search filter must agree with the status facet and with
        // the printed status of a tracker row ("In progress" past its due date stays in
        // progress there; /api/decisions?status=overdue also finds it through "overdue").
        push(u.statuses, d.status);
        if (fresh)
            u.record = {
                {"id", d.id},
                {"kind", std::string(v::stored_name(d.kind))},
                {"outcome", d.outcome.result ? json(std::string(v::stored_name(*d.outcome.result))) : json(nullptr)},
                {"status", d.status ? json(std::string(v::stored_name(*d.status))) : json(nullptr)},
                {"overdue", d.overdue}};
    }
    return out;
}

bool give_decision(Xapian::Document& doc, const UnitDecision& wanted) {
    std::set<std::string> want_terms;
    for (const auto& o : wanted.outcomes) want_terms.insert(s::term(s::outcome_prefix, o));
    for (const auto& st : wanted.statuses) want_terms.insert(s::term(s::status_prefix, st));
    std::vector<std::string> have = valued_terms(doc, s::outcome_prefix);
    for (auto& t : valued_terms(doc, s::status_prefix)) have.push_back(std::move(t));
    const std::string outcome = wanted.outcomes.empty() ? std::string() : wanted.outcomes.front();
    const std::string status = wanted.statuses.empty() ? std::string() : wanted.statuses.front();
    json data = json::parse(doc.get_data(), nullptr, false);
    const bool same_terms = std::set<std::string>(have.begin(), have.end()) == want_terms;
    const bool same_values = doc.get_value(s::outcome_slot) == outcome && doc.get_value(s::status_slot) == status;
    // A record that is not a JSON object cannot take the field: nothing to change there.
    const bool same_data = !data.is_object() || (data.contains("decision") && data["decision"] == wanted.record);
    if (same_terms && same_values && same_data) return false;
    // Touch only what differs: replace_document then skips the termlist and postings of a
    // unit whose terms did not change (Xapian's modification shortcut for a document read
    // from the same database), which is most decision units: their reading already gave
    // them their outcome or status.
    if (!same_terms) {
        for (const auto& t : have) doc.remove_term(t);
        for (const auto& t : want_terms) doc.add_boolean_term(t);
    }
    if (!same_values) {
        // add_value("") removes a value (remove_value throws when it is absent).
        doc.add_value(s::outcome_slot, outcome);
        doc.add_value(s::status_slot, status);
    }
    if (!same_data) {
        data["decision"] = wanted.record;
        doc.set_data(dump(data));
    }
    return true;
}

}  // namespace quorum::index
