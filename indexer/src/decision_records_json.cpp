// JSON shapes of the decision, person and committee records the indexer stores (documented in
// docs/DECISIONS.md). Stored record shapes live where they are written: decisions/ returns structs.
#include "decision_records_json.hpp"

#include <cmath>

#include "quorum/index/vocabulary.hpp"

namespace quorum::index {

using namespace decisions;
using vocabulary::stored_name;

namespace {

nlohmann::json or_null(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }
// Records store a term by its stored spelling ("in progress"), null when there is none.
template <class E>
nlohmann::json or_null(const std::optional<E>& v) {
    return v ? nlohmann::json(std::string(stored_name(*v))) : nlohmann::json(nullptr);
}
// Confidences are estimates: two decimals say all there is to say.
double rounded(double v) { return std::round(v * 100.0) / 100.0; }
nlohmann::json count_or_null(int n) { return n < 0 ? nlohmann::json(nullptr) : nlohmann::json(n); }

nlohmann::json person_ref(const std::string& id, const std::string& name) {
    if (id.empty() && name.empty()) return nullptr;
    return {{"id", or_null(id)}, {"name", or_null(name)}};
}

}  // namespace

nlohmann::json to_json(const Outcome& o) {
    if (!o.result && o.vote.empty()) return nullptr;
    return {{"result", or_null(o.result)},
            {"vote", or_null(o.vote)},
            {"votes_for", count_or_null(o.votes_for)},
            {"votes_against", count_or_null(o.votes_against)},
            {"abstentions", count_or_null(o.abstentions)},
            {"proposer", person_ref(o.proposer, o.proposer_name)},
            {"seconder", person_ref(o.seconder, o.seconder_name)},
            {"evidence", or_null(o.evidence)}};
}

namespace {

nlohmann::json names_json(const std::vector<VoteName>& names) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& n : names)
        out.push_back({{"name", n.name}, {"person", or_null(n.person)}, {"declared_interest", n.declared_interest}});
    return out;
}

nlohmann::json amounts_json(const std::vector<text::Amount>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : list) out.push_back({{"text", a.text}, {"value", a.value}, {"currency", a.currency}});
    return out;
}

nlohmann::json declarations_json(const std::vector<Declaration>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& x : list)
        out.push_back({{"id", x.id},
                       {"meeting_id", or_null(x.meeting_id)},
                       {"date", or_null(x.date)},
                       {"document_id", x.document_id},
                       {"item", or_null(x.item_number)},
                       {"about_item", or_null(x.about_item)},
                       {"matter", or_null(x.matter)},
                       {"member", or_null(x.member)},
                       {"person", or_null(x.person)},
                       {"kind", or_null(x.kind)},
                       {"interest", x.interest},
                       {"left_room", x.left_room},
                       {"took_no_part", x.took_no_part}});
    return out;
}

}  // namespace

nlohmann::json to_json(const RecordedVote& v) {
    const auto listed = [](const std::vector<VoteName>& names) { return static_cast<int>(names.size()); };
    return {{"id", v.id},
            {"motion", or_null(v.motion)},
            {"proposer", person_ref(v.proposer, v.proposer_name)},
            {"seconder", person_ref(v.seconder, v.seconder_name)},
            {"for", names_json(v.in_favour)},
            {"against", names_json(v.against)},
            {"abstain", names_json(v.abstained)},
            {"counts",
             {{"for", count_or_null(v.printed_for)},
              {"against", count_or_null(v.printed_against)},
              {"abstain", count_or_null(v.printed_abstained)}}},
            {"listed", {{"for", listed(v.in_favour)}, {"against", listed(v.against)}, {"abstain", listed(v.abstained)}}},
            {"counts_agree", v.disagreements.empty()},
            {"disagreements", v.disagreements},
            {"result", or_null(v.result)},
            {"result_text", or_null(v.result_text)},
            {"meeting_id", or_null(v.meeting_id)},
            {"date", or_null(v.date)},
            {"item", v.item_number.empty() && v.item_title.empty()
                         ? nlohmann::json(nullptr)
                         : nlohmann::json{{"number", v.item_number}, {"title", v.item_title}}},
            {"decisions", v.decisions}};
}

