// What keeps the related-words table to words used alike (issue 13): the spelling and
// collocation filters applied to fastText's neighbours, on the sample archive's own text.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "quorum/index/text_fold.hpp"
#include "related_word_filters.hpp"

using namespace quorum::index;

namespace {

// The sample papers as fastText reads them: lower-case words, a line a line.
std::string samples_as_training_text() {
    std::string out;
    for (const auto& entry : std::filesystem::directory_iterator(QUORUM_SAMPLES_DIR)) {
        if (entry.path().extension() != ".txt") continue;
        std::ifstream in(entry.path());
        std::string line;
        while (std::getline(in, line)) {
            for (const auto& w : fold_words(line)) out += w + ' ';
            out += '\n';
        }
    }
    return out;
}

bool listed(const std::vector<RelatedWordEntry>& list, const std::string& related) {
    return std::any_of(list.begin(), list.end(), [&](const auto& e) { return e.related == related; });
}

}  // namespace

TEST_CASE("words neighbours only by their letters are told apart", "[indexer][related-words]") {
    // Regression: the shipped table offered "carer ≈ career" and "placements ≈ replacement"
    // for the foster carer questions, from fastText's subwords.
    CHECK(spelling_neighbour("carer", "career"));
    CHECK(spelling_neighbour("placements", "replacement"));
    CHECK(spelling_neighbour("sufficiency", "insufficient"));
    CHECK(spelling_neighbour("fostering", "promoting"));
    // Derivations the stemmer misses, and words alike only in meaning, stay.
    CHECK_FALSE(spelling_neighbour("reducing", "reduction"));
    CHECK_FALSE(spelling_neighbour("licence", "licensed"));
    CHECK_FALSE(spelling_neighbour("tax", "taxation"));
    CHECK_FALSE(spelling_neighbour("dismissed", "sacked"));
}

TEST_CASE("words that stand together are not offered as stand-ins for each other", "[indexer][related-words]") {
    // Regression: "social care" read as "care ≈ adult" and "council ≈ parish": words the
    // vectors put close because the papers write them side by side.
    std::vector<std::vector<RelatedWordEntry>> lists{
        {{"mental", "health", 0.8}, {"mental", "schools", 0.7}},
        {{"foster", "carers", 0.8}, {"foster", "recruitment", 0.7}},
    };
    std::istringstream text(samples_as_training_text());
    drop_collocations(lists, text, 0.05);
    CHECK_FALSE(listed(lists[0], "health"));  // "mental health", nearly every time
    CHECK(listed(lists[0], "schools"));
    CHECK_FALSE(listed(lists[1], "carers"));  // "foster carers"
    CHECK(listed(lists[1], "recruitment"));
}
