// Exempt business: the items an exclusion resolution withholds, and the public words kept
// of them. Minutes record a meeting in order, so what an item's body says before its
// exclusion resolution was said in public; the resolution itself is public record.
#include "segment/exempt_business.hpp"

#include <algorithm>
#include <regex>

#include "quorum/text/fold.hpp"

namespace quorum::corpus::structure {
namespace {

bool has(const std::string& l, std::string_view needle) { return l.find(needle) != std::string::npos; }

// Lower case with runs of white space as one space, for the patterns below.
std::string normalised(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += text::to_lower(c);
        }
    }
    return out;
}

// "the following item", "the next item", "the following report": one item, not "items"
// or "item(s)".
bool names_following_one(const std::string& l) {
    for (std::string_view phrase : {"following item", "next item", "following report", "following matter"}) {
        for (std::size_t at = l.find(phrase); at != std::string::npos; at = l.find(phrase, at + 1)) {
            const std::size_t end = at + phrase.size();
            if (end >= l.size() || (!text::is_alpha(l[end]) && l.compare(end, 3, "(s)") != 0)) return true;
        }
    }
    return false;
}

bool plain_number(const std::string& n) { return !n.empty() && n.size() <= 4 && n.find_first_not_of("0123456789") == std::string::npos; }

// Item numbers after "item", "items", "minute", "agenda item no.": lists ("12, 13, and 14",
// "12,13"), ranges ("12 to 14", "45/23 - 47/23") and lettered items ("12a").
void read_numbers(const std::string& l, std::vector<std::string>& out) {
    const auto add = [&](std::string n) {
        if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(std::move(n));
    };
    // A number at k: digits with "/" or "." parts ("127/20", "5.1"), and one letter ("12a").
    const auto number_end = [&](std::size_t k) {
        std::size_t e = k;
        while (e < l.size() && (is_digit(l[e]) || ((l[e] == '/' || l[e] == '.') && e + 1 < l.size() && is_digit(l[e + 1]))))
            ++e;
        if (e < l.size() && text::is_alpha(l[e]) && (e + 1 >= l.size() || !text::is_alpha(l[e + 1]))) ++e;
        return e;
    };
    const auto skip = [&](std::size_t k, std::initializer_list<std::string_view> words) {
        for (std::string_view w : words)
            if (l.compare(k, w.size(), w) == 0) return k + w.size();
        return k;
    };
    for (std::string_view word : {"items", "item", "minutes", "minute"}) {
        for (std::size_t at = l.find(word); at != std::string::npos; at = l.find(word, at + 1)) {
            if (at > 0 && text::is_alpha(l[at - 1])) continue;
            std::size_t k = at + word.size();
            if (k < l.size() && text::is_alpha(l[k])) continue;  // "itemised", "items" read as "item"
            k = skip(k, {" nos. ", " nos ", " no. ", " no ", " numbers ", " number ", " "});
            while (k < l.size() && is_digit(l[k])) {
                const std::size_t e = number_end(k);
                const std::string n = l.substr(k, e - k);
                add(n);
                k = e;
                // a range: "12 to 14", "12-14", "12 – 14", "45/23 - 47/23"
                const std::size_t r = skip(k, {" to ", " - ", "-", " \xE2\x80\x93 ", "\xE2\x80\x93"});
                if (r != k && r < l.size() && is_digit(l[r])) {
                    const std::size_t re = number_end(r);
                    const std::string last = l.substr(r, re - r);
                    const std::size_t slash = n.find('/');
                    const std::string from_n = n.substr(0, slash), to_n = last.substr(0, last.find('/'));
                    const std::string suffix = slash == std::string::npos ? "" : n.substr(slash);
                    const bool same_suffix = suffix == (last.find('/') == std::string::npos ? "" : last.substr(last.find('/')));
                    if (plain_number(from_n) && plain_number(to_n) && same_suffix) {
                        const int from = std::stoi(from_n), to = std::stoi(to_n);
                        if (to > from && to - from <= 50) {
                            for (int v = from + 1; v <= to; ++v) add(std::to_string(v) + suffix);
                            k = re;
                        }
                    }
                }
                const std::size_t next = skip(k, {", and ", ", ", ",", " and ", " & "});
                if (next == k) break;
                k = skip(next, {"item ", "items ", "minute "});
            }
        }
    }
}

