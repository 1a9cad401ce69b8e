// Reading what the minutes say about a decision: its outcome (and the vote, proposer and
// seconder), whom it is addressed to, a due date in its own words, and tracker statuses.
#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>
#include <regex>

#include "decisions_internal.hpp"
#include "quorum/corpus/dates.hpp"
#include "quorum/corpus/text.hpp"

namespace quorum::decisions::decisions_detail {
namespace {

// The decision's words without its label: "a) The Committee promotes" -> "the committee promotes".
std::string body_of(std::string_view text) {
    std::string f = fold_key(text);
    static const std::regex label(R"(^\s*[-*•]?\s*(\(?[a-z]{1,4}\)|\(?[0-9]{1,3}[.)]|[a-z][.])\s+)");
    std::smatch m;
    if (std::regex_search(f, m, label) && m.position(0) == 0) f = f.substr(static_cast<std::size_t>(m.length(0)));
    while (!f.empty() && (f[0] == '*' || f[0] == ' ')) f.erase(0, 1);
    if (f.starts_with("that ")) f = f.substr(5);
    if (f.starts_with("that ")) f = f.substr(5);  // "That that the next meeting" is printed
    return f;
}

int number_word(const std::string& w) {
    static const char* names[] = {"none",  "one",   "two",  "three", "four",   "five",   "six",
                                  "seven", "eight", "nine", "ten",   "eleven", "twelve", "thirteen"};
    for (int i = 0; i < 14; ++i)
        if (w == names[i]) return i;
    if (!w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::stoi(w.substr(0, 6));
    return -1;
}

// A vote's counts printed without names, in the shapes minutes use: "carried by 5 votes to 2,
// with 1 abstention", "12 in favour, 3 against and 2 abstentions", "(For 20, Against 3,
// Abstain 1)", "For: 20; Against: 0", "9 votes in favour and 12 against". Each side takes the
// number printed next to its word, before or after it; both "for" and "against" are needed
// (a lone number beside "for" is often something else). Read word by word, without
// std::regex, which recurses per character on long paragraphs.
struct Tally {
    int in_favour = -1, against = -1, abstained = -1;
};

std::optional<Tally> tally_in(std::string_view folded) {
    std::vector<std::string> w;
    std::string cur;
    for (char c : folded) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            cur += c;
        } else if (!cur.empty()) {
            w.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) w.push_back(std::move(cur));
    // A count of votes: no council has 500 members, and "for 2024" is a year.
    const auto number = [&](std::size_t i) {
        const int n = i < w.size() ? number_word(w[i]) : -1;
        return n <= 500 ? n : -1;
    };
    // The side a word at i names, and the index after it ("in favour" takes two words).
    enum Side { none, yes, no, abstain };
    const auto side_at = [&](std::size_t i, std::size_t& next) {
        next = i + 1;
        if (i >= w.size()) return none;
        if (w[i] == "in" && i + 1 < w.size() && (w[i + 1] == "favour" || w[i + 1] == "favor")) {
            next = i + 2;
            return yes;
        }
        if (w[i] == "for") return yes;
        if (w[i] == "against") return no;
        if (w[i] == "abstention" || w[i] == "abstentions" || w[i] == "abstain" || w[i] == "abstained" ||
            w[i] == "abstaining")
            return abstain;
        return none;
    };
    Tally t;
    const auto take = [&](Side side, int n) {
        int& slot = side == yes ? t.in_favour : side == no ? t.against : t.abstained;
        if (slot < 0) slot = n;
    };
    for (std::size_t i = 0; i < w.size(); ++i) {
        // "by 5 votes to 2"
        if (w[i] == "by" && number(i + 1) >= 0 && i + 3 < w.size() && (w[i + 2] == "votes" || w[i + 2] == "vote") &&
            w[i + 3] == "to" && number(i + 4) >= 0) {
            take(yes, number(i + 1));
            take(no, number(i + 4));
            i += 4;
            continue;
        }
        const int n = number(i);
        std::size_t next = 0;
        if (n >= 0) {
            // "12 in favour", "12 votes in favour", "3 against", "2 abstentions"
            std::size_t at = i + 1;
            if (at < w.size() && (w[at] == "votes" || w[at] == "vote" || w[at] == "members" || w[at] == "councillors"))
                ++at;
            // "12 for" only where a list of sides goes on ("12 for, 3 against"), not "5 for the scheme".
            const bool bare_for = at == i + 1 && at < w.size() && w[at] == "for" &&
                                  !(at + 1 == w.size() || number(at + 1) >= 0 || w[at + 1] == "and" ||
                                    w[at + 1] == "with" || w[at + 1] == "against");
            if (const Side side = side_at(at, next); side != none && !bare_for) {
                take(side, n);
                i = next - 1;
            }
            continue;
        }
        // "For 20", "for: 20", "against - 3", "abstentions 2": a count ends the pair or goes on
        // to the next side ("for 3 years, evaluated against 4 criteria" is no vote).
        if (const Side side = side_at(i, next); side != none && number(next) >= 0) {
            std::size_t after = next + 1, skip = 0;
            const bool ends = after >= w.size() || number(after) >= 0 || w[after] == "and" || w[after] == "with" ||
                              side_at(after, skip) != none;
            if (ends) {
                take(side, number(next));
                i = next;
            }
        }
    }
    if (t.in_favour < 0 || t.against < 0) return std::nullopt;
    return t;
}

// Words that say a sentence is about a vote: counts in any other sentence ("180 in favour
// and 50 against" of a consultation) are not the meeting's vote.
bool about_a_vote(std::string_view folded) {
    for (std::string_view w : {"vote", "voting", "motion", "carried", "lost", "amendment", "put to", "show of hands",
                               "resolved", "poll", "recorded"})
        if (contains(folded, w)) return true;
    return false;
}

// The last vote's counts in a paragraph, sentence by sentence: the amendment's counts before
// the motion's are not the motion's.
std::optional<Tally> read_tally(std::string_view folded) {
    std::optional<Tally> last;
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find('.', start);
        if (end == std::string_view::npos) end = folded.size();
        const std::string_view sentence = folded.substr(start, end - start);
        if (about_a_vote(sentence))
            if (auto t = tally_in(sentence)) last = t;
        start = end + 1;
    }
    return last;
}

// Words of an outcome ("carried unanimously", "deferred", "noted") -> result and vote.
void apply_outcome_words(std::string_view folded, Outcome& o) {
    if (contains(folded, "unanim")) o.vote = "unanimous";
    if (contains(folded, "withdrawn") || contains(folded, "withdrew")) {
        o.result = OutcomeResult::withdrawn;
    } else if (contains(folded, "not carried") || contains(folded, " lost") || folded.starts_with("lost") ||
               contains(folded, "rejected") || contains(folded, "refused") || contains(folded, " fell")) {
        o.result = OutcomeResult::rejected;
    } else if (contains(folded, "as amended") || contains(folded, "amendment was carried")) {
        o.result = OutcomeResult::amended;
    } else if (contains(folded, "defer")) {
        o.result = OutcomeResult::deferred;
    } else if (contains(folded, "carried") || contains(folded, "agreed") || contains(folded, "approved") ||
               contains(folded, "resolved") || o.vote == "unanimous") {
        o.result = OutcomeResult::agreed;
    } else if (folded.starts_with("noted") || folded.starts_with("note")) {
        o.result = OutcomeResult::noted;
    }
    if (const auto tally = read_tally(folded)) {
        o.votes_for = tally->in_favour;
        o.votes_against = tally->against;
        if (tally->abstained >= 0) o.abstentions = tally->abstained;
        if (o.vote.empty()) o.vote = o.votes_against == 0 ? "unanimous" : "majority";
        // A tie is settled by the chair's casting vote: the words say which way, the counts cannot.
        if (o.votes_for != o.votes_against && (!o.result || o.result == OutcomeResult::agreed))
            o.result = o.votes_for > o.votes_against ? OutcomeResult::agreed : OutcomeResult::rejected;
    }
}

}  // namespace

