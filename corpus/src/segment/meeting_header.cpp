// Meeting headers: which committee met, when, where. Each document kind prints them its
// own way ("Minutes of the meeting of X held at V on D at T", agenda "Date:"/"Place:"
// lines, report "Meeting:"/"Meeting date:" lines). Only what is printed is read.
#include "segment/header_readers.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "quorum/corpus/dates.hpp"
#include "quorum/corpus/text.hpp"

namespace quorum::corpus::structure {

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

// Position where the first full date begins in s (for cutting the venue before it): the
// last word start whose suffix still begins with that date. A heading printed twice
// ("held on 30 April 2003 / held in the Community Centre on 30 April 2003") gives the
// second copy, which has the place. Cutting before a word start leaves the dates after it
// as they were, so only the word start after each copy of the date is tried, jumping to
// the next date; regression (issue 15, fuzzing): every word start was tried, each with a
// find_date over the rest, quadratic in a header's length (a 10 KB header of one long
// paragraph took over 10 s instrumented and 0.3 s in the Release build).
std::size_t date_position(const std::string& s) {
    const auto first = find_date_match(s);
    if (!first) return std::string::npos;
    const auto word_start = [&](std::size_t cut) { return s[cut - 1] == ' ' && s[cut] != ' '; };
    std::size_t begin = first->begin;  // where the last copy of the date found so far begins
    for (std::size_t cut = begin + 1; cut < s.size(); ++cut) {
        if (!word_start(cut)) continue;
        const auto next = find_date_match(std::string_view(s).substr(cut));
        if (!next || next->date != first->date) break;
        begin = cut + next->begin;
        cut = begin;  // on from this copy's start
    }
    while (begin > 0 && !word_start(begin)) --begin;
    return begin;
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
