// Role names as printed -> one key per role, so "Director Children and Families (DCF)",
// "the DCF" and "Director for Children and Families" are counted as the same role.
#include <regex>

#include "decisions_internal.hpp"
#include "quorum/corpus/text.hpp"

namespace quorum::decisions {
namespace {

bool is_connective(std::string_view w) {
    return w == "and" || w == "for" || w == "of" || w == "the" || w == "to" || w == "in" || w == "a" || w == "an" ||
           w == "with";
}

bool looks_like_acronym(std::string_view folded) {
    if (folded.size() < 2 || folded.size() > 7) return false;
    for (const char c : folded)
        if (!((c >= 'a' && c <= 'z') || c == '&')) return false;
    return true;
}

// Words of a folded role without connectives, possessives and punctuation.
std::string role_key(std::string_view folded) {
    std::string out, word;
    auto flush = [&] {
        if (word.empty()) return;
        if (word == "chairman" || word == "chairwoman" || word == "chair") word = "chairperson";
        if (word == "councillors" || word == "councillor" || word == "members") word = "member";
        if (word == "childrens") word = "children";
        if (!is_connective(word)) {
            if (!out.empty()) out.push_back('-');
            out += word;
        }
        word.clear();
    };
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const char c = folded[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word.push_back(c);
        } else if (c == '\'') {
            if (i + 1 < folded.size() && folded[i + 1] == 's') ++i;  // "children's" -> "children"
        } else {
            flush();
        }
    }
    flush();
    // "vice-chairperson", "vice chair", "vice-chairman": one role.
    if (out == "vice-chairperson" || out.starts_with("vice-chairperson-")) return "vice-chairperson";
    return out;
}

}  // namespace

RoleNormaliser::RoleNormaliser(const std::vector<Acronym>& acronyms) {
    for (const auto& a : acronyms) acronyms_.emplace_back(fold_key(a.short_form), fold_key(a.expansion));
}

std::string RoleNormaliser::normalise(std::string_view role) {
    std::string f = fold_key(role);
    while (!f.empty() && (f.back() == '*' || f.back() == ' ' || f.back() == ',')) f.pop_back();
    // "(DCF)" after a role teaches the acronym; other parentheses ("(Clerk)") are dropped.
    static const std::regex paren(R"(\s*\(([^)]*)\)\s*)");
    std::smatch m;
    std::string rest = f;
    std::string learnt;
    while (std::regex_search(rest, m, paren)) {
        const std::string inner = trim(m[1].str());
        if (looks_like_acronym(inner)) learnt = inner;
        rest = m.prefix().str() + " " + m.suffix().str();
    }
    rest = trim(rest);
    if (rest.starts_with("the ")) rest = rest.substr(4);
    if (!learnt.empty() && !rest.empty()) {
        bool known = false;
        for (const auto& [s, e] : acronyms_) known = known || s == learnt;
        if (!known) acronyms_.emplace_back(learnt, rest);
    }
    if (looks_like_acronym(rest)) {
        for (const auto& [s, e] : acronyms_)
            if (s == rest) {
                rest = e;
                break;
            }
    }
    return role_key(rest);
}

std::string normalise_role(std::string_view role, const std::vector<Acronym>& acronyms) {
    RoleNormaliser n(acronyms);
    return n.normalise(role);
}

}  // namespace quorum::decisions
