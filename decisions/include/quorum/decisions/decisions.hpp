// Decisions and their threads: a pure function of an Archive that follows a matter from an
// officer report's recommendation to the resolution adopted, the actions it gave, the
// tracker rows that follow them and the item coming back at a later meeting.
// Also the people and committee summaries built from attendance and decisions.
// Nothing here reads files or the clock except `today()`; `as_of` makes results deterministic.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quorum/corpus/model.hpp"
#include "quorum/index/vocabulary.hpp"
#include "quorum/text/amounts.hpp"

namespace quorum::decisions {

// Decisions are an analysis over the corpus model: these are its inputs.
using corpus::Acronym;
using corpus::Archive;
using corpus::Document;
using corpus::Named;
// Kinds, outcomes, statuses and link types are the index's and the API's vocabulary.
using index::vocabulary::DecisionKind;
using index::vocabulary::DecisionStatus;
using index::vocabulary::LinkType;
using index::vocabulary::OutcomeResult;

// What the minutes record as the fate of a decision.
// The records compare by value (equal analyses: the analysis is deterministic).
struct Outcome {
    std::optional<OutcomeResult> result;  // nullopt: not recorded
    std::string vote;                     // unanimous | majority | "" (not recorded)
    int votes_for = -1;                   // -1: not recorded
    int votes_against = -1;
    int abstentions = -1;
    std::string proposer;       // person id, "" when not named
    std::string proposer_name;  // as printed ("the chair", "Cllr Andrews")
    std::string seconder;
    std::string seconder_name;
    std::string evidence;  // the sentence the outcome was read from
    bool operator==(const Outcome&) const = default;
};

// One name in a recorded vote: as printed, and the person it is when the meeting's
// attendance says so unambiguously. A name no attendee fits is kept, unlinked.
struct VoteName {
    std::string name;    // as printed: "Mr B Lewis", "Sir Paul Carter, CBE", "Collins (J)"
    std::string person;  // person id; "" when unlinked
    // The same minutes record that this member declared an interest in the item voted on
    // (a fact about the minutes, not a finding of wrongdoing).
    bool declared_interest = false;
    bool operator==(const VoteName&) const = default;
};

// A declaration of interest as the minutes print it: "Mrs Chandler and Mr Rayner declared a
// pecuniary interest in item 12 ... and would not participate in the debate or vote" gives
// two, one per member.
struct Declaration {
    std::string id;  // "i-" + meeting (or document) + "-" + item printed in + "-" + ordinal
    std::string meeting_id, date, document_id;
    std::string item_number;  // the item it is printed in
    std::string about_item;   // the item it is about ("12"); "" when the minutes name none
    std::string matter;       // the part of that item it names, as printed ("Motion for Time Limited Debate 3 -
                              // 'Family Farm Tax'"); "" when none
    std::string member;       // as printed; "" for a group ("Members who were district councillors")
    std::string person;       // person id; "" when unlinked
    std::string kind;  // disclosable-pecuniary | other-registrable | non-registrable | pecuniary | personal |
                       // prejudicial | conflict | "" (not said)
    std::string interest;  // the words after "declared": "a pecuniary interest that she was a Trustee of ..."
    bool left_room = false;     // left the room, the chamber or the meeting, or withdrew
    bool took_no_part = false;  // took no part, would not participate or vote
    bool operator==(const Declaration&) const = default;
};

// A recorded (named) vote: who the minutes list for, against and abstaining, the counts
// they print beside the lists, and the result line. Counts that disagree with the lists
// are reported in `disagreements`, never corrected.
struct RecordedVote {
    std::string id;  // "v-" + meeting (or document) + "-" + item number + "-" + ordinal in the item
    std::string meeting_id, date, document_id, item_number, item_title;
    std::string motion;  // the words that put it to the vote ("The Chairman put the amendment ...")
    std::string proposer, proposer_name, seconder, seconder_name;  // ids ("" unlinked) and as printed
    std::vector<VoteName> in_favour, against, abstained;
    int printed_for = -1, printed_against = -1, printed_abstained = -1;  // -1: no count printed
    std::string result;                      // carried | lost | "" (not printed)
    std::string result_text;                 // "Amendment lost."
    std::vector<std::string> disagreements;  // "For (36) is printed above 35 names"
    std::vector<std::string> decisions;      // ids of the decision records it produced
    bool operator==(const RecordedVote&) const = default;
};

// How one person voted in one recorded vote (their voting record).
struct PersonVote {
    std::string vote_id, decision_id;  // decision_id "" when the vote produced none (a lost amendment)
    std::string meeting_id, date, item_number, item_title, motion;
    std::string how;  // for | against | abstain
    std::string result;
    bool declared_interest = false;  // they declared an interest in the item at that meeting
    bool operator==(const PersonVote&) const = default;
};

// A typed, scored edge between two records. `to` is a decision id, or for came-back-at
// the id of the later item's unit (or "<document id>#item-<number>" when it has no unit).
struct DecisionLink {
    std::string from;
    std::string to;
    LinkType type = LinkType::adopted_as;
    double confidence = 0;  // 0..1
    std::string reason;     // how it was found ("same meeting and item; text similarity 0.82")
    std::string to_date;    // date of the target (for came-back-at: the later meeting)
    std::string to_title;   // item heading of the target
    bool operator==(const DecisionLink&) const = default;
};

// One record about a decision: a resolution part, a committee recommendation, an agreed
// point, a minuted action, an information request, an officer report's recommendation,
// an action-tracker row or a work-programme entry that names its origin.
struct Decision {
    std::string id;  // "d-" + unit id (work-programme rows: + "-r" + row)
    std::string unit_id;
    DecisionKind kind = DecisionKind::resolution;
    std::string label;  // "a)", "1.", "" when unlettered
    std::string text;
    std::string preamble;  // "Having reviewed the information provided, the Committee:"
    std::string document_id;
    std::string document_kind;  // minutes | report | action-tracker | work-programme | ...
    std::string document_title;
    std::string meeting_id;  // meeting whose record/pack holds it
    std::string date;        // that meeting's date, YYYY-MM-DD or ""
    std::optional<Named> committee;
    std::string item_number;  // report recommendations: the agenda item matched by title
    std::string item_title;
    double item_confidence = 0;  // how sure the report -> item match is (1 for minuted items)
    std::string addressee;       // executive | cabinet | full-council | committee | officers | ""
    std::string addressee_text;  // the words it was read from ("For the executive to")
    Outcome outcome;
    std::string owner;     // as printed (tracker owner, or the officer an action names)
    std::string owner_id;  // person id when the owner is a known person
    std::string directorate;
    std::string due_date;     // YYYY-MM-DD when known
    std::string origin_date;  // tracker rows / work-programme entries: the meeting date they cite
    std::string progress;     // tracker progress text
    std::optional<DecisionStatus> status;
    std::string status_source;        // "tracker" | "derived"
    std::string status_reason;        // why that status ("tracker row samples-...-u0013 says ...")
    bool overdue = false;             // due date before as_of and nothing closed it
    std::string unlinked_reason;      // tracker rows / entries with no decision found: why
    std::vector<std::string> people;  // person ids of the unit
    std::string thread_id;            // "" when nothing links to or from it
    std::optional<RecordedVote> votes;  // the named vote that decided it, when the minutes print one
    std::vector<Declaration> declarations;  // interests declared in its item, at its meeting
    std::vector<text::Amount> amounts;      // every sum of money its text prints, in order
    bool operator==(const Decision&) const = default;
};

struct ThreadStep {
    std::string record;                // "decision" | "item"
    std::string id;                    // decision id or unit id
    std::optional<DecisionKind> kind;  // nullopt for an item coming back
    std::string date;
    std::string meeting_id;
    std::string title;                  // item heading / report title
    std::string text;                   // decision text or item heading
    std::optional<LinkType> link_type;  // type of the link that brought this step in (none for the first)
    std::string linked_from;            // the step it follows from
    double confidence = 1;
    bool operator==(const ThreadStep&) const = default;
};

// The ordered chain of records about one matter across meetings.
struct Thread {
    std::string id;                 // "t-" + the id of its first record
    std::string title;              // heading of the first minuted item (or report title)
    std::vector<ThreadStep> steps;  // by date, then recommendation -> resolution -> action -> tracker
    std::vector<DecisionLink> links;
    double confidence = 1;  // the weakest link's confidence
    bool operator==(const Thread&) const = default;
};

struct RoleSpan {
    std::string role;       // normalised role key (normalise_role)
    std::string role_name;  // first printed form
    std::string committee_id;
    std::string from, to;  // first and last meeting date with that role
    int meetings = 0;
    bool operator==(const RoleSpan&) const = default;
};

struct AttendanceRecord {
    std::string meeting_id;
    std::string date;
    std::string committee_id;
    std::string as;    // present | in-attendance | officer | apologies | substitute
    std::string role;  // as printed
    bool remote = false;
    std::string note;  // "substitute for Councillor X"
    bool operator==(const AttendanceRecord&) const = default;
};

struct PersonSummary {
    std::string id;
    std::string name;
    std::string kind;  // councillor | officer | co-optee | other
    std::vector<std::string> variants;
    std::vector<RoleSpan> roles;             // over time, by first date
    std::vector<AttendanceRecord> meetings;  // every attendance record, by date
    int attended = 0;                        // present, in attendance or as officer
    int apologies = 0;
    int substitutions = 0;
    std::vector<std::string> proposed;  // decision ids proposed or seconded
    std::vector<std::string> owned;     // decision ids owned (tracker / action owner)
    std::vector<PersonVote> votes;      // recorded votes the person is listed in, by date
    std::vector<Declaration> declarations;  // interests they declared, by date
    // The councils (names) whose papers name them, in the order analysed: the indexer's
    // decisions pass sets it council by council (issue 17); the analysis leaves it empty.
    std::vector<std::string> councils;
    bool operator==(const PersonSummary&) const = default;
};

struct CommitteeMember {
    std::string person_id;
    std::string name;
    std::string role;      // normalised
    std::string from, to;  // first and last meeting date as a member in that role
    int meetings = 0;
    bool operator==(const CommitteeMember&) const = default;
};

struct CommitteeSummary {
    std::string id;
    std::string name;
    struct MeetingRef {
        std::string id, date, title;
        int decisions = 0;
        bool operator==(const MeetingRef&) const = default;
    };
    std::vector<MeetingRef> meetings;                             // by date
    std::vector<CommitteeMember> members;                         // over time: one row per person and role
    std::vector<std::pair<std::string, int>> decisions_per_year;  // ("2022", 31)
    std::vector<std::pair<std::string, std::string>> chairs;      // (date, person id) per meeting
    std::vector<std::string> councils;  // as PersonSummary::councils: a "Cabinet" of two councils names both
    bool operator==(const CommitteeSummary&) const = default;
};

struct DecisionOptions {
    std::string as_of;                // YYYY-MM-DD; empty: today (UTC)
    int tracker_window_days = 120;    // tracker dates are hand-kept: search this far either way
    double link_threshold = 0.30;     // below this text similarity nothing is linked
    int came_back_window_days = 550;  // how far ahead a matter may come back
};

struct DecisionAnalysis {
    std::string as_of;
    std::vector<Decision> decisions;  // by date, then document order
    std::vector<DecisionLink> links;
    std::vector<Thread> threads;  // one per linked group; unlinked decisions have none
    std::vector<PersonSummary> people;
    std::vector<CommitteeSummary> committees;
    std::vector<RecordedVote> votes;  // every recorded vote, one per vote however many copies print it
    std::vector<Declaration> declarations;  // every declaration of interest, one however many copies print it