// Abbreviations a full stop follows inside a sentence ("s. 100A", "para. 3", "Cllr. Smith").
bool abbreviation_before(std::string_view p, std::size_t dot) {
    std::size_t b = dot;
    while (b > 0 && text::is_alpha(p[b - 1])) --b;
    const std::string word = to_lower(p.substr(b, dot - b));
    for (std::string_view a : {"s", "ss", "no", "nos", "para", "paras", "cllr", "mr", "mrs", "ms", "dr", "st", "sch",
                               "cl", "reg", "art", "e.g", "i.e", "etc", "vs", "approx", "ref"})
        if (word == a) return true;
    return false;
}

// Sentences of a paragraph: a cut after ". ", "? " or "! " before what can start a sentence
// (a capital, a digit, a bracket, a pound sign, Markdown emphasis or a quote).
std::vector<std::string_view> sentences(std::string_view p) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i + 2 < p.size(); ++i) {
        if (!((p[i] == '.' || p[i] == '?' || p[i] == '!') && p[i + 1] == ' ')) continue;
        const unsigned char next = static_cast<unsigned char>(p[i + 2]);
        const bool starts = is_upper(static_cast<char>(next)) || is_digit(static_cast<char>(next)) || next == '(' ||
                            next == '*' || next == '"' || next == '\'' || next == 0xC2 /* £ */ ||
                            next == 0xE2 /* curly quotes, dashes */;
        if (!starts || (p[i] == '.' && abbreviation_before(p, i))) continue;
        out.push_back(p.substr(start, i + 1 - start));
        start = i + 2;
    }
    if (start < p.size()) out.push_back(p.substr(start));
    return out;
}

// A sentence that gives the exclusion's legal grounds: it follows the resolution and stays
// with it. Not any sentence saying "exempt" or "paragraph": the business itself may.
bool gives_exclusion_grounds(std::string_view sentence) {
    const std::string l = normalised(sentence);
    static const std::regex grounds(
        R"(schedule 12a|section 100a|s\. ?100a|local government act 1972|public bodies \(admission to meetings\) act|)"
        R"(public interest in maintaining|likely disclosure of exempt information|paragraphs? \d+ of part (1|i)\b|)"
        R"(confidential nature)");
    return std::regex_search(l, grounds);
}

// The sentences of `text` that are exclusion resolutions, with their grounds.
std::string resolution_sentences(const std::string& text) {
    std::string out;
    bool in_resolution = false;
    for (const std::string_view s : sentences(text)) {
        if (is_exclusion_resolution(s) || (in_resolution && gives_exclusion_grounds(s))) {
            in_resolution = true;
            out.append(s).push_back(' ');
        } else {
            in_resolution = false;
        }
    }
    return out;
}

// A title that marks its own item exempt: "Exempt minutes of 1 April", "Contract award
// (exempt)", "Confidential item", "Not for publication" — not "Exempt Accommodation" or
// "To approve confidential shredding costs".
bool title_marks_exempt(const std::string& title) {
    const std::string l = normalised(title);
    static const std::regex marked(
        R"(\b(exempt|confidential|restricted) (item|items|business|minutes?|report|information|appendix|session|matters?)\b|)"
        R"(\((exempt|confidential|restricted|private)[^)]*\)|(-|:|\xE2\x80\x93) ?(exempt|confidential)\.?$|^(exempt|confidential):|)"
        R"(not for publication|schedule 12a|\(part (ii|2)\))");
    return std::regex_search(l, marked);
}

