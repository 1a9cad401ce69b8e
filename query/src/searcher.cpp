#include "quorum/query/searcher.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string_view>

#include <xapian.h>

#include "document_records.hpp"
#include "facets.hpp"
#include "index_cache.hpp"
#include "query_builder.hpp"
#include "record_scanner.hpp"
#include "quorum/index/schema.hpp"
#include "quorum/index/text_fold.hpp"
#include "quorum/index/vocabulary.hpp"
#include "snippets.hpp"
#include "table_check.hpp"

namespace quorum::query {

namespace s = quorum::index::schema;

namespace {

constexpr double match_time_limit = 0.5;  // seconds; bounds a runaway query (see DESIGN.md)
constexpr int max_per_page = 10000;
constexpr int max_first_hit = 1000000;
constexpr std::size_t max_also_in = 20;
// Facet counting: every match is counted when Xapian's upper bound on the match set is at
// most exact_count_limit (or a sample shows at most recount_limit); larger sets are
// estimated from a sample of about sample_target matches (docs/bench/query-hotpath-2026-11-24.md has the measurements
// behind both).
constexpr Xapian::doccount exact_count_limit = 5000;
constexpr Xapian::doccount sample_target = 2000;
// A sample showing at most this many matches (scaled) is thrown away for an exact count.
constexpr Xapian::doccount recount_limit = 2000;
// A sample with fewer matches is too thin for facet counts: it is taken again, denser.
constexpr Xapian::doccount min_sample = 1000;

std::string id_of(const Xapian::Document& doc) {
    auto t = doc.termlist_begin();
    t.skip_to(std::string(s::id_prefix));
    if (t == doc.termlist_end() || (*t).rfind(s::id_prefix, 0) != 0) return {};
    return (*t).substr(s::id_prefix.size());
}

}  // namespace

struct Searcher::Impl {
    std::filesystem::path path;
    Xapian::Database db;
    IndexCache cache;
    DocumentRecords documents;  // the fields units share with their document, joined to hits
    std::unique_ptr<QueryBuilder> builder;

    explicit Impl(const std::filesystem::path& p) : path(p) {
        try {
            db = Xapian::Database(p.string());
        } catch (const Xapian::DatabaseCorruptError& e) {
            throw IndexUnavailable("the index is damaged: " + describe_without_path(e, p.string()), true);
        } catch (const Xapian::Error& e) {
            throw std::runtime_error("cannot open the index " + p.string() + ": " + e.get_description() +
                                     "; build it first with quorum-index --db " + p.string() + " INPUT...");
        }
        cache.remote_shards = has_remote_shards(p);  // remote shards run stock facet spies only
        with_retry([this] { reload(); });            // a damaged table read here is IndexUnavailable too
    }

    void reload() {
        cache.load(db);
        documents.clear();
        builder = std::make_unique<QueryBuilder>(db, cache);
    }

    // Runs `body`, reopening the database and retrying once when a writer's commit has
    // overwritten the revision being read.
    template <class F>
    auto with_retry(F&& body) -> decltype(body()) {
        try {
            try {
                return body();
            } catch (const Xapian::DatabaseModifiedError&) {
                db.reopen();
                reload();
                return body();
            }
        } catch (const Xapian::DatabaseModifiedError& e) {
            throw IndexUnavailable(
                "the index changed twice while it was read: " + describe_without_path(e, path.string()), false);
        } catch (const Xapian::DatabaseOpeningError& e) {  // files replaced or gone, or no descriptor left
            throw IndexUnavailable("the index could not be opened: " + describe_without_path(e, path.string()), false);
        } catch (const Xapian::DatabaseError& e) {  // corrupt or unreadable tables
            throw IndexUnavailable("the index cannot be read: " + describe_without_path(e, path.string()), true);
        } catch (const Xapian::Error& e) {
            throw std::runtime_error("search failed: " + e.get_description());
        }
    }

