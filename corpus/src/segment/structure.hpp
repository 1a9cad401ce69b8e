// Private to the segmenter: how a council document is laid out. Line shapes, document
// starts inside agenda packs, meeting headers, attendance lists and minute items.
// Each piece works on plain lines (SourceLine) so text, Markdown, HTML and PDF share it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quorum/corpus/model.hpp"
#include "quorum/corpus/reader.hpp"
#include "quorum/text/ascii.hpp"

namespace quorum::corpus::structure {

using Lines = std::vector<SourceLine>;

// ---- line shapes (line_shapes.cpp) -----------------------------------------------------

// Display text of a line: Markdown emphasis and stray HTML tags removed, spaces collapsed,
// trimmed. Tabs (table cells) are kept.
[[nodiscard]] std::string plain(std::string_view text);
[[nodiscard]] bool is_blank(std::string_view text);
using text::is_digit;
using text::is_lower;
using text::is_upper;
using text::starts_with_ci;
using text::to_lower;
using text::trim_view;
[[nodiscard]] bool contains_ci(std::string_view text, std::string_view needle);
[[nodiscard]] std::vector<std::string> split_words(std::string_view text);
// Next non-blank line index in [from, end), or end.
[[nodiscard]] std::size_t next_content(const Lines& lines, std::size_t from, std::size_t end);

// Letters of a word: ASCII case only (accented letters count as neither).
struct Case {
    int upper = 0, lower = 0;
};
[[nodiscard]] Case letter_case(std::string_view w);

// How much a line looks like a heading: 0 not at all, 1 short sentence-case line,
// 2 title case, 3 capitals. Long lines, sentences and questions score 0.
[[nodiscard]] int heading_score(std::string_view text);

// The heading at the start of "APOLOGIES FOR ABSENCE To receive apologies" or
// "To Receive and Accept Apologies for Absence Apologies were received": the run of
// capitals (or title-case words) before the body begins. Whole text when it is all heading.
[[nodiscard]] std::string heading_prefix(std::string_view text);

// "9 - 16", "(Pages 9 - 10)" -> "9-16"; empty when the text is not a page range.
[[nodiscard]] std::string page_range(std::string_view text);

// ---- page furniture (page_furniture.cpp) ----------------------------------------------

// Blanks running headers/footers repeated on many pages, page numbers ("Page 3 of 12",
// a bare number at the top or foot of a page) and converter notes. Keeps the line count.
void strip_page_furniture(Lines& lines);

// ---- text left out on purpose (withheld_text.cpp) --------------------------------------

// An info diagnostic `page-furniture` counting the lines strip_page_furniture blanked
// (`before` and `after` it); none when it blanked nothing.
void report_page_furniture(const Lines& before, const Lines& after, const std::string& file,
                           std::vector<Diagnostic>& out);
// An info diagnostic `exempt-withheld` for each exempt item of `doc`.
void report_exempt_items(const Document& doc, const std::string& file, std::vector<Diagnostic>& out);

// ---- meeting headers (meeting_header.cpp; one reader per kind: header_readers.hpp) -----

struct Header {
    std::string council;
    std::string committee;  // as printed; normalise with committee_named()
    std::string date;       // YYYY-MM-DD
    std::string start_time;
    std::string venue;
    std::string title;  // report title, page title, appendix heading
    std::string report_by;
    std::size_t end = 0;  // first line after the header
};

// Committee name in one canonical spelling: "Children and young people scrutiny
// committee" -> "Children and Young People Scrutiny Committee", id by slugify.
[[nodiscard]] Named committee_named(std::string_view printed);

// "2022-02-22" -> "22 February 2022".
[[nodiscard]] std::string display_date(std::string_view iso);

// "Agenda for X Committee on Thursday 15 January 2026, 7:30 pm" (a ModernGov page title
// or heading): fills the committee, date and time still empty in `h`.
void read_agenda_title(std::string_view title, Header& h);

// The header of a document starting at `begin`, read according to its kind.
[[nodiscard]] Header read_header(const Lines& lines, std::size_t begin, std::size_t end, DocumentKind kind);

// ---- agenda packs (agenda_pack.cpp) ----------------------------------------------------

struct Part {
    DocumentKind kind = DocumentKind::minutes;
    std::size_t begin = 0, end = 0;  // line range [begin, end)
    bool guessed = false;            // no line said what it is: the kind is a default
};

// Document starts found in the lines: the first part covers the start of the text.
[[nodiscard]] std::vector<Part> find_parts(const Lines& lines);

// Kind of a whole file from its first lines when no sidecar says; nullopt when no line
// says (find_parts then assumes minutes, or a report when nothing in it is minuted).
[[nodiscard]] std::optional<DocumentKind> detect_kind(const Lines& lines);

// Kind named by a file name ("Agenda - X - 6th March 2019.md", "Printed minutes
// 30th-Jan-2025.pdf", "24-00096 - ... - Report.pdf", "Appendix J - ...pdf"), or nullopt
// when the name says nothing.
[[nodiscard]] std::optional<DocumentKind> kind_from_file_name(std::string_view source);

// "From: ...", "To: Cabinet – 30 January 2025", "Subject: ...": a field of an officer
// report's cover sheet. Returns the field name in lower case, or "".
[[nodiscard]] std::string report_cover_field(std::string_view plain_line);

// Does "minutes of" on this line start a minutes document ("MINUTES OF PROCEEDINGS AT
// MEETING OF ...", "PARISH COUNCIL Draft Minutes of the Ordinary Meeting held ...")
// rather than refer to earlier minutes ("To adopt Minutes of Meeting ... held on ...")?
[[nodiscard]] bool minutes_title_line(std::string_view plain_line);

// ---- attendance (attendance.cpp, attendee_lists.cpp, apologies.cpp) --------------------

// Attendance blocks ("Present:", "Committee Members:", "In attendance", "Officers:") in
// [begin, end). `people` turns one printed entry into an Attendee.
[[nodiscard]] Attendance read_attendance(const Lines& lines, std::size_t begin, std::size_t end);

// "Present:", "OFFICIALS IN ATTENDANCE", "In attendance Councillor X": a line that starts
// an attendance list.
[[nodiscard]] bool attendance_label(std::string_view plain_line);
// "Committee" above "Members:": one word the PDF split from the label on the next line
// (the two joined are a label).
[[nodiscard]] bool label_prefix(const Lines& lines, std::size_t i, std::size_t end);
// A line of running prose (mostly lower-case words), which ends an attendance list.
[[nodiscard]] bool prose_line(std::string_view plain_line);

// Splits a printed list of people ("Councillor X, Mr Y - Education Cooptee and Jane
// Ellis, Director of Healthwatch") into entries, each "name[, title]".
[[nodiscard]] std::vector<Attendee> split_people(std::string_view text, bool names_only);

// Reads the APOLOGIES item body into attendance.apologies and remote notes.
void read_apologies(const Lines& body, Attendance& attendance);
// Reads the NAMED SUBSTITUTES item body into attendance.substitutes.
void read_substitutes(const Lines& body, Attendance& attendance);

// ---- items (items.cpp) -----------------------------------------------------------------

struct ItemBlock {
    Item item;
    std::size_t heading_line = 0;
    Lines body;  // lines after the heading (displaced lines moved to the item they belong to)
};

struct ItemLayout {
    std::size_t first_item_line = 0;  // where the first item's number is printed (end when none)
    std::vector<ItemBlock> items;
    Lines trailer;  // text after the last item that is not part of it (agenda notes)
};

[[nodiscard]] ItemLayout find_items(const Lines& lines, std::size_t begin, std::size_t end, DocumentKind kind);

// ---- item flags (item_flags.cpp) -------------------------------------------------------

// Procedural business: apologies, substitutes, declarations, minutes, no questions, next meeting.
[[nodiscard]] bool is_procedural(const Item& item, const Lines& body);

// ---- exempt business (exempt_business.cpp) ----------------------------------------------

// Mentions exempt business (Part II, Schedule 12A, exclusion of the press and public).
[[nodiscard]] bool mentions_exempt(std::string_view text);

// Which business an exclusion resolution makes exempt. When it names no item, no single
// item and not its own, it withholds the rest of the business until public business resumes.
struct ExclusionScope {
    std::vector<std::string> numbers;  // items it names ("item 12", "minutes 12 to 14"); empty when it names none
    bool following_only = false;       // "for the following item": the next item only
    bool this_item = false;            // "for this item": the item it is recorded in
};
[[nodiscard]] ExclusionScope exclusion_scope(std::string_view text);

// A line that starts a part of the business: true for exempt business ("PART II",
// "EXEMPT ITEMS", "Confidential business"), false when public business resumes ("PART I",
// "UNRESTRICTED ITEMS", "the press and public were readmitted"), nullopt otherwise.
[[nodiscard]] std::optional<bool> part_marker(std::string_view plain_line);

// ---- sections (line_shapes.cpp) --------------------------------------------------------

// A short standalone line that names a section ("Key considerations", "Corporate
// Responsibility") rather than saying something.
[[nodiscard]] bool is_section_heading(const Lines& lines, std::size_t i, bool report);

}  // namespace quorum::corpus::structure
