// Printed lists of people -> Attendees. Lists are printed one person per line ("Name, Job
// title"), run on with commas ("Chris Baird, Director Children and Families (DCF), John
// Coleman, Head of ..."), or as "Councillors: A, B and C*". A piece of a list is a name
// when it carries a title ("Councillor", "Mr") or reads like one (capitalised words that
// are not role words); other pieces are the job title of the person before them.
#include "segment/attendee_lists.hpp"

#include <algorithm>
#include <array>

#include "quorum/corpus/text.hpp"
#include "segment/structure.hpp"
#include "quorum/text/ascii.hpp"

namespace quorum::corpus::structure {
namespace {

// Words of job titles and organisations: a piece made of them is a title, not a name.
bool role_word(std::string_view word) {
    // A table of words, packed: clang-format would put one a line.
    // clang-format off
    static const char* const words[] = {
        "director", "assistant", "interim", "deputy", "head", "manager", "officer", "officers", "member", "members",
        "cabinet", "chair", "chairperson", "chairman", "vice-chairperson", "vice", "service", "services", "democratic",
        "corporate", "children", "children's", "childrens", "young", "people", "families", "family", "education",
        "skills", "learning", "safeguarding", "quality", "improvement", "board", "council", "police", "partnership",
        "partner", "business", "legal", "law", "hr", "od", "senior", "principal", "strategic", "intelligence", "social",
        "worker", "workers", "care", "health", "public", "healthwatch", "clerk", "support", "team", "lead", "adviser",
        "advisor", "mentor", "lga", "scrutiny", "statutory", "development", "cooptee", "co-optee", "co-opted",
        "governor", "representative", "diocese", "archdiocese", "technical", "training", "observer", "commissioner",
        "chief", "executive", "finance", "financial", "monitoring", "consultant", "specialist", "coordinator",
        "co-ordinator", "administrator", "engineer", "division", "operations", "roads", "district", "municipal",
        "county", "city", "parish", "town", "borough", "cathaoirleach", "committee", "portfolio", "holder", "secretary",
        "treasurer", "warden", "fostering", "permanence", "adults", "directorate", "specialist", "analyst", "solicitor",
        "accountant", "inspector's", "programme", "project", "policy", "planning", "housing", "environment",
        "transport", "highways", "mayor", "leader"};
    // clang-format on
    const std::string l = to_lower(word);
    for (const char* w : words)
        if (l == w) return true;
    return false;
}

// Leading name tokens of a piece (after an honorific).
std::size_t name_tokens(const std::vector<std::string>& words, std::size_t from) {
    std::size_t n = 0;
    while (from + n < words.size() && n < 5 && name_token(words[from + n])) ++n;
    return n;
}

// One piece that starts a person: honorific, name, parentheses, "*", "- title".
Attendee person_from(std::string text, const std::string& list_honorific) {
    Attendee a;
    if (text.find('*') != std::string::npos) {
        a.remote = true;
        text.erase(std::remove(text.begin(), text.end(), '*'), text.end());
    }
    // parentheses: roles, notes, titles
    std::string outside;
    std::vector<std::string> parens;
    {
        int depth = 0;
        std::string inner;
        for (char c : text) {
            if (c == '(') {
                if (depth++ == 0)
                    inner.clear();
                else
                    inner.push_back(c);
                continue;
            }
            if (c == ')' && depth > 0) {
                if (--depth == 0)
                    parens.push_back(trim(inner));
                else
                    inner.push_back(c);
                continue;
            }
            (depth ? inner : outside).push_back(c);
        }
    }
    std::string title;
    // "Name - Title" / "Name – Title"
    for (const char* dash : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
        const std::size_t at = outside.find(dash);
        if (at != std::string::npos) {
            title = strip(outside.substr(at + std::string(dash).size()));
            outside = outside.substr(0, at);
            break;
        }
    }
    auto words = split_words(strip(outside));
    std::size_t k = 0;
    std::string hon;
    if (k < words.size() && honorific_word(words[k], &hon)) {
        a.honorific = hon;
        ++k;
    } else {
        a.honorific = list_honorific;
    }
    std::size_t n = name_tokens(words, k);
    if (n == 0 && k < words.size()) n = 1;  // a surname after an honorific: "Mr Burbidge"
    std::string name;
    for (std::size_t i = k; i < k + n && i < words.size(); ++i) name += (name.empty() ? "" : " ") + words[i];
    std::string rest;
    for (std::size_t i = k + n; i < words.size(); ++i) rest += (rest.empty() ? "" : " ") + words[i];
    a.name = strip(name);
    if (!rest.empty()) title = title.empty() ? rest : rest + " " + title;
    for (const auto& p : parens) {
        const std::string r = role_of(p);
        const std::string l = to_lower(p);
        if (!r.empty()) {
            a.role = r;
        } else if (l.find("non-voting") != std::string::npos || l.find("non voting") != std::string::npos) {
            a.note = "non-voting member";
        } else if (l.find("virtual") != std::string::npos || l.find("remote") != std::string::npos) {
            a.remote = true;
        } else if (p.size() <= 6 && !title.empty()) {
            title += " (" + p + ")";  // an acronym of the title: "(DCF)"
        } else {
            title = title.empty() ? p : title + " (" + p + ")";
        }
    }
    a.title = strip(title);
    return a;
}

// "West Mercia Police" after a person without a title is that person's organisation.
bool organisation(const std::string& piece) {
    const auto words = split_words(strip(piece));
    if (words.empty() || honorific_word(words[0])) return false;
    const std::size_t n = name_tokens(words, 0);
    if (n < words.size()) {
        static const char* const orgs[] = {"police",      "council",   "board", "trust",      "service",    "services",
                                           "partnership", "authority", "group", "university", "college",    "school",
                                           "hospital",    "nhs",       "ccg",   "diocese",    "healthwatch"};
        const std::string next = to_lower(words[n]);
        for (const char* o : orgs)
            if (next == o) return true;
    }
    return false;
}

void attach_title(Attendee& a, const Piece& p) {
    std::string add = p.text;
    if (add.find('*') != std::string::npos) {
        a.remote = true;
        add.erase(std::remove(add.begin(), add.end(), '*'), add.end());
    }
    add = strip(add);
    if (add.empty()) return;
    const std::string r = role_of(add);
    if (!r.empty() && a.title.empty()) {
        a.role = r;
        return;
    }
    a.title = a.title.empty() ? add : a.title + (p.separator.empty() ? ", " : p.separator) + add;
}

}  // namespace

bool honorific_word(std::string_view word, std::string* canonical) {
    static const std::array<std::pair<const char*, const char*>, 26> words = {{
        {"councillor", "Councillor"},
        {"councillors", "Councillor"},
        {"cllr", "Councillor"},
        {"cllrs", "Councillor"},
        {"cllr.", "Councillor"},
        {"mr", "Mr"},
        {"mr.", "Mr"},
        {"mrs", "Mrs"},
        {"mrs.", "Mrs"},
        {"ms", "Ms"},
        {"ms.", "Ms"},
        {"miss", "Miss"},
        {"dr", "Dr"},
        {"dr.", "Dr"},
        {"dci", "DCI"},
        {"di", "DI"},
        {"ds", "DS"},
        {"professor", "Professor"},
        {"prof", "Professor"},
        {"sir", "Sir"},
        {"dame", "Dame"},
        {"rev", "Rev"},
        {"revd", "Revd"},
        {"superintendent", "Superintendent"},
        {"inspector", "Inspector"},
        {"sergeant", "Sergeant"},
    }};
    std::string l = to_lower(word);
    while (!l.empty() && l.back() == ':') l.pop_back();
    for (const auto& [w, c] : words)
        if (l == w) {
            if (canonical) *canonical = c;
            return true;
        }
    return false;
}

std::string strip(std::string s) {
    s = trim(s);
    while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';' || s.back() == ':'))
        s = trim(s.substr(0, s.size() - 1));
    while (!s.empty() && (s.front() == ',' || s.front() == ':' || s.front() == ';')) s = trim(s.substr(1));
    return s;
}

