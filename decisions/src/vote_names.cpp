// Linking the names of a vote list to the meeting's members. Vote lists print surnames
// ("Mr Cole", "Ms Meade", "Collins (J)"), so a name is matched on its surname among the
// members and substitutes present, narrowed by the initials or first names it prints and by
// its honorific: Kent's council has Mr P Cole and Mrs P T Cole, Mr J Meade and Ms J Meade.
// A name that fits no one, or more than one person, is kept unlinked: a wrong link would put
// a vote on someone's record that they never cast.
#include <algorithm>

#include "decisions_internal.hpp"
#include "quorum/corpus/text.hpp"

namespace quorum::decisions::decisions_detail {
namespace {

char gender_of(std::string_view folded_honorific) {
    if (folded_honorific == "mr" || folded_honorific == "sir" || folded_honorific == "lord") return 'm';
    if (folded_honorific == "mrs" || folded_honorific == "ms" || folded_honorific == "miss" ||
        folded_honorific == "dame" || folded_honorific == "lady")
        return 'f';
    return 0;
}

struct PrintedName {
    char gender = 0;
    std::vector<std::string> given;  // folded; initials as one letter each
    std::string surname;
};

// "Sir Paul Carter, CBE" -> {m, [paul], carter}; "Collins (J)" -> {0, [j], collins};
// "Mr B Lewis" -> {m, [b], lewis}; "Mr P V Barrington- King" (a PDF line break) and
// "Mr Barrington-King" -> surname "barringtonking".
PrintedName parse(std::string_view printed) {
    PrintedName n;
    std::string t(printed);
    std::vector<std::string> bracketed;
    if (const auto open = t.find('('); open != std::string::npos) {
        const auto close = t.find(')', open);
        bracketed = text::fold_words(t.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1));
        t.erase(open);
    }
    for (std::size_t at; (at = t.find("- ")) != std::string::npos;) t.erase(at + 1, 1);
    std::vector<std::string> w;
    std::size_t start = 0;
    while (start < t.size()) {
        std::size_t end = t.find_first_of(" ,", start);
        if (end == std::string::npos) end = t.size();
        std::string word;
        for (const std::string& part : text::fold_words(t.substr(start, end - start))) word += part;
        if (!word.empty()) w.push_back(std::move(word));
        start = end + 1;
    }
    while (!w.empty() && is_honour(w.back())) w.pop_back();
    std::size_t i = 0;
    for (; i < w.size() && is_personal_title(w[i]); ++i)
        if (!n.gender) n.gender = gender_of(w[i]);
    if (i >= w.size()) return n;
    n.surname = w.back();
    for (std::size_t k = i; k + 1 < w.size(); ++k) n.given.push_back(w[k]);
    for (auto& b : bracketed) n.given.push_back(b);
    return n;
}

// "b" fits "bernard" and "b h"; "paul" fits "p"; nothing printed fits anyone.
bool given_fit(const std::vector<std::string>& printed, const std::vector<std::string>& known) {
    if (printed.empty() || known.empty()) return true;
    const std::string& a = printed.front();
    const std::string& b = known.front();
    return a.starts_with(b) || b.starts_with(a);
}

}  // namespace

bool is_personal_title(std::string_view word) {
    std::string f = fold_key(word);
    while (!f.empty() && f.back() == '.') f.pop_back();
    for (std::string_view t : {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "cllr", "councillor",
                               "councillors", "cmhlr", "alderman", "professor", "prof", "rev", "revd"})
        if (f == t) return true;
    return false;
}

void PeopleIndex::add_voters(const Meeting& m) {
    auto& here = voters_[m.id];
    for (const auto* list : {&m.attendance.present, &m.attendance.substitutes})
        for (const Attendee& a : *list) {
            if (a.name.empty()) continue;
            const PrintedName n = parse(a.name);
            if (n.surname.empty()) continue;
            Voter v{a.person_id.empty() ? person_slug(a.name) : a.person_id, n.surname, n.given,
                    gender_of(fold_key(a.honorific))};
            here.push_back(std::move(v));
        }
}

std::string PeopleIndex::link(std::string_view printed, std::string_view meeting_id) const {
    const PrintedName n = parse(printed);
    const auto it = voters_.find(std::string(meeting_id));
    if (n.surname.empty() || it == voters_.end()) return {};
    const std::vector<Voter>& voters = it->second;
    std::vector<const Voter*> fits;
    for (const Voter& v : voters) {
        if (v.surname != n.surname || !given_fit(n.given, v.given)) continue;
        if (n.gender && v.gender && n.gender != v.gender) continue;
        fits.push_back(&v);
    }
    if (fits.empty()) return {};
    const std::string& id = fits.front()->id;
    if (std::any_of(fits.begin(), fits.end(), [&](const Voter* v) { return v->id != id; })) return {};
    // One id for two people of the meeting (the readers gave Mr and Ms J Meade one id): the
    // id cannot say which of them voted.
    const char gender = fits.front()->gender;
    for (const Voter& v : voters)
        if (v.id == id && v.gender && gender && v.gender != gender) return {};
    return id;
}

}  // namespace quorum::decisions::decisions_detail
