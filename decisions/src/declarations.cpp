// Declarations of interest read from the minutes' item text. Councils print them as a
// sentence whose subject is one or more members and whose verb is "declared" or "disclosed":
// "Mrs Chandler and Mr Rayner declared a pecuniary interest in item 12 – ... – and would not
// participate in the debate or vote", "Councillor Collins (J) disclosed an interest in Items
// 6(a) and 6(b) and ... withdrew from the Meeting", "Cllr Janet Taylor declared an interest
// regarding payments for approval and agreed to abstain from voting". The reader keys on that
// shape, not on a council's wording; "No such interests were declared" and an invitation to
// declare are not declarations.
#include <algorithm>
#include <array>

#include "decisions_internal.hpp"
#include "quorum/corpus/text.hpp"
#include "quorum/text/ascii.hpp"

namespace quorum::decisions::decisions_detail {
namespace {

bool is_abbreviation(std::string_view word) {
    static constexpr std::array<std::string_view, 14> abbreviations = {
        "mr", "mrs", "ms", "dr", "cllr", "st", "no", "co", "cmhlr", "prof", "rev", "nos", "approx", "esq"};
    std::string f = fold_key(word);
    if (f.size() == 1 && std::isalpha(static_cast<unsigned char>(f[0]))) return true;  // an initial: "C. Rahman"
    return std::find(abbreviations.begin(), abbreviations.end(), f) != abbreviations.end();
}

// Sentences of an item, its line breaks made spaces (Limerick's exports break every line).
std::vector<std::string> sentences_of(std::string_view text) {
    std::string flat(text);
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    flat = collapse_spaces(flat);
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < flat.size(); ++i) {
        if (flat[i] != '.' || i + 2 >= flat.size() || flat[i + 1] != ' ') continue;
        const auto next = static_cast<unsigned char>(flat[i + 2]);
        if (!std::isupper(next) && next != '(' && !std::isdigit(next)) continue;
        const std::size_t word = flat.rfind(' ', i);
        const std::size_t from = word == std::string::npos ? 0 : word + 1;
        if (i > from && is_abbreviation(std::string_view(flat).substr(from, i - from))) continue;
        out.push_back(trim(flat.substr(start, i + 1 - start)));
        start = i + 2;
    }
    if (start < flat.size()) out.push_back(trim(flat.substr(start)));
    return out;
}

// The members a declaration's subject names: "Later in the meeting Mr Sole" -> {"Mr Sole"};
// "Cllr S Briston and Cllr L Peake" -> both; "That it BE NOTED that Councillor C. Rahman" ->
// {"Councillor C. Rahman"}; "Members who were district or borough councillors" -> {} (a group).
std::vector<std::string> declarants(std::string subject) {
    // From the first title: what comes before it is the sentence's own opening.
    std::size_t from = std::string::npos;
    std::size_t i = 0;
    while (i < subject.size()) {
        const std::size_t end = std::min(subject.find(' ', i), subject.size());
        if (is_personal_title(subject.substr(i, end - i))) {
            from = i;
            break;
        }
        i = end + 1;
    }
    if (from != std::string::npos) subject = subject.substr(from);
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start <= subject.size()) {
        std::size_t cut = subject.find(" and ", start);
        const std::size_t comma = subject.find(", ", start);
        std::size_t width = 5;
        if (comma != std::string::npos && (cut == std::string::npos || comma < cut)) cut = comma, width = 2;
        std::string piece = trim(subject.substr(start, cut == std::string::npos ? std::string::npos : cut - start));
        start = cut == std::string::npos ? subject.size() + 1 : cut + width;
        if (piece.empty()) continue;
        const std::vector<std::string> words = text::fold_words(piece);
        const bool titled = !words.empty() && is_personal_title(words.front());
        // A name without a title ("Jenni Hawkins") is two or three capitalised words.
        bool capitalised = words.size() >= 2 && words.size() <= 4;
        for (std::size_t p = 0; capitalised && p < piece.size(); p = piece.find(' ', p) + 1) {
            if (!std::isupper(static_cast<unsigned char>(piece[p])) && piece[p] != '(') capitalised = false;
            if (piece.find(' ', p) == std::string::npos) break;
        }
        if ((titled && words.size() >= 2 && words.size() <= 6) || (from == std::string::npos && capitalised))
            names.push_back(piece);
        else
            return names;  // "Councillor X, who had": the names so far; none is a group ("Members who ...")
    }
    return names;
}

std::string kind_of(const std::string& f) {
    if (contains(f, "disclosable pecuniary")) return "disclosable-pecuniary";
    if (contains(f, "other registrable")) return "other-registrable";
    if (contains(f, "non-registrable") || contains(f, "non registrable")) return "non-registrable";
    if (contains(f, "prejudicial")) return "prejudicial";
    if (contains(f, "pecuniary")) return "pecuniary";
    if (contains(f, "personal interest")) return "personal";
    if (contains(f, "conflict of interest")) return "conflict";
    return {};
}

// "in item 12", "under Item 16 - Pay Policy", "in Items 6(a) and 6(b)", "agenda item 8",
// "in relation to agenda 9", "minute 12", "item 2.6": the first item number named, or "".
std::string item_named(const std::string& lower) {
    std::size_t i = 0;
    while (i < lower.size()) {
        const std::size_t end = std::min(lower.find(' ', i), lower.size());
        const std::string_view word = std::string_view(lower).substr(i, end - i);
        i = end + 1;
        if (word != "item" && word != "items" && word != "agenda" && word != "minute") continue;
        if (i >= lower.size()) break;  // the sentence ends with the word ("... in this item")
        std::size_t at = i;
        if (lower.compare(at, 5, "item ") == 0) at += 5;  // "agenda item 8"
        std::size_t n = at;
        while (n < lower.size() && (std::isdigit(static_cast<unsigned char>(lower[n])) || lower[n] == '.')) ++n;
        std::string number = lower.substr(at, n - at);
        while (!number.empty() && number.back() == '.') number.pop_back();
        if (!number.empty() && std::isdigit(static_cast<unsigned char>(number.front()))) return number;
    }
    return {};
}

