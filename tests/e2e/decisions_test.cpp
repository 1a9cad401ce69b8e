// Following a recommendation from report to resolution to action, over HTTP: the real
// quorum-index (decisions pass, --as-of 2022-05-01) and quorum-serve on corpus/samples.
// Expectations are read by hand from the samples (000 = minutes of 22 February 2022,
// 001 = agenda pack of 26 April 2022 with the action tracker, 002 = 1 October 2018,
// 004 = 22 July 2025).
#include "sample_decisions.hpp"
#include "server_process.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

using nlohmann::json;
using quorum::test::samples_server;

namespace {

const std::string kCypsc = "children-and-young-people-scrutiny-committee";

httplib::Result get(const std::string& target) { return samples_server().client().Get(target.c_str()); }

json get_json(const std::string& target) {
    INFO(target);
    auto r = get(target);
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return json::parse(r->body);
}

std::string get_body(const std::string& target, const std::string& content_type) {
    INFO(target);
    auto r = get(target);
    REQUIRE(r);
    REQUIRE(r->status == 200);
    CHECK(r->get_header_value("Content-Type").rfind(content_type, 0) == 0);
    return r->body;
}

std::string str(const json& v) { return v.is_string() ? v.get<std::string>() : std::string(); }

json decisions(const std::string& query) {
    return get_json("/api/decisions?per_page=1000" + (query.empty() ? std::string() : "&" + query));
}

// The decision that links to `detail` with a link of `type`, or null.
json linked_from(const json& detail, const std::string& type) {
    for (const auto& l : detail["links"])
        if (l["to"] == detail["id"] && l["type"] == type) return get_json("/api/decisions/" + str(l["from"]));
    return nullptr;
}

// RFC 4180: comma-separated cells, CRLF between records, quoted cells with "" for a quote
// (and line breaks allowed inside quotes). Throws on a malformed file.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        if (text[i] == '"') {
            ++i;
            for (;;) {
                if (i >= n) throw std::runtime_error("unterminated quoted cell");
                if (text[i] == '"') {
                    if (i + 1 < n && text[i + 1] == '"') {
                        cell += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                cell += text[i++];
            }
            if (i < n && text[i] != ',' && text[i] != '\r') throw std::runtime_error("text after a closing quote");
        } else {
            while (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                if (text[i] == '"') throw std::runtime_error("quote inside an unquoted cell");
                cell += text[i++];
            }
        }
        if (i < n && text[i] == ',') {
            row.push_back(std::move(cell));
            cell.clear();
            ++i;
            continue;
        }
        if (i < n && text[i] == '\n') throw std::runtime_error("bare LF: records must end in CRLF");
        if (i < n && text[i] == '\r') {
            if (i + 1 >= n || text[i + 1] != '\n') throw std::runtime_error("bare CR");
            i += 2;
        }
        row.push_back(std::move(cell));
        cell.clear();
        rows.push_back(std::move(row));
        row.clear();
    }
    return rows;
}

struct Element {
    std::string name;
    std::map<std::string, std::string> attributes;
    std::vector<Element> children;
    std::string text;
};

