// Questions: the supplement of public questions lists each question in a table row
// (long questions continue on rows with empty first cells) and prints the written
// response after the table ("Response:"), or a record of a verbal response inside it.
#include "questions.hpp"

#include "quorum/corpus/text.hpp"

namespace quorum::corpus {
namespace {

enum class Column { none, number, questioner, question, addressee, response };

bool has(const std::string& s, std::string_view w) { return s.find(w) != std::string::npos; }

Column column_of(const std::string& cell) {
    const std::string h = fold(cell);
    if (h.empty()) return Column::none;
    if (has(h, "number") || h == "no" || h == "no." || h == "ref") return Column::number;
    if (has(h, "questioner") || has(h, "asked by") || h == "name") return Column::questioner;
    if (has(h, "question to") || has(h, "addressed to") || has(h, "to be answered by") || h == "to") {
        return Column::addressee;
    }
    if (has(h, "response") || has(h, "answer") || has(h, "reply")) return Column::response;
    if (has(h, "question")) return Column::question;
    return Column::none;
}

bool starts_response(const std::string& cell) {
    const std::string f = fold(cell.substr(0, 60));
    return f.rfind("record of verbal response", 0) == 0 || f.rfind("record of the verbal response", 0) == 0 ||
           f.rfind("response", 0) == 0 || f.rfind("answer:", 0) == 0 || f.rfind("verbal response", 0) == 0;
}

std::string join_filled(const std::vector<std::string>& row) {
    std::string out;
    for (const std::string& cell : row) {
        if (cell.empty()) continue;
        if (!out.empty()) out += ' ';
        out += cell;
    }
    return out;
}

std::string kind_of(const std::string& number, const std::string& question_header, std::string_view title) {
    const std::string n = fold(number);
    if (has(fold(question_header), "supplementary") || n.rfind("spq", 0) == 0 || n.rfind("sq", 0) == 0) {
        return "supplementary";
    }
    const std::string t = fold(title);
    if (n.rfind("mq", 0) == 0 || n.rfind("cq", 0) == 0 || has(t, "members of the council") ||
        has(t, "from councillors") || has(t, "member question")) {
        return "member";
    }
    return "public";
}

}  // namespace

bool is_question_header(const std::vector<std::string>& header) {
    bool questioner = false;
    bool question = false;
    for (const std::string& cell : header) {
        const Column c = column_of(cell);
        questioner = questioner || c == Column::questioner;
        question = question || c == Column::question;
    }
    return questioner && question;
}

std::vector<QuestionInfo> read_questions(const TableInfo& table, std::string_view context_title) {
    std::vector<Column> columns;
    std::string question_header;
    for (const std::string& cell : table.header) {
        columns.push_back(column_of(cell));
        if (columns.back() == Column::question) question_header = cell;
    }
    std::vector<QuestionInfo> out;
    for (const auto& row : table.rows) {
        if (!row.empty() && starts_response(row.front()) && !out.empty()) {
            std::string& r = out.back().response;
            r += r.empty() ? join_filled(row) : " " + join_filled(row);
            continue;
        }
        QuestionInfo q;
        for (std::size_t k = 0; k < row.size() && k < columns.size(); ++k) {
            const std::string& v = row[k];
            if (v.empty()) continue;
            switch (columns[k]) {
                case Column::number: q.number = v; break;
                case Column::questioner: q.questioner = v; break;
                case Column::question: q.question = v; break;
                case Column::addressee: q.addressee = v; break;
                case Column::response: q.response = v; break;
                case Column::none: break;
            }
        }
        if (q.question.empty() && q.questioner.empty()) continue;
        q.kind = kind_of(q.number, question_header, context_title);
        out.push_back(std::move(q));
    }
    return out;
}

std::string response_text(std::string_view block_text, bool* is_response) {
    const std::string t = trim(block_text);
    const std::string f = fold(t.substr(0, 60));
    *is_response = false;
    for (const std::string_view p : {std::string_view("response:"), std::string_view("written response:"),
                                      std::string_view("answer:"), std::string_view("response")}) {
        if (f.rfind(p, 0) == 0 && (f.size() == p.size() || p.back() == ':')) {
            *is_response = true;
            const std::size_t colon = t.find(':');
            return colon == std::string::npos ? std::string() : trim(std::string_view(t).substr(colon + 1));
        }
    }
    if (f.rfind("record of verbal response", 0) == 0) {
        *is_response = true;
        return t;
    }
    return {};
}

std::string question_text(const QuestionInfo& q) {
    std::string out = q.number;
    if (!q.questioner.empty()) out += (out.empty() ? "" : " ") + std::string("from ") + q.questioner;
    if (!q.addressee.empty()) out += " to " + q.addressee;
    if (!out.empty()) out += ":\n";
    out += q.question;
    if (!q.response.empty()) out += "\nResponse: " + q.response;
    return out;
}

}  // namespace quorum::corpus
