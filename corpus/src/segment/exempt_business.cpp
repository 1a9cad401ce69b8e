// Exempt business: the items an exclusion resolution withholds, and the public words kept
// of them. Minutes record a meeting in order, so what an item's body says before its
// exclusion resolution was said in public; the resolution itself is public record.
#include "segment/exempt_business.hpp"

#include <algorithm>
#include <array>

#include "quorum/text/fold.hpp"

namespace quorum::corpus::structure {
namespace {

bool has(const std::string& l, std::string_view needle) { return l.find(needle) != std::string::npos; }

// "the following item", "the next item", "the following report": one item, not "items".
bool names_following_one(const std::string& l) {
    for (std::string_view phrase : {"following item", "next item", "following report", "following matter"}) {
        for (std::size_t at = l.find(phrase); at != std::string::npos; at = l.find(phrase, at + 1)) {
            const std::size_t end = at + phrase.size();
            // "the following item(s)" is plural
            if (end >= l.size() || (!text::is_alpha(l[end]) && l.compare(end, 3, "(s)") != 0)) return true;
        }
    }
    return false;
}

// Item numbers after "item", "items", "minute": lists ("12, 13 and 14") and ranges ("12 to 14").
void read_numbers(const std::string& l, std::vector<std::string>& out) {
    const auto add = [&](std::string n) {
        if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(std::move(n));
    };
    const auto number_at = [&](std::size_t k) {
        std::size_t e = k;
        while (e < l.size() && (is_digit(l[e]) || l[e] == '/' || (l[e] == '.' && e + 1 < l.size() && is_digit(l[e + 1]))))
            ++e;
        return e;
    };
    for (std::string_view word : {"items ", "item ", "minutes ", "minute ", "item no. ", "item number "}) {
        for (std::size_t at = l.find(word); at != std::string::npos; at = l.find(word, at + 1)) {
            std::size_t k = at + word.size();
            while (k < l.size() && is_digit(l[k])) {
                const std::size_t e = number_at(k);
                const std::string n = l.substr(k, e - k);
                add(n);
                k = e;
                // a range of plain numbers: "12 to 14", "12-14", "12 – 14"
                std::size_t r = k;
                for (std::string_view dash : {" to ", "-", " - ", " \xE2\x80\x93 ", "\xE2\x80\x93"})
                    if (l.compare(r, dash.size(), dash) == 0) {
                        r += dash.size();
                        break;
                    }
                if (r != k && r < l.size() && is_digit(l[r]) && n.find_first_not_of("0123456789") == std::string::npos) {
                    const std::size_t re = number_at(r);
                    const std::string last = l.substr(r, re - r);
                    if (last.find_first_not_of("0123456789") == std::string::npos && last.size() < 5) {
                        const int from = std::stoi(n), to = std::stoi(last);
                        for (int v = from + 1; v <= to && to - from <= 50; ++v) add(std::to_string(v));
                        k = re;
                    }
                }
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
}

// Sentences of a paragraph: a cut after ". ", "? " or "! " before a capital letter, so that
// "s. 100A" and "para. 3" stay whole.
std::vector<std::string_view> sentences(std::string_view p) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i + 2 < p.size(); ++i) {
        if ((p[i] == '.' || p[i] == '?' || p[i] == '!') && p[i + 1] == ' ' && is_upper(p[i + 2])) {
            out.push_back(p.substr(start, i + 1 - start));
            start = i + 2;
        }
    }
    if (start < p.size()) out.push_back(p.substr(start));
    return out;
}

// A sentence that gives the exclusion's reasons: it follows the resolution and stays with it.
bool gives_exemption_reason(std::string_view sentence) {
    const std::string l = to_lower(sentence);
    return has(l, "exempt") || has(l, "schedule 12a") || has(l, "public interest") || has(l, "local government act") ||
           has(l, "paragraph");
}

}  // namespace

bool mentions_exempt(std::string_view text) {
    const std::string l = to_lower(text);
    return has(l, "exclusion of the press") || has(l, "exclusion of press") || has(l, "schedule 12a") ||
           has(l, "exempt information") || has(l, "press and public be excluded") ||
           has(l, "public and press be excluded") || l == "part ii" || l.rfind("part ii ", 0) == 0 ||
           l.rfind("part 2 -", 0) == 0 || has(l, "(part ii)") || has(l, "confidential item");
}

ExclusionScope exclusion_scope(std::string_view text) {
    ExclusionScope scope;
    const std::string l = to_lower(text);
    read_numbers(l, scope.numbers);
    if (!scope.numbers.empty()) return scope;
    scope.following_only = names_following_one(l);
    scope.this_item = !scope.following_only && (has(l, "this item") || has(l, "this matter") ||
                                                has(l, "this minute") || has(l, "this report"));
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
        l.rfind("part i -", 0) == 0 || l.rfind("part 1 -", 0) == 0 || has(l, "public were readmitted") ||
        has(l, "public were re-admitted") || has(l, "public returned to the meeting") ||
        has(l, "meeting resumed in public") || has(l, "public session resumed"))
        return false;
    return std::nullopt;
}

bool is_exclusion_resolution(std::string_view text) {
    const std::string l = to_lower(text);
    // "moved into closed session"; not "agreed to review the rent during a closed session"
    if (has(l, "into closed session") || has(l, "into private session") || has(l, "meeting went into private"))
        return true;
    // "exclu..." near the people it excludes, not "excluding public transport costs"
    for (std::size_t at = l.find("exclu"); at != std::string::npos; at = l.find("exclu", at + 1)) {
        const std::size_t from = at > 80 ? at - 80 : 0;
        const std::string window = l.substr(from, 160);
        for (std::string_view who : {"the public", "the press", "press and public", "public and press",
                                     "press & public", "members of the public"})
            if (has(window, who)) return true;
    }
    return false;
}

bool ExemptBusiness::named(const std::string& number) const {
    if (number.empty()) return false;
    const auto in = [&](const std::string& n) {
        return std::find(named_exempt_.begin(), named_exempt_.end(), n) != named_exempt_.end();
    };
    // "minute 127" names "127/20" too
    return in(number) || (number.find('/') != std::string::npos && in(number.substr(0, number.find('/'))));
}

Withholding ExemptBusiness::read(const Item& item, const std::string& body_text, DocumentKind kind) {
    const std::string number = to_lower(item.number);
    Withholding w;
    w.exempt = excluded_ || exclude_next_ > 0 || named(number);
    if (exclude_next_ > 0) --exclude_next_;
    const std::optional<bool> marker = part_marker(item.title);
    if (marker == false) {  // "PART I": public business resumes with this item
        excluded_ = false;
        exclude_next_ = 0;
        named_exempt_.clear();
        return {};
    }
    // An item that is the motion ("Exclusion of the press and public") is not itself exempt:
    // it names the business that is.
    const bool motion_item = contains_ci(item.title, "exclusion of") || is_exclusion_resolution(item.title);
    const bool body_motion = is_exclusion_resolution(body_text);
    // "The following item contains exempt information": a notice, read like a resolution.
    const bool notice = !body_motion && mentions_exempt(body_text) && names_following_one(to_lower(body_text));
    if (motion_item || body_motion || notice) {
        const ExclusionScope scope = exclusion_scope(body_text + " " + item.title);
        if (!scope.numbers.empty()) {
            named_exempt_.insert(named_exempt_.end(), scope.numbers.begin(), scope.numbers.end());
            if (named(number) && !motion_item) {
                w.public_until_exclusion = !w.exempt;
                w.exempt = true;
            }
        } else if (scope.following_only) {
            exclude_next_ = 1;
        } else if (scope.this_item && motion_item) {
            exclude_next_ = 1;  // the motion's "this item" is the one it introduces
        } else if (scope.this_item) {
            w.public_until_exclusion = !w.exempt;
            w.exempt = true;
        } else {
            excluded_ = true;  // "the following business", "the remainder of the meeting"
            if (!motion_item) {
                // What follows the resolution inside this item happened in private.
                w.public_until_exclusion = !w.exempt;
                w.exempt = true;
            }
        }
    } else {
        // "Exempt minutes", "Contract award (confidential)", a minute recording exempt
        // information: this item only.
        const std::vector<std::string> words = text::fold_words(item.title);
        const bool marked = std::find(words.begin(), words.end(), "exempt") != words.end() ||
                            contains_ci(item.title, "confidential") || contains_ci(item.title, "not for publication") ||
                            mentions_exempt(item.title);
        if (marked || (kind != DocumentKind::agenda && mentions_exempt(body_text))) w.exempt = true;
    }
    if (marker == true) {  // a "PART II" heading: this item and the rest
        excluded_ = true;
        w.exempt = true;
        w.public_until_exclusion = false;
    }
    return w;
}

void ExemptBusiness::read_end_marker(const Lines& body) {
    for (auto it = body.rbegin(); it != body.rend(); ++it) {
        if (is_blank(it->text)) continue;
        if (auto m = part_marker(plain(it->text))) {
            excluded_ = *m;
            if (!*m) {
                exclude_next_ = 0;
                named_exempt_.clear();
            }
        }
        break;
    }
}

PublicWords public_words(const Lines& body, bool until_exclusion) {
    PublicWords words;
    Lines& out = words.lines;
    bool excluded = false;  // the body has passed its exclusion resolution
    std::size_t i = 0;
    while (i < body.size()) {
        if (is_blank(body[i].text)) {
            if (!out.empty() && !is_blank(out.back().text)) out.push_back({"", body[i].page});
            ++i;
            continue;
        }
        // one paragraph: lines up to the next blank
        std::size_t end = i;
        std::string paragraph;
        while (end < body.size() && !is_blank(body[end].text)) {
            if (!paragraph.empty()) paragraph += ' ';
            paragraph += trim_view(body[end].text);
            ++end;
        }
        if (!excluded && until_exclusion && !is_exclusion_resolution(paragraph)) {
            out.insert(out.end(), body.begin() + static_cast<std::ptrdiff_t>(i),
                       body.begin() + static_cast<std::ptrdiff_t>(end));
        } else {
            std::string kept;
            bool in_resolution = false;
            for (const std::string_view s : sentences(paragraph)) {
                if (is_exclusion_resolution(s)) {
                    in_resolution = true;
                    excluded = true;
                } else if (!in_resolution || !gives_exemption_reason(s)) {
                    in_resolution = false;
                    if (excluded || !until_exclusion) {
                        words.withheld = true;
                        continue;
                    }
                }
                if (!kept.empty()) kept += ' ';
                kept += s;
            }
            if (!kept.empty()) out.push_back({std::move(kept), body[i].page});
        }
        i = end;
    }
    while (!out.empty() && is_blank(out.back().text)) out.pop_back();
    return words;
}

}  // namespace quorum::corpus::structure