// The part of the item a declaration names, after the item's number: "item 12 – Motion for
// Time Limited Debate 3 - 'Family Farm Tax' – and would not ..." -> "Motion for Time Limited
// Debate 3 - 'Family Farm Tax'"; "Item 16 - Pay Policy Statement 2025/26 - that ..." -> "Pay
// Policy Statement 2025/26"; "item 8." -> "".
std::string matter_named(const std::string& sentence, const std::string& lower, const std::string& number) {
    if (number.empty()) return {};
    std::size_t at = std::string::npos;
    for (std::string_view word : {"item ", "items ", "agenda item ", "agenda ", "minute "}) {
        const std::size_t w = lower.find(std::string(word) + number);
        if (w != std::string::npos) at = std::min(at, w + word.size() + number.size());
    }
    if (at == std::string::npos) return {};
    // Past the separator: spaces, a hyphen, an en dash (3 bytes), a colon.
    while (at < lower.size() && (lower[at] == ' ' || lower[at] == '-' || lower[at] == ':' || lower[at] == ','))
        ++at;
    if (lower.compare(at, 3, "\xE2\x80\x93") == 0) at += 3;
    while (at < lower.size() && lower[at] == ' ') ++at;
    if (at >= lower.size() || !std::isalpha(static_cast<unsigned char>(lower[at]))) return {};
    std::size_t end = lower.size();
    for (std::string_view stop : {" \xE2\x80\x93 and", " - and", " \xE2\x80\x93 that", " - that", ", that", " that ",
                                  ", and", " and would", " and did", ", having", ", as ", " as ", ", in ", "."})
        if (const std::size_t p = lower.find(stop, at); p != std::string::npos) end = std::min(end, p);
    std::string m = trim(sentence.substr(at, end - at));
    return m.size() >= 6 ? m : std::string();
}

// What follows the verb is an interest: "a pecuniary interest", "an interest", "a conflict of
// interest", "their interests". Not "the motion carried in the interests of residents", nor
// "that the Council had an interest in the site".
bool declares_an_interest(const std::string& after_verb) {
    const std::vector<std::string> w = text::fold_words(after_verb.substr(0, 120));
    if (w.empty()) return false;
    static constexpr std::array<std::string_view, 8> openers = {"a", "an", "his", "her", "their", "interests", "interest",
                                                                "personal"};
    if (std::find(openers.begin(), openers.end(), w[0]) == openers.end()) return false;
    for (std::size_t i = 0; i < w.size() && i < 5; ++i)
        if (w[i] == "interest" || w[i] == "interests") return true;
    return false;
}

// A sentence that says nobody declared anything, or asks members to.
bool declares_nothing(const std::string& f, const std::string& subject) {
    const std::string s = fold_key(subject);
    for (std::string_view w : {"no ", "none", "nothing", "any "})
        if (s.starts_with(w) || contains(s, " " + std::string(w))) return true;
    return contains(f, "no such interest") || contains(f, "invit") || contains(f, "to declare") ||
           contains(f, "were no declaration") || contains(f, "was no declaration");
}

}  // namespace

std::vector<DeclarationText> read_declarations(std::string_view item_text) {
    std::vector<DeclarationText> out;
    if (item_text.find("nterest") == std::string_view::npos) return out;
    for (const std::string& sentence : sentences_of(item_text)) {
        const std::string f = fold_key(sentence);
        if (!contains(f, "interest")) continue;
        // ASCII lower case keeps every position, so names are cut from the printed sentence.
        const std::string lower = text::to_lower(sentence);
        std::size_t verb = lower.find(" declared ");
        if (verb == std::string::npos) verb = lower.find(" disclosed ");
        if (verb == std::string::npos || !declares_an_interest(lower.substr(lower.find(' ', verb + 1) + 1))) continue;
        const std::string subject = without_number(trim(sentence.substr(0, verb)));  // "4) Mr Jeffrey"
        if (declares_nothing(f, subject)) continue;
        const std::string rest = trim(sentence.substr(lower.find(' ', verb + 1) + 1));  // after the verb
        DeclarationText d;
        d.kind = kind_of(f);
        d.about_item = item_named(lower);
        d.matter = matter_named(sentence, lower, d.about_item);
        d.interest = shorten(rest, 600);
        d.left_room = !contains(f, "not leave") && !contains(f, "remained in") && (contains(f, "leave the chamber") || contains(f, "left the chamber") ||
                      contains(f, "leave the room") || contains(f, "left the room") || contains(f, "left the meeting") ||
                      contains(f, "leave the meeting") || contains(f, "withdrew") || contains(f, "absented") ||
                      contains(f, "exempting") || contains(f, "withdraw from"));
        d.took_no_part = contains(f, "took no part") || contains(f, "not participate") || contains(f, "not take part") ||
                         contains(f, "not vote") || contains(f, "abstain from voting") || contains(f, "not to vote");
        const std::vector<std::string> names = declarants(subject);
        if (names.empty()) {
            out.push_back(d);  // a group: kept, with no member
            continue;
        }
        for (const std::string& n : names) {
            DeclarationText one = d;
            one.member = n;
            out.push_back(std::move(one));
        }
    }
    return out;
}

}  // namespace quorum::decisions::decisions_detail
