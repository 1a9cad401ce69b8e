#include "related_word_filters.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <sstream>
#include <unordered_map>

namespace quorum::index {

namespace {

// The letter triples of a word with its ends marked ("<ca", "car", ..., "er>").
std::vector<std::string> triples(const std::string& w) {
    const std::string marked = "<" + w + ">";
    std::vector<std::string> out;
    for (std::size_t i = 0; i + 3 <= marked.size(); ++i) out.push_back(marked.substr(i, 3));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool one_letter_added(const std::string& a, const std::string& b) {
    const std::string& longer = a.size() > b.size() ? a : b;
    const std::string& shorter = a.size() > b.size() ? b : a;
    if (longer.size() != shorter.size() + 1) return false;
    std::size_t i = 0;
    while (i < shorter.size() && shorter[i] == longer[i]) ++i;
    return shorter.compare(i, std::string::npos, longer, i + 1, std::string::npos) == 0;
}

// Pairs within this many words count as standing together.
constexpr std::size_t near_words = 3;

}  // namespace

bool spelling_neighbour(const std::string& a, const std::string& b) {
    // Subword vectors put words with one ending side by side ("fostering" by "promoting",
    // "gritting" by "sitting"). (The words' own rows without subwords, tried instead, were noise.)
    if (a.size() >= 3 && b.size() >= 3 && a.compare(a.size() - 3, 3, b, b.size() - 3, 3) == 0) return true;
    if (one_letter_added(a, b)) return true;
    const auto at = triples(a), bt = triples(b);
    std::vector<std::string> shared;
    std::set_intersection(at.begin(), at.end(), bt.begin(), bt.end(), std::back_inserter(shared));
    const double jaccard =
        static_cast<double>(shared.size()) / static_cast<double>(at.size() + bt.size() - shared.size());
    if (jaccard < 0.3) return false;
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    return prefix < 4;
}

void drop_collocations(std::vector<std::vector<RelatedWordEntry>>& lists, std::istream& text, double share) {
    std::unordered_map<std::string, std::uint32_t> id;
    for (const auto& list : lists)
        for (const auto& e : list) {
            id.emplace(e.word, static_cast<std::uint32_t>(id.size()));
            id.emplace(e.related, static_cast<std::uint32_t>(id.size()));
        }
    auto key = [](std::uint32_t a, std::uint32_t b) { return (std::uint64_t{std::min(a, b)} << 32) | std::max(a, b); };
    std::unordered_map<std::uint64_t, std::uint32_t> together;
    for (const auto& list : lists)
        for (const auto& e : list) together.emplace(key(id[e.word], id[e.related]), 0);
    std::vector<std::uint64_t> uses(id.size(), 0);
    std::string line, word;
    while (std::getline(text, line)) {
        std::istringstream words(line);
        std::array<std::int64_t, near_words> before;  // the last words read, nearest first
        before.fill(-1);
        while (words >> word) {
            auto it = id.find(word);
            // (A signed -1: "? -1 : it->second" would be unsigned.)
            const std::int64_t current = it == id.end() ? std::int64_t{-1} : std::int64_t{it->second};
            if (current >= 0) {
                ++uses[static_cast<std::size_t>(current)];
                for (auto previous : before) {
                    if (previous < 0) continue;
                    auto pair =
                        together.find(key(static_cast<std::uint32_t>(previous), static_cast<std::uint32_t>(current)));
                    if (pair != together.end()) ++pair->second;
                }
            }
            for (std::size_t k = near_words - 1; k > 0; --k) before[k] = before[k - 1];
            before[0] = current;
        }
    }
    for (auto& list : lists)
        std::erase_if(list, [&](const RelatedWordEntry& e) {
            const auto a = id[e.word], b = id[e.related];
            const double rarer = static_cast<double>(std::max<std::uint64_t>(1, std::min(uses[a], uses[b])));
            return together[key(a, b)] / rarer >= share;
        });
}

}  // namespace quorum::index
