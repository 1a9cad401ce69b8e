#include "learnt_words.hpp"

#include <fstream>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "quorum/index/index_writer.hpp"
#include "quorum/index/schema.hpp"
#include "quorum/index/text_fold.hpp"
#include "word_vectors.hpp"

namespace quorum::index {

namespace s = schema;
namespace fs = std::filesystem;

std::size_t write_training_text(const fs::path& db_dir, std::ostream& out) {
    Xapian::Database db(db_dir.string());
    const std::string marker(s::unit_marker), item = s::term(s::type_prefix, "item");
    std::size_t units = 0;
    for (auto it = db.postlist_begin(marker); it != db.postlist_end(marker); ++it) {
        Xapian::Document doc = db.get_document(*it);
        auto t = doc.termlist_begin();
        t.skip_to(item);
        if (t != doc.termlist_end() && *t == item) continue;
        auto record = nlohmann::json::parse(doc.get_data(), nullptr, false);
        if (!record.is_object() || !record.contains("text") || !record["text"].is_string()) continue;
        std::string line;
        for (const auto& w : fold_words(record["text"].get<std::string>())) {
            if (!line.empty()) line.push_back(' ');
            line += w;
        }
        if (line.empty()) continue;
        out << line << '\n';
        ++units;
    }
    return units;
}

void learn_words(const RunOptions& options, const RunSettings& settings, RunSummary& summary) {
    if (!word_vectors_built_in())
        throw std::runtime_error("--learn-words needs fastText: install libfasttext-dev and rebuild quorum");
    const fs::path text = fs::path(options.db).concat(".learn-words.txt");
    struct Remove {
        fs::path p;
        ~Remove() {
            std::error_code ec;
            fs::remove(p, ec);
        }
    } remove{text};
    {
        std::ofstream out(text);
        const std::size_t units = write_training_text(options.db, out);
        if (!out) throw std::runtime_error("cannot write " + text.string() + ": check the disk has room");
        if (units == 0) return;
    }
    RelatedWordsOptions learning;
    learning.threads = settings.threads;
    learning.min_count = 10;  // a council's own archive is small: its local words are used less
    const auto learnt = learn_related_words(text, learning);
    IndexWriter writer(options.db, settings.fingerprint);
    writer.set_council_terms(settings.council_terms);
    writer.set_thesaurus(settings.thesaurus);
    writer.set_related_words(settings.related_words);
    writer.set_learnt_words(learnt);
    writer.commit();
    std::set<std::string> words;
    for (const auto& e : learnt) words.insert(e.word);
    summary.words_learnt = words.size();
}

}  // namespace quorum::index