nlohmann::json to_json(const DecisionLink& l) {
    return {{"from", l.from},
            {"to", l.to},
            {"type", std::string(stored_name(l.type))},
            {"confidence", rounded(l.confidence)},
            {"reason", l.reason},
            {"to_date", or_null(l.to_date)},
            {"to_title", or_null(l.to_title)}};
}

nlohmann::json to_json(const Decision& d) {
    nlohmann::json j = {
        {"id", d.id},
        {"unit_id", d.unit_id},
        {"kind", std::string(stored_name(d.kind))},
        {"label", d.label},
        {"text", d.text},
        {"preamble", d.preamble},
        {"document", {{"id", d.document_id}, {"kind", d.document_kind}, {"title", d.document_title}}},
        {"meeting_id", or_null(d.meeting_id)},
        {"date", or_null(d.date)},
        {"committee",
         d.committee ? nlohmann::json{{"id", d.committee->id}, {"name", d.committee->name}} : nlohmann::json(nullptr)},
        {"item", d.item_number.empty() && d.item_title.empty()
                     ? nlohmann::json(nullptr)
                     : nlohmann::json{{"number", d.item_number},
                                      {"title", d.item_title},
                                      {"confidence", rounded(d.item_confidence)}}},
        {"addressee", d.addressee.empty() ? nlohmann::json(nullptr)
                                          : nlohmann::json{{"id", d.addressee}, {"text", d.addressee_text}}},
        {"outcome", to_json(d.outcome)},
        {"owner", person_ref(d.owner_id, d.owner)},
        {"directorate", or_null(d.directorate)},
        {"due_date", or_null(d.due_date)},
        {"origin_date", or_null(d.origin_date)},
        {"progress", or_null(d.progress)},
        {"status", or_null(d.status)},
        {"status_source", or_null(d.status_source)},
        {"status_reason", or_null(d.status_reason)},
        {"overdue", d.overdue},
        {"unlinked_reason", or_null(d.unlinked_reason)},
        {"people", d.people},
        {"thread_id", or_null(d.thread_id)},
        {"votes", d.votes ? to_json(*d.votes) : nlohmann::json(nullptr)},
        {"declarations", declarations_json(d.declarations)},
        {"amounts", amounts_json(d.amounts)},
    };
    return j;
}

nlohmann::json to_json(const Thread& t) {
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& s : t.steps)
        steps.push_back({{"record", s.record},
                         {"id", s.id},
                         {"kind", s.kind ? std::string(stored_name(*s.kind)) : std::string("item")},
                         {"date", or_null(s.date)},
                         {"meeting_id", or_null(s.meeting_id)},
                         {"title", s.title},
                         {"text", s.text},
                         {"link_type", or_null(s.link_type)},
                         {"linked_from", or_null(s.linked_from)},
                         {"confidence", rounded(s.confidence)}});
    nlohmann::json links = nlohmann::json::array();
    for (const auto& l : t.links) links.push_back(to_json(l));
    return {
        {"id", t.id}, {"title", t.title}, {"confidence", rounded(t.confidence)}, {"steps", steps}, {"links", links}};
}

namespace {

// [{"id", "name"}] of council names, as the council facet names them.
nlohmann::json councils_json(const std::vector<std::string>& councils) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : councils) out.push_back({{"id", corpus::council_id(c)}, {"name", c}});
    return out;
}

std::vector<std::string> councils_from_json(const nlohmann::json& record) {
    std::vector<std::string> out;
    if (auto it = record.find("councils"); it != record.end() && it->is_array())
        for (const auto& c : *it)
            if (c.is_object() && c.contains("name") && c["name"].is_string()) out.push_back(c["name"].get<std::string>());
    return out;
}

}  // namespace

