// Text the segmenter leaves out on purpose, named and counted (issue 12: nothing is lost
// silently): page furniture, and the bodies of exempt items.
#include <string>

#include "segment/structure.hpp"

namespace quorum::corpus::structure {

void report_page_furniture(const Lines& before, const Lines& after, const std::string& file,
                           std::vector<Diagnostic>& out) {
    std::size_t blanked = 0;
    for (std::size_t i = 0; i < before.size() && i < after.size(); ++i)
        if (after[i].text.empty() && !is_blank(before[i].text)) ++blanked;
    if (blanked == 0) return;
    out.push_back({Diagnostic::Severity::info, file, 0, "page-furniture",
                   std::to_string(blanked) +
                       " lines of running heads, footers and page numbers were left out of the units"});
}

void report_exempt_items(const Document& doc, const std::string& file, std::vector<Diagnostic>& out) {
    for (const auto& item : doc.items) {
        if (!item.exempt) continue;
        const std::string name = item.number.empty() ? "\"" + item.title + "\"" : item.number + " \"" + item.title + "\"";
        out.push_back({Diagnostic::Severity::info, file, 0, "exempt-withheld",
                       "item " + name + " is exempt business (Part II / Schedule 12A): its heading and exclusion "
                       "resolution are indexed, the rest of its text is not"});
    }
}

}  // namespace quorum::corpus::structure
