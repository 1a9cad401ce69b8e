// The archive model: what the readers understand of a council archive.
// Data flows one way: raw file -> SourceText -> Document/Meeting/Item/Unit -> indexer.
// Every field that is not in the source text stays empty / nullopt: never guessed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quorum::corpus {

// Document kinds. The first five are the API's `kind` values; the others are the
// documents an agenda pack is split into.
enum class DocumentKind {
    minutes,
    agenda,
    report,
    agenda_pack,
    web_page,
    appendix,
    action_tracker,
    work_programme,
    questions,  // a schedule of public/member questions (supplement)
};

// The last three are a document's front matter (issue 12): its meeting header (council,
// committee, date, venue), its attendance lists, and an agenda's or report's cover and
// notices. They are units so that a venue or a co-optee's name can be found; searches and
// the page can leave them out (see is_front_matter).
enum class UnitType { item, paragraph, table, resolution, question, action, header, attendance, cover };

[[nodiscard]] constexpr bool is_front_matter(UnitType type) noexcept {
    return type == UnitType::header || type == UnitType::attendance || type == UnitType::cover;
}

[[nodiscard]] const char* to_string(DocumentKind kind) noexcept;  // "minutes", "agenda-pack", ...
[[nodiscard]] const char* to_string(UnitType type) noexcept;      // "item", "paragraph", ...
[[nodiscard]] std::optional<DocumentKind> document_kind_from_string(std::string_view s) noexcept;
[[nodiscard]] std::optional<UnitType> unit_type_from_string(std::string_view s) noexcept;

// A council's id: the slug of its name ("Kent County Council" -> "kent-county-council").
[[nodiscard]] std::string council_id(std::string_view council);
// A meeting's id (issue 17): the council's id, the committee's and the date, so that two
// councils' Cabinets on one day are two meetings. The council is left out when it is unknown
// or the committee's id starts with it (the council itself: "stoke-ferry-parish-council").
[[nodiscard]] std::string meeting_id_of(std::string_view council, std::string_view committee_id,
                                        std::string_view date);
// The meeting id without its council: what the papers of one meeting share whether or not
// they name their council (meeting_key("kent-county-council-cabinet-2025-01-30",
// "Kent County Council") == "cabinet-2025-01-30").
[[nodiscard]] std::string meeting_key(std::string_view meeting_id, std::string_view council);

// A facet value: stable slug id plus display name.
struct Named {
    std::string id;    // e.g. "children-and-young-people-scrutiny-committee"
    std::string name;  // e.g. "Children and Young People Scrutiny Committee"
    bool operator==(const Named&) const = default;
};

// One person named in an attendance list.
struct Attendee {
    std::string name;       // as printed, NFC, without "Councillor"/"Cllr" titles
    std::string person_id;  // id in Archive::people (filled by the people linker)
    std::string role;       // "chairperson", "vice-chairperson", "member", "co-optee",
                            // "cabinet member", "officer", "observer", ... or a job title
    std::string title;      // job title or description as printed ("Director, Children And Families")
    std::string honorific;  // "Councillor", "Mr", "Ms", "DCI", ... as printed
    bool remote = false;    // virtual / remote attendance
    std::string note;       // e.g. "non-voting member", "substitute for Councillor X"
};

struct Attendance {
    std::vector<Attendee> present;        // members present (chair and vice first when marked)
    std::vector<Attendee> in_attendance;  // others in attendance (cabinet members, guests)
    std::vector<Attendee> officers;       // officers with job titles
    std::vector<Attendee> apologies;
    std::vector<Attendee> substitutes;  // note says whom they stand in for
    [[nodiscard]] bool empty() const noexcept {
        return present.empty() && in_attendance.empty() && officers.empty() && apologies.empty() && substitutes.empty();
    }
};

// A meeting of a committee. id = meeting_id_of(council, committee id, date)
// ("kent-county-council-cabinet-2025-01-30"); when date or committee is unknown the id is
// derived from the document id.
struct Meeting {
    std::string id;
    std::string council;  // "Herefordshire Council" or empty
    std::optional<Named> committee;
    std::string date;        // YYYY-MM-DD or empty
    std::string start_time;  // "14:30" or empty
    std::string venue;
    std::string title;  // "Children and Young People Scrutiny Committee, 22 February 2022"
    Attendance attendance;
};

// Fields of a resolution unit.
struct ResolutionInfo {
    std::string kind;      // resolved | recommendations | agreed | actions | information-request
    std::string label;     // "a)", "1.", "" for an unlettered resolution
    std::string preamble;  // "Having reviewed the information provided, the Committee:"
    std::string outcome;   // carried unanimously / deferred / noted ... when minuted, else empty
};

struct TableInfo {
    std::string caption;                         // "Table 3: Children's services expenditure ..."
    std::vector<std::string> header;             // header row cells
    std::vector<std::vector<std::string>> rows;  // body rows (header excluded)
};

