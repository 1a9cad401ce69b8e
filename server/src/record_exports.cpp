#include "record_exports.hpp"

#include "json_fields.hpp"
#include "params.hpp"
#include "text_escape.hpp"

#include <set>
#include <vector>
#include "quorum/text/hash.hpp"
#include "quorum/text/utf8.hpp"

namespace quorum::server {
namespace {

using nlohmann::json;

std::string link(RecordKind kind, const json& record, std::string_view public_url) {
    return std::string(public_url) + "/api/" + std::string(record_list_name(kind)) + "/" + field(record, "id");
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += "; ";
        out += p;
    }
    return out;
}

// Roles over time as one cell: "chairperson (committee-id, 2025-07-22 to 2025-07-22)".
std::string roles_text(const json& person) {
    std::vector<std::string> out;
    if (person.contains("roles") && person["roles"].is_array())
        for (const auto& r : person["roles"]) {
            std::string text = field(r, "name").empty() ? field(r, "role") : field(r, "name");
            std::string where = field(r, "committee_id");
            std::string span =
                field(r, "from") == field(r, "to") ? field(r, "from") : field(r, "from") + " to " + field(r, "to");
            text += " (" + join({where, span}) + ")";
            out.push_back(text);
        }
    return join(out);
}

// How many elements a record's list has ("declarations"), "" when it has none.
std::string count_of(const json& r, const char* key) {
    const auto it = r.find(key);
    return it != r.end() && it->is_array() ? std::to_string(it->size()) : std::string();
}

std::vector<std::string> columns(RecordKind kind) {
    switch (kind) {
        case RecordKind::decision:
            return {"id",          "kind",          "label",       "text",        "outcome",     "status",
                    "overdue",     "owner",         "due date",    "votes for",   "votes against", "abstentions",
                    "vote result", "declarations"};
        case RecordKind::person:
            return {"id", "name", "kind", "roles", "attended", "apologies", "substitutions", "votes", "declarations"};
        case RecordKind::committee:
            return {"id", "name", "meetings", "decisions", "first date", "last date"};
        case RecordKind::meeting:
            return {"id", "title", "date", "items", "venue"};
    }
    return {};
}

// Own cells, then council, committee, meeting date, item number, item title, document, page.
std::vector<std::string> cells(RecordKind kind, const json& r) {
    switch (kind) {
        case RecordKind::decision:
            return {field(r, "id"),
                    field(r, "kind"),
                    field(r, "label"),
                    field(r, "text"),
                    nested(r, "outcome", "result"),
                    field(r, "status"),
                    field(r, "overdue"),
                    nested(r, "owner", "name"),
                    field(r, "due_date"),
                    nested(r, "outcome", "votes_for"),
                    nested(r, "outcome", "votes_against"),
                    nested(r, "outcome", "abstentions"),
                    nested(r, "votes", "result"),
                    count_of(r, "declarations"),
                    field(r, "council"),
                    nested(r, "committee", "name"),
                    field(r, "date"),
                    nested(r, "item", "number"),
                    nested(r, "item", "title"),
                    nested(r, "document", "title"),
                    field(r, "page")};
        case RecordKind::person: {
            std::set<std::string> committees;
            std::string last;
            if (r.contains("roles") && r["roles"].is_array())
                for (const auto& role : r["roles"]) {
                    if (!field(role, "committee_id").empty()) committees.insert(field(role, "committee_id"));
                    if (field(role, "to") > last) last = field(role, "to");
                }
            return {field(r, "id"),
                    field(r, "name"),
                    field(r, "kind"),
                    roles_text(r),
                    nested(r, "counts", "attended"),
                    nested(r, "counts", "apologies"),
                    nested(r, "counts", "substitutions"),
                    nested(r, "counts", "votes"),
                    nested(r, "counts", "declarations"),
                    "",
                    join({committees.begin(), committees.end()}),
                    last,
                    "",
                    "",
                    "",
                    ""};
        }
        case RecordKind::committee:
            return {field(r, "id"),
                    field(r, "name"),
                    field(r, "meetings_count"),
                    field(r, "decisions_count"),
                    field(r, "first_date"),
                    field(r, "last_date"),
                    "",
                    field(r, "name"),
                    field(r, "last_date"),
                    "",
                    "",
                    "",
                    ""};
        case RecordKind::meeting: {
            std::vector<std::string> documents;
            if (r.contains("documents") && r["documents"].is_array())
                for (const auto& d : r["documents"]) documents.push_back(field(d, "title"));
            std::string items = field(r, "items_count");
            return {field(r, "id"),
                    field(r, "title"),
                    field(r, "date"),
                    items,
                    field(r, "venue"),
                    field(r, "council"),
                    nested(r, "committee", "name"),
                    field(r, "date"),
                    "",
                    "",
                    join(documents),
                    ""};
        }
    }
    return {};
}

std::string line(const std::vector<std::string>& values) {
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ',';
        out += csv_cell(values[i]);
    }
    return out + "\r\n";
}

