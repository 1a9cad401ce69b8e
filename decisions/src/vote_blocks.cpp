// Reading named votes from a minute item's text. Minutes print a recorded vote as headers
// ("For (57)", "Against:", "**In Favour**", "Abstentions") each followed by the names of the
// members who voted that way, the count often beside the header or after the list ("(9)"),
// and a result line ("Amendment lost.", "The Mayor declared the Motion defeated.").
// A line is read as a header by its shape (a side word, an optional "the motion", a count,
// nothing else), and as a list because every comma-separated piece is a capitalised name,
// so layouts not seen here read the same way. Nothing is corrected: counts are kept as printed.
#include <algorithm>
#include <array>

#include "decisions_internal.hpp"
#include "quorum/corpus/text.hpp"
#include "quorum/text/ascii.hpp"

namespace quorum::decisions::decisions_detail {
namespace {

struct Line {
    std::size_t begin = 0, end = 0;  // offsets of the trimmed line in the item text
    std::string text;                // without markdown emphasis
};

// Markdown emphasis ("**Against**", "__For__") says nothing about what a line is.
std::string without_emphasis(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s)
        if (c != '*' && c != '_') out.push_back(c);
    return trim(out);
}

// Where a roll call printed inside a paragraph starts a list: "... are rejected. Yeas:
// Directors Langhenry, ... McNamara. Nays: None. Absent: ..." (Cleveland's City Record).
std::size_t next_inline_list(std::string_view line, std::size_t from) {
    std::size_t best = std::string_view::npos;
    for (std::string_view w : {". Yeas:", ". Nays:", ". Ayes:", ". Noes:", ". Absent:", ". Excused:", ". Abstain:",
                               ". Abstentions:", ". Not voting:"}) {
        const std::size_t at = line.find(w, from);
        if (at != std::string_view::npos) best = std::min(best, at + 2);
    }
    return best;
}

std::vector<Line> lines_of(std::string_view text) {
    std::vector<Line> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        for (std::size_t from = start; from < end;) {
            const std::size_t cut = std::min(next_inline_list(text.substr(0, end), from + 1), end);
            std::string t = without_emphasis(text.substr(from, cut - from));
            if (!t.empty()) out.push_back({from, cut, std::move(t)});
            from = cut;
        }
        start = end + 1;
    }
    return out;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_count(std::string_view digits) {
    return all_digits(digits) && digits.size() <= 4 ? std::stoi(std::string(digits)) : -1;
}

// Page furniture and scan notes that a PDF or OCR export leaves inside a list.
bool is_furniture(const std::string& line) {
    return all_digits(line) || line == "---" || line.starts_with("<small>") || line.starts_with("Scanned page");
}

// ---- headers

struct Header {
    int side = -1;
    int count = -1;
    std::string rest;  // names printed on the header's own line, after its colon
};

// The side a header's first words name, and how many words that took.
int side_of(const std::vector<std::string>& w, std::size_t& used) {
    struct Word {
        std::string_view a, b;
        int side;
    };
    static constexpr std::array<Word, 17> words = {{{"in", "favour", 0},
                                                    {"in", "favor", 0},
                                                    {"votes", "for", 0},
                                                    {"for", "", 0},
                                                    {"yeas", "", 0},
                                                    {"ayes", "", 0},
                                                    {"ta", "", 0},
                                                    {"votes", "against", 1},
                                                    {"against", "", 1},
                                                    {"nays", "", 1},
                                                    {"noes", "", 1},
                                                    {"nil", "", 1},
                                                    {"abstain", "", 2},
                                                    {"abstained", "", 2},
                                                    {"abstaining", "", 2},
                                                    {"abstention", "", 2},
                                                    {"abstentions", "", 2}}};
    for (const auto& x : words) {
        if (w.empty() || w[0] != x.a) continue;
        if (x.b.empty()) return used = 1, x.side;
        if (w.size() > 1 && w[1] == x.b) return used = 2, x.side;
    }
    if (!w.empty() && w[0] == "staon") return used = 1, 2;
    return -1;
}

// What a header may say after its side: "For the Proposal", "In favour of the Proposed
// Amendment", "Against Deferral".
bool is_qualifier(const std::vector<std::string>& w, std::size_t from, std::size_t to) {
    static constexpr std::array<std::string_view, 12> nouns = {
        "motion", "motions", "amendment", "amendments", "proposal", "proposals", "recommendation", "recommendations",
        "resolution", "deferral", "variation", "deferment"};
    bool noun = false;
    for (std::size_t i = from; i < to; ++i) {
        if (w[i] == "the" || w[i] == "of" || w[i] == "proposed" || w[i] == "substantive" || w[i] == "original")
            continue;
        if (std::find(nouns.begin(), nouns.end(), w[i]) == nouns.end()) return false;
        noun = true;
    }
    return noun || from == to;
}

// What else a heading line may name after its side, in title case: "For Deferral", "In Favour
// of Disposal". Not a candidate ("For Councillor Sheahan (M)" is an election, not a vote for
// or against) and not a sentence.
bool is_named_option(const std::string& head, std::size_t side_words, std::size_t words_end) {
    if (words_end - side_words > 3) return false;
    std::vector<std::string> printed;
    std::size_t i = 0;
    while (i < head.size()) {
        const std::size_t end = std::min(head.find(' ', i), head.size());
        if (end > i) printed.push_back(head.substr(i, end - i));
        i = end + 1;
    }
    if (printed.size() <= side_words) return false;
    for (std::size_t k = side_words; k < printed.size(); ++k) {
        const std::string f = fold_key(printed[k]);
        if (f == "of" || f == "the") continue;
        if (k == side_words && (f == "councillor" || f == "cllr" || f == "mr" || f == "mrs" || f == "ms")) return false;
        if (!std::isupper(static_cast<unsigned char>(printed[k][0])) && !std::isdigit(static_cast<unsigned char>(printed[k][0])))
            return false;
    }
    return true;
}

std::optional<Header> read_header(const std::string& line) {
    const std::size_t colon_at = line.find(':');
    if ((colon_at == std::string::npos ? line.size() : colon_at) > 90 ||
        (line.back() == '.' && colon_at == std::string::npos))
        return std::nullopt;
    // "Tá" and "Níl" only with their accents: a bare "Nil" under a header means none.
    const std::string f = fold_key(line);
    const bool irish = line.starts_with("T\xC3\xA1") || line.starts_with("N\xC3\xADl");
    if ((f.starts_with("ta") || f.starts_with("nil")) && !irish) return std::nullopt;
    // The head is what comes before a colon; names may follow it on the same line.
    const std::size_t colon = line.find(':');
    const std::string head = colon == std::string::npos ? line : line.substr(0, colon);
    std::string rest = colon == std::string::npos ? std::string() : trim(line.substr(colon + 1));
    std::vector<std::string> w = text::fold_words(head);
    std::size_t used = 0;
    Header h;
    h.side = side_of(w, used);
    if (h.side < 0) return std::nullopt;
    // A count in brackets or after the words: "For (57)", "For: 14", "Against - 3".
    std::size_t words_end = w.size();
    if (words_end > used && all_digits(w.back())) h.count = to_count(w.back()), --words_end;
    if (!is_qualifier(w, used, words_end) && !is_named_option(head, used, words_end)) return std::nullopt;
    if (h.count < 0 && all_digits(rest)) h.count = to_count(rest), rest.clear();
    if (rest.starts_with('(') && rest.ends_with(')') && all_digits(rest.substr(1, rest.size() - 2)))
        h.count = to_count(rest.substr(1, rest.size() - 2)), rest.clear();
    // Without a colon, a bare "For" line is a header only when nothing else is on it.
    if (colon == std::string::npos && w.size() != words_end && h.count < 0) return std::nullopt;
    h.rest = std::move(rest);
    return h;
}

// ---- results

bool is_result_verb(std::string_view w) {
    static constexpr std::array<std::string_view, 9> verbs = {"carried", "lost",     "defeated", "agreed", "rejected",
                                                              "fell",    "passed",   "approved", "adopted"};
    return std::find(verbs.begin(), verbs.end(), w) != verbs.end();
}

bool is_result_word(std::string_view w) {
    static constexpr std::array<std::string_view, 14> words = {
        "motion", "amendment",  "substantive", "proposal", "recommendation", "recommendations", "was",
        "the",    "therefore", "original",    "amended",  "resolution",     "accordingly",     "not"};
    return std::find(words.begin(), words.end(), w) != words.end();
}

// Where a result phrase at the end of `s` begins ("Mr D Ross Motion carried." -> at "Motion"),
// or npos. The phrase is words of a result ("Substantive Motion") ending in its verb.
std::size_t result_at_end(std::string_view s) {
    std::string_view t = s;
    while (!t.empty() && (t.back() == '.' || t.back() == ' ' || t.back() == '!')) t.remove_suffix(1);
    std::size_t at = t.rfind(' ');
    const std::string last = fold_key(t.substr(at == std::string_view::npos ? 0 : at + 1));
    if (!is_result_verb(last)) return std::string_view::npos;
    std::size_t begin = at == std::string_view::npos ? 0 : at + 1;
    while (begin >= 2) {
        const std::size_t sp = t.rfind(' ', begin - 2);
        const std::size_t from = sp == std::string_view::npos ? 0 : sp + 1;
        if (!is_result_word(fold_key(t.substr(from, begin - 1 - from)))) break;
        begin = from;
    }
    // A verb alone is a result only as "Agreed." or "Carried." ("Mr D Fell" is a name).
    if (begin == (at == std::string_view::npos ? 0 : at + 1)) {
        const std::string_view verb = t.substr(begin);
        if ((verb != "Agreed" && verb != "Carried" && verb != "Lost") || t.size() == s.size())
            return std::string_view::npos;
    }
    return begin;
}

// A line that is only a result: "Amendment lost.", "Substantive Motion Carried.", or
// "The County Secretary declared the Motion defeated."
bool is_result_line(const std::string& line) {
    if (line.size() <= 80 && result_at_end(line) == 0) return true;
    const std::vector<std::string> w = text::fold_words(line);
    if (line.size() > 240 || std::find(w.begin(), w.end(), "declared") == w.end()) return false;
    return std::any_of(w.begin(), w.end(), [](const std::string& x) { return is_result_verb(x) || x == "elected"; });
}

// ---- name lists

// "Councillors Collins (J)" -> "Collins (J)", "Acting Directors Gehlmann" -> "Gehlmann": a
// group's title, printed once for the names after it, is not part of a name.
std::string without_group_title(std::string piece) {
    for (std::string_view title : {"Councillors ", "Cllrs ", "Cllrs. ", "Councillors: ", "Members ", "Acting Directors ",
                                   "Directors ", "Councilmembers ", "Council Members ", "Councilmen ", "Messrs. ",
                                   "Messrs "})
        if (piece.starts_with(title)) return trim(piece.substr(title.size()));
    return piece;
}

// A list that is not a side of the vote ("Absent: Mayor Jackson, Directors Dumas ..."): it ends
// the vote's lists.
bool is_other_list(const std::string& line) {
    const std::string f = fold_key(line);
    for (std::string_view w : {"absent", "excused", "not voting", "did not vote", "recuse", "recused", "absent and excused"})
        if (f.starts_with(w) && f.size() > w.size() && (f[w.size()] == ':' || f[w.size()] == ' ' || f[w.size()] == '('))
            return true;
    return false;
}

// A printed name: capitalised words ("Ó Ceallaigh"; "(K)" wrapped from "Sheahan"), at most
// one particle in lower case ("de", "van"), none of the words of a sentence.
bool looks_like_name(std::string_view piece) {
    const auto c = static_cast<unsigned char>(piece.front());
    if (!std::isupper(c) && c < 0xC0 && c != '(') return false;
    int lower = 0;
    for (const std::string& w : text::fold_words(piece)) {
        if (w == "the" || w == "was" || w == "were" || w == "that" || w == "to" || w == "be" || w == "is") return false;
    }
    std::size_t i = 0;
    while ((i = piece.find(' ', i)) != std::string_view::npos)
        if (++i < piece.size() && std::islower(static_cast<unsigned char>(piece[i]))) ++lower;
    return lower <= 1;
}

// The names of a list, as printed: split at commas and "and", with honours after a comma
// ("Sir Paul Carter, CBE") kept on their name. Empty when `text` is not a list of names.
std::optional<std::vector<std::string>> names_in(std::string_view text) {
    std::vector<std::string> pieces;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string_view::npos) comma = text.size();
        const std::string_view part = text.substr(start, comma - start);
        std::size_t from = 0;
        for (std::size_t and_at; (and_at = part.find(" and ", from)) != std::string_view::npos; from = and_at + 5) {
            if (and_at - from > 60) return std::nullopt;  // not a name: give up before copying
            pieces.push_back(trim(part.substr(from, and_at - from)));
        }
        if (part.size() - from > 200) return std::nullopt;
        pieces.push_back(trim(part.substr(from)));
        start = comma + 1;
    }
    std::vector<std::string> names;
    for (std::string& p : pieces) {
        while (!p.empty() && (p.back() == '.' || p.back() == ';')) p.pop_back();
        p = without_group_title(trim(p));
        if (p.empty()) continue;
        if (is_honour(p) && !names.empty()) {
            names.back() += ", " + p;
            continue;
        }
        if (p.size() > 60 || std::count(p.begin(), p.end(), ' ') > 5 || !looks_like_name(p)) return std::nullopt;
        names.push_back(std::move(p));
    }
    return names;
}

