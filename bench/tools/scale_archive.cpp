// quorum-scale: writes a deterministic council archive of a chosen size from seed
// documents, or exports an archive's paragraphs for the peer engines.
//
//   quorum-scale --samples corpus/samples [--corpus DIR]... --size-mb 100 --out DIR [--seed 42]
//   quorum-scale --export-units DIR --tsv units.tsv --usv units.usv
//
// Prints a manifest (key=value lines) on stdout: documents, bytes, tokens, vocabulary
// and the Heaps' law fit of the vocabulary growth.
#include "scale/lexicon.hpp"
#include "scale/rewriter.hpp"
#include "scale/rng.hpp"
#include "scale/unit_export.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unordered_set>

namespace fs = std::filesystem;
using namespace quorum::bench;

namespace {

constexpr std::array committee_names{"Cabinet",
                                     "Full Council",
                                     "Planning Committee",
                                     "Licensing Committee",
                                     "Audit and Governance Committee",
                                     "Children and Young People Scrutiny Committee",
                                     "Adults and Wellbeing Scrutiny Committee",
                                     "Health and Wellbeing Board",
                                     "Environment and Sustainability Scrutiny Committee",
                                     "Employment Panel",
                                     "Scrutiny Management Board",
                                     "Corporate Parenting Panel",
                                     "Pensions Committee",
                                     "Schools Forum",
                                     "Standards Committee",
                                     "Housing Scrutiny Committee",
                                     "Economy and Place Scrutiny Committee",
                                     "Transport and Highways Committee",
                                     "Resources Scrutiny Committee",
                                     "Community Safety Partnership Board"};
constexpr std::array council_types{
    "County Council", "District Council", "Borough Council", "City Council", "Metropolitan Borough Council", "Council"};
constexpr std::array first_names{"Helen",   "David",    "Sarah",   "James",  "Mohammed", "Emma",   "Paul",    "Priya",
                                 "John",    "Rachel",   "Andrew",  "Fatima", "Peter",    "Claire", "Michael", "Aisha",
                                 "Robert",  "Jane",     "Stephen", "Lucy",   "Mark",     "Hannah", "Ian",     "Chloe",
                                 "Gareth",  "Rhiannon", "Tom",     "Nadia",  "Simon",    "Karen",  "Oliver",  "Grace",
                                 "Richard", "Ruth",     "Daniel",  "Joanne", "Sean",     "Amelia", "Chris",   "Bethan"};
constexpr std::array common_surnames{"Smith",  "Jones", "Taylor", "Brown",   "Williams", "Wilson", "Evans",
                                     "Thomas", "Khan",  "Patel",  "Roberts", "Walker",   "Wright", "Hughes"};

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<Seed> load_seeds(const fs::path& dir, bool bundled) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        const auto& p = e.path();
        const auto name = p.filename().string();
        if (!e.is_regular_file() || name == "SOURCE.md" || name == "README.md") continue;
        if (p.extension() != ".txt" && p.extension() != ".md") continue;
        if (e.file_size() < 200 || e.file_size() > 4'000'000) continue;
        files.push_back(p);
    }
    std::sort(files.begin(), files.end());  // directory order differs between machines
    std::vector<Seed> seeds;
    for (const auto& p : files) seeds.push_back(analyse_seed(p, read_file(p), bundled));
    return seeds;
}

Council make_council(WordMaker& maker, Rng& rng) {
    Council c;
    c.place = maker.place();
    c.town = maker.place();
    c.name = c.place + " " + rng.pick(council_types);
    for (int i = 0; i < 60; ++i) {
        const std::string surname = rng.chance(0.3) ? std::string(rng.pick(common_surnames)) : maker.surname();
        c.people.push_back(std::string(rng.pick(first_names)) + " " + surname);
    }
    std::vector<std::string> all(committee_names.begin(), committee_names.end());
    for (int i = 0; i < 8 && !all.empty(); ++i) {
        const auto k = rng.below(all.size());
        c.committees.push_back(all[k]);
        all.erase(all.begin() + static_cast<long>(k));
    }
    return c;
}

Council herefordshire() {
    Council c;
    c.name = "Herefordshire Council";
    c.place = "Herefordshire";
    c.town = "Hereford";
    c.identity = true;
    c.people = {"Phillip Howells", "Jennie Hewitt", "Helen I'Anson", "Mike Jones",
                "David Summers",   "Toni Fagan",    "Jim Kenyon",    "Graham Andrews"};
    c.committees = {"Children and Young People Scrutiny Committee",
                    "Cabinet",
                    "Planning Committee",
                    "Audit and Governance Committee",
                    "Adults and Wellbeing Scrutiny Committee",
                    "Full Council"};
    return c;
}