    std::vector<std::string> also_in(const std::string& key, Xapian::docid self, const FacetTable* table) {
        std::vector<std::string> out;
        if (key.empty()) return out;
        if (table != nullptr && self <= table->last_docid && self < table->collapse.size()) {
            // Most units have no duplicate: the table says so without an index lookup.
            std::uint32_t code = table->collapse[self];
            if (code != 0 && code < table->collapse_sizes.size() && table->collapse_sizes[code] < 2) return out;
        }
        std::string term = s::term(s::duplicate_prefix, key);
        if (db.get_termfreq(term) < 2) return out;
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && out.size() < max_also_in; ++it)
            if (*it != self) out.push_back(id_of(db.get_document(*it)));
        return out;
    }

    // Facet counts and the total of `query` from a separate unranked pass (BoolWeight, no
    // collapsing, so Xapian does no weighting or sorting): exact when the match set is small,
    // else estimated from a pseudo-random sample of docids (SamplePostingSource) and flagged.
    void count(const Xapian::Query& query, const Xapian::MSet& page, SearchResult& result) {
        std::shared_ptr<const FacetTable> table = cache.facet_table();
        auto pass = [&](const Xapian::Query& q, FacetCounter::Copies copies) {
            Xapian::Enquire counting(db);
            counting.set_query(q);
            counting.set_weighting_scheme(Xapian::BoolWeight());
            counting.set_docid_order(Xapian::Enquire::DONT_CARE);
            counting.set_time_limit(match_time_limit);
            auto counter = std::make_unique<FacetCounter>(table, copies);
            counting.add_matchspy(counter.get());
            (void)counting.get_mset(0, 1, db.get_doccount());
            return counter;
        };
        std::unique_ptr<FacetCounter> counter;
        Xapian::doccount stride = 1;
        if (page.get_matches_upper_bound() > exact_count_limit) {
            // The stride comes from Xapian's upper bound, not its estimate: the estimate of
            // a phrase or AND can be far too low, and a stride too small for the real set
            // makes the sample as costly as counting everything. A sample that turns out
            // too thin is taken again, denser (at most twice).
            stride = std::max<Xapian::doccount>(2, page.get_matches_upper_bound() / sample_target);
            for (int attempt = 0; attempt < 3 && stride > 1; ++attempt) {
                Xapian::Query sample((new SamplePostingSource(stride, table->last_docid))->release());
                counter = pass(Xapian::Query(Xapian::Query::OP_FILTER, query, sample), FacetCounter::Copies::share);
                const std::uint64_t scaled = counter->matched() * stride;
                if (scaled <= recount_limit) {
                    stride = 1;  // a small set after all: count it exactly, cheaply
                } else if (counter->matched() >= min_sample || attempt == 2) {
                    break;
                } else {
                    stride = std::max<Xapian::doccount>(1, Xapian::doccount(scaled / sample_target));
                }
                counter.reset();
            }
        }
        if (!counter) {
            stride = 1;
            counter = pass(query, FacetCounter::Copies::once);
        }
        result.facets = facet_values(*counter, cache, double(stride));
        result.facets_exact = stride == 1;
        if (stride == 1) {
            result.total = counter->collapsed();
            result.total_exact = true;
        } else {
            // Scaled sample, kept within Xapian's bounds for the collapsed search. Each sampled
            // match counts as its share of its duplicate group: counting distinct keys in a
            // sample would count nearly every duplicate (its twins are rarely sampled too).
            auto scaled = static_cast<std::uint64_t>(counter->collapsed_share() * double(stride) + 0.5);
            result.total =
                std::clamp<std::uint64_t>(scaled, page.get_matches_lower_bound(), page.get_matches_upper_bound());
            result.total_exact = false;
        }
    }

