// Flags of an item: procedural business (apologies, minutes, next meeting). Exempt
// business is read in exempt_business.cpp.
#include <algorithm>

#include "segment/structure.hpp"
#include "quorum/text/ascii.hpp"

namespace quorum::corpus::structure {

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