// A count printed after a list: "Teefy, Wade. (9)" or a line of its own "(30)".
int trailing_count(std::string& line) {
    std::string t = trim(line);
    if (!t.ends_with(')')) return -1;
    const std::size_t open = t.rfind('(');
    if (open == std::string::npos) return -1;
    const int n = to_count(std::string_view(t).substr(open + 1, t.size() - open - 2));
    if (n < 0) return -1;
    line = trim(t.substr(0, open));
    return n;
}

bool says_none(const std::string& line) {
    const std::string f = fold_key(line);
    return f == "none" || f == "none." || f == "nil" || f == "nil." || f == "0" || f == "no one" ||
           text::phrase_key(f).starts_with("there were no abstentions") || f == "no abstentions";
}

// ---- one block

struct Reader {
    VoteBlock block;
    int side = -1;
    std::string list[3];  // the lines of each side's list, joined
    bool seen[3] = {false, false, false};
    bool closed[3] = {false, false, false};  // the list ended with a full stop ("Teefy, Wade. (9)")
    bool done = false;

    // A line of names goes on the list after a comma, unless the line before ends mid-name: a
    // one-letter word ("Cmhlr. Ó" / "Ceallaigh"), a hyphen ("Hickey-" / "O'Mara") or the
    // next line opens with a bracket ("Sheahan" / "(K)"). One name per line is a list too.
    void add_names(const std::string& text) {
        std::string& l = list[side];
        if (l.empty()) {
            l = text;
            return;
        }
        if (l.ends_with('-')) {
            l += text;
            return;
        }
        const std::size_t sp = l.rfind(' ');
        const std::string last = l.substr(sp == std::string::npos ? 0 : sp + 1);
        const bool mid_name = text.starts_with('(') || text::utf8_length(last) == 1 || is_personal_title(last);
        l += l.ends_with(',') ? " " : mid_name ? " " : ", ";
        l += text;
    }

