#include "related_words.hpp"

#include <algorithm>
#include <cstdlib>

#include "quorum/index/schema.hpp"
#include "question_intent.hpp"
#include "wordnet_synonyms.hpp"

namespace quorum::query {

namespace s = quorum::index::schema;

std::string stand_in_term(const Xapian::Stem& stem, const std::string& word) {
    const std::string st = stem(word);
    return st.size() < 3 ? word : "Z" + st;
}

std::vector<RelatedWord> related_words(const Xapian::Database& db, const Xapian::Stem& stem,
                                       const std::string& word, bool curated,
                                       const std::vector<std::string>& typed_stems) {
    std::vector<RelatedWord> out;
    const std::string own = stem(word);
    std::vector<std::string> stems(typed_stems);
    stems.push_back(own);
    // A related word is worth adding when the index has it and it is not the word again
    // in another form ("dismissal" for "dismissed" is stemming's job), nor a typed word,
    // nor a function word the vectors put near a word it often follows ("the ≈ council").
    auto offer = [&](const std::string& w, double weight, const char* source) {
        if (is_stop_word(w)) return false;
        const std::string st = stem(w);
        if (st.empty() || std::find(stems.begin(), stems.end(), st) != stems.end()) return false;
        if (!db.term_exists(stand_in_term(stem, w))) return false;
        stems.push_back(st);
        out.push_back({w, weight, source});
        return true;
    };
    const std::string key = std::string(s::related_key_prefix) + word;
    std::vector<std::pair<double, std::string>> archive;
    for (auto it = db.synonyms_begin(key); it != db.synonyms_end(key); ++it) {
        const std::string entry = *it;  // "<weight> <word>"
        auto space = entry.find(' ');
        if (space == std::string::npos) continue;
        archive.emplace_back(std::strtod(entry.c_str(), nullptr), entry.substr(space + 1));
    }
    std::sort(archive.begin(), archive.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::size_t n = 0;
    for (const auto& [similarity, w] : archive)
        if (n < max_archive_words && offer(w, archive_word_weight * similarity, "archive")) ++n;
    // WordNet knows every sense of a word ("red" -> "ruby", "light" -> "illumine"): asked
    // only for words the archive hardly uses, which are most likely the asker's own words
    // for what the papers say otherwise ("sacked" where they say "dismissed").
    const Xapian::doccount rare = std::max<Xapian::doccount>(wordnet_max_uses, db.get_doccount() / 20000);
    if (curated || db.get_termfreq("Z" + own) > rare) return out;
    n = 0;
    for (const auto& w : wordnet_synonyms(word))
        if (n < max_wordnet_words && w.size() > 3 && offer(w, wordnet_word_weight, "wordnet")) ++n;
    return out;
}

}  // namespace quorum::query