// A minute that records exempt information itself ("This item contains exempt
// information"), not one whose appendix does ("Appendix 2 is exempt under Schedule 12A").
bool records_exempt_information(const std::string& body) {
    bool any = false;
    for (const std::string_view s : sentences(body)) {
        if (!mentions_exempt(s)) continue;
        const std::string l = to_lower(s);
        if (has(l, "appendix") || has(l, "appendices") || has(l, "annex")) continue;
        any = true;
    }
    return any;
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
    const std::string l = normalised(text);
    // What the resolution says of itself wins over a number it cites ("for the following
    // item (minute 45/23 refers)").
    scope.following_only = names_following_one(l);
    scope.this_item = !scope.following_only && (has(l, "this item") || has(l, "this matter") ||
                                                has(l, "this minute") || has(l, "this report"));
    if (!scope.following_only && !scope.this_item) read_numbers(l, scope.numbers);
    return scope;
}

std::optional<bool> part_marker(std::string_view plain_line) {
    std::string l = normalised(trim_view(plain_line));
    while (!l.empty() && (l.back() == ':' || l.back() == '.' || l.back() == ' ')) l.pop_back();
    if (l.size() > 90) return std::nullopt;
    const auto starts = [&](std::string_view p) { return l.rfind(p, 0) == 0; };
    if (l == "part ii" || l == "part 2" || l == "exempt items" || l == "exempt business" || l == "restricted items" ||
        l == "confidential items" || l == "confidential business" || starts("part ii -") || starts("part 2 -") ||
        starts("part ii \xE2\x80\x93") || starts("part 2 \xE2\x80\x93") || l == "exempt")
        return true;
    if (l == "part i" || l == "part 1" || l == "unrestricted items" || l == "open items" || l == "public items" ||
        starts("part i -") || starts("part 1 -") || starts("part i \xE2\x80\x93") || starts("part 1 \xE2\x80\x93") ||
        has(l, "were readmitted") || has(l, "were re-admitted") || has(l, "public returned to the meeting") ||
        has(l, "press returned to the meeting") || has(l, "resumed in public") || has(l, "public session resumed") ||
        has(l, "returned to open session") || has(l, "reconvened in public") || has(l, "meeting reopened to the public"))
        return false;
    return std::nullopt;
}

bool is_exclusion_resolution(std::string_view text) {
    const std::string l = normalised(text);
    if (!has(l, "exclu") && !has(l, "session") && !has(l, "private")) return false;
    // The people excluded, as the object of the exclusion: "exclude the press and public",
    // "the public be excluded", not "members of the public objected to excluding dogs".
    static const std::regex exclusion(
        R"(\bexclu(de|ded|ding|sion of) (the )?(press|public|members of the public)\b|)"
        R"(\b(press|public)( (and|&) (the )?(press|public))? (be|were|are|is|was|to be|being|should be|shall be) excluded\b|)"
        R"(\binto (closed|private) session\b|\bmeeting went into private\b)");
    // A sentence that plans or describes an exclusion rather than making one: "discussed at
    // the end of the meeting after a resolution to exclude the public", a standing order's
    // "meetings from which the press and public are excluded may not be filmed".
    static const std::regex planned(
        R"(\b(would|will|may|might|can|could|should|once|if|when|unless)\b|\bafter (a|an)\b|from which|standing order)");
    static const std::regex made(R"(\bresolved\b|resolution was (passed|taken|agreed)|\bwere excluded\b|\bagreed to exclude\b)");
    for (const std::string_view sentence : sentences(text)) {  // cut where the capitals are
        const std::string s = normalised(sentence);
        if (!std::regex_search(s, exclusion)) continue;
        const bool heading = std::count(s.begin(), s.end(), ' ') < 12;  // "Exclusion of Press and Public – Standing Order 3d"
        if (heading || std::regex_search(s, made) || !std::regex_search(s, planned)) return true;
    }
    return false;
}

