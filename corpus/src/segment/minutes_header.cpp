// Minutes headers: "Minutes of the meeting of X held at V on D at T", printed on one
// line or over several, with the council above it or before it on the line.
#include "segment/header_readers.hpp"

#include "segment/council_names.hpp"

#include <algorithm>
#include <set>

#include "quorum/corpus/dates.hpp"
#include "quorum/corpus/text.hpp"

namespace quorum::corpus::structure {
namespace {

bool attendance_label(std::string_view p) {
    static const char* const labels[] = {
        "present",  "committee members", "members present", "members:",     "in attendance",
        "officers", "apologies",         "councillors",     "also present", "officials"};
    const std::string l = to_lower(p);
    if (l == "committee") return true;  // "Committee\nMembers:" split by the PDF
    for (const char* s : labels)
        if (l.rfind(s, 0) == 0) return true;
    return false;
}

// Position of `needle` (lower case) in lower-cased `hay` at or after `from`.
std::size_t find_lc(const std::string& hay_lc, std::string_view needle, std::size_t from = 0) {
    return hay_lc.find(needle, from);
}

// The line where the header of minutes starts ("Minutes of the meeting of ...", or a
// "Held in ... on D" line of parish minutes), with the text printed before "Minutes of" on
// it in `prefix`; end when there is none.
std::size_t minutes_start(const Lines& lines, std::size_t begin, std::size_t end, std::string& prefix) {
    const std::size_t scan_end = std::min(end, begin + 60);
    for (std::size_t i = begin; i < scan_end; ++i) {
        const std::string p = plain(lines[i].text);
        const std::string l = to_lower(p);
        std::size_t at = l.find("minutes of");
        if (at == std::string::npos) at = l.find("minutes from the");
        if (at != std::string::npos && minutes_title_line(p)) {
            prefix = p.substr(0, at);
            return i;
        }
        if (l == "minutes" || l == "minutes of") return i;  // words printed one per line
    }
    // "Held in the school on 17th Jan 2002 at 7:30pm" at the top of parish minutes
    int seen = 0;
    for (std::size_t i = begin; i < scan_end && seen < 8; ++i) {
        const std::string p = plain(lines[i].text);
        if (p.empty()) continue;
        ++seen;
        // or "X Parish Council – Ordinary Meeting Tuesday 4th April 2017, 7.30pm Village Hall"
        const bool meeting_line = contains_ci(p, "meeting") && !(p.front() >= '0' && p.front() <= '9') &&
                                  !contains_ci(p, "next meeting") && !contains_ci(p, "previous meeting") &&
                                  !contains_ci(p, "last meeting") && p.size() < 200;
        if ((starts_with_ci(p, "held ") || meeting_line) && find_date(p)) return i;
    }
    return end;
}

// The council printed above the header ("Herefordshire Council") or before it on the line.
std::string minutes_council(const Lines& lines, std::size_t begin, std::size_t start, const std::string& prefix) {
    // "STOKE FERRY PARISH COUNCIL Draft (until approved ...)": the council ends the name
    std::string council = council_named_in(prefix);
    for (std::size_t i = begin; i < start && council.empty(); ++i) {
        const std::string p = plain(lines[i].text);
        if (!p.empty() && p.size() < 80 && split_words(p).size() <= 9 && p.find(':') == std::string::npos)
            council = council_named_in(p);
    }
    if (council.empty() && start < lines.size()) {
        // "MINUTES OF WRETTON PARISH COUNCIL MEETING held at ...": the heading itself, up to "held".
        const std::string heading = plain(lines[start].text);
        council = council_named_in(std::string_view(heading).substr(0, to_lower(heading).find(" held")));
    }
    return council;
}

// The header's lines joined, from `start` (less the first `skip` bytes) until the date and
// time are read or attendance begins. `header_end` is set to the first line after them.
std::string joined_header(const Lines& lines, std::size_t start, std::size_t end, std::size_t skip,
                          std::size_t& header_end) {
    std::string joined;
    std::size_t i = start;
    int taken = 0;
    bool have_date = false;
    for (; i < end && taken < 24; ++i) {
        const std::string p = plain(lines[i].text);
        if (p.empty()) continue;
        std::string piece = p;
        if (i == start) piece = p.substr(skip);
        if (i != start && attendance_label(p)) break;
        if (have_date && !find_time(p) && joined.size() > 0) {
            // one more line may carry the time ("at 2.30 pm") or the venue; not a sentence
            break;
        }
        joined += (joined.empty() ? "" : " ") + piece;
        ++taken;
        if (find_date(joined)) {
            if (have_date) {
                ++i;
                break;
            }
            have_date = true;
            const auto after = joined.substr(date_position(joined));
            if (find_time(after)) {
                ++i;
                break;
            }
        }
    }
    header_end = i;
    return joined;
}

// "Meeting", "Ordinary Meeting": words that say what kind of meeting, not whose.
bool names_no_body(const std::string& name) {
    static const std::set<std::string> others = {"meeting", "the", "a", "an", "last"};
    const auto words = split_words(to_lower(name));
    return std::all_of(words.begin(), words.end(),
                       [](const std::string& w) { return meeting_kind_word(w) || others.count(w) > 0; });
}

// The committee: "meeting of [the] X held", or "MINUTES OF X MEETING HELD AT ...". Empty
// for "Minutes of the meeting held on ...", which names none (a parish council's minutes).
std::string minutes_committee(const std::string& joined, const std::string& lc, std::size_t held) {
    std::string committee;
    std::size_t of = find_lc(lc, "meeting of ");
    if (of != std::string::npos && of > 200) of = std::string::npos;  // a run-on line: not the title
    if (of == std::string::npos) {
        // "MINUTES OF WRETTON PARISH COUNCIL MEETING HELD AT ..."
        const std::size_t mo = find_lc(lc, "minutes of ");
        if (mo != std::string::npos && mo < 120) {
            std::size_t s = mo + 11;
            if (lc.compare(s, 4, "the ") == 0) s += 4;
            std::size_t e = lc.find(" meeting", s);
            if (held != std::string::npos && held > s && (e == std::string::npos || held < e)) e = held;
            if (e != std::string::npos && e > s && e - s < 100 && !find_date(joined.substr(s, e - s)))
                committee = trim_punct(joined.substr(s, e - s));
        }
    }
    if (of != std::string::npos) {
        std::size_t s = of + 11;
        if (lc.compare(s, 4, "the ") == 0) s += 4;
        std::size_t e = held != std::string::npos && held > s ? held : std::string::npos;
        if (e == std::string::npos) {
            const std::size_t dp = date_position(joined);
            e = dp != std::string::npos && dp > s ? cut_before_date(joined, dp) : joined.size();
        }
        committee = trim_punct(joined.substr(s, e - s));
    }
    return names_no_body(committee) ? std::string() : committee;
}

// The venue: "held at|in V on D" or "held on D at T in V".
// How far after a date's start (or after a "held") " in " may come and still introduce the
// meeting's place: "held on Tuesday 30th April 2003 at 7.30 p.m. in ".
constexpr std::size_t kVenueAfterDate = 60;

std::string minutes_venue(const std::string& joined, const std::string& lc, std::size_t held, std::size_t dp) {
    std::string venue;
    if (held != std::string::npos) {
        std::size_t v = std::string::npos;
        if (lc.compare(held + 5, 4, " at ") == 0)
            v = held + 9;
        else if (lc.compare(held + 5, 4, " in ") == 0)
            v = held + 9;
        if (v != std::string::npos && dp != std::string::npos && dp > v) {
            venue = trim_punct(joined.substr(v, cut_before_date(joined, dp) - v));
        } else if (dp != std::string::npos) {
            // "held on 3 March 2022 at 7pm in the Village Hall": the place follows the date and
            // time closely; an " in " further on is prose ("all in favour"), not a place.
            const std::size_t in = find_lc(lc, " in ", dp);
            const std::size_t held_before = in != std::string::npos ? lc.rfind(" held", in) : std::string::npos;
            const bool close = in != std::string::npos &&
                               (in - dp <= kVenueAfterDate || (held_before != std::string::npos && in - held_before <= kVenueAfterDate));
            if (close) venue = trim_punct(joined.substr(in + 4));
        }
    }
    // A venue read after the first date can run into the date of a second heading line
    // ("... held on Wednesday 30th April 2003 / ... held in the Community Centre on Wednesday
    // 30th April 2003"): the date is not part of the place.
    if (const std::size_t vd = date_position(venue); vd != std::string::npos)
        venue = trim_punct(venue.substr(0, cut_before_date(venue, vd)));
    // "the Village Hall at 7.30 p.m": the time is not part of the place
    for (std::size_t at = venue.find(" at "); at != std::string::npos; at = venue.find(" at ", at + 1))
        if (at + 4 < venue.size() && venue[at + 4] >= '0' && venue[at + 4] <= '9') {
            venue = trim_punct(venue.substr(0, at));
            break;
        }
    if (!venue.empty() && venue.size() > 200) venue.clear();
    return venue;
}

// The value of a "LABEL:" field in `p` (`lc` is it in lower case), the label at a word
// start: up to the next field ("DATE: Thursday 3rd December 2020 TIME: 7:00pm PLACE: ..."),
// a rule of dashes or the end. Empty when the label is not there.
std::string field_value(const std::string& p, const std::string& lc, std::string_view label) {
    for (std::size_t at = lc.find(label); at != std::string::npos; at = lc.find(label, at + 1)) {
        if (at > 0 && lc[at - 1] != ' ') continue;
        std::size_t v = at + label.size();
        while (v < p.size() && p[v] == ' ') ++v;
        if (v >= p.size() || p[v] != ':') continue;
        ++v;
        std::size_t e = v;
        // the next field: a word of capitals and a colon ("TIME:"), or a rule ("-----")
        for (std::size_t k = v; k < p.size() && e == v; ++k) {
            if (p.compare(k, 3, "---") == 0) e = k;
            if (p[k] != ':' || k < v + 3) continue;
            std::size_t w = k;
            while (w > v && is_upper(p[w - 1])) --w;
            if (k - w >= 3 && (w == v || p[w - 1] == ' ')) e = w;
        }
        if (e == v) e = p.size();
        return trim_punct(p.substr(v, e - v));
    }
    return {};
}

// Minutes printed on a template of labelled fields ("DATE:", "TIME:", "PLACE:"), read
// when the title line gave no date: a long letterhead (page number, the clerk's address,
// email, telephone) run onto the title line hides "Minutes of" from minutes_start.
void read_labelled_fields(const Lines& lines, std::size_t begin, std::size_t end, Header& h) {
    constexpr int kScanLines = 12;           // the header is at the top
    constexpr std::size_t kScanChars = 2000;  // of a run-on line, its start
    constexpr std::size_t kDateWithin = 12;   // "Thursday 3rd December 2020": a weekday before it
    int seen = 0;
    for (std::size_t i = begin; i < end && seen < kScanLines; ++i) {
        std::string p = plain(lines[i].text);
        if (p.empty()) continue;
        ++seen;
        if (p.size() > kScanChars) p.resize(kScanChars);
        const std::string lc = to_lower(p);
        if (const std::string v = field_value(p, lc, "date"); !v.empty() && h.date.empty())
            if (const auto d = find_date(v); d && date_position(v) <= kDateWithin) h.date = *d;
        if (const std::string v = field_value(p, lc, "time"); !v.empty() && h.start_time.empty())
            if (const auto t = find_time(v)) h.start_time = *t;
        for (const char* label : {"place", "venue"})
            if (const std::string v = field_value(p, lc, label); !v.empty() && h.venue.empty() && v.size() < 120)
                h.venue = v;
    }
}

}  // namespace

Header read_minutes(const Lines& lines, std::size_t begin, std::size_t end) {
    Header h;
    h.end = begin;
    std::string prefix;  // text before "Minutes of" on the same line
    const std::size_t start = minutes_start(lines, begin, end, prefix);
    if (start == end) {
        read_labelled_fields(lines, begin, end, h);
        return h;
    }
    h.council = minutes_council(lines, begin, start, prefix);
    const std::string joined = joined_header(lines, start, end, prefix.size(), h.end);
    const std::string lc = to_lower(joined);
    const std::size_t held = find_lc(lc, " held");
    h.committee = minutes_committee(joined, lc, held);
    const std::size_t dp = date_position(joined);
    if (auto d = find_date(joined)) h.date = *d;
    if (dp != std::string::npos)
        if (auto t = find_time(std::string_view(joined).substr(dp))) h.start_time = *t;
    // The place is read from the copy of the heading the date was taken from: the last
    // "held" before it (a heading printed twice has the place in its second copy only).
    std::size_t held_here = dp != std::string::npos ? lc.rfind(" held", dp) : std::string::npos;
    if (held_here == std::string::npos) held_here = held;
    h.venue = minutes_venue(joined, lc, held_here, dp);
    if (h.date.empty()) read_labelled_fields(lines, begin, end, h);
    return h;
}

}  // namespace quorum::corpus::structure
