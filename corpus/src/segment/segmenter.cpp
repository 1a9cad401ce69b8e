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
#include "quorum/text/fold.hpp"
#include "units/questions.hpp"
#include "segment/body_sections.hpp"
#include "segment/exempt_business.hpp"
#include "segment/filed_meeting.hpp"
#include "segment/fallback.hpp"
#include "segment/front_matter.hpp"
#include "segment/structure.hpp"
#include "units/units.hpp"

namespace quorum::corpus {
namespace {

using namespace structure;

struct MeetingRef {
    std::optional<Named> committee;
    std::string date, council, start_time, venue;
    std::string date_source;     // where the date came from (Document::date_source)
    std::string council_source;  // where the council came from (Document::council_source)

    MeetingFields fields() { return MeetingFields{committee, date, date_source}; }
};

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

// What a file is read as: the documents of an agenda pack, or one document whose
// trailing parts (a supplement of questions, an appendix) stay in it as sections after
// its items.
struct FileLayout {
    std::vector<Part> parts;
    std::vector<Part> trailing;
    bool pack = false;
};

FileLayout file_layout(const SourceText& text, const Sidecar& sidecar, const std::string& source, const Lines& lines) {
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
    std::vector<Part> trailing;
    if (!pack) {
        Part whole = parts.front();
        trailing.assign(parts.begin() + 1, parts.end());
        whole.end = trailing.empty() ? lines.size() : trailing.front().begin;
        if (side_kind && *side_kind != DocumentKind::agenda_pack) whole.kind = *side_kind;
        parts = {whole};
    }
    return FileLayout{std::move(parts), std::move(trailing), pack};
}

// The pack's own meeting: the agenda's header, overridden by the sidecar; then its folder
// and file name (a pack that starts with minutes is not dated by its meeting folder).
MeetingRef pack_meeting_of(const Lines& lines, const Part& first, const Sidecar& sidecar, const Filing& filing) {
    MeetingRef pack_meeting;
    if (first.kind == DocumentKind::agenda) {
        const Header h = read_header(lines, first.begin, first.end, DocumentKind::agenda);
        if (!h.committee.empty()) pack_meeting.committee = committee_named(h.committee);
        pack_meeting.date = h.date;
        pack_meeting.start_time = h.start_time;
        pack_meeting.venue = h.venue;
        if (!h.date.empty()) pack_meeting.date_source = "printed";
    }
    if (sidecar.committee) pack_meeting.committee = committee_named(*sidecar.committee);
    if (sidecar.date) {
        pack_meeting.date = *sidecar.date;
        pack_meeting.date_source = "sidecar";
    }
    fill_from_filing(filing, first.kind == DocumentKind::minutes ? DocumentKind::minutes : DocumentKind::agenda_pack,
                     pack_meeting.fields());
    return pack_meeting;
}

std::string document_title(DocumentKind kind, const std::string& mtitle, const Header& h, const SourceText& text) {
    std::string title;
    switch (kind) {
        case DocumentKind::minutes:
            title = mtitle.empty() ? "Minutes" : "Minutes \xE2\x80\x93 " + mtitle;
            break;
        case DocumentKind::agenda:
            title = mtitle.empty() ? "Agenda" : "Agenda \xE2\x80\x93 " + mtitle;
            break;
        case DocumentKind::web_page:
            title = !h.title.empty() ? h.title : text.title;
            break;
        default:
            title = h.title;
            break;
    }
    if (title.empty()) title = text.title;
    return title;
}

// Attendance of minutes: the lists before the first item, then the items that list people
// (a numbered "Present", apologies, substitutes). Every attendee gets a person id.
Attendance minutes_attendance(const Lines& lines, std::size_t begin, std::size_t end, const ItemLayout& items) {
    Attendance att = read_attendance(lines, begin, std::min(items.first_item_line, end));
    for (const auto& block : items.items) {
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
    return att;
}

// The unit of a whole item: its heading and body text. A withheld item keeps its heading
// and its public words (the exclusion resolution; what was said before it).
Unit item_unit(const Item& item, int index, const std::string& body_text, const PeopleLinker& linker,
               const TopicRules& topics) {
    Unit u;
    u.type = UnitType::item;
    u.title = item.title;
    u.text = body_text.empty() ? item.title : body_text;
    u.page = item.page;
    u.item_index = index;
    u.number = item.number;
    u.procedural = item.procedural;
    u.exempt = item.exempt;
    if (!item.exempt || !body_text.empty()) {
        u.people = linker.mentions(u.text);
        u.topics = topics.assign(u.title, u.text);
    }
    return u;
}

// Items and their units; each item's own unit comes before the units of its body.
void emit_items(Document& doc, ItemLayout& items, DocumentKind kind, const PeopleLinker& linker,
                const TopicRules& topics) {
    std::vector<std::string> numbers;
    for (const auto& block : items.items) numbers.push_back(block.item.number);
    ExemptBusiness exempt(std::move(numbers));
    for (auto& block : items.items) {
        Item item = block.item;
        // ModernGov pages end with "Supporting documents:" — not part of the minute.
        while (!block.body.empty() && (is_blank(block.body.back().text) ||
                                       starts_with_ci(plain(block.body.back().text), "supporting documents")))
            block.body.pop_back();
        item.procedural = is_procedural(item, block.body);
        const Withholding withheld = exempt.read(item, paragraph_text(block.body), kind);
        item.exempt = withheld.exempt;
        exempt.read_end_marker(block.body);
        PublicWords kept;
        if (item.exempt) kept = public_words(block.body, withheld.public_until_exclusion);
        // An item that excluded the public at its very end withheld nothing of its own.
        if (withheld.public_until_exclusion && kept.withheld_sentences == 0) item.exempt = false;
        const Lines& body = item.exempt ? kept.lines : block.body;
        const std::string body_text = paragraph_text(body);
        const int index = static_cast<int>(doc.items.size());
        doc.items.push_back(item);
        const std::size_t first_unit = doc.units.size();
        emit_sections(doc, body, BodyContext{index, item.title, "", item.procedural}, linker, topics, false);
        if (item.exempt)
            for (std::size_t k = first_unit; k < doc.units.size(); ++k) doc.units[k].exempt = true;
        doc.units.insert(doc.units.begin() + static_cast<std::ptrdiff_t>(first_unit),
                         item_unit(item, index, body_text, linker, topics));
    }
}

// The units of a part's body: its items (with the text before and after them), or its
// sections when it has no items.
void emit_body(Document& doc, const Lines& lines, const Part& part, const Header& h, ItemLayout& items, bool has_items,
               const PeopleLinker& linker, const TopicRules& topics) {
    // Text before the first item of a web page: the item's summary.
    if (part.kind == DocumentKind::web_page && items.first_item_line > h.end) {
        Lines pre(lines.begin() + static_cast<std::ptrdiff_t>(h.end),
                  lines.begin() + static_cast<std::ptrdiff_t>(std::min(items.first_item_line, part.end)));
        emit_sections(doc, pre, BodyContext{-1, doc.title, "", false}, linker, topics, false);
    }
    emit_items(doc, items, part.kind, linker, topics);
    if (!items.trailer.empty())
        emit_sections(doc, items.trailer, BodyContext{-1, doc.title, "", false}, linker, topics, false);

    // Reports and the other parts, and minutes or agendas whose items could not be
    // told apart: sections of the whole body (the text stays searchable).
    if (!has_items || (items.items.empty() && part.kind != DocumentKind::web_page)) {
        Lines body(lines.begin() + static_cast<std::ptrdiff_t>(std::min(h.end, part.end)),
                   lines.begin() + static_cast<std::ptrdiff_t>(part.end));
        emit_sections(doc, body, BodyContext{-1, doc.title, "", false}, linker, topics,
                      part.kind != DocumentKind::action_tracker);
    }
}

// Trailing parts of a single document (a supplement of questions): sections under their own headings.
void emit_trailing(Document& doc, const Lines& lines, const std::vector<Part>& trailing, const PeopleLinker& linker,
                   const TopicRules& topics) {
    for (std::size_t t = 0; t < trailing.size(); ++t) {
        const Part& tp = trailing[t];
        const std::size_t tend = t + 1 < trailing.size() ? trailing[t + 1].begin : lines.size();
        const Header th = read_header(lines, tp.begin, tend, tp.kind);
        Lines body(lines.begin() + static_cast<std::ptrdiff_t>(std::min(th.end, tend)),
                   lines.begin() + static_cast<std::ptrdiff_t>(tend));
        emit_sections(doc, body, BodyContext{-1, th.title.empty() ? doc.title : th.title, th.title, false}, linker,
                      topics, false);
    }
}

// People of a meeting join the file's people; a person met again gains the new roles.
void add_people(FileResult& out, std::vector<Person> people) {
    for (auto& p : people) {
        bool known = false;
        for (auto& q : out.people)
            if (q.id == p.id) {
                known = true;
                for (auto& r : p.roles) q.roles.push_back(r);
                break;
            }
        if (!known) out.people.push_back(std::move(p));
    }
}

void add_acronyms(const Lines& lines, FileResult& out) {
    std::vector<Acronym> acronyms;
    find_acronyms(std::span<const SourceLine>(lines), acronyms);
    for (auto& a : acronyms) {
        bool dup = false;
        for (const auto& b : out.acronyms) dup = dup || b == a;
        if (!dup) out.acronyms.push_back(std::move(a));
    }
}

// One file being segmented: each part becomes a document, and the documents share the
// meetings they record (a pack's agenda and the minutes of that meeting are one meeting).
class FileSegmenter {
public:
    FileSegmenter(const SourceText& text, const Sidecar& sidecar, const Filing& filing, const std::string& doc_id,
                  const std::string& source, const Lines& lines, const TopicRules& topics, FileResult& out)
        : text_(text),
          sidecar_(sidecar),
          filing_(filing),
          doc_id_(doc_id),
          source_(source),
          lines_(lines),
          topics_(topics),
          out_(out) {}

    void run() {
        layout_ = file_layout(text_, sidecar_, source_, lines_);
        if (layout_.pack) pack_meeting_ = pack_meeting_of(lines_, layout_.parts.front(), sidecar_, filing_);
        for (std::size_t n = 0; n < layout_.parts.size(); ++n) segment_part(n);
        add_acronyms(lines_, out_);
    }

private:
    void segment_part(std::size_t n) {
        const Part& part = layout_.parts[n];
        Header h = read_header(lines_, part.begin, part.end, part.kind);
        // a web page's title names the meeting: "Agenda for X on Thursday 15 January 2026, 7:30 pm"
        if (part.kind == DocumentKind::agenda && n == 0 && (h.committee.empty() || h.date.empty()))
            read_agenda_title(text_.title, h);
        const MeetingRef m = meeting_of(n, part, h);
        const std::string mtitle = meeting_title(m);
        Document doc = new_document(n, part, h, m, mtitle);
        Meeting& meeting = meeting_record(doc, m, mtitle, part.kind);

        const bool has_items = part.kind == DocumentKind::minutes || part.kind == DocumentKind::agenda ||
                               part.kind == DocumentKind::web_page;
        ItemLayout items;
        if (has_items) items = find_items(lines_, h.end, part.end, part.kind);
        if (part.kind == DocumentKind::minutes) {
            Attendance att = minutes_attendance(lines_, h.end, part.end, items);
            if (meeting.attendance.empty()) meeting.attendance = std::move(att);
        }
        const PeopleLinker linker(meeting.attendance);
        emit_body(doc, lines_, part, h, items, has_items, linker, topics_);
        emit_trailing(doc, lines_, layout_.trailing, linker, topics_);
        layout_.trailing.clear();

        if (doc.units.empty())  // the text stays searchable when its structure was not understood
            paragraphs_fallback(doc, lines_, part.begin, layout_.pack ? part.end : lines_.size(), linker, topics_,
                                out_.diagnostics);
        add_prose_questions(doc, [&](Unit& u) {
            u.people = linker.mentions(u.text);
            u.topics = topics_.assign(u.title, u.text);
        });
        // After the body, so that the ids of the body's units stay what they were before
        // front matter had units.
        const bool before_items = has_items && !items.items.empty() && part.kind != DocumentKind::web_page;
        const std::size_t body_begin = before_items ? std::max(items.first_item_line, h.end) : h.end;
        emit_front_matter(doc, lines_, FrontMatterLines{part.begin, h.end, body_begin}, part.kind, linker, topics_);
        // a report's cover fields come out of its body: they go last too
        std::stable_partition(doc.units.begin(), doc.units.end(), [](const Unit& u) { return !is_front_matter(u.type); });
        for (std::size_t i = 0; i < doc.units.size(); ++i) doc.units[i].id = unit_id(doc.id, i + 1);
        report_exempt_items(doc, source_, out_.diagnostics);
        if (part.kind == DocumentKind::minutes) add_people(out_, linker.people(meeting));
        out_.documents.push_back(std::move(doc));
    }

    // The meeting a part records: its own header; in a pack, parts without one take the
    // pack's meeting (an appendix its report's); a single document takes the sidecar's, then
    // what its folder and file name say (fill_from_filing). The first minutes of a pack named
    // as minutes ("Minutes - X - 8th October 2018.md") are the minutes the name dates.
    MeetingRef meeting_of(std::size_t n, const Part& part, const Header& h) {
        MeetingRef m;
        const bool own_header = part.kind == DocumentKind::minutes || part.kind == DocumentKind::report ||
                                part.kind == DocumentKind::agenda || part.kind == DocumentKind::questions ||
                                part.kind == DocumentKind::web_page;
        if (own_header) {
            if (!h.committee.empty()) m.committee = committee_named(h.committee);
            m.date = h.date;
            m.start_time = h.start_time;
            m.venue = h.venue;
            if (!m.date.empty()) m.date_source = "printed";
        }
        m.council = h.council;
        if (!m.council.empty()) m.council_source = "printed";
        if (!m.committee && part.kind == DocumentKind::minutes && !h.council.empty()) {
            // "Minutes of the Ordinary Meeting held on ...": a meeting of the council itself
            m.committee = committee_named(h.council);
        }
        if (layout_.pack) {
            inherit_pack_meeting(part, own_header, m);
            if (n == 0 && part.kind == DocumentKind::minutes && kind_from_file_name(source_) == DocumentKind::minutes)
                fill_from_filing(filing_, DocumentKind::minutes, m.fields());
        } else {
            if (sidecar_.committee) m.committee = committee_named(*sidecar_.committee);
            if (sidecar_.date) {
                m.date = *sidecar_.date;
                m.date_source = "sidecar";
            }
            fill_from_filing(filing_, part.kind, m.fields());
        }
        if (sidecar_.council) {
            m.council = *sidecar_.council;
            m.council_source = "sidecar";
        }
        if (m.council.empty()) {
            m.council = last_council_;
            m.council_source = last_council_source_;
        }
        // Weakest last: what the file's place names, then what the run gives it.
        if (m.council.empty() && !filing_.council.empty()) {
            m.council = filing_.council;
            m.council_source = "place";
        }
        if (m.council.empty() && !filing_.archive_council.empty()) {
            m.council = filing_.archive_council;
            m.council_source = "archive";
        }
        if (!m.committee && part.kind == DocumentKind::minutes && !m.council.empty() && m.council_source != "archive")
            // Minutes that name no committee are the council's own (a parish council's), as
            // when the council is printed above them.
            m.committee = committee_named(m.council);
        last_council_ = m.council;
        last_council_source_ = m.council_source;
        if (part.kind == DocumentKind::report || part.kind == DocumentKind::minutes ||
            part.kind == DocumentKind::agenda)
            previous_ = m;
        return m;
    }

    // A part of a pack: an appendix follows its report; a part without a header of its own,
    // and the agenda, take the pack's meeting.
    void inherit_pack_meeting(const Part& part, bool own_header, MeetingRef& m) const {
        const bool inherits = !own_header || (part.kind == DocumentKind::agenda) ||
                              (part.kind == DocumentKind::questions && !m.committee && m.date.empty());
        if (part.kind == DocumentKind::appendix && previous_.committee) {
            m.committee = previous_.committee;
            m.date = previous_.date;
            m.date_source = previous_.date.empty() ? "" : "pack";
        } else if (inherits) {
            if (!m.committee || part.kind == DocumentKind::agenda)
                m.committee = pack_meeting_.committee ? pack_meeting_.committee : m.committee;
            if ((m.date.empty() || part.kind == DocumentKind::agenda) && !pack_meeting_.date.empty()) {
                m.date = pack_meeting_.date;
                // the pack's agenda is dated as the pack is; other parts by the pack
                m.date_source = part.kind == DocumentKind::agenda ? pack_meeting_.date_source : "pack";
            }
            if (m.start_time.empty()) m.start_time = pack_meeting_.start_time;
            if (m.venue.empty()) m.venue = pack_meeting_.venue;
        }
    }

    Document new_document(std::size_t n, const Part& part, const Header& h, const MeetingRef& m,
                          const std::string& mtitle) const {
        Document doc;
        doc.id = layout_.pack ? doc_id_ + "-p" + std::to_string(n + 1) : doc_id_;
        doc.source = source_;
        doc.part = layout_.pack ? static_cast<int>(n + 1) : 0;
        doc.kind = part.kind;
        doc.url = sidecar_.url ? *sidecar_.url : text_.url;
        doc.council = m.council;
        doc.council_source = m.council.empty() ? std::string() : m.council_source;
        doc.committee = m.committee;
        doc.date = m.date;
        if (!m.date.empty()) doc.date_source = m.date_source;
        doc.report_by = h.report_by;
        doc.title = document_title(part.kind, mtitle, h, text_);
        if (sidecar_.title && (!layout_.pack || n == 0)) doc.title = *sidecar_.title;
        for (std::size_t i = part.begin; i < part.end; ++i) {
            if (lines_[i].page == 0) continue;
            if (doc.first_page == 0) doc.first_page = lines_[i].page;
            doc.last_page = lines_[i].page;
        }
        return doc;
    }

    // The meeting record of a document, made on first sight. The minutes know best where
    // and when the meeting happened.
    Meeting& meeting_record(Document& doc, const MeetingRef& m, const std::string& mtitle, DocumentKind kind) {
        if (m.committee && !m.date.empty())
            doc.meeting_id = meeting_id_of(m.council, m.committee->id, m.date);
        else
            doc.meeting_id = doc.id + "-meeting";
        auto it = meeting_index_.find(doc.meeting_id);
        if (it == meeting_index_.end()) {
            Meeting mt;
            mt.id = doc.meeting_id;
            mt.council = m.council;
            mt.committee = m.committee;
            mt.date = m.date;
            mt.start_time = m.start_time;
            mt.venue = m.venue;
            mt.title = mtitle.empty() ? doc.title : mtitle;
            out_.meetings.push_back(std::move(mt));
            it = meeting_index_.emplace(doc.meeting_id, out_.meetings.size() - 1).first;
        }
        Meeting& meeting = out_.meetings[it->second];
        if (kind == DocumentKind::minutes) {
            if (!m.venue.empty()) meeting.venue = m.venue;
            if (!m.start_time.empty()) meeting.start_time = m.start_time;
        }
        if (meeting.venue.empty()) meeting.venue = m.venue;
        if (meeting.start_time.empty()) meeting.start_time = m.start_time;
        return meeting;
    }

    const SourceText& text_;
    const Sidecar& sidecar_;
    const Filing& filing_;  // what the file's folder and name say of its meeting
    const std::string& doc_id_;
    const std::string& source_;
    const Lines& lines_;
    const TopicRules& topics_;
    FileResult& out_;
    FileLayout layout_;
    MeetingRef pack_meeting_;                           // a pack's own meeting (its agenda's)
    std::map<std::string, std::size_t> meeting_index_;  // meeting id -> index in out_.meetings
    std::string last_council_source_;
    std::string last_council_;                          // a part that names no council is the previous part's
    MeetingRef previous_;  // the meeting of the previous part (appendices follow their report)
};

}  // namespace

void segment(const SourceText& text, const Sidecar& sidecar, const Filing& filing, const std::string& doc_id,
             const std::string& source, const TopicRules& topics, FileResult& out) {
    Lines lines = text.lines;
    strip_page_furniture(lines);
    report_page_furniture(text.lines, lines, source, out.diagnostics);
    split_run_on_lines(lines);
    FileSegmenter(text, sidecar, filing, doc_id, source, lines, topics, out).run();
}

}  // namespace quorum::corpus
