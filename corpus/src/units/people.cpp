// People: printed names -> stable ids, attendance lines -> Attendee, and mentions in
// minutes linked to the meeting's attendees. Linking is conservative: a mention links
// only when exactly one attendee fits (one surname, one job title), so a wrong link is
// rarer than a missed one.
#include "units/people.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "quorum/corpus/text.hpp"
#include "quorum/text/ascii.hpp"

namespace quorum::corpus {
namespace {

struct Honorific {
    std::string_view word;  // lower case
    std::string_view canonical;
    bool exact_case;  // "DI", "PC" only in capitals ("Di" is a first name)
};

constexpr std::array<Honorific, 22> kHonorifics = {{
    {"councillors", "Councillor", false},
    {"councillor", "Councillor", false},
    {"cllrs", "Councillor", false},
    {"cllr", "Councillor", false},
    {"mr", "Mr", false},
    {"mrs", "Mrs", false},
    {"ms", "Ms", false},
    {"miss", "Miss", false},
    {"dr", "Dr", false},
    {"dci", "DCI", true},
    {"di", "DI", true},
    {"dc", "DC", true},
    {"ds", "DS", true},
    {"pc", "PC", true},
    {"supt", "Supt", false},
    {"professor", "Professor", false},
    {"prof", "Professor", false},
    {"rev", "Rev", false},
    {"reverend", "Rev", false},
    {"sir", "Sir", false},
    {"dame", "Dame", false},
    {"alderman", "Alderman", false},
}};

using text::is_space;
using text::to_lower;

// The honorific a word is, or nullptr. Trailing '.' and ':' are ignored ("Cllr.", "Councillors:").
const Honorific* honorific_of(std::string_view word) {
    while (!word.empty() && (word.back() == '.' || word.back() == ':' || word.back() == ',')) word.remove_suffix(1);
    const std::string l = to_lower(word);
    for (const Honorific& h : kHonorifics) {
        if (l != h.word) continue;
        if (h.exact_case) {
            std::string upper(h.word);
            for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            if (word != upper) continue;
        }
        return &h;
    }
    return nullptr;
}

// PDF text confuses a capital I with a lower-case l before an apostrophe: "l'Anson" is "I'Anson".
std::string fix_pdf_l(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i + 2 < out.size(); ++i) {
        const bool word_start = i == 0 || is_space(out[i - 1]) || out[i - 1] == '(';
        if (!word_start || out[i] != 'l') continue;
        std::size_t next = 0;
        if (out[i + 1] == '\'') {
            next = i + 2;
        } else if (out.compare(i + 1, 3, "\xE2\x80\x99") == 0) {
            next = i + 4;
        }
        if (next != 0 && next < out.size() && std::isupper(static_cast<unsigned char>(out[next])) != 0) out[i] = 'I';
    }
    return out;
}

std::string strip_stars(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c != '*') out.push_back(c);
    }
    return out;
}

// Words of a text for matching: folded, split at spaces and punctuation; apostrophes and
// '&' stay inside words ("i'anson", "ads&fs"); a possessive "'s" is dropped.
std::vector<std::pair<std::size_t, std::string>> match_words(std::string_view text) {
    const std::string folded = fold_key(fix_pdf_l(text));
    std::vector<std::pair<std::size_t, std::string>> words;
    std::string cur;
    std::size_t start = 0;
    const auto flush = [&] {
        while (!cur.empty() && cur.back() == '\'') cur.pop_back();
        if (cur.size() > 2 && cur.compare(cur.size() - 2, 2, "'s") == 0) cur.resize(cur.size() - 2);
        if (!cur.empty()) words.emplace_back(start, std::move(cur));
        cur.clear();
    };
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const auto c = static_cast<unsigned char>(folded[i]);
        if (std::isalnum(c) != 0 || c >= 0x80 || ((c == '\'' || c == '&') && !cur.empty())) {
            if (cur.empty()) start = i;
            cur.push_back(static_cast<char>(c));
        } else {
            flush();
        }
    }
    flush();
    return words;
}

bool small_word(std::string_view w) {
    return w == "the" || w == "for" || w == "of" || w == "and" || w == "&" || w == "to" || w == "in" || w == "on";
}

std::vector<std::string> title_key(std::string_view title) {
    std::vector<std::string> out;
    // Parentheses hold acronyms and notes ("(Clerk)", "(DCF)"), not the title.
    std::string plain;
    int depth = 0;
    for (const char c : title) {
        if (c == '(') ++depth;
        if (depth == 0) plain.push_back(c);
        if (c == ')' && depth > 0) --depth;
    }
    for (auto& [pos, w] : match_words(plain)) {
        if (!small_word(w)) out.push_back(std::move(w));
    }
    return out;
}

