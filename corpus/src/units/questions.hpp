// Public and member questions printed as a table (question number, questioner,
// question, addressee), with their responses.
#pragma once

#include <functional>
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

// "Question by Paul Stepto to Rory Love, Cabinet Member for Education and Skills": the
// heading of a question printed as prose (ModernGov "Questions put and answers given").
// Returns false when `text` does not start like one.
[[nodiscard]] bool read_question_heading(std::string_view text, std::string& questioner, std::string& addressee,
                                         std::string& rest);

// Questions printed as prose: a question heading, the question's paragraphs, "Answer" (or
// "Response", "Reply"), the answer's paragraphs. Adds one question unit before each
// question's paragraphs, which stay searchable as they are; `finish` fills its people and
// topics. Units get ids afterwards.
void add_prose_questions(Document& document, const std::function<void(Unit&)>& finish);

}  // namespace quorum::corpus
