// Flags of an item: procedural business (apologies, minutes, next meeting) and exempt
// business (exclusion resolutions, Part I / Part II markers).
#include <algorithm>

#include "segment/structure.hpp"
#include "quorum/text/ascii.hpp"

namespace quorum::corpus::structure {

bool mentions_exempt(std::string_view text) {
    const std::string l = to_lower(text);
    return l.find("exclusion of the press") != std::string::npos || l.find("exclusion of press") != std::string::npos ||
           l.find("schedule 12a") != std::string::npos || l.find("exempt information") != std::string::npos ||
           l.find("press and public be excluded") != std::string::npos ||
           l.find("public and press be excluded") != std::string::npos || l == "part ii" ||
           l.rfind("part ii ", 0) == 0 || l.rfind("part 2 -", 0) == 0 || l.find("(part ii)") != std::string::npos ||
           l.find("confidential item") != std::string::npos;
}

ExclusionScope exclusion_scope(std::string_view text) {
    ExclusionScope scope;
    const std::string l = to_lower(text);
    // "item 12", "items 12 and 13", "minute 127/20", "agenda item 9"
    for (const char* word : {"items ", "item ", "minutes ", "minute ", "item no. ", "item number "}) {
        std::size_t at = 0;
        while ((at = l.find(word, at)) != std::string::npos) {
            std::size_t k = at + std::string_view(word).size();
            at = k;
            // a list: "12, 13 and 14"
            while (k < l.size()) {
                std::size_t e = k;
                while (e < l.size() &&
                       (is_digit(l[e]) || l[e] == '/' || (l[e] == '.' && e + 1 < l.size() && is_digit(l[e + 1]))))
                    ++e;
                if (e == k || !is_digit(l[k])) break;
                std::string n = l.substr(k, e - k);
                if (std::find(scope.numbers.begin(), scope.numbers.end(), n) == scope.numbers.end())
                    scope.numbers.push_back(n);
                k = e;
                if (l.compare(k, 2, ", ") == 0)
                    k += 2;
                else if (l.compare(k, 5, " and ") == 0)
                    k += 5;
                else if (l.compare(k, 3, " & ") == 0)
                    k += 3;
                else
                    break;
            }
        }
    }
    scope.following_only =
        scope.numbers.empty() &&
        (l.find("following item ") != std::string::npos || l.find("following item.") != std::string::npos ||
         l.find("next item") != std::string::npos || l.find("this item") != std::string::npos);
    return scope;
}

std::optional<bool> part_marker(std::string_view plain_line) {
    std::string l = to_lower(trim_view(plain_line));
    while (!l.empty() && (l.back() == ':' || l.back() == '.' || l.back() == ' ')) l.pop_back();
    if (l.size() > 90) return std::nullopt;
    if (l == "part ii" || l == "part 2" || l == "exempt items" || l == "exempt business" || l == "restricted items" ||
        l == "confidential items" || l == "confidential business" || l.rfind("part ii -", 0) == 0 ||
        l.rfind("part 2 -", 0) == 0 || l.rfind("part ii \xE2\x80\x93", 0) == 0 || l == "exempt")
        return true;
    if (l == "part i" || l == "part 1" || l == "unrestricted items" || l == "open items" || l == "public items" ||
        l.rfind("part i -", 0) == 0 || l.rfind("part 1 -", 0) == 0 ||
        l.find("public were readmitted") != std::string::npos ||
        l.find("public were re-admitted") != std::string::npos ||
        l.find("public returned to the meeting") != std::string::npos ||
        l.find("meeting resumed in public") != std::string::npos ||
        l.find("public session resumed") != std::string::npos)
        return false;
    return std::nullopt;
}

bool is_procedural(const Item& item, const Lines& body) {
    const std::string h = to_lower(item.title);
    auto has = [&](const char* s) { return h.find(s) != std::string::npos; };
    if (has("apolog") || has("substitut") || has("declaration")) return true;
    if (has("date of next meeting") || has("date of the next meeting") || has("next meeting")) return true;
    if (h.rfind("minutes", 0) == 0 || has("adoption of minutes") || has("confirmation of minutes") ||
        has("minutes of the previous") || has("minutes of the last") || has("approval of minutes") ||
        has("to approve the minutes") || has("minutes and action log"))
        return true;
    if (has("exclusion of the press") || has("exclusion of press")) return true;
    if (has("question")) {
        // Questions are procedural only when none were received.
        std::string text;
        for (const auto& l : body) text += to_lower(l.text) + " ";
        const bool none = text.find("no question") != std::string::npos ||
                          text.find("no written question") != std::string::npos ||
                          text.find("there were none") != std::string::npos ||
                          text.find("no questions had been received") != std::string::npos;
        // An agenda's "To receive any written questions" says nothing yet: procedural too.
        const bool agenda_stub = text.find("to receive any") != std::string::npos && text.size() < 900;
        return none || agenda_stub;
    }
    return false;
}

}  // namespace quorum::corpus::structure
