// quorum-query-bench: runs the fixed questions of bench/queries.txt in process through
// the query library (facets and snippets on, as the server asks) and prints latency
// percentiles over many repetitions.
//
//   quorum-query-bench --db DIR --queries bench/queries.txt [--repeat 200] [--per-query FILE]
#include "quorum/query/searcher.hpp"

#include <xapian.h>

#include "quorum/index/schema.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using quorum::query::SearchRequest;

namespace {

struct Question {
    std::string id, kind, params;
    SearchRequest request;
};

std::string url_decode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+')
            out += ' ';
        else if (s[i] == '%' && i + 2 < s.size()) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else
            out += s[i];
    }
    return out;
}

// The same query string the HTTP benchmark sends to /api/search.
SearchRequest parse_params(const std::string& params) {
    SearchRequest r;
    std::istringstream in(params);
    std::string pair;
    while (std::getline(in, pair, '&')) {
        const auto eq = pair.find('=');
        if (eq == std::string::npos) continue;
        const std::string key = pair.substr(0, eq), value = url_decode(pair.substr(eq + 1));
        if (key == "q")
            r.q = value;
        else if (key == "committee")
            r.committee.push_back(value);
        else if (key == "person")
            r.person.push_back(value);
        else if (key == "topic")
            r.topic.push_back(value);
        else if (key == "type")
            r.type.push_back(value);
        else if (key == "year")
            r.year.push_back(value);
        else if (key == "from")
            r.from = value;
        else if (key == "to")
            r.to = value;
        else if (key == "page")
            r.page = std::stoi(value);
        else if (key == "per_page")
            r.per_page = std::stoi(value);
        else if (key == "sort")
            r.sort = value == "newest"   ? quorum::query::Sort::newest
                     : value == "oldest" ? quorum::query::Sort::oldest
                                         : quorum::query::Sort::relevance;
        else
            throw std::invalid_argument("unknown parameter '" + key + "' in queries file: fix the line");
    }
    return r;
}

std::vector<Question> load_questions(const fs::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file.string() + ": check the path");
    std::vector<Question> qs;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        std::istringstream l(line);
        std::string c;
        while (std::getline(l, c, '\t')) cols.push_back(c);
        if (cols.size() < 3) throw std::runtime_error("queries line needs id, kind, params: " + line);
        qs.push_back({cols[0], cols[1], cols[2], parse_params(cols[2])});
    }
    return qs;
}

// The floor (issue 14): bare libxapian on the same index and questions. It parses the
// words as Xapian's QueryParser does by default (English stems, AND), keeps to units and
// the request's filters, sorts by date when asked, and reads the page's stored records, as
// any answer must; no facets, snippets, collapsing of copies, expansion or reading back.
class BareXapian {
public:
    explicit BareXapian(const fs::path& db) : db_(db.string()) {
        parser_.set_database(db_);
        parser_.set_stemmer(Xapian::Stem("en"));
        parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser_.set_default_op(Xapian::Query::OP_AND);
    }

    // Returns how many hits the page has.
    std::size_t search(const SearchRequest& r) {
        namespace s = quorum::index::schema;
        std::vector<Xapian::Query> filters{Xapian::Query(std::string(s::unit_marker))};
        auto any_of = [&](std::string_view prefix, const std::vector<std::string>& values) {
            if (values.empty()) return;
            std::vector<Xapian::Query> terms;
            for (const auto& v : values) terms.emplace_back(s::term(prefix, v));
            filters.emplace_back(Xapian::Query::OP_OR, terms.begin(), terms.end());
        };
        any_of(s::committee_prefix, r.committee);
        any_of(s::person_prefix, r.person);
        any_of(s::topic_prefix, r.topic);
        any_of(s::type_prefix, r.type);
        any_of(s::year_prefix, r.year);
        if (!r.from.empty() || !r.to.empty()) {
            auto digits = [](std::string d) {
                std::erase(d, '-');
                return d;
            };
            filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, s::date_slot, r.from.empty() ? "0" : digits(r.from),
                                 r.to.empty() ? "99999999" : digits(r.to));
        }
        const Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
        Xapian::Enquire enquire(db_);
        if (r.q.empty()) {
            enquire.set_query(filter);
        } else {
            enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, parser_.parse_query(r.q), filter));
        }
        if (r.sort != quorum::query::Sort::relevance)
            enquire.set_sort_by_value_then_relevance(s::date_slot, r.sort == quorum::query::Sort::newest);
        const auto mset =
            enquire.get_mset(Xapian::doccount(r.page - 1) * Xapian::doccount(r.per_page), Xapian::doccount(r.per_page));
        std::size_t hits = 0;
        for (auto it = mset.begin(); it != mset.end(); ++it) hits += it.get_document().get_data().empty() ? 0 : 1;
        return hits;
    }

private:
    Xapian::Database db_;
    Xapian::QueryParser parser_;
};

