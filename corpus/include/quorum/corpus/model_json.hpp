// JSON form of the model (nlohmann::json): what `quorum-index --dump FILE` prints and
// what the golden tests compare. Found by ADL: `nlohmann::json j = document;`.
#pragma once

#include <nlohmann/json.hpp>

#include "quorum/corpus/model.hpp"
#include "quorum/corpus/reader.hpp"

namespace quorum::corpus {

void to_json(nlohmann::json& j, const Named& v);
void to_json(nlohmann::json& j, const Attendee& v);
void to_json(nlohmann::json& j, const Attendance& v);
void to_json(nlohmann::json& j, const Meeting& v);
void to_json(nlohmann::json& j, const ResolutionInfo& v);
void to_json(nlohmann::json& j, const TableInfo& v);
void to_json(nlohmann::json& j, const QuestionInfo& v);
void to_json(nlohmann::json& j, const ActionInfo& v);
void to_json(nlohmann::json& j, const Unit& v);
void to_json(nlohmann::json& j, const Item& v);
void to_json(nlohmann::json& j, const Document& v);
void to_json(nlohmann::json& j, const Diagnostic& v);
void to_json(nlohmann::json& j, const PersonRole& v);
void to_json(nlohmann::json& j, const Person& v);
void to_json(nlohmann::json& j, const Acronym& v);
void to_json(nlohmann::json& j, const FileResult& v);

[[nodiscard]] const char* to_string(Diagnostic::Severity severity) noexcept;

}  // namespace quorum::corpus
