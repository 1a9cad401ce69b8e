// Front matter as units (see front_matter.hpp).
#include "segment/front_matter.hpp"

#include <algorithm>

#include "segment/body_sections.hpp"
#include "units/people.hpp"

namespace quorum::corpus {
namespace {

using namespace structure;

// A meeting header is a few lines (council, committee, date, time, venue); a cover page's
// notices are cut into units of about this size, as a reader would cite them.
constexpr std::size_t kMaxHeaderChars = 1200;

enum class Run { header, attendance, other };

// Lines of one run and its kind, in order.
struct RunLines {
    Run kind = Run::other;
    Lines lines;
};

// Splits the front matter into runs: attendance lists (a label line and the names after
// it, until a prose line or a new label), the header (lines before header_end) and the rest.
std::vector<RunLines> split_runs(const Lines& lines, const FrontMatterLines& r) {
    std::vector<RunLines> runs;
    bool listing = false;
    for (std::size_t i = r.begin; i < r.body_begin; ++i) {
        const std::string p = plain(lines[i].text);
        if (p.empty()) {
            if (!runs.empty()) runs.back().lines.push_back(lines[i]);
            continue;
        }
        const bool label = attendance_label(p) || label_prefix(lines, i, r.body_begin);
        listing = label || (listing && !prose_line(p));
        const Run kind = listing ? Run::attendance : i < r.header_end ? Run::header : Run::other;
        if (runs.empty() || runs.back().kind != kind || label) runs.push_back(RunLines{kind, {}});
        runs.back().lines.push_back(lines[i]);
    }
    return runs;
}

// Units of at most about kMaxHeaderChars each, cut where a paragraph ends: a cover's
// fields and notices ("Date: ...", "Time: ...", "Place: ...") read together, not one a unit.
void emit_chunks(Document& doc, const Lines& run, UnitType first, UnitType rest, const std::string& title,
                 const PeopleLinker& linker) {
    Lines chunk;
    std::size_t size = 0;
    auto flush = [&] {
        std::string text = paragraph_text(std::span<const SourceLine>(chunk));
        if (!text.empty()) {
            Unit u;
            u.type = first;
            u.title = title;
            u.text = std::move(text);
            for (const auto& l : chunk)
                if (u.page == 0) u.page = l.page;
            u.people = linker.mentions(u.text);
            doc.units.push_back(std::move(u));
            first = rest;
        }
        chunk.clear();
        size = 0;
    };
    for (const auto& line : run) {
        if (is_blank(line.text) && size >= kMaxHeaderChars) flush();
        chunk.push_back(line);
        size += line.text.size();
    }
    flush();
}

}  // namespace

void emit_front_matter(Document& doc, const Lines& lines, FrontMatterLines range, DocumentKind kind,
                       const PeopleLinker& linker, const TopicRules& topics) {
    range.body_begin = std::min(range.body_begin, lines.size());
    range.header_end = std::min(range.header_end, range.body_begin);
    for (auto& run : split_runs(lines, range)) {
        if (run.kind == Run::attendance) {
            emit_chunks(doc, run.lines, UnitType::attendance, UnitType::attendance, "Attendance", linker);
        } else if (run.kind == Run::header) {
            emit_chunks(doc, run.lines, UnitType::header, UnitType::cover, doc.title, linker);
        } else if (kind != DocumentKind::minutes) {
            emit_chunks(doc, run.lines, UnitType::cover, UnitType::cover, doc.title, linker);
        } else {
            // Text before the first minute is business: paragraphs, as in an item.
            emit_sections(doc, run.lines, BodyContext{-1, doc.title, "", false}, linker, topics, false);
        }
    }
}

}  // namespace quorum::corpus