    // One line of the block: false when the line is not part of it.
    bool take(const Line& line) {
        const std::string& t = line.text;
        if (auto h = read_header(t)) {
            if (seen[h->side]) return false;  // a second "For": the next vote
            side = h->side;
            seen[side] = true;
            block.printed[side] = h->count;
            if (says_none(h->rest)) {  // "Nays: None."
                if (block.printed[side] < 0) block.printed[side] = 0;
                return true;
            }
            if (!h->rest.empty()) return take_list(h->rest);
            return true;
        }
        if (is_other_list(t)) return done = true;
        if (is_furniture(t)) return true;
        if (says_none(t)) {
            const bool abstentions = contains(fold_key(t), "abstention");
            const int s = abstentions ? 2 : side;
            if (abstentions) seen[2] = true;
            if (s >= 0 && block.printed[s] < 0) block.printed[s] = 0;
            return true;
        }
        if (is_result_line(t)) {
            block.result_text = t;
            done = true;
            return true;
        }
        // "Abstain (0) Motion carried.": an empty list's header with the result glued on.
        if (const std::size_t at = result_at_end(t); at != std::string::npos && at > 0) {
            const std::string before = trim(t.substr(0, at));
            if (const auto h = read_header(before); h && !seen[h->side] && h->rest.empty()) {
                side = h->side;
                seen[side] = true;
                block.printed[side] = h->count;
                block.result_text = trim(t.substr(at));
                done = true;
                return true;
            }
        }
        return side >= 0 && take_list(t);
    }