struct QuestionInfo {
    std::string number;      // "PQ 1"
    std::string questioner;  // "Ms Shore, Hereford"
    std::string question;
    std::string addressee;  // "Chairman of Children and Young People Scrutiny Committee"
    std::string response;
    std::string kind;  // public | member | supplementary
};

struct ActionInfo {
    std::string number;
    std::string meeting_date;  // YYYY-MM-DD when the tracker's date parses, else as printed
    std::string action;
    std::string owner;
    std::string directorate;
    std::string progress;
    std::string due_date;  // YYYY-MM-DD when parses, else as printed
    std::string status;    // normalised lower case: completed | overdue | in progress | ...
};

// The smallest searchable piece. Every unit belongs to a document and, where known,
// a meeting and an item.
struct Unit {
    std::string id;  // stable: derived from document id and position, never from time
    UnitType type = UnitType::paragraph;
    std::string title;                // item heading, report title/section or table caption
    std::string text;                 // full display text, NFC
    int page = 0;                     // 1-based source page; 0 = unknown (text sources)
    int item_index = -1;              // index into Document::items, -1 when outside any item
    std::string section;              // report section heading ("Key considerations"), if any
    std::string number;               // report paragraph number ("3.6") or bullet label
    std::vector<std::string> people;  // person ids mentioned or acting
    std::vector<std::string> topics;  // topic ids
    bool procedural = false;          // apologies, substitutes, declarations, next meeting...
    bool ocr = false;                 // its page had no text layer and was read by OCR: may have misreadings
    // Its item is exempt business (Schedule 12A): the unit holds only the item's public
    // words, its heading and exclusion resolution; the rest was withheld on purpose.
    bool exempt = false;
    std::optional<ResolutionInfo> resolution;
    std::optional<TableInfo> table;
    std::optional<QuestionInfo> question;
    std::optional<ActionInfo> action;
};

struct Item {
    std::string number;  // "60", "7", "111"; empty for un-numbered web items
    std::string title;   // heading as printed, NFC ("APOLOGIES FOR ABSENCE")
    int page = 0;
    std::string pages_ref;  // "(Pages 9 - 10)" reference from an agenda, as "9-10"
    bool procedural = false;
    bool exempt = false;  // Part II / Schedule 12A: heading and exclusion resolution kept, the rest withheld
};

// One document: a source file, or one document inside an agenda pack.
struct Document {
    std::string id;      // stable: source path relative to archive root + "#n" inside packs
    std::string source;  // path of the source file as given (relative when possible)
    int part = 0;        // position inside an agenda pack (0 for a whole file)
    DocumentKind kind = DocumentKind::minutes;
    std::string title;
    std::string url;
    std::string council;
    // Where the council came from (issue 17), weakest last: "sidecar", "printed" (its own
    // header, or an earlier part of its pack), "place" (its file or folder name names a
    // council), "archive" (the council of the papers it shares a meeting with, or of a
    // one-council archive; given by quorum-index); empty when there is no council.
    std::string council_source;
    std::optional<Named> committee;  // the meeting it records (Cabinet report -> Cabinet)
    std::string date;                // meeting date it records, YYYY-MM-DD or empty
    // Where the date came from (issue 13), so that it can be checked: "printed" (its own
    // header or cover sheet), "pack" (the agenda pack it is part of), "sidecar", "folder"
    // (the meeting folder it is filed in), "file-name"; empty when there is no date.
    std::string date_source;
    std::string meeting_id;  // Meeting::id or empty
    std::string report_by;           // officer report author line
    int first_page = 0, last_page = 0;
    std::vector<Item> items;
    std::vector<Unit> units;
};

// A problem with an input: reported, never fatal for the run.
struct Diagnostic {
    enum class Severity { info, warning, error };
    Severity severity = Severity::warning;
    std::string file;
    int line = 0;         // 0 when not about a line
    std::string code;     // short machine code: "invalid-utf8", "empty", "binary", "pdf-damaged", ...
    std::string message;  // what went wrong and what to do
};

struct PersonRole {
    std::string role;        // normalised role or job title
    std::string meeting_id;  // where it was recorded
    std::string date;        // YYYY-MM-DD or empty
    std::string committee_id;
};

struct Person {
    std::string id;                     // slug of the canonical name: "phillip-howells"
    std::string name;                   // canonical display name
    std::vector<std::string> variants;  // other spellings merged into this person
    std::string kind;                   // councillor | officer | co-optee | other
    std::vector<PersonRole> roles;
};

// An acronym and its expansion learnt from the text ("Multi-Agency Safeguarding Hub (MASH)").
struct Acronym {
    std::string short_form;  // "MASH"
    std::string expansion;   // "Multi-Agency Safeguarding Hub"
    bool operator==(const Acronym&) const = default;
};

// Everything read from an archive.
struct Archive {
    std::vector<Document> documents;
    std::vector<Meeting> meetings;
    std::vector<Person> people;
    std::vector<Acronym> acronyms;
    std::vector<Diagnostic> diagnostics;
};

}  // namespace quorum::corpus