// A careful structural XML check (no libxml2 in the build): declaration, balanced and
// properly nested tags, quoted attributes, only the five named entities or numeric ones,
// no stray '<' or '&'. Returns the root element; throws on anything malformed.
Element parse_xml(const std::string& xml) {
    std::size_t i = 0;
    auto fail = [&](const std::string& why) { throw std::runtime_error(why + " at byte " + std::to_string(i)); };
    auto check_text = [&](const std::string& t) {
        for (std::size_t k = 0; k < t.size(); ++k) {
            if (t[k] == '<') fail("'<' in text");
            if (t[k] == '&') {
                auto semi = t.find(';', k);
                if (semi == std::string::npos) fail("unterminated entity");
                std::string e = t.substr(k + 1, semi - k - 1);
                static const std::set<std::string> named{"amp", "lt", "gt", "quot", "apos"};
                bool numeric = e.size() > 1 && e[0] == '#';
                if (!named.count(e) && !numeric) fail("unknown entity &" + e + ";");
            }
        }
    };
    if (xml.rfind("<?xml ", 0) != 0) fail("no XML declaration");
    i = xml.find("?>");
    if (i == std::string::npos) fail("unterminated declaration");
    i += 2;
    std::vector<Element> stack;
    std::optional<Element> root;
    while (i < xml.size()) {
        auto lt = xml.find('<', i);
        std::string text = xml.substr(i, lt == std::string::npos ? std::string::npos : lt - i);
        check_text(text);
        if (stack.empty()) {
            if (text.find_first_not_of(" \t\r\n") != std::string::npos) fail("text outside the root");
        } else {
            stack.back().text += text;
        }
        if (lt == std::string::npos) break;
        i = lt;
        auto gt = xml.find('>', i);
        if (gt == std::string::npos) fail("unterminated tag");
        std::string tag = xml.substr(i + 1, gt - i - 1);
        i = gt + 1;
        if (tag.empty()) fail("empty tag");
        if (tag[0] == '/') {
            if (stack.empty() || stack.back().name != tag.substr(1)) fail("mismatched </" + tag.substr(1) + ">");
            Element done = std::move(stack.back());
            stack.pop_back();
            if (stack.empty()) {
                if (root) fail("two roots");
                root = std::move(done);
            } else {
                stack.back().children.push_back(std::move(done));
            }
            continue;
        }
        const bool self_closing = tag.back() == '/';
        if (self_closing) tag.pop_back();
        Element e;
        std::size_t k = 0;
        while (k < tag.size() && tag[k] != ' ') ++k;
        e.name = tag.substr(0, k);
        if (e.name.empty() || !std::isalpha(static_cast<unsigned char>(e.name[0]))) fail("bad tag name");
        while (k < tag.size()) {
            while (k < tag.size() && tag[k] == ' ') ++k;
            if (k >= tag.size()) break;
            auto eq = tag.find('=', k);
            if (eq == std::string::npos || eq + 1 >= tag.size() || tag[eq + 1] != '"') fail("unquoted attribute");
            auto close = tag.find('"', eq + 2);
            if (close == std::string::npos) fail("unterminated attribute");
            std::string value = tag.substr(eq + 2, close - eq - 2);
            check_text(value);
            e.attributes[tag.substr(k, eq - k)] = value;
            k = close + 1;
        }
        if (self_closing) {
            if (stack.empty()) fail("self-closing root");
            stack.back().children.push_back(std::move(e));
        } else {
            stack.push_back(std::move(e));
        }
    }
    if (!stack.empty()) fail("unclosed <" + stack.back().name + ">");
    if (!root) fail("no root element");
    return *root;
}

std::size_t count_children(const Element& e, const std::string& name) {
    std::size_t n = 0;
    for (const auto& c : e.children) n += c.name == name;
    return n;
}

// A well-formed Atom feed: feed with one id, title and updated; every entry with the same
// and a link. Returns the entries.
std::vector<Element> atom_entries(const std::string& body) {
    Element feed = parse_xml(body);
    REQUIRE(feed.name == "feed");
    CHECK(feed.attributes["xmlns"] == "http://www.w3.org/2005/Atom");
    for (const char* required : {"id", "title", "updated"}) CHECK(count_children(feed, required) == 1);
    std::vector<Element> entries;
    for (const auto& c : feed.children)
        if (c.name == "entry") {
            for (const char* required : {"id", "title", "updated"}) CHECK(count_children(c, required) == 1);
            CHECK(count_children(c, "link") >= 1);
            entries.push_back(c);
        }
    return entries;
}

std::string child_text(const Element& e, const std::string& name) {
    for (const auto& c : e.children)
        if (c.name == name) return c.text;
    return {};
}

}  // namespace