std::string shifted_date(const Seed& seed, int delta, int new_year, Rng& rng) {
    char buf[16];
    if (seed.main_date.size() == 10) {
        int y = std::stoi(seed.main_date.substr(0, 4)) + delta;
        int m = std::stoi(seed.main_date.substr(5, 2));
        int d = std::stoi(seed.main_date.substr(8, 2));
        if (m == 2 && d == 29) d = 28;
        if (m < 1 || m > 12 || d < 1 || d > 31) m = 1, d = 15;
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    } else {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", new_year, 1 + static_cast<int>(rng.below(12)),
                      1 + static_cast<int>(rng.below(28)));
    }
    return buf;
}

// Distinct lowercase word forms, sampled at growing token counts, to check Heaps' law.
class VocabularyMeter {
public:
    void add(const std::string& text) {
        std::string w;
        for (char ch : text) {
            const auto c = static_cast<unsigned char>(ch);
            if (std::isalnum(c) || c >= 0x80)
                w += static_cast<char>(std::tolower(c));
            else if (!w.empty())
                take(w);
        }
        if (!w.empty()) take(w);
    }
    std::uint64_t tokens = 0;
    std::unordered_set<std::string> forms;
    std::vector<std::pair<double, double>> points;  // (tokens, forms)

private:
    void take(std::string& w) {
        forms.insert(w);
        w.clear();
        if (++tokens >= next_) {
            points.emplace_back(static_cast<double>(tokens), static_cast<double>(forms.size()));
            next_ = next_ * 3 / 2;
        }
    }
    std::uint64_t next_ = 10'000;
};

// Least squares on log V = log K + beta log n.
std::pair<double, double> fit_heaps(const std::vector<std::pair<double, double>>& points) {
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (auto [t, v] : points) {
        const double x = std::log(t), y = std::log(v);
        n += 1, sx += x, sy += y, sxx += x * x, sxy += x * y;
    }
    if (n < 2) return {0, 0};
    const double beta = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    return {std::exp((sy - beta * sx) / n), beta};
}

