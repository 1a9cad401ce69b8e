// quorum-question-mix: distinct benchmark questions drawn from an index's own vocabulary,
// for the uncached benchmark (issue 14). The fixed questions of bench/queries.txt repeat,
// so a response cache, or the pages the first round read, answer the later rounds; a
// public site meets crawlers and long-tail questions that rarely repeat. These do not.
//
//   quorum-question-mix --db DIR --count 2000 [--seed 42] --out questions.txt
//
// The file has the shape of bench/queries.txt (id, kind, /api/search parameters; the
// peers' columns are "-"), so quorum-query-bench and the HTTP run read it alike. Kinds:
// a common word, a rare word, two words of one unit, a phrase of one unit, a word with a
// committee, year or type filter, a word sorted by date, and a word's deep page.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "quorum/index/schema.hpp"

namespace fs = std::filesystem;
namespace s = quorum::index::schema;

namespace {

bool plain_word(const std::string& t) {
    return t.size() >= 3 && t.size() <= 20 &&
           std::all_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string encode(const std::string& v) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : v) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.')
            out += static_cast<char>(c);
        else if (c == ' ')
            out += '+';
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// The values of a boolean prefix the index holds ("XC" -> committee ids).
std::vector<std::string> values_of(const Xapian::Database& db, std::string_view prefix) {
    std::vector<std::string> out;
    const std::string p(prefix);
    for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) out.push_back((*it).substr(p.size()));
    return out;
}

class Mixer {
public:
    Mixer(const Xapian::Database& db, unsigned seed) : db_(db), rng_(seed) {
        // Words people type: the unstemmed, unprefixed terms (prefixes are capitals).
        const auto units = db.get_doccount();
        for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
            const std::string t = *it;
            if (t.empty() || t[0] < 'a' || t[0] > 'z' || !plain_word(t)) continue;
            const auto tf = it.get_termfreq();
            if (tf < 2 || tf > units / 5) continue;  // typos and near-stop words aside
            (tf >= units / 500 ? common_ : rare_).push_back(t);
        }
        if (common_.empty()) common_ = rare_;
        if (rare_.empty()) rare_ = common_;
        if (rare_.empty()) throw std::runtime_error("the index has no words to ask about: index an archive first");
        committees_ = values_of(db, s::committee_prefix);
        years_ = values_of(db, s::year_prefix);
        // The unit types a search shows by default; "XY" also begins the years ("XYR2025")
        // and the types of records that are not units (meetings, decisions, people).
        for (const char* t : {"item", "paragraph", "table", "resolution", "question", "action"})
            if (db.term_exists(s::term(s::type_prefix, t))) types_.push_back(t);
    }

    // One question's kind and /api/search parameters.
    std::pair<std::string, std::string> next() {
        const int roll = pick(100);
        if (roll < 20) return {"common-word", "q=" + encode(any(common_))};
        if (roll < 40) return {"rare-word", "q=" + encode(any(rare_))};
        if (roll < 55) return {"two-words", "q=" + encode(words_of_a_unit(2, false))};
        if (roll < 67) return {"phrase", "q=" + encode("\"" + words_of_a_unit(2 + pick(2), true) + "\"")};
        if (roll < 75 && !committees_.empty())
            return {"word-committee", "q=" + encode(any(common_)) + "&committee=" + encode(any(committees_))};
        if (roll < 82 && !years_.empty()) return {"word-year", "q=" + encode(any(common_)) + "&year=" + any(years_)};
        if (roll < 87 && !types_.empty()) return {"word-type", "q=" + encode(any(rare_)) + "&type=" + any(types_)};
        if (roll < 94) return {"word-sorted", "q=" + encode(any(common_)) + "&sort=" + (pick(2) ? "newest" : "oldest")};
        return {"deep-page", "q=" + encode(any(common_)) + "&page=" + std::to_string(3 + pick(18))};
    }

private:
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
    const std::string& any(const std::vector<std::string>& v) { return v[std::size_t(pick(int(v.size())))]; }

    // Words that stand together in one unit's text: `adjacent` for a phrase, else any two.
    std::string words_of_a_unit(int n, bool adjacent) {
        const Xapian::docid last = db_.get_lastdocid();
        for (int attempt = 0; attempt < 50; ++attempt) {
            Xapian::Document doc;
            try {
                doc = db_.get_document(1 + Xapian::docid(pick(int(last))));
            } catch (const Xapian::DocNotFoundError&) {
                continue;
            }
            auto record = nlohmann::json::parse(doc.get_data(), nullptr, false);
            if (!record.is_object() || !record.contains("text") || !record["text"].is_string()) continue;
            // The words as they stand, short ones too, so that a phrase is one the text has.
            std::vector<std::string> words;
            std::istringstream in(record["text"].get<std::string>());
            for (std::string w; in >> w;) {
                std::string folded;
                for (char c : w)
                    if (std::isalpha(static_cast<unsigned char>(c))) folded += static_cast<char>(std::tolower(c));
                if (!folded.empty()) words.push_back(folded);
            }
            if (int(words.size()) < n + 2) continue;
            std::string out;
            if (adjacent) {
                const int at = pick(int(words.size()) - n + 1);
                for (int i = 0; i < n; ++i) out += (i ? " " : "") + words[std::size_t(at + i)];
            } else {
                std::vector<std::string> plain;
                for (const auto& w : words)
                    if (plain_word(w)) plain.push_back(w);
                if (plain.empty()) continue;
                for (int i = 0; i < n; ++i) out += (i ? " " : "") + any(plain);
            }
            return out;
        }
        return any(common_) + " " + any(rare_);
    }

    const Xapian::Database& db_;
    std::mt19937 rng_;
    std::vector<std::string> common_, rare_, committees_, years_, types_;
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"quorum-question-mix: distinct benchmark questions from an index's own vocabulary"};
    fs::path db_dir, out;
    int count = 2000;
    unsigned seed = 42;
    app.add_option("--db", db_dir, "Quorum index folder")->required();
    app.add_option("--count", count, "distinct questions to write")->check(CLI::PositiveNumber);
    app.add_option("--seed", seed, "random seed: the same seed and index give the same questions");
    app.add_option("--out", out, "questions file to write (bench/queries.txt format)")->required();
    CLI11_PARSE(app, argc, argv);
    try {
        Xapian::Database db(db_dir.string());
        Mixer mixer(db, seed);
        std::set<std::string> seen;
        std::ofstream file(out);
        file << "# Distinct questions drawn by quorum-question-mix from " << db_dir.string() << " (seed " << seed
             << "); bench/queries.txt format, no peer forms.\n";
        int written = 0;
        for (int attempt = 0; written < count && attempt < count * 20; ++attempt) {
            auto [kind, params] = mixer.next();
            if (!seen.insert(params).second) continue;
            ++written;
            file << "g" << written << '\t' << kind << '\t' << params << "\t-\t-\t-\trank\n";
        }
        if (!file) throw std::runtime_error("cannot write " + out.string());
        std::cerr << "quorum-question-mix: " << written << " distinct questions -> " << out.string()
                  << (written < count ? " (fewer than asked: the index's vocabulary is small)" : "") << "\n";
        return written > 0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "quorum-question-mix: " << e.what() << "\n";
        return 1;
    } catch (const Xapian::Error& e) {  // not a std::exception in Xapian 1.4
        std::cerr << "quorum-question-mix: " << e.get_description() << "\n";
        return 1;
    }
}
