// Helpers for unit-extraction tests: seed excerpts (string literals) -> SourceLines -> units.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "units/people.hpp"
#include "quorum/corpus/reader.hpp"
#include "units/units.hpp"

namespace quorum::corpus::test {

// One SourceLine per '\n'-separated line, all on `page`.
inline std::vector<SourceLine> lines_of(std::string_view text, int page = 7) {
    std::vector<SourceLine> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back({std::string(text.substr(start, end - start)), page});
        start = end + 1;
    }
    return lines;
}

// The units extract_units finds in an excerpt (document id "samples-001").
inline std::vector<Unit> units_of(std::string_view text, const BodyContext& context = {},
                                  const PeopleLinker& people = {}) {
    Document doc;
    doc.id = "samples-001";
    extract_units(lines_of(text), context, doc, people, default_topic_rules());
    return std::move(doc.units);
}

inline std::vector<const Unit*> of_type(const std::vector<Unit>& units, UnitType type) {
    std::vector<const Unit*> out;
    for (const Unit& u : units) {
        if (u.type == type) out.push_back(&u);
    }
    return out;
}

}  // namespace quorum::corpus::test