nlohmann::json to_json(const PersonSummary& p) {
    nlohmann::json roles = nlohmann::json::array(), meetings = nlohmann::json::array();
    for (const auto& r : p.roles)
        roles.push_back({{"role", r.role},
                         {"name", r.role_name},
                         {"committee_id", or_null(r.committee_id)},
                         {"from", or_null(r.from)},
                         {"to", or_null(r.to)},
                         {"meetings", r.meetings}});
    for (const auto& m : p.meetings)
        meetings.push_back({{"meeting_id", m.meeting_id},
                            {"date", or_null(m.date)},
                            {"committee_id", or_null(m.committee_id)},
                            {"as", m.as},
                            {"role", or_null(m.role)},
                            {"remote", m.remote},
                            {"note", or_null(m.note)}});
    nlohmann::json votes = nlohmann::json::array();
    for (const auto& v : p.votes)
        votes.push_back({{"vote", v.vote_id},
                         {"decision", or_null(v.decision_id)},
                         {"meeting_id", or_null(v.meeting_id)},
                         {"date", or_null(v.date)},
                         {"item", v.item_number.empty() && v.item_title.empty()
                                      ? nlohmann::json(nullptr)
                                      : nlohmann::json{{"number", v.item_number}, {"title", v.item_title}}},
                         {"motion", or_null(v.motion)},
                         {"how", v.how},
                         {"result", or_null(v.result)},
                         {"declared_interest", v.declared_interest}});
    return {{"id", p.id},
            {"name", p.name},
            {"kind", p.kind},
            {"variants", p.variants},
            {"roles", roles},
            {"meetings", meetings},
            {"counts",
             {{"attended", p.attended},
              {"apologies", p.apologies},
              {"substitutions", p.substitutions},
              {"votes", p.votes.size()},
              {"declarations", p.declarations.size()}}},
            {"proposed", p.proposed},
            {"owned", p.owned},
            {"votes", votes},
            {"declarations", declarations_json(p.declarations)},
            {"councils", councils_json(p.councils)}};
}

nlohmann::json to_json(const CommitteeSummary& c) {
    nlohmann::json meetings = nlohmann::json::array(), members = nlohmann::json::array(),
                   per_year = nlohmann::json::array(), chairs = nlohmann::json::array();
    for (const auto& m : c.meetings)
        meetings.push_back({{"id", m.id}, {"date", or_null(m.date)}, {"title", m.title}, {"decisions", m.decisions}});
    for (const auto& m : c.members)
        members.push_back({{"person_id", m.person_id},
                           {"name", m.name},
                           {"role", m.role},
                           {"from", or_null(m.from)},
                           {"to", or_null(m.to)},
                           {"meetings", m.meetings}});
    for (const auto& [year, n] : c.decisions_per_year) per_year.push_back({{"year", year}, {"count", n}});
    for (const auto& [date, id] : c.chairs) chairs.push_back({{"date", or_null(date)}, {"person_id", id}});
    return {{"id", c.id},         {"name", c.name},   {"meetings", meetings},
            {"members", members}, {"chairs", chairs}, {"decisions_per_year", per_year},
            {"councils", councils_json(c.councils)}};
}

namespace {
std::string text_of(const nlohmann::json& j, const char* key) {
    const auto& v = j.at(key);
    return v.is_null() ? std::string() : v.get<std::string>();
}
}  // namespace

namespace {
std::vector<Declaration> declarations_from_json(const nlohmann::json& list) {
    std::vector<Declaration> out;
    for (const auto& x : list)
        out.push_back({x.at("id").get<std::string>(), text_of(x, "meeting_id"), text_of(x, "date"),
                       x.at("document_id").get<std::string>(), text_of(x, "item"), text_of(x, "about_item"),
                       text_of(x, "matter"),
                       text_of(x, "member"), text_of(x, "person"), text_of(x, "kind"), x.at("interest").get<std::string>(),
                       x.at("left_room").get<bool>(), x.at("took_no_part").get<bool>()});
    return out;
}
}  // namespace

