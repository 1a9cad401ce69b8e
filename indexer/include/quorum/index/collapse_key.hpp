// The collapse key (schema::collapse_slot, XH term): units with one key are copies of one
// passage and collapse onto one hit, the others listed in `also_in`.
//
// Copies of a passage differ by what printing and reading add to it: page furniture left
// in the text, white space, hyphens at line ends, punctuation, OCR noise ("l" for "1",
// "O" for "0", stray marks). The key's text is folded so that these differences vanish
// (collapse_text). Where the copies were printed does not always agree either: a paper
// goes into the pack of each meeting that considers it, and an "originals" copy has no
// meeting date. So:
//
// - a long passage of a paper (report, appendix, questions; >= distinctive_words words;
//   no decision, front matter or procedural unit) is keyed by its type and text alone:
//   that many words in that order are one passage wherever they are printed;
// - everything else (minutes, agendas, decisions, short units) is keyed within its
//   meeting too: date, committee and heading. The same words recorded at two meetings
//   ("Apologies were received from Cllr X", a standard resolution, an attendance list
//   repeated each month) are two events. A reprint of minutes in a later pack is read with
//   the printed meeting's date, so it stays in that meeting and collapses with the
//   minutes. A meeting record the readers could not date is scoped to their meeting id for
//   it (one document): two undated meetings are never merged.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "quorum/corpus/model.hpp"

namespace quorum::index {

// Words a paper's passage needs before it is keyed by its text alone. Measured on the
// Kent and Limerick archives (docs/SCHEMA.md): long passages repeated at different
// meetings are minutes and agenda business, which stay scoped to their meeting whatever
// their length; in papers, passages from 20 words up repeat only as copies.
inline constexpr std::size_t distinctive_words = 20;

// What the key is made of for one unit besides the unit itself.
struct CollapseScope {
    corpus::DocumentKind kind = corpus::DocumentKind::minutes;
    std::string_view date;         // YYYY-MM-DD or empty
    std::string_view committee;    // committee id or empty
    std::string_view meeting_id;   // the readers' meeting id of the document (per document when undated)
    std::string_view document_id;  // stands in for meeting_id when that is empty
};

// The text as copies share it: folded (case, accents, compatibility forms), "Page N" and
// "Page N of M" dropped, then only letters, digits and the signs that change a figure's
// meaning (% $ £ €, a minus sign, a decimal point between digits), with the OCR
// look-alikes 1/i/l and 0/o made one (so a thousands separator goes: "l,O50" = "1050"). "Safe-\nguarding  Hub, Item
// l0." and "Safeguarding Hub - item 10" give the same text.
[[nodiscard]] std::string collapse_text(std::string_view text);

// True when the unit is keyed by its text alone (a long passage of a paper; see above).
[[nodiscard]] bool stands_alone(const corpus::Unit& unit, corpus::DocumentKind kind);

// The key: hex FNV-1a 64. A unit with no text to compare (empty once folded) keys on its id.
[[nodiscard]] std::string collapse_key(const corpus::Unit& unit, const CollapseScope& scope);

}  // namespace quorum::index
