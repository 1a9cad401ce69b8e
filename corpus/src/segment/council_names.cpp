#include "segment/council_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <vector>

namespace quorum::corpus {
namespace {

struct Word {
    std::string text, lower;
};

// A word that stands for punctuation ending a name's run: ": , ; | / ( )", a dash between
// spaces, an en or em dash. A name starts after the last one before "council".
const std::string boundary = "|";

std::vector<Word> words_of(std::string_view text) {
    std::vector<Word> out;
    std::string w;
    const auto flush = [&] {
        if (w.empty()) return;
        std::string lower = w;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.push_back({w, lower});
        w.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (text.compare(i, 3, "\xE2\x80\x93") == 0 || text.compare(i, 3, "\xE2\x80\x94") == 0) {
            flush();
            out.push_back({boundary, boundary});
            i += 2;
        } else if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) || c == '\'') {
            w += c;
        } else {
            flush();
            if (c == '&') {  // "City & County" is "City and County": one council, one id
                w = "and";
                flush();
            } else if (std::string_view(":,;|/()").find(c) != std::string_view::npos ||
                       (c == '-' && i > 0 && text[i - 1] == ' ' && i + 1 < text.size() && text[i + 1] == ' ')) {
                out.push_back({boundary, boundary});
            }
        }
    }
    flush();
    return out;
}

