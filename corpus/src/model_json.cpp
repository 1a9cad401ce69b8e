// JSON form of the model. Field names follow the model; empty optional values are null
// so a dump always shows every field (easy to diff by eye in golden files).
#include "quorum/corpus/model_json.hpp"

namespace quorum::corpus {

using nlohmann::json;

namespace {

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

template <class T>
json opt(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

}  // namespace

const char* to_string(Diagnostic::Severity severity) noexcept {
    switch (severity) {
        case Diagnostic::Severity::info:
            return "info";
        case Diagnostic::Severity::warning:
            return "warning";
        case Diagnostic::Severity::error:
            return "error";
    }
    return "warning";
}

void to_json(json& j, const Named& v) { j = json{{"id", v.id}, {"name", v.name}}; }

void to_json(json& j, const Attendee& v) {
    j = json{{"name", v.name},           {"person_id", v.person_id}, {"role", v.role}, {"title", v.title},
             {"honorific", v.honorific}, {"remote", v.remote},       {"note", v.note}};
}

void to_json(json& j, const Attendance& v) {
    j = json{{"present", v.present},
             {"in_attendance", v.in_attendance},
             {"officers", v.officers},
             {"apologies", v.apologies},
             {"substitutes", v.substitutes}};
}

void to_json(json& j, const Meeting& v) {
    j = json{{"id", v.id},
             {"council", or_null(v.council)},
             {"committee", opt(v.committee)},
             {"date", or_null(v.date)},
             {"start_time", or_null(v.start_time)},
             {"venue", or_null(v.venue)},
             {"title", v.title},
             {"attendance", v.attendance}};
}

void to_json(json& j, const ResolutionInfo& v) {
    j = json{{"kind", v.kind}, {"label", v.label}, {"preamble", v.preamble}, {"outcome", v.outcome}};
}

void to_json(json& j, const TableInfo& v) { j = json{{"caption", v.caption}, {"header", v.header}, {"rows", v.rows}}; }

void to_json(json& j, const QuestionInfo& v) {
    j = json{{"number", v.number},       {"questioner", v.questioner}, {"question", v.question},
             {"addressee", v.addressee}, {"response", v.response},     {"kind", v.kind}};
}

void to_json(json& j, const ActionInfo& v) {
    j = json{{"number", v.number},           {"meeting_date", v.meeting_date},
             {"action", v.action},           {"owner", v.owner},
             {"directorate", v.directorate}, {"progress", v.progress},
             {"due_date", v.due_date},       {"status", v.status}};
}

void to_json(json& j, const Unit& v) {
    j = json{{"id", v.id},
             {"type", to_string(v.type)},
             {"title", v.title},
             {"text", v.text},
             {"page", v.page == 0 ? json(nullptr) : json(v.page)},
             {"item_index", v.item_index},
             {"section", v.section},
             {"number", v.number},
             {"people", v.people},
             {"topics", v.topics},
             {"procedural", v.procedural}};
    if (v.ocr) j["ocr"] = true;  // only when set: readings without OCR stay as they were
    if (v.exempt) j["exempt"] = true;  // only when set, like ocr
    if (v.resolution) j["resolution"] = *v.resolution;
    if (v.table) j["table"] = *v.table;
    if (v.question) j["question"] = *v.question;
    if (v.action) j["action"] = *v.action;
}

void to_json(json& j, const Item& v) {
    j = json{{"number", v.number},
             {"title", v.title},
             {"page", v.page == 0 ? json(nullptr) : json(v.page)},
             {"pages_ref", or_null(v.pages_ref)},
             {"procedural", v.procedural},
             {"exempt", v.exempt}};
}

void to_json(json& j, const Document& v) {
    j = json{{"id", v.id},
             {"source", v.source},
             {"part", v.part},
             {"kind", to_string(v.kind)},
             {"title", v.title},
             {"url", or_null(v.url)},
             {"council", or_null(v.council)},
             {"council_source", or_null(v.council_source)},
             {"committee", opt(v.committee)},
             {"date", or_null(v.date)},
             {"date_source", or_null(v.date_source)},
             {"meeting_id", or_null(v.meeting_id)},
             {"report_by", or_null(v.report_by)},
             {"first_page", v.first_page},
             {"last_page", v.last_page},
             {"items", v.items},
             {"units", v.units}};
}

void to_json(json& j, const Diagnostic& v) {
    j = json{{"severity", to_string(v.severity)},
             {"file", v.file},
             {"line", v.line},
             {"code", v.code},
             {"message", v.message}};
}

void to_json(json& j, const PersonRole& v) {
    j = json{{"role", v.role}, {"meeting_id", v.meeting_id}, {"date", v.date}, {"committee_id", v.committee_id}};
}

void to_json(json& j, const Person& v) {
    j = json{{"id", v.id}, {"name", v.name}, {"variants", v.variants}, {"kind", v.kind}, {"roles", v.roles}};
}

void to_json(json& j, const Acronym& v) { j = json{{"short", v.short_form}, {"expansion", v.expansion}}; }

void to_json(json& j, const FileResult& v) {
    j = json{{"ok", v.ok},         {"documents", v.documents}, {"meetings", v.meetings},
             {"people", v.people}, {"acronyms", v.acronyms},   {"diagnostics", v.diagnostics}};
}

}  // namespace quorum::corpus
