// Decisions in minutes and reports. A keyword block ("RESOLVED –", "RECOMMENDATIONS:",
// "AGREED:", "ACTIONS:", "Recommendation(s)") may carry the decision itself ("RESOLVED:
// That the minutes be approved"), or a preamble ("That the committee:") followed by
// parts: lettered or numbered points, bullets, or PDF lines starting "That ..." whose
// bullet glyphs were lost. Parts end at the next unlabelled paragraph, the next keyword
// or the end of the body.
#include "units/resolutions.hpp"

#include <array>
#include <cctype>

#include "quorum/corpus/text.hpp"
#include "quorum/text/ascii.hpp"

namespace quorum::corpus {
namespace {

using text::is_blank;

// ASCII case-insensitive prefix test.
bool istarts(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    }
    return true;
}

bool all_upper(std::string_view s) {
    for (const char c : s) {
        if (std::islower(static_cast<unsigned char>(c)) != 0) return false;
    }
    return true;
}

// What follows a keyword of `n` bytes at the start of `s`: accepted when the keyword ends
// the text or is followed by ':' or a dash, or "that"; a keyword in capitals may also be
// followed directly by the text ("RESOLVED That ...", "RESOLVED The Parish Council ...").
std::optional<std::string_view> after_keyword(std::string_view s, std::size_t n, bool caps_may_run_on,
                                              bool that_allowed) {
    std::string_view rest = s.substr(n);
    if (!rest.empty() && std::isalpha(static_cast<unsigned char>(rest.front())) != 0) return std::nullopt;
    std::size_t i = 0;
    while (i < rest.size() && is_blank(rest[i])) ++i;
    const std::string_view next = rest.substr(i);
    if (next.empty()) return next;
    const bool dash = next.front() == ':' || next.front() == '-' || next.front() == ',' ||
                      next.substr(0, 3) == "\xE2\x80\x93" || next.substr(0, 3) == "\xE2\x80\x94";
    if (dash) return next;
    if (that_allowed && (istarts(next, "that") || istarts(next, "to "))) return next;
    if (caps_may_run_on && all_upper(s.substr(0, n)) && i > 0) return next;
    return std::nullopt;
}

// Strips separators after a keyword: ": ", " – ", "- ".
std::string clean_remainder(std::string_view rest) {
    for (;;) {
        if (!rest.empty() &&
            (is_blank(rest.front()) || rest.front() == ':' || rest.front() == '-' || rest.front() == ',')) {
            rest.remove_prefix(1);
        } else if (rest.substr(0, 3) == "\xE2\x80\x93" || rest.substr(0, 3) == "\xE2\x80\x94") {
            rest.remove_prefix(3);
        } else {
            break;
        }
    }
    std::string out = trim(rest);
    const std::string folded = fold_key(out);
    if (folded == "that" || folded == "that:" || folded == "that -" || folded == "that:-") out.clear();
    return out;
}

// "1.", "(2)", "3)": a numbered label. Sub-items "1." and "2." under "(a) ... the following:"
// go on after the first of them, which does not end with a colon.
bool numbered(std::string_view label) {
    if (!label.empty() && label.front() == '(') label.remove_prefix(1);
    return !label.empty() && std::isdigit(static_cast<unsigned char>(label.front()));
}

bool ends_with_colon(std::string_view text) {
    std::string_view s = text;
    while (!s.empty() && (is_blank(s.back()) || s.back() == '*' || s.back() == '-')) s.remove_suffix(1);
    return !s.empty() && s.back() == ':';
}

std::optional<ResolutionKeyword> match_prefix(std::string_view s) {
    if (istarts(s, "and ")) s.remove_prefix(4);
    struct Rule {
        std::string_view word;
        const char* kind;
        bool caps_run_on;
        bool that_allowed;
    };
    static constexpr std::array<Rule, 19> kRules = {{
        // other councils' layouts: "Decision:", "Members resolved that", "Council resolved:"
        {"decision", "resolved", true, false},
        {"decisions", "resolved", true, false},
        {"members resolved", "resolved", false, true},
        {"the committee resolved", "resolved", false, true},
        {"the council resolved", "resolved", false, true},
        {"council resolved", "resolved", false, true},
        {"cabinet resolved", "resolved", false, true},
        {"it was agreed", "agreed", false, true},
        {"it was unanimously resolved", "resolved", true, true},
        {"it was resolved unanimously", "resolved", true, true},
        {"it was resolved", "resolved", true, true},
        {"unanimously resolved", "resolved", true, true},
        {"resolved", "resolved", true, true},
        {"recommendation(s)", "recommendations", true, true},
        {"recommendations", "recommendations", true, false},
        {"recommendation", "recommendations", true, false},
        {"agreed", "agreed", false, true},
        {"actions", "actions", false, false},
        {"action", "actions", false, false},
    }};
    for (const Rule& rule : kRules) {
        if (!istarts(s, rule.word)) continue;
        const auto rest = after_keyword(s, rule.word.size(), rule.caps_run_on, rule.that_allowed);
        if (!rest) continue;
        return ResolutionKeyword{rule.kind, clean_remainder(*rest)};
    }
    return std::nullopt;
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

std::optional<ResolutionKeyword> match_resolution_keyword(std::string_view text) {
    const std::string t = trim(text);
    if (t.empty()) return std::nullopt;
    if (auto k = match_prefix(t)) return k;
    if (!ends_with_colon(t) || t.size() > 400) return std::nullopt;
    const std::string folded = fold_key(t);
    // Information requests: "And that the following information requests be made:".
    if (contains(folded, "following information") &&
        (contains(folded, "request") || contains(folded, "provided") || contains(folded, "be made"))) {
        return ResolutionKeyword{"information-request", t};
    }
    // A preamble that introduces the decision itself: "The Committee recommended that:".
    if (contains(folded, "recommended that") || contains(folded, "recommends that") ||
        contains(folded, "recommend that") || contains(folded, "following recommendations")) {
        return ResolutionKeyword{"recommendations", t};
    }
    if (contains(folded, "resolved that") || contains(folded, "resolved as follows") ||
        contains(folded, "resolves that")) {
        return ResolutionKeyword{"resolved", t};
    }
    return std::nullopt;
}

bool starts_resolution_keyword(std::string_view line) { return match_prefix(trim(line)).has_value(); }

bool has_inline_resolution(std::string_view text) {
    // "... RESOLVED: That the minutes ..." in the middle of a Markdown paragraph.
    if (text.find("RESOLVED") != std::string_view::npos) return true;
    const std::string folded = fold_key(text);
    return contains(folded, "and resolved that") || contains(folded, "and resolved to") ||
           contains(folded, "and it was resolved") || contains(folded, "unanimously resolved") ||
           contains(folded, "it was resolved to") || contains(folded, "it was resolved that") ||
           contains(folded, "and resolved:") || contains(folded, "resolved that");
}

std::string find_outcome(std::string_view text, bool decisions_too) {
    const std::string f = fold_key(text);
    static constexpr std::array<std::string_view, 12> kUnanimous = {
        "carried unanimously",  "unanimously carried", "agreed unanimously",   "unanimously agreed",
        "voted unanimously",    "unanimously voted",   "unanimously approved", "approved unanimously",
        "unanimously resolved", "all in favour",       "all were in favour",   "were all in favour"};
    for (const std::string_view p : kUnanimous) {
        if (contains(f, p)) return "carried unanimously";
    }
    if (contains(f, "was carried") || contains(f, "were carried") || contains(f, "motion carried") ||
        contains(f, "carried by") || contains(f, "being carried")) {
        return "carried";
    }
    if (contains(f, "was lost") || contains(f, "motion lost") || contains(f, "was defeated") ||
        contains(f, "were defeated")) {
        return "lost";
    }
    if (decisions_too) {
        if (contains(f, "deferred") || contains(f, "to defer")) return "deferred";
        if (contains(f, "were noted") || contains(f, "was noted") || contains(f, "noted the following")) return "noted";
    }
    if (contains(f, "proposed") && contains(f, "seconded")) return "proposed and seconded";
    return {};
}

namespace {

bool starts_with_that(std::string_view text) {
    std::string_view s = text;
    // Opening quotes: " “ ‘ '
    for (;;) {
        if (!s.empty() && (s.front() == '"' || s.front() == '\'')) {
            s.remove_prefix(1);
        } else if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xE2 &&
                   static_cast<unsigned char>(s[1]) == 0x80 &&
                   (static_cast<unsigned char>(s[2]) == 0x9C || static_cast<unsigned char>(s[2]) == 0x98)) {
            s.remove_prefix(3);
        } else {
            break;
        }
    }
    return istarts(s, "that ");
}

// Does a paragraph before a decision talk about the decision ("The following
// recommendations were proposed and seconded and carried unanimously.")?
bool about_decision(std::string_view text) {
    const std::string f = fold_key(text);
    static constexpr std::array<std::string_view, 11> kWords = {"recommendation", "resolution", "resolved", "motion",
                                                                "propos",         "seconded",   "vote",     "in favour",
                                                                "carried",        "amendment",  "unanimous"};
    for (const std::string_view w : kWords) {
        if (contains(f, w)) return true;
    }
    return false;
}

bool is_part(const Block& b) { return b.bullet || b.label_kind != LabelKind::none; }

// "RESOLVED that:": the keyword's remainder is only a connective, and the real preamble may
// follow on its own line ("County Council ... is asked to agree the following:").
bool connective_only(std::string_view rem) {
    const std::string f = fold_key(rem);
    return f == "that" || f == "that:" || f == ":" || f == "as follows:" || f == "as follows";
}

// A sub-heading between lettered parts ("2025-26 Council Tax", "In addition:"): one short
// line, and the next block is a part. Kent's budget resolutions group their parts so.
bool sub_heading_between_parts(const std::vector<Piece>& pieces, std::size_t j) {
    if (j + 1 >= pieces.size() || pieces[j + 1].is_table) return false;
    const Block& b = pieces[j].block;
    if (is_part(b) || !is_part(pieces[j + 1].block)) return false;
    return heading_like(b) || (b.lines == 1 && b.text.size() <= 80 && ends_with_colon(b.text));
}

}  // namespace

ResolutionBlock read_resolution(const std::vector<Piece>& pieces, std::size_t start, const ResolutionKeyword& keyword,
                                bool implicit) {
    ResolutionBlock out;
    out.kind = keyword.kind;
    std::string context;  // where a minuted outcome may be written
    // Up to two paragraphs before the keyword, when they talk about the decision.
    // Bare keywords ("RECOMMENDATIONS:" above "The Committee recommended that:") are skipped.
    for (std::size_t back = 1, seen = 0; seen < 2 && !implicit && start >= back; ++back) {
        const Piece& p = pieces[start - back];
        if (p.is_table) break;
        if (const auto k = match_resolution_keyword(p.block.text)) {
            if (k->remainder.empty()) continue;
            break;
        }
        ++seen;
        if (about_decision(p.block.text)) context += p.block.text + "\n";
    }
    std::string votes;  // texts of the decision itself: only votes count there
    std::size_t j = implicit ? start : start + 1;
    const std::string& rem = keyword.remainder;
    const bool rem_is_preamble = !rem.empty() && (ends_with_colon(rem) || fold_key(rem).ends_with(" that"));
    if (rem_is_preamble) out.preamble = rem;
    if (!implicit) votes += pieces[start].block.text + "\n";

    // A preamble on its own line: "Having reviewed the information provided, the Committee:".
    // Regression (Kent, "(27) RESOLVED that:" above its preamble and parts (a) to (v)): a
    // connective remainder was taken as the whole preamble, and the budget was not read as a
    // resolution at all.
    if ((rem.empty() || connective_only(rem)) && j < pieces.size() && !pieces[j].is_table) {
        const Block& b = pieces[j].block;
        const auto k = match_resolution_keyword(b.text);
        // "The Committee recommended that:" is a keyword of its own that is all preamble.
        const bool preamble_keyword = k && k->kind == keyword.kind && k->remainder == trim(b.text);
        if (!is_part(b) && (!k || preamble_keyword) && ends_with_colon(b.text)) {
            out.preamble = b.text;
            votes += b.text + "\n";
            ++j;
        }
    }
    const bool may_take_that = rem.empty() || rem_is_preamble;
    std::string heading;                     // the last sub-heading between parts
    std::size_t heading_at = 0;              // its piece
    bool part_since_heading = true;          // a part was taken after it
    LabelKind first_kind = LabelKind::none;  // of the first labelled part
    while (j < pieces.size() && !pieces[j].is_table) {
        const Block& b = pieces[j].block;
        if (match_resolution_keyword(b.text)) break;
        // Between lettered parts, or between the preamble and the first part.
        const bool in_parts = out.parts.empty() ? !out.preamble.empty() : !out.parts.back().label.empty();
        if (in_parts && sub_heading_between_parts(pieces, j)) {
            heading = b.text;
            heading_at = j;
            part_since_heading = false;
            ++j;
            continue;
        }
        if (is_part(b)) {
            // A numbered paragraph after lettered parts is the minutes' next paragraph ("(28)"
            // after "(v)"), not a part: numbered parts with lettered sub-parts start numbered,
            // and numbered sub-items follow a part that ends with a colon.
            if (first_kind == LabelKind::none) first_kind = b.label_kind;
            if (b.label_kind == LabelKind::number && first_kind != LabelKind::number && first_kind != LabelKind::none &&
                !out.parts.empty() && !ends_with_colon(out.parts.back().text) && !numbered(out.parts.back().label))
                break;
            out.parts.push_back({b.text, b.label, b.page, heading});
            part_since_heading = true;
        } else if (may_take_that && starts_with_that(b.text) && (out.parts.empty() || out.parts.back().label.empty())) {
            out.parts.push_back({b.text, "", b.page});
        } else if (rem.empty() && out.preamble.empty() && out.parts.empty() && !heading_like(b)) {
            // "RESOLVED:" alone, then the decision as a plain paragraph.
            out.parts.push_back({b.text, "", b.page});
            ++j;
            break;
        } else {
            break;
        }
        ++j;
    }
    // A sub-heading with no part after it belongs to what follows the resolution.
    if (!part_since_heading) j = heading_at;
    if (!implicit && !rem.empty() && !rem_is_preamble) {
        // The keyword block is a decision itself: "RESOLVED: That the minutes ...". Regression
        // (issue 12): followed by lettered parts ("c) It was agreed that ..." / "d) ..."), its
        // own text was neither preamble nor part, and was lost.
        out.parts.insert(out.parts.begin(), {pieces[start].block.text, pieces[start].block.label, pieces[start].block.page});
    } else if (out.parts.empty()) {
        if (!out.preamble.empty() && keyword.kind == "information-request" && !implicit) {
            out.parts.push_back({pieces[start].block.text, "", pieces[start].block.page});
            out.preamble.clear();
        }
    }
    if (keyword.kind == "information-request" && out.preamble.empty() && !out.parts.empty() &&
        out.parts.front().text != pieces[start].block.text) {
        out.preamble = keyword.remainder;
    }
    for (const ResolutionPart& part : out.parts) votes += part.text + "\n";
    out.outcome = find_outcome(context, true);
    if (out.outcome.empty()) out.outcome = find_outcome(votes, false);
    out.end = out.parts.empty() && !implicit ? start + 1 : j;
    return out;
}

}  // namespace quorum::corpus