    [[nodiscard]] const Decision* find(std::string_view decision_id) const;
    [[nodiscard]] const Thread* thread_of(std::string_view decision_id) const;
    [[nodiscard]] std::vector<const DecisionLink*> links_of(std::string_view id) const;
    [[nodiscard]] const PersonSummary* person(std::string_view person_id) const;
    [[nodiscard]] const CommitteeSummary* committee(std::string_view committee_id) const;
    bool operator==(const DecisionAnalysis&) const = default;
};

// The whole analysis. Pure: the same archive and options give the same result.
[[nodiscard]] DecisionAnalysis analyse_decisions(const Archive& archive, const DecisionOptions& options = {});

// A person or committee met in two parts of an archive analysed apart (an indexer analyses
// one council at a time: links never cross councils). `more`, from a later part, is merged
// into `into`: both parts' meetings, roles and members in date order (the earlier part
// first where dates tie), the sums of their counts, the earliest printed form of a role,
// and the later part's printed name as a variant. Proposed and owned decisions are listed
// part by part. Merging each id's parts in the order analysed gives the same records
// whatever else is in memory.
void merge_summary(PersonSummary& into, PersonSummary&& more);
void merge_summary(CommitteeSummary& into, CommitteeSummary&& more);

// Drops the units analyse_decisions never reads (paragraphs of minutes, questions, ...):
// items, resolutions, actions, tables outside minutes and the paragraphs of
// recommendations and work programmes stay, so the analysis of slimmed documents is the
// analysis of the whole ones. An indexer holding a whole archive for the decisions pass
// keeps about a fifth of the units this way.
void keep_decision_inputs(Document& document);

// One role key for the many ways a role is printed: "Director Children and Families (DCF)",
// "the DCF" and "Director for Children and Families" -> "director-children-families".
// Acronyms are expanded from `acronyms` and from parenthesised forms seen in earlier calls
// through the same RoleNormaliser.
[[nodiscard]] std::string normalise_role(std::string_view role, const std::vector<Acronym>& acronyms = {});

class RoleNormaliser {
public:
    explicit RoleNormaliser(const std::vector<Acronym>& acronyms = {});
    // Learns "(DCF)" forms as it goes, so later "the DCF" resolves.
    [[nodiscard]] std::string normalise(std::string_view role);

private:
    std::vector<std::pair<std::string, std::string>> acronyms_;  // folded short -> expansion
};

// Similarity of two texts in 0..1: IDF-weighted overlap of folded, stemmed content words.
// Exposed for tests and for tuning; the analysis uses the archive's own IDF.
[[nodiscard]] double text_similarity(std::string_view a, std::string_view b);

// Today's date as YYYY-MM-DD (UTC): the default `as_of`.
[[nodiscard]] std::string today();
// The date an analysis with DecisionOptions::as_of = `as_of` is relative to: `as_of` when
// it is a valid YYYY-MM-DD, else today().
[[nodiscard]] std::string effective_as_of(const std::string& as_of);

}  // namespace quorum::decisions