ExemptBusiness::ExemptBusiness(std::vector<std::string> item_numbers) : item_numbers_(std::move(item_numbers)) {
    for (auto& n : item_numbers_) n = to_lower(n);
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
    ++position_;
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
    const bool motion_item = is_exclusion_resolution(item.title);
    const std::string resolution = resolution_sentences(body_text);
    // "The following item contains exempt information": a notice, read like a resolution.
    const bool notice = resolution.empty() && mentions_exempt(body_text) && names_following_one(to_lower(body_text));
    bool specific = false;
    if (motion_item || !resolution.empty() || notice) {
        const ExclusionScope scope = exclusion_scope(resolution.empty() ? body_text + " " + item.title : resolution);
        specific = !scope.numbers.empty() || scope.following_only || scope.this_item;
        if (!scope.numbers.empty()) {
            if (names_a_later_item(scope.numbers)) {
                named_exempt_.insert(named_exempt_.end(), scope.numbers.begin(), scope.numbers.end());
            } else {
                // Agenda numbers cited in minutes numbered otherwise: the next items, as many
                // as it names.
                exclude_next_ = static_cast<int>(scope.numbers.size());
            }
        } else if (scope.following_only || (scope.this_item && motion_item)) {
            exclude_next_ = 1;  // a motion's "this item" is the one it introduces
        } else if (!scope.this_item) {
            excluded_ = true;  // "the following business", "the remainder of the meeting"
        }
        // What follows the resolution inside this item's own body happened in private.
        if (!resolution.empty() || scope.this_item) {
            w.public_until_exclusion = !w.exempt;
            w.exempt = true;
        }
    } else if (title_marks_exempt(item.title) || (kind != DocumentKind::agenda && records_exempt_information(body_text))) {
        w.exempt = true;
    }
    if (marker == true && !specific) {  // a "PART II" heading: this item and the rest
        excluded_ = true;
        w.exempt = true;
        w.public_until_exclusion = false;
    }
    return w;
}

bool ExemptBusiness::names_a_later_item(const std::vector<std::string>& numbers) const {
    for (std::size_t i = position_; i < item_numbers_.size(); ++i) {
        const std::string& n = item_numbers_[i];
        for (const auto& named_number : numbers)
            if (n == named_number || (n.find('/') != std::string::npos && n.substr(0, n.find('/')) == named_number))
                return true;
    }
    return false;
}

void ExemptBusiness::read_end_marker(const Lines& body) {
    // The last Part I / Part II line of the body governs what follows ("The press and public
    // were readmitted." may come before "The meeting closed at 9.15 pm.").
    std::optional<bool> last;
    for (const auto& line : body)
        if (!is_blank(line.text))
            if (auto m = part_marker(plain(line.text))) last = m;
    if (!last) return;
    excluded_ = *last;
    if (!*last) {
        exclude_next_ = 0;
        named_exempt_.clear();
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
        bool readmitted = false;
        while (end < body.size() && !is_blank(body[end].text)) {
            if (!paragraph.empty()) paragraph += ' ';
            paragraph += trim_view(body[end].text);
            readmitted = readmitted || part_marker(plain(body[end].text)) == false;
            ++end;
        }
        if (readmitted && until_exclusion) {
            // "The press and public were readmitted": public again from here.
            excluded = false;
            out.insert(out.end(), body.begin() + static_cast<std::ptrdiff_t>(i),
                       body.begin() + static_cast<std::ptrdiff_t>(end));
        } else if (!excluded && until_exclusion && !is_exclusion_resolution(paragraph)) {
            out.insert(out.end(), body.begin() + static_cast<std::ptrdiff_t>(i),
                       body.begin() + static_cast<std::ptrdiff_t>(end));
        } else {
            std::string kept;
            bool in_resolution = false;
            for (const std::string_view s : sentences(paragraph)) {
                if (is_exclusion_resolution(s)) {
                    in_resolution = true;
                    excluded = true;
                } else if (!in_resolution || !gives_exclusion_grounds(s)) {
                    in_resolution = false;
                    if (excluded || !until_exclusion) {
                        ++words.withheld_sentences;
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
