// quorum-related-words: learns which words council papers use alike (fastText vectors) and
// writes related_words.tsv, the table the hybrid search mode reads (scripts/related_words.sh
// makes corpus/data/related_words.tsv from the real corpora).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include <xapian.h>

#include "../src/learnt_words.hpp"
#include "../src/word_vectors.hpp"

int main(int argc, char** argv) {
    CLI::App app{"Learn related words from council papers into a related_words.tsv"};
    std::string train, model, out;
    quorum::index::RelatedWordsOptions options;
    app.add_option("--train", train, "text to learn from: one passage per line, lower-case words");
    std::vector<std::string> indexes;
    app.add_option("--index", indexes, "learn from the units of these Quorum indexes (instead of --train)");
    app.add_option("--model", model, "a fastText .bin model to read instead of training");
    std::string usage;
    app.add_option("--text", usage,
                   "with --model: the text it learnt from, to leave out words that merely stand side by side");
    app.add_option("--out", out, "where to write the table")->required();
    app.add_option("--min-count", options.min_count, "words used fewer times get no neighbours");
    app.add_option("--min-similarity", options.min_similarity, "cosine similarity a neighbour needs");
    app.add_option("--per-word", options.per_word, "neighbours kept per word");
    app.add_option("--collocation-share", options.collocation_share,
                   "share of the rarer word's uses within three words of the other from which a pair is left out");
    app.add_option("--threads", options.threads, "training threads");
    app.add_option("--epochs", options.epoch, "training passes over the text");
    std::string save;
    app.add_option("--save-model", save, "keep the trained fastText model here (.bin)");
    CLI11_PARSE(app, argc, argv);
    if (int(!train.empty()) + int(!model.empty()) + int(!indexes.empty()) != 1) {
        std::cerr << "quorum-related-words: give one of --train TEXT, --index DB... or --model BIN\n";
        return 2;
    }
    options.save_model = save;
    options.usage_text = usage;
    struct RemoveAtEnd {  // the training text written from --index, however the run ends
        std::string path;
        ~RemoveAtEnd() {
            std::error_code ec;
            if (!path.empty()) std::filesystem::remove(path, ec);
        }
    } cleanup;
    try {
        if (!indexes.empty()) {
            // The same text quorum-index --learn-words trains on, from every index given.
            // In the temporary folder, not beside --out (often inside the repository).
            train = (std::filesystem::temp_directory_path() /
                     ("quorum-related-words-" + std::to_string(::getpid()) + ".txt"))
                        .string();
            cleanup.path = train;
            std::ofstream text(train);
            std::size_t units = 0;
            for (const auto& db : indexes) units += quorum::index::write_training_text(db, text);
            if (!text.flush()) throw std::runtime_error("cannot write " + train + ": check the disk has room");
            std::cerr << "quorum-related-words: learning from " << units << " units\n";
        }
        auto entries = model.empty() ? quorum::index::learn_related_words(train, options)
                                     : quorum::index::related_words_of_model(model, options);
        std::map<std::string, std::string> lines;
        for (const auto& e : entries) {
            char weight[16];
            std::snprintf(weight, sizeof weight, "%.2f", e.weight);
            auto& line = lines[e.word];
            line += (line.empty() ? "" : "|") + e.related + ":" + weight;
        }
        std::ofstream file(out);
        file << "# Related words: WORD<TAB>RELATED:SIMILARITY|... One way; the hybrid search mode adds them\n"
                "# to a query word, weighed by similarity. Made by scripts/related_words.sh (fastText vectors\n"
                "# trained on council papers); edit by hand or regenerate.\n";
        for (const auto& [word, line] : lines) file << word << '\t' << line << '\n';
        if (!file) throw std::runtime_error("cannot write " + out);
        std::cerr << "quorum-related-words: " << lines.size() << " words, " << entries.size() << " related words -> "
                  << out << "\n";
    } catch (const std::exception& e) {
        std::cerr << "quorum-related-words: " << e.what() << "\n";
        return 1;
    } catch (const Xapian::Error& e) {  // not a std::exception in Xapian 1.4
        std::cerr << "quorum-related-words: " << e.get_description() << "\n";
        return 1;
    }
    return 0;
}
