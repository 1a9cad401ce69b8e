#include "word_vectors.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>

#include <xapian.h>

#include "related_word_filters.hpp"

#ifdef QUORUM_HAVE_FASTTEXT
#include <fasttext/fasttext.h>
#endif

namespace quorum::index {

#ifndef QUORUM_HAVE_FASTTEXT
namespace {
[[noreturn]] void without_fasttext() {
    throw std::runtime_error("this quorum was built without fastText: install libfasttext-dev and rebuild");
}
}  // namespace
#endif

bool word_vectors_built_in() {
#ifdef QUORUM_HAVE_FASTTEXT
    return true;
#else
    return false;
#endif
}

#ifdef QUORUM_HAVE_FASTTEXT
namespace {

// Words worth a neighbour list: used often, letters only, not a stop-word-sized scrap.
bool worth_listing(const std::string& w) {
    return w.size() >= 3 && w.size() <= 30 &&
           std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::vector<RelatedWordEntry> neighbours(const fasttext::FastText& model, const RelatedWordsOptions& options) {
    auto dict = model.getDictionary();
    const auto counts = dict->getCounts(fasttext::entry_type::word);
    std::vector<std::string> words;
    for (int32_t i = 0; i < dict->nwords(); ++i)
        if (counts[static_cast<std::size_t>(i)] >= options.min_count && worth_listing(dict->getWord(i)))
            words.push_back(dict->getWord(i));
    const int dim = model.getDimension();
    std::vector<float> unit(words.size() * static_cast<std::size_t>(dim));
    fasttext::Vector v(dim);
    for (std::size_t i = 0; i < words.size(); ++i) {
        model.getWordVector(v, words[i]);
        const double norm = std::max(1e-9, static_cast<double>(v.norm()));
        for (int d = 0; d < dim; ++d) unit[i * dim + d] = static_cast<float>(v[d] / norm);
    }
    const Xapian::Stem stem("en");
    std::vector<std::string> stems;
    for (const auto& w : words) stems.push_back(stem(w));
    std::vector<std::vector<RelatedWordEntry>> found(words.size());
    // Every pair once per word; the lists are small and this runs at build time only.
    auto work = [&](std::size_t first, std::size_t step) {
        std::vector<std::pair<float, std::size_t>> best;
        for (std::size_t i = first; i < words.size(); i += step) {
            best.clear();
            const float* a = &unit[i * dim];
            for (std::size_t j = 0; j < words.size(); ++j) {
                if (j == i || stems[j] == stems[i]) continue;
                const float* b = &unit[j * dim];
                float dot = 0;
                for (int d = 0; d < dim; ++d) dot += a[d] * b[d];
                if (dot >= options.min_similarity && !spelling_neighbour(words[i], words[j])) best.emplace_back(dot, j);
            }
            std::sort(best.begin(), best.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
            std::vector<std::size_t> taken;
            // Spares for the collocations dropped below.
            const std::size_t wanted = options.usage_text.empty() ? options.per_word : options.per_word * 3;
            for (std::size_t k = 0; k < best.size() && found[i].size() < wanted; ++k) {
                // One form of each neighbour ("dismissed", not also "dismissal"); the stems
                // were made before the threads started (a Xapian::Stem is not thread-safe).
                const std::size_t j = best[k].second;
                if (std::any_of(taken.begin(), taken.end(), [&](std::size_t t) { return stems[t] == stems[j]; }))
                    continue;
                taken.push_back(j);
                found[i].push_back({words[i], words[j], std::round(best[k].first * 100) / 100});
            }
        }
    };
    const std::size_t n = std::max(1u, options.threads);
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < n; ++t) pool.emplace_back(work, t, n);
    for (auto& t : pool) t.join();
    if (!options.usage_text.empty()) {
        std::ifstream text(options.usage_text);
        if (!text) throw std::runtime_error("cannot read " + options.usage_text.string());
        drop_collocations(found, text, options.collocation_share);
    }
    std::vector<RelatedWordEntry> out;
    for (auto& list : found)
        out.insert(out.end(), list.begin(), list.begin() + static_cast<long>(std::min(list.size(), options.per_word)));
    return out;
}

}  // namespace
#endif

std::vector<RelatedWordEntry> learn_related_words(const std::filesystem::path& text,
                                                  const RelatedWordsOptions& options) {
#ifdef QUORUM_HAVE_FASTTEXT
    if (!std::filesystem::exists(text)) throw std::runtime_error("cannot read " + text.string());
    fasttext::Args args;
    args.input = text.string();
    args.model = fasttext::model_name::sg;
    args.dim = options.dim;
    args.epoch = options.epoch;
    args.minCount = std::min(5, options.min_count);
    args.thread = static_cast<int>(std::max(1u, options.threads));
    args.bucket = options.buckets;
    args.verbose = 0;
    fasttext::FastText model;
    model.train(args);
    if (!options.save_model.empty()) model.saveModel(options.save_model.string());
    RelatedWordsOptions with_usage = options;
    with_usage.usage_text = text;
    return neighbours(model, with_usage);
#else
    (void)text;
    (void)options;
    without_fasttext();
#endif
}

std::vector<RelatedWordEntry> related_words_of_model(const std::filesystem::path& path,
                                                     const RelatedWordsOptions& options) {
#ifdef QUORUM_HAVE_FASTTEXT
    fasttext::FastText model;
    model.loadModel(path.string());
    return neighbours(model, options);
#else
    (void)path;
    (void)options;
    without_fasttext();
#endif
}

}  // namespace quorum::index