std::string entry_title(RecordKind kind, const json& r) {
    switch (kind) {
        case RecordKind::decision: {
            std::string text = field(r, "text");
            if (text.size() > 140) {
                text = text.substr(0, text::utf8_floor(text, 140)) + "…";  // whole code points
            }
            std::string where = join({nested(r, "committee", "name"), field(r, "date")});
            return field(r, "kind") + ": " + text + (where.empty() ? "" : " (" + where + ")");
        }
        case RecordKind::person:
            return field(r, "name");
        case RecordKind::committee:
            return field(r, "name");
        case RecordKind::meeting:
            return field(r, "title").empty() ? field(r, "id") : field(r, "title");
    }
    return {};
}

std::string entry_date(RecordKind kind, const json& r) {
    switch (kind) {
        case RecordKind::decision:
        case RecordKind::meeting:
            return field(r, "date");
        case RecordKind::committee:
            return field(r, "last_date");
        case RecordKind::person: {
            std::string last;
            if (r.contains("roles") && r["roles"].is_array())
                for (const auto& role : r["roles"])
                    if (field(role, "to") > last) last = field(role, "to");
            return last;
        }
    }
    return {};
}

std::string entry_summary(RecordKind kind, const json& r) {
    switch (kind) {
        case RecordKind::decision:
            return join(
                {field(r, "text"), "outcome: " + nested(r, "outcome", "result"), "status: " + field(r, "status")});
        case RecordKind::person:
            return roles_text(r);
        case RecordKind::committee:
            return field(r, "meetings_count") + " meetings, " + field(r, "decisions_count") + " decisions";
        case RecordKind::meeting:
            return join({nested(r, "committee", "name"), field(r, "date"), field(r, "venue")});
    }
    return {};
}

std::string_view singular(RecordKind kind) {
    switch (kind) {
        case RecordKind::decision:
            return "decision";
        case RecordKind::person:
            return "person";
        case RecordKind::committee:
            return "committee";
        case RecordKind::meeting:
            return "meeting";
    }
    return "record";
}

}  // namespace

std::string_view record_list_name(RecordKind kind) {
    switch (kind) {
        case RecordKind::decision:
            return "decisions";
        case RecordKind::person:
            return "people";
        case RecordKind::committee:
            return "committees";
        case RecordKind::meeting:
            return "meetings";
    }
    return "records";
}

std::string record_csv_header(RecordKind kind) {
    auto names = columns(kind);
    for (const char* c :
         {"council", "committee", "meeting date", "item number", "item title", "document", "page", "permanent link"})
        names.emplace_back(c);
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? "," : "") + names[i];
    return out + "\r\n";
}

std::string record_csv_row(RecordKind kind, const json& record, std::string_view public_url) {
    auto values = cells(kind, record);
    values.push_back(link(kind, record, public_url));
    return line(values);
}

std::string record_atom_begin(RecordKind kind, std::string_view filters, std::string_view updated,
                              std::string_view public_url) {
    std::string title = "Quorum: " + std::string(record_list_name(kind));
    if (!filters.empty()) title += " (" + std::string(filters) + ")";
    // A stable feed id per list and filters; the seed is kept because feed readers know its ids.
    const std::uint64_t hash =
        text::fnv1a(std::string(record_list_name(kind)) + "?" + std::string(filters), 1469598103934665603ull);
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
    out += "  <title>" + xml_escape(title) + "</title>\n";
    out += "  <id>urn:quorum:" + std::string(record_list_name(kind)) + ":" + std::to_string(hash) + "</id>\n";
    out += "  <updated>" + xml_escape(updated) + "</updated>\n";
    out += "  <author><name>Quorum</name></author>\n";
    out += "  <generator>Quorum</generator>\n";
    if (!public_url.empty()) out += "  <link href=\"" + xml_escape(std::string(public_url) + "/") + "\"/>\n";
    return out;
}

std::string record_atom_entry(RecordKind kind, const json& record, std::string_view public_url,
                              std::string_view updated) {
    const auto date = entry_date(kind, record);
    const std::string when = is_valid_date(date) ? date + "T00:00:00Z" : std::string(updated);
    std::string title = entry_title(kind, record);
    if (title.empty()) title = field(record, "id");
    std::string out = "  <entry>\n";
    out += "    <title>" + xml_escape(title) + "</title>\n";
    out += "    <id>urn:quorum:" + std::string(singular(kind)) + ":" + xml_escape(field(record, "id")) + "</id>\n";
    out += "    <updated>" + xml_escape(when) + "</updated>\n";
    out += "    <link href=\"" + xml_escape(link(kind, record, public_url)) + "\"/>\n";
    std::string category = kind == RecordKind::decision || kind == RecordKind::person ? field(record, "kind")
                                                                                      : std::string(singular(kind));
    if (!category.empty()) out += "    <category term=\"" + xml_escape(category) + "\"/>\n";
    out += "    <summary type=\"text\">" + xml_escape(entry_summary(kind, record)) + "</summary>\n";
    out += "  </entry>\n";
    return out;
}

}  // namespace quorum::server