bool is_acronym(std::string_view s) {
    if (s.size() < 2 || s.size() > 10) return false;
    int upper = 0;
    for (const char c : s) {
        if (std::isupper(static_cast<unsigned char>(c)) != 0) {
            ++upper;
        } else if (c != '&' && std::islower(static_cast<unsigned char>(c)) == 0) {
            return false;
        }
    }
    return upper >= 2;
}

std::string role_from_words(const std::string& f) {
    if (f.find("vice") != std::string::npos && f.find("chair") != std::string::npos) return "vice-chairperson";
    if (f == "chair" || f == "chairman" || f == "chairperson" || f == "chairwoman" || f == "chair person") {
        return "chairperson";
    }
    if (f.find("co-opt") != std::string::npos || f.find("cooptee") != std::string::npos ||
        f.find("co opt") != std::string::npos) {
        return "co-optee";
    }
    if (f.rfind("cabinet member", 0) == 0) return "cabinet member";
    if (f == "observer" || f.rfind("observing", 0) == 0) return "observer";
    return {};
}

// First-name compatibility: "Jon" ~ "Jonathan", "CA" (initials) ~ "Carole", empty ~ anything.
bool first_names_fit(std::string_view a, std::string_view b) {
    if (a.empty() || b.empty()) return true;
    if (a.rfind(b, 0) == 0 || b.rfind(a, 0) == 0) return true;
    return false;
}

}  // namespace

std::string person_id(std::string_view printed_name) {
    std::string s = strip_stars(printed_name);
    for (const std::string_view cut :
         {std::string_view("("), std::string_view(","), std::string_view(" - "), std::string_view(" \xE2\x80\x93 ")}) {
        const std::size_t at = s.find(cut);
        if (at != std::string::npos && at > 0) s.resize(at);
    }
    std::string_view rest = s;
    for (;;) {
        while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
        const std::size_t end = rest.find(' ');
        if (end == std::string_view::npos || honorific_of(rest.substr(0, end)) == nullptr) break;
        rest.remove_prefix(end);
    }
    return slug(fix_pdf_l(rest));
}

Attendee parse_attendee(std::string_view text) {
    Attendee a;
    a.remote = text.find('*') != std::string_view::npos;
    std::string t = trim(strip_stars(text));
    while (!t.empty() && (t.back() == ',' || t.back() == ';' || t.back() == '.')) t.pop_back();
    // A trailing "(...)": a role ("Chairperson"), a note ("non-voting member") or a title.
    std::string paren;
    if (!t.empty() && t.back() == ')') {
        const std::size_t open = t.rfind('(');
        if (open != std::string::npos && open > 0) {
            paren = trim(std::string_view(t).substr(open + 1, t.size() - open - 2));
            t = trim(std::string_view(t).substr(0, open));
        }
    }
    // Honorifics in front.
    std::string_view rest = t;
    for (;;) {
        const std::size_t end = rest.find(' ');
        if (end == std::string_view::npos) break;
        const Honorific* h = honorific_of(rest.substr(0, end));
        if (h == nullptr) break;
        if (a.honorific.empty()) a.honorific = std::string(h->canonical);
        rest.remove_prefix(end);
        while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    }
    // Name, then the title after ", " or " - ".
    std::string title;
    std::size_t cut = std::string_view::npos;
    std::size_t skip = 0;
    for (const std::string_view sep : {std::string_view(", "), std::string_view(" - "),
                                       std::string_view(" \xE2\x80\x93 "), std::string_view(" \xE2\x80\x94 ")}) {
        const std::size_t at = rest.find(sep);
        if (at != std::string_view::npos && at < cut) {
            cut = at;
            skip = sep.size();
        }
    }
    if (cut != std::string_view::npos) {
        title = trim(rest.substr(cut + skip));
        rest = rest.substr(0, cut);
    }
    a.name = collapse_spaces(trim(rest));

    if (!paren.empty()) {
        const std::string f = fold_key(paren);
        const std::string role = role_from_words(f);
        if (f.find("non-voting") != std::string::npos || f.find("non voting") != std::string::npos) {
            a.note = paren;
            a.role = "member";
        } else if (f.rfind("substitute", 0) == 0 || f.rfind("standing in", 0) == 0) {
            a.note = paren;
        } else if (!role.empty()) {
            a.role = role;
            if (role == "cabinet member" || role == "co-optee") {
                if (title.empty()) title = paren;
            } else if (role == "observer" && f != "observer") {
                a.note = paren;
            }
        } else if (is_acronym(paren) && !title.empty()) {
            title += " (" + paren + ")";
        } else if (title.empty()) {
            title = paren;
        } else {
            a.note = paren;
        }
    }
    if (!title.empty()) {
        const std::string f = fold_key(title);
        if (f.rfind("standing in for", 0) == 0 || f.rfind("substitute for", 0) == 0 ||
            f.rfind("substituting for", 0) == 0) {
            const std::size_t for_at = f.find("for ");
            a.note = "substitute for " + trim(std::string_view(title).substr(for_at + 4));
            a.role = "substitute";
            title.clear();
        } else if (a.role.empty()) {
            a.role = role_from_words(f);
            if (a.role.empty()) a.role = a.honorific == "Councillor" ? "member" : "officer";
        }
    }
    a.title = title;
    if (a.role.empty() && a.honorific == "Councillor") a.role = "member";
    a.person_id = person_id(a.name);
    return a;
}

