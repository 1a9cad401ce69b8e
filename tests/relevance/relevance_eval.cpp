// quorum-relevance: judged questions over real archives -> MRR, recall@3 and recall@10 per
// search mode, for docs/RELEVANCE.md (scripts/relevance.sh runs it).
//
// Each question names its archive; each archive is one index, INDEX_ROOT/<archive>. A hit is
// right when its text contains one of the question's answer phrases after folding (lower
// case, letters and digits only), so a judgement survives re-cutting the units.
//
// Held-out questions are reported only in aggregate: tuning must never look at them one by
// one. `--list tune` prints each tuning question's rank per mode.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "quorum/query/searcher.hpp"

namespace {

struct Question {
    std::string id, split, words, asker, archive, text;
    std::vector<std::string> answers;  // folded phrases
};

// Lower case, every run of other characters one space; "'" joins ("members'" -> "members").
std::string fold(const std::string& s) {
    std::string out;
    bool space = true;
    for (unsigned char c : s) {
        if (c == '\'') continue;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out.push_back(static_cast<char>(c));
            space = false;
        } else if (c >= 'A' && c <= 'Z') {
            out.push_back(static_cast<char>(c - 'A' + 'a'));
            space = false;
        } else if (!space) {
            out.push_back(' ');
            space = true;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::vector<std::string> split(const std::string& s, const std::string& sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t end = s.find(sep, start);
        out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) return out;
        start = end + sep.size();
    }
}

std::vector<Question> read_questions(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<Question> out;
    std::string line;
    std::getline(in, line);  // header
    int n = 1;
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        auto f = split(line, "\t");
        if (f.size() < 7) throw std::runtime_error(path + ":" + std::to_string(n) + ": expected 8 tab-separated fields");
        Question q{f[0], f[1], f[2], f[3], f[4], f[5], {}};
        for (const auto& a : split(f[6], "||"))
            if (auto folded = fold(a); !folded.empty()) q.answers.push_back(folded);
        if (q.answers.empty()) throw std::runtime_error(path + ":" + std::to_string(n) + ": no answer phrase");
        out.push_back(std::move(q));
    }
    return out;
}

struct Outcome {
    int rank = 0;  // 1-based rank of the first right hit within `depth`, 0 = not found
    double ms = 0;
};

struct Totals {
    int n = 0, at3 = 0, at10 = 0;
    double rr = 0;
    void add(const Outcome& o) {
        ++n;
        if (o.rank > 0 && o.rank <= 3) ++at3;
        if (o.rank > 0 && o.rank <= 10) ++at10;
        if (o.rank > 0 && o.rank <= 10) rr += 1.0 / o.rank;
    }
};

constexpr int depth = 100;  // how deep a miss is looked for (to say "ranked 16th", not just "missed")

Outcome ask(quorum::query::Searcher& searcher, const Question& q, const std::string& mode) {
    quorum::query::SearchRequest request;
    request.q = q.text;
    request.per_page = depth;
    request.facets = false;
    request.snippets = false;
    request.mode = mode == "hybrid" ? quorum::query::Mode::hybrid : quorum::query::Mode::keyword;
    auto start = std::chrono::steady_clock::now();
    auto result = searcher.search(request);
    Outcome o;
    o.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    for (const auto& hit : result.hits) {
        auto record = nlohmann::json::parse(hit.record, nullptr, false);
        if (record.is_discarded() || !record.contains("text")) continue;
        std::string text = fold(record.value("text", std::string()) + " ");
        if (std::any_of(q.answers.begin(), q.answers.end(),
                        [&](const std::string& a) { return text.find(a) != std::string::npos; })) {
            o.rank = hit.rank;
            break;
        }
    }
    return o;
}

std::string pct(int k, int n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d/%d", k, n);
    return buf;
}