TEST_CASE("Every tracker row is linked to the decision it follows or says why it is not", "[e2e][decisions]") {
    const auto rows = decisions("kind=tracker-row")["decisions"];
    // The action tracker in the 26 April 2022 pack has 15 rows.
    REQUIRE(rows.size() == 15);
    std::map<std::string, json> source;  // row label -> the decision it tracks
    for (const auto& row : rows) {
        INFO("row " << row["label"] << ": " << row["text"]);
        const json detail = get_json("/api/decisions/" + str(row["id"]));
        const json from = linked_from(detail, "tracked-by");
        CHECK(from.is_null() == row["unlinked_reason"].is_string());
        if (from.is_null()) {
            CHECK(str(row["unlinked_reason"]).find("within 120 days") != std::string::npos);
            CHECK(detail["thread"].is_null());
        } else {
            source[str(row["label"])] = from;
            CHECK(detail["thread"].is_object());
        }
    }
    // Rows 1-12 cite meetings from 2021 whose minutes are not in the samples.
    CHECK(source.size() == 3);
    // Rows 13 and 14 ("12/02/22") follow the ACTIONS of items 66 and 67 of 22 February 2022,
    // row 15 those of item 80 of 22 March 2022.
    REQUIRE(source.count("13"));
    CHECK(source["13"]["kind"] == "action");
    CHECK(source["13"]["date"] == "2022-02-22");
    CHECK(source["13"]["item"]["number"] == "66");
    CHECK(source["13"]["status"] == "to be completed");
    CHECK(source["13"]["owner"]["id"] == "matthew-sampson");
    REQUIRE(source.count("14"));
    CHECK(source["14"]["item"]["number"] == "67");
    CHECK(source["14"]["owner"]["id"] == "darryl-freeman");
    REQUIRE(source.count("15"));
    CHECK(source["15"]["date"] == "2022-03-22");
    CHECK(source["15"]["item"]["number"] == "80");
}

TEST_CASE("The report recommendations in the agenda pack are linked to their agenda items", "[e2e][decisions]") {
    const auto recs = decisions("kind=report-recommendation&committee=" + kCypsc)["decisions"];
    std::map<std::string, std::set<std::string>> items;  // agenda item -> report titles
    for (const auto& d : recs) {
        INFO(d["document"]["title"] << ": " << d["text"]);
        CHECK(d["date"] == "2022-04-26");
        REQUIRE(d["item"].is_object());
        CHECK(d["item"]["confidence"].get<double>() > 0);
        // No minutes of 26 April 2022 in the samples: the recommendations are still proposed.
        CHECK(d["status"] == "proposed");
        items[str(d["item"]["number"])].insert(str(d["document"]["title"]));
    }
    // Agenda of 26 April 2022: 5 co-optee, 8 investment in transformation, 9 improvement
    // plan, 10 work programme.
    REQUIRE(items.size() == 4);
    auto has = [&](const std::string& item, const std::string& words) {
        for (const auto& t : items[item])
            if (t.find(words) != std::string::npos) return true;
        return false;
    };
    CHECK(has("5", "Co-optee"));
    CHECK(has("8", "Investment"));
    CHECK(has("9", "Improvement Plan"));
    CHECK(has("10", "Work Programme"));
    // The Cabinet report of 31 March 2022 is addressed to Cabinet. The answer is kept in a
    // variable: a range-for over a member of a temporary reads freed memory (ASan found it).
    const auto cabinet = decisions("kind=report-recommendation&committee=cabinet");
    REQUIRE_FALSE(cabinet["decisions"].empty());
    for (const auto& d : cabinet["decisions"]) {
        CHECK(d["date"] == "2022-03-31");
        CHECK(d["addressee"]["id"] == "cabinet");
    }
}