PersonSummary person_from_json(const nlohmann::json& j) {
    PersonSummary p;
    p.id = j.at("id").get<std::string>();
    p.name = j.at("name").get<std::string>();
    p.kind = j.at("kind").get<std::string>();
    p.variants = j.at("variants").get<std::vector<std::string>>();
    for (const auto& r : j.at("roles"))
        p.roles.push_back({r.at("role").get<std::string>(), r.at("name").get<std::string>(),
                           text_of(r, "committee_id"), text_of(r, "from"), text_of(r, "to"), r.at("meetings").get<int>()});
    for (const auto& m : j.at("meetings"))
        p.meetings.push_back({m.at("meeting_id").get<std::string>(), text_of(m, "date"), text_of(m, "committee_id"),
                              m.at("as").get<std::string>(), text_of(m, "role"), m.at("remote").get<bool>(),
                              text_of(m, "note")});
    const auto& counts = j.at("counts");
    p.attended = counts.at("attended").get<int>();
    p.apologies = counts.at("apologies").get<int>();
    p.substitutions = counts.at("substitutions").get<int>();
    p.proposed = j.at("proposed").get<std::vector<std::string>>();
    p.owned = j.at("owned").get<std::vector<std::string>>();
    for (const auto& v : j.at("votes")) {
        const auto& item = v.at("item");
        p.votes.push_back({v.at("vote").get<std::string>(), text_of(v, "decision"), text_of(v, "meeting_id"),
                           text_of(v, "date"), item.is_null() ? std::string() : item.at("number").get<std::string>(),
                           item.is_null() ? std::string() : item.at("title").get<std::string>(), text_of(v, "motion"),
                           v.at("how").get<std::string>(), text_of(v, "result"),
                           v.at("declared_interest").get<bool>()});
    }
    p.declarations = declarations_from_json(j.at("declarations"));
    p.councils = councils_from_json(j);
    return p;
}

CommitteeSummary committee_from_json(const nlohmann::json& j) {
    CommitteeSummary c;
    c.councils = councils_from_json(j);
    c.id = j.at("id").get<std::string>();
    c.name = j.at("name").get<std::string>();
    for (const auto& m : j.at("meetings"))
        c.meetings.push_back({m.at("id").get<std::string>(), text_of(m, "date"), m.at("title").get<std::string>(),
                              m.at("decisions").get<int>()});
    for (const auto& m : j.at("members"))
        c.members.push_back({m.at("person_id").get<std::string>(), m.at("name").get<std::string>(),
                             m.at("role").get<std::string>(), text_of(m, "from"), text_of(m, "to"),
                             m.at("meetings").get<int>()});
    for (const auto& y : j.at("decisions_per_year"))
        c.decisions_per_year.emplace_back(y.at("year").get<std::string>(), y.at("count").get<int>());
    for (const auto& ch : j.at("chairs")) c.chairs.emplace_back(text_of(ch, "date"), ch.at("person_id").get<std::string>());
    return c;
}

nlohmann::json decision_detail_json(const DecisionAnalysis& a, const Decision& d) {
    return decision_detail_json(d, a.links_of(d.id), a.thread_of(d.id));
}

nlohmann::json decision_detail_json(const Decision& d, const std::vector<const DecisionLink*>& links,
                                    const Thread* thread) {
    nlohmann::json j = to_json(d);
    nlohmann::json list = nlohmann::json::array();
    for (const auto* l : links) list.push_back(to_json(*l));
    j["links"] = list;
    j["thread"] = thread ? to_json(*thread) : nlohmann::json(nullptr);
    return j;
}

nlohmann::json to_json(const DecisionAnalysis& a) {
    nlohmann::json decisions = nlohmann::json::array(), threads = nlohmann::json::array(),
                   people = nlohmann::json::array(), committees = nlohmann::json::array(),
                   links = nlohmann::json::array();
    for (const auto& d : a.decisions) decisions.push_back(to_json(d));
    for (const auto& l : a.links) links.push_back(to_json(l));
    for (const auto& t : a.threads) threads.push_back(to_json(t));
    for (const auto& p : a.people) people.push_back(to_json(p));
    for (const auto& c : a.committees) committees.push_back(to_json(c));
    return {{"as_of", a.as_of},   {"decisions", decisions}, {"links", links},
            {"threads", threads}, {"people", people},       {"committees", committees}};
}

}  // namespace quorum::index
