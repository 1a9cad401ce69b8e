// Reads a natural question ("what did we resolve on foster carer recruitment in 2022?")
// for what it asks beyond its words: a decision, actions, overdue actions, a year or month. Those
// words are taken out of the text to match (the lettered parts of a decision do not repeat
// "recommended that"; a unit of 2025 rarely prints "2025") and become ranking boosts.
#pragma once

#include <string>
#include <vector>

namespace quorum::query {

struct QuestionIntent {
    std::string text;                 // the query to parse, intent words and years taken out
    bool natural = false;             // reads as a question or sentence, not as keywords or syntax
    bool decision = false;            // resolve(d), decide(d), decision, recommend(ed), agreed...
    bool actions = false;             // actions, overdue
    bool overdue = false;             // overdue
    std::vector<std::string> years;   // "in 2025" -> "2025"
    std::vector<std::string> months;  // "in February 2022" -> "2022-02"
};

// `folded` is the query after fold_for_search. Queries written with syntax (AND OR NOT,
// +word -word, field:value) are left as typed: the user has said what they want.
[[nodiscard]] QuestionIntent read_intent(const std::string& folded);

// True for a word of our stop list (lower case).
[[nodiscard]] bool is_stop_word(const std::string& word);

}  // namespace quorum::query