TEST_CASE("Every decision of the 22 February 2022 minutes has its outcome and status", "[e2e][decisions]") {
    std::vector<quorum::test::ExpectedDecision> expected(std::begin(quorum::test::kFebruary2022Decisions),
                                                         std::end(quorum::test::kFebruary2022Decisions));
    // Item 70 AGREED: the mental health focus came back at the 22 March meeting.
    expected.push_back({"70", "", "agreed", "agreed", "", "closed"});
    expected.push_back({"70", "", "agreed", "agreed", "", "open"});
    const auto list = decisions("committee=" + kCypsc + "&from=2022-02-22&to=2022-02-22");
    CHECK(list["as_of"] == "2022-05-01");
    CHECK(list["total"] == expected.size());
    std::multiset<std::string> want, got;
    for (const auto& e : expected)
        want.insert(std::string(e.item) + "|" + e.label + "|" + e.kind + "|" + e.result + "|" + e.vote + "|" +
                    e.status);
    for (const auto& d : list["decisions"])
        got.insert(str(d["item"]["number"]) + "|" + str(d["label"]) + "|" + str(d["kind"]) + "|" +
                   str(d["outcome"]["result"]) + "|" + str(d["outcome"]["vote"]) + "|" + str(d["status"]));
    CHECK(got == want);

    // Filters: outcome, status and q agree with the records.
    CHECK(decisions("from=2022-02-22&to=2022-02-22&outcome=noted")["total"] == 1);
    CHECK(decisions("from=2022-02-22&to=2022-02-22&status=to-be-completed")["total"] == 2);
    // q matches the text and the item title: both parts of item 68 "Fostering Service Update".
    const auto fostering = decisions("from=2022-02-22&to=2022-02-22&q=fostering+service")["decisions"];
    REQUIRE(fostering.size() == 2);
    for (const auto& d : fostering) CHECK(d["item"]["number"] == "68");
    const auto officers = decisions("from=2022-02-22&to=2022-02-22&q=officers+fostering")["decisions"];
    REQUIRE(officers.size() == 1);
    CHECK(officers[0]["label"] == "b)");
    CHECK(officers[0]["addressee"]["id"] == "officers");
}

TEST_CASE("Search units carry the outcome and status of their decision as facets and filters", "[e2e][decisions]") {
    const auto all = get_json("/api/search?from=2022-02-22&to=2022-02-22&type=resolution&per_page=100");
    std::map<std::string, std::uint64_t> outcome, status;
    for (const auto& v : all["facets"]["outcome"]) outcome[str(v["id"])] = v["count"];
    for (const auto& v : all["facets"]["status"]) status[str(v["id"])] = v["count"];
    CHECK(outcome["noted"] == 1);
    CHECK(outcome["agreed"] >= 14);
    CHECK(status["to-be-completed"] == 2);
    CHECK(status["closed"] == 1);

    const auto noted = get_json("/api/search?from=2022-02-22&to=2022-02-22&outcome=noted");
    REQUIRE(noted["hits"].size() == 1);
    CHECK(noted["hits"][0]["item"]["number"] == "66");
    CHECK(noted["hits"][0]["decision"]["outcome"] == "noted");
    // The tracker rows 13 and 14 and the two actions they follow.
    const auto tbc = get_json("/api/search?status=to-be-completed&per_page=100");
    std::set<std::string> dates;
    for (const auto& h : tbc["hits"]) dates.insert(str(h["date"]));
    CHECK(tbc["total"] == 4);
    CHECK(dates == std::set<std::string>{"2022-02-22", "2022-04-26"});
    // Decision records are never search hits.
    CHECK(get_json("/api/search?q=type:decision")["total"] == 0);
}

