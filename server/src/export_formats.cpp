#include "export_formats.hpp"

#include "json_fields.hpp"
#include "params.hpp"
#include "text_escape.hpp"

#include <ctime>
#include "quorum/text/hash.hpp"

namespace quorum::server {
namespace {

using nlohmann::json;

// The meeting's date: an action row's own meeting date, else the date ending the meeting id.
std::string meeting_date(const json& hit) {
    if (auto d = nested(hit, "action", "meeting_date"); is_valid_date(d)) return d;
    const auto id = field(hit, "meeting_id");
    if (id.size() >= 10 && is_valid_date(std::string_view(id).substr(id.size() - 10))) return id.substr(id.size() - 10);
    return field(hit, "date");
}

std::string unit_link(const json& hit, std::string_view public_url) {
    return std::string(public_url) + "/api/units/" + field(hit, "id");
}

}  // namespace

std::string csv_header() {
    return "id,type,title,date,council,committee,meeting date,item number,item title,document,page,"
           "permanent link,snippet text\r\n";
}

std::string csv_row(const json& hit, std::string_view public_url) {
    const std::string cells[] = {
        field(hit, "id"),
        field(hit, "type"),
        field(hit, "title"),
        field(hit, "date"),
        field(hit, "council"),
        nested(hit, "committee", "name"),
        meeting_date(hit),
        nested(hit, "item", "number"),
        nested(hit, "item", "title"),
        nested(hit, "document", "title"),
        field(hit, "page"),
        unit_link(hit, public_url),
        snippet_text(field(hit, "snippet")),
    };
    std::string line;
    for (const auto& cell : cells) {
        if (!line.empty()) line += ',';
        line += csv_cell(cell);
    }
    return line + "\r\n";
}

std::string atom_begin(std::string_view q, std::string_view updated, std::string_view public_url) {
    const std::string title = q.empty() ? "Quorum: all council meeting records" : "Quorum: " + std::string(q);
    // A stable feed id per query (FNV-1a), so readers recognise the feed again.
    // This seed (not FNV's usual offset basis) is kept: feed readers know the ids it made.
    const std::uint64_t hash = text::fnv1a(q, 1469598103934665603ull);
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
    out += "  <title>" + xml_escape(title) + "</title>\n";
    out += "  <id>urn:quorum:search:" + std::to_string(hash) + "</id>\n";
    out += "  <updated>" + xml_escape(updated) + "</updated>\n";
    out += "  <author><name>Quorum</name></author>\n";
    out += "  <generator>Quorum</generator>\n";
    if (!public_url.empty()) out += "  <link href=\"" + xml_escape(std::string(public_url) + "/") + "\"/>\n";
    return out;
}

std::string atom_entry(const json& hit, std::string_view public_url, std::string_view updated) {
    const auto date = field(hit, "date");
    const std::string when = is_valid_date(date) ? date + "T00:00:00Z" : std::string(updated);
    std::string title = field(hit, "title");
    if (title.empty()) title = field(hit, "id");
    const auto committee = nested(hit, "committee", "name");
    if (!committee.empty() && is_valid_date(date)) title += " (" + committee + ", " + date + ")";
    std::string out = "  <entry>\n";
    out += "    <title>" + xml_escape(title) + "</title>\n";
    out += "    <id>urn:quorum:unit:" + xml_escape(field(hit, "id")) + "</id>\n";
    out += "    <updated>" + xml_escape(when) + "</updated>\n";
    out += "    <link href=\"" + xml_escape(unit_link(hit, public_url)) + "\"/>\n";
    if (const auto type = field(hit, "type"); !type.empty())
        out += "    <category term=\"" + xml_escape(type) + "\"/>\n";
    // type="html": the snippet's own markup (<mark>) is escaped once more as XML text.
    out += "    <summary type=\"html\">" + xml_escape(field(hit, "snippet")) + "</summary>\n";
    out += "  </entry>\n";
    return out;
}

std::string atom_end() { return "</feed>\n"; }

}  // namespace quorum::server