std::string printed_name_after(std::string_view original, std::string_view folded, std::string_view marker) {
    const auto at = folded.find(marker);
    if (at == std::string_view::npos) return {};
    // fold_key() keeps ASCII positions; for other text the folded words are returned.
    const bool same = original.size() == folded.size();
    const std::string_view rest = folded.substr(at + marker.size());
    std::size_t end = rest.size();
    for (std::string_view stop : {" and ", ",", ".", ";", " who ", " with ", " the recommendations"}) {
        const std::size_t p = rest.find(stop);
        if (p != std::string_view::npos) end = std::min(end, p);
    }
    return trim(same ? original.substr(at + marker.size(), end) : rest.substr(0, end));
}

Outcome read_outcome(std::string_view reader_outcome, std::string_view unit_text, std::string_view preamble,
                     std::string_view item_text, DecisionKind kind) {
    Outcome o;
    const std::string body = body_of(unit_text);

    // The vote sentence before this block in the item: "The following recommendations were
    // proposed and seconded and carried unanimously." It applies to the recommendations
    // that follow it, not to a separate ACTIONS list.
    if (!item_text.empty() && kind != DecisionKind::action) {
        std::string_view before = item_text;
        if (const auto pos = text_position(item_text, unit_text); pos != std::string_view::npos)
            before = item_text.substr(0, pos);
        // The last sentence with vote words; scanned by hand because std::regex recurses
        // per character and a hostile item without full stops would exhaust the stack.
        const std::string b(before);
        std::string found;
        std::size_t found_start = 0, found_end = 0;
        std::size_t start = 0;
        while (start < b.size()) {
            std::size_t end = b.find_first_of(".\n", start);
            if (end == std::string::npos) end = b.size();
            const std::string f = fold_key(std::string_view(b).substr(start, end - start));
            const auto vote_words = [&] {
                for (std::string_view w : {"carried", "seconded", "unanim", "votes to", "vote to", "were read out",
                                           "was lost", "not carried"})
                    if (contains(f, w)) return true;
                return read_tally(f).has_value();  // "12 in favour, 3 against"
            };
            if (vote_words()) {
                found = b.substr(start, end - start);
                found_start = start;
                found_end = std::min(end + 1, b.size());
            }
            start = end + 1;
        }
        // "The following recommendations were read out. They were proposed by the chair and
        // seconded by Cllr Andrews. The recommendations were carried unanimously": read the
        // whole run of sentences ending at the last vote sentence.
        if (!found.empty() && b.size() - found_end < 2500) {
            const std::size_t newline = b.rfind('\n', found_start);
            const std::size_t from = newline == std::string::npos ? 0 : newline + 1;
            const std::string paragraph = trim(b.substr(from, found_end - from));
            const std::string f = fold_key(paragraph);
            apply_outcome_words(f, o);
            o.proposer_name = printed_name_after(paragraph, f, "proposed by ");
            o.seconder_name = printed_name_after(paragraph, f, "seconded by ");
            o.evidence = paragraph;
        }
    }
    if (!reader_outcome.empty()) {
        Outcome r;
        apply_outcome_words(fold_key(reader_outcome), r);
        if (r.result) o.result = r.result;
        if (!r.vote.empty()) o.vote = r.vote;
        if (r.votes_for >= 0)
            o.votes_for = r.votes_for, o.votes_against = r.votes_against, o.abstentions = r.abstentions;
        if (o.evidence.empty()) o.evidence = std::string(reader_outcome);
    }
    // The decision's own words can say more than "carried": noted, deferred, withdrawn.
    const bool asks = contains(body, "request") || contains(body, "asked") || contains(body, " provide") ||
                      contains(body, "report back") || contains(body, " be ");
    const bool asks_strictly = contains(body, "request") || contains(body, "asked") || contains(body, " provide") ||
                               contains(body, "report back");
    if (body.starts_with("noted") || body.starts_with("notes ") || body.starts_with("note ")) {
        if (!asks) o.result = OutcomeResult::noted;
    } else if ((contains(body, " be noted") || contains(body, " is noted") || contains(body, " are noted")) &&
               !asks_strictly) {
        o.result = OutcomeResult::noted;  // "The Ofsted inspection report be noted"
    } else if (contains(body, "be deferred") || contains(body, "defer this") || body.starts_with("defer")) {
        o.result = OutcomeResult::deferred;
    } else if (contains(body, "be withdrawn")) {
        o.result = OutcomeResult::withdrawn;
    }
    const std::string pre = fold_key(preamble);
    if (!o.result && (contains(pre, "noted") && !contains(pre, "recommend"))) o.result = OutcomeResult::noted;
    // Whatever the minutes print as the committee's resolution, recommendation or agreed
    // point was decided by it: that is an outcome even without a recorded vote.
    if (!o.result && is_minuted(kind)) {
        o.result = OutcomeResult::agreed;
        if (o.evidence.empty()) o.evidence = "recorded in the minutes";
    }
    return o;
}

