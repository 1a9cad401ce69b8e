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
        if (c == '"') quoted = !quoted;
        // A token starts at the text's start or after a space or an opening bracket.
        const bool starts = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '(';
        if (quoted || c == '"' || !starts) {
            out += c;
            ++i;
            continue;
        }
        std::size_t at = i;
        if (text[at] == '+' || text[at] == '-') ++at;  // love/hate
        std::size_t word = at;
        std::string field;
        std::size_t scan = at;
        while (scan < text.size() && std::islower(static_cast<unsigned char>(text[scan]))) ++scan;
        if (scan < text.size() && text[scan] == ':' && scan > at) {
            field = text.substr(at, scan - at);
            word = scan + 1;
        }
        std::size_t end = word;
        while (end < text.size() && word_byte(static_cast<unsigned char>(text[end]))) ++end;
        // A wildcard: a word, then '*', then the token's end or a byte that is not part of a word.
        const bool wildcard = end > word && end < text.size() && text[end] == '*' &&
                              (end + 1 == text.size() || !word_byte(static_cast<unsigned char>(text[end + 1])));
        const bool known = field.empty() || std::find(fields.begin(), fields.end(), field) != fields.end();
        if (!wildcard || !known) {
            out += c;
            ++i;
            continue;
        }
        out += text.substr(i, at - i);  // the +/- sign
        out += wildcard_field(field) + ":" + text.substr(word, end - word);
        i = end + 1;  // past the '*'
    }
    return out;
}

std::string restore_wildcards(const std::string& text) {
    const std::string mark = wildcard_field("");
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const bool starts = i == 0 || !word_byte(static_cast<unsigned char>(text[i - 1]));
        if (!starts || text.compare(i, mark.size(), mark) != 0) {
            out += text[i++];
            continue;
        }
        std::size_t colon = i + mark.size();
        while (colon < text.size() && std::islower(static_cast<unsigned char>(text[colon]))) ++colon;
        if (colon >= text.size() || text[colon] != ':') {
            out += text[i++];
            continue;
        }
        std::size_t end = colon + 1;
        while (end < text.size() && word_byte(static_cast<unsigned char>(text[end]))) ++end;
        const std::string field = text.substr(i + mark.size(), colon - i - mark.size());
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
