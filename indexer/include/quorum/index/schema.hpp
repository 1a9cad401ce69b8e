// The index schema shared by indexer and query: term prefixes, value slots, stored data,
// metadata keys and the schema version. docs/SCHEMA.md explains each entry; keep both in step.
// Omega conventions: "Q" is the unique id term, "S" the title, our own prefixes start with
// "X"; every term value here is lower case, so no colon is needed after a prefix.
#pragma once

#include <string>
#include <string_view>

namespace quorum::index::schema {

// Bump when terms, values or stored data change meaning: files indexed under another
// version count as changed and are re-indexed.
inline constexpr std::string_view version = "8";  // 2: resolution preambles indexed; 3: item text without positions;
                                                  // 4: collapse key of folded text, papers' long passages
                                                  // unscoped; context words; thesaurus and related words;
                                                  // 5: unit records name their document (documents_slot);
                                                  // a passage's item heading without positions;
                                                  // 6: exempt items keep their public words, records
                                                  // and meeting items say "exempt"; 7: an honour after a
                                                  // comma in an attendance list ("Mrs T Dean, MBE") is
                                                  // no longer a person; numbered sub-items after the
                                                  // first stay resolution parts; units' amounts (slot 31);
                                                  // 8: councils (XL terms, slot 32; meeting ids carry the
                                                  // council; records say where the council came from;
                                                  // amounts grouped by spaces, "£1 000 000")

// ---- term prefixes -------------------------------------------------------------------
inline constexpr std::string_view id_prefix = "Q";                 // Q<unit id>, Q<meeting:id>, Q<file:key>
inline constexpr std::string_view title_prefix = "S";              // free text of titles and headings
inline constexpr std::string_view committee_prefix = "XC";         // XC<committee id>
inline constexpr std::string_view council_prefix = "XL";           // XL<council id> (L: local authority)
inline constexpr std::string_view person_prefix = "XP";            // XP<person id>
inline constexpr std::string_view topic_prefix = "XT";             // XT<topic id>
inline constexpr std::string_view type_prefix = "XY";              // XY<unit type>, XYmeeting
inline constexpr std::string_view kind_prefix = "XK";              // XK<document kind>
inline constexpr std::string_view year_prefix = "XYR";             // XYR2022
inline constexpr std::string_view month_prefix = "XMO";            // XMO2022-03
inline constexpr std::string_view date_prefix = "XD";              // XD2022-03-22
inline constexpr std::string_view meeting_prefix = "XM";           // XM<meeting id>
inline constexpr std::string_view file_prefix = "XF";              // XF<file key>: every doc read from a file
inline constexpr std::string_view document_prefix = "XDOC";        // XDOC<document id>
inline constexpr std::string_view outcome_prefix = "XO";           // XO<resolution outcome, slug>
inline constexpr std::string_view status_prefix = "XS";            // XS<action status, slug>
inline constexpr std::string_view resolution_kind_prefix = "XR";   // XR<resolution kind>
inline constexpr std::string_view duplicate_prefix = "XH";         // XH<collapse key>: finds also_in
inline constexpr std::string_view meeting_contrib_prefix = "XMC";  // on file docs: meetings they record
inline constexpr std::string_view document_record_prefix = "XDR";  // XDR<document id>: the file doc holding its record
// Decision, person and committee records (the decisions pass; docs/DECISIONS.md).
inline constexpr std::string_view decision_kind_prefix = "XDK";  // XDK<decision kind>
inline constexpr std::string_view owner_prefix = "XOWN";         // XOWN<owner person id>
inline constexpr std::string_view owner_word_prefix = "XOWNW";   // XOWNW<folded word of the printed owner>
inline constexpr std::string_view record_word_prefix = "XW";     // XW<folded word>: q of decisions/people/committees

// Marker terms (no value).
inline constexpr std::string_view unit_marker = "XUNIT";        // every unit document
inline constexpr std::string_view procedural_marker = "XPROC";  // procedural units
inline constexpr std::string_view meeting_marker = "XMEETING";  // every meeting document
inline constexpr std::string_view file_marker = "XFILE";        // every per-file state document

// Values of the Q term for the non-unit documents (unit ids never contain ':').
inline constexpr std::string_view meeting_id_tag = "meeting:";
inline constexpr std::string_view file_id_tag = "file:";
inline constexpr std::string_view decision_id_tag = "decision:";
inline constexpr std::string_view person_id_tag = "person:";
inline constexpr std::string_view committee_id_tag = "committee:";
// XY<value> of the records of the decisions pass (never units: searches filter on XUNIT).
inline constexpr std::string_view decision_type = "decision";
inline constexpr std::string_view person_type = "person";
inline constexpr std::string_view committee_type = "committee";

// ---- value slots ---------------------------------------------------------------------
enum Slot : unsigned {
    date_slot = 0,            // YYYYMMDD (sortable string; DateRangeProcessor), empty when unknown
    committee_slot = 1,       // committee id
    type_slot = 2,            // unit type
    year_slot = 3,            // YYYY
    kind_slot = 4,            // document kind
    collapse_slot = 5,        // collapse key (collapse_key.hpp): copies of one passage collapse onto one hit
    outcome_slot = 6,         // resolution outcome slug
    status_slot = 7,          // action status slug
    summary_slot = 8,         // meetings: summary JSON record (id, date, committee, title, items_count);
                              // decisions: the Decision JSON (list form); people, committees: list form
    acronyms_slot = 9,        // per-file docs: JSON [[short, expansion], ...] learnt from the file
    signature_slot = 10,      // per-file docs: "size|mtime_ns|hash|schema|options"
    order_slot = 11,          // decisions: list order, date then file then place (decision_documents.hpp);
                              // people, committees: folded name (list order)
    documents_slot = 12,      // per-file docs: JSON {document id: document record} (unit_record.hpp), the
                              // fields every unit of a document shares, stored once instead of per unit
    row_slot = 13,            // shard sets' shard documents only: the counting pass's row (shard_set.hpp)
    unit_slot = 14,           // shard sets' shard documents only: "u", the set's unit filter (shard_set.hpp)
    sample_slot_first = 15,   // shard sets' units only: "1" in slot 14 + k when in the sample of 1 in 2^k
                              // (k = 1..16, slots 15..30; shard_set.hpp)
    amount_slot = 31,         // units: the largest sum of money the passage prints (sortable_serialise of
                              // its value, any currency; text/amounts.hpp), for "amount:" ranges and sort
    council_slot = 32,        // units, meetings, decisions: council id (corpus::council_id of its name)
    person_slot_first = 100,  // person ids, one per slot: 100, 101, ... (multi-valued facet)
    topic_slot_first = 200,   // topic ids, one per slot: 200, 201, ...
};
inline constexpr unsigned max_person_slots = 32;  // more people on one unit are not counted
inline constexpr unsigned max_topic_slots = 16;

// ---- metadata keys -------------------------------------------------------------------
inline constexpr std::string_view version_key = "quorum:schema";
inline constexpr std::string_view person_slots_used_key = "quorum:person-slots";  // decimal
inline constexpr std::string_view topic_slots_used_key = "quorum:topic-slots";    // decimal
// The decisions pass: its version (stored when it ran; another value makes the next run
// recompute even when no file changed) and the as_of date its statuses are relative to.
inline constexpr std::string_view decisions_key = "quorum:decisions";
// "2": analysed council by council, decisions listed by date, file and place.
// "3": the list order names the file by its key, not its rank, so that records stay put
// when other files come and go.
// "4": decision and person records carry recorded votes.
inline constexpr std::string_view decisions_version = "4";
inline constexpr std::string_view decisions_as_of_key = "quorum:decisions-as-of";
// Display names of facet ids: "name:committee:<id>", "name:person:<id>", "name:topic:<id>",
// "name:council:<id>".
inline constexpr std::string_view name_key_prefix = "name:";
// Related words learnt from this archive (related_words.tsv format), when it was asked for.
inline constexpr std::string_view learnt_words_key = "quorum:learnt-words";

// ---- the synonym table ---------------------------------------------------------------
// Plain keys (folded words joined by ' ') are council acronyms and terms, both ways, used in
// every mode. Two kinds of key carry what the hybrid mode adds, one way only:
//   "=<words>" -> "<words>": the council thesaurus (plain English -> the papers' words);
//   "~<word>"  -> "<weight> <word>": related words, weight in (0,1] (word vectors trained on
//                 council papers: corpus/data/related_words.tsv).
inline constexpr std::string_view thesaurus_key_prefix = "=";
inline constexpr std::string_view related_key_prefix = "~";

// ---- weighting -----------------------------------------------------------------------
inline constexpr unsigned title_wdf_inc = 3;       // titles/headings count three times
inline constexpr unsigned resolution_wdf_inc = 2;  // decisions count twice
inline constexpr unsigned body_wdf_inc = 1;
inline constexpr unsigned preamble_wdf_inc = 1;  // a decision's preamble, on each of its parts

[[nodiscard]] inline std::string term(std::string_view prefix, std::string_view value) {
    std::string t;
    t.reserve(prefix.size() + value.size());
    t.append(prefix);
    t.append(value);
    return t;
}

[[nodiscard]] inline std::string name_key(std::string_view facet, std::string_view id) {
    std::string k(name_key_prefix);
    k.append(facet);
    k.push_back(':');
    k.append(id);
    return k;
}

// Xapian refuses terms longer than 245 bytes; ids and keys longer than this are hashed.
inline constexpr std::size_t max_term_value = 200;

}  // namespace quorum::index::schema
