// Declarations of interest as records: read from each item of a set of minutes
// (declarations.cpp), their members linked to the meeting's attendance, given to the
// decisions of the item they are about, and set beside the votes those members cast on it.
#include <algorithm>
#include <set>

#include "decisions_internal.hpp"
#include "quorum/corpus/text.hpp"

namespace quorum::decisions::decisions_detail {

void collect_declarations(const Document& d, const VoteContext& c, const std::map<int, const Unit*>& item_units,
                          const PeopleIndex& people, Collected& out) {
    if (d.kind != DocumentKind::minutes) return;
    const std::string where = c.meeting_id.empty() ? d.id : c.meeting_id;
    for (const auto& [index, unit] : item_units) {
        const Item* item =
            index >= 0 && static_cast<std::size_t>(index) < d.items.size() ? &d.items[static_cast<std::size_t>(index)] : nullptr;
        const std::string number = item ? item->number : std::string();
        // A declaration printed under an ordinary item is about that item ("declared an
        // interest in this item"); under "Declarations of Interest" it is about the item it names.
        const bool own_item = item && !item->procedural && !number.empty();
        int ordinal = 0;
        for (DeclarationText& t : read_declarations(unit->text)) {
            Declaration x;
            x.id = "i-" + slug(where + "-" + (number.empty() ? "item" + std::to_string(index) : number) + "-" +
                               std::to_string(++ordinal));
            if (!out.declaration_ids.insert(x.id).second) continue;  // another copy of these minutes
            x.meeting_id = c.meeting_id;
            x.date = c.date;
            x.document_id = d.id;
            x.item_number = number;
            x.about_item = !t.about_item.empty() ? t.about_item : own_item ? number : std::string();
            x.matter = std::move(t.matter);
            x.member = std::move(t.member);
            x.person = x.member.empty() ? std::string() : people.link(x.member, c.meeting_id);
            x.kind = std::move(t.kind);
            x.interest = std::move(t.interest);
            x.left_room = t.left_room;
            x.took_no_part = t.took_no_part;
            out.declarations.push_back(std::move(x));
        }
    }
}

namespace {

// The minutes' number of the item a declaration is about. Kent's minutes number items 269
// onwards while the members speak of the agenda's "item 12 – Motion for Time Limited Debate
// 3": the title printed in the declaration, or the agenda's title of that number, finds the
// minutes' item. Otherwise the number stays as printed.
std::string minutes_item(const Declaration& x, const Collected& out) {
    const auto it = out.meeting_items.find(x.meeting_id);
    if (it == out.meeting_items.end()) return x.about_item;
    const auto& minutes = it->second.minutes;
    const auto by_number = [&](const std::string& n) {
        return std::any_of(minutes.begin(), minutes.end(), [&](const auto& m) { return m.first == n; });
    };
    if (by_number(x.about_item)) return x.about_item;
    // The title printed after the number ("item 6 - Questions - that ..."), or a title whose
    // content words, two or more, are all in the declaration ("Motions for Time Limited
    // Debate" in "item 12 – Motion for Time Limited Debate 3 ...").
    const std::string text = fold_key(x.interest);
    const Words words = content_words(x.interest);
    std::string number;
    std::size_t best = 0;
    for (const auto& [n, title] : minutes) {
        if (title.empty()) continue;
        if (contains(text, x.about_item + " - " + title)) return n;
        const Words t = content_words(title);
        if (t.size() < 2 || t.size() <= best) continue;
        if (std::includes(words.begin(), words.end(), t.begin(), t.end())) best = t.size(), number = n;
    }
    if (!number.empty()) return number;
    for (const auto& [n, title] : it->second.agenda)
        if (n == x.about_item)
            for (const auto& [m, minutes_title] : minutes)
                if (!title.empty() && title == minutes_title) return m;
    return x.about_item;
}

// The heading words siblings share: "motion for time limited debate 3 - ..." -> "motion for
// time limited debate"; the words before the first with a digit, or the first word.
std::string sibling_key(const std::string& matter) {
    std::string key;
    std::size_t start = 0;
    while (start < matter.size()) {
        const std::size_t end = std::min(matter.find(' ', start), matter.size());
        const std::string word = matter.substr(start, end - start);
        if (std::any_of(word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            break;
        key += (key.empty() ? "" : " ") + word;
        start = end + 1;
    }
    if (key.empty() || key.size() == matter.size()) key = matter.substr(0, matter.find(' '));
    return key;
}

// Offset of the line of `text` whose folded words contain `matter`, and of the next line after
// it that starts like it (the next motion's heading); npos when there is none.
std::pair<std::size_t, std::size_t> matter_lines(std::string_view text, const std::string& matter) {
    const std::string sibling = sibling_key(matter);
    std::size_t found = std::string_view::npos, start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string f = fold_key(text.substr(start, end - start));
        if (found == std::string_view::npos && contains(f, matter))
            found = start;
        else if (found != std::string_view::npos && f.starts_with(sibling))
            return {found, start};
        start = end + 1;
    }
    return {found, std::string_view::npos};
}

// Whether a declaration about an item concerns the vote printed at `spot` in it. A
// declaration naming one motion of an item that holds several ("item 12 – Motion for Time
// Limited Debate 3 - 'Family Farm Tax'") concerns the votes printed after that motion's
// heading and before the next heading like it ("Motion for Time Limited Debate 4"); one that
// names nothing, or a matter the item's text does not print, concerns every vote of the item.
bool concerns(const Declaration& x, const Collected::VoteSpot& spot) {
    if (x.matter.empty() || spot.item_text.empty()) return true;
    std::string matter = fold_key(x.matter);
    auto [at, next] = matter_lines(spot.item_text, matter);
    if (at == std::string_view::npos)  // "motion for time limited debate 3" without its title
        if (const std::size_t dash = matter.find(" - "); dash != std::string::npos)
            matter.resize(dash), std::tie(at, next) = matter_lines(spot.item_text, matter);
    if (at == std::string_view::npos) return true;
    return at < spot.begin && (next == std::string_view::npos || spot.begin < next);
}

}  // namespace

void attach_declarations(Collected& out) {
    // (meeting, item) -> the people who declared an interest in it, and the declarations.
    for (Declaration& x : out.declarations)
        if (!x.about_item.empty() && x.about_item != x.item_number) x.about_item = minutes_item(x, out);
    std::map<std::pair<std::string, std::string>, std::vector<const Declaration*>> about;
    for (const auto& x : out.declarations)
        if (!x.about_item.empty() && !x.meeting_id.empty()) about[{x.meeting_id, x.about_item}].push_back(&x);
    if (about.empty()) return;
    for (Decision& d : out.decisions) {
        if (!is_minuted(d.kind) || d.item_number.empty()) continue;
        const auto it = about.find({d.meeting_id, d.item_number});
        if (it != about.end())
            for (const Declaration* x : it->second) d.declarations.push_back(*x);
    }
    auto mark = [&](RecordedVote& v) {
        const auto it = about.find({v.meeting_id, v.item_number});
        const auto index = out.vote_at.find(v.id);
        if (it == about.end() || index == out.vote_at.end()) return;
        // Whom the item's declarations concern for this vote: each declaration's matter is
        // looked for in the item's text once, not once per name of the lists.
        const Collected::VoteSpot& spot = out.vote_spots[index->second];
        std::set<std::string> declared;
        for (const Declaration* x : it->second)
            if (!x->person.empty() && !declared.count(x->person) && concerns(*x, spot)) declared.insert(x->person);
        for (auto* side : {&v.in_favour, &v.against, &v.abstained})
            for (VoteName& n : *side) n.declared_interest = !n.person.empty() && declared.count(n.person) > 0;
    };
    for (RecordedVote& v : out.votes) mark(v);
    for (Decision& d : out.decisions)
        if (d.votes) mark(*d.votes);
}

}  // namespace quorum::decisions::decisions_detail
