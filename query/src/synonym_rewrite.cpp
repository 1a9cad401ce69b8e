#include "synonym_rewrite.hpp"

#include <vector>

#include "quorum/index/text_fold.hpp"

namespace quorum::query {

namespace {

struct Token {
    std::string text;
    bool candidate = false;  // a plain word that may be expanded
    std::vector<std::string> words;
};

bool is_operator(const std::string& t) {
    return t == "AND" || t == "OR" || t == "NOT" || t == "XOR" || t == "NEAR" || t == "ADJ" ||
           t.rfind("NEAR/", 0) == 0 || t.rfind("ADJ/", 0) == 0;
}

std::string as_query_part(const std::string& key) { return key.find(' ') == std::string::npos ? key : '"' + key + '"'; }

}  // namespace

std::string expand_synonyms(const std::string& query, const SynonymTable& table, std::size_t longest_key,
                            std::vector<Expansion>* used, const char* source) {
    if (table.empty()) return query;
    // Split into tokens; separators (space, brackets, quoted phrases) are kept as
    // non-candidate tokens so the string can be put back together exactly.
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < query.size()) {
        char c = query[i];
        if (c == '"') {
            std::size_t end = query.find('"', i + 1);
            end = end == std::string::npos ? query.size() : end + 1;
            tokens.push_back({query.substr(i, end - i)});
            i = end;
        } else if (c == ' ' || c == '\t' || c == '(' || c == ')') {
            tokens.push_back({std::string(1, c)});
            ++i;
        } else {
            std::size_t end = query.find_first_of(" \t()\"", i);
            if (end == std::string::npos) end = query.size();
            Token t{query.substr(i, end - i)};
            bool plain = t.text.find(':') == std::string::npos && t.text.find('*') == std::string::npos &&
                         t.text[0] != '+' && t.text[0] != '-' && !is_operator(t.text);
            if (plain) {
                t.words = index::fold_words(t.text);
                t.candidate = !t.words.empty();
            }
            tokens.push_back(std::move(t));
            i = end;
        }
    }

    std::string out;
    bool changed = false;
    for (std::size_t k = 0; k < tokens.size();) {
        if (!tokens[k].candidate) {
            out += tokens[k].text;
            ++k;
            continue;
        }
        // Longest run of candidate tokens (separated by single spaces) whose words form a key.
        std::size_t best_end = 0;
        const std::vector<std::string>* best = nullptr;
        std::string key;
        std::size_t words = 0;
        for (std::size_t j = k; j < tokens.size(); ++j) {
            if (j > k) {
                if (tokens[j].text == " " && j + 1 < tokens.size() && tokens[j + 1].candidate) continue;
                if (!tokens[j].candidate) break;
            }
            if (!tokens[j].candidate) break;
            for (const auto& w : tokens[j].words) {
                if (!key.empty()) key += ' ';
                key += w;
            }
            words += tokens[j].words.size();
            if (words > longest_key) break;
            if (auto it = table.find(key); it != table.end()) {
                best = &it->second;
                best_end = j + 1;
            }
        }
        if (best == nullptr) {
            out += tokens[k].text;
            ++k;
            continue;
        }
        std::string span_key;
        for (std::size_t j = k; j < best_end; ++j)
            for (const auto& w : tokens[j].words) span_key += (span_key.empty() ? "" : " ") + w;
        out += '(' + as_query_part(span_key);
        for (const auto& alt : *best) out += " OR " + as_query_part(alt);
        out += ')';
        if (used != nullptr) used->push_back({span_key, *best, source});
        changed = true;
        k = best_end;
    }
    return changed ? out : query;
}

}  // namespace quorum::query
