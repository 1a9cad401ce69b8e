// Public and member questions printed as a table (question number, questioner,
// question, addressee), with their responses.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "quorum/corpus/model.hpp"

namespace quorum::corpus {

// "Question Number | Questioner | Question | Question to".
[[nodiscard]] bool is_question_header(const std::vector<std::string>& header);

// One question per row (continuation rows are already merged by shape_table); a row
// starting "Record of verbal response" or "Response" is the response to the question
// above it. `context_title` decides member questions ("Questions from members of the council").
[[nodiscard]] std::vector<QuestionInfo> read_questions(const TableInfo& table, std::string_view context_title);

// Text after "Response:" when a block starts with it ("" when it does not); sets *is_response.
[[nodiscard]] std::string response_text(std::string_view block_text, bool* is_response);

[[nodiscard]] std::string question_text(const QuestionInfo& question);

}  // namespace quorum::corpus