PeopleLinker::PeopleLinker(const Attendance& attendance) {
    for (const Attendee& x : attendance.present) add(x, "present");
    for (const Attendee& x : attendance.in_attendance) add(x, "in_attendance");
    for (const Attendee& x : attendance.officers) add(x, "officers");
    for (const Attendee& x : attendance.substitutes) add(x, "substitutes");
    for (const Attendee& x : attendance.apologies) add(x, "apologies");
}

void PeopleLinker::add(const Attendee& attendee, const char* list) {
    const std::string id = attendee.person_id.empty() ? person_id(attendee.name) : attendee.person_id;
    if (id.empty()) return;
    auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.id == id; });
    if (it == entries_.end()) {
        Entry e;
        e.id = id;
        e.name = attendee.name;
        const auto words = match_words(attendee.name);
        if (!words.empty()) {
            e.surname = words.back().second;
            if (words.size() > 1) e.first = words.front().second;
        }
        entries_.push_back(std::move(e));
        it = entries_.end() - 1;
    } else if (attendee.name != it->name &&
               std::find(it->variants.begin(), it->variants.end(), attendee.name) == it->variants.end()) {
        it->variants.push_back(attendee.name);
    }
    Entry& e = *it;
    const std::string_view l = list;
    std::string kind;
    if (attendee.role == "co-optee") {
        kind = "co-optee";
    } else if (attendee.honorific == "Councillor") {
        kind = "councillor";
    } else if (l == "officers" || attendee.role == "officer") {
        kind = "officer";
    } else {
        kind = "other";
    }
    if (e.kind.empty() || e.kind == "other") e.kind = kind;
    if (e.title_words.empty() && !attendee.title.empty()) {
        e.title_words = title_key(attendee.title);
        // Acronyms of the title: "Director Children and Families (DCF)".
        std::size_t open = attendee.title.find('(');
        while (open != std::string::npos) {
            const std::size_t close = attendee.title.find(')', open);
            if (close == std::string::npos) break;
            const std::string inner = attendee.title.substr(open + 1, close - open - 1);
            if (is_acronym(inner)) e.acronyms.push_back(fold_key(inner));
            open = attendee.title.find('(', close);
        }
    }
    e.attendees.push_back(attendee);
}