std::pair<std::string, std::string> read_addressee(std::string_view text, std::string_view preamble,
                                                   DecisionKind kind) {
    const std::string body = body_of(text);
    // The first few printed words: what the reader of the API sees as the reason.
    auto words = [&](std::size_t n) {
        std::string t = trim(text);
        static const std::regex label(R"(^\s*[-*•]?\s*(\(?[a-zA-Z]{1,4}\)|\(?[0-9]{1,3}[.)])\s+)");
        t = std::regex_replace(t, label, "", std::regex_constants::format_first_only);
        while (!t.empty() && t[0] == '*') t.erase(0, 1);
        std::size_t pos = 0;
        for (std::size_t i = 0; i < n && pos != std::string::npos; ++i) {
            pos = t.find(' ', pos + 1);
        }
        return pos == std::string::npos ? t : t.substr(0, pos);
    };
    struct Rule {
        std::string_view prefix;
        std::string_view addressee;
        std::size_t words;
    };
    static const Rule rules[] = {
        {"for the executive", "executive", 4},
        {"the executive", "executive", 2},
        {"executive to", "executive", 2},
        {"for cabinet", "cabinet", 3},
        {"for the cabinet", "cabinet", 4},
        {"cabinet member", "executive", 2},
        {"the cabinet member", "executive", 3},
        {"cabinet", "cabinet", 1},
        {"for full council", "full-council", 4},
        {"full council", "full-council", 2},
        {"for council", "full-council", 3},
        {"council to", "full-council", 2},
        {"officers", "officers", 1},
        {"the officers", "officers", 2},
        {"the director", "officers", 2},
        {"director", "officers", 1},
        {"the corporate director", "officers", 3},
        {"the assistant director", "officers", 3},
        {"the service director", "officers", 3},
        {"the head of", "officers", 3},
        {"the clerk", "officers", 2},
        {"the deputy monitoring officer", "officers", 4},
        {"the monitoring officer", "officers", 3},
        {"the statutory scrutiny officer", "officers", 4},
        {"the service", "officers", 2},
        {"the committee", "committee", 2},
        {"committee", "committee", 1},
        {"cypsc", "committee", 1},
        {"the scrutiny committee", "committee", 3},
        {"scrutiny to", "committee", 2},
    };
    for (const auto& r : rules) {
        if (body.starts_with(r.prefix)) {
            const char next = body.size() > r.prefix.size() ? body[r.prefix.size()] : ' ';
            if (std::isalnum(static_cast<unsigned char>(next))) continue;  // "directorate" is not "director"
            return {std::string(r.addressee), words(r.words)};
        }
    }
    // "The Director for Children's Services would provide..." inside an action.
    if (contains(body, "for the executive to")) return {"executive", "for the executive to"};
    if (contains(body, "for full council to")) return {"full-council", "for full Council to"};
    // An officer report's "That the committee: a) Approves ..." and the minutes' "the
    // Committee: a) Noted ...": the body the preamble names acts itself.
    const std::string pre = fold_key(preamble);
    static const std::regex verb_first(
        R"(^(approves?|notes?|noted|reviews?|reviewed|considers?|considered|reflects?|agrees?|endorses?|welcomed|welcomes|determines?|accepts?|accepted|delegates?)\b)");
    const bool acts = std::regex_search(body, verb_first);
    if (acts && (contains(pre, "the committee") || contains(pre, "that the committee"))) {
        return {"committee", trim(preamble)};
    }
    if (acts && contains(pre, "cabinet")) return {"cabinet", trim(preamble)};
    (void)kind;
    return {};
}