    bool take_list(std::string t) {
        std::size_t result = result_at_end(t);
        std::string result_text;
        if (result != std::string::npos && result > 0) {
            result_text = trim(t.substr(result));
            t = trim(t.substr(0, result));
        }
        if (const int n = trailing_count(t); n >= 0 && block.printed[side] < 0) block.printed[side] = n;
        if (!t.empty() && (closed[side] || !names_in(t))) return false;
        if (!t.empty()) add_names(t);
        if (t.ends_with('.')) closed[side] = true;
        if (!result_text.empty()) block.result_text = result_text, done = true;
        return true;
    }
};

// "(2) Mr Oakford proposed, and Mr Gough seconded the motion that:" -> the two names;
// also "proposed by X and seconded by Y", "On the proposal of X, seconded by Y" and "moved by X".
void read_proposers(const std::string& line, VoteBlock& b) {
    const std::string t = without_number(trim(line));
    // ASCII lower case keeps every position, so names are cut from the printed text.
    const std::string f = text::to_lower(t);
    for (std::string_view by : {"proposed by ", "proposal of ", "moved by "}) {
        if (!contains(f, by)) continue;
        b.proposer_name = printed_name_after(t, f, by);
        b.seconder_name = printed_name_after(t, f, "seconded by ");
        return;
    }
    const std::size_t p = f.find(" proposed");
    const std::size_t s = f.find(" seconded", p == std::string::npos ? 0 : p);
    if (p == std::string::npos || s == std::string::npos) return;
    std::string proposer = trim(t.substr(0, p));
    // "Following further debate, Mr Rayner proposed": the name is after the clause.
    if (const std::size_t comma = proposer.rfind(", "); comma != std::string::npos && !is_honour(proposer.substr(comma + 2)))
        proposer = trim(proposer.substr(comma + 2));
    std::string seconder = trim(t.substr(p + 9, s - p - 9));
    while (!seconder.empty() && (seconder.front() == ',' || seconder.front() == ' ')) seconder.erase(0, 1);
    if (seconder.starts_with("and ")) seconder = trim(seconder.substr(4));
    while (!seconder.empty() && seconder.back() == ',') seconder.pop_back();
    if (const std::size_t comma = seconder.find(','); comma != std::string::npos) seconder.resize(comma);
    if (proposer.size() <= 60 && seconder.size() <= 60) b.proposer_name = proposer, b.seconder_name = seconder;
}

