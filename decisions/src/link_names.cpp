// Names and committee scopes for the link pass: which capitalised names a text prints (so
// that a shared name such as an Act's does not make two matters look alike), and which
// committees two councils share (so that links never cross councils).
#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>

#include "decisions_internal.hpp"
#include "quorum/corpus/text.hpp"

namespace quorum::decisions::decisions_detail {
namespace {

std::string committee_id(const Decision& d) { return d.committee ? d.committee->id : std::string(); }

}  // namespace

std::vector<std::string> capitalised_names(std::string_view text) {
    std::vector<std::string> names;
    std::vector<std::string> run;  // printed words of the current name
    std::size_t pending = 0;       // connectors waiting for a capitalised word
    auto flush = [&] {
        while (!run.empty() && content_words(run.back()).empty()) run.pop_back();
        std::size_t first = 0;
        while (first < run.size() && content_words(run[first]).empty()) ++first;
        std::size_t capitals = 0;
        std::string name;
        for (std::size_t k = first; k < run.size(); ++k) {
            capitals += std::isupper(static_cast<unsigned char>(run[k][0])) != 0;
            name += (name.empty() ? "" : " ") + run[k];
        }
        if (capitals >= 2) names.push_back(fold_key(name));
        run.clear();
        pending = 0;
    };
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
            if (text[i++] == '\n') flush();  // a heading ends at its line
        const std::size_t start = i;
        while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        std::string token(text.substr(start, i - start));
        // Quotes and brackets before, punctuation after: a name does not run across them.
        while (!token.empty() && !std::isalnum(static_cast<unsigned char>(token.front()))) {
            token.erase(0, 1);
            flush();
        }
        bool ends = false;
        while (!token.empty() && !std::isalnum(static_cast<unsigned char>(token.back()))) token.pop_back(), ends = true;
        if (token.empty()) {
            flush();
            continue;
        }
        if (std::isupper(static_cast<unsigned char>(token[0]))) {
            pending = 0;
            run.push_back(token);
        } else if (!run.empty() && (token == "and" || token == "of" || token == "for") && ++pending <= 1) {
            run.push_back(token);
        } else {
            flush();
        }
        if (ends) flush();
    }
    flush();
    return names;
}

std::string without_names(std::string text, const std::vector<std::string>& names) {
    for (const auto& name : names) {
        std::size_t at = 0;
        while ((at = text.find(name, at)) != std::string::npos) {
            std::size_t end = at + name.size();
            const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
            if (!starts || (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end])))) {
                at = end;
                continue;
            }
            std::size_t year = end;
            while (year < text.size() && (text[year] == ',' || text[year] == ' ')) ++year;
            std::size_t digits = year;
            while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
            if (name.ends_with(" act") && digits - year == 4) end = digits;
            text.replace(at, end - at, " ; ");
            at += 3;
        }
    }
    return text;
}

NameFinder::NameFinder(const std::vector<std::string>& names) : names_(names) {
    for (std::size_t i = 0; i < names.size(); ++i) by_first_word_[first_word(names[i])].push_back(i);
}

std::vector<std::string> NameFinder::in(const std::string& text) const {
    std::vector<std::size_t> hits;
    std::size_t i = 0;
    std::set<std::string> seen;
    while (i < text.size()) {
        while (i < text.size() && !std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
        std::size_t start = i;
        while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
        if (i == start) break;
        std::string word = text.substr(start, i - start);
        if (!seen.insert(word).second) continue;
        if (auto it = by_first_word_.find(word); it != by_first_word_.end())
            hits.insert(hits.end(), it->second.begin(), it->second.end());
    }
    if (auto it = by_first_word_.find(std::string()); it != by_first_word_.end())
        hits.insert(hits.end(), it->second.begin(), it->second.end());
    std::sort(hits.begin(), hits.end());
    std::vector<std::string> out;
    for (auto h : hits) out.push_back(names_[h]);
    return out;
}

std::string NameFinder::first_word(const std::string& name) {
    std::size_t i = 0;
    while (i < name.size() && !std::isalnum(static_cast<unsigned char>(name[i]))) ++i;
    if (i > 0) return {};  // starts with punctuation: always a candidate
    while (i < name.size() && std::isalnum(static_cast<unsigned char>(name[i]))) ++i;
    return name.substr(0, i);
}

CommitteeScopes::CommitteeScopes(const Archive& archive, const Collected& collected) {
    std::unordered_map<std::string, std::string> meeting_council;
    for (const auto& m : archive.meetings)
        if (!m.council.empty()) meeting_council.emplace(m.id, fold_key(m.council));
    for (const auto& d : archive.documents) {
        std::string council = fold_key(d.council);
        if (council.empty())
            if (auto it = meeting_council.find(d.meeting_id); it != meeting_council.end()) council = it->second;
        council_of_document_.emplace(d.id, std::move(council));
    }
    for (const auto& d : collected.decisions) note(committee_id(d), council_of(d));
    for (const auto& item : collected.items) note(item.committee_id, item.council);
}

std::string CommitteeScopes::of(const Decision& d) const { return key(committee_id(d), council_of(d)); }

std::string CommitteeScopes::of(const ItemRef& item) const { return key(item.committee_id, item.council); }

const std::string& CommitteeScopes::council_of(const Decision& d) const {
    static const std::string none;
    const auto it = council_of_document_.find(d.document_id);
    return it == council_of_document_.end() ? none : it->second;
}

void CommitteeScopes::note(const std::string& committee, const std::string& council) {
    if (council.empty() || committee.empty()) return;
    auto [it, added] = first_council_.emplace(committee, council);
    if (!added && it->second != council) shared_.insert(committee);
}

std::string CommitteeScopes::key(const std::string& committee, const std::string& council) const {
    return shared_.count(committee) ? committee + '\x1f' + council : committee;
}

}  // namespace quorum::decisions::decisions_detail
