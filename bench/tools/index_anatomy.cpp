// quorum-index-anatomy: where an index's bytes go (issue 14), to measure before changing
// the schema. Per unit type: documents, words (Xapian document length: each word counts
// for its unstemmed and its stemmed term), stored record bytes, (term, document) pairs and
// how many of those are boolean filter terms; per kind of other record (files, meetings,
// decisions, people, committees): documents and record bytes; and each table's file size.
//
//   quorum-index-anatomy --db DIR
#include <CLI/CLI.hpp>
#include <xapian.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>

#include "quorum/index/schema.hpp"

namespace fs = std::filesystem;
namespace s = quorum::index::schema;

namespace {

struct Tally {
    double docs = 0, words = 0, record_bytes = 0, value_bytes = 0, pairs = 0, boolean_pairs = 0;
};

// A boolean filter term: an upper-case prefix other than the stemmed ("Z") and title ("S") text.
bool boolean_term(const std::string& t) { return !t.empty() && t[0] >= 'A' && t[0] <= 'Y' && t[0] != 'S'; }

// The kind of a record that is not a unit, from its id term ("Qfile:...", "Qmeeting:...").
std::string record_kind(const Xapian::Document& doc) {
    const std::string q(s::id_prefix);
    auto t = doc.termlist_begin();
    t.skip_to(q);
    if (t == doc.termlist_end() || (*t).rfind(q, 0) != 0) return "(no id)";
    const std::string id = (*t).substr(q.size());
    const auto colon = id.find(':');
    return colon == std::string::npos ? "(other)" : id.substr(0, colon);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"quorum-index-anatomy: where an index's bytes go"};
    fs::path db_dir;
    app.add_option("--db", db_dir, "Quorum index folder")->required();
    CLI11_PARSE(app, argc, argv);
    try {
        Xapian::Database db(db_dir.string());
        std::map<std::string, Tally> units, others;
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            const Xapian::Document doc = db.get_document(*it);
            const std::string type = doc.get_value(s::type_slot);
            Tally& t = type.empty() ? others[record_kind(doc)] : units[type];
            t.docs += 1;
            t.words += it.get_doclength();
            t.record_bytes += static_cast<double>(doc.get_data().size());
            // Values too: a file's state document holds its documents' shared fields (slot 12).
            for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
                t.value_bytes += static_cast<double>((*v).size());
            for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
                t.pairs += 1;
                if (boolean_term(*term)) t.boolean_pairs += 1;
            }
        }
        auto print = [](const char* title, const std::map<std::string, Tally>& by) {
            Tally all;
            std::printf("%s\n%-12s %10s %12s %12s %12s %12s %12s\n", title, "", "documents", "words", "record MB",
                        "value MB", "term pairs", "boolean");
            for (const auto& [name, t] : by) {
                std::printf("%-12s %10.0f %12.0f %12.1f %12.1f %12.0f %12.0f\n", name.c_str(), t.docs, t.words,
                            t.record_bytes / 1e6, t.value_bytes / 1e6, t.pairs, t.boolean_pairs);
                all.docs += t.docs;
                all.words += t.words;
                all.record_bytes += t.record_bytes;
                all.value_bytes += t.value_bytes;
                all.pairs += t.pairs;
                all.boolean_pairs += t.boolean_pairs;
            }
            std::printf("%-12s %10.0f %12.0f %12.1f %12.1f %12.0f %12.0f\n\n", "all", all.docs, all.words,
                        all.record_bytes / 1e6, all.value_bytes / 1e6, all.pairs, all.boolean_pairs);
        };
        print("units by type (record MB before Xapian's compression)", units);
        print("other records by kind", others);
        std::printf("tables (MB on disk)\n");
        double total = 0;
        for (const auto& entry : fs::directory_iterator(db_dir))
            if (entry.path().extension() == ".glass") {
                const double mb = static_cast<double>(entry.file_size()) / 1e6;
                total += mb;
                std::printf("%-12s %10.1f\n", entry.path().stem().c_str(), mb);
            }
        std::printf("%-12s %10.1f\n", "all", total);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "quorum-index-anatomy: " << e.what() << "\n";
        return 1;
    } catch (const Xapian::Error& e) {
        std::cerr << "quorum-index-anatomy: " << e.get_description() << "\n";
        return 1;
    }
}