void PeopleLinker::link_names(std::string_view text, Hits& out) const {
    // Walk the printed words: an honorific followed by capitalised words names a person.
    struct Word {
        std::size_t pos;
        std::string raw;
    };
    std::vector<Word> words;
    {
        std::size_t i = 0;
        while (i < text.size()) {
            while (i < text.size() && (is_space(text[i]) || text[i] == '(' || text[i] == '"')) ++i;
            const std::size_t start = i;
            while (i < text.size() && !is_space(text[i])) ++i;
            if (i > start) words.push_back({start, std::string(text.substr(start, i - start))});
        }
    }
    const auto clean = [](std::string w) {
        while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back())) != 0 && w.back() != '\'') w.pop_back();
        return w;
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (honorific_of(words[i].raw) == nullptr) continue;
        std::vector<std::string> names;
        for (std::size_t k = i + 1; k < words.size() && names.size() < 3; ++k) {
            const std::string w = clean(words[k].raw);
            if (w.empty() || std::isupper(static_cast<unsigned char>(w.front())) == 0) break;
            if (honorific_of(w) != nullptr) break;
            const auto folded = match_words(w);
            if (folded.empty()) break;
            names.push_back(folded.front().second);
            // Punctuation after a word ends the name ("Cllr Andrews. The ...").
            if (clean(words[k].raw) != words[k].raw) break;
        }
        for (std::size_t k = names.size(); k >= 1; --k) {
            std::vector<const Entry*> candidates;
            for (const Entry& e : entries_) {
                if (e.surname != names[k - 1]) continue;
                if (k >= 2 && !first_names_fit(e.first, names[0])) continue;
                candidates.push_back(&e);
            }
            if (candidates.empty()) continue;
            if (candidates.size() == 1) out.emplace_back(words[i].pos, candidates.front()->id);
            break;
        }
    }
    // Full names without a title: "Sally Halls explained ...".
    const std::string folded_text = " " + fold_key(fix_pdf_l(text)) + " ";
    for (const Entry& e : entries_) {
        if (e.first.empty() || e.first.size() < 2) continue;
        const std::string needle = fold_key(fix_pdf_l(e.name));
        std::size_t at = folded_text.find(needle);
        while (at != std::string::npos) {
            const bool left = at == 0 || std::isalnum(static_cast<unsigned char>(folded_text[at - 1])) == 0;
            const std::size_t end = at + needle.size();
            const bool right =
                end >= folded_text.size() || std::isalnum(static_cast<unsigned char>(folded_text[end])) == 0;
            if (left && right) {
                out.emplace_back(at, e.id);  // folded positions: close enough for ordering
                break;
            }
            at = folded_text.find(needle, at + 1);
        }
    }
}

void PeopleLinker::link_titles(std::string_view text, Hits& out) const {
    const auto words = match_words(text);
    for (std::size_t i = 1; i < words.size(); ++i) {
        if (words[i - 1].second != "the") continue;
        // "the DCF": an acronym of one title.
        std::vector<const Entry*> found;
        for (const Entry& e : entries_) {
            if (std::find(e.acronyms.begin(), e.acronyms.end(), words[i].second) != e.acronyms.end())
                found.push_back(&e);
        }
        // "the Director for Children and Families": the whole title, small words skipped.
        if (found.empty()) {
            for (const Entry& e : entries_) {
                if (e.title_words.size() < 2) continue;
                std::size_t k = i;
                std::size_t t = 0;
                while (k < words.size() && t < e.title_words.size()) {
                    if (small_word(words[k].second)) {
                        ++k;
                        continue;
                    }
                    if (words[k].second != e.title_words[t]) break;
                    ++k;
                    ++t;
                }
                if (t == e.title_words.size()) found.push_back(&e);
            }
        }
        // "the Chairperson" / "the Chair" (not "the Chair of the Board").
        if (found.empty()) {
            const std::string& w = words[i].second;
            const bool of_follows = i + 1 < words.size() && words[i + 1].second == "of";
            std::string role;
            if ((w == "chair" || w == "chairperson" || w == "chairman" || w == "chairwoman") && !of_follows) {
                role = "chairperson";
            } else if (w == "vice" && i + 1 < words.size() && words[i + 1].second.rfind("chair", 0) == 0) {
                role = "vice-chairperson";
            }
            if (!role.empty()) {
                for (const Entry& e : entries_) {
                    for (const Attendee& a : e.attendees) {
                        if (a.role == role) {
                            found.push_back(&e);
                            break;
                        }
                    }
                }
            }
        }
        if (found.size() == 1) out.emplace_back(words[i].first, found.front()->id);
    }
}

std::vector<std::string> PeopleLinker::mentions(std::string_view text) const {
    if (entries_.empty() || text.empty()) return {};
    Hits hits;
    link_names(text, hits);
    link_titles(text, hits);
    std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (auto& [pos, id] : hits) {
        if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(std::move(id));
    }
    return out;
}

std::vector<Person> PeopleLinker::people(const Meeting& meeting) const {
    std::vector<Person> out;
    for (const Entry& e : entries_) {
        Person p;
        p.id = e.id;
        p.name = e.name;
        p.variants = e.variants;
        p.kind = e.kind.empty() ? "other" : e.kind;
        for (const Attendee& a : e.attendees) {
            PersonRole r;
            r.role = a.role == "officer" && !a.title.empty() ? a.title : (a.role.empty() ? a.title : a.role);
            r.meeting_id = meeting.id;
            r.date = meeting.date;
            r.committee_id = meeting.committee ? meeting.committee->id : std::string();
            if (r.role.empty()) continue;
            const bool dup =
                std::any_of(p.roles.begin(), p.roles.end(), [&](const PersonRole& x) { return x.role == r.role; });
            if (!dup) p.roles.push_back(std::move(r));
        }
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace quorum::corpus
