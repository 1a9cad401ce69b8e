// Internals of the decisions analysis shared by its source files (not part of the API).
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "quorum/decisions/decisions.hpp"
#include "quorum/corpus/model.hpp"

// The whole analysis reads the corpus model and its text rules, and speaks the index's vocabulary.
namespace quorum::decisions {
using namespace quorum::corpus;
using namespace quorum::index::vocabulary;
}  // namespace quorum::decisions

namespace quorum::decisions::decisions_detail {

// ---- words and similarity (similarity.cpp)

// Folded, stemmed content words of a text, sorted and unique.
using Words = std::vector<std::string>;
[[nodiscard]] Words content_words(std::string_view text);
[[nodiscard]] std::string stem(std::string word);
// Adjacent pairs of content words ("work programme" -> "work program"), sorted and unique.
[[nodiscard]] Words content_phrases(std::string_view text);

// Inverse document frequencies learnt from the archive's own texts.
class Idf {
public:
    void add(const Words& words);
    [[nodiscard]] double weight(const std::string& word) const;
    // Share of the texts that use the word (0..1).
    [[nodiscard]] double share(const std::string& word) const;
    [[nodiscard]] int documents() const { return documents_; }

private:
    std::unordered_map<std::string, int> df_;
    int documents_ = 0;
};

// IDF-weighted cosine of two word sets (binary weights); idf == nullptr: every word weighs 1.
[[nodiscard]] double similarity(const Words& a, const Words& b, const Idf* idf);

// ---- dates (similarity.cpp)
[[nodiscard]] std::optional<long> day_of(std::string_view ymd);  // YYYY-MM-DD -> day number
[[nodiscard]] std::string iso_date(std::string_view printed);    // numeric or textual -> YYYY-MM-DD or ""
[[nodiscard]] std::string year_of(std::string_view ymd);

// ---- reading the minutes' words (outcomes.cpp)

struct VoteSentence {
    Outcome outcome;  // result/vote/proposer names as printed (ids resolved later)
};
// The outcome recorded for a decision: from the reader's outcome, the unit's own words,
// its preamble and the last vote sentence before it in the item text.
[[nodiscard]] Outcome read_outcome(std::string_view reader_outcome, std::string_view unit_text,
                                   std::string_view preamble, std::string_view item_text, DecisionKind kind);
// Who a decision is addressed to, and the words that say so.
[[nodiscard]] std::pair<std::string, std::string> read_addressee(std::string_view text, std::string_view preamble,
                                                                 DecisionKind kind);
// Due date a decision's own words give ("to a meeting of the committee in March 2019").
[[nodiscard]] std::string read_due_date(std::string_view text);
// True when the decision asks for nothing to be done afterwards (notes, approves minutes).
[[nodiscard]] bool needs_no_action(const Decision& decision);
// Tracker statuses and progress words -> completed | in progress | overdue | to be completed | none.
[[nodiscard]] std::optional<DecisionStatus> normalise_status(std::string_view status);

// What the minutes record as decided (not a report's proposal, a tracker row or a work-programme entry).
[[nodiscard]] inline bool is_minuted(DecisionKind kind) {
    return kind == DecisionKind::resolution || kind == DecisionKind::recommendation || kind == DecisionKind::agreed ||
           kind == DecisionKind::action || kind == DecisionKind::information_request;
}
// The stored spelling of a status ("in progress"), "" for none: status reasons quote it.
[[nodiscard]] inline std::string status_name(std::optional<DecisionStatus> status) {
    return status ? std::string(stored_name(*status)) : std::string();
}

// ---- recorded votes (vote_blocks.cpp)

// A named vote as printed in an item's text: the headers "For (57)", "Against:", "In Favour",
// "Abstentions" with the names under each, the counts printed beside them, the result line,
// and the words that put it to the vote. Names are as printed; linking them is vote_names.cpp's.
struct VoteBlock {
    enum Side { in_favour = 0, against = 1, abstained = 2 };
    std::size_t begin = 0, end = 0;  // byte offsets in the item text
    std::vector<std::string> names[3];
    int printed[3] = {-1, -1, -1};  // -1: no count printed
    std::string result_text;        // "Motion carried.", "The Mayor declared the Motion defeated."
    std::string motion;             // "The Chairman put the motion set out in paragraph 2 to the vote ..."
    std::string proposer_name, seconder_name;
};
[[nodiscard]] std::vector<VoteBlock> read_vote_blocks(std::string_view item_text);
// carried | lost | "" from a printed result ("Substantive Motion carried.", "declared ... defeated").
[[nodiscard]] std::string vote_result(std::string_view result_text);
// Where a unit's text starts in its item's text (npos when it cannot be found): the
// decision's place decides which vote, and which vote sentence, came before it.
[[nodiscard]] std::size_t text_position(std::string_view item_text, std::string_view unit_text);
// "(2) ", "4) ", "12. " before a paragraph: the text after its number.
[[nodiscard]] std::string without_number(std::string text);
// A name as printed after "proposed by" / "seconded by", up to where the sentence moves on.
[[nodiscard]] std::string printed_name_after(std::string_view original, std::string_view folded,
                                             std::string_view marker);

// ---- declarations of interest (declarations.cpp, interests.cpp)

// A declaration as printed in an item's text; one per member named ("" for a group).
struct DeclarationText {
    std::string member, about_item, matter, kind, interest;
    bool left_room = false, took_no_part = false;
};
[[nodiscard]] std::vector<DeclarationText> read_declarations(std::string_view item_text);

// ---- people (people_index.cpp, vote_names.cpp)

// A title printed before a member's name, any case, with or without a full stop: "Mr",
// "Cllr.", "Councillor(s)", "Cmhlr", "Dame". Vote lists, proposers and declarations share it.
[[nodiscard]] bool is_personal_title(std::string_view word);

// Resolves printed names to person ids using the archive's people and each meeting's attendance.
class PeopleIndex {
public:
    explicit PeopleIndex(const Archive& archive);
    // "the chair", "Cllr Andrews", "Matthew Sampson", "Mr Freeman" -> id or "".
    [[nodiscard]] std::string resolve(std::string_view printed, std::string_view meeting_id) const;
    [[nodiscard]] std::string display_name(const std::string& id) const;
    // A name printed in a vote list -> the one attendee of the meeting it fits, or "".
    // Unlike resolve() it never makes an id up: "Mr Cole" fits Mr P Cole, not Mrs P T Cole;
    // a name that fits no one, or two people, stays unlinked (vote_names.cpp).
    [[nodiscard]] std::string link(std::string_view printed, std::string_view meeting_id) const;

private:
    struct Voter {
        std::string id, surname;
        std::vector<std::string> given;  // folded first names and initials ("b", "h")
        char gender = 0;                 // 'm' (Mr, Sir), 'f' (Mrs, Ms, Miss, Dame), 0 unknown
    };
    std::map<std::string, std::vector<Voter>> voters_;  // meeting id -> members and substitutes present
    void add_voters(const Meeting& meeting);
    struct Known {
        std::string id, name, folded_name, surname;
    };
    std::vector<Known> people_;
    std::map<std::string, std::vector<std::size_t>> by_meeting_;  // meeting id -> indexes into people_
    std::map<std::string, std::string> chair_of_;                 // meeting id -> chair's id
    std::map<std::string, std::string> vice_of_;
    std::size_t add(const std::string& id, const std::string& name);
};

// A printed name -> person id when no reader-assigned id is available: titles removed,
// PDF confusion "l'Anson" -> "I'Anson", slugified.
[[nodiscard]] std::string person_slug(std::string_view printed_name);
[[nodiscard]] std::string strip_titles(std::string_view printed_name);

// ---- records (records.cpp)

// A later item a matter may come back at.
struct ItemRef {
    std::string unit_id;  // item unit id, or "<document id>#item-<number>"
    std::string meeting_id, date, committee_id;
    std::string council;  // folded; "" when no document of the meeting names it
    std::string number, title;
    std::string_view text;  // the item unit's text, in the archive being analysed (no copy)
    Words heading_words, body_words, heading_phrases;
};

struct Collected {
    std::vector<Decision> decisions;
    std::vector<ItemRef> items;                       // non-procedural items of every meeting
    std::map<std::string, std::string> report_title;  // report-recommendation id -> report title
    std::vector<RecordedVote> votes;                  // one per vote; copies of the minutes add none
    std::unordered_map<std::string, std::size_t> vote_at;  // vote id -> index in votes
    // Where each vote is printed (parallel to votes): its item's text, in the archive being
    // analysed, and the block's offset there. A declaration about one motion of an item that
    // holds several concerns only the votes printed under that motion.
    struct VoteSpot {
        std::string_view item_text;
        std::size_t begin = 0;
    };
    std::vector<VoteSpot> vote_spots;
    std::vector<Declaration> declarations;                  // one per declaration; copies add none
    std::set<std::string> declaration_ids;
    // Each meeting's items as its minutes and its agenda number them (number, folded title):
    // a declaration "in item 12" may use the agenda's number where the minutes print 281.
    struct MeetingItems {
        std::vector<std::pair<std::string, std::string>> minutes, agenda;
    };
    std::map<std::string, MeetingItems> meeting_items;
    std::deque<Unit> whole_texts;  // the text of each set of minutes with no items (kept while collecting)
};

// ---- recorded votes of a document (recorded_votes.cpp)

// Where one vote is printed in its item's text.
struct VotePlace {
    std::size_t vote = 0;  // index in Collected::votes
    std::size_t begin = 0, end = 0;
    bool own = false;  // false: another copy of these minutes gave the vote first
};
using VotePlaces = std::map<int, std::vector<VotePlace>>;  // item index -> its votes in text order
struct VoteContext {
    std::string meeting_id, date;
};
// The named votes of a set of minutes' items, added to `out.votes` with their names linked.
[[nodiscard]] VotePlaces collect_votes(const Document& d, const VoteContext& c,
                                       const std::map<int, const Unit*>& item_units, const PeopleIndex& people,
                                       Collected& out);
// Gives a minuted decision the vote that decided it: the last one printed before it in its
// item, when nothing between them (a resolution of its own, another vote) says otherwise.
void attach_vote(Decision& x, std::string_view item_text, const std::vector<VotePlace>& places, Collected& out);
// Replaces each decision's placeholder vote (its id) by the whole vote, once every decision
// it produced is known.
void fill_votes(Collected& out);
// The declarations of interest of a set of minutes' items, added to `out.declarations`.
void collect_declarations(const Document& d, const VoteContext& c, const std::map<int, const Unit*>& item_units,
                          const PeopleIndex& people, Collected& out);
// Gives each minuted decision the declarations about its item at its meeting, and marks each
// vote name whose member declared an interest in the item voted on.
void attach_declarations(Collected& out);
[[nodiscard]] Collected collect(const Archive& archive, const PeopleIndex& people);

// ---- links (links.cpp)
void link_all(const Archive& archive, Collected& collected, const DecisionOptions& options,
              std::vector<DecisionLink>& links);

// ---- status and threads (threads.cpp)
void derive_status(std::vector<Decision>& decisions, const std::vector<DecisionLink>& links, const std::string& as_of);
[[nodiscard]] std::vector<Thread> build_threads(std::vector<Decision>& decisions,
                                                const std::vector<DecisionLink>& links,
                                                const std::vector<ItemRef>& items);

// ---- summaries (summaries.cpp)
[[nodiscard]] std::vector<PersonSummary> summarise_people(const Archive& archive,
                                                          const std::vector<Decision>& decisions,
                                                          const std::vector<RecordedVote>& votes,
                                                          const std::vector<Declaration>& declarations);
[[nodiscard]] std::vector<CommitteeSummary> summarise_committees(const Archive& archive,
                                                                 const std::vector<Decision>& decisions);

// ---- names and committee scopes for the link pass (link_names.cpp) ----

// Names printed in capitals of two or more words ("Planning and Development Act",
// "Municipal District of Adare-Rathkeale", "NOTICE OF MOTION"), folded. Function words
// at either end ("That the Council") are not part of a name.
[[nodiscard]] std::vector<std::string> capitalised_names(std::string_view text);

// `text` (folded) with every name of `names` blanked out, and the year of an Act after it
// ("planning and development act, 2000"). The blank is punctuation, so no phrase runs across it.
// Longest names first: "municipal district" must not cut "municipal district of adare" short.
[[nodiscard]] std::string without_names(std::string text, const std::vector<std::string>& names);

// Blanking names (without_names) only needs the names that can occur in the text: those
// whose first word is a word of it. Kept in the order of the full list.
class NameFinder {
public:
    explicit NameFinder(const std::vector<std::string>& names);
    [[nodiscard]] std::vector<std::string> in(const std::string& text) const;

private:
    static std::string first_word(const std::string& name);
    const std::vector<std::string>& names_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_first_word_;
};

// Councils share committee names ("Cabinet", "Planning Committee"): in an archive of several
// councils a committee is known by its name and its council. Where only one council is ever
// named with a committee, papers that do not name it (an agenda without the council's
// heading) stay with that council's, so a one-council archive is one scope per committee.
class CommitteeScopes {
public:
    CommitteeScopes(const Archive& archive, const Collected& collected);
    [[nodiscard]] std::string of(const Decision& d) const;
    [[nodiscard]] std::string of(const ItemRef& item) const;
    // The council a decision's document (or its meeting) names, folded; "" when none does.
    [[nodiscard]] const std::string& council_of(const Decision& d) const;

private:
    void note(const std::string& committee, const std::string& council);
    [[nodiscard]] std::string key(const std::string& committee, const std::string& council) const;
    std::unordered_map<std::string, std::string> council_of_document_;
    std::unordered_map<std::string, std::string> first_council_;  // committee -> a council named with it
    std::set<std::string> shared_;                                // committees of two or more councils
};

// Small string helpers.
[[nodiscard]] bool contains(std::string_view haystack, std::string_view needle);

// True when a span first met on `other_from` began before one first met on `from` ("" unknown).
[[nodiscard]] inline bool earlier(const std::string& other_from, const std::string& from) {
    return !other_from.empty() && (from.empty() || other_from < from);
}

// Widens the span [from, to] to cover [other_from, other_to]; "" is an unknown date.
inline void widen(std::string& from, std::string& to, const std::string& other_from, const std::string& other_to) {
    if (earlier(other_from, from)) from = other_from;
    if (other_to > to) to = other_to;
}
[[nodiscard]] std::string shorten(std::string_view text, std::size_t max_chars);

}  // namespace quorum::decisions::decisions_detail