// The paragraph "(N)" / "N)" / "N." of an item, when a vote names it ("the motion set out in paragraph 2").
const Line* paragraph_numbered(const std::vector<Line>& lines, std::size_t before, const std::string& number) {
    for (std::size_t i = before; i-- > 0;) {
        const std::string& t = lines[i].text;
        if (t.starts_with("(" + number + ")") || t.starts_with(number + ")") || t.starts_with(number + ". "))
            return &lines[i];
    }
    return nullptr;
}

std::string joined(const std::vector<Line>& lines, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) out += (out.empty() ? "" : " ") + lines[i].text;
    return out;
}

// The motion and its proposer: the sentence before the block that put it to the vote (over
// the lines it wraps onto), and the proposing paragraph it names ("the motion set out in
// paragraph 2"), or a proposal just before it that nothing settled in between (an
// adjournment "proposed ... and agreed" is not the motion voted on).
void read_motion(const std::vector<Line>& lines, std::size_t first, std::size_t floor, VoteBlock& b) {
    std::size_t vote_line = first;
    for (std::size_t i = first; i-- > floor && first - i <= 4;) {
        const std::vector<std::string> w = text::fold_words(lines[i].text);
        if (std::find(w.begin(), w.end(), "vote") != w.end() || std::find(w.begin(), w.end(), "voting") != w.end()) {
            vote_line = i;
            break;
        }
    }
    if (vote_line == first) return;
    const std::string motion = joined(lines, vote_line, first);
    b.motion = shorten(motion, 600);
    const std::vector<std::string> w = text::fold_words(motion);
    const auto para = std::find(w.begin(), w.end(), "paragraph");
    if (para != w.end() && para + 1 != w.end() && all_digits(*(para + 1)))
        if (const Line* p = paragraph_numbered(lines, vote_line, *(para + 1)); p && contains(fold_key(p->text), "propos"))
            return read_proposers(p->text, b);
    if (const std::string f = fold_key(motion); contains(f, "propos") || contains(f, "moved by"))
        return read_proposers(motion, b);
    for (std::size_t i = vote_line; i-- > floor && vote_line - i <= 8;) {
        if (!contains(fold_key(lines[i].text), "propos")) continue;
        const std::string f = fold_key(joined(lines, i, vote_line));
        if (contains(f, "agreed") || contains(f, "carried") || contains(f, "adjourn")) return;
        return read_proposers(joined(lines, i, vote_line), b);
    }
}

}  // namespace

