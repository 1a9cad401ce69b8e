#include "wildcards.hpp"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

#include "synonym_query.hpp"

namespace quorum::query {

namespace {

bool word_byte(unsigned char c) { return std::isalnum(c) != 0 || c >= 0x80 || c == '_'; }

}  // namespace

std::string wildcard_field(std::string_view field) { return "qwild" + std::string(field); }

std::string rewrite_wildcards(const std::string& text, const std::vector<std::string>& fields) {
    std::string out;
    out.reserve(text.size() + 16);
    bool quoted = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"') {
            quoted = !quoted;
            out += c;
            ++i;
            continue;
        }
        // A token starts at the string's start or after a space or bracket.
        const bool token_start = i == 0 || text[i - 1] == ' ' || text[i - 1] == '(' || text[i - 1] == '+' ||
                                 text[i - 1] == '-';
        if (quoted || !token_start || !word_byte(static_cast<unsigned char>(c))) {
            out += c;
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && (word_byte(static_cast<unsigned char>(text[end])) || text[end] == ':')) ++end;
        const std::string token = text.substr(i, end - i);
        const bool wildcard = end < text.size() && text[end] == '*' &&
                              (end + 1 == text.size() || text[end + 1] == ' ' || text[end + 1] == ')');
        const auto colon = token.find(':');
        const std::string field = colon == std::string::npos ? std::string() : token.substr(0, colon);
        const std::string word = colon == std::string::npos ? token : token.substr(colon + 1);
        const bool known = field.empty() || std::find(fields.begin(), fields.end(), field) != fields.end();
        if (wildcard && known && !word.empty() && word.find(':') == std::string::npos) {
            out += wildcard_field(field) + ":" + word;
            i = end + 1;  // past the '*'
        } else {
            out += token;
            i = end;
        }
    }
    return out;
}

std::string restore_wildcards(const std::string& text) {
    const std::string mark = wildcard_field("");
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto at = text.find(mark, i);
        const bool starts_token = at != std::string::npos && (at == 0 || !word_byte(static_cast<unsigned char>(text[at - 1])));
        if (at == std::string::npos || !starts_token) {
            out += text.substr(i, at == std::string::npos ? std::string::npos : at + 1 - i);
            if (at == std::string::npos) break;
            i = at + 1;
            continue;
        }
        out += text.substr(i, at - i);
        const auto colon = text.find(':', at);
        std::size_t end = colon == std::string::npos ? text.size() : colon + 1;
        while (end < text.size() && word_byte(static_cast<unsigned char>(text[end]))) ++end;
        if (colon == std::string::npos) {
            out += text.substr(at);
            break;
        }
        const std::string field = text.substr(at + mark.size(), colon - at - mark.size());
        out += (field.empty() ? "" : field + ":") + text.substr(colon + 1, end - colon - 1) + "*";
        i = end;
    }
    return out;
}

Xapian::Query WildcardProcessor::operator()(const std::string& word) {
    std::string start = prefix_;
    for (char c : word) start += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::vector<std::pair<Xapian::doccount, std::string>> terms;
    for (auto t = db_.allterms_begin(start); t != db_.allterms_end(start); ++t) {
        // Without a field, only unprefixed terms: a word starts lower-case or with a digit.
        if (prefix_.empty() && !(*t).empty() && std::isupper(static_cast<unsigned char>((*t)[0]))) continue;
        terms.emplace_back(t.get_termfreq(), *t);
    }
    const auto by_frequency = [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    };
    if (terms.size() > max_) {
        std::partial_sort(terms.begin(), terms.begin() + max_, terms.end(), by_frequency);
        terms.resize(max_);
    }
    std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    std::vector<Xapian::Query> leaves;
    for (auto& [freq, term] : terms) leaves.emplace_back(std::move(term));
    if (leaves.empty()) return Xapian::Query::MatchNothing;
    return synonym_of(leaves);
}

}  // namespace quorum::query
