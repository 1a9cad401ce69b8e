// A council's name where a line or a file name gives one (issue 17): "KENT COUNTY COUNCIL",
// "Minutes of Wretton Parish Council Meeting", "west-dereham-parish-council-minutes-2018".
// The same rule for printed headers and for places, so that both give one council one id.
#pragma once

#include <string>
#include <string_view>

namespace quorum::corpus {

// The name of the council `text` names: the words before the word "council" (not
// "councillor"), less what says what kind of paper or meeting it is ("Minutes of", "An
// Extraordinary", "Annual", "Your update from") and anything before a committee's name
// ("Planning Committee of X Parish Council" -> "X Parish Council"), with "Council". Empty
// when no name is left ("Full Council", "The Parish Council", "County Council", "2019
// Council") or the words are not a name (a sentence, a date). Words keep their printed case
// unless all are capitals or lower case (then "Stoke Ferry Parish Council").
[[nodiscard]] std::string council_named_in(std::string_view text);

// A word (lower case) saying what kind of meeting it was: "annual", "extraordinary",
// "special", "ordinary", "budget", "monthly", "general", "regular". Never part of a
// council's or committee's name ("Stoke Ferry Annual Parish Council", "Minutes of the Annual
// Meeting held ...").
[[nodiscard]] bool meeting_kind_word(std::string_view lower);

}  // namespace quorum::corpus