    SearchResult search(const SearchRequest& request) {
        auto start = std::chrono::steady_clock::now();
        if (request.page < 1) throw std::invalid_argument("page must be 1 or more");
        if (request.per_page < 1 || request.per_page > max_per_page)
            throw std::invalid_argument("per_page must be between 1 and " + std::to_string(max_per_page));
        long long first = static_cast<long long>(request.page - 1) * request.per_page;
        if (first > max_first_hit) throw std::invalid_argument("page is too far into the results; narrow the query");

        SearchResult result;
        BuiltQuery built = builder->build(request, Xapian::Query::OP_AND);
        result.suggestion = built.suggestion;

        Xapian::Enquire enquire(db);
        enquire.set_collapse_key(s::collapse_slot);
        enquire.set_time_limit(match_time_limit);
        switch (request.sort) {
            case Sort::relevance:
                break;
            case Sort::newest:
                enquire.set_sort_by_value_then_relevance(s::date_slot, true);
                break;
            case Sort::oldest:
                enquire.set_sort_by_value_then_relevance(s::date_slot, false);
                break;
        }
        if (!built.any_terms) enquire.set_weighting_scheme(Xapian::BoolWeight());
        // The facet table path counts in a separate unranked pass (count()), so the ranked
        // pass only needs its page: Xapian may then skip what cannot reach it. The stock
        // spies (remote or several shards) must still see every match here.
        const bool table_counts = request.facets && !cache.remote_shards && cache.facet_table() != nullptr;
        const bool spy_counts = request.facets && !table_counts;
        Xapian::doccount check_at_least = spy_counts ? db.get_doccount() : 0;

        Xapian::Query query;
        auto run = [&](const Xapian::Query& match, std::unique_ptr<FacetSpies>& spies) {
            query = Xapian::Query(Xapian::Query::OP_FILTER, match, built.filter);
            enquire.set_query(query);
            enquire.clear_matchspies();
            spies.reset();
            if (spy_counts) {
                spies = std::make_unique<FacetSpies>(cache);
                spies->attach(enquire);
            }
            result.parsed = query.get_description();
            return enquire.get_mset(static_cast<Xapian::doccount>(first),
                                    static_cast<Xapian::doccount>(request.per_page), check_at_least);
        };
        std::unique_ptr<FacetSpies> spies;
        Xapian::MSet mset = run(built.match, spies);
        // A page past the end still relaxes when the typed words alone match nothing, so
        // every page reads the query the same way.
        if (built.relaxable && (mset.get_matches_estimated() == 0 || !matches_any(built))) {
            // No unit has every word: rank those with most of them (OR) instead of nothing.
            built = builder->build(request, Xapian::Query::OP_OR);
            mset = run(built.match, spies);
        }
        result.reading = built.reading;

        result.total = mset.get_matches_estimated();
        result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
        std::shared_ptr<const FacetTable> table = cache.remote_shards ? nullptr : cache.facet_table();
        int rank = static_cast<int>(first);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            Xapian::Document doc = it.get_document();
            Hit hit;
            hit.rank = ++rank;
            hit.score = built.any_terms ? it.get_weight() : 0.0;
            hit.record = doc.get_data();
            RecordFields fields = record_fields(hit.record, request.snippets);
            documents.join(db, hit.record, fields);
            hit.id = std::move(fields.id);
            if (request.snippets && !fields.text.empty())
                hit.snippet = make_snippet(mset, fields.text, builder->stemmer(), built.match);
            if (hit.id.empty()) hit.id = id_of(doc);
            hit.also_in = also_in(it.get_collapse_key(), *it, table.get());
            if (built.any_terms) why_matched(enquire, it, built, hit);
            result.hits.push_back(std::move(hit));
        }
        if (spies) result.facets = spies->counts(cache);
        if (table_counts) count(query, mset, result);
        result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        return result;
    }

    // Whether the words' own query (no related words) matches a unit passing the filters.
    bool matches_any(const BuiltQuery& built) {
        if (!built.expanded) return true;
        Xapian::Enquire probe(db);
        probe.set_query(Xapian::Query(Xapian::Query::OP_FILTER, built.unexpanded, built.filter));
        probe.set_weighting_scheme(Xapian::BoolWeight());
        return !probe.get_mset(0, 1).empty();
    }

    // The words of the query this hit contains, and the related words standing in for others.
    static void why_matched(const Xapian::Enquire& enquire, const Xapian::MSetIterator& it, const BuiltQuery& built,
                            Hit& hit) {
        for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it); ++t) {
            // A typed word's own term is a match even when it also stands in for another word
            // ("foster" typed beside "carer"): found as typed first.
            if (auto word = built.words_of_terms.find(*t); word != built.words_of_terms.end()) {
                if (std::find(hit.matched.begin(), hit.matched.end(), word->second) == hit.matched.end())
                    hit.matched.push_back(word->second);
            } else if (auto stand_in = built.stand_ins.find(*t); stand_in != built.stand_ins.end()) {
                if (std::find(hit.related.begin(), hit.related.end(), stand_in->second) == hit.related.end())
                    hit.related.push_back(stand_in->second);
            }
        }
    }

    std::optional<std::string> data_of(const std::string& id_term) {
        auto it = db.postlist_begin(id_term);
        if (it == db.postlist_end(id_term)) return std::nullopt;
        return db.get_document(*it).get_data();
    }

    // A unit's record with its document's fields (document_records.hpp).
    std::optional<std::string> unit_data(const std::string& id) {
        auto record = data_of(s::term(s::id_prefix, id));
        if (record) documents.join(db, *record, record_fields(*record, false));
        return record;
    }

    std::vector<std::string> meetings(const MeetingFilter& filter) {
        std::vector<Xapian::Query> parts{Xapian::Query(std::string(s::meeting_marker))};
        if (!filter.committee.empty())
            parts.emplace_back(s::term(s::committee_prefix, quorum::index::slug(filter.committee)));
        if (!filter.from.empty() || !filter.to.empty()) parts.push_back(date_range(filter.from, filter.to));
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_sort_by_value_then_relevance(s::date_slot, true);
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
        std::vector<std::string> out;
        out.reserve(mset.size());
        for (auto it = mset.begin(); it != mset.end(); ++it)
            out.push_back(it.get_document().get_value(s::summary_slot));
        return out;
    }

    // One page of records of the decisions pass in list order (order slot), with an exact total.
    RecordList records(const Xapian::Query& query, int page, int per_page) {
        if (page < 1) throw std::invalid_argument("page must be 1 or more");
        if (per_page < 1 || per_page > max_per_page)
            throw std::invalid_argument("per_page must be between 1 and " + std::to_string(max_per_page));
        long long first = static_cast<long long>(page - 1) * per_page;
        if (first > max_first_hit) throw std::invalid_argument("page is too far into the list; narrow the filters");
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_sort_by_value(s::order_slot, false);
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(first),
                                             static_cast<Xapian::doccount>(per_page), db.get_doccount());
        RecordList out;
        out.total = mset.get_matches_estimated();
        for (auto it = mset.begin(); it != mset.end(); ++it)
            out.records.push_back(it.get_document().get_value(s::summary_slot));
        return out;
    }

    static Xapian::Query all_of(std::vector<Xapian::Query> parts) {
        return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    }

    static Xapian::Query term_of(std::string_view prefix, std::string_view value) {
        return Xapian::Query(s::term(prefix, quorum::index::bounded_term_value(value)));
    }

    RecordList decisions(const DecisionQuery& q) {
        std::vector<Xapian::Query> parts{term_of(s::type_prefix, s::decision_type)};
        if (!q.committee.empty()) parts.push_back(term_of(s::committee_prefix, q.committee));
        namespace v = quorum::index::vocabulary;
        if (q.outcome) parts.push_back(term_of(s::outcome_prefix, v::to_slug(*q.outcome)));
        // Overdue records carry XSoverdue besides their own status (decision_documents.cpp).
        if (q.status) parts.push_back(term_of(s::status_prefix, v::to_slug(*q.status)));
        if (q.kind) parts.push_back(term_of(s::decision_kind_prefix, v::to_slug(*q.kind)));
        if (!q.owner.empty()) {
            // An owner person id, or every word of the printed owner ("sampson", "Head of Service").
            std::vector<Xapian::Query> words;
            for (const auto& w : quorum::index::fold_words(q.owner)) words.push_back(term_of(s::owner_word_prefix, w));
            Xapian::Query by_id = term_of(s::owner_prefix, quorum::index::slug(q.owner));
            parts.push_back(words.empty() ? by_id
                                          : Xapian::Query(Xapian::Query::OP_OR, by_id, all_of(std::move(words))));
        }
        if (!q.from.empty() || !q.to.empty()) parts.push_back(date_range(q.from, q.to));
        for (const auto& w : quorum::index::fold_words(q.q)) parts.push_back(term_of(s::record_word_prefix, w));
        RecordList out = records(all_of(std::move(parts)), q.page, q.per_page);
        out.as_of = db.get_metadata(std::string(s::decisions_as_of_key));
        return out;
    }

    RecordList people(const std::string& q, int page, int per_page) {
        std::vector<Xapian::Query> parts{term_of(s::type_prefix, s::person_type)};
        // Typing a name finds it as it is typed: every word matches the start of a name word.
        for (const auto& w : quorum::index::fold_words(q))
            parts.emplace_back(Xapian::Query::OP_WILDCARD,
                               s::term(s::record_word_prefix, quorum::index::bounded_term_value(w)),
                               max_wildcard_expansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        return records(all_of(std::move(parts)), page, per_page);
    }

    std::optional<std::string> record(std::string_view tag, const std::string& id) {
        if (id.empty()) return std::nullopt;
        return data_of(s::term(s::id_prefix, std::string(tag) + quorum::index::bounded_term_value(id)));
    }
};