// A word that may be part of a personal name: "Phillip", "I'Anson", "CA", "J.", "Rees-Glinos".
bool name_token(std::string_view w) {
    std::string t(w);
    while (!t.empty() && (t.back() == '*' || t.back() == ',' || t.back() == '.')) t.pop_back();
    if (t.empty()) return false;
    if (!is_upper(t.front()) && !(t.size() > 2 && t[1] == '\'')) return false;  // l'Anson
    for (char c : t)
        if (c >= '0' && c <= '9') return false;
    return !role_word(t);
}

// Splits at ", ", ";", " and " outside parentheses, and before "Councillor"/"Cllr"
// printed without a comma ("(Chairman) Councillor FM Norman").
std::vector<Piece> pieces_of(std::string_view text) {
    std::vector<Piece> out;
    std::string current, sep;
    int depth = 0;
    auto push = [&](std::string next_sep) {
        if (!trim(current).empty()) out.push_back({trim(current), sep});
        current.clear();
        sep = std::move(next_sep);
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '(') ++depth;
        if (c == ')' && depth > 0) --depth;
        if (depth == 0) {
            if (c == ',' || c == ';') {
                push(", ");
                continue;
            }
            if (c == ' ' && starts_with_ci(text.substr(i), " and ")) {
                push(" and ");
                i += 4;
                continue;
            }
            if (c == ' ' && i + 1 < text.size() && !trim(current).empty()) {
                const std::string_view rest = text.substr(i + 1);
                if ((starts_with_ci(rest, "councillor") || starts_with_ci(rest, "cllr ")) &&
                    !honorific_word(split_words(current).back())) {
                    push(" ");
                    continue;
                }
            }
        }
        current.push_back(c);
    }
    push("");
    return out;
}

