// Headers of officer reports (cover fields: "Meeting:", "To:", "Report by:", ...) and of
// documents headed by a title (appendices, web pages, work programmes, questions, trackers).
#include "segment/header_readers.hpp"

#include <vector>

#include "quorum/corpus/dates.hpp"
#include "quorum/corpus/text.hpp"
#include "units/questions.hpp"

namespace quorum::corpus::structure {
namespace {

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

}  // namespace

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

}  // namespace quorum::corpus::structure