std::string fixed(double v, int digits) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Judged questions over real archives: MRR and recall per search mode"};
    std::vector<std::string> files;
    std::string index_root, list;
    std::vector<std::string> modes{"keyword", "hybrid"};
    app.add_option("questions", files, "question files (TSV: id split words asker archive question answers source)")
        ->required();
    app.add_option("--index-root", index_root, "folder holding one index per archive, named as the archive")
        ->required();
    app.add_option("--modes", modes, "search modes to compare")->delimiter(',');
    app.add_option("--list", list, "print each question's rank for this split (tune only: holdout is never listed)");
    CLI11_PARSE(app, argc, argv);
    if (!list.empty() && list != "tune") {
        std::cerr << "quorum-relevance: --list takes only 'tune': held-out questions are reported in aggregate\n";
        return 2;
    }
    try {
        std::vector<Question> questions;
        for (const auto& f : files) {
            auto more = read_questions(f);
            questions.insert(questions.end(), more.begin(), more.end());
        }
        std::map<std::string, std::unique_ptr<quorum::query::Searcher>> searchers;
        // results[mode][question index]
        std::map<std::string, std::vector<Outcome>> results;
        for (const auto& q : questions) {
            auto& s = searchers[q.archive];
            if (!s) s = std::make_unique<quorum::query::Searcher>(index_root + "/" + q.archive);
        }
        for (const auto& mode : modes)
            for (const auto& q : questions) results[mode].push_back(ask(*searchers[q.archive], q, mode));

        // Groups: split x (all | archive | words style).
        auto report = [&](const std::string& title, auto&& keep) {
            std::cout << "\n### " << title << "\n\n| questions | mode | MRR@10 | recall@3 | recall@10 | p50 ms |\n"
                      << "|---|---|---|---|---|---|\n";
            for (const auto& mode : modes) {
                Totals t;
                std::vector<double> ms;
                for (std::size_t i = 0; i < questions.size(); ++i)
                    if (keep(questions[i])) {
                        t.add(results[mode][i]);
                        ms.push_back(results[mode][i].ms);
                    }
                if (t.n == 0) continue;
                std::sort(ms.begin(), ms.end());
                std::cout << "| " << t.n << " | " << mode << " | " << fixed(t.rr / t.n, 2) << " | " << pct(t.at3, t.n)
                          << " | " << pct(t.at10, t.n) << " | " << fixed(ms[ms.size() / 2], 1) << " |\n";
            }
        };
        std::set<std::string> archives;
        for (const auto& q : questions) archives.insert(q.archive);
        for (const std::string split : {"holdout", "tune"}) {
            std::cout << "\n## " << (split == "holdout" ? "Held-out questions" : "Tuning questions") << "\n";
            report("all " + split, [&](const Question& q) { return q.split == split; });
            report("other words than the text",
                   [&](const Question& q) { return q.split == split && q.words == "other"; });
            report("the text's own words", [&](const Question& q) { return q.split == split && q.words == "same"; });
            for (const auto& a : archives)
                report(a, [&](const Question& q) { return q.split == split && q.archive == a; });
            // "Loses nothing that keyword answers": questions keyword answers within 10, and
            // how many of them each other mode still answers within 10 (and within 3).
            if (std::find(modes.begin(), modes.end(), "keyword") != modes.end()) {
                for (const auto& mode : modes) {
                    if (mode == "keyword") continue;
                    int kw10 = 0, kept10 = 0, kw3 = 0, kept3 = 0;
                    for (std::size_t i = 0; i < questions.size(); ++i) {
                        if (questions[i].split != split) continue;
                        int k = results["keyword"][i].rank, h = results[mode][i].rank;
                        if (k > 0 && k <= 10) {
                            ++kw10;
                            kept10 += h > 0 && h <= 10;
                        }
                        if (k > 0 && k <= 3) {
                            ++kw3;
                            kept3 += h > 0 && h <= 3;
                        }
                    }
                    std::cout << "\nOf the " << kw10 << " " << split << " questions keyword answers within 10, "
                              << mode << " answers " << kept10 << " within 10; of the " << kw3
                              << " it answers within 3, " << mode << " answers " << kept3 << " within 3.\n";
                }
            }
        }
        if (list == "tune") {
            std::cout << "\n## Each tuning question (rank of the first right hit; - = not in the top " << depth
                      << ")\n\n| id | words | question |";
            for (const auto& mode : modes) std::cout << ' ' << mode << " |";
            std::cout << "\n|---|---|---|" << std::string(modes.size() * 4, '-') << "\n";
            for (std::size_t i = 0; i < questions.size(); ++i) {
                if (questions[i].split != "tune") continue;
                std::cout << "| " << questions[i].id << " | " << questions[i].words << " | " << questions[i].text << " |";
                for (const auto& mode : modes) {
                    int r = results[mode][i].rank;
                    std::cout << ' ' << (r ? std::to_string(r) : "-") << " |";
                }
                std::cout << "\n";
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "quorum-relevance: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
