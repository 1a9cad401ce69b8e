#include "council_summaries.hpp"

#include <algorithm>
#include <map>

#include "quorum/index/schema.hpp"
#include "quorum/index/text_fold.hpp"

namespace quorum::query {

namespace s = quorum::index::schema;

namespace {

std::string council_term(const std::string& id) {
    return s::term(s::council_prefix, quorum::index::bounded_term_value(id));
}

// How many documents of `db` match: exact (every match is counted).
std::uint64_t count(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

}  // namespace

CouncilSummary council_summary(const Xapian::Database& local, const Xapian::Database& db, const IndexCache& cache,
                               bool shard_set, const std::string& id, CouncilDetail* detail) {
    CouncilSummary c;
    c.id = id;
    c.name = cache.name("council", id);
    const Xapian::Query council(council_term(id));
    const auto of_type = [&](std::string_view type) {
        return Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(s::term(s::type_prefix, type)), council);
    };
    c.decisions = count(local, of_type(s::decision_type));
    c.people = count(local, of_type(s::person_type));
    const std::uint64_t committees = count(local, of_type(s::committee_type));
    // Its meetings, read by value: dates and committees.
    std::map<std::string, std::uint64_t> per_committee, per_year;
    Xapian::Enquire enquire(local);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(std::string(s::meeting_marker)), council));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::MSet meetings = enquire.get_mset(0, local.get_doccount());
    c.meetings = meetings.size();
    for (auto it = meetings.begin(); it != meetings.end(); ++it) {
        const Xapian::Document doc = it.get_document();
        const std::string date = doc.get_value(s::date_slot);  // YYYYMMDD
        if (date.size() == 8) {
            const std::string iso = date.substr(0, 4) + '-' + date.substr(4, 2) + '-' + date.substr(6, 2);
            if (c.first_date.empty() || iso < c.first_date) c.first_date = iso;
            if (c.last_date.empty() || iso > c.last_date) c.last_date = iso;
            ++per_year[date.substr(0, 4)];
        }
        if (const std::string committee = doc.get_value(s::committee_slot); !committee.empty()) ++per_committee[committee];
    }
    // Units: every document with the council's term but those counted above (a shard set
    // keeps all of those in OUT/local, its units in the shards).
    const std::uint64_t all = db.get_termfreq(council_term(id));
    const std::uint64_t non_units =
        shard_set ? local.get_termfreq(council_term(id)) : c.meetings + c.decisions + c.people + committees;
    c.units = all > non_units ? all - non_units : 0;
    if (detail) {
        for (const auto& [committee, n] : per_committee)
            detail->committees.push_back({committee, cache.name("committee", committee), n});
        std::stable_sort(detail->committees.begin(), detail->committees.end(),
                         [](const auto& a, const auto& b) { return a.meetings > b.meetings; });
        for (auto it = per_year.rbegin(); it != per_year.rend(); ++it)
            detail->meetings_by_year.push_back({it->first, it->first, it->second});
    }
    return c;
}

std::vector<CouncilSummary> council_summaries(const Xapian::Database& local, const Xapian::Database& db,
                                              const IndexCache& cache, bool shard_set) {
    std::vector<CouncilSummary> out;
    if (auto names = cache.names.find("council"); names != cache.names.end())
        for (const auto& [id, name] : names->second)
            // A name left by files since removed: no document carries it any more.
            if (db.get_termfreq(council_term(id)) > 0)
                out.push_back(council_summary(local, db, cache, shard_set, id, nullptr));
    std::sort(out.begin(), out.end(), [](const CouncilSummary& a, const CouncilSummary& b) {
        return quorum::index::fold_key(a.name) < quorum::index::fold_key(b.name);
    });
    return out;
}

}  // namespace quorum::query
