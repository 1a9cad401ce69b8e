// Meeting headers: which committee met, when, where. Each document kind prints them its
// own way ("Minutes of the meeting of X held at V on D at T", agenda "Date:"/"Place:"
// lines, report "Meeting:"/"Meeting date:" lines). Only what is printed is read.
#include <array>
#include <cctype>
#include <cstdlib>
#include <vector>

#include "quorum/corpus/dates.hpp"
#include "quorum/corpus/text.hpp"
#include "units/questions.hpp"
#include "segment/structure.hpp"

namespace quorum::corpus::structure {
namespace {

std::string trim_punct(std::string s) {
    s = trim(s);
    while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ':' || s.back() == ';' || s.back() == '-'))
        s = trim(s.substr(0, s.size() - 1));
    // trailing en/em dash
    while (s.size() >= 3 &&
           (s.compare(s.size() - 3, 3, "\xE2\x80\x93") == 0 || s.compare(s.size() - 3, 3, "\xE2\x80\x94") == 0))
        s = trim(s.substr(0, s.size() - 3));
    while (!s.empty() && (s.front() == ',' || s.front() == ':')) s = trim(s.substr(1));
    return s;
}

bool all_caps(std::string_view s) {
    int up = 0, low = 0;
    for (char c : s) {
        if (c >= 'A' && c <= 'Z') ++up;
        if (c >= 'a' && c <= 'z') ++low;
    }
    return up > 0 && low == 0;
}

// Value after a "Label:" at the start of a line, or nullopt.
std::optional<std::string> label_value(std::string_view p, std::string_view label) {
    if (!starts_with_ci(p, label)) return std::nullopt;
    std::string_view rest = p.substr(label.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.empty() || rest.front() != ':') return std::nullopt;
    rest.remove_prefix(1);
    return trim(rest);
}

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

// Position where the first full date begins in s (for cutting the venue before it).
std::size_t date_position(const std::string& s) {
    const auto date = find_date(s);
    if (!date) return std::string::npos;
    std::size_t previous = 0;  // last word start whose suffix still holds the date
    for (std::size_t cut = 1; cut < s.size(); ++cut) {
        if (s[cut - 1] != ' ' || s[cut] == ' ') continue;
        if (find_date(std::string_view(s).substr(cut)) != date) return previous;
        previous = cut;
    }
    return previous;
}

// Start of the weekday before a date: "on Tuesday 22 February" -> index of "on".
std::size_t cut_before_date(const std::string& s, std::size_t date_pos) {
    std::string head = s.substr(0, date_pos);
    const std::string lc = to_lower(head);
    static const std::array<const char*, 7> days = {"monday", "tuesday",  "wednesday", "thursday",
                                                    "friday", "saturday", "sunday"};
    std::size_t cut = head.size();
    for (const char* d : days) {
        const std::size_t at = lc.rfind(d);
        if (at != std::string::npos && at + 12 >= head.size()) cut = std::min(cut, at);
    }
    std::string_view h = std::string_view(head).substr(0, cut);
    while (!h.empty() && (h.back() == ' ' || h.back() == ',')) h.remove_suffix(1);
    const std::string hl = to_lower(h);
    if (hl.size() >= 3 && hl.compare(hl.size() - 3, 3, " on") == 0) h.remove_suffix(3);
    return h.size();
}

std::string council_case(std::string s) {
    s = trim_punct(s);
    if (starts_with_ci(s, "draft ")) s = trim(s.substr(6));
    if (all_caps(s)) return committee_named(s).name;
    return s;
}

