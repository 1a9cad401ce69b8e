// Agenda headers: "Date:", "Time:", "Place:" and "Meeting:" lines, an "Agenda for X on D"
// title, or a summons ("You are requested to attend a Meeting of X to be held ...").
#include "segment/header_readers.hpp"

#include <cctype>
#include <optional>

#include "quorum/corpus/dates.hpp"
#include "quorum/corpus/text.hpp"

namespace quorum::corpus::structure {
namespace {

// Value after a "Label:" at the start of a line, or nullopt.
std::optional<std::string> label_value(std::string_view p, std::string_view label) {
    if (!starts_with_ci(p, label)) return std::nullopt;
    std::string_view rest = p.substr(label.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.empty() || rest.front() != ':') return std::nullopt;
    rest.remove_prefix(1);
    return trim(rest);
}

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

}  // namespace quorum::corpus::structure