int scale(const fs::path& samples, const std::vector<fs::path>& corpora, const fs::path& out, double size_mb,
          std::uint64_t seed, double heaps_k, double heaps_beta, double injection_rate, double corpus_weight,
          bool sidecars, double mb_per_council) {
    std::vector<Seed> bundled = load_seeds(samples, true), others;
    for (const auto& dir : corpora)
        if (fs::exists(dir))
            for (auto& s : load_seeds(dir, false)) others.push_back(std::move(s));
    if (bundled.empty()) {
        std::cerr << "quorum-scale: no .txt/.md seed documents in " << samples << ": pass --samples corpus/samples\n";
        return 2;
    }
    fs::create_directories(out);
    if (!fs::is_empty(out)) {
        std::cerr << "quorum-scale: " << out << " is not empty: give a new or empty folder\n";
        return 2;
    }
    Rng rng(seed);
    WordMaker maker(seed * 31 + 7);
    HeapsLexicon lexicon(seed * 17 + 3, heaps_k, heaps_beta);
    Rewriter rewriter(lexicon, rng, injection_rate);
    std::vector<Council> councils{herefordshire()};
    VocabularyMeter vocab;
    std::unordered_set<std::uint64_t> seen;
    const auto target = static_cast<std::uint64_t>(size_mb * 1'000'000);
    std::uint64_t bytes = 0, documents = 0, duplicates = 0;
    std::unordered_set<std::string> committees_used;

    while (bytes < target) {
        while (static_cast<double>(bytes) >= static_cast<double>(councils.size()) * mb_per_council * 1e6)
            councils.push_back(make_council(maker, rng));
        const bool from_corpus = !others.empty() && rng.chance(corpus_weight);
        const Seed& s = from_corpus ? rng.pick(others) : rng.pick(bundled);
        DocPlan plan;
        plan.council = &councils[rng.below(councils.size())];
        plan.committee = rng.pick(plan.council->committees);
        const int new_year = 2001 + static_cast<int>(rng.below(25));
        plan.year_delta = s.main_year ? new_year - s.main_year : 0;
        plan.figure_factor = 0.6 + rng.unit() * 1.2;
        char ref[64];
        std::snprintf(ref, sizeof ref, "%s/%06llu", slug(plan.council->place).c_str(),
                      static_cast<unsigned long long>(documents + 1));
        plan.reference = ref;
        std::string text = rewriter.rewrite(s, plan, vocab.tokens);
        if (!seen.insert(stable_hash(text)).second) {  // the reference line makes this rare
            ++duplicates;
            continue;
        }
        const std::string date = shifted_date(s, plan.year_delta, new_year, rng);
        const fs::path dir = out / slug(plan.council->name) / slug(plan.committee) / date.substr(0, 4);
        fs::create_directories(dir);
        char name[64];
        std::snprintf(name, sizeof name, "%s_%06llu%s", date.c_str(), static_cast<unsigned long long>(documents + 1),
                      s.ext.c_str());
        const fs::path file = dir / name;
        std::ofstream(file, std::ios::binary) << text;
        if (sidecars) {
            nlohmann::json meta{{"council", plan.council->name},
                                {"kind", s.kind},
                                {"url", "https://example.org/" + slug(plan.council->place) + "/" + name}};
            // An agenda pack holds documents of several meetings: they carry their own dates.
            if (s.kind != "agenda-pack") {
                meta["committee"] = plan.committee;
                meta["date"] = date;
            }
            std::ofstream(file.string() + ".meta.json", std::ios::binary) << meta.dump(2) << '\n';
        }
        vocab.add(text);
        committees_used.insert(slug(plan.committee));
        bytes += text.size();
        ++documents;
    }
    const auto [k, beta] = fit_heaps(vocab.points);
    std::cout << "seed=" << seed << "\nsize_mb_target=" << size_mb << "\nbytes=" << bytes << "\ndocuments=" << documents
              << "\nseed_documents=" << bundled.size() + others.size() << "\ncouncils=" << councils.size()
              << "\ncommittees=" << committees_used.size() << "\ntokens=" << vocab.tokens
              << "\nvocabulary=" << vocab.forms.size() << "\ninjected_forms=" << lexicon.size() << "\nheaps_k_fit=" << k
              << "\nheaps_beta_fit=" << beta << "\nduplicates_rejected=" << duplicates << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"quorum-scale: deterministic council archives of a chosen size, and unit export for peers"};
    fs::path samples, out, export_dir, tsv, usv;
    std::vector<fs::path> corpora;
    double size_mb = 10, heaps_k = 40, heaps_beta = 0.5, injection_rate = 0.35, corpus_weight = 0.6, mb_per_council = 4;
    std::uint64_t seed = 42;
    bool no_sidecars = false;
    app.add_option("--samples", samples, "bundled sample archive (corpus/samples)");
    app.add_option("--corpus", corpora, "more seed folders (.txt/.md), used when they exist");
    app.add_option("--out", out, "new or empty folder to write the archive into");
    app.add_option("--size-mb", size_mb, "megabytes of text to write (10^6 bytes)")->check(CLI::PositiveNumber);
    app.add_option("--seed", seed, "random seed: the same seed writes the same archive");
    app.add_option("--heaps-k", heaps_k, "Heaps' law K for injected word forms");
    app.add_option("--heaps-beta", heaps_beta, "Heaps' law beta for injected word forms")->check(CLI::Range(0.0, 1.0));
    app.add_option("--injection-rate", injection_rate, "share of prose lines that get a sentence with new forms")
        ->check(CLI::Range(0.0, 1.0));
    app.add_option("--corpus-weight", corpus_weight, "share of documents drawn from --corpus seeds")
        ->check(CLI::Range(0.0, 1.0));
    app.add_option("--mb-per-council", mb_per_council, "a new council appears every this many MB")
        ->check(CLI::PositiveNumber);
    app.add_flag("--no-sidecars", no_sidecars, "write no NAME.meta.json sidecars");
    app.add_option("--export-units", export_dir, "export this archive's paragraphs for the peers instead");
    app.add_option("--tsv", tsv, "with --export-units: PostgreSQL COPY file");
    app.add_option("--usv", usv, "with --export-units: sqlite3 .mode ascii file");
    CLI11_PARSE(app, argc, argv);
    try {
        if (!export_dir.empty()) {
            if (tsv.empty() || usv.empty()) {
                std::cerr << "quorum-scale: --export-units needs --tsv FILE and --usv FILE\n";
                return 2;
            }
            const auto s = export_units(export_dir, tsv, usv);
            std::cout << "documents=" << s.documents << "\nunits=" << s.units << "\nbytes=" << s.bytes << "\n";
            return 0;
        }
        if (samples.empty() || out.empty()) {
            std::cerr << "quorum-scale: give --samples DIR and --out DIR (or --export-units)\n";
            return 2;
        }
        return scale(samples, corpora, out, size_mb, seed, heaps_k, heaps_beta, injection_rate, corpus_weight,
                     !no_sidecars, mb_per_council);
    } catch (const std::exception& e) {
        std::cerr << "quorum-scale: " << e.what() << "\n";
        return 1;
    }
}
