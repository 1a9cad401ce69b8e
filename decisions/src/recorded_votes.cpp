// The recorded votes of a set of minutes: each vote block of an item read (vote_blocks.cpp),
// its names linked to the meeting's members (vote_names.cpp), its counts checked against its
// lists, and the decisions it produced attached to it.
#include <algorithm>

#include "decisions_internal.hpp"
#include "quorum/corpus/text.hpp"

namespace quorum::decisions::decisions_detail {
namespace {

constexpr const char* kSideName[3] = {"For", "Against", "Abstain"};

// Counts printed beside lists that do not match them, and names listed on two sides. A
// count-only vote ("For: 14") has no lists to check.
std::vector<std::string> disagreements(const VoteBlock& b) {
    std::vector<std::string> out;
    const bool named = !b.names[0].empty() || !b.names[1].empty() || !b.names[2].empty();
    if (!named) return out;
    for (int s = 0; s < 3; ++s) {
        const int listed = static_cast<int>(b.names[s].size());
        if (b.printed[s] >= 0 && b.printed[s] != listed)
            out.push_back(std::string(kSideName[s]) + " (" + std::to_string(b.printed[s]) + ") is printed above " +
                          std::to_string(listed) + (listed == 1 ? " name" : " names"));
    }
    for (int s = 0; s < 3; ++s)
        for (int t = s + 1; t < 3; ++t)
            for (const auto& n : b.names[s])
                if (std::find(b.names[t].begin(), b.names[t].end(), n) != b.names[t].end())
                    out.push_back(n + " is listed under both " + kSideName[s] + " and " + kSideName[t]);
    return out;
}

std::vector<VoteName> linked(const std::vector<std::string>& names, const PeopleIndex& people,
                             const std::string& meeting_id) {
    std::vector<VoteName> out;
    out.reserve(names.size());
    for (const auto& n : names) out.push_back({n, people.link(n, meeting_id)});
    return out;
}

// A member's name by the vote lists' rules ("Mr Derek Murphy" is Mr D Murphy); "the
// Chairman" by the meeting's roles. A name that fits no one stays unlinked here too.
std::string proposer_id(const std::string& name, const PeopleIndex& people, const std::string& meeting_id) {
    if (fold_key(name).starts_with("the ")) return people.resolve(name, meeting_id);
    return people.link(name, meeting_id);
}

RecordedVote recorded(VoteBlock&& b, const PeopleIndex& people, const std::string& meeting_id) {
    RecordedVote v;
    v.in_favour = linked(b.names[0], people, meeting_id);
    v.against = linked(b.names[1], people, meeting_id);
    v.abstained = linked(b.names[2], people, meeting_id);
    v.printed_for = b.printed[0];
    v.printed_against = b.printed[1];
    v.printed_abstained = b.printed[2];
    v.disagreements = disagreements(b);
    v.result_text = std::move(b.result_text);
    v.result = vote_result(v.result_text);
    v.motion = std::move(b.motion);
    v.proposer_name = std::move(b.proposer_name);
    v.seconder_name = std::move(b.seconder_name);
    v.proposer = proposer_id(v.proposer_name, people, meeting_id);
    v.seconder = proposer_id(v.seconder_name, people, meeting_id);
    return v;
}

bool same_vote(const RecordedVote& v, const VoteBlock& b) {
    return v.printed_for == b.printed[0] && v.printed_against == b.printed[1] && v.printed_abstained == b.printed[2] &&
           v.in_favour.size() == b.names[0].size() && v.against.size() == b.names[1].size() &&
           v.abstained.size() == b.names[2].size();
}

// A line that opens a decision of its own: "(4) RESOLVED that", "AGREED:", "Recommended".
bool opens_decision(std::string_view line) {
    std::vector<std::string> w = text::fold_words(line);
    std::size_t i = 0;
    while (i < w.size() && (w[i].size() <= 3 && std::all_of(w[i].begin(), w[i].end(), ::isdigit))) ++i;
    if (i < w.size() && w[i].size() == 1) ++i;  // "(a)"
    if (i >= w.size()) return false;
    return w[i] == "resolved" || w[i] == "agreed" || w[i] == "recommended" || w[i] == "resolution" ||
           w[i] == "decision" || w[i] == "decided";
}

// Between a vote and a decision (its own line included): at most one opening line, the
// decision's own or its lettered parts' lead-in, and no other vote.
bool decided_by(std::string_view between) {
    if (contains(fold_key(between), "to the vote")) return false;
    int openings = 0;
    std::size_t start = 0;
    while (start < between.size()) {
        std::size_t end = between.find('\n', start);
        if (end == std::string_view::npos) end = between.size();
        if (opens_decision(between.substr(start, end - start))) ++openings;
        start = end + 1;
    }
    return openings <= 1;
}

}  // namespace

VotePlaces collect_votes(const Document& d, const VoteContext& c, const std::map<int, const Unit*>& item_units,
                         const PeopleIndex& people, Collected& out) {
    VotePlaces places;
    if (d.kind != DocumentKind::minutes) return places;  // an agenda's draft is not a vote
    for (const auto& [index, unit] : item_units) {
        std::vector<VoteBlock> blocks = read_vote_blocks(unit->text);
        const std::string item_number = index >= 0 && static_cast<std::size_t>(index) < d.items.size()
                                            ? d.items[static_cast<std::size_t>(index)].number
                                            : std::string();
        const std::string item_title =
            index >= 0 && static_cast<std::size_t>(index) < d.items.size() ? d.items[static_cast<std::size_t>(index)].title
                                                                             : std::string();
        const std::string where = c.meeting_id.empty() ? d.id : c.meeting_id;
        for (std::size_t k = 0; k < blocks.size(); ++k) {
            VoteBlock& b = blocks[k];
            VotePlace place{0, b.begin, b.end, false};
            std::string key = where;
            key.append("-").append(item_number.empty() ? "item" + std::to_string(index) : item_number);
            key.append("-").append(std::to_string(k + 1));
            std::string id = "v-" + slug(key);
            // Another copy of these minutes gave this vote first, when it read the same lists;
            // a copy read differently (an OCR copy that missed a vote) keeps its own.
            auto seen = out.vote_at.find(id);
            if (seen != out.vote_at.end() && !same_vote(out.votes[seen->second], b)) {
                id += "-" + slug(d.id);
                seen = out.vote_at.find(id);
            }
            if (seen != out.vote_at.end()) {
                place.vote = seen->second;
            } else {
                RecordedVote v = recorded(std::move(b), people, c.meeting_id);
                v.id = std::move(id);
                v.meeting_id = c.meeting_id;
                v.date = c.date;
                v.document_id = d.id;
                v.item_number = item_number;
                v.item_title = item_title;
                place.vote = out.votes.size();
                place.own = true;
                out.vote_at.emplace(v.id, out.votes.size());
                out.votes.push_back(std::move(v));
                out.vote_spots.push_back({unit->text, place.begin});
            }
            places[index].push_back(place);
        }
    }
    return places;
}

void attach_vote(Decision& x, std::string_view item_text, const std::vector<VotePlace>& places, Collected& out) {
    const std::size_t pos = text_position(item_text, x.text);
    if (pos == std::string_view::npos) return;
    const VotePlace* last = nullptr;
    for (const auto& p : places)
        if (p.end <= pos) last = &p;
    // Up to the end of the decision's own line: its "(7) RESOLVED that" counts as an opening.
    const std::size_t line_end = std::min(item_text.find('\n', pos), item_text.size());
    if (!last || !decided_by(item_text.substr(last->end, line_end - last->end))) return;
    RecordedVote& v = out.votes[last->vote];
    // A roll call with no sentence putting anything to the vote is printed after what it
    // decided (Cleveland: "... are rejected. Yeas: ... Nays: None. Absent: ... Resolution No.
    // 533-18."): it is not given to the decision after it.
    if (v.motion.empty()) return;
    if (last->own) v.decisions.push_back(x.id);
    x.votes = RecordedVote{};
    x.votes->id = v.id;
    Outcome& o = x.outcome;
    const auto count = [](int printed, const std::vector<VoteName>& names) {
        return printed >= 0 ? printed : static_cast<int>(names.size());
    };
    if (o.votes_for < 0) {
        o.votes_for = count(v.printed_for, v.in_favour);
        o.votes_against = count(v.printed_against, v.against);
        o.abstentions = count(v.printed_abstained, v.abstained);
        if (o.vote.empty()) o.vote = o.votes_against == 0 ? "unanimous" : "majority";
    }
    if (o.proposer_name.empty() && !v.proposer_name.empty()) {
        o.proposer_name = v.proposer_name, o.proposer = v.proposer;
        o.seconder_name = v.seconder_name, o.seconder = v.seconder;
    }
}

void fill_votes(Collected& out) {
    for (Decision& x : out.decisions)
        if (x.votes)
            if (const auto it = out.vote_at.find(x.votes->id); it != out.vote_at.end()) x.votes = out.votes[it->second];
}

}  // namespace quorum::decisions::decisions_detail
