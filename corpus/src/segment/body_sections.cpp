// The units of a body, section by section (see body_sections.hpp).
#include "segment/body_sections.hpp"

#include "units/people.hpp"

namespace quorum::corpus {
namespace {

using namespace structure;

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

bool skipped_section(std::string_view heading) {
    const std::string l = to_lower(heading);
    return l == "classification" || l == "decision type" || l == "wards affected" || l == "key decision";
}

// Known report section names are headings even right after another heading.
bool known_section(std::string_view heading) {
    // A table of words, packed: clang-format would put one a line.
    // clang-format off
    static const char* const names[] = {
        "purpose", "recommendation(s)", "recommendations", "alternative options", "key considerations",
        "community impact", "environmental impact", "equality duty", "resource implications", "legal implications",
        "risk management", "consultees", "appendices", "background papers", "glossary", "classification",
        "decision type", "wards affected", "summary", "background", "introduction", "financial implications"};
    // clang-format on
    const std::string l = to_lower(heading);
    for (const char* n : names)
        if (l == n) return true;
    return false;
}

// Does a section with content end on a page before `page`?
bool continued_on_new_page(const Lines& section, int page) {
    for (auto it = section.rbegin(); it != section.rend(); ++it) {
        if (!is_blank(it->text)) return it->page > 0 && page > it->page;
    }
    return false;
}

}  // namespace

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
        const std::size_t from = doc.units.size();
        BodyContext c = context;
        c.section = heading;
        if (content) extract_units(std::span<const SourceLine>(section), c, doc, linker, topics);
        // Regression (issue 12): a heading with nothing under it but a dash, or another
        // heading ("Updates:" / "-" / "Update from Working Group on Vacancy" / "-"), was
        // lost with its empty section. It is a paragraph of its own.
        // Only a heading that says something: one or two words ("Appendices", "Background
        // papers") are a label without content, and keeping them would renumber the units.
        if (doc.units.size() == from && split_words(heading).size() >= 3 && heading != context.section) {
            const Lines alone{SourceLine{heading, section.empty() ? 0 : section.front().page}};
            c.section.clear();
            extract_units(std::span<const SourceLine>(alone), c, doc, linker, topics);
        }
        // Regression (issue 12): a report's classification fields were dropped; they are
        // its cover.
        if (skip) retype_paragraphs(doc, from, UnitType::cover);
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
        // Regression (issue 13): a title printed again at the top of the next page above the
        // rest of its table ("SILVER & GOLD Employer Recognition Scheme Award Holders") cut
        // the table in two sections. The section goes on; its title is kept once.
        if (p == heading && continued_on_new_page(section, body[i].page)) continue;
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

void retype_paragraphs(Document& doc, std::size_t from, UnitType type) {
    for (std::size_t i = from; i < doc.units.size(); ++i) {
        if (doc.units[i].type != UnitType::paragraph) continue;
        doc.units[i].type = type;
        doc.units[i].topics.clear();
    }
}

}  // namespace quorum::corpus