Header read_minutes(const Lines& lines, std::size_t begin, std::size_t end) {
    Header h;
    h.end = begin;
    std::size_t start = end;
    std::string prefix;  // text before "Minutes of" on the same line
    const std::size_t scan_end = std::min(end, begin + 60);
    for (std::size_t i = begin; i < scan_end; ++i) {
        const std::string p = plain(lines[i].text);
        const std::string l = to_lower(p);
        std::size_t at = l.find("minutes of");
        if (at == std::string::npos) at = l.find("minutes from the");
        if (at != std::string::npos && minutes_title_line(p)) {
            start = i;
            prefix = p.substr(0, at);
            break;
        }
        if (l == "minutes" || l == "minutes of") {  // words printed one per line
            start = i;
            break;
        }
    }
    if (start == end) {
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
            if ((starts_with_ci(p, "held ") || meeting_line) && find_date(p)) {
                start = i;
                break;
            }
        }
    }
    if (start == end) return h;
    // Council printed above the header ("Herefordshire Council") or before it on the line.
    if (contains_ci(prefix, "council")) {
        // "STOKE FERRY PARISH COUNCIL Draft (until approved ...)": the council ends the name
        const std::size_t c = to_lower(prefix).rfind("council");
        h.council = council_case(prefix.substr(0, c + 7));
    }
    for (std::size_t i = begin; i < start && h.council.empty(); ++i) {
        const std::string p = plain(lines[i].text);
        if (!p.empty() && p.size() < 60 && contains_ci(p, "council") && split_words(p).size() <= 6 &&
            p.find(':') == std::string::npos)
            h.council = council_case(p);
    }
    // Join the header's lines: until the date and time are read or attendance begins.
    std::string joined;
    std::size_t i = start;
    int taken = 0;
    bool have_date = false;
    for (; i < end && taken < 24; ++i) {
        const std::string p = plain(lines[i].text);
        if (p.empty()) continue;
        std::string piece = p;
        if (i == start) piece = p.substr(prefix.size());
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
    h.end = i;
    const std::string lc = to_lower(joined);
    // committee: "meeting of [the] X held"
    std::size_t of = find_lc(lc, "meeting of ");
    std::size_t held = find_lc(lc, " held");
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
                h.committee = trim_punct(joined.substr(s, e - s));
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
        h.committee = trim_punct(joined.substr(s, e - s));
    }
    const std::size_t dp = date_position(joined);
    if (auto d = find_date(joined)) h.date = *d;
    if (dp != std::string::npos)
        if (auto t = find_time(std::string_view(joined).substr(dp))) h.start_time = *t;
    // venue: "held at|in V on D" or "held on D at T in V"
    if (held != std::string::npos) {
        std::size_t v = std::string::npos;
        if (lc.compare(held + 5, 4, " at ") == 0)
            v = held + 9;
        else if (lc.compare(held + 5, 4, " in ") == 0)
            v = held + 9;
        if (v != std::string::npos && dp != std::string::npos && dp > v) {
            h.venue = trim_punct(joined.substr(v, cut_before_date(joined, dp) - v));
        } else if (dp != std::string::npos) {
            const std::size_t in = find_lc(lc, " in ", dp);
            if (in != std::string::npos) h.venue = trim_punct(joined.substr(in + 4));
        }
    }
    // "the Village Hall at 7.30 p.m": the time is not part of the place
    for (std::size_t at = h.venue.find(" at "); at != std::string::npos; at = h.venue.find(" at ", at + 1))
        if (at + 4 < h.venue.size() && h.venue[at + 4] >= '0' && h.venue[at + 4] <= '9') {
            h.venue = trim_punct(h.venue.substr(0, at));
            break;
        }
    if (!h.venue.empty() && h.venue.size() > 200) h.venue.clear();
    return h;
}

}  // namespace

void read_agenda_title(std::string_view title, Header& h) {
    const std::string t = trim(title);
    const std::string lc = to_lower(t);
    if (lc.rfind("agenda for ", 0) != 0) return;
    const std::size_t on = lc.find(" on ");
    if (on != std::string::npos && h.committee.empty()) {
        std::string c = t.substr(11, on - 11);
        if (starts_with_ci(c, "the meeting of ")) c = c.substr(15);
        h.committee = trim_punct(c);
    }
    if (h.date.empty())
        if (auto d = find_date(t)) h.date = *d;
    if (h.start_time.empty() && on != std::string::npos)
        if (auto tm = find_time(std::string_view(t).substr(on))) h.start_time = *tm;
}

