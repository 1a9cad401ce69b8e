// Printed names -> person ids: the archive's people and each meeting's attendance, so
// "proposed by the chair and seconded by Cllr Andrews" names two people of that meeting.
#include <algorithm>

#include "decisions_internal.hpp"
#include "quorum/corpus/text.hpp"

namespace quorum::decisions::decisions_detail {
namespace {

bool is_title(std::string_view folded_word) {
    static const char* titles[] = {"councillor", "councillors", "cllr",  "cllr.", "mr",   "mr.", "mrs",  "mrs.",
                                   "ms",         "ms.",         "miss",  "dr",    "dr.",  "dci", "di",   "ds",
                                   "professor",  "prof",        "prof.", "sir",   "dame", "rev", "revd", "the"};
    for (const char* t : titles)
        if (folded_word == t) return true;
    return false;
}

std::string last_word(std::string_view s) {
    const auto sp = s.rfind(' ');
    return std::string(sp == std::string_view::npos ? s : s.substr(sp + 1));
}

// "Richard Watson" is a name, "Clerk to the committee" is not.
bool looks_like_name(std::string_view printed) {
    const std::string t = trim(printed);
    if (t.empty()) return false;
    int words = 0;
    std::size_t i = 0;
    while (i < t.size()) {
        const std::size_t end = std::min(t.find(' ', i), t.size());
        const std::string_view w(t.data() + i, end - i);
        if (w.empty() || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
        ++words;
        i = end + 1;
    }
    return words >= 2 && words <= 4;
}

}  // namespace

std::string strip_titles(std::string_view printed_name) {
    std::string t = trim(printed_name);
    if (const auto p = t.find('('); p != std::string::npos) t = trim(t.substr(0, p));
    while (!t.empty() && (t.back() == '*' || t.back() == ',')) t.pop_back();
    for (;;) {
        const auto sp = t.find(' ');
        if (sp == std::string::npos) break;
        if (!is_title(fold_key(t.substr(0, sp)))) break;
        t = trim(t.substr(sp + 1));
    }
    return t;
}

std::string person_slug(std::string_view printed_name) {
    std::string t = strip_titles(printed_name);
    // PDF text gives "l'Anson" for "I'Anson": a lower-case l before an apostrophe and a
    // capital at the start of a word is an I.
    for (std::size_t i = 0; i + 2 < t.size(); ++i) {
        if (t[i] == 'l' && (i == 0 || t[i - 1] == ' ') && t[i + 1] == '\'' &&
            std::isupper(static_cast<unsigned char>(t[i + 2])))
            t[i] = 'I';
    }
    return slug(t);
}

std::size_t PeopleIndex::add(const std::string& id, const std::string& name) {
    const std::string folded = fold_key(strip_titles(name));
    for (std::size_t i = 0; i < people_.size(); ++i)
        if (people_[i].id == id && people_[i].folded_name == folded) return i;
    people_.push_back({id, name, folded, last_word(folded)});
    return people_.size() - 1;
}

PeopleIndex::PeopleIndex(const Archive& archive) {
    for (const auto& p : archive.people) {
        add(p.id, p.name);
        for (const auto& v : p.variants) add(p.id, v);
    }
    for (const auto& m : archive.meetings) {
        auto& here = by_meeting_[m.id];
        auto take = [&](const std::vector<Attendee>& list, bool members) {
            for (const auto& a : list) {
                if (a.name.empty()) continue;
                const std::string id = a.person_id.empty() ? person_slug(a.name) : a.person_id;
                here.push_back(add(id, a.name));
                if (!members) continue;
                const std::string role = fold_key(a.role);
                if (contains(role, "vice")) {
                    vice_of_.emplace(m.id, id);
                } else if (contains(role, "chair")) {
                    chair_of_.emplace(m.id, id);
                }
            }
        };
        take(m.attendance.present, true);
        take(m.attendance.in_attendance, false);
        take(m.attendance.officers, false);
        take(m.attendance.substitutes, false);
        add_voters(m);
    }
}

std::string PeopleIndex::resolve(std::string_view printed, std::string_view meeting_id) const {
    std::string f = fold_key(trim(printed));
    while (!f.empty() && (f.back() == '.' || f.back() == ',')) f.pop_back();
    const std::string meeting(meeting_id);
    auto role_of = [&](const std::map<std::string, std::string>& table) {
        const auto it = table.find(meeting);
        return it == table.end() ? std::string() : it->second;
    };
    for (std::string_view chair : {"the chair", "chair", "the chairperson", "chairperson", "the chairman", "chairman",
                                   "the chairwoman", "the chair of the committee"})
        if (f == chair) return role_of(chair_of_);
    for (std::string_view vice : {"the vice-chair", "the vice chair", "vice-chair", "the vice-chairperson",
                                  "the vice-chairman", "vice-chairperson", "the vice chairperson"})
        if (f == vice) return role_of(vice_of_);

    const std::string name = strip_titles(printed);
    const std::string fn = fold_key(name);
    if (fn.empty()) return {};
    std::vector<std::size_t> local;
    if (const auto it = by_meeting_.find(meeting); it != by_meeting_.end()) local = it->second;
    auto unique_match = [&](const std::vector<std::size_t>& pool, auto&& pred) -> std::string {
        std::string found;
        for (const std::size_t i : pool) {
            if (!pred(people_[i])) continue;
            if (!found.empty() && found != people_[i].id) return "?";  // ambiguous
            found = people_[i].id;
        }
        return found;
    };
    std::vector<std::size_t> all(people_.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    const bool single = fn.find(' ') == std::string::npos;
    for (const auto* pool : {&local, &all}) {
        std::string id = unique_match(*pool, [&](const Known& k) { return k.folded_name == fn; });
        if (id.empty() && single) id = unique_match(*pool, [&](const Known& k) { return k.surname == fn; });
        if (id == "?") return {};
        if (!id.empty()) return id;
    }
    return looks_like_name(name) ? person_slug(name) : std::string();
}

std::string PeopleIndex::display_name(const std::string& id) const {
    for (const auto& k : people_)
        if (k.id == id) return k.name;
    return {};
}

}  // namespace quorum::decisions::decisions_detail
