// Questions: the supplement of public questions lists each question in a table row
// (long questions continue on rows with empty first cells) and prints the written
// response after the table ("Response:"), or a record of a verbal response inside it.
#include "units/questions.hpp"

#include <algorithm>
#include <cctype>

#include "quorum/corpus/text.hpp"

namespace quorum::corpus {
namespace {

enum class Column { none, number, questioner, question, addressee, response };

bool has(const std::string& s, std::string_view w) { return s.find(w) != std::string::npos; }

Column column_of(const std::string& cell) {
    const std::string h = fold_key(cell);
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
    const std::string f = fold_key(cell.substr(0, 60));
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
    const std::string n = fold_key(number);
    if (has(fold_key(question_header), "supplementary") || n.rfind("spq", 0) == 0 || n.rfind("sq", 0) == 0) {
        return "supplementary";
    }
    const std::string t = fold_key(title);
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
                case Column::number:
                    q.number = v;
                    break;
                case Column::questioner:
                    q.questioner = v;
                    break;
                case Column::question:
                    q.question = v;
                    break;
                case Column::addressee:
                    q.addressee = v;
                    break;
                case Column::response:
                    q.response = v;
                    break;
                case Column::none:
                    break;
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
    const std::string f = fold_key(t.substr(0, 60));
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

namespace {

// "Answer", "Response:", "Reply" alone: the marker between a question and its answer.
bool answer_marker(std::string_view text) {
    std::string f = fold_key(trim(text));
    while (!f.empty() && (f.back() == ':' || f.back() == '.')) f.pop_back();
    return f == "answer" || f == "response" || f == "reply" || f == "written answer" || f == "written response";
}

}  // namespace

bool read_question_heading(std::string_view text, std::string& questioner, std::string& addressee, std::string& rest) {
    std::string t = trim(text);
    std::string f = fold_key(t);
    // "Question 3 by ...", "Public question from ...", "Question by ..."
    std::size_t at = std::string::npos, skip = 0;
    for (std::string_view lead : {std::string_view("question by "), std::string_view("question from ")}) {
        const std::size_t k = f.find(lead);
        if (k != std::string::npos && k < 24 && (at == std::string::npos || k < at)) at = k, skip = lead.size();
    }
    if (at == std::string::npos) return false;
    const std::string before = f.substr(0, at);  // "", "public ", "question 3 ", "3. "
    for (char c : before)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '.' || c == ')' || c == '('))
            return false;
    const std::size_t from = at + skip;
    // The heading is its first line (or sentence); the question may follow in the same block.
    std::size_t end = t.find('\n', from);
    if (end == std::string::npos) end = t.size();
    const std::string heading = t.substr(from, end - from);
    const std::size_t to = fold_key(heading).find(" to ");
    if (to == std::string::npos || to == 0 || to > 80) return false;
    questioner = trim(std::string_view(heading).substr(0, to));
    addressee = trim(std::string_view(heading).substr(to + 4));
    while (!addressee.empty() && (addressee.back() == ':' || addressee.back() == ',' || addressee.back() == '.'))
        addressee.pop_back();
    if (questioner.empty() || addressee.empty() || std::count(questioner.begin(), questioner.end(), ' ') > 7)
        return false;
    rest = end < t.size() ? trim(std::string_view(t).substr(end + 1)) : std::string();
    return true;
}

void add_prose_questions(Document& document, const std::function<void(Unit&)>& finish) {
    struct Found {
        std::size_t at = 0;  // index of the heading paragraph
        QuestionInfo info;
        bool answered = false, closed = false;
        std::string heading_section, answer_section;
    };
    std::vector<Found> found;
    std::vector<std::size_t> markers;  // "Answer" paragraphs: read, then dropped
    auto& units = document.units;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const Unit& u = units[i];
        if (u.type != UnitType::paragraph) continue;
        std::string questioner, addressee, rest;
        if (read_question_heading(u.text, questioner, addressee, rest)) {
            // A heading line that wraps ("to Rory Love," / "Cabinet Member for ...") is one block.
            Found q;
            q.at = i;
            q.heading_section = q.answer_section = u.section;
            q.info.questioner = questioner;
            q.info.addressee = addressee;
            q.info.question = rest;
            found.push_back(std::move(q));
            continue;
        }
        if (found.empty() || found.back().closed) continue;
        Found& q = found.back();
        const bool marker = answer_marker(u.text);
        // The marker line is often read as a section heading: the answer's paragraphs then
        // carry it as their section.
        if (!q.answered && marker) {
            q.answered = true;
            q.answer_section = u.section;
            markers.push_back(i);
            continue;
        }
        if (u.section != q.heading_section && u.section != q.answer_section) {
            q.closed = true;  // a new section: the question (and its answer) ended
            continue;
        }
        std::string& into = q.answered ? q.info.response : q.info.question;
        into += (into.empty() ? "" : "\n") + u.text;
    }
    // The markers go first (from the back, so the headings' places stay right).
    for (auto m = markers.rbegin(); m != markers.rend(); ++m) {
        units.erase(units.begin() + static_cast<std::ptrdiff_t>(*m));
        for (Found& q : found)
            if (q.at > *m) --q.at;
    }
    std::size_t added = 0, ordinal = 0;
    for (Found& q : found) {
        ++ordinal;
        if (q.info.question.empty()) continue;
        q.info.number = "Question " + std::to_string(ordinal);
        q.info.kind = kind_of(q.info.number, "", document.title);
        Unit u;
        u.type = UnitType::question;
        const Unit& heading = units[q.at + added];
        u.page = heading.page;
        u.item_index = heading.item_index;
        u.title = heading.title;
        u.section = heading.section;
        u.number = std::to_string(ordinal);
        u.text = question_text(q.info);
        u.question = std::move(q.info);
        finish(u);
        units.insert(units.begin() + static_cast<std::ptrdiff_t>(q.at + added), std::move(u));
        ++added;
    }
}

}  // namespace quorum::corpus