namespace {

// The summons of an agenda: "You are requested to attend a Meeting of the X to be held in
// V on Wednesday, 6 March, 2019, at 9.15 a.m." (Irish and parish notices).
void read_summons(const Lines& lines, std::size_t begin, std::size_t end, Header& h) {
    for (std::size_t i = begin; i < end; ++i) {
        const std::string p = plain(lines[i].text);
        const std::string l = to_lower(p);
        // ... and "A meeting of the County Council will be held in V on Thursday, 13th February, 2025" (ModernGov)
        if (l.find("requested to attend") == std::string::npos && l.find("hereby summoned") == std::string::npos &&
            l.find("notice is hereby given") == std::string::npos &&
            !(l.rfind("a meeting of ", 0) == 0 && l.find(" will be held") != std::string::npos))
            continue;
        std::string joined = p;
        for (std::size_t j = i + 1, taken = 0; j < end && taken < 4; ++j) {
            const std::string q = plain(lines[j].text);
            if (q.empty()) continue;
            joined += " " + q;
            ++taken;
            if (contains_ci(q, "business") || contains_ci(q, "agenda")) break;
        }
        const std::string lc = to_lower(joined);
        const std::size_t of = lc.find("meeting of ");
        std::size_t held = lc.find(" to be held");
        if (held == std::string::npos) held = lc.find(" which will be held");
        if (held == std::string::npos) held = lc.find(" will be held");
        if (held == std::string::npos) held = lc.find(" held");
        if (of != std::string::npos && held != std::string::npos && held > of && h.committee.empty()) {
            std::size_t s = of + 11;
            if (lc.compare(s, 4, "the ") == 0) s += 4;
            h.committee = trim_punct(joined.substr(s, held - s));
        }
        const std::size_t dp = date_position(joined);
        if (h.date.empty())
            if (auto d = find_date(joined)) h.date = *d;
        if (h.start_time.empty() && dp != std::string::npos)
            if (auto t = find_time(std::string_view(joined).substr(dp))) h.start_time = *t;
        if (h.venue.empty() && held != std::string::npos && dp != std::string::npos) {
            const std::size_t at = lc.find(" held ", held);
            if (at != std::string::npos && (lc.compare(at + 6, 3, "in ") == 0 || lc.compare(at + 6, 3, "at ") == 0)) {
                const std::size_t v = at + 9;
                const std::size_t cut = cut_before_date(joined, dp);
                if (cut > v) h.venue = trim_punct(joined.substr(v, cut - v));
                if (h.venue.size() > 200) h.venue.clear();
            }
        }
        return;
    }
}

Header read_agenda(const Lines& lines, std::size_t begin, std::size_t end) {
    Header h;
    h.end = begin;
    const std::size_t scan_end = std::min(end, begin + 80);
    bool after_agenda_word = false;
    for (std::size_t i = begin; i < scan_end; ++i) {
        const std::string p = plain(lines[i].text);
        if (p.empty()) continue;
        if (p.find('\t') != std::string::npos) {
            // the item table; or a cover line laid out in columns: "Thursday, 30th January,
            // 2025, at 10.00 am<TAB>Ask for: ..." (the date is the first column)
            if (std::isdigit(static_cast<unsigned char>(p.front()))) break;
            const std::string first = p.substr(0, p.find('\t'));
            if (h.date.empty())
                if (auto d = find_date(first)) {
                    h.date = *d;
                    if (h.start_time.empty())
                        if (auto t = find_time(first)) h.start_time = *t;
                }
            continue;
        }
        const std::string l = to_lower(p);
        if (l == "agenda") {
            after_agenda_word = true;
            continue;
        }
        if (auto v = label_value(p, "date")) {
            if (auto d = find_date(*v)) h.date = *d;
            if (h.start_time.empty())
                if (auto t = find_time(*v)) h.start_time = *t;
            continue;
        }
        if (auto v = label_value(p, "time")) {
            if (auto t = find_time(*v)) h.start_time = *t;
            continue;
        }
        std::optional<std::string> place = label_value(p, "place");
        if (!place) place = label_value(p, "venue");
        if (!place) place = label_value(p, "location");
        if (place) {
            std::string v = *place;
            // wrapped onto following lines until a blank line
            for (std::size_t j = i + 1; j < scan_end && !is_blank(lines[j].text); ++j) {
                v += " " + plain(lines[j].text);
                i = j;
            }
            h.venue = trim_punct(v);
            continue;
        }
        if (auto v = label_value(p, "meeting")) {
            if (h.committee.empty()) h.committee = trim_punct(*v);
            continue;
        }
        if (starts_with_ci(l, "agenda for ") && !starts_with_ci(l, "agenda for the meeting of ")) {
            read_agenda_title(p, h);
            continue;
        }
        if (starts_with_ci(l, "agenda for the meeting of ")) {
            std::string c = p.substr(26);
            if (starts_with_ci(c, "the ")) c = c.substr(4);
            if (h.committee.empty()) h.committee = trim_punct(c);
            continue;
        }
        if (after_agenda_word && h.committee.empty() && p.find(':') == std::string::npos &&
            split_words(p).size() <= 12) {
            const std::string lw = to_lower(p);
            if (lw.find("committee") != std::string::npos || lw.find("council") != std::string::npos ||
                lw.find("cabinet") != std::string::npos || lw.find("board") != std::string::npos ||
                lw.find("panel") != std::string::npos || lw.find("forum") != std::string::npos)
                h.committee = trim_punct(p);
        }
        after_agenda_word = false;
    }
    if (h.date.empty() || h.committee.empty()) read_summons(lines, begin, scan_end, h);
    if (h.date.empty() && h.committee.empty()) {
        // "Agenda - X - 6th March 2019": a title line naming both
        for (std::size_t i = begin; i < scan_end; ++i) {
            const std::string p = plain(lines[i].text);
            if (p.empty()) continue;
            if (auto d = find_date(p)) h.date = *d;
            break;
        }
    }
    return h;
}

// "Cabinet – 30 January 2025", "Cabinet, 30 January 2025", "Cabinet": the meeting a report is for.
void read_addressee(const std::string& value, Header& h) {
    const auto date = find_date(value);
    std::string committee = value;
    if (date) {
        if (h.date.empty()) h.date = *date;
        committee = value.substr(0, cut_before_date(value, date_position(value)));
    }
    std::string c = trim(committee);
    for (bool cut = true; cut;) {
        cut = false;
        for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94", "-", ","})
            if (c.ends_with(dash)) {
                c = trim(std::string_view(c).substr(0, c.size() - dash.size()));
                cut = true;
            }
    }
    // "County Council Date: 13 March 2025": the next field on the same line
    if (const std::size_t colon = c.find(':'); colon != std::string::npos) {
        std::string head = trim(std::string_view(c).substr(0, colon));
        const std::size_t space = head.rfind(' ');
        c = space == std::string::npos ? std::string() : trim(std::string_view(head).substr(0, space));
    }
    // "Sue Chandler, Cabinet Member for ...", "Corporate Director of ...": a person, not a meeting
    const std::string lc = to_lower(c);
    for (const char* person : {"member", "director", "officer", "leader", "portfolio", "head of", "manager"})
        if (lc.find(person) != std::string::npos) return;
    if (!c.empty() && h.committee.empty() && split_words(c).size() <= 10) h.committee = trim_punct(c);
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> cells;
    std::size_t from = 0;
    for (std::size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1)
        cells.push_back(trim(std::string_view(line).substr(from, tab - from)));
    cells.push_back(trim(std::string_view(line).substr(from)));
    return cells;
}

void take_report_field(const std::string& field, const std::string& value, Header& h) {
    if (field.empty() || value.empty()) return;
    if (field == "title of report" || field == "report title" || field == "subject") {
        if (h.title.empty() || field != "subject") h.title = value;
    } else if (field == "meeting date" || field == "date of meeting") {
        if (auto d = find_date(value)) h.date = *d;
        if (auto t = find_time(value)) h.start_time = *t;
    } else if (field == "meeting" || field == "to" || field == "report to" || field == "decision to be taken by") {
        read_addressee(value, h);
    } else if (field == "report by" || field == "report of" || field == "from" || field == "report from" ||
               field == "report author" || field == "author") {
        if (h.report_by.empty()) h.report_by = value;
    }
}

// An officer report's header: "Title of report:", "Meeting:", "Meeting date:", "Report by:"
// (Herefordshire), or a cover sheet of "From:", "To: Cabinet – 30 January 2025",
// "Subject:", "Classification:", "Electoral Division:" (Kent and most English councils).
// The header ends after its last field; a field's value may wrap onto indented lines.
Header read_report(const Lines& lines, std::size_t begin, std::size_t end) {
    Header h;
    h.end = begin;
    const std::size_t scan_end = std::min(end, begin + 40);
    bool in_field = false;  // the previous content line was a field (its value may wrap)
    for (std::size_t i = begin; i < scan_end; ++i) {
        const std::string p = plain(lines[i].text);
        if (p.empty()) continue;
        const std::string field = report_cover_field(p);
        if (field.empty()) {
            const std::string l = to_lower(p);
            // "Subject Matter / Title of Decision" with the title on the next line (a record of decision)
            if (l == "subject matter / title of decision" || l == "title of decision" || l == "subject matter") {
                const std::size_t j = next_content(lines, i + 1, scan_end);
                if (j < scan_end && h.title.empty()) h.title = trim_punct(plain(lines[j].text));
                h.end = j + 1;
                i = j;
                in_field = false;
                continue;
            }
            const bool indented = lines[i].text.starts_with("    ") || lines[i].text.starts_with("\t");
            if (in_field && indented) {
                h.end = i + 1;
                continue;
            }
            in_field = false;
            if (!h.title.empty() && h.end + 6 < i) break;
            continue;
        }
        in_field = true;
        h.end = i + 1;
        const std::string raw = trim(std::string_view(p).substr(p.find(':') + 1));
        if (!raw.ends_with(':')) {
            take_report_field(field, trim_punct(raw), h);
            continue;
        }
        // "DECISION TO BE TAKEN BY:<TAB>DECISION NO:" over "Cabinet<TAB>24/00096": names in
        // columns, their values below them
        const auto names = split_tabs(p);
        const std::size_t j = next_content(lines, i + 1, scan_end);
        if (j >= scan_end) continue;
        const auto values = split_tabs(plain(lines[j].text));
        if (values.size() != names.size()) continue;
        for (std::size_t k = 0; k < names.size(); ++k)
            take_report_field(report_cover_field(names[k]), trim_punct(values[k]), h);
        h.end = j + 1;
        i = j;
    }
    return h;
}

// Title block: the first content line (and for short titles the line after it).
Header read_titled(const Lines& lines, std::size_t begin, std::size_t end, DocumentKind kind) {
    Header h;
    std::size_t i = next_content(lines, begin, end);
    if (i >= end) {
        h.end = end;
        return h;
    }
    std::string title = plain(lines[i].text);
    h.end = i + 1;
    if (kind == DocumentKind::web_page && to_lower(title) == "agenda item") {
        const std::size_t j = next_content(lines, i + 1, end);
        if (j < end) {
            title = plain(lines[j].text);
            h.end = j + 1;
        }
    } else if (kind == DocumentKind::appendix) {
        // "Appendix A" alone: its heading is the next line
        if (split_words(title).size() <= 2) {
            const std::size_t j = next_content(lines, i + 1, end);
            if (j < end) {
                const std::string next = plain(lines[j].text);
                if (heading_score(next) >= 1 || next.size() < 80) {
                    title = trim_punct(title) + " \xE2\x80\x93 " + trim_punct(next);
                    h.end = j + 1;
                }
            }
        }
    } else if (kind == DocumentKind::work_programme) {
        // a title block of short lines: "Children and Young People / Scrutiny Committee / Work programme / 2022"
        for (std::size_t j = i + 1; j < end && !is_blank(lines[j].text) && j < i + 6; ++j) {
            title += " " + plain(lines[j].text);
            h.end = j + 1;
        }
    } else if (kind == DocumentKind::questions) {
        std::string who, to, rest;
        if (read_question_heading(title, who, to, rest)) {
            // The first question itself: no title block; the question stays in the body
            h.end = i;
            h.title = "Questions";
            return h;
        }
        const std::string lc = to_lower(title);
        std::size_t of = lc.find("meeting of ");
        if (of != std::string::npos) {
            std::size_t s = of + 11;
            if (lc.compare(s, 4, "the ") == 0) s += 4;
            std::size_t e = title.find(" \xE2\x80\x93 ", s);
            if (e == std::string::npos) e = title.find(" - ", s);
            if (e == std::string::npos) e = title.find(", ", s);
            if (e != std::string::npos) h.committee = trim_punct(title.substr(s, e - s));
        }
        if (auto d = find_date(title)) h.date = *d;
        // "Question 1" / "COUNTY COUNCIL" / "Thursday 13 March 2025": the meeting in the lines below
        for (std::size_t j = i + 1, seen = 0; j < end && seen < 5; ++j) {
            const std::string p = plain(lines[j].text);
            if (p.empty()) continue;
            if (read_question_heading(p, who, to, rest)) break;
            ++seen;
            if (h.date.empty())
                if (auto d = find_date(p)) {
                    h.date = *d;
                    continue;
                }
            const std::string lw = to_lower(p);
            if (h.committee.empty() && split_words(p).size() <= 8 && p.find(':') == std::string::npos &&
                (lw.find("council") != std::string::npos || lw.find("committee") != std::string::npos ||
                 lw.find("cabinet") != std::string::npos || lw.find("board") != std::string::npos))
                read_addressee(p, h);  // "COUNTY COUNCIL - THURSDAY, 13 MARCH 2025"
        }
    } else if (kind == DocumentKind::action_tracker) {
        h.end = begin;  // the table is the document
        title = "Action tracker";
    }
    h.title = trim_punct(title);
    return h;
}

}  // namespace