// Role from a parenthesis or title: chair, vice-chair, observer...
std::string role_of(std::string_view note) {
    const std::string l = to_lower(note);
    if (l.find("vice") != std::string::npos && l.find("chair") != std::string::npos) return "vice-chairperson";
    if (l == "chair" || l == "chairperson" || l == "chairman" || l == "chairwoman" || l == "cathaoirleach" ||
        l == "in the chair" || l == "presiding")
        return "chairperson";
    if (l == "observer" || l == "observing") return "observer";
    return {};
}

// Is this piece the start of a new person?
bool starts_person(const std::string& piece, bool names_only) {
    std::string t;
    int depth = 0;  // parentheses are notes, not part of the name: "Jim Kenyon (non-voting member)"
    for (char c : piece) {
        if (c == '(')
            ++depth;
        else if (c == ')' && depth > 0)
            --depth;
        else if (depth == 0 && c != '*')
            t.push_back(c);
    }
    const auto words = split_words(strip(t));
    if (words.empty()) return false;
    if (honorific_word(words[0])) return true;
    const std::size_t n = name_tokens(words, 0);
    if (names_only) return n >= 1 && n == words.size();
    return n >= 2;
}

// "Director, Support Services (Mr. S. Coughlan), Meetings Administrator (Mr. J. Clune)":
// Irish minutes print the job title first and the name in brackets. Empty when the text
// is not such a list.
std::vector<Attendee> titles_then_names(const std::string& text) {
    std::vector<Attendee> out;
    std::size_t from = 0;
    while (from < text.size()) {
        const std::size_t open = text.find('(', from);
        if (open == std::string::npos) break;
        const std::size_t close = text.find(')', open);
        if (close == std::string::npos) break;
        const std::string inner = trim(text.substr(open + 1, close - open - 1));
        const auto words = split_words(inner);
        std::string hon;
        if (words.size() < 2 || !honorific_word(words[0], &hon)) return {};
        Attendee a;
        a.honorific = hon;
        for (std::size_t k = 1; k < words.size(); ++k) a.name += (a.name.empty() ? "" : " ") + words[k];
        a.name = strip(a.name);
        a.title = strip(text.substr(from, open - from));
        out.push_back(std::move(a));
        from = close + 1;
        while (from < text.size() && (text[from] == ',' || text[from] == ' ' || text[from] == ';' || text[from] == '.'))
            ++from;
        if (starts_with_ci(std::string_view(text).substr(from), "and ")) from += 4;
    }
    if (out.size() < 2 || trim(text.substr(std::min(from, text.size()))).size() > 3) return {};
    return out;
}

// "Officers: Democratic services manager, Service Director - Education, Skills and
// Learning, ..." lists job titles without names: one role-only officer per title. A piece
// starts a new title when its first word heads a job title.
std::vector<Attendee> titles_only(const std::string& text) {
    static const char* const heads[] = {"director",  "service",   "interim",   "head",       "democratic", "assistant",
                                        "deputy",    "chief",     "senior",    "principal",  "manager",    "clerk",
                                        "corporate", "strategic", "executive", "monitoring", "solicitor",  "lead",
                                        "cabinet",   "finance",   "programme", "project",    "team",       "committee"};
    std::vector<Attendee> out;
    for (const auto& piece : pieces_of(text)) {
        const auto words = split_words(piece.text);
        if (words.empty()) continue;
        const std::string first = to_lower(words[0]);
        bool head = false;
        for (const char* h : heads) head = head || first == h;
        if (head || out.empty()) {
            Attendee a;
            a.title = strip(piece.text);
            a.role = "officer";
            out.push_back(std::move(a));
        } else {
            out.back().title += (piece.separator.empty() ? ", " : piece.separator) + strip(piece.text);
        }
    }
    return out;
}

std::vector<Attendee> split_people(std::string_view text, bool names_only) {
    std::vector<Attendee> out;
    std::string list_honorific;
    for (auto& piece : pieces_of(text)) {
        std::string t = piece.text;
        // "Councillors: A, B" : the honorific applies to the whole list
        auto words = split_words(t);
        if (!words.empty()) {
            const std::string first = to_lower(words[0]);
            if (first == "councillors" || first == "councillors:" || first == "cllrs" || first == "cllrs:") {
                list_honorific = "Councillor";
                t = strip(t.substr(t.find(words[0]) + words[0].size()));
                piece.text = t;
                if (t.empty()) continue;
            }
        }
        // "Sir Paul Carter, CBE", "Mrs T Dean, MBE": an honour after a comma is not a person.
        if (!out.empty() && is_honour(t)) continue;
        bool new_person = starts_person(t, names_only) || (names_only && out.empty());
        if (new_person && !names_only && !out.empty() && out.back().title.empty() && organisation(t))
            new_person = false;
        if (new_person || out.empty()) {
            if (!new_person && !names_only) continue;  // a title with no person before it
            Attendee a = person_from(t, list_honorific);
            if (a.name.empty()) continue;
            out.push_back(std::move(a));
        } else {
            attach_title(out.back(), piece);
        }
    }
    return out;
}

}  // namespace quorum::corpus::structure
