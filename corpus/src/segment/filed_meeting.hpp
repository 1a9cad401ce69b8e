// The meeting a file is filed with, from its place rather than its text (issue 13): the
// meeting folder it sits in ("cabinet/2025-01-30/originals/", "2019/03/06-Monthly Meeting
// of X/"), the names of that folder's agenda and minutes, and its own file name
// ("Agenda - Monthly Meeting of X - 21st March 2019.md"). Only what a name says in full is
// taken: a month without a day ("minutes-november-2018") is no date.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "quorum/corpus/model.hpp"

namespace quorum::corpus {

// A meeting as a name gives it: a date (YYYY-MM-DD or empty) and, when the name says it,
// the committee.
struct NamedMeeting {
    std::string date;
    std::optional<Named> committee;
};

// What a file's place says. `folder`: the nearest meeting folder (a folder named by a full
// date) with the committee its own name or its agenda's (else minutes') file name gives;
// empty when the file is in no meeting folder. `name`: the file's own name.
struct Filing {
    NamedMeeting folder;
    NamedMeeting name;
    // The council the file's own name or a folder above it names ("stoke-ferry-parish-
    // council-minutes-february.md", "kent-county-council/cabinet/..."); empty when none does.
    std::string council;
    // The council quorum-index gives the file (ReadOptions::council), used after all else.
    std::string archive_council;
};

// `path` is the file's path; with `look_at_siblings` the meeting folder is listed (on disk)
// for the file names of its agenda and minutes. Never throws.
[[nodiscard]] Filing filing_of(std::string_view path, bool look_at_siblings);

// The council a relative path names, nearest first: the file's own name, then each folder
// up to the archive's own folder. A name names a council when words before "council" name
// it: "West Dereham Parish Council" from "west-dereham-parish-council-minutes-november-2018";
// "Full Council", "council_cycle" or "2019 council meetings" name none.
[[nodiscard]] std::string council_of_place(std::string_view relative_path);

// The meeting a file name gives: "Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf"
// (ModernGov: date, time, committee), "Minutes - Meeting of the X SPC - 8th October
// 2018.md" (kind, meeting, date), "2019-01-02.txt" (a date only).
[[nodiscard]] NamedMeeting meeting_from_file_name(std::string_view path);

// The committee of a meeting's name: "Monthly Meeting of the Municipal District of X" ->
// "Municipal District of X"; "X Joint Policing Sub Committee Meeting" -> "X Joint Policing
// Sub Committee" (the same committee the minutes' header "Minutes of the meeting of X" gives).
[[nodiscard]] std::optional<Named> committee_of_meeting_name(std::string_view meeting);

// The fields of a meeting being attributed (the segmenter's own record of it).
struct MeetingFields {
    std::optional<Named>& committee;
    std::string& date;
    std::string& date_source;  // "printed", "pack", "sidecar", "folder", "file-name"
};

// Fills what the printed header, the pack and the sidecar left empty, in this order: the
// meeting folder's date (not for minutes: a meeting folder holds the minutes of the
// meeting before, filed for approval), the file name's date (for papers named after their
// meeting), then the committee of whichever place gives the same date as the document.
void fill_from_filing(const Filing& filing, DocumentKind kind, MeetingFields m);

}  // namespace quorum::corpus
