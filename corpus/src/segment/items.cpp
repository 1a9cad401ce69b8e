// Minute and agenda items: where each numbered item starts, its heading and its body.
// Item numbers are the strongest signal: a candidate is accepted only when it continues
// the sequence, so numbered discussion points and report paragraphs are not items.
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "quorum/corpus/dates.hpp"
#include "quorum/corpus/text.hpp"
#include "segment/structure.hpp"
#include "quorum/text/ascii.hpp"

namespace quorum::corpus::structure {
namespace {

// "---o0o--67." -> "67."; separators printed by some minute templates between items.
std::string strip_separator(std::string_view s) {
    std::size_t i = 0;
    bool seen = false;
    while (i < s.size()) {
        if (s[i] == '-' || s[i] == '_' || s[i] == '=') {
            ++i;
            seen = true;
        } else if (s.substr(i, 3) == "o0o" || s.substr(i, 3) == "oOo") {
            i += 3;
            seen = true;
        } else {
            break;
        }
    }
    if (!seen || i < 3) return std::string(s);
    return std::string(trim_view(s.substr(i)));
}

// Leading item number: "60." / "60" / "111." followed by end or white space. Returns
// the number and sets `rest` to what follows.
std::optional<int> leading_number(std::string_view s, std::string_view& rest, bool& dotted) {
    std::size_t i = 0;
    while (i < s.size() && is_digit(s[i]) && i < 4) ++i;
    if (i == 0 || i > 3) return std::nullopt;
    const int n = std::atoi(std::string(s.substr(0, i)).c_str());
    dotted = false;
    std::size_t j = i;
    if (j < s.size() && s[j] == '.') {
        dotted = true;
        ++j;
        // "3.0 Apologies": the item whose sub-paragraphs are 3.1, 3.2 (parish minutes)
        if (j + 1 < s.size() && s[j] == '0' && (s[j + 1] == ' ' || s[j + 1] == '\t') && s[j - 1] == '.')
            ++j;
        else if (j < s.size() && is_digit(s[j]))
            return std::nullopt;  // "3.6" report paragraph
        // "1.Adoption of Minutes": PDF text that lost the space after the number
        if (j < s.size() && is_upper(s[j]) && s[j - 1] == '.') {
            rest = trim_view(s.substr(j));
            return n;
        }
    }
    if (j < s.size() && s[j] != ' ' && s[j] != '\t') return std::nullopt;
    rest = trim_view(s.substr(j));
    return n;
}

struct Candidate {
    std::size_t line = 0;
    int seq = 0;          // number used for the sequence
    std::string number;   // as printed ("60", "21/19")
    std::string heading;  // empty for a number alone on its line
    std::string rest;     // body text printed on the heading line (tables, run-on minutes)
    std::string pages;
    bool alone = false;  // number alone: heading on a following line
    bool dotted = false;
};

// Run-on minutes ("4. Matters Arising from previous meetings The Highway Engineer has
// ..."): a paragraph after the number is the item's heading followed by its minute.
void split_run_on_heading(std::string& heading, std::string& rest) {
    constexpr std::size_t kParagraphChars = 160;
    if (heading.size() <= kParagraphChars) return;
    const std::string h = heading_prefix(heading);
    if (h.empty() || h.size() >= heading.size() || split_words(h).size() < 2 ||
        !std::string_view(heading).starts_with(h))
        return;
    rest = std::string(trim_view(std::string_view(heading).substr(h.size())));
    heading = h;
}

std::optional<Candidate> candidate_at(const Lines& lines, std::size_t i) {
    const std::string p = strip_separator(plain(lines[i].text));
    if (p.empty()) return std::nullopt;
    Candidate c;
    c.line = i;
    // Tab-separated agenda row: "1.<TAB>HEADING description<TAB>9 - 16"
    if (p.find('\t') != std::string::npos) {
        std::vector<std::string> cells;
        std::size_t start = 0;
        while (true) {
            const std::size_t tab = p.find('\t', start);
            cells.emplace_back(trim_view(
                std::string_view(p).substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        std::string_view rest;
        bool dotted = false;
        const auto n = leading_number(cells[0], rest, dotted);
        if (!n || !rest.empty() || cells.size() < 2 || cells[1].empty()) return std::nullopt;
        c.seq = *n;
        c.number = std::to_string(*n);
        c.dotted = dotted;
        c.heading = heading_prefix(cells[1]);
        if (c.heading.size() < cells[1].size())
            c.rest = std::string(trim_view(std::string_view(cells[1]).substr(c.heading.size())));
        for (std::size_t k = cells.size(); k-- > 2;)
            if (!cells[k].empty()) {
                c.pages = page_range(cells[k]);
                break;
            }
        return c;
    }
    // Parish style "21/19 Heading and body"
    {
        std::size_t a = 0;
        while (a < p.size() && is_digit(p[a])) ++a;
        if (a >= 1 && a <= 3 && a < p.size() && p[a] == '/') {
            std::size_t b = a + 1;
            while (b < p.size() && is_digit(p[b])) ++b;
            if (b - a - 1 >= 2 && b - a - 1 <= 4 && b < p.size() && p[b] == ' ') {
                const std::string_view rest = trim_view(std::string_view(p).substr(b));
                c.seq = std::atoi(p.substr(0, a).c_str());
                c.number = p.substr(0, b);
                c.heading = heading_prefix(rest);
                if (c.heading.size() < rest.size()) c.rest = std::string(trim_view(rest.substr(c.heading.size())));
                c.dotted = true;
                return c;
            }
        }
    }
    std::string_view rest;
    bool dotted = false;
    // "Item 5 War Memorial", "Item 10 - Budget:", "Item 3:" — a labelled number
    std::string_view numbered = p;
    const bool labelled = starts_with_ci(p, "item ") && p.size() > 5 && is_digit(p[5]);
    if (labelled) numbered = std::string_view(p).substr(5);
    const auto n = leading_number(numbered, rest, dotted);
    if (!n) {
        if (!labelled) return std::nullopt;
        // "Item 10 - Budget:" / "Item 3:"
        std::size_t k = 0;
        while (k < numbered.size() && is_digit(numbered[k])) ++k;
        std::string_view r = numbered.substr(k);
        if (r.empty() || !(r.front() == ':' || r.front() == '-')) return std::nullopt;
        c.seq = std::atoi(std::string(numbered.substr(0, k)).c_str());
        c.number = std::to_string(c.seq);
        c.dotted = true;
        r.remove_prefix(1);
        r = trim_view(r);
        if (r.substr(0, 2) == "- ") r = trim_view(r.substr(2));
        if (r.empty()) {
            c.alone = true;
            return c;
        }
        std::string h(r);
        while (!h.empty() && h.back() == ':') h.pop_back();
        c.heading = h;
        return c;
    }
    c.seq = *n;
    c.number = std::to_string(*n);
    c.dotted = dotted || labelled;
    if (labelled) {
        // "Item 5 - War Memorial"
        if (rest.substr(0, 2) == "- " || rest.substr(0, 2) == ": ") rest = trim_view(rest.substr(2));
        while (!rest.empty() && rest.back() == ':') rest.remove_suffix(1);
    }
    if (rest.empty()) {
        if (!dotted && p.size() > 3) return std::nullopt;
        c.alone = true;
        return c;
    }
    std::string heading(rest);
    // "(Pages 9 - 10)" after the heading
    const std::size_t paren = heading.rfind("(Page");
    if (paren != std::string::npos) {
        c.pages = page_range(std::string_view(heading).substr(paren));
        if (!c.pages.empty()) heading = std::string(trim_view(std::string_view(heading).substr(0, paren)));
    }
    // "3. Minutes: It was agreed that ..." — a short label, then the minute itself
    const std::size_t colon = heading.find(": ");
    if (colon != std::string::npos && colon <= 60 && heading_score(heading) == 0) {
        const std::string label = heading.substr(0, colon);
        if (split_words(label).size() <= 7 && heading_score(label) >= 1) {
            c.rest = std::string(trim_view(std::string_view(heading).substr(colon + 1)));
            heading = label;
        }
    }
    if (c.rest.empty() && dotted) split_run_on_heading(heading, c.rest);
    c.heading = heading;
    return c;
}

// ModernGov minutes print the agenda number after a wrapped heading: "... record (Item 3)".
bool ends_with_item_marker(std::string_view p, std::string_view& before) {
    p = trim_view(p);
    if (p.empty() || p.back() != ')') return false;
    const std::size_t open = p.rfind("(Item ");
    if (open == std::string_view::npos) return false;
    for (std::size_t k = open + 6; k + 1 < p.size(); ++k)
        if (!is_digit(p[k]) && p[k] != ' ') return false;
    before = trim_view(p.substr(0, open));
    return true;
}

// "Kenneth L. Johnson", "TJ Dow": capitalised words with an initial, nothing else.
bool person_like(std::string_view heading) {
    const auto words = split_words(heading);
    if (words.size() < 2 || words.size() > 4) return false;
    bool initial = false;
    for (const auto& w : words) {
        if (!is_upper(w.front())) return false;
        const Case c = letter_case(w);
        if ((w.size() == 2 && w[1] == '.') || (c.lower == 0 && c.upper == 2 && w.size() == 2))
            initial = true;
        else if (c.lower == 0)
            return false;  // a word in capitals: a heading
        for (char ch : w)
            if (is_digit(ch)) return false;
    }
    return initial;
}

bool meeting_end_line(std::string_view p) {
    const std::string l = to_lower(p);
    static const char* const starts[] = {"the meeting ended",    "the meeting closed",     "the meeting concluded",
                                         "the meeting finished", "the meeting terminated", "meeting ended at",
                                         "meeting closed at",    "the meeting was closed"};
    // "The meeting closed for public input", "was closed briefly at 9.05pm to allow comment":
    // a pause, not the end
    for (const char* pause : {" for ", " to allow", "briefly", "whilst", "while "})
        if (l.find(pause) != std::string::npos) return false;
    for (const char* s : starts)
        if (l.rfind(s, 0) == 0) return true;
    return false;
}

bool signature_line(std::string_view p) {
    const std::string l = to_lower(p);
    return l == "chairperson" || l == "chairman" || l == "chair" || l == "signed" || l == "cathaoirleach";
}

// Where the meeting ends: nothing after it belongs to an item.
std::size_t meeting_end(const Lines& lines, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i)
        if (meeting_end_line(plain(lines[i].text))) return i;
    return end;
}

struct Accepted {
    Candidate c;
    std::size_t heading_line;                          // line holding the heading
    std::size_t displaced_from = 0, displaced_to = 0;  // lines that belong to the previous item
};

// A number alone on its line: the heading is on a following line. Body lines printed
// before it belong to the previous item ("71." printed before the last lines of item 70).
// The heading's score, or nullopt when no heading follows.
std::optional<int> heading_below(const Lines& lines, std::size_t i, std::size_t stop, bool first_item, Accepted& a) {
    std::size_t j = next_content(lines, i + 1, stop);
    const std::size_t first = j;
    int seen = 0;
    int score = 0;
    bool found = false;
    while (j < stop && seen < 10) {
        const std::string p = plain(lines[j].text);
        if (candidate_at(lines, j)) break;
        const int s = heading_score(p);
        if ((j == first && s >= 1 && p.size() <= 120) || s >= 2) {
            found = true;
            score = s;
            break;
        }
        ++seen;
        j = next_content(lines, j + 1, stop);
    }
    if (!found) return std::nullopt;
    if (j != first) {
        if (first_item || heading_score(plain(lines[j].text)) < 3) return std::nullopt;
        a.displaced_from = first;
        a.displaced_to = j;
    }
    a.heading_line = j;
    a.c.heading = plain(lines[j].text);
    const std::size_t paren = a.c.heading.rfind("(Page");
    if (paren != std::string::npos && !page_range(std::string_view(a.c.heading).substr(paren)).empty()) {
        a.c.pages = page_range(std::string_view(a.c.heading).substr(paren));
        a.c.heading = std::string(trim_view(std::string_view(a.c.heading).substr(0, paren)));
    }
    return score;
}

// A heading printed after its number (`c`, as read): its score. A heading wrapped over
// lines that end with "(Item 3)" is joined into a.c.heading.
int heading_beside(const Lines& lines, std::size_t i, std::size_t stop, const Candidate& c, Accepted& a) {
    int score = heading_score(c.heading);
    if (!c.rest.empty() && score < 1) score = heading_score(heading_prefix(c.heading));
    // A sentence-case heading with its body on the line ("Apologies for absence
    // Apologies were received"): its capitalised start scores as it did alone.
    if (!c.rest.empty() && score < 2) {
        const auto words = split_words(c.heading);
        std::string start;
        for (const auto& w : words) {
            if (is_lower(w.front())) break;
            start += (start.empty() ? "" : " ") + w;
        }
        if (!start.empty() && start.size() < c.heading.size()) score = std::max(score, heading_score(start));
    }
    std::string_view before;
    if (ends_with_item_marker(c.heading, before)) {
        a.c.heading = std::string(before);
        score = std::max(score, 2);
    } else if (c.rest.empty()) {
        std::string joined = c.heading;
        for (std::size_t j = i + 1; j < stop && j <= i + 3; ++j) {
            const std::string q = plain(lines[j].text);
            if (q.empty() || q.size() > 160 || candidate_at(lines, j)) break;
            if (ends_with_item_marker(q, before)) {
                if (!before.empty()) joined += " " + std::string(before);
                a.c.heading = joined;
                a.heading_line = j;
                score = std::max(score, 2);
                break;
            }
            joined += " " + q;
        }
    }
    return score;
}

// Candidates accepted as items: each continues the numbering (or jumps a little, with a
// strong heading) and has a heading.
std::vector<Accepted> accept_items(const Lines& lines, std::size_t begin, std::size_t stop) {
    std::vector<Accepted> accepted;
    int last = -1;
    for (std::size_t i = begin; i < stop; ++i) {
        auto c = candidate_at(lines, i);
        if (!c) continue;
        const int k = c->seq;
        const bool continues = last < 0 || k == last + 1;
        const bool jumps = last >= 0 && k > last + 1 && k <= last + 4;
        if (!continues && !jumps) continue;
        Accepted a{*c, i, 0, 0};
        int score = 0;
        if (c->alone) {
            const std::optional<int> below = heading_below(lines, i, stop, accepted.empty(), a);
            if (!below) continue;
            score = *below;
        } else {
            score = heading_beside(lines, i, stop, *c, a);
        }
        // a date is not a heading ("18 January 7, 2015", "13 March, 2019" in a letterhead)
        if (!c->alone && c->heading.size() <= 30 && (find_date(c->heading) || find_date(c->number + " " + c->heading)))
            continue;
        // an undotted number before a person's name is a ward or roll list ("4 Kenneth L. Johnson")
        if (!c->dotted && person_like(a.c.heading)) continue;
        if (score < 1) continue;
        if (jumps && score < 2) continue;
        if (last < 0 && score < 2 && k != 1) continue;
        if (!c->dotted && !c->alone && score < 2) continue;
        accepted.push_back(std::move(a));
        last = k;
        // Skip past the heading line so it is not read as a candidate.
        if (accepted.back().heading_line > i) i = accepted.back().heading_line;
    }
    return accepted;
}

// Directories and contents lists ("4 Kenneth L. Johnson" / "5 Phyllis E. Cleveland"):
// three or more undotted numbers in a row with nothing between them are a list, not items.
void drop_lists(std::vector<Accepted>& accepted, const Lines& lines, std::size_t stop) {
    auto bodiless = [&](std::size_t n) {
        const Accepted& a = accepted[n];
        if (a.c.dotted || a.c.alone || !a.c.rest.empty()) return false;
        const std::size_t next = n + 1 < accepted.size() ? accepted[n + 1].c.line : stop;
        return next_content(lines, a.heading_line + 1, stop) >= next;
    };
    std::vector<bool> drop(accepted.size(), false);
    for (std::size_t n = 0; n < accepted.size();) {
        std::size_t m = n;
        while (m < accepted.size() && bodiless(m)) ++m;
        if (m - n >= 3)
            for (std::size_t k = n; k <= m && k < accepted.size(); ++k)
                if (k < m || (!accepted[k].c.dotted && !accepted[k].c.alone)) drop[k] = true;
        n = m > n ? m : n + 1;
    }
    std::vector<Accepted> kept;
    for (std::size_t n = 0; n < accepted.size(); ++n)
        if (!drop[n]) kept.push_back(std::move(accepted[n]));
    accepted = std::move(kept);
}

// Item `n` of the accepted ones: its heading, pages and body up to the next item.
ItemBlock item_block(const Lines& lines, const std::vector<Accepted>& accepted, std::size_t n, std::size_t stop) {
    const Accepted& a = accepted[n];
    ItemBlock block;
    block.item.number = a.c.number;
    block.item.title = a.c.heading;
    block.item.pages_ref = a.c.pages;
    block.item.page = lines[a.heading_line].page;
    block.heading_line = a.heading_line;
    std::size_t body_end = n + 1 < accepted.size() ? accepted[n + 1].c.line : stop;
    if (n + 1 < accepted.size() && accepted[n + 1].displaced_from) {
        // lines printed after the next number but belonging here
        body_end = accepted[n + 1].c.line;
    }
    if (!a.c.rest.empty()) block.body.push_back(SourceLine{a.c.rest, lines[a.c.line].page});
    std::size_t from = a.heading_line + 1;
    // A capitals heading wrapped onto a short next line ("... PROGRESS" / "UPDATE").
    if (heading_score(block.item.title) == 3) {
        const std::size_t j = next_content(lines, from, body_end);
        if (j < body_end && j <= from + 1) {
            const std::string p = plain(lines[j].text);
            const auto w = split_words(p);
            if (!w.empty() && w.size() <= 3 && heading_score(p) == 3 && p.back() != ':' && a.c.rest.empty()) {
                block.item.title += " " + p;
                from = j + 1;
            }
        }
    }
    for (std::size_t j = from; j < body_end; ++j) {
        // A page range alone near the top of an agenda item: "59 - 86"
        if (block.item.pages_ref.empty() && j < from + 6) {
            const std::string pr = page_range(plain(lines[j].text));
            if (!pr.empty() && pr.find('-') != std::string::npos) {
                block.item.pages_ref = pr;
                continue;
            }
        }
        block.body.push_back(lines[j]);
    }
    if (n + 1 < accepted.size() && accepted[n + 1].displaced_from) {
        for (std::size_t j = accepted[n + 1].displaced_from; j < accepted[n + 1].displaced_to; ++j)
            block.body.push_back(lines[j]);
    }
    return block;
}

// Agendas end with notes (rights to information, recording...) after the last item:
// they start at the first section heading after the last item's description.
void split_agenda_notes(ItemLayout& layout) {
    Lines& body = layout.items.back().body;
    bool content = false;
    for (std::size_t j = 0; j < body.size(); ++j) {
        if (is_blank(body[j].text)) continue;
        if (content && is_section_heading(body, j, false)) {
            layout.trailer.assign(body.begin() + static_cast<std::ptrdiff_t>(j), body.end());
            body.resize(j);
            break;
        }
        content = true;
    }
}

// Bodies without the trailing signature ("Chairperson") of the last item, trailing blank
// lines and item separators.
void tidy_bodies(ItemLayout& layout) {
    if (!layout.items.empty()) {
        Lines& body = layout.items.back().body;
        while (!body.empty() && (is_blank(body.back().text) || signature_line(plain(body.back().text))))
            body.pop_back();
    }
    for (auto& block : layout.items) {
        while (!block.body.empty() && is_blank(block.body.back().text)) block.body.pop_back();
        // The separator glued before the next item ("---o0o--At the conclusion ...")
        for (auto& l : block.body) {
            const std::string s = strip_separator(plain(l.text));
            if (s.size() != plain(l.text).size()) l.text = s;
        }
    }
}

}  // namespace

ItemLayout find_items(const Lines& lines, std::size_t begin, std::size_t end, DocumentKind kind) {
    ItemLayout layout;
    layout.first_item_line = end;
    const std::size_t stop = meeting_end(lines, begin, end);
    std::vector<Accepted> accepted = accept_items(lines, begin, stop);
    drop_lists(accepted, lines, stop);
    if (accepted.empty()) return layout;
    layout.first_item_line = accepted.front().c.line;
    for (std::size_t n = 0; n < accepted.size(); ++n) layout.items.push_back(item_block(lines, accepted, n, stop));
    if (kind == DocumentKind::agenda && !layout.items.empty()) split_agenda_notes(layout);
    tidy_bodies(layout);
    // Regression (issue 12): the text after "The meeting ended" was dropped; a City Record
    // prints the next session there, parish minutes a public forum. The closing sentence is
    // the last item's; what follows is the trailer, without the signature ("Chairperson").
    std::size_t j = stop;
    for (; j < end && !is_blank(lines[j].text); ++j) layout.items.back().body.push_back(lines[j]);
    for (; j < end; ++j)
        if (!signature_line(plain(lines[j].text))) layout.trailer.push_back(lines[j]);
    return layout;
}

}  // namespace quorum::corpus::structure
