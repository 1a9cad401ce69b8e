// Folding: how two spellings of one word become one key. The readers make ids with these
// rules and the indexer and query library make terms and filters with them, so there is
// exactly one definition of each.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace quorum::text {

// Unicode NFC (for display and storage).
[[nodiscard]] std::string to_nfc(std::string_view text);

// Matching key: NFKC, case folded, accents removed, curly quotes and dashes made plain,
// invisible characters dropped, white space collapsed.
// "Children’s  Services" -> "children's services".
[[nodiscard]] std::string fold_key(std::string_view text);

// Accents removed, compatibility forms (NFKC), curly quotes and dashes made plain, odd spaces
// made plain. Case is kept: the query parser needs "AND"/"OR"/"NOT" as typed, and Xapian
// lower-cases terms itself. "Children’s Café" -> "Children's Cafe".
[[nodiscard]] std::string fold_for_search(std::string_view text);

// Lower-case folded words (letters and digits; inner apostrophes kept), in order.
// "Multi-Agency Safeguarding Hub" -> {"multi", "agency", "safeguarding", "hub"}.
[[nodiscard]] std::vector<std::string> fold_words(std::string_view text);

// The words of fold_words joined by single spaces: the key format of multi-word synonyms.
[[nodiscard]] std::string phrase_key(std::string_view text);

// Stable id from a name: folded, ASCII letters and digits, runs of others -> '-'; an
// apostrophe joins ("Children's" -> "childrens", "I'Anson" -> "ianson").
// "Children and Young People Scrutiny Committee" -> "children-and-young-people-scrutiny-committee".
[[nodiscard]] std::string slug(std::string_view text);

// A readable stand-in for a name known only by its slug: "phillip-howells" -> "Phillip Howells".
[[nodiscard]] std::string name_from_slug(std::string_view slug);

// Trim ASCII and Unicode white space (NBSP, zero-width space and BOM included) at both ends;
// collapse inner runs to one space.
[[nodiscard]] std::string trim(std::string_view text);
[[nodiscard]] std::string collapse_spaces(std::string_view text);

}  // namespace quorum::text
