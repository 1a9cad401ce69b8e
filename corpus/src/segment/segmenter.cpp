// Segmentation: SourceText -> documents (a pack split into its parts), meetings with
// attendance, items, and units (through extract_units). Every part keeps the meeting
// it records: minutes of 22 March inside the 26 April pack are a record of 22 March.
#include "segment/segmenter.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <span>

#include "units/people.hpp"
#include "quorum/corpus/dates.hpp"
#include "quorum/corpus/text.hpp"
#include "units/questions.hpp"
#include "segment/structure.hpp"
#include "units/units.hpp"

namespace quorum::corpus {
namespace {

using namespace structure;

struct MeetingRef {
    std::optional<Named> committee;
    std::string date, council, start_time, venue;
};

// The date a file's name gives ("Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf",
// "Agenda - Planning - 6th March 2019.md"): a meeting's papers are named after it.
std::string date_from_file_name(std::string_view source) {
    const std::size_t slash = source.find_last_of("/\\");
    if (slash != std::string_view::npos) source.remove_prefix(slash + 1);
    const std::size_t dot = source.rfind('.');
    if (dot != std::string_view::npos && dot > 0) source = source.substr(0, dot);
    std::string name(source);
    for (char& c : name)
        if (c == '_') c = ' ';
    const auto d = find_date(name);
    return d ? *d : std::string();
}

bool bullet_start(std::string_view p) {
    if (p.empty()) return false;
    if (p.front() == '-' || p.front() == '*' || starts_with_ci(p, "\xE2\x80\xA2") || starts_with_ci(p, "\xC2\xB7"))
        return true;
    if (p.front() == '(') return true;  // "(i)", "(a)"
    // "a)", "1.", "12."
    std::size_t i = 0;
    while (i < p.size() && i < 3 && ((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'z'))) ++i;
    return i > 0 && i < p.size() && (p[i] == ')' || p[i] == '.') && i + 1 < p.size() && p[i + 1] == ' ';
}

// Whole text of a body: wrapped lines joined, paragraphs separated by a blank line,
// list entries on their own lines.
std::string paragraph_text(std::span<const SourceLine> body) {
    std::string out;
    bool in_paragraph = false;
    for (const auto& line : body) {
        const std::string p = plain(line.text);
        if (p.empty()) {
            in_paragraph = false;
            continue;
        }
        if (!in_paragraph) {
            if (!out.empty()) out += "\n\n";
        } else if (bullet_start(p) || p.find('\t') != std::string::npos || out.back() == ':') {
            out += "\n";
        } else {
            out += " ";
        }
        out += p;
        in_paragraph = true;
    }
    return out;
}

bool skipped_section(std::string_view heading) {
    const std::string l = to_lower(heading);
    return l == "classification" || l == "decision type" || l == "wards affected" || l == "key decision";
}

// Known report section names are headings even right after another heading.
bool known_section(std::string_view heading) {
    static const char* const names[] = {"purpose",
                                        "recommendation(s)",
                                        "recommendations",
                                        "alternative options",
                                        "key considerations",
                                        "community impact",
                                        "environmental impact",
                                        "equality duty",
                                        "resource implications",
                                        "legal implications",
                                        "risk management",
                                        "consultees",
                                        "appendices",
                                        "background papers",
                                        "glossary",
                                        "classification",
                                        "decision type",
                                        "wards affected",
                                        "summary",
                                        "background",
                                        "introduction",
                                        "financial implications"};
    const std::string l = to_lower(heading);
    for (const char* n : names)
        if (l == n) return true;
    return false;
}

// Units of a body, section by section.
void emit_sections(Document& doc, const Lines& body, BodyContext context, const PeopleLinker& linker,
                   const TopicRules& topics, bool report) {
    Lines section;
    std::string heading = context.section;
    bool skip = skipped_section(heading);
    auto flush = [&] {
        bool content = false;
        for (const auto& l : section)
            if (!is_blank(l.text)) content = true;
        if (content && !skip) {
            BodyContext c = context;
            c.section = heading;
            extract_units(std::span<const SourceLine>(section), c, doc, linker, topics);
        }
        section.clear();
    };
    bool after_heading = false;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (is_blank(body[i].text)) {
            section.push_back(body[i]);
            continue;
        }
        const std::string p = plain(body[i].text);
        // the first line after a heading is its content ("Purpose" / "Open"), unless it is
        // itself a known section name; a heading needs content after it
        bool is_heading = is_section_heading(body, i, report) && (!after_heading || known_section(p));
        if (is_heading && !report) {
            bool more = false;
            for (std::size_t j = i + 1; j < body.size() && !more; ++j) more = !is_blank(body[j].text);
            is_heading = more;
        }
        if (is_heading) {
            flush();
            heading = p;
            skip = skipped_section(p);
            after_heading = true;
            continue;
        }
        after_heading = false;
        section.push_back(body[i]);
    }
    flush();
}

std::string meeting_title(const MeetingRef& m) {
    if (m.committee && !m.date.empty()) return m.committee->name + ", " + display_date(m.date);
    if (m.committee) return m.committee->name;
    if (!m.date.empty()) return display_date(m.date);
    return {};
}

std::string unit_id(const std::string& doc_id, std::size_t ordinal) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "-u%04zu", ordinal);
    return doc_id + buf;
}

}  // namespace

