// People: names in attendance lists and mentions in text, linked to stable person ids.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quorum/corpus/model.hpp"

namespace quorum::corpus {

// Canonical person id of a printed name: titles ("Councillor", "Cllr", "Mr", "DCI") removed,
// PDF confusions folded ("l'Anson" -> "I'Anson"), slugified: "Helen I'Anson" -> "helen-ianson".
[[nodiscard]] std::string person_id(std::string_view printed_name);

// Splits "Councillor Phillip Howells (Chairperson)" into honorific, name and role.
[[nodiscard]] Attendee parse_attendee(std::string_view text);

// Resolves mentions inside one meeting's documents: "Councillor Howells", "Cllr Andrews",
// "Mr Freeman", "DCI Roberts", "the Director for Children and Families" -> person ids,
// only where the match is certain (one candidate).
class PeopleLinker {
public:
    PeopleLinker() = default;
    explicit PeopleLinker(const Attendance& attendance);
    // Person ids mentioned in text, in order of first mention, without duplicates.
    [[nodiscard]] std::vector<std::string> mentions(std::string_view text) const;
    // People known to this linker (from the attendance), for Archive::people.
    [[nodiscard]] std::vector<Person> people(const Meeting& meeting) const;

private:
    struct Entry {
        std::string id, name;
        std::string first, surname;            // folded name keys ("helen", "i'anson")
        std::string kind;                      // councillor | officer | co-optee | other
        std::vector<std::string> title_words;  // folded title without small words
        std::vector<std::string> acronyms;     // "dcf" from "Director ... (DCF)"
        std::vector<std::string> variants;     // other printed spellings
        std::vector<Attendee> attendees;       // as listed (roles)
    };
    void add(const Attendee& attendee, const char* list);
    using Hits = std::vector<std::pair<std::size_t, std::string>>;  // (position, person id)
    void link_names(std::string_view text, Hits& out) const;
    void link_titles(std::string_view text, Hits& out) const;
    std::vector<Entry> entries_;
};

}  // namespace quorum::corpus
