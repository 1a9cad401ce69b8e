// Agenda packs: one file holding the agenda, the previous minutes, an action tracker,
// officer reports, appendices and a work programme. Each document starts with a line
// that says what it is ("Minutes of the meeting of", "Title of report:", an action
// tracker's header row, "Appendix A", a work programme title, "Supplement – schedule
// of questions"); references to appendices inside a report's "Appendices" list are not.
#include <cctype>
#include <set>
#include <utility>

#include "units/questions.hpp"
#include "quorum/corpus/text.hpp"
#include "segment/structure.hpp"

namespace quorum::corpus::structure {
namespace {

bool has_lower(std::string_view s) {
    for (char c : s)
        if (c >= 'a' && c <= 'z') return true;
    return false;
}
bool has_letter(std::string_view s) {
    for (char c : s)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    return false;
}

// "Appendix A", "Appendix B.", "Appendix 2 – Work Programme", "APPENDIX 1: ..."
bool appendix_start(const std::string& p) {
    if (!starts_with_ci(p, "appendix ")) return false;
    const auto words = split_words(p);
    if (words.size() < 2 || words.size() > 14 || p.size() > 100) return false;
    std::string label = words[1];
    while (!label.empty() && (label.back() == '.' || label.back() == ':' || label.back() == ',')) label.pop_back();
    if (label.empty() || label.size() > 4) return false;
    bool ok = true;
    for (char c : label)
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == 'i' || c == 'v' || c == 'x')) ok = false;
    if (!ok) return false;
    // a sentence mentioning an appendix is not a start
    if (words.size() > 2) {
        const std::string& third = words[2];
        const bool separator = third == "-" || third == "\xE2\x80\x93" || third == "\xE2\x80\x94" ||
                               words[1].back() == ':' || words[1].back() == '.';
        if (!separator) return false;
    }
    return p.back() != ',' && p.back() != ';';
}

bool tracker_header(const std::string& p) {
    if (p.find('\t') == std::string::npos) return false;
    const std::string l = to_lower(p);
    const bool first = l.rfind("action number", 0) == 0 || l.rfind("action no", 0) == 0 || l.rfind("ref", 0) == 0 ||
                       l.rfind("recommendation number", 0) == 0 || l.rfind("no.\t", 0) == 0;
    return first && l.find("action") != std::string::npos &&
           (l.find("owner") != std::string::npos || l.find("due") != std::string::npos ||
            l.find("status") != std::string::npos || l.find("progress") != std::string::npos);
}

bool questions_start(const std::string& p) {
    const std::string l = to_lower(p);
    return (l.rfind("supplement", 0) == 0 && l.find("question") != std::string::npos) ||
           l.rfind("schedule of questions", 0) == 0;
}

bool work_programme_title(const std::string& p) {
    const std::string l = to_lower(p);
    if (l.rfind("work programme", 0) != 0 && l.rfind("forward work programme", 0) != 0 && l.rfind("work plan", 0) != 0)
        return false;
    return split_words(p).size() <= 6;
}

}  // namespace

bool minutes_title_line(std::string_view plain_line) {
    const std::string l = to_lower(plain_line);
    std::size_t at = l.find("minutes of");
    if (at == std::string::npos) {
        // "Minutes from the January meeting of the Wereham PC"
        at = l.find("minutes from the");
        if (at != std::string::npos && l.find("meeting", at) == std::string::npos) at = std::string::npos;
    }
    if (at == std::string::npos || at > 120) return false;
    const std::string prefix = l.substr(0, at);
    // an item number first ("112/20 To Approve the Minutes of ...", "1. Minutes of ...")
    // (a long reference number such as "1321/12/2016" before the title is not an item number)
    if (!prefix.empty() && prefix.front() >= '0' && prefix.front() <= '9') {
        const auto words = split_words(prefix);
        if (words.size() != 1 || words[0].size() <= 6) return false;
    }
    if (split_words(prefix).size() > 14) return false;
    // a reference to earlier minutes: an agenda item or a resolution about them
    static const char* const verbs[] = {
        "adopt",           "to approve",  "approve the", "approval of", "to confirm", "confirm the", "confirmation of",
        "to receive",      "receive the", "to note",     "note the",    "signing",    "sign the",    "circulated",
        "matters arising", "that the",    "agree the",   "to agree",    "copy of",    "copies of",   "accuracy",
        "consider the",    "to consider", "read and",    "item"};
    for (const char* v : verbs)
        if (prefix.find(v) != std::string::npos) return false;
    std::string_view rest = std::string_view(l).substr(at + 10);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.rfind("the previous", 0) == 0 || rest.rfind("previous", 0) == 0 || rest.rfind("the last", 0) == 0 ||
        rest.rfind("last meeting", 0) == 0)
        return false;
    return true;
}