std::string read_due_date(std::string_view text) {
    const std::string f = fold_key(text);
    static const std::regex month_year(
        R"(\b(?:in|by|before|during|for)\s+(?:the\s+)?(?:end\s+of\s+)?(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4})\b)");
    std::smatch m;
    if (std::regex_search(f, m, month_year)) {
        static const char* months[] = {"january", "february", "march",     "april",   "may",      "june",
                                       "july",    "august",   "september", "october", "november", "december"};
        int month = 0;
        for (int i = 0; i < 12; ++i)
            if (m[1].str() == months[i]) month = i + 1;
        const int year = std::stoi(m[2].str());
        static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int last = days[month - 1];
        if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) last = 29;
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, last);
        return buf;
    }
    static const std::regex by_date(R"(\b(?:by|before|no later than)\s+(.{6,30}))");
    if (std::regex_search(f, m, by_date)) {
        if (auto d = find_date(m[1].str())) return *d;
    }
    return {};
}

bool needs_no_action(const Decision& d) {
    if (d.outcome.result == OutcomeResult::noted) return true;
    const std::string f = fold_key(d.text);
    if (contains(f, "accurate record") || contains(f, "correct record") || contains(f, "true record")) return true;
    const std::string body = body_of(d.text);
    const bool asks = contains(body, "request") || contains(body, "asked") || contains(body, "provide") ||
                      contains(body, "report back") || contains(body, " be ") || contains(body, " to ");
    if (!asks && (body.starts_with("endorse") || body.starts_with("welcome") || body.starts_with("accept") ||
                  body.starts_with("note")))
        return true;
    return false;
}

std::optional<DecisionStatus> normalise_status(std::string_view status) {
    const std::string f = fold_key(status);
    if (f.empty()) return {};
    if (contains(f, "overdue")) return DecisionStatus::overdue;
    if (contains(f, "to be completed") || contains(f, "not started") || contains(f, "to be done"))
        return DecisionStatus::to_be_completed;
    if (contains(f, "in progress") || contains(f, "ongoing") || contains(f, "underway") || contains(f, "on track"))
        return DecisionStatus::in_progress;
    if (contains(f, "complete") || f == "done" || contains(f, "closed")) return DecisionStatus::completed;
    return {};
}

}  // namespace quorum::decisions::decisions_detail
