// Text whose structure the readers do not see at first: minutes printed on one run-on line
// (a converter that lost the line breaks), and documents that still give no unit, which
// are indexed as paragraphs rather than dropped (issue 12, "Nothing dropped").
#include <algorithm>
#include <optional>
#include <span>

#include "segment/body_sections.hpp"
#include "segment/fallback.hpp"
#include "units/people.hpp"

namespace quorum::corpus::structure {
namespace {

// Longer than 99% of the paragraphs councils write as paragraphs (Kent reports: 99th
// percentile 1,020 characters; Limerick minutes: 564): a line this long that numbers
// items in sequence holds several items, not one paragraph.
constexpr std::size_t kRunOnChars = 1000;
// Items in sequence that make a line's numbers a structure rather than a coincidence
// ("27 Wretton Road ... 28 August ..." has no dots; "see 3. above" is one number).
constexpr int kMinItems = 3;

// An item number printed inline: "12. Heading" (minor 0) or "5.1 Heading".
struct Mark {
    std::size_t at = 0;
    int major = 0, minor = 0;
};

std::optional<int> small_number(std::string_view s, std::size_t& i) {
    const std::size_t from = i;
    while (i < s.size() && i - from < 3 && is_digit(s[i])) ++i;
    if (i == from || i - from > 2 || (i < s.size() && is_digit(s[i]))) return std::nullopt;
    int v = 0;
    for (std::size_t k = from; k < i; ++k) v = v * 10 + (s[k] - '0');
    if (v == 0) return std::nullopt;
    return v;
}

// A heading starts with a capital, an opening quote or bracket, or a number ("6. 6.1
// Chairman's Report", "7.1 20/00572/F Construction of ..."); "1.5 million" does not.
bool heading_start(std::string_view s, std::size_t i) {
    if (i >= s.size()) return false;
    if (is_upper(s[i]) || is_digit(s[i]) || s[i] == '"' || s[i] == '(') return true;
    return s.substr(i).starts_with("\xE2\x80\x98") || s.substr(i).starts_with("\xE2\x80\x9C");
}

// "N. Heading" or "N.M Heading" starting at s[i], after a space (or at the line start).
std::optional<Mark> mark_at(std::string_view s, std::size_t i) {
    if (i > 0 && s[i - 1] != ' ') return std::nullopt;
    std::size_t j = i;
    const auto major = small_number(s, j);
    if (!major || j >= s.size() || s[j] != '.') return std::nullopt;
    ++j;
    Mark m{i, *major, 0};
    if (j < s.size() && is_digit(s[j])) {
        const auto minor = small_number(s, j);
        if (!minor) return std::nullopt;
        m.minor = *minor;
        if (j < s.size() && s[j] == '.') ++j;
    }
    if (j >= s.size() || s[j] != ' ') return std::nullopt;
    while (j < s.size() && s[j] == ' ') ++j;
    if (!heading_start(s, j)) return std::nullopt;
    return m;
}

// Where the numbering stands: the last item and sub-item taken.
struct Numbering {
    int major = 0, minor = 0;
};

// The marks that follow `from` in sequence: the next item (N+1) or the next sub-item of
// the current one (N.M+1). Other numbers are text ("item 5.2", "3 members").
std::vector<Mark> chain_from(const std::vector<Mark>& marks, std::size_t first, Numbering n) {
    std::vector<Mark> out;
    for (std::size_t k = first; k < marks.size(); ++k) {
        const Mark& m = marks[k];
        if (m.minor == 0 && m.major == n.major + 1) {
            n = {m.major, 0};
        } else if (m.minor != 0 && m.major == n.major && m.minor == n.minor + 1) {
            n.minor = m.minor;
        } else {
            continue;
        }
        out.push_back(m);
    }
    return out;
}

int items_in(const std::vector<Mark>& chain) {
    int n = 0;
    for (const Mark& m : chain) n += m.minor == 0 ? 1 : 0;
    return n;
}

// The item marks of one long line: continuing the numbering of the previous run-on line
// (a very long line arrives cut in pieces), else the longest sequence of items in it.
std::vector<Mark> item_chain(std::string_view s, const std::optional<Numbering>& before) {
    std::vector<Mark> marks;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (is_digit(s[i]))
            if (auto m = mark_at(s, i)) marks.push_back(*m);
    if (before) {
        auto cont = chain_from(marks, 0, *before);
        if (!cont.empty()) return cont;
    }
    std::vector<Mark> best;
    for (std::size_t k = 0; k < marks.size(); ++k) {
        if (marks[k].minor != 0) continue;
        auto chain = chain_from(marks, k, Numbering{marks[k].major - 1, 0});
        if (items_in(chain) > items_in(best)) best = std::move(chain);
    }
    if (items_in(best) < kMinItems) return {};
    return best;
}

// Bullets printed inline ("... the verge. • With the current lockdown ...").
void add_bullet_cuts(std::string_view s, std::vector<std::size_t>& cuts) {
    static constexpr std::string_view kBullet = " \xE2\x80\xA2 ";
    for (std::size_t at = s.find(kBullet); at != std::string_view::npos; at = s.find(kBullet, at + 1))
        cuts.push_back(at + 1);
}

void push_piece(Lines& out, std::string_view piece, int page, bool new_paragraph) {
    piece = trim_view(piece);
    if (piece.empty()) return;
    if (new_paragraph && !out.empty()) out.push_back({std::string(), page});
    out.push_back({std::string(piece), page});
}

}  // namespace

void split_run_on_lines(Lines& lines) {
    Lines out;
    out.reserve(lines.size());
    std::optional<Numbering> numbering;  // of the previous line, when it was a run-on line
    for (auto& line : lines) {
        const std::string_view s = line.text;
        const std::vector<Mark> chain = s.size() >= kRunOnChars ? item_chain(s, numbering) : std::vector<Mark>{};
        if (chain.empty()) {
            if (!is_blank(s)) numbering.reset();
            out.push_back(std::move(line));
            continue;
        }
        numbering = Numbering{chain.back().major, chain.back().minor};
        std::vector<std::size_t> cuts;
        for (std::size_t k = 0; k < chain.size(); ++k) {
            // "6. 6.1 Chairman's Report": the item and its first sub-item share a line
            if (k > 0 && chain[k].minor != 0 && chain[k].at - chain[k - 1].at <= 4) continue;
            cuts.push_back(chain[k].at);
        }
        const std::size_t items = cuts.size();
        add_bullet_cuts(s, cuts);
        std::vector<std::pair<std::size_t, bool>> marks;  // cut, starts an item
        for (std::size_t k = 0; k < cuts.size(); ++k) marks.emplace_back(cuts[k], k < items);
        std::sort(marks.begin(), marks.end());
        std::size_t from = 0;
        bool item = true;
        for (const auto& [cut, starts_item] : marks) {
            push_piece(out, s.substr(from, cut - from), line.page, item);
            from = cut;
            item = starts_item;
        }
        push_piece(out, s.substr(from), line.page, item);
        out.push_back({std::string(), line.page});
    }
    lines = std::move(out);
}

void paragraphs_fallback(Document& doc, const Lines& lines, std::size_t begin, std::size_t end,
                         const PeopleLinker& linker, const TopicRules& topics, std::vector<Diagnostic>& diagnostics) {
    end = std::min(end, lines.size());
    bool text = false;
    for (std::size_t i = begin; i < end && !text; ++i) text = !is_blank(lines[i].text);
    if (!text) return;
    const Lines body(lines.begin() + static_cast<std::ptrdiff_t>(begin),
                     lines.begin() + static_cast<std::ptrdiff_t>(end));
    const BodyContext context{-1, doc.title, "", false};
    emit_sections(doc, body, context, linker, topics, false);
    // sections can all be skipped ones ("Classification"): then every line counts
    if (doc.units.empty()) extract_units(std::span<const SourceLine>(body), context, doc, linker, topics);
    if (doc.units.empty()) return;
    diagnostics.push_back(Diagnostic{
        Diagnostic::Severity::info, doc.source, 0, "structure-unrecognised",
        "no meeting header, items or sections were recognised in " + std::string(to_string(doc.kind)) + " \"" +
            doc.title + "\", so its text (" + std::to_string(doc.units.size()) +
            " units) was indexed as paragraphs; search finds it, but not by item"});
}

}  // namespace quorum::corpus::structure