TEST_CASE("People keep their roles over 2018, 2022 and 2025", "[e2e][decisions]") {
    auto role_on = [](const std::string& id, const std::string& date) {
        const auto p = get_json("/api/people/" + id);
        for (const auto& r : p["roles"])
            if (str(r["from"]) <= date && date <= str(r["to"])) return str(r["role"]);
        return std::string();
    };
    CHECK(role_on("ca-gandy", "2018-10-01") == "chairperson");
    CHECK(role_on("phillip-howells", "2022-02-22") == "chairperson");
    CHECK(role_on("toni-fagan", "2022-02-22") == "member");
    CHECK(role_on("toni-fagan", "2025-07-22") == "chairperson");
    CHECK(role_on("darryl-freeman", "2022-02-22") == "director-children-families");

    const auto fagan = get_json("/api/people?q=fagan");
    REQUIRE(fagan["total"] == 1);
    CHECK(fagan["people"][0]["id"] == "toni-fagan");
    CHECK(fagan["people"][0]["counts"]["attended"] == 2);
    for (const char* field : {"id", "name", "kind", "roles", "counts"}) CHECK(fagan["people"][0].contains(field));
    CHECK(get_json("/api/people?q=howel")["people"][0]["id"] == "phillip-howells");  // typed as far as it goes
    CHECK(get_json("/api/people")["total"].get<int>() > 20);
}

TEST_CASE("Committees list meetings, decisions and dates, and chairs over time", "[e2e][decisions]") {
    const auto list = get_json("/api/committees")["committees"];
    std::map<std::string, json> by_id;
    for (const auto& c : list) by_id[str(c["id"])] = c;
    REQUIRE(by_id.count(kCypsc));
    REQUIRE(by_id.count("cabinet"));
    const auto& cypsc = by_id[kCypsc];
    CHECK(cypsc["first_date"] == "2018-10-01");
    CHECK(cypsc["last_date"] == "2025-07-22");
    CHECK(cypsc["meetings_count"].get<int>() >= 5);
    CHECK(cypsc["decisions_count"].get<int>() >= 17);
    const auto detail = get_json("/api/committees/" + kCypsc);
    std::vector<std::string> chairs;
    for (const auto& c : detail["chairs"]) chairs.push_back(str(c["person_id"]));
    CHECK(chairs == std::vector<std::string>{"ca-gandy", "phillip-howells", "phillip-howells", "toni-fagan"});
}

TEST_CASE("Bad parameters get a 400 naming them and unknown ids a 404", "[e2e][decisions]") {
    auto error = [](const std::string& target, int status) {
        INFO(target);
        auto r = get(target);
        REQUIRE(r);
        CHECK(r->status == status);
        return str(json::parse(r->body)["error"]["message"]);
    };
    CHECK(error("/api/decisions?status=sleeping", 400).rfind("status", 0) == 0);
    CHECK(error("/api/decisions?outcome=maybe", 400).rfind("outcome", 0) == 0);
    CHECK(error("/api/decisions?from=2022-02-30", 400).rfind("from", 0) == 0);
    CHECK(error("/api/decisions?per_page=0", 400).rfind("per_page", 0) == 0);
    CHECK(error("/api/decisions?format=xml", 400).rfind("format", 0) == 0);
    CHECK(error("/api/people?page=x", 400).rfind("page", 0) == 0);
    CHECK(error("/api/committees?format=pdf", 400).rfind("format", 0) == 0);
    CHECK(error("/api/meetings?format=pdf", 400).rfind("format", 0) == 0);
    CHECK(error("/api/decisions/NOT-AN-ID", 400).find("id") != std::string::npos);
    CHECK_FALSE(error("/api/decisions/d-no-such-decision", 404).empty());
    CHECK_FALSE(error("/api/people/nobody-at-all", 404).empty());
    CHECK_FALSE(error("/api/committees/no-such-committee", 404).empty());
}

