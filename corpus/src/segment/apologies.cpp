// Apologies and substitutes: who sent apologies, who attended remotely and who stood in
// for whom, read from the body of the APOLOGIES and NAMED SUBSTITUTES items.
#include <array>

#include "quorum/corpus/text.hpp"
#include "segment/attendee_lists.hpp"
#include "segment/structure.hpp"
#include "quorum/text/ascii.hpp"

namespace quorum::corpus::structure {
namespace {

std::string sentence_after(const std::string& text, std::size_t from) {
    // up to ". " followed by a capital, or the end
    std::size_t i = from;
    while (i < text.size()) {
        if (text[i] == '.' &&
            (i + 1 == text.size() || (i + 2 < text.size() && text[i + 1] == ' ' && is_upper(text[i + 2])))) {
            // not an initial ("J. Sheahan", "Mr.")
            const std::size_t ws = text.rfind(' ', i);
            const std::size_t word_len = ws == std::string::npos ? i : i - ws - 1;
            if (word_len > 2) break;
        }
        ++i;
    }
    return text.substr(from, i - from);
}

// Body text on one line. A line that ends without punctuation or a joining word,
// followed by a capital, ends a sentence that lost its full stop.
std::string joined_text(const Lines& body) {
    std::string t;
    for (const auto& l : body) {
        const std::string p = plain(l.text);
        if (p.empty()) continue;
        if (!t.empty()) {
            const char last = t.back();
            const auto words = split_words(t);
            const std::string lw = to_lower(words.back());
            const bool joins = last == ',' || last == ';' || last == '-' || last == '(' || lw == "and" ||
                               lw == "from" || lw == "of" || lw == "the" || lw == "for";
            t += (!joins && last != '.' && is_upper(p.front())) ? ". " : " ";
        }
        t += p;
    }
    return t;
}

std::string surname_key(const std::string& name) {
    const auto w = split_words(name);
    if (w.empty()) return {};
    std::string s = to_lower(w.back());
    if (s.size() > 2 && s[0] == 'l' && s[1] == '\'') s[0] = 'i';  // PDF: l'Anson = I'Anson
    return s;
}

Attendee* find_person(Attendance& att, const Attendee& who) {
    const std::string key = surname_key(who.name);
    if (key.empty()) return nullptr;
    for (auto* list : {&att.present, &att.in_attendance, &att.officers})
        for (auto& a : *list)
            if (surname_key(a.name) == key) {
                const auto w1 = split_words(who.name), w2 = split_words(a.name);
                if (w1.size() >= 2 && w2.size() >= 2 && to_lower(w1.front()) != to_lower(w2.front())) continue;
                return &a;
            }
    return nullptr;
}

}  // namespace

void read_apologies(const Lines& body, Attendance& att) {
    const std::string text = joined_text(body);
    const std::string lc = to_lower(text);
    // "Apologies were received from ...", "Apologies for absence were received from ..."
    std::size_t at = lc.find("apolog");
    if (at != std::string::npos) {
        const std::size_t from = lc.find(" from ", at);
        if (from != std::string::npos && from < at + 80) {
            const std::string list = strip(sentence_after(text, from + 6));
            for (auto& a : split_people(list, false)) {
                // a reason in brackets: "(personal)", "(work commitments)"
                if (a.role.empty()) {
                    const std::string t = to_lower(a.title);
                    if (a.honorific == "Councillor")
                        a.role = "member";
                    else if (t.find("co-opt") != std::string::npos || t.find("cooptee") != std::string::npos)
                        a.role = "co-optee";
                    else
                        a.role = a.title;
                }
                att.apologies.push_back(std::move(a));
            }
        }
    }
    // "Councillor Toni Fagan attended the meeting remotely"
    for (const char* marker : {"attended the meeting remotely", "attended remotely", "joined the meeting remotely",
                               "attended the meeting virtually", "attended virtually"}) {
        std::size_t pos = 0;
        while ((pos = lc.find(marker, pos)) != std::string::npos) {
            std::size_t start = lc.rfind(". ", pos);
            start = start == std::string::npos ? 0 : start + 2;
            const std::string subject = strip(text.substr(start, pos - start));
            for (const auto& who : split_people(subject, true))
                if (Attendee* a = find_person(att, who)) a->remote = true;
            pos += std::string_view(marker).size();
        }
    }
}

void read_substitutes(const Lines& body, Attendance& att) {
    static const std::array<const char*, 9> markers = {"acted as a substitute for",
                                                       "acted as substitute for",
                                                       "attended as a substitute for",
                                                       "attended as substitute for",
                                                       "was a substitute for",
                                                       "as a substitute for",
                                                       "substituted for",
                                                       "substituting for",
                                                       "standing in for"};
    for (const auto& line : body) {
        const std::string text = plain(line.text);
        const std::string lc = to_lower(text);
        for (const char* m : markers) {
            const std::size_t at = lc.find(m);
            if (at == std::string::npos) continue;
            std::string subject = strip(text.substr(0, at));
            // "Andrew Teale – Standing in for": drop the dash
            for (const char* dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
                const std::string d(dash);
                if (subject.size() >= d.size() && subject.compare(subject.size() - d.size(), d.size(), d) == 0)
                    subject = strip(subject.substr(0, subject.size() - d.size()));
            }
            const std::string object = strip(sentence_after(text, at + std::string_view(m).size()));
            auto people = split_people(subject, true);
            if (people.empty()) break;
            Attendee a = people.front();
            if (const Attendee* known = find_person(att, a)) {
                a.name = known->name;
                if (a.honorific.empty()) a.honorific = known->honorific;
            }
            a.role = "substitute";
            a.note = "substitute for " + object;
            att.substitutes.push_back(std::move(a));
            break;
        }
    }
}

}  // namespace quorum::corpus::structure
