#include "run_settings.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "quorum/corpus/reader.hpp"
#include "quorum/index/index_writer.hpp"

namespace quorum::index {
namespace fs = std::filesystem;

namespace {

std::string read_text_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path.string() + ": check that it exists and is readable");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

RunSettings load_run_settings(const RunOptions& options) {
    RunSettings settings;
    const std::string terms_tsv =
        options.terms_file ? read_text_file(*options.terms_file) : std::string(default_council_terms());
    settings.council_terms = parse_council_terms(terms_tsv);
    settings.thesaurus = parse_council_terms(options.thesaurus_file ? read_text_file(*options.thesaurus_file)
                                                                    : std::string(default_thesaurus()));
    settings.related_words =
        parse_related_words(options.related_words_file ? read_text_file(*options.related_words_file)
                                                       : std::string(default_related_words()));
    if (options.topics_file) {
        const std::string topics_tsv = read_text_file(*options.topics_file);
        settings.topics = corpus::TopicRules::parse(topics_tsv);
        if (settings.topics.rules().empty())
            throw std::runtime_error("no topic rule could be read from " + options.topics_file->string() +
                                     ": each line is ID<TAB>NAME<TAB>PATTERN|PATTERN... (tabs, not spaces; see "
                                     "corpus/data/topics.tsv)");
        // Units read under other rules get other topics: the files are read again.
        settings.fingerprint = "topics:" + content_hash(topics_tsv);
    } else {
        settings.topics = corpus::default_topic_rules();
    }
    // Pages without a text layer give units only where OCR is built in: a file indexed by
    // the other kind of build is read again.
    if (corpus::ocr_built_in()) settings.fingerprint += settings.fingerprint.empty() ? "ocr" : " ocr";
    for (const corpus::TopicRule& rule : settings.topics.rules()) settings.topic_names.set(rule.id, rule.name);
    settings.threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    settings.as_of = options.as_of;
    settings.keep_readings_bytes = static_cast<std::uint64_t>(std::max(0.0, options.keep_readings_mb) * 1e6);
    return settings;
}

}  // namespace quorum::index