void segment(const SourceText& text, const Sidecar& sidecar, const std::string& doc_id, const std::string& source,
             const TopicRules& topics, FileResult& out) {
    Lines cleaned = text.lines;
    strip_page_furniture(cleaned);
    const Lines& lines = cleaned;
    std::vector<Part> parts = find_parts(lines);
    std::optional<DocumentKind> side_kind;
    if (sidecar.kind) side_kind = document_kind_from_string(*sidecar.kind);
    // The file name tells agenda from minutes when the text does not say clearly
    // ("Agenda - X.md" whose first item adopts the minutes of an earlier meeting).
    // A web page that is neither minutes nor a paper (a committee's page, a list of meetings)
    // is just that.
    if (!side_kind && parts.front().guessed && parts.front().kind == DocumentKind::report && text.format == "html")
        parts.front().kind = DocumentKind::web_page;
    // A name that says report or appendix only decides when the text said nothing.
    if (!side_kind && (parts.front().kind == DocumentKind::minutes || parts.front().kind == DocumentKind::agenda ||
                       parts.front().guessed))
        if (auto named = kind_from_file_name(source))
            if (*named == DocumentKind::minutes || *named == DocumentKind::agenda || parts.front().guessed)
                parts.front().kind = *named;

    bool pack = false;
    if (side_kind == DocumentKind::agenda_pack) {
        pack = parts.size() > 1;
    } else if (!side_kind && parts.size() > 1) {
        for (std::size_t i = 1; i < parts.size(); ++i)
            if (parts[0].kind == DocumentKind::agenda || parts[i].kind == DocumentKind::minutes ||
                parts[i].kind == DocumentKind::report)
                pack = true;
    }
    // A single document: trailing parts (a supplement of questions, an appendix) stay in
    // it as sections after its items.
    std::vector<Part> trailing;
    if (!pack) {
        Part whole = parts.front();
        trailing.assign(parts.begin() + 1, parts.end());
        whole.end = trailing.empty() ? lines.size() : trailing.front().begin;
        if (side_kind && *side_kind != DocumentKind::agenda_pack) whole.kind = *side_kind;
        parts = {whole};
    }

    // The pack's own meeting: the agenda's header, overridden by the sidecar.
    MeetingRef pack_meeting;
    if (pack && parts.front().kind == DocumentKind::agenda) {
        const Header h = read_header(lines, parts.front().begin, parts.front().end, DocumentKind::agenda);
        if (!h.committee.empty()) pack_meeting.committee = committee_named(h.committee);
        pack_meeting.date = h.date;
        pack_meeting.start_time = h.start_time;
        pack_meeting.venue = h.venue;
    }
    if (pack) {
        if (sidecar.committee) pack_meeting.committee = committee_named(*sidecar.committee);
        if (sidecar.date) pack_meeting.date = *sidecar.date;
        if (pack_meeting.date.empty()) pack_meeting.date = date_from_file_name(source);
    }

    std::map<std::string, std::size_t> meeting_index;
    std::string last_council;
    MeetingRef previous;  // the meeting of the previous part (appendices follow their report)

    for (std::size_t n = 0; n < parts.size(); ++n) {
        const Part& part = parts[n];
        Document doc;
        doc.id = pack ? doc_id + "-p" + std::to_string(n + 1) : doc_id;
        doc.source = source;
        doc.part = pack ? static_cast<int>(n + 1) : 0;
        doc.kind = part.kind;
        doc.url = sidecar.url ? *sidecar.url : text.url;

        Header h = read_header(lines, part.begin, part.end, part.kind);
        // a web page's title names the meeting: "Agenda for X on Thursday 15 January 2026, 7:30 pm"
        if (part.kind == DocumentKind::agenda && n == 0 && (h.committee.empty() || h.date.empty()))
            read_agenda_title(text.title, h);
        MeetingRef m;
        const bool own_header = part.kind == DocumentKind::minutes || part.kind == DocumentKind::report ||
                                part.kind == DocumentKind::agenda || part.kind == DocumentKind::questions ||
                                part.kind == DocumentKind::web_page;
        if (own_header) {
            if (!h.committee.empty()) m.committee = committee_named(h.committee);
            m.date = h.date;
            m.start_time = h.start_time;
            m.venue = h.venue;
        }
        m.council = h.council;
        if (!m.committee && part.kind == DocumentKind::minutes && !h.council.empty()) {
            // "Minutes of the Ordinary Meeting held on ...": a meeting of the council itself
            m.committee = committee_named(h.council);
        }
        if (pack) {
            const bool inherits = !own_header || (part.kind == DocumentKind::agenda) ||
                                  (part.kind == DocumentKind::questions && !m.committee && m.date.empty());
            if (part.kind == DocumentKind::appendix && previous.committee) {
                m.committee = previous.committee;
                m.date = previous.date;
            } else if (inherits) {
                if (!m.committee || part.kind == DocumentKind::agenda)
                    m.committee = pack_meeting.committee ? pack_meeting.committee : m.committee;
                if (m.date.empty() || part.kind == DocumentKind::agenda)
                    m.date = pack_meeting.date.empty() ? m.date : pack_meeting.date;
                if (m.start_time.empty()) m.start_time = pack_meeting.start_time;
                if (m.venue.empty()) m.venue = pack_meeting.venue;
            }
        } else {
            if (sidecar.committee) m.committee = committee_named(*sidecar.committee);
            if (sidecar.date) m.date = *sidecar.date;
            // Minutes and agendas are named after their meeting; a report or an appendix
            // may carry its own version date ("Appendix D 21.01.25.pdf").
            if (m.date.empty() && (part.kind == DocumentKind::minutes || part.kind == DocumentKind::agenda ||
                                   part.kind == DocumentKind::questions))
                m.date = date_from_file_name(source);
        }
        if (sidecar.council) m.council = *sidecar.council;
        if (m.council.empty()) m.council = last_council;
        last_council = m.council;
        if (part.kind == DocumentKind::report || part.kind == DocumentKind::minutes ||
            part.kind == DocumentKind::agenda)
            previous = m;

        doc.council = m.council;
        doc.committee = m.committee;
        doc.date = m.date;
        doc.report_by = h.report_by;
        const std::string mtitle = meeting_title(m);
        switch (part.kind) {
            case DocumentKind::minutes:
                doc.title = mtitle.empty() ? "Minutes" : "Minutes \xE2\x80\x93 " + mtitle;
                break;
            case DocumentKind::agenda:
                doc.title = mtitle.empty() ? "Agenda" : "Agenda \xE2\x80\x93 " + mtitle;
                break;
            case DocumentKind::web_page:
                doc.title = !h.title.empty() ? h.title : text.title;
                break;
            default:
                doc.title = h.title;
                break;
        }
        if (doc.title.empty()) doc.title = text.title;
        if (sidecar.title && (!pack || n == 0)) doc.title = *sidecar.title;
        for (std::size_t i = part.begin; i < part.end; ++i) {
            if (lines[i].page == 0) continue;
            if (doc.first_page == 0) doc.first_page = lines[i].page;
            doc.last_page = lines[i].page;
        }

        // The meeting record.
        Meeting* meeting = nullptr;
        if (m.committee && !m.date.empty())
            doc.meeting_id = m.committee->id + "-" + m.date;
        else
            doc.meeting_id = doc.id + "-meeting";
        {
            auto it = meeting_index.find(doc.meeting_id);
            if (it == meeting_index.end()) {
                Meeting mt;
                mt.id = doc.meeting_id;
                mt.council = m.council;
                mt.committee = m.committee;
                mt.date = m.date;
                mt.start_time = m.start_time;
                mt.venue = m.venue;
                mt.title = mtitle.empty() ? doc.title : mtitle;
                out.meetings.push_back(std::move(mt));
                it = meeting_index.emplace(doc.meeting_id, out.meetings.size() - 1).first;
            }
            meeting = &out.meetings[it->second];
            // The minutes know best where and when the meeting happened.
            if (part.kind == DocumentKind::minutes) {
                if (!m.venue.empty()) meeting->venue = m.venue;
                if (!m.start_time.empty()) meeting->start_time = m.start_time;
            }
            if (meeting->venue.empty()) meeting->venue = m.venue;
            if (meeting->start_time.empty()) meeting->start_time = m.start_time;
        }

        // Items and attendance.
        const bool has_items = part.kind == DocumentKind::minutes || part.kind == DocumentKind::agenda ||
                               part.kind == DocumentKind::web_page;
        ItemLayout layout;
        if (has_items) layout = find_items(lines, h.end, part.end, part.kind);
        if (part.kind == DocumentKind::minutes) {
            Attendance att = read_attendance(lines, h.end, std::min(layout.first_item_line, part.end));
            for (const auto& block : layout.items) {
                const std::string t = to_lower(block.item.title);
                // parish minutes number the attendance: "1. Present: G. Gott - Vice Chairman, ..."
                if (att.present.empty() && (t == "present" || t == "those attending" || t == "attendance" ||
                                            t == "those present" || t == "members present")) {
                    Lines listed{SourceLine{"Present:", block.item.page}};
                    listed.insert(listed.end(), block.body.begin(), block.body.end());
                    const Attendance more = read_attendance(listed, 0, listed.size());
                    att.present = more.present;
                    if (att.in_attendance.empty()) att.in_attendance = more.in_attendance;
                    if (att.officers.empty()) att.officers = more.officers;
                }
                if (t.find("apolog") != std::string::npos) read_apologies(block.body, att);
                if (t.find("substitut") != std::string::npos) read_substitutes(block.body, att);
            }
            for (auto* list : {&att.present, &att.in_attendance, &att.officers, &att.apologies, &att.substitutes})
                for (auto& a : *list)
                    if (a.person_id.empty()) a.person_id = person_id(a.name);
            if (meeting->attendance.empty()) meeting->attendance = std::move(att);
        }
        const PeopleLinker linker(meeting->attendance);

        // Text before the first item of a web page: the item's summary.
        if (part.kind == DocumentKind::web_page && layout.first_item_line > h.end) {
            Lines pre(lines.begin() + static_cast<std::ptrdiff_t>(h.end),
                      lines.begin() + static_cast<std::ptrdiff_t>(std::min(layout.first_item_line, part.end)));
            emit_sections(doc, pre, BodyContext{-1, doc.title, "", false}, linker, topics, false);
        }
        // Exempt business: the items an exclusion resolution names ("item 12", "the
        // following item"), or every later item until public business resumes ("PART I",
        // "UNRESTRICTED ITEMS"), and items marked exempt themselves.
        bool excluded = false;                  // exempt until a Part I marker
        int exclude_next = 0;                   // "the following item": this many items
        std::vector<std::string> named_exempt;  // item numbers a resolution named
        for (auto& block : layout.items) {
            Item item = block.item;
            // ModernGov pages end with "Supporting documents:" — not part of the minute.
            while (!block.body.empty() && (is_blank(block.body.back().text) ||
                                           starts_with_ci(plain(block.body.back().text), "supporting documents")))
                block.body.pop_back();
            item.procedural = is_procedural(item, block.body);
            std::string body_text = paragraph_text(block.body);
            const bool exclusion_motion = contains_ci(item.title, "exclusion of") || contains_ci(item.title, "exempt");
            const std::string number_lc = to_lower(item.number);
            const bool named = std::find(named_exempt.begin(), named_exempt.end(), number_lc) != named_exempt.end() ||
                               (number_lc.find('/') != std::string::npos &&
                                std::find(named_exempt.begin(), named_exempt.end(),
                                          number_lc.substr(0, number_lc.find('/'))) != named_exempt.end());
            const bool marked = mentions_exempt(item.title) || part_marker(item.title) == true ||
                                contains_ci(item.title, "confidential");
            // a minute that itself records exempt information (not the motion naming other items)
            const bool body_exempt = !exclusion_motion && mentions_exempt(body_text) &&
                                     part.kind != DocumentKind::agenda && exclusion_scope(body_text).numbers.empty() &&
                                     !contains_ci(body_text, "following item");
            item.exempt = excluded || exclude_next > 0 || named || marked || body_exempt;
            if (exclude_next > 0) --exclude_next;
            if (exclusion_motion || (mentions_exempt(body_text) && (contains_ci(body_text, "following item") ||
                                                                    contains_ci(body_text, "excluded")))) {
                const ExclusionScope scope = exclusion_scope(body_text + " " + item.title);
                if (!scope.numbers.empty()) {
                    named_exempt.insert(named_exempt.end(), scope.numbers.begin(), scope.numbers.end());
                } else if (scope.following_only) {
                    exclude_next = 1;
                } else {
                    excluded = true;
                }
            }
            // a Part I / Part II heading printed at the end of this item's body governs the next items
            for (auto it = block.body.rbegin(); it != block.body.rend(); ++it) {
                if (is_blank(it->text)) continue;
                if (auto m = part_marker(plain(it->text))) {
                    excluded = *m;
                    if (!*m) {
                        exclude_next = 0;
                        named_exempt.clear();
                    }
                }
                break;
            }
            const int index = static_cast<int>(doc.items.size());
            doc.items.push_back(item);
            const std::size_t first_unit = doc.units.size();
            if (!item.exempt)
                emit_sections(doc, block.body, BodyContext{index, item.title, "", item.procedural}, linker, topics,
                              false);
            Unit u;
            u.type = UnitType::item;
            u.title = item.title;
            u.text = item.exempt || body_text.empty() ? item.title : body_text;
            u.page = item.page;
            u.item_index = index;
            u.number = item.number;
            u.procedural = item.procedural;
            if (!item.exempt) {
                u.people = linker.mentions(u.text);
                u.topics = topics.assign(u.title, u.text);
            }
            doc.units.insert(doc.units.begin() + static_cast<std::ptrdiff_t>(first_unit), std::move(u));
        }
        if (!layout.trailer.empty())
            emit_sections(doc, layout.trailer, BodyContext{-1, doc.title, "", false}, linker, topics, false);

        // Reports and the other parts, and minutes or agendas whose items could not be
        // told apart: sections of the whole body (the text stays searchable).
        if (!has_items || (layout.items.empty() && part.kind != DocumentKind::web_page)) {
            Lines body(lines.begin() + static_cast<std::ptrdiff_t>(std::min(h.end, part.end)),
                       lines.begin() + static_cast<std::ptrdiff_t>(part.end));
            emit_sections(doc, body, BodyContext{-1, doc.title, "", false}, linker, topics,
                          part.kind != DocumentKind::action_tracker);
        }
        // Trailing parts of a single document (a supplement of questions).
        for (std::size_t t = 0; t < trailing.size(); ++t) {
            const Part& tp = trailing[t];
            const std::size_t tend = t + 1 < trailing.size() ? trailing[t + 1].begin : lines.size();
            const Header th = read_header(lines, tp.begin, tend, tp.kind);
            Lines body(lines.begin() + static_cast<std::ptrdiff_t>(std::min(th.end, tend)),
                       lines.begin() + static_cast<std::ptrdiff_t>(tend));
            emit_sections(doc, body, BodyContext{-1, th.title.empty() ? doc.title : th.title, th.title, false}, linker,
                          topics, false);
        }
        trailing.clear();

        add_prose_questions(doc, [&](Unit& u) {
            u.people = linker.mentions(u.text);
            u.topics = topics.assign(u.title, u.text);
        });
        for (std::size_t i = 0; i < doc.units.size(); ++i) doc.units[i].id = unit_id(doc.id, i + 1);

        if (part.kind == DocumentKind::minutes)
            for (auto& p : linker.people(*meeting)) {
                bool known = false;
                for (auto& q : out.people)
                    if (q.id == p.id) {
                        known = true;
                        for (auto& r : p.roles) q.roles.push_back(r);
                        break;
                    }
                if (!known) out.people.push_back(std::move(p));
            }
        out.documents.push_back(std::move(doc));
    }

    std::vector<Acronym> acronyms;
    find_acronyms(std::span<const SourceLine>(lines), acronyms);
    for (auto& a : acronyms) {
        bool dup = false;
        for (const auto& b : out.acronyms) dup = dup || b == a;
        if (!dup) out.acronyms.push_back(std::move(a));
    }
}

}  // namespace quorum::corpus
