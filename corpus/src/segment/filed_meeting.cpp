// The meeting a file is filed with, read from its folder and file names (issue 13).
// Archives file a meeting's papers together: ModernGov downloads in "<committee>/<date>/",
// Limerick's "YYYY/MM/DD-<meeting name>/". What such a place says is weaker than what the
// document prints, and the segmenter uses it only for what the text left empty.
#include "segment/filed_meeting.hpp"

#include "segment/council_names.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <system_error>
#include <vector>

#include "quorum/corpus/dates.hpp"
#include "quorum/corpus/text.hpp"
#include "segment/structure.hpp"

namespace quorum::corpus {
namespace fs = std::filesystem;
namespace {

using structure::to_lower;

constexpr int kFolderLevels = 3;            // cabinet/2025-01-30/originals/x.pdf: the grandparent
constexpr std::size_t kMaxSiblings = 2000;  // a meeting folder is small; a huge one is not a meeting

// The last component of a path without its extension, with the separators that stand for
// spaces in downloaded names ("%20", "_", no-break space) made spaces.
std::string name_stem(std::string_view path) {
    const std::size_t slash = path.find_last_of("/\\");
    if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
    const std::size_t dot = path.rfind('.');
    if (dot != std::string_view::npos && dot > 0) path = path.substr(0, dot);
    std::string s;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path.compare(i, 3, "%20") == 0) {
            s += ' ';
            i += 2;
        } else if (path.compare(i, 2, "\xC2\xA0") == 0) {
            s += ' ';
            i += 1;
        } else {
            s += path[i] == '_' ? ' ' : path[i];
        }
    }
    return trim(s);
}

