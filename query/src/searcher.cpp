#include "quorum/query/searcher.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string_view>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "document_records.hpp"
#include "council_summaries.hpp"
#include "facets.hpp"
#include "index_cache.hpp"
#include "match_counting.hpp"
#include "query_builder.hpp"
#include "record_scanner.hpp"
#include "row_counter.hpp"
#include "shard_access.hpp"
#include "quorum/index/schema.hpp"
#include "quorum/index/shard_set.hpp"
#include "quorum/index/text_fold.hpp"
#include "quorum/index/vocabulary.hpp"
#include "snippets.hpp"
#include "table_check.hpp"

namespace quorum::query {

namespace s = quorum::index::schema;
namespace ss = quorum::index::shard_set;

namespace {

constexpr double match_time_limit = 0.5;  // seconds; bounds a runaway query (see DESIGN.md)
constexpr int max_per_page = 10000;
constexpr int max_first_hit = 1000000;
constexpr std::size_t max_also_in = 20;
// A score to 9 decimals. A shard adds a hit's term weights in its own order (Xapian sorts
// an AND's terms by their frequency in that shard), so equal scores can differ in the last
// bits between shards; rounded, they are equal again, as in the single index.
double rounded_score(double weight) { return std::round(weight * 1e9) / 1e9; }

// Hits of equal (rounded) score in the order of the single index's docids, as Xapian orders
// ties in one index, then ranked again from `first`.
void order_ties(std::vector<Hit>& hits, const std::vector<Xapian::docid>& docids, long long first) {
    std::vector<std::size_t> order(hits.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (hits[a].score != hits[b].score) return hits[a].score > hits[b].score;
        return docids[a] < docids[b];
    });
    std::vector<Hit> sorted;
    sorted.reserve(hits.size());
    for (std::size_t i : order) sorted.push_back(std::move(hits[i]));
    hits = std::move(sorted);
    int rank = static_cast<int>(first);
    for (auto& h : hits) h.rank = ++rank;
}

std::string id_of(const Xapian::Document& doc) {
    auto t = doc.termlist_begin();
    t.skip_to(std::string(s::id_prefix));
    if (t == doc.termlist_end() || (*t).rfind(s::id_prefix, 0) != 0) return {};
    return (*t).substr(s::id_prefix.size());
}

}  // namespace

struct Searcher::Impl {
    std::filesystem::path path;
    ShardOptions shard_options;
    Xapian::Database db;     // what is searched: the index, or a set's local data and shards
    Xapian::Database local;  // what is not a unit: the index itself, or a set's OUT/local
    unsigned shards = 0;     // 0: a single index
    OpenSet set;             // a shard set's handles (shard_access.hpp)
    IndexCache cache;
    DocumentRecords documents;  // the fields units share with their document, joined to hits
    std::unique_ptr<QueryBuilder> builder;

    explicit Impl(const std::filesystem::path& p, const ShardOptions& options) : path(p), shard_options(options) {
        shards = shard_count(p);
        try {
            if (shards > 0) {
                set = open_set(p, shards, shard_options);
                db = set.db;
                local = set.local;
            } else {
                db = Xapian::Database(p.string());
                local = db;
            }
        } catch (const Xapian::DatabaseCorruptError& e) {
            throw IndexUnavailable("the index is damaged: " + describe_without_path(e, p.string()), true);
        } catch (const Xapian::Error& e) {
            throw std::runtime_error("cannot open the index " + p.string() + ": " + e.get_description() +
                                     "; build it first with quorum-index --db " + p.string() + " INPUT...");
        }
        cache.remote_shards = shards == 0 && has_remote_shards(p);  // stock facet spies only there
        cache.shard_set = shards > 0;
        with_retry([this] { reload(); });  // a damaged table read here is IndexUnavailable too
    }

