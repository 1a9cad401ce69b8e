// Page furniture: running headers and footers, page numbers ("Page 3 of 12", a bare "7"
// at the foot of a page) and converter notes repeated on every page. They are not part of
// the meeting record and break items and sentences across pages, so they are blanked
// before segmentation (line count kept: every index stays valid).
#include <algorithm>
#include <map>
#include <set>

#include "segment/structure.hpp"
#include "quorum/text/ascii.hpp"

namespace quorum::corpus::structure {
namespace {

// "Page 3 of 12", "Page 3", "- 3 -", "3 | Page", "Page | 3"
bool page_number_phrase(const std::string& p) {
    const std::string l = to_lower(p);
    std::string shape;
    for (char c : l) {
        if (is_digit(c)) {
            if (shape.empty() || shape.back() != '#') shape.push_back('#');
        } else if (c != ' ') {
            shape.push_back(c);
        }
    }
    return shape == "page#of#" || shape == "page#" || shape == "-#-" || shape == "#|page" || shape == "page|#" ||
           shape == "(#)" || shape == "#/#";
}

bool bare_number(const std::string& p) {
    if (p.empty() || p.size() > 3) return false;
    return std::all_of(p.begin(), p.end(), is_digit);
}

// Digits folded so "Page 3" and "Page 4" or "January 2025 minutes 12" compare equal.
std::string running_key(const std::string& p) {
    std::string k;
    for (char c : to_lower(p)) {
        if (is_digit(c)) {
            if (k.empty() || k.back() != '#') k.push_back('#');
        } else if (c != ' ' && c != '\t') {
            k.push_back(c);
        }
    }
    return k;
}

}  // namespace

void strip_page_furniture(Lines& lines) {
    // Converter notes ("Scanned page, text may contain errors") on every page.
    for (auto& l : lines)
        if (contains_ci(l.text, "scanned page, text may contain errors")) l.text.clear();

    // Pages known (PDFs, form feeds): the first and last lines of each page.
    std::map<int, std::vector<std::size_t>> edges;  // page -> line indices near its top/bottom
    {
        std::map<int, std::vector<std::size_t>> content;
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (lines[i].page > 0 && !is_blank(lines[i].text)) content[lines[i].page].push_back(i);
        for (auto& [page, idx] : content) {
            auto& e = edges[page];
            for (std::size_t k = 0; k < idx.size() && k < 3; ++k) e.push_back(idx[k]);
            for (std::size_t k = idx.size() > 3 ? idx.size() - 3 : 0; k < idx.size(); ++k) e.push_back(idx[k]);
            std::sort(e.begin(), e.end());
            e.erase(std::unique(e.begin(), e.end()), e.end());
        }
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string p = plain(lines[i].text);
        if (!p.empty() && page_number_phrase(p) && starts_with_ci(p, "page")) lines[i].text.clear();
    }
    if (edges.size() < 2) return;
    // A bare number or "- 3 -" as the first or last line of a page is its page number.
    for (auto& [page, idx] : edges) {
        for (std::size_t i : idx) {
            const std::string p = plain(lines[i].text);
            if (!(bare_number(p) || page_number_phrase(p))) continue;
            // only the very first / last content line of the page
            std::size_t first = idx.front(), last = idx.back();
            if (i == first || i == last) lines[i].text.clear();
        }
    }
    // Lines repeated at the top or bottom of many pages: running headers and footers.
    std::map<std::string, std::set<int>> pages_of;
    for (auto& [page, idx] : edges)
        for (std::size_t i : idx) {
            const std::string p = plain(lines[i].text);
            if (p.empty() || p.size() > 120) continue;
            pages_of[running_key(p)].insert(page);
        }
    const std::size_t need = std::max<std::size_t>(3, (edges.size() + 1) / 2);
    for (auto& [page, idx] : edges)
        for (std::size_t i : idx) {
            const std::string p = plain(lines[i].text);
            if (p.empty() || p.size() > 120) continue;
            if (pages_of[running_key(p)].size() >= need) lines[i].text.clear();
        }
}

}  // namespace quorum::corpus::structure