std::optional<DocumentKind> kind_from_file_name(std::string_view source) {
    std::string_view name = source;
    const std::size_t slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
    const std::string l = to_lower(name);
    if (l.rfind("agenda", 0) == 0 || l.find("agenda frontsheet") != std::string::npos) return DocumentKind::agenda;
    if (l.find("minutes") != std::string::npos && l.find("agenda") == std::string::npos) return DocumentKind::minutes;
    // "Supplementary Agenda - ...", "Public reports pack ... Cabinet"
    if (l.find("agenda") != std::string::npos && l.find("minutes") == std::string::npos) return DocumentKind::agenda;
    // Words of the name: "24-00108 - Appendix - NOV 2024-25.pdf", "Cabinet Report 4 March 2025.pdf",
    // "24-00115 - EqIA.pdf" (an equality impact assessment supports a report).
    std::set<std::string> words;
    std::string w;
    for (char c : l + " ") {
        if (std::isalnum(static_cast<unsigned char>(c)))
            w.push_back(c);
        else if (!w.empty())
            words.insert(std::exchange(w, std::string()));
    }
    for (const char* a : {"appendix", "appendices", "annex", "eqia", "dpia"})
        if (words.count(a)) return DocumentKind::appendix;
    for (const char* r : {"report", "prod", "decision", "briefing", "cover"})
        if (words.count(r)) return DocumentKind::report;
    return std::nullopt;
}

std::string report_cover_field(std::string_view plain_line) {
    static const char* const fields[] = {"from",
                                         "to",
                                         "subject",
                                         "report to",
                                         "report of",
                                         "report by",
                                         "report from",
                                         "report author",
                                         "author",
                                         "title of report",
                                         "report title",
                                         "meeting",
                                         "meeting date",
                                         "date of meeting",
                                         "decision no",
                                         "decision number",
                                         "key decision",
                                         "classification",
                                         "electoral division",
                                         "electoral divisions",
                                         "wards affected",
                                         "ward(s) affected",
                                         "ward",
                                         "wards",
                                         "cabinet member",
                                         "portfolio holder",
                                         "lead member",
                                         "lead officer",
                                         "contact officer",
                                         "responsible officer",
                                         "past pathway of report",
                                         "future pathway of report",
                                         "decision to be taken by",
                                         "decision maker",
                                         "forward plan reference",
                                         "exempt",
                                         "status"};
    const std::size_t colon = plain_line.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 32) return {};
    std::string label = to_lower(trim(plain_line.substr(0, colon)));
    for (const char* f : fields)
        if (label == f) return label;
    return {};
}

std::optional<DocumentKind> detect_kind(const Lines& lines) {
    int seen = 0;
    std::set<std::string> cover;  // distinct report cover fields in the first lines
    for (const auto& line : lines) {
        const std::string p = plain(line.text);
        if (p.empty() || p == "---" || starts_with_ci(p, "[original file]")) continue;
        if (++seen > 40) break;
        const std::string l = to_lower(p);
        if (seen <= 15) {
            if (l == "agenda item") return DocumentKind::web_page;
            if (l.rfind("title of report:", 0) == 0) return DocumentKind::report;
            // "KENT COUNTY COUNCIL – PROPOSED RECORD OF DECISION": an executive decision's record
            if (seen <= 3 && l.find("record of decision") != std::string::npos && l.size() < 100)
                return DocumentKind::report;
            if (questions_start(p)) return DocumentKind::questions;
            // "Question by Paul Stepto to Rory Love, ...", "QUESTIONS PUT AND ANSWERS GIVEN"
            std::string who, to, rest;
            if (l.rfind("questions put and answers", 0) == 0 || read_question_heading(p, who, to, rest))
                return DocumentKind::questions;
            if (tracker_header(p)) return DocumentKind::action_tracker;
        }
        if (minutes_title_line(p) || l == "minutes") return DocumentKind::minutes;
        // A cover sheet: "From:", "To:", "Subject:", "Classification:" ... (three of them)
        if (seen <= 25) {
            const std::string field = report_cover_field(p);
            if (!field.empty() && field != "meeting" && cover.insert(field).second && cover.size() >= 3)
                return DocumentKind::report;
        }
        // the summons and the agenda heading of an agenda; "AGENDA" may follow a long
        // letterhead in scanned notices
        if (l == "agenda" || l.rfind("agenda for", 0) == 0 || l.rfind("notice of meeting", 0) == 0 ||
            l.rfind("agenda -", 0) == 0 || l.find("you are requested to attend") != std::string::npos ||
            l.find("you are hereby summoned") != std::string::npos ||
            l.find("business to be transacted") != std::string::npos)
            return DocumentKind::agenda;
    }
    return std::nullopt;
}

