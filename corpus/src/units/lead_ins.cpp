// A lead-in and its list as one unit (see lead_ins.hpp). A colon promises what follows:
// the Committee "noted the following concerns:" and then the concerns. PDF and Markdown
// give the lead-in and each bullet as blocks of their own, which made the lead-in a unit
// that says nothing and the items units without their subject.
#include "units/lead_ins.hpp"

#include <array>
#include <cctype>

#include "quorum/text/ascii.hpp"
#include "units/resolutions.hpp"
#include "units/tables.hpp"

namespace quorum::corpus {
namespace {

using text::is_space;

std::string_view trim_end(std::string_view s) {
    while (!s.empty() && (is_space(s.back()) || s.back() == '*' || s.back() == '_')) s.remove_suffix(1);
    return s;
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    return text::to_lower(s.substr(s.size() - suffix.size())) == suffix;
}

bool is_marked(const Block& b) { return b.bullet || b.label_kind != LabelKind::none; }

// "(1)" -> "(#)", "3.6" -> "#.#": the style of a number label.
std::string label_style(std::string_view label) {
    std::string out;
    for (const char c : label) {
        if (std::isdigit(static_cast<unsigned char>(c)) == 0) {
            out.push_back(c);
        } else if (out.empty() || out.back() != '#') {
            out.push_back('#');
        }
    }
    return out;
}

// A numbered point under `introducer`: "3.5.1" under "3.5"; the next of "1", "2", ...
// under an unnumbered lead-in, or under a numbered one printed in another style ("17)"
// then "(1)"). "3.6" after "3.5" is the next paragraph, not a point of it.
bool numbered_under(const Block& introducer, const Block& b, int expected) {
    if (b.label_kind != LabelKind::number) return false;
    const std::string value = label_value(b.label);
    if (introducer.label_kind == LabelKind::number) {
        if (value.starts_with(label_value(introducer.label) + ".")) return true;
        if (label_style(introducer.label) == label_style(b.label)) return false;
    }
    return value == std::to_string(expected);
}

bool ends_full_sentence(std::string_view text) {
    const std::string_view s = trim_end(text);
    return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

// A title rather than a line of a list: every word of four letters or more capitalised
// ("The Seven Principles of Public Life (Nolan Principles)").
bool title_like(std::string_view text) {
    bool any = false;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])) == 0) ++i;
        const std::size_t from = i;
        while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])) != 0) ++i;
        if (i - from < 4) continue;
        if (std::islower(static_cast<unsigned char>(text[from])) != 0) return false;
        any = true;
    }
    return any;
}

// What marks an item: "bullet", "letter", "roman", a number's style ("#.", "(#)"), or "".
std::string item_kind(const Block& b) {
    switch (b.label_kind) {
        case LabelKind::letter:
            return "letter";
        case LabelKind::roman:
            return "roman";
        case LabelKind::number:
            return label_style(b.label);
        case LabelKind::none:
            break;
    }
    return b.bullet ? "bullet" : "";
}

std::string item_line(const Block& b) {
    std::string line = b.bullet && b.label.empty() ? "\xE2\x80\xA2 " : "";  // "• "
    if (!b.label.empty()) line += b.label + " ";
    return line + b.text;
}

// Short enough to be a line of a list rather than a paragraph after it.
constexpr std::size_t kShortItemChars = 200;

}  // namespace

bool opens_list(std::string_view text) {
    std::string_view s = trim_end(text);
    while (!s.empty() && (s.back() == '-' || is_space(s.back()))) s.remove_suffix(1);  // ":-", ": -"
    if (s.ends_with("\xE2\x80\x93")) s = trim_end(s.substr(0, s.size() - 3));          // ":–"
    if (!s.empty() && s.back() == ':') return true;
    s = trim_end(text);
    if (!s.empty() && (s.back() == '.' || s.back() == ',')) s.remove_suffix(1);
    return ends_with_ci(s, "as follows") || ends_with_ci(s, "the following");
}

bool is_lead_in_sentence(std::string_view text) {
    if (!opens_list(text)) return false;
    // A word in lower case that is not a joining word: a verb or a noun of a sentence.
    static constexpr std::array<std::string_view, 9> kJoining = {"the",  "and",  "for", "from", "with",
                                                                 "into", "upon", "per", "via"};
    std::size_t words = 0;
    bool content = false;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        const std::size_t from = i;
        while (i < text.size() && !is_space(text[i])) ++i;
        if (i == from) break;
        const std::string_view w = text.substr(from, i - from);
        ++words;
        if (w.size() < 3 || std::islower(static_cast<unsigned char>(w.front())) == 0) continue;
        bool joining = false;
        for (const std::string_view j : kJoining) joining = joining || w == j;
        content = content || !joining;
    }
    return words >= 3 && content;
}

LeadInList read_lead_in_list(const std::vector<Piece>& pieces, std::size_t start) {
    LeadInList out;
    const Block& lead = pieces[start].block;
    out.text = lead.label.empty() ? lead.text : lead.label + " " + lead.text;
    out.lead_in = out.text.size();
    const Block* introducer = &lead;  // the block whose colon opens what follows
    int expected = 1;                 // the next number of an unnumbered list
    std::size_t under = 0;            // items taken under the introducer
    bool all_plain = true;
    const Block* last = nullptr;
    std::string first_kind;
    std::size_t j = start + 1;
    for (; j < pieces.size() && !pieces[j].is_table; ++j) {
        const Block& b = pieces[j].block;
        if (b.text.empty() || match_resolution_keyword(b.text) || has_inline_resolution(b.text)) break;
        // "... as shown in the following table:" / "Table 7: ...": the caption is the table's
        if (j + 1 < pieces.size() && pieces[j + 1].is_table && is_caption_block(b)) break;
        bool take = false;
        if (is_marked(b)) {
            take = b.label_kind != LabelKind::number || numbered_under(*introducer, b, expected);
            if (take && b.label_kind == LabelKind::number && label_value(b.label).find('.') == std::string::npos)
                expected = std::stoi(label_value(b.label)) + 1;
            all_plain = false;
        } else if (under == 0 && opens_list(introducer->text) && is_lead_in_sentence(introducer->text)) {
            take = true;  // the paragraph a lead-in sentence introduces
        } else if (all_plain && last != nullptr && !ends_full_sentence(last->text) &&
                   b.text.size() <= kShortItemChars && !title_like(b.text)) {
            take = true;  // the next line of an unmarked list ("...frameworks;")
        }
        if (!take) break;
        // the list's own items are of the first item's kind; others are their sub-points
        if (last == nullptr) first_kind = item_kind(b);
        if (item_kind(b) == first_kind) out.item_starts.push_back(out.text.size() + 1);
        out.text += '\n';
        out.text += item_line(b);
        last = &b;
        ++under;
        if (opens_list(b.text)) {
            introducer = &b;
            under = 0;
            expected = 1;
        }
    }
    if (last == nullptr) {
        out.text.clear();
        out.end = start + 1;
        return out;
    }
    out.end = j;
    return out;
}

}  // namespace quorum::corpus
