#include "question_intent.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <string_view>

#include "stop_words.hpp"

namespace quorum::query {

namespace {

// Words asking for a decision rather than naming what it is about.
constexpr std::string_view decision_words[] = {
    "resolve",  "resolved",  "resolves",  "resolution",  "resolutions", "decide",         "decided",         "decides",
    "decision", "decisions", "recommend", "recommended", "recommends",  "recommendation", "recommendations", "agree",
    "agreed",   "agrees",    "conclude",  "concluded",   "conclusion",  "conclusions"};

constexpr std::string_view action_words[] = {"actions", "owner", "owners", "owns"};

constexpr std::string_view month_names[] = {"january", "february", "march",     "april",   "may",      "june",
                                            "july",    "august",   "september", "october", "november", "december"};

bool in(std::string_view word, const auto& list) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

bool is_operator(const std::string& t) {
    return t == "AND" || t == "OR" || t == "NOT" || t == "XOR" || t == "NEAR" || t == "ADJ" ||
           t.rfind("NEAR/", 0) == 0 || t.rfind("ADJ/", 0) == 0;
}

bool is_year(const std::string& w) {
    return w.size() == 4 && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
           (w.rfind("19", 0) == 0 || w.rfind("20", 0) == 0);
}

struct Token {
    std::string text;  // as typed
    std::string word;  // lower case, brackets and end punctuation off; empty if not a plain word
    bool removable = false;
};

// "(resolved?" -> "resolved"; anything but letters, digits and inner apostrophes -> "".
std::string bare_word(const std::string& token) {
    std::size_t b = 0, e = token.size();
    while (b < e && token[b] == '(') ++b;
    while (e > b && std::string_view(")?!.,;").find(token[e - 1]) != std::string_view::npos) --e;
    std::string w;
    for (std::size_t i = b; i < e; ++i) {
        unsigned char c = static_cast<unsigned char>(token[i]);
        if (std::isalnum(c) || c == '\'')
            w.push_back(static_cast<char>(std::tolower(c)));
        else
            return {};
    }
    if (w.size() >= 2 && w.compare(w.size() - 2, 2, "'s") == 0 && is_stop_word(w.substr(0, w.size() - 2)))
        return w.substr(0, w.size() - 2);  // "what's" -> "what"
    return w;
}

// Keeps the brackets of a removed word so the query stays balanced.
std::string brackets_of(const std::string& token) {
    std::string out;
    for (char c : token)
        if (c == '(' || c == ')') out.push_back(c);
    return out;
}

}  // namespace

bool is_stop_word(const std::string& word) { return in(word, stop_words); }

QuestionIntent read_intent(const std::string& folded) {
    QuestionIntent out;
    out.text = folded;
    std::vector<Token> tokens;
    for (std::size_t i = 0; i < folded.size();) {
        if (std::isspace(static_cast<unsigned char>(folded[i]))) {
            ++i;
            continue;
        }
        std::size_t end;
        if (folded[i] == '"') {
            end = folded.find('"', i + 1);
            end = end == std::string::npos ? folded.size() : end + 1;
        } else {
            end = i;
            while (end < folded.size() && !std::isspace(static_cast<unsigned char>(folded[end])) && folded[end] != '"')
                ++end;
        }
        Token t{folded.substr(i, end - i)};
        if (t.text[0] != '"') {
            if (is_operator(t.text) || ((t.text[0] == '+' || t.text[0] == '-') && t.text.size() > 1))
                return out;  // written with syntax: taken as typed
            if (t.text.find(':') == std::string::npos && t.text.find('*') == std::string::npos)
                t.word = bare_word(t.text);
        }
        tokens.push_back(std::move(t));
        i = end;
    }

    std::size_t content = 0;
    std::set<std::string> years, months;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        auto& t = tokens[k];
        if (t.word.empty()) {
            if (t.text[0] == '"') ++content;  // a phrase is content
            continue;
        }
        auto month = std::find(std::begin(month_names), std::end(month_names), t.word);
        if (month != std::end(month_names) && k + 1 < tokens.size() && is_year(tokens[k + 1].word)) {
            // "in February 2022": the meeting's month, not words of its text.
            char mm[3];
            std::snprintf(mm, sizeof mm, "%02d", int(month - std::begin(month_names)) + 1);
            months.insert(tokens[k + 1].word + '-' + mm);
            t.removable = tokens[k + 1].removable = true;
            ++k;
        } else if (is_stop_word(t.word)) {
            out.natural = true;
        } else if (in(t.word, decision_words)) {
            out.decision = t.removable = true;
        } else if (in(t.word, action_words)) {
            out.actions = t.removable = true;
        } else if (t.word == "overdue") {
            out.overdue = out.actions = t.removable = true;
        } else if (is_year(t.word)) {
            years.insert(t.word);
            t.removable = true;
        } else {
            ++content;
        }
    }
    out.months.assign(months.begin(), months.end());
    out.years.assign(years.begin(), years.end());
    if (out.decision || out.actions || !out.years.empty() || !out.months.empty()) out.natural = true;
    // Nothing left but intent words ("decisions", "overdue actions"): match them as words too.
    if (content == 0) return out;
    std::string text;
    for (const auto& t : tokens) {
        std::string part = t.removable ? brackets_of(t.text) : t.text;
        if (part.empty()) continue;
        if (!text.empty()) text.push_back(' ');
        text += part;
    }
    out.text = text;
    return out;
}

}  // namespace quorum::query