Named committee_named(std::string_view printed) {
    std::string s = trim(printed);
    if (starts_with_ci(s, "the ")) s = s.substr(4);
    s = trim_punct(s);
    const bool caps = all_caps(s);
    std::string out;
    bool first = true;
    for (const auto& word : split_words(s)) {
        std::string w = word;
        const std::string l = to_lower(w);
        if (!first && (l == "and" || l == "of" || l == "the" || l == "for" || l == "in" || l == "on" || l == "at" ||
                       l == "to" || l == "with" || l == "&")) {
            w = l;
        } else if (!caps && all_caps(w) && w.size() <= 5) {
            // acronym in a mixed-case name: keep
        } else {
            // capitalise each hyphen part: "sub-committee" -> "Sub-Committee"
            bool start = true;
            for (char& c : w) {
                if (c >= 'A' && c <= 'Z' && !start)
                    c = static_cast<char>(c - 'A' + 'a');
                else if (c >= 'a' && c <= 'z' && start)
                    c = static_cast<char>(c - 'a' + 'A');
                start = c == '-' || c == '(' || c == '/';
            }
        }
        out += (out.empty() ? "" : " ") + w;
        first = false;
    }
    return Named{slug(out), out};
}

std::string display_date(std::string_view iso) {
    static const std::array<const char*, 12> months = {"January",   "February", "March",    "April",
                                                       "May",       "June",     "July",     "August",
                                                       "September", "October",  "November", "December"};
    if (iso.size() != 10) return std::string(iso);
    const int m = std::atoi(std::string(iso.substr(5, 2)).c_str());
    const int d = std::atoi(std::string(iso.substr(8, 2)).c_str());
    if (m < 1 || m > 12) return std::string(iso);
    return std::to_string(d) + " " + months[static_cast<std::size_t>(m - 1)] + " " + std::string(iso.substr(0, 4));
}

Header read_header(const Lines& lines, std::size_t begin, std::size_t end, DocumentKind kind) {
    switch (kind) {
        case DocumentKind::minutes:
            return read_minutes(lines, begin, end);
        case DocumentKind::agenda:
            return read_agenda(lines, begin, end);
        case DocumentKind::report:
            return read_report(lines, begin, end);
        default:
            return read_titled(lines, begin, end, kind);
    }
}

}  // namespace quorum::corpus::structure
