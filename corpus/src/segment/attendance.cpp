// Attendance: who was present, in attendance, an officer, apologised or substituted.
// Lists are printed one person per line ("Name, Job title"), run on with commas
// ("Chris Baird, Director Children and Families (DCF), John Coleman, Head of ..."), or
// as "Councillors: A, B and C*". A piece of a list is a name when it carries a title
// ("Councillor", "Mr") or reads like one (capitalised words that are not role words);
// other pieces are the job title of the person before them.
#include <algorithm>
#include <array>

#include "units/people.hpp"
#include "quorum/corpus/text.hpp"
#include "segment/structure.hpp"
#include "quorum/text/ascii.hpp"

namespace quorum::corpus::structure {
namespace {

using text::is_upper;

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

bool honorific_word(std::string_view word, std::string* canonical = nullptr) {
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

// Leading name tokens of a piece (after an honorific).
std::size_t name_tokens(const std::vector<std::string>& words, std::size_t from) {
    std::size_t n = 0;
    while (from + n < words.size() && n < 5 && name_token(words[from + n])) ++n;
    return n;
}

struct Piece {
    std::string text;
    std::string separator;  // what preceded it in the list: ", " or " and "
};

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

enum class Block { none, present, chair, in_attendance, officers, apologies, ignore };

// Label at the start of a line and the text after it.
Block label_of(const std::string& p, std::string& rest) {
    static const std::array<std::pair<const char*, Block>, 22> labels = {{
        {"committee members", Block::present},
        {"members present", Block::present},
        {"councillors present", Block::present},
        {"present in the chair", Block::chair},
        {"in the chair", Block::chair},
        {"present", Block::present},
        {"members", Block::present},
        {"also in attendance", Block::in_attendance},
        {"also, in attendance", Block::in_attendance},
        {"also present", Block::in_attendance},
        {"in attendance", Block::in_attendance},
        {"officials in attendance", Block::officers},
        {"officers in attendance", Block::officers},
        {"officers present", Block::officers},
        {"officers", Block::officers},
        {"officials", Block::officers},
        {"apologies for absence", Block::apologies},
        {"apologies", Block::apologies},
        {"unrestricted items", Block::ignore},
        {"exempt items", Block::ignore},
        {"public", Block::ignore},
        {"press", Block::ignore},
    }};
    const std::string l = to_lower(p);
    for (const auto& [label, block] : labels) {
        const std::size_t n = std::string_view(label).size();
        if (l.rfind(label, 0) != 0) continue;
        std::string_view r = std::string_view(p).substr(n);
        while (!r.empty() && r.front() == ' ') r.remove_prefix(1);
        const bool colon = !r.empty() && r.front() == ':';
        if (colon) r.remove_prefix(1);
        // "In attendance Councillor X" has no colon; "Present" alone ends the line
        if (!colon && !r.empty() && !(block == Block::in_attendance || block == Block::officers)) continue;
        if (!colon && !r.empty() && !honorific_word(split_words(r)[0]) && !name_token(split_words(r)[0])) continue;
        rest = trim(r);
        return block;
    }
    return Block::none;
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

// People of one block: run-on lists are split by commas; one-per-line lists are first
// joined where the PDF wrapped a line ("Matthew Sampson, Interim ... Quality and" / "Improvement").
std::vector<Attendee> read_block(const std::vector<std::string>& lines, Block block) {
    std::vector<Attendee> out;
    const bool members = block == Block::present || block == Block::chair;
    if (members) {
        std::string joined;
        for (const auto& l : lines) joined += (joined.empty() ? "" : " ") + l;
        out = split_people(joined, true);
    } else {
        std::vector<std::string> entries;
        {
            std::string all;
            for (const auto& l : lines) all += (all.empty() ? "" : " ") + l;
            if (titles_then_names(all).size() >= 2) {
                out = titles_then_names(all);
                for (auto& a : out)
                    if (a.role.empty()) a.role = block == Block::officers ? "officer" : "";
                return out;
            }
        }
        for (const auto& l : lines) {
            if (!entries.empty() && !starts_person(pieces_of(l).empty() ? l : pieces_of(l).front().text, false))
                entries.back() += " " + l;
            else
                entries.push_back(l);
        }
        for (const auto& e : entries) {
            auto people = titles_then_names(e);
            if (people.empty()) people = split_people(e, false);
            // titles only, when nothing in the entry names anyone ("(Mr. C. Murray" wrapped is not that)
            if (people.empty() && block == Block::officers && e.find('(') == std::string::npos &&
                e.find(')') == std::string::npos) {
                bool named = false;
                for (const auto& w : split_words(e)) named = named || honorific_word(w);
                if (!named) people = titles_only(e);
            }
            out.insert(out.end(), people.begin(), people.end());
        }
    }
    for (auto& a : out) {
        if (members) {
            if (block == Block::chair && a.role.empty()) a.role = "chairperson";
            if (a.role.empty()) {
                const std::string r = role_of(a.title);
                a.role = r.empty() ? "member" : r;
                if (!r.empty()) a.title.clear();
            }
        } else if (block == Block::officers) {
            if (a.role.empty()) a.role = "officer";
        } else if (block == Block::in_attendance) {
            if (a.role.empty()) {
                const std::string l = to_lower(a.title);
                if (l.find("cabinet member") != std::string::npos)
                    a.role = "cabinet member";
                else if (a.honorific == "Councillor")
                    a.role = "councillor";
                else
                    a.role = a.title.empty() ? "guest" : "officer";
            }
        }
    }
    return out;
}

std::string sentence_after(const std::string& text, std::size_t from) {
    // up to ". " followed by a capital, or the end
    std::size_t i = from;
    while (i < text.size()) {
        if (text[i] == '.' &&
            (i + 1 == text.size() || (i + 2 < text.size() && text[i + 1] == ' ' && is_upper(text[i + 2])))) {
            // not an initial ("J. Sheahan", "Mr.")
            const std::size_t ws = text.rfind(' ', i);
            const std::size_t word_len = ws == std::string::npos ? i : i - ws - 1;
            if (word_len > 2) break;
        }
        ++i;
    }
    return text.substr(from, i - from);
}

// Body text on one line. A line that ends without punctuation or a joining word,
// followed by a capital, ends a sentence that lost its full stop.
std::string joined_text(const Lines& body) {
    std::string t;
    for (const auto& l : body) {
        const std::string p = plain(l.text);
        if (p.empty()) continue;
        if (!t.empty()) {
            const char last = t.back();
            const auto words = split_words(t);
            const std::string lw = to_lower(words.back());
            const bool joins = last == ',' || last == ';' || last == '-' || last == '(' || lw == "and" ||
                               lw == "from" || lw == "of" || lw == "the" || lw == "for";
            t += (!joins && last != '.' && is_upper(p.front())) ? ". " : " ";
        }
        t += p;
    }
    return t;
}

std::string surname_key(const std::string& name) {
    const auto w = split_words(name);
    if (w.empty()) return {};
    std::string s = to_lower(w.back());
    if (s.size() > 2 && s[0] == 'l' && s[1] == '\'') s[0] = 'i';  // PDF: l'Anson = I'Anson
    return s;
}

Attendee* find_person(Attendance& att, const Attendee& who) {
    const std::string key = surname_key(who.name);
    if (key.empty()) return nullptr;
    for (auto* list : {&att.present, &att.in_attendance, &att.officers})
        for (auto& a : *list)
            if (surname_key(a.name) == key) {
                const auto w1 = split_words(who.name), w2 = split_words(a.name);
                if (w1.size() >= 2 && w2.size() >= 2 && to_lower(w1.front()) != to_lower(w2.front())) continue;
                return &a;
            }
    return nullptr;
}

}  // namespace

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

Attendance read_attendance(const Lines& lines, std::size_t begin, std::size_t end) {
    Attendance att;
    Block block = Block::none;
    std::vector<std::string> block_lines;
    auto flush = [&] {
        if (block != Block::none && block != Block::ignore && !block_lines.empty()) {
            auto people = read_block(block_lines, block);
            auto& target = block == Block::present || block == Block::chair ? att.present
                           : block == Block::in_attendance                  ? att.in_attendance
                           : block == Block::officers                       ? att.officers
                                                                            : att.apologies;
            target.insert(target.end(), people.begin(), people.end());
        }
        block_lines.clear();
    };
    for (std::size_t i = begin; i < end; ++i) {
        std::string p = plain(lines[i].text);
        if (p.empty()) continue;
        const std::string l = to_lower(p);
        if (l.find("denotes") != std::string::npos || l.rfind("* ", 0) == 0) continue;  // "*Denotes virtual attendance"
        // "Committee" / "Members:" split over two lines by the PDF
        if (l == "committee" && i + 1 < end && starts_with_ci(plain(lines[i + 1].text), "members")) {
            flush();
            block = Block::present;
            ++i;
            const std::string next = plain(lines[i].text);
            const std::size_t colon = next.find(':');
            const std::string rest = colon == std::string::npos ? "" : trim(next.substr(colon + 1));
            if (!rest.empty()) block_lines.push_back(rest);
            continue;
        }
        std::string rest;
        const Block b = label_of(p, rest);
        if (b != Block::none) {
            flush();
            block = b;
            if (!rest.empty()) block_lines.push_back(rest);
            continue;
        }
        if (block != Block::none) block_lines.push_back(p);
    }
    flush();
    // Parish minutes list members under "In attendance": the chair shows who they are.
    if (att.present.empty()) {
        const bool chaired = std::any_of(att.in_attendance.begin(), att.in_attendance.end(),
                                         [](const Attendee& a) { return a.role == "chairperson"; });
        if (chaired) {
            std::vector<Attendee> rest;
            for (auto& a : att.in_attendance) {
                if (a.honorific == "Councillor" || a.role == "chairperson" || a.role == "vice-chairperson") {
                    if (a.role.empty() || a.role == "councillor") a.role = "member";
                    att.present.push_back(a);
                } else {
                    rest.push_back(a);
                }
            }
            att.in_attendance = std::move(rest);
        }
    }
    // Chair and vice first.
    std::stable_sort(att.present.begin(), att.present.end(), [](const Attendee& a, const Attendee& b) {
        auto rank = [](const Attendee& x) {
            return x.role == "chairperson" ? 0 : x.role == "vice-chairperson" ? 1 : 2;
        };
        return rank(a) < rank(b);
    });
    return att;
}

void read_apologies(const Lines& body, Attendance& att) {
    const std::string text = joined_text(body);
    const std::string lc = to_lower(text);
    // "Apologies were received from ...", "Apologies for absence were received from ..."
    std::size_t at = lc.find("apolog");
    if (at != std::string::npos) {
        const std::size_t from = lc.find(" from ", at);
        if (from != std::string::npos && from < at + 80) {
            const std::string list = strip(sentence_after(text, from + 6));
            for (auto& a : split_people(list, false)) {
                // a reason in brackets: "(personal)", "(work commitments)"
                if (a.role.empty()) {
                    const std::string t = to_lower(a.title);
                    if (a.honorific == "Councillor")
                        a.role = "member";
                    else if (t.find("co-opt") != std::string::npos || t.find("cooptee") != std::string::npos)
                        a.role = "co-optee";
                    else
                        a.role = a.title;
                }
                att.apologies.push_back(std::move(a));
            }
        }
    }
    // "Councillor Toni Fagan attended the meeting remotely"
    for (const char* marker : {"attended the meeting remotely", "attended remotely", "joined the meeting remotely",
                               "attended the meeting virtually", "attended virtually"}) {
        std::size_t pos = 0;
        while ((pos = lc.find(marker, pos)) != std::string::npos) {
            std::size_t start = lc.rfind(". ", pos);
            start = start == std::string::npos ? 0 : start + 2;
            const std::string subject = strip(text.substr(start, pos - start));
            for (const auto& who : split_people(subject, true))
                if (Attendee* a = find_person(att, who)) a->remote = true;
            pos += std::string_view(marker).size();
        }
    }
}

void read_substitutes(const Lines& body, Attendance& att) {
    static const std::array<const char*, 9> markers = {"acted as a substitute for",
                                                       "acted as substitute for",
                                                       "attended as a substitute for",
                                                       "attended as substitute for",
                                                       "was a substitute for",
                                                       "as a substitute for",
                                                       "substituted for",
                                                       "substituting for",
                                                       "standing in for"};
    for (const auto& line : body) {
        const std::string text = plain(line.text);
        const std::string lc = to_lower(text);
        for (const char* m : markers) {
            const std::size_t at = lc.find(m);
            if (at == std::string::npos) continue;
            std::string subject = strip(text.substr(0, at));
            // "Andrew Teale – Standing in for": drop the dash
            for (const char* dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
                const std::string d(dash);
                if (subject.size() >= d.size() && subject.compare(subject.size() - d.size(), d.size(), d) == 0)
                    subject = strip(subject.substr(0, subject.size() - d.size()));
            }
            const std::string object = strip(sentence_after(text, at + std::string_view(m).size()));
            auto people = split_people(subject, true);
            if (people.empty()) break;
            Attendee a = people.front();
            if (const Attendee* known = find_person(att, a)) {
                a.name = known->name;
                if (a.honorific.empty()) a.honorific = known->honorific;
            }
            a.role = "substitute";
            a.note = "substitute for " + object;
            att.substitutes.push_back(std::move(a));
            break;
        }
    }
}

}  // namespace quorum::corpus::structure