bool has_digit(const std::string& w) {
    return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// What a paper or meeting is, and small words around it: never part of a council's name,
// skipped before it ("Minutes of the Annual Meeting of X Parish Council").
const std::set<std::string>& paper_words() {
    static const std::set<std::string> words = {
        "minutes", "minute",  "minuted", "agenda",  "agendas",  "papers",   "paper",    "meeting",       "meetings",
        "report",  "reports", "notice",  "summons", "documents", "draft",   "approved", "signed",        "printed",
        "pack",    "public",  "held",    "record",  "records",    "your",    "update",   "newsletter", "full",   "extraordinary", "special",
        "ordinary", "annual", "budget",  "monthly", "general",  "archive",  "item",     "items",         "an",
        "a",       "the",     "of",      "from",    "to",       "for",      "by",       "at",            "on",
        "in",      "with",    "and"};
    return words;
}

// Edit distance with adjacent transpositions (optimal string alignment), for typing slips.
std::size_t slip_distance(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

// A word about the paper or meeting, or a slip in typing one before "of" ("Mmeetiong of
// Northwold Parish Council", "Meetimng of the West Dereham ..."): only before "of", where a
// place's name ("Minster Parish Council") does not stand.
bool paper_word_at(const std::vector<Word>& words, std::vector<Word>::const_iterator it) {
    if (paper_words().count(it->lower)) return true;
    if (std::next(it) == words.end() || std::next(it)->lower != "of" || it->lower.size() < 5) return false;
    static const std::array<std::string, 2> slipped = {"meeting", "minutes"};
    return std::any_of(slipped.begin(), slipped.end(),
                       [&](const std::string& w) { return slip_distance(it->lower, w) <= 2; });
}

// Words that may come before a council's name in a heading and say when or how it met ("A
// Virtual West Dereham Parish Council Meeting", "the January Wereham Parish Council"):
// skipped there unless only a kind of council would be left ("March Town Council").
const std::set<std::string>& soft_words() {
    static const std::set<std::string> words = {
        "january", "february", "march",    "april",   "may",        "june",      "july",      "august",
        "september", "october", "november", "december", "last",     "latest",    "previous",  "next",
        "virtual", "online",   "remote",   "hybrid",  "aborted",    "adjourned", "reconvened", "postponed",
        "emergency", "months", "month's",  "recent",  "subsequent", "successful", "rescheduled"};
    return words;
}

// Words a body's name ends with: a council's name starts after the last of them.
const std::set<std::string>& body_words() {
    static const std::set<std::string> words = {"committee", "cabinet", "panel", "board", "subcommittee", "forum"};
    return words;
}

// The kinds of council: a name of these alone names none ("County Council").
const std::set<std::string>& council_kinds() {
    static const std::set<std::string> kinds = {"county",   "city",     "district",     "borough", "parish", "town",
                                                "community", "municipal", "metropolitan", "regional", "unitary",
                                                "local",    "youth",    "of",           "and",     "the"};
    return kinds;
}

// Small words that stay lower case inside a name ("Burton on Trent", "City and County").
bool small_word(const std::string& w) {
    static const std::set<std::string> small = {"of", "and", "on", "in", "upon", "by", "the", "with", "under", "at"};
    return small.count(w) > 0;
}

// What "council" followed by these words is: a tax, a room, an address, not a council.
bool names_no_council(const std::string& next) {
    static const std::set<std::string> words = {"tax",    "taxes", "chamber", "chambers", "office", "offices",
                                                "housing", "house", "road",    "lane",     "street", "depot",
                                                "homes",  "estate", "estates", "flats"};
    return words.count(next) > 0;
}

// The name before the "council" at `council`, or none.
std::vector<const Word*> name_before(const std::vector<Word>& words, std::vector<Word>::const_iterator council) {
    auto begin = words.begin();
    for (auto it = words.begin(); it != council; ++it)
        // After a committee's name, punctuation, or a number ("Page 1 Wereham Parish Council").
        if (body_words().count(it->lower) || it->lower == boundary || it->lower == "council" || has_digit(it->lower))
            begin = std::next(it);
    // Words about the paper or meeting before the name; "Full" only as in "Full Council
    // Meeting" (a council may be called "Full Sutton").
    const auto skip_paper_words = [&] {
        while (begin != council) {
            const std::string& w = begin->lower;
            const bool generic = w == "full" ? std::next(begin) == council || std::next(begin)->lower == "meeting"
                                             : paper_word_at(words, begin);
            if (!generic) break;
            ++begin;
        }
    };
    skip_paper_words();
    // Soft words, and the paper words after them, unless only kinds of council would be left.
    auto soft = begin;
    while (soft != council && (soft_words().count(soft->lower) ||
                               (paper_word_at(words, soft) && soft->lower != "full")))
        ++soft;
    if (soft != begin && std::any_of(soft, council, [](const Word& w) { return council_kinds().count(w.lower) == 0; }))
        begin = soft;
    std::vector<const Word*> name;
    for (auto it = begin; it != council; ++it) {
        if (meeting_kind_word(it->lower)) continue;  // "Stoke Ferry Annual Parish Council"
        if (paper_word_at(words, it) && !small_word(it->lower) && it->lower != "full") return {};
        name.push_back(&*it);
    }
    if (name.empty() || name.size() > 6) return {};
    if (std::all_of(name.begin(), name.end(), [](const Word* w) { return council_kinds().count(w->lower) > 0; }))
        return {};
    if (small_word(name.back()->lower)) return {};  // "... of Council"
    // Only words of when or how it met: "the February Parish Council meeting", "Aborted and
    // Subsequent Successful Parish Council". March is also a town ("March Town Council").
    if (std::all_of(name.begin(), name.end(), [](const Word* w) {
            return (soft_words().count(w->lower) && w->lower != "march") || small_word(w->lower) ||
                   council_kinds().count(w->lower) > 0;
        }))
        return {};
    if (std::next(council) != words.end() && names_no_council(std::next(council)->lower)) return {};
    return name;
}

}  // namespace

bool meeting_kind_word(std::string_view lower) {
    static const std::set<std::string, std::less<>> kinds = {"annual",  "extraordinary", "special", "ordinary",
                                                             "budget",  "monthly",       "general", "regular"};
    return kinds.count(lower) > 0;
}

std::string council_named_in(std::string_view text) {
    const std::vector<Word> words = words_of(text);
    // Each "council" in turn: "Full Council - Wereham Town Council" names Wereham's.
    std::vector<const Word*> name;
    auto council = words.begin();
    for (; council != words.end(); ++council) {
        if (council->lower != "council") continue;
        name = name_before(words, council);
        if (!name.empty()) break;
    }
    if (name.empty()) return {};
    name.push_back(&*council);
    // Printed case when the text mixes cases; else each word capitalised.
    bool upper = false, lower = false;
    for (const Word* w : name)
        for (char c : small_word(w->text) ? std::string() : w->text) {  // "and" may stand for "&"
            upper = upper || std::isupper(static_cast<unsigned char>(c));
            lower = lower || std::islower(static_cast<unsigned char>(c));
        }
    const bool recase = !(upper && lower);
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        std::string w = recase ? name[i]->lower : name[i]->text;
        if (recase && (i == 0 || !small_word(w))) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

}  // namespace quorum::corpus