// CPU time of this thread: unlike wall time, it does not grow when other processes
// compete for the cores, so it shows the cost of a query on a busy machine.
double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double rank = p / 100.0 * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(rank));
    const auto hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (rank - static_cast<double>(lo));
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"quorum-query-bench: in-process query latency over bench/queries.txt"};
    fs::path db, queries, per_query;
    int repeat = 100;
    bool no_facets = false, no_snippets = false, count = false;
    std::string only;
    fs::path dump;
    app.add_option("--db", db, "Quorum index folder")->required();
    app.add_option("--queries", queries, "questions file (bench/queries.txt)");
    app.add_flag("--count", count, "print the number of units in the index and stop");
    app.add_option("--repeat", repeat, "rounds over all questions")->check(CLI::PositiveNumber);
    app.add_option("--per-query", per_query, "write per-question p50/p99 and hit totals (TSV) here");
    app.add_option("--only", only, "run only the questions of this kind or id (for profiling)");
    app.add_option("--dump", dump, "write each question's total, hit ids and facet counts here (to compare builds)");
    app.add_flag("--no-facets", no_facets, "do not count facets");
    std::string mode = "hybrid";
    app.add_option("--mode", mode, "search mode: hybrid (the default) or keyword")
        ->check(CLI::IsMember({"hybrid", "keyword"}));
    app.add_flag("--no-snippets", no_snippets, "do not make snippets");
    bool floor = false, cold = false;
    app.add_flag("--cold", cold,
                 "no warm-up round: time each question's first asking (with distinct questions and --repeat 1, "
                 "nothing it needs was read for an earlier one)");
    app.add_flag("--floor", floor,
                 "bare libxapian on the same index and questions (parse, match, read the page's records): the floor");
    CLI11_PARSE(app, argc, argv);
    try {
        if (count) {
            quorum::query::Searcher searcher(db);
            std::cout << "units=" << searcher.unit_count() << "\n";
            return 0;
        }
        if (queries.empty()) throw std::invalid_argument("--queries FILE is needed (bench/queries.txt)");
        if (cold && !dump.empty())
            throw std::invalid_argument("--dump is written by the warm-up round, which --cold leaves out: give one");
        auto questions = load_questions(queries);
        if (!only.empty()) std::erase_if(questions, [&](const Question& q) { return q.kind != only && q.id != only; });
        for (auto& q : questions) {
            q.request.facets = !no_facets;
            q.request.mode = mode == "keyword" ? quorum::query::Mode::keyword : quorum::query::Mode::hybrid;
            q.request.snippets = !no_snippets;
        }
        quorum::query::Searcher searcher(db);
        std::unique_ptr<BareXapian> bare;
        if (floor) bare = std::make_unique<BareXapian>(db);
        std::vector<std::uint64_t> totals;
        std::ofstream dump_out;
        if (!dump.empty()) dump_out.open(dump);
        for (auto& q : questions) {  // warm the caches
            if (cold) break;
            if (bare) {
                totals.push_back(bare->search(q.request));
                continue;
            }
            const auto result = searcher.search(q.request);
            totals.push_back(result.total);
            if (!dump_out.is_open()) continue;
            dump_out << q.id << " total=" << result.total << (result.total_exact ? "" : "~")
                     << (result.facets_exact ? "" : " facets~") << "\n  parsed: " << result.parsed << "\n  hits:";
            for (const auto& h : result.hits) dump_out << ' ' << h.id << '[' << h.also_in.size() << ']';
            dump_out << "\n";
            for (const auto& h : result.hits) dump_out << "  snippet: " << h.snippet << "\n";
            for (const auto& [name, values] : result.facets) {
                dump_out << "  " << name << ':';
                for (const auto& v : values) dump_out << ' ' << v.id << '=' << v.count;
                dump_out << "\n";
            }
        }
        std::vector<std::vector<double>> times(questions.size()), cpu_times(questions.size());
        std::vector<double> all, cpu;
        using clock = std::chrono::steady_clock;
        const auto start = clock::now();
        for (int r = 0; r < repeat; ++r) {
            for (std::size_t i = 0; i < questions.size(); ++i) {
                const double c0 = thread_cpu_ms();
                const auto t0 = clock::now();
                std::size_t hits = 0;
                std::uint64_t total = 0;
                if (bare) {
                    hits = total = bare->search(questions[i].request);
                } else {
                    const auto result = searcher.search(questions[i].request);
                    hits = result.hits.size();
                    total = result.total;
                }
                if (cold && r == 0) totals.push_back(total);
                const double ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
                cpu.push_back(thread_cpu_ms() - c0);
                cpu_times[i].push_back(cpu.back());
                times[i].push_back(ms);
                all.push_back(ms);
                if (hits > 100000) std::cerr << "";  // keep the result alive
            }
        }
        const double seconds = std::chrono::duration<double>(clock::now() - start).count();
        if (!per_query.empty()) {
            std::ofstream out(per_query);
            out << "id\tkind\tp50_ms\tp99_ms\tcpu_p50_ms\ttotal\tparams\n";
            for (std::size_t i = 0; i < questions.size(); ++i)
                out << questions[i].id << '\t' << questions[i].kind << '\t' << percentile(times[i], 50) << '\t'
                    << percentile(times[i], 99) << '\t' << percentile(cpu_times[i], 50) << '\t' << totals[i] << '\t'
                    << questions[i].params << '\n';
        }
        std::uint64_t empty = 0;
        for (auto t : totals) empty += t == 0;
        double sum = 0;
        for (double t : all) sum += t;
        std::cout << "units=" << searcher.unit_count() << "\nquestions=" << questions.size()
                  << "\nquestions_without_hits=" << empty << "\ncalls=" << all.size()
                  << "\nqps_one_thread=" << static_cast<double>(all.size()) / seconds
                  << "\nmean_ms=" << sum / static_cast<double>(all.size()) << "\np50_ms=" << percentile(all, 50)
                  << "\np95_ms=" << percentile(all, 95) << "\np99_ms=" << percentile(all, 99)
                  << "\nmax_ms=" << percentile(all, 100) << "\ncpu_p50_ms=" << percentile(cpu, 50)
                  << "\ncpu_p99_ms=" << percentile(cpu, 99) << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "quorum-query-bench: " << e.what() << "\n";
        return 1;
    } catch (const Xapian::Error& e) {  // not a std::exception in Xapian 1.4
        std::cerr << "quorum-query-bench: " << e.get_description() << "\n";
        return 1;
    }
}
