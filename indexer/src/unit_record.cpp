#include "quorum/index/unit_record.hpp"

#include <algorithm>
#include <cctype>
#include "quorum/text/fold.hpp"

namespace quorum::index {

using nlohmann::json;

// One spelling of each name: the model's.
const char* type_name(corpus::UnitType type) noexcept { return corpus::to_string(type); }

const char* kind_name(corpus::DocumentKind kind) noexcept { return corpus::to_string(kind); }

std::string NameTable::name(const std::string& id) const {
    if (auto it = names_.find(id); it != names_.end()) return it->second;
    return text::name_from_slug(id);  // readable until a real name is known
}

namespace {

json null_if_empty(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json named(const std::optional<corpus::Named>& n) {
    if (!n || n->id.empty()) return nullptr;
    return json{{"id", n->id}, {"name", n->name}};
}

json attendees(const std::vector<corpus::Attendee>& list) {
    json out = json::array();
    for (const auto& a : list) {
        json j{{"name", a.name}, {"role", a.role}, {"person_id", null_if_empty(a.person_id)}, {"remote", a.remote}};
        if (!a.title.empty()) j["title"] = a.title;
        if (!a.note.empty()) j["note"] = a.note;
        out.push_back(std::move(j));
    }
    return out;
}

json attendance(const corpus::Attendance& a) {
    return json{{"present", attendees(a.present)},
                {"in_attendance", attendees(a.in_attendance)},
                {"officers", attendees(a.officers)},
                {"apologies", attendees(a.apologies)},
                {"substitutes", attendees(a.substitutes)}};
}

std::size_t attendance_size(const json& a) {
    std::size_t n = 0;
    if (!a.is_object()) return 0;
    for (const auto& [key, list] : a.items())
        if (list.is_array()) n += list.size();
    return n;
}

}  // namespace

json unit_record(const corpus::Unit& unit, const corpus::Document& document, const NameTable& people,
                 const NameTable& topics) {
    json item = nullptr;
    if (unit.item_index >= 0 && static_cast<std::size_t>(unit.item_index) < document.items.size()) {
        const auto& it = document.items[static_cast<std::size_t>(unit.item_index)];
        item = json{{"number", it.number}, {"title", it.title}};
        if (it.exempt) item["exempt"] = true;  // withheld under Schedule 12A
    }
    json people_json = json::array();
    for (const auto& id : unit.people) people_json.push_back({{"id", id}, {"name", people.name(id)}});
    json topics_json = json::array();
    for (const auto& id : unit.topics) topics_json.push_back({{"id", id}, {"name", topics.name(id)}});

    json record{
        {"id", unit.id},
        {"type", type_name(unit.type)},
        {"title", unit.title},
        {"text", unit.text},
        {"doc", document.id},
        {"item", item},
        {"page", unit.page > 0 ? json(unit.page) : json(nullptr)},
        {"section", unit.section},
        {"number", unit.number},
        {"people", std::move(people_json)},
        {"topics", std::move(topics_json)},
        {"procedural", unit.procedural},
    };
    if (unit.ocr) record["ocr"] = true;  // only when set, like the other optional fields
    if (unit.exempt) record["exempt"] = true;
    if (unit.resolution) {
        const auto& r = *unit.resolution;
        record["resolution"] = {{"kind", r.kind}, {"label", r.label}, {"preamble", r.preamble}, {"outcome", r.outcome}};
    }
    if (unit.table) {
        const auto& t = *unit.table;
        record["table"] = {{"caption", t.caption}, {"header", t.header}, {"rows", t.rows}};
    }
    if (unit.question) {
        const auto& q = *unit.question;
        record["question"] = {{"number", q.number},       {"questioner", q.questioner}, {"question", q.question},
                              {"addressee", q.addressee}, {"response", q.response},     {"kind", q.kind}};
    }
    if (unit.action) {
        const auto& a = *unit.action;
        record["action"] = {{"number", a.number},           {"meeting_date", a.meeting_date},
                            {"action", a.action},           {"owner", a.owner},
                            {"directorate", a.directorate}, {"progress", a.progress},
                            {"due_date", a.due_date},       {"status", a.status}};
    }
    return record;
}

json document_record(const corpus::Document& document) {
    return json{{"date", null_if_empty(document.date)},
                {"council", null_if_empty(document.council)},
                {"council_id", null_if_empty(corpus::council_id(document.council))},
                {"council_source", null_if_empty(document.council_source)},
                {"committee", named(document.committee)},
                {"meeting_id", null_if_empty(document.meeting_id)},
                {"document",
                 {{"id", document.id},
                  {"title", document.title},
                  {"kind", kind_name(document.kind)},
                  {"source", document.source},
                  {"url", null_if_empty(document.url)}}}};
}

json meeting_part(const std::string& meeting_id, const corpus::Meeting* meeting, const corpus::FileResult& file) {
    json part{{"id", meeting_id},
              {"date", nullptr},
              {"committee", nullptr},
              {"council", nullptr},
              {"title", nullptr},
              {"venue", nullptr},
              {"start_time", nullptr},
              {"documents", json::array()},
              {"attendance", attendance({})},
              {"items", json::array()},
              {"items_count", 0}};
    bool minutes = false;
    for (const auto& doc : file.documents) {
        if (doc.meeting_id != meeting_id) continue;
        minutes = minutes || doc.kind == corpus::DocumentKind::minutes;
        part["documents"].push_back(
            {{"id", doc.id}, {"title", doc.title}, {"kind", kind_name(doc.kind)}, {"source", doc.source}});
        if (part["date"].is_null()) part["date"] = null_if_empty(doc.date);
        if (part["committee"].is_null()) part["committee"] = named(doc.committee);
        if (part["council"].is_null()) part["council"] = null_if_empty(doc.council);
        std::vector<json> items;
        for (const auto& it : doc.items)
            items.push_back(
                {{"number", it.number},
                 {"title", it.title},
                 {"procedural", it.procedural},
                 {"exempt", it.exempt},
                 {"units", json::array()}});
        for (const auto& u : doc.units)
            if (u.item_index >= 0 && static_cast<std::size_t>(u.item_index) < items.size())
                items[static_cast<std::size_t>(u.item_index)]["units"].push_back(
                    {{"id", u.id}, {"type", type_name(u.type)}, {"title", u.title}});
        for (auto& it : items) part["items"].push_back(std::move(it));
    }
    if (meeting != nullptr) {
        if (!meeting->date.empty()) part["date"] = meeting->date;
        if (meeting->committee) part["committee"] = named(meeting->committee);
        if (!meeting->council.empty()) part["council"] = meeting->council;
        part["title"] = null_if_empty(meeting->title);
        part["venue"] = null_if_empty(meeting->venue);
        part["start_time"] = null_if_empty(meeting->start_time);
        part["attendance"] = attendance(meeting->attendance);
    }
    part["items_count"] = part["items"].size();
    part["_minutes"] = minutes;  // merge hint, removed by merge_meeting_parts
    return part;
}

json merge_meeting_parts(const std::vector<json>& parts_in) {
    // Minutes record what happened: their parts come first (stable, so file order breaks ties).
    std::vector<const json*> parts;
    for (const auto& p : parts_in) parts.push_back(&p);
    std::stable_sort(parts.begin(), parts.end(), [](const json* a, const json* b) {
        return a->value("_minutes", false) && !b->value("_minutes", false);
    });
    json out = parts.empty() ? json::object() : *parts.front();
    out.erase("_minutes");
    for (const char* key : {"date", "committee", "council", "title", "venue", "start_time"})
        for (const json* p : parts)
            if (out[key].is_null() && p->contains(key) && !(*p)[key].is_null()) out[key] = (*p)[key];

    // Attendance: the fullest list wins (minutes list who came; agendas list members).
    std::size_t best = attendance_size(out["attendance"]);
    for (const json* p : parts)
        if (p->contains("attendance") && attendance_size((*p)["attendance"]) > best) {
            out["attendance"] = (*p)["attendance"];
            best = attendance_size(out["attendance"]);
        }

    json documents = json::array();
    json items = json::array();
    std::map<std::string, std::size_t> item_at;
    for (const json* p : parts) {
        for (const auto& d : p->value("documents", json::array()))
            if (std::none_of(documents.begin(), documents.end(), [&](const json& e) { return e["id"] == d["id"]; }))
                documents.push_back(d);
        for (const auto& it : p->value("items", json::array())) {
            std::string number = it.value("number", "");
            std::string key = number.empty() ? "t:" + it.value("title", "") : "n:" + number;
            auto [pos, fresh] = item_at.emplace(key, items.size());
            if (fresh) {
                items.push_back(it);
            } else {
                auto& units = items[pos->second]["units"];
                for (const auto& u : it.value("units", json::array())) units.push_back(u);
            }
        }
    }
    out["documents"] = std::move(documents);
    out["items_count"] = items.size();
    out["items"] = std::move(items);
    return out;
}

json meeting_summary(const json& meeting) {
    return json{{"id", meeting.value("id", "")},
                {"date", meeting.value("date", json(nullptr))},
                {"committee", meeting.value("committee", json(nullptr))},
                {"council", meeting.value("council", json(nullptr))},
                {"title", meeting.value("title", json(nullptr))},
                {"items_count", meeting.value("items_count", 0)}};
}

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace quorum::index