std::string without_number(std::string t) {
    std::size_t i = t.starts_with('(') ? 1 : 0;
    const std::size_t digits = i;
    while (i < t.size() && i < 5 && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
    if (i > digits && i < t.size() && (t[i] == ')' || t[i] == '.')) return trim(t.substr(i + 1));
    return t;
}

std::vector<VoteBlock> read_vote_blocks(std::string_view item_text) {
    std::vector<VoteBlock> out;
    bool may_hold_one = false;
    for (std::string_view w : {"gainst", "bstain", "bstention", "avour", "avor", "Nays", "Noes", "Yeas", "Ayes", "N\xC3\xADl"})
        may_hold_one = may_hold_one || item_text.find(w) != std::string_view::npos;
    if (!may_hold_one) return out;  // most items: no vote printed
    const std::vector<Line> lines = lines_of(item_text);
    std::size_t floor = 0;  // the line after the previous vote
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!read_header(lines[i].text)) continue;
        Reader r;
        std::size_t j = i;
        while (j < lines.size() && !r.done && r.take(lines[j])) ++j;
        const int sides = int(r.seen[0]) + int(r.seen[1]) + int(r.seen[2]);
        if (sides < 2 && r.block.result_text.empty()) continue;
        VoteBlock b = std::move(r.block);
        for (int s = 0; s < 3; ++s)
            if (auto names = names_in(r.list[s])) b.names[s] = std::move(*names);
        b.begin = lines[i].begin;
        b.end = lines[j - 1].end;
        // A result printed on the line after the lists ("The Cathaoirleach declared ... carried").
        if (b.result_text.empty() && j < lines.size() && is_result_line(lines[j].text))
            b.result_text = lines[j].text, b.end = lines[j].end, ++j;
        read_motion(lines, i, floor, b);
        out.push_back(std::move(b));
        floor = j;
        i = j - 1;
    }
    return out;
}

std::string vote_result(std::string_view result_text) {
    const std::vector<std::string> w = text::fold_words(result_text);
    const bool negated = std::find(w.begin(), w.end(), "not") != w.end();
    for (const std::string& x : w) {
        if (x == "lost" || x == "defeated" || x == "rejected" || x == "fell") return "lost";
        if (x == "carried" || x == "agreed" || x == "passed" || x == "approved" || x == "adopted")
            return negated ? "lost" : "carried";
    }
    return {};
}

std::size_t text_position(std::string_view item_text, std::string_view unit_text) {
    std::string probe = trim(unit_text.substr(0, std::min<std::size_t>(unit_text.size(), 200)));
    // Skip the label ("a)") so the probe matches however the reader trimmed it.
    if (const auto sp = probe.find(' '); sp != std::string::npos && sp <= 4) probe = probe.substr(sp + 1);
    if (probe.empty()) return std::string_view::npos;
    // The last place: minutes quote a motion before the vote and print it again as resolved.
    // A long probe first, to tell apart decisions that open alike ("RESOLVED that the
    // recommendation at minute 5 ..." and "... at minute 9"); a short one where the reader
    // broke the lines of the decision otherwise than the item's.
    for (const std::size_t length : {std::size_t{120}, std::size_t{40}}) {
        const std::string_view p = std::string_view(probe).substr(0, std::min(probe.size(), length));
        if (const std::size_t at = item_text.rfind(p); at != std::string_view::npos) return at;
    }
    return std::string_view::npos;
}

}  // namespace quorum::decisions::decisions_detail