namespace {

// Does anything in the text read like minutes: who was present, apologies, a resolution,
// a seconder? Generous on purpose: it only decides when no line said what the text is.
bool minuted_anywhere(const Lines& lines) {
    for (const auto& line : lines) {
        const std::string l = to_lower(plain(line.text));
        if (l.empty()) continue;
        for (std::string_view w :
             {"present:", "present -", "apologies", "resolved", "minutes", "seconded", "it was agreed", "agreed that",
              "in attendance", "chairman", "the chair", "members present", "decision:"})
            if (l.find(w) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

std::vector<Part> find_parts(const Lines& lines) {
    std::vector<Part> parts;
    const std::optional<DocumentKind> said = detect_kind(lines);
    // Nothing says what it is: minutes when anything in it is minuted, else a paper for a
    // meeting (a report, a strategy, a budget book).
    const DocumentKind assumed = said ? *said : minuted_anywhere(lines) ? DocumentKind::minutes : DocumentKind::report;
    parts.push_back({assumed, 0, lines.size(), !said});
    bool appendices_list = false;  // inside a report's "Appendices" section
    bool report_tail = false;      // a report's closing sections reached
    int content_lines = 0;         // non-blank lines in the current part

    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string p = plain(lines[i].text);
        if (p.empty()) continue;
        const std::string l = to_lower(p);
        const DocumentKind current = parts.back().kind;
        std::optional<DocumentKind> start;
        if (l.rfind("minutes of the meeting", 0) == 0 || l.rfind("minutes of a meeting", 0) == 0 ||
            l.rfind("minutes of meeting", 0) == 0)
            start = DocumentKind::minutes;
        else if (l.rfind("title of report:", 0) == 0)
            start = DocumentKind::report;
        else if (tracker_header(p))
            start = DocumentKind::action_tracker;
        else if (questions_start(p))
            start = DocumentKind::questions;
        else if (appendix_start(p) && (i == 0 || is_blank(lines[i - 1].text)) && !appendices_list &&
                 current != DocumentKind::agenda && (current != DocumentKind::report || report_tail))
            start = DocumentKind::appendix;
        else if (work_programme_title(p) && current != DocumentKind::agenda &&
                 (current != DocumentKind::report || report_tail) && current != DocumentKind::work_programme) {
            // A title block: the line above names the committee ("Scrutiny Committee" /
            // "Work programme" / "2022"), or the title carries its year; an item heading
            // ("70." / "WORK PROGRAMME REVIEW") or a report's section heading is neither.
            auto has_year = [](std::string_view s) {
                for (std::size_t k = 0; k + 3 < s.size(); ++k)
                    if ((s.substr(k, 2) == "20" || s.substr(k, 2) == "19") && s[k + 2] >= '0' && s[k + 2] <= '9' &&
                        s[k + 3] >= '0' && s[k + 3] <= '9')
                        return true;
                return false;
            };
            const std::string before = i > 0 ? plain(lines[i - 1].text) : std::string();
            const std::string after = i + 1 < lines.size() ? plain(lines[i + 1].text) : std::string();
            const std::string lb = to_lower(before);
            const bool names_body =
                !before.empty() && (lb.find("committee") != std::string::npos ||
                                    lb.find("council") != std::string::npos || lb.find("cabinet") != std::string::npos);
            const bool year_below = !after.empty() && split_words(after).size() <= 2 && has_year(after);
            const bool title_block =
                p.find('\t') == std::string::npos && (names_body || year_below || (has_year(p) && before.empty()));
            if (title_block) start = DocumentKind::work_programme;
        }

        if (start) {
            std::size_t begin = i;
            if (*start == DocumentKind::action_tracker) {
                // banner lines in capitals above the table belong to the tracker
                std::size_t j = i;
                while (j > parts.back().begin + 1) {
                    const std::string q = plain(lines[j - 1].text);
                    if (q.empty()) {
                        --j;
                        continue;
                    }
                    if (has_letter(q) && !has_lower(q) && q.find('\t') == std::string::npos) {
                        begin = j - 1;
                        --j;
                        continue;
                    }
                    break;
                }
            } else if (*start == DocumentKind::work_programme) {
                while (begin > parts.back().begin + 1 && !is_blank(lines[begin - 1].text)) --begin;
            }
            if (content_lines < 3 && begin >= parts.back().begin) {
                parts.back().kind = *start;  // the document's own first line
                parts.back().guessed = false;
            } else {
                parts.back().end = begin;
                parts.push_back({*start, begin, lines.size()});
                content_lines = 0;
            }
            appendices_list = false;
            report_tail = false;
        }
        ++content_lines;
        if (l == "appendices" || l == "appendix" || l == "appendices:") appendices_list = true;
        if (l.rfind("background papers", 0) == 0 || l.rfind("approved by", 0) == 0) {
            appendices_list = false;
            report_tail = true;
        }
    }
    return parts;
}

}  // namespace quorum::corpus::structure