TEST_CASE("Decisions, people and meetings export whole as CSV with provenance columns", "[e2e][decisions][exports]") {
    struct List {
        std::string path, key;
        std::string id_column;
    };
    for (const List& list : {List{"/api/decisions", "decisions", "id"}, List{"/api/people", "people", "id"},
                             List{"/api/meetings", "meetings", "id"}, List{"/api/committees", "committees", "id"}}) {
        INFO(list.path);
        const auto total = get_json(list.path)["total"].get<std::size_t>();
        const auto rows = parse_csv(get_body(list.path + "?format=csv", "text/csv"));
        REQUIRE(rows.size() == total + 1);
        const auto& header = rows[0];
        for (const char* column : {"council", "committee", "meeting date", "item number", "item title", "document",
                                   "page", "permanent link"})
            CHECK(std::count(header.begin(), header.end(), column) == 1);
        const auto link = std::find(header.begin(), header.end(), "permanent link") - header.begin();
        for (std::size_t i = 1; i < rows.size(); ++i) REQUIRE(rows[i].size() == header.size());
        // The permanent link of a row answers with that record.
        const auto& last = rows.back();
        CHECK(get_json(last[static_cast<std::size_t>(link)])["id"] == last[0]);
    }
    // A decision row carries its meeting's council, committee and date.
    const auto rows =
        parse_csv(get_body("/api/decisions?format=csv&from=2022-02-22&to=2022-02-22&kind=action", "text/csv"));
    REQUIRE(rows.size() == 3);
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < rows[0].size(); ++i) col[rows[0][i]] = i;
    CHECK(rows[1][col["council"]] == "Herefordshire Council");
    CHECK(rows[1][col["committee"]] == "Children and Young People Scrutiny Committee");
    CHECK(rows[1][col["meeting date"]] == "2022-02-22");
    CHECK(rows[1][col["item number"]] == "66");
    CHECK(rows[1][col["status"]] == "to be completed");
}

TEST_CASE("Decisions, people and meetings can be followed as well-formed Atom feeds", "[e2e][decisions][exports]") {
    for (const std::string path : {"/api/decisions", "/api/people", "/api/meetings", "/api/committees"}) {
        INFO(path);
        const auto total = get_json(path)["total"].get<std::size_t>();
        const auto entries = atom_entries(get_body(path + "?format=atom", "application/atom+xml"));
        CHECK(entries.size() == total);
        std::set<std::string> ids;
        for (const auto& e : entries) ids.insert(child_text(e, "id"));
        CHECK(ids.size() == entries.size());  // entry ids are unique
    }
    const auto overdue = atom_entries(get_body("/api/decisions?format=atom&status=overdue", "application/atom+xml"));
    CHECK(overdue.size() == decisions("status=overdue")["total"].get<std::size_t>());
    REQUIRE_FALSE(overdue.empty());
    CHECK(child_text(overdue[0], "id").rfind("urn:quorum:decision:d-", 0) == 0);
}

// Issue 17: "which committees have decided on this": matches per committee and year, with
// each group's best resolution, for a question of the samples.
TEST_CASE("compare: a question's matches per committee and per year, each with its best resolution",
          "[e2e][decisions][compare]") {
    const json by_committee = get_json("/api/compare?q=foster%20carers");
    REQUIRE_FALSE(by_committee["groups"].empty());
    std::uint64_t sum = 0;
    for (const auto& g : by_committee["groups"]) sum += g["count"].get<std::uint64_t>();
    CHECK(sum == by_committee["total"].get<std::uint64_t>());  // one committee per passage
    const json& first = by_committee["groups"][0];
    CHECK(first["id"] == kCypsc);
    REQUIRE(first["best"].is_object());
    CHECK(first["best"]["type"] == "resolution");
    // The best resolution is a decision record of its own.
    CHECK(get_json("/api/decisions/" + first["best"]["decision"]["id"].get<std::string>())["unit_id"] ==
          first["best"]["id"]);
    const json by_year = get_json("/api/compare?q=foster%20carers&by=year&groups=2");
    CHECK(by_year["groups"].size() <= 2);
    for (const auto& g : by_year["groups"]) CHECK(g["id"].get<std::string>().size() == 4);
    auto r = get("/api/compare?by=year");
    REQUIRE(r);
    CHECK(r->status == 400);
}
