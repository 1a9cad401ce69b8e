// Private to the attendance readers: a printed list of people split into pieces, and the
// words that tell a name from a job title. attendee_lists.cpp holds them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quorum/corpus/model.hpp"

namespace quorum::corpus::structure {

// "Councillor", "Cllr.", "Mrs", "Dr"...: sets `canonical` ("Councillor") when given.
[[nodiscard]] bool honorific_word(std::string_view word, std::string* canonical = nullptr);

// Trimmed, without list punctuation at either end.
[[nodiscard]] std::string strip(std::string s);

// A word that may be part of a personal name: "Phillip", "I'Anson", "CA", "J.", "Rees-Glinos".
[[nodiscard]] bool name_token(std::string_view w);

struct Piece {
    std::string text;
    std::string separator;  // what preceded it in the list: ", " or " and "
};

// Splits at ", ", ";", " and " outside parentheses, and before "Councillor"/"Cllr"
// printed without a comma ("(Chairman) Councillor FM Norman").
[[nodiscard]] std::vector<Piece> pieces_of(std::string_view text);

// Role from a parenthesis or title: chair, vice-chair, observer...
[[nodiscard]] std::string role_of(std::string_view note);

// Is this piece the start of a new person?
[[nodiscard]] bool starts_person(const std::string& piece, bool names_only);

// "Director, Support Services (Mr. S. Coughlan), Meetings Administrator (Mr. J. Clune)":
// Irish minutes print the job title first and the name in brackets. Empty when the text
// is not such a list.
[[nodiscard]] std::vector<Attendee> titles_then_names(const std::string& text);

// "Officers: Democratic services manager, Service Director - Education, Skills and
// Learning, ..." lists job titles without names: one role-only officer per title. A piece
// starts a new title when its first word heads a job title.
[[nodiscard]] std::vector<Attendee> titles_only(const std::string& text);

}  // namespace quorum::corpus::structure
