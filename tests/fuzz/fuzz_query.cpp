// libFuzzer target: the query builder. The input is a search's query string ("q=...&mode=
// keyword&committee=..."): it is parsed as the server parses it (parse_search_params), and
// a valid request is built into a Xapian query by QueryBuilder, as the searcher does (AND
// first, then OR when the AND may be relaxed), and run against a small index of the sample
// archive built once at start-up. A request the builder refuses must be refused with
// std::invalid_argument (answered 400); any other exception, a crash or a sanitizer
// report is a defect.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include <httplib.h>
#include <xapian.h>

#include "index_cache.hpp"
#include "params.hpp"
#include "query_builder.hpp"
#include "quorum/index/index_run.hpp"

namespace fs = std::filesystem;

namespace {

struct Index {
    fs::path dir;
    Xapian::Database db;
    quorum::query::IndexCache cache;
    std::unique_ptr<quorum::query::QueryBuilder> builder;

    Index() {
        char templ[] = "/tmp/quorum-fuzz-query-XXXXXX";
        if (mkdtemp(templ) == nullptr) std::abort();
        dir = templ;
        quorum::index::RunOptions options;
        options.db = dir / "db";
        options.inputs = {QUORUM_SAMPLES_DIR};
        options.threads = 1;
        options.as_of = "2025-01-01";
        (void)quorum::index::run_index(options);
        db = Xapian::Database((dir / "db").string());
        cache.load(db);
        builder = std::make_unique<quorum::query::QueryBuilder>(db, cache);
    }
    ~Index() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

Index* index_ = nullptr;

void run(const quorum::query::BuiltQuery& built) {
    Xapian::Enquire enquire(index_->db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, built.match, built.filter));
    (void)enquire.get_mset(0, 10);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    static Index index;
    index_ = &index;
    std::fprintf(stderr, "fuzz_query: index of the samples with %u units\n", index.db.get_doccount());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace quorum;
    const std::string query(reinterpret_cast<const char*>(data), size);
    server::QueryParams params;
    httplib::detail::parse_query_text(query, params);
    server::SearchParams p;
    try {
        p = server::parse_search_params(params);
    } catch (const std::invalid_argument&) {
        return -1;  // a 400 before the builder: not worth keeping in the corpus
    }
    try {
        query::BuiltQuery built = index_->builder->build(p.request, Xapian::Query::OP_AND);
        run(built);
        if (built.relaxable) run(index_->builder->build(p.request, Xapian::Query::OP_OR));
    } catch (const std::invalid_argument&) {
        // too long, too wild, "like" with q, an unknown "like" id: a 400
    }
    return 0;
}