    // Xapian's description of `query`, a shard set's unit filter written as the marker term
    // it stands for (all_units), so that the set describes a query as its single index does.
    std::string described(const Xapian::Query& query) const {
        std::string text = query.get_description();
        if (shards == 0) return text;
        std::string set_units = all_units(true).get_description(), marker = all_units(false).get_description();
        set_units = set_units.substr(6, set_units.size() - 7);  // inside "Query(...)"
        marker = marker.substr(6, marker.size() - 7);
        for (auto at = text.find(set_units); at != std::string::npos; at = text.find(set_units, at + marker.size()))
            text.replace(at, set_units.size(), marker);
        return text;
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
        } catch (const Xapian::NetworkError& e) {  // a remote shard down, hung or gone (timeouts too)
            throw unavailable_shards(e, set, shard_options);
        } catch (const Xapian::DatabaseOpeningError& e) {  // files replaced or gone, or no descriptor left
            throw IndexUnavailable("the index could not be opened: " + describe_without_path(e, path.string()), false);
        } catch (const Xapian::DatabaseError& e) {  // corrupt or unreadable tables
            throw IndexUnavailable("the index cannot be read: " + describe_without_path(e, path.string()), true);
        } catch (const Xapian::Error& e) {
            throw std::runtime_error("search failed: " + e.get_description());
        }
    }

    // The other units carrying collapse key `key` (the copies collapsed into hit `self`).
    // `size`: how many units carry it, when known (the facet table, or a set's group sizes).
    std::vector<std::string> also_in(const std::string& key, Xapian::docid self, std::optional<Xapian::doccount> size) {
        std::vector<std::string> out;
        if (key.empty()) return out;
        std::string term = s::term(s::duplicate_prefix, key);
        if ((size ? *size : db.get_termfreq(term)) < 2) return out;
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && out.size() < max_also_in; ++it)
            if (*it != self) out.push_back(id_of(db.get_document(*it)));
        return out;
    }

    // How many units carry hit `self`'s collapse key, when known without an index lookup:
    // a set's row carries it; one index's facet table says when there is no other copy
    // (most units).
    std::optional<Xapian::doccount> copies_of(const Xapian::Document& doc, Xapian::docid self,
                                              const FacetTable* table) const {
        if (shards > 0) return row_copies(doc.get_value(ss::row_slot));
        if (table != nullptr && self <= table->last_docid && self < table->collapse.size()) {
            const std::uint32_t code = table->collapse[self];
            if (code != 0 && code < table->collapse_sizes.size() && table->collapse_sizes[code] < 2) return 1;
        }
        return std::nullopt;
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
            case Sort::largest_amount:  // passages with no amount last
                enquire.set_sort_by_value_then_relevance(s::amount_slot, true);
                break;
        }
        if (!built.any_terms) enquire.set_weighting_scheme(Xapian::BoolWeight());
        // The facet table and a shard set count in separate unranked passes (count()), so the
        // ranked pass only needs its page: Xapian may then skip what cannot reach it (over
        // a set, a collapsed pass with check_at_least would ship every match). The stock
        // spies (a stub of other databases) must still see every match here.
        const bool separate_count = shards > 0 || (!cache.remote_shards && cache.facet_table() != nullptr);
        const bool spy_counts = request.facets && !separate_count;
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
            result.parsed = described(query);
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
        std::shared_ptr<const FacetTable> table =
            cache.remote_shards || shards > 0 ? nullptr : cache.facet_table();
        int rank = static_cast<int>(first);
        std::vector<Xapian::docid> single_docids;  // of each hit, in the single index
        std::optional<Xapian::MSet> flat_stats;     // snippet_stats, made for the first snippet
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            Xapian::Document doc = it.get_document();
            Hit hit;
            hit.rank = ++rank;
            hit.score = built.any_terms ? rounded_score(it.get_weight()) : 0.0;
            single_docids.push_back(single_docid(*it, set.subdbs));
            hit.record = doc.get_data();
            RecordFields fields = record_fields(hit.record, request.snippets);
            documents.join(local, hit.record, fields);
            hit.id = std::move(fields.id);
            if (request.snippets && !fields.text.empty()) {
                if (!flat_stats) flat_stats = snippet_stats(built.match);
                hit.snippet = make_snippet(*flat_stats, fields.text, builder->stemmer(), built.match);
            }
            if (hit.id.empty()) hit.id = id_of(doc);
            hit.also_in = also_in(it.get_collapse_key(), *it, copies_of(doc, *it, table.get()));
            if (built.any_terms) why_matched(enquire, it, built, hit);
            result.hits.push_back(std::move(hit));
        }
        if (request.sort == Sort::relevance && built.any_terms) order_ties(result.hits, single_docids, first);
        if (spies) result.facets = spies->counts(cache);
        // Totals come from the counting pass even without facets: Xapian's estimate differs
        // between a shard set and its single index.
        if (separate_count) count_matches({db, cache, shards > 0, set.subdbs}, query, request.facets, result);
        result.partial = !set.missing.empty();
        result.missing_shards = set.missing;
        result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        return result;
    }

    // The statistics snippets weigh the query's words by: flat (BoolWeight), one pass of no
    // matches per search. Xapian's own weights for snippets are bounds that each database
    // computes from its own documents and that a set of databases adds up (local shards)
    // or not (remote ones), so a shard set would cut other snippets than its single index.
    Xapian::MSet snippet_stats(const Xapian::Query& match) {
        Xapian::Enquire enquire(db);
        enquire.set_query(match);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        return enquire.get_mset(0, 0);
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

    static std::optional<std::string> data_of(const Xapian::Database& in, const std::string& id_term) {
        auto it = in.postlist_begin(id_term);
        if (it == in.postlist_end(id_term)) return std::nullopt;
        return in.get_document(*it).get_data();
    }

    // A unit's record with its document's fields (document_records.hpp).
    std::optional<std::string> unit_data(const std::string& id) {
        auto record = data_of(db, s::term(s::id_prefix, id));
        if (record) documents.join(local, *record, record_fields(*record, false));
        return record;
    }

    std::vector<std::string> meetings(const MeetingFilter& filter) {
        std::vector<Xapian::Query> parts{Xapian::Query(std::string(s::meeting_marker))};
        if (!filter.committee.empty())
            parts.emplace_back(s::term(s::committee_prefix, quorum::index::slug(filter.committee)));
        if (!filter.council.empty()) parts.push_back(term_of(s::council_prefix, quorum::index::slug(filter.council)));
        if (!filter.from.empty() || !filter.to.empty()) parts.push_back(date_range(filter.from, filter.to));
        Xapian::Enquire enquire(local);  // meetings are not units: a set keeps them in OUT/local
        enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_sort_by_value_then_relevance(s::date_slot, true);
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        Xapian::MSet mset = enquire.get_mset(0, local.get_doccount());
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
        Xapian::Enquire enquire(local);  // records are not units: a set keeps them in OUT/local
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_sort_by_value(s::order_slot, false);
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(first),
                                             static_cast<Xapian::doccount>(per_page), local.get_doccount());
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
        if (!q.council.empty()) parts.push_back(term_of(s::council_prefix, q.council));
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
        out.as_of = local.get_metadata(std::string(s::decisions_as_of_key));
        return out;
    }

    RecordList people(const std::string& q, int page, int per_page, const std::string& council) {
        std::vector<Xapian::Query> parts{term_of(s::type_prefix, s::person_type)};
        if (!council.empty()) parts.push_back(term_of(s::council_prefix, council));
        // Typing a name finds it as it is typed: every word matches the start of a name word.
        for (const auto& w : quorum::index::fold_words(q))
            parts.emplace_back(Xapian::Query::OP_WILDCARD,
                               s::term(s::record_word_prefix, quorum::index::bounded_term_value(w)),
                               max_wildcard_expansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        return records(all_of(std::move(parts)), page, per_page);
    }

    std::vector<CouncilSummary> councils() { return council_summaries(local, db, cache, shards > 0); }

    std::optional<CouncilDetail> council(const std::string& id) {
        if (id.empty() || db.get_termfreq(s::term(s::council_prefix, quorum::index::bounded_term_value(id))) == 0)
            return std::nullopt;
        CouncilDetail d;
        d.summary = council_summary(local, db, cache, shards > 0, id, &d);
        const RecordList people = records(
            Xapian::Query(Xapian::Query::OP_AND, term_of(s::type_prefix, s::person_type), term_of(s::council_prefix, id)),
            1, max_per_page);
        for (const auto& p : people.records) {
            const auto j = nlohmann::json::parse(p, nullptr, false);
            const std::string kind = j.is_object() ? j.value("kind", "") : std::string();
            if (kind == "councillor" || kind == "co-optee") d.members.push_back(p);
        }
        return d;
    }

    std::optional<std::string> record(std::string_view tag, const std::string& id) {
        if (id.empty()) return std::nullopt;
        return data_of(local, s::term(s::id_prefix, std::string(tag) + quorum::index::bounded_term_value(id)));
    }
};

