// Units of a body, section by section: a standalone line naming a section ("Purpose",
// "Key considerations") starts one; its lines become units through extract_units.
#include "segment/sections.hpp"

#include <span>

namespace quorum::corpus::structure {
namespace {

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

}  // namespace

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
}  // namespace quorum::corpus::structure
