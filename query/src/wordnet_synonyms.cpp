#include "wordnet_synonyms.hpp"

#include <algorithm>
#include <map>
#include <mutex>

#ifdef QUORUM_HAVE_WORDNET
extern "C" {
#include <wn.h>
}
#endif

namespace quorum::query {

namespace {

constexpr int senses_per_pos = 1;  // rarer senses drift ("can" for "dismiss", "bottom" for "seat")
constexpr std::size_t max_remembered = 20000;  // words; the cache is cleared when full

std::mutex wordnet_lock;
std::map<std::string, std::vector<std::string>> remembered;
int opened = -1;  // -1 unknown, 0 failed, 1 open

#ifdef QUORUM_HAVE_WORDNET
bool open_locked() {
    if (opened < 0) opened = wninit() == 0 ? 1 : 0;
    return opened == 1;
}

// One part of speech: base forms of `word` (WordNet's morphology), then the words of
// their first senses.
void add_synonyms(const std::string& word, int pos, std::vector<std::string>& out) {
    std::vector<std::string> bases{word};
    std::string copy = word;
    for (char* base = morphstr(copy.data(), pos); base != nullptr; base = morphstr(nullptr, pos))
        if (std::find(bases.begin(), bases.end(), base) == bases.end()) bases.emplace_back(base);
    for (const auto& base : bases) {
        std::string key = base;
        SynsetPtr list = findtheinfo_ds(key.data(), pos, SYNS, ALLSENSES);
        int sense = 0;
        for (SynsetPtr ss = list; ss != nullptr && sense < senses_per_pos; ss = ss->nextss, ++sense) {
            for (int i = 0; i < ss->wcount; ++i) {
                std::string w = ss->words[i];
                if (w.find('_') != std::string::npos || w.find('-') != std::string::npos) continue;
                std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return char(std::tolower(c)); });
                // Adjective satellites carry a marker such as "(a)".
                if (auto paren = w.find('('); paren != std::string::npos) w.erase(paren);
                if (w.empty() || w == word || w == base) continue;
                if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
            }
        }
        if (list != nullptr) free_syns(list);
    }
}
#endif

}  // namespace

bool wordnet_available() {
#ifdef QUORUM_HAVE_WORDNET
    std::lock_guard lock(wordnet_lock);
    return open_locked();
#else
    return false;
#endif
}

std::vector<std::string> wordnet_synonyms(const std::string& word) {
#ifdef QUORUM_HAVE_WORDNET
    if (word.empty() || word.size() > 40) return {};
    std::lock_guard lock(wordnet_lock);
    if (auto it = remembered.find(word); it != remembered.end()) return it->second;
    std::vector<std::string> out;
    if (open_locked())
        for (int pos : {VERB, NOUN, ADJ}) add_synonyms(word, pos, out);
    if (remembered.size() >= max_remembered) remembered.clear();
    remembered.emplace(word, out);
    return out;
#else
    (void)word;
    return {};
#endif
}

}  // namespace quorum::query