Searcher::Searcher(const std::filesystem::path& db_dir, const ShardOptions& shards)
    : impl_(std::make_unique<Impl>(db_dir, shards)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResult Searcher::search(const SearchRequest& request) {
    return impl_->with_retry([&] { return impl_->search(request); });
}

std::optional<std::string> Searcher::unit(const std::string& id) {
    if (id.empty() || id.find(':') != std::string::npos) return std::nullopt;
    auto found = impl_->with_retry([&] { return impl_->unit_data(id); });
    if (!found && !impl_->set.missing.empty())  // perhaps on a shard that is down: not a 404
        throw ShardsUnavailable("no unit " + id + " on the shards that answered", {}, impl_->set.missing);
    return found;
}

std::vector<std::string> Searcher::meetings(const MeetingFilter& filter) {
    return impl_->with_retry([&] { return impl_->meetings(filter); });
}

std::optional<std::string> Searcher::meeting(const std::string& id) {
    if (id.empty()) return std::nullopt;
    return impl_->with_retry([&] {
        return impl_->data_of(impl_->local, s::term(s::id_prefix, std::string(s::meeting_id_tag) +
                                                                     quorum::index::bounded_term_value(id)));
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

RecordList Searcher::people(const std::string& q, int page, int per_page, const std::string& council) {
    return impl_->with_retry([&] { return impl_->people(q, page, per_page, council); });
}

std::optional<std::string> Searcher::person(const std::string& id) {
    return impl_->with_retry([&] { return impl_->record(s::person_id_tag, id); });
}

std::vector<std::string> Searcher::committees(const std::string& council) {
    return impl_->with_retry([&] {
        Xapian::Query query = Impl::term_of(s::type_prefix, s::committee_type);
        if (!council.empty())
            query = Xapian::Query(Xapian::Query::OP_AND, query, Impl::term_of(s::council_prefix, council));
        return impl_->records(query, 1, max_per_page).records;
    });
}

std::vector<CouncilSummary> Searcher::councils() {
    return impl_->with_retry([&] { return impl_->councils(); });
}

std::optional<CouncilDetail> Searcher::council(const std::string& id) {
    return impl_->with_retry([&] { return impl_->council(id); });
}

std::optional<std::string> Searcher::committee(const std::string& id) {
    return impl_->with_retry([&] { return impl_->record(s::committee_id_tag, id); });
}

std::optional<std::string> check_index(const std::filesystem::path& db_dir, bool remote_shards) {
    unsigned shards = 0;
    try {
        shards = shard_count(db_dir);
    } catch (const IndexUnavailable& e) {
        return std::string(index_open_failure) + ": " + e.what();
    }
    // A set's remote shards are looked at by their own probes (probe_shard), not here.
    std::vector<std::filesystem::path> dirs;
    if (shards == 0) {
        dirs.push_back(db_dir);
    } else {
        dirs.push_back(db_dir / ss::local_dir);
        if (!remote_shards)
            for (unsigned k = 0; k < shards; ++k) dirs.push_back(db_dir / ss::shard_dir(k));
    }
    for (const auto& dir : dirs) {
        try {
            if (auto problem = check_tables(Xapian::Database(dir.string()), dir.string())) return problem;
        } catch (const Xapian::Error& e) {
            return std::string(index_open_failure) + ": " + describe_without_path(e, dir.string());
        }
    }
    return std::nullopt;
}

std::string database_identity(const std::filesystem::path& db_dir) noexcept {
    try {
        // A set is rebuilt, or swapped, with its OUT/local: its uuid names the set.
        if (shard_count(db_dir) > 0) return Xapian::Database((db_dir / ss::local_dir).string()).get_uuid();
        return Xapian::Database(db_dir.string()).get_uuid();
    } catch (...) {
        return {};  // unreadable now: the searchers report why when they use it
    }
}

bool Searcher::refresh() {
    return impl_->with_retry([&] {
        if (impl_->shards > 0) {
            // A remote shard answers a reopen with "unchanged" cheaply: read the rest again
            // only when something changed.
            if (!impl_->db.reopen()) return false;
            impl_->local.reopen();
            impl_->reload();
            return true;
        }
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