bool valid_date(int year, int month, int day) {
    return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string iso(int year, int month, int day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

bool all_digits(const std::string& s, std::size_t n) {
    return s.size() == n && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The words before a meeting's name in "Agenda - <meeting> - <date>" ("Draft Minutes",
// "Agenda to consider the General Municipal Allocation"): what kind of paper it is.
bool kind_words(std::string_view segment) {
    static const char* const words[] = {"agenda", "minutes", "draft", "printed", "supplementary", "additional"};
    const auto ws = structure::split_words(to_lower(segment));
    return !ws.empty() && std::any_of(std::begin(words), std::end(words), [&](const char* k) { return ws[0] == k; });
}

// A folder named by a full date: "2025-01-30", "2025-01-30 Cabinet", or the day of a
// YYYY/MM/ tree with the meeting's name ("06-Monthly Meeting of X" under "2019/03").
std::optional<NamedMeeting> meeting_folder(const fs::path& folder) {
    static const std::regex iso_name(R"(^(\d{4})-(\d{2})-(\d{2})(?:[ _-]+(.*))?$)");
    static const std::regex day_name(R"(^(\d{1,2})(?:[ _-]+(.*))?$)");
    const std::string name = folder.filename().string();
    std::smatch m;
    NamedMeeting out;
    std::string meeting;
    if (std::regex_match(name, m, iso_name)) {
        const int y = std::stoi(m[1]), mo = std::stoi(m[2]), d = std::stoi(m[3]);
        if (!valid_date(y, mo, d)) return std::nullopt;
        out.date = iso(y, mo, d);
        meeting = m[4];
    } else if (std::regex_match(name, m, day_name)) {
        const std::string month = folder.parent_path().filename().string();
        const std::string year = folder.parent_path().parent_path().filename().string();
        if (!all_digits(month, 2) || !all_digits(year, 4)) return std::nullopt;
        const int y = std::stoi(year), mo = std::stoi(month), d = std::stoi(m[1]);
        if (!valid_date(y, mo, d)) return std::nullopt;
        out.date = iso(y, mo, d);
        meeting = m[2];
    } else {
        return std::nullopt;
    }
    if (!meeting.empty()) out.committee = committee_of_meeting_name(meeting);
    return out;
}

// The committee the meeting folder's agenda names (else its minutes), when the names agree
// on one and give the folder's date: "Agenda frontsheet 13th-Feb-2025 09.30 County Council.pdf".
std::optional<Named> committee_of_siblings(const fs::path& folder, const std::string& date) {
    std::map<std::string, Named> agendas, minutes;
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    std::size_t seen = 0;
    for (const fs::recursive_directory_iterator end; !ec && it != end && seen < kMaxSiblings; it.increment(ec)) {
        ++seen;
        if (it.depth() > 1) it.disable_recursion_pending();
        const std::string file = it->path().filename().string();
        std::error_code type_ec;
        if (file.starts_with(".") || !it->is_regular_file(type_ec) || !is_supported_file(it->path())) continue;
        const auto kind = structure::kind_from_file_name(file);
        if (kind != DocumentKind::agenda && kind != DocumentKind::minutes) continue;
        const NamedMeeting named = meeting_from_file_name(file);
        if (named.date != date || !named.committee) continue;
        (kind == DocumentKind::agenda ? agendas : minutes).emplace(named.committee->id, *named.committee);
    }
    if (ec) return std::nullopt;
    if (agendas.size() == 1) return agendas.begin()->second;
    if (agendas.empty() && minutes.size() == 1) return minutes.begin()->second;
    return std::nullopt;  // none, or names that disagree: no guess
}

}  // namespace

std::optional<Named> committee_of_meeting_name(std::string_view meeting) {
    std::string m = trim(meeting);
    // "Special Meeting of Limerick City and County Council_ Limerick_Foynes Road ...": the
    // meeting's subject follows a colon (an underscore in a file name)
    for (std::string_view cut : {": ", "_ ", " _"})
        if (const std::size_t at = m.find(cut); at != std::string::npos) m = trim(std::string_view(m).substr(0, at));
    std::string lc = to_lower(m);
    if (const std::size_t of = lc.find("meeting of "); of != std::string::npos) {
        m = m.substr(of + 11);
        lc = lc.substr(of + 11);
        if (lc.starts_with("the ")) m = m.substr(4);
    } else if (lc.ends_with(" meeting")) {
        m = m.substr(0, m.size() - 8);
    }
    m = trim(m);
    const auto words = structure::split_words(m);
    if (words.empty() || words.size() > 14 || find_date(m)) return std::nullopt;
    Named named = structure::committee_named(m);
    if (named.id.empty()) return std::nullopt;
    return named;
}

NamedMeeting meeting_from_file_name(std::string_view path) {
    const std::string stem = name_stem(path);
    NamedMeeting out;
    if (auto d = find_date(stem)) out.date = *d;
    if (out.date.empty()) return out;
    // ModernGov: "<title> 30th-Jan-2025 10.00 Cabinet"
    static const std::regex moderngov(R"((\d{1,2}(?:st|nd|rd|th)?-[A-Za-z]{3,9}-\d{4}) \d{1,2}[.:]\d{2} (.+)$)");
    std::smatch m;
    if (std::regex_search(stem, m, moderngov) && find_date(m[1].str()) == out.date) {
        const std::string committee = trim(m[2].str());
        if (structure::split_words(committee).size() <= 8) out.committee = structure::committee_named(committee);
        return out;
    }
    // "Minutes - Meeting of the X SPC - 8th October 2018" (kind, meeting, date), "Item for
    // Agenda Quarterly Tracker as at 3rd January 2023 - Monthly Meeting of X - 19th January
    // 2023": the last part dates the meeting, the middle names it.
    std::vector<std::string> segments;
    std::size_t from = 0;
    for (std::size_t at; (at = stem.find(" - ", from)) != std::string::npos; from = at + 3)
        segments.push_back(trim(std::string_view(stem).substr(from, at - from)));
    segments.push_back(trim(std::string_view(stem).substr(from)));
    if (segments.size() < 3) return out;
    const auto last_date = find_date(segments.back());
    if (!last_date) return out;
    std::string meeting;
    for (std::size_t i = 1; i + 1 < segments.size(); ++i) meeting += (meeting.empty() ? "" : " - ") + segments[i];
    const std::string lc = to_lower(meeting);
    if (kind_words(segments.front()) || lc.find("meeting of ") != std::string::npos || lc.ends_with(" meeting")) {
        out.date = *last_date;
        out.committee = committee_of_meeting_name(meeting);
    }
    return out;
}

std::string council_of_place(std::string_view relative_path) {
    try {
        fs::path p{std::string(relative_path)};
        std::string name = name_stem(p.generic_string());
        for (;;) {
            if (std::string council = council_named_in(name); !council.empty()) return council;
            p = p.parent_path();
            if (p.empty() || !p.has_filename() || p == p.root_path()) return {};
            name = name_stem(p.generic_string() + ".");
        }
    } catch (const std::exception&) {
        return {};
    }
}

Filing filing_of(std::string_view path, bool look_at_siblings) {
    Filing filing;
    try {
        filing.name = meeting_from_file_name(path);
        fs::path folder = fs::path(path).parent_path();
        for (int level = 0; level < kFolderLevels && !folder.empty() && folder.has_filename(); ++level) {
            if (auto found = meeting_folder(folder)) {
                filing.folder = std::move(*found);
                if (!filing.folder.committee && look_at_siblings)
                    filing.folder.committee = committee_of_siblings(folder, filing.folder.date);
                break;
            }
            folder = folder.parent_path();
        }
    } catch (const std::exception&) {
        // a name that is not a path, or a folder that cannot be listed: the place says nothing
    }
    return filing;
}

void fill_from_filing(const Filing& filing, DocumentKind kind, MeetingFields m) {
    // Minutes, agendas and questions are named after their meeting; any paper whose name is
    // a whole meeting reference ("24-00096 - PROD 30th-Jan-2025 10.00 Cabinet.pdf") is too,
    // but not one with a version date ("Appendix D 21.01.25.pdf").
    const bool name_reference = filing.name.committee.has_value() && !filing.name.date.empty();
    const bool named_after_meeting = kind == DocumentKind::minutes || kind == DocumentKind::agenda ||
                                     kind == DocumentKind::questions || kind == DocumentKind::agenda_pack ||
                                     name_reference;
    const auto from_name = [&] {
        if (!m.date.empty() || !named_after_meeting || filing.name.date.empty()) return;
        m.date = filing.name.date;
        m.date_source = "file-name";
    };
    // A name that is a whole meeting reference is the paper's own, and more exact than its
    // folder (Limerick files a few agendas in the folder of a later meeting).
    if (name_reference) from_name();
    // A meeting folder holds the minutes of an earlier meeting, filed for approval: its
    // date is not theirs.
    if (m.date.empty() && kind != DocumentKind::minutes && !filing.folder.date.empty()) {
        m.date = filing.folder.date;
        m.date_source = "folder";
        // a paper dated by its meeting folder belongs to the folder's meeting, whatever
        // spelling of the body it prints ("Full Council" in the "County Council" folder)
        if (filing.folder.committee) m.committee = filing.folder.committee;
    }
    from_name();
    // A committee only from a place that gives the same date: minutes of 9 January filed
    // in the 30 January folder are not told the committee of 30 January.
    if (m.committee || m.date.empty()) return;
    if (m.date == filing.name.date && filing.name.committee)
        m.committee = filing.name.committee;
    else if (m.date == filing.folder.date && filing.folder.committee)
        m.committee = filing.folder.committee;
}

}  // namespace quorum::corpus