Searcher::Searcher(const std::filesystem::path& db_dir) : impl_(std::make_unique<Impl>(db_dir)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResult Searcher::search(const SearchRequest& request) {
    return impl_->with_retry([&] { return impl_->search(request); });
}

std::optional<std::string> Searcher::unit(const std::string& id) {
    if (id.empty() || id.find(':') != std::string::npos) return std::nullopt;
    return impl_->with_retry([&] { return impl_->unit_data(id); });
}

std::vector<std::string> Searcher::meetings(const MeetingFilter& filter) {
    return impl_->with_retry([&] { return impl_->meetings(filter); });
}

std::optional<std::string> Searcher::meeting(const std::string& id) {
    if (id.empty()) return std::nullopt;
    return impl_->with_retry([&] {
        return impl_->data_of(
            s::term(s::id_prefix, std::string(s::meeting_id_tag) + quorum::index::bounded_term_value(id)));
    });
}

std::uint64_t Searcher::unit_count() {
    return impl_->with_retry([&] { return std::uint64_t(impl_->db.get_termfreq(std::string(s::unit_marker))); });
}

RecordList Searcher::decisions(const DecisionQuery& query) {
    return impl_->with_retry([&] { return impl_->decisions(query); });
}

std::optional<std::string> Searcher::decision(const std::string& id) {
    return impl_->with_retry([&] { return impl_->record(s::decision_id_tag, id); });
}

RecordList Searcher::people(const std::string& q, int page, int per_page) {
    return impl_->with_retry([&] { return impl_->people(q, page, per_page); });
}

std::optional<std::string> Searcher::person(const std::string& id) {
    return impl_->with_retry([&] { return impl_->record(s::person_id_tag, id); });
}

std::vector<std::string> Searcher::committees() {
    return impl_->with_retry(
        [&] { return impl_->records(Impl::term_of(s::type_prefix, s::committee_type), 1, max_per_page).records; });
}

std::optional<std::string> Searcher::committee(const std::string& id) {
    return impl_->with_retry([&] { return impl_->record(s::committee_id_tag, id); });
}

std::optional<std::string> check_index(const std::filesystem::path& db_dir) {
    try {
        return check_tables(Xapian::Database(db_dir.string()), db_dir.string());
    } catch (const Xapian::Error& e) {
        return std::string(index_open_failure) + ": " + describe_without_path(e, db_dir.string());
    }
}

std::string database_identity(const std::filesystem::path& db_dir) noexcept {
    try {
        return Xapian::Database(db_dir.string()).get_uuid();
    } catch (...) {
        return {};  // unreadable now: the searchers report why when they use it
    }
}

bool Searcher::refresh() {
    return impl_->with_retry([&] {
        try {
            Xapian::rev before = impl_->db.get_revision();
            impl_->db.reopen();
            if (impl_->db.get_revision() == before) return false;
        } catch (const Xapian::InvalidOperationError&) {
            // Several shards have no single revision: reopen and read everything again.
            impl_->db.reopen();
        }
        impl_->reload();
        return true;
    });
}

}  // namespace quorum::query
