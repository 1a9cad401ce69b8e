// Turns one seed document into a new, different document of the same layout: another
// council, committee, people, year and figures, plus sentences carrying new word forms.
// Line structure (item numbers, headings, tables, blank lines) is kept as it is, so the
// indexer's structure extraction works on the copy as on the original.
#pragma once

#include "lexicon.hpp"
#include "rng.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace quorum::bench {

struct Seed {
    std::filesystem::path path;
    std::string text;
    std::string ext;             // ".txt" or ".md"
    std::string kind;            // minutes | agenda-pack | web-page | agenda
    bool herefordshire = false;  // one of the bundled samples: its names are known
    int main_year = 0;           // the year most often printed in it (0: none)
    std::string main_date;       // the first full date printed in it, YYYY-MM-DD, or ""
};

Seed analyse_seed(const std::filesystem::path& path, std::string text, bool bundled_sample);

struct Council {
    std::string name;                     // "Brackwick District Council"
    std::string place;                    // "Brackwick": replaces "Herefordshire"
    std::string town;                     // replaces "Hereford"
    bool identity = false;                // the original council: names and places unchanged
    std::vector<std::string> people;      // "Helen Thornley"
    std::vector<std::string> committees;  // committee names
};

struct DocPlan {
    const Council* council = nullptr;
    std::string committee;
    int year_delta = 0;
    double figure_factor = 1.0;
    std::string reference;  // unique line appended to the document
};

class Rewriter {
public:
    Rewriter(HeapsLexicon& lexicon, Rng& rng, double injection_rate)
        : lexicon_(lexicon), rng_(rng), injection_rate_(injection_rate) {}

    // tokens: words written so far in the whole archive (drives the Heaps process).
    std::string rewrite(const Seed& seed, const DocPlan& plan, std::uint64_t tokens);

private:
    std::string replace_known_phrases(const std::string& text, const DocPlan& plan) const;
    std::string rewrite_tokens(const std::string& text, const DocPlan& plan);
    std::string inject_vocabulary(const std::string& text, const DocPlan& plan, std::uint64_t tokens);

    HeapsLexicon& lexicon_;
    Rng& rng_;
    double injection_rate_;
};

std::uint64_t count_words(const std::string& text);

}  // namespace quorum::bench
