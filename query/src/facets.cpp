#include "facets.hpp"

#include <algorithm>

#include "quorum/index/schema.hpp"

namespace quorum::query {

namespace s = quorum::index::schema;

FacetSpies::FacetSpies(const IndexCache& cache) {
    if (!cache.remote_shards)
        if (auto table = cache.facet_table()) {
            counter_ = std::make_unique<FacetCounter>(std::move(table));
            return;
        }
    auto single = [this](const char* name, unsigned slot) {
        Facet f{name, {}};
        f.spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
        facets_.push_back(std::move(f));
    };
    auto multi = [this](const char* name, unsigned first, unsigned count) {
        Facet f{name, {}};
        for (unsigned i = 0; i < count; ++i) f.spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(first + i));
        facets_.push_back(std::move(f));
    };
    single("committee", s::committee_slot);
    single("year", s::year_slot);
    single("type", s::type_slot);
    single("kind", s::kind_slot);
    single("outcome", s::outcome_slot);  // units of decisions: the decision's outcome (docs/DECISIONS.md)
    single("status", s::status_slot);
    multi("person", s::person_slot_first, cache.person_slots);
    multi("topic", s::topic_slot_first, cache.topic_slots);
    single("council", s::council_slot);
}

void FacetSpies::attach(Xapian::Enquire& enquire) {
    if (counter_) enquire.add_matchspy(counter_.get());
    for (auto& f : facets_)
        for (auto& spy : f.spies) enquire.add_matchspy(spy.get());
}

namespace {

using Sums = std::vector<std::pair<std::string, std::map<std::string, std::uint64_t>>>;  // facet -> id -> count

void add_counter(Sums& sums, const FacetCounter& counter, double scale) {
    const auto& table = counter.table();
    for (std::size_t i = 0; i < table.facets.size(); ++i) {
        const auto& f = table.facets[i];
        const auto& n = counter.counts()[i];
        std::map<std::string, std::uint64_t> sum;
        for (std::size_t code = 1; code < n.size(); ++code)
            // Rounded first: a sampled share can round to no unit, which is not a value to list.
            if (const auto count = static_cast<std::uint64_t>(n[code] * scale + 0.5); count > 0)
                sum[f.values[code]] = count;
        sums.emplace_back(f.name, std::move(sum));
    }
}

std::map<std::string, std::vector<FacetValue>> ordered(const Sums& sums, const IndexCache& cache,
                                                       std::size_t max_values) {
    std::map<std::string, std::vector<FacetValue>> out;
    for (const auto& [name, sum] : sums) {
        std::vector<FacetValue> values;
        values.reserve(sum.size());
        for (const auto& [id, n] : sum) values.push_back({id, cache.name(name, id), n});
        std::stable_sort(values.begin(), values.end(),
                         [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
        if (name == "year")  // years read best newest first
            std::stable_sort(values.begin(), values.end(),
                             [](const FacetValue& a, const FacetValue& b) { return a.id > b.id; });
        if (values.size() > max_values) values.resize(max_values);
        out[name] = std::move(values);
    }
    return out;
}

}  // namespace

std::map<std::string, std::vector<FacetValue>> facet_values(const FacetCounter& counter, const IndexCache& cache,
                                                            double scale, std::size_t max_values) {
    Sums sums;
    add_counter(sums, counter, scale);
    return ordered(sums, cache, max_values);
}

std::map<std::string, std::vector<FacetValue>> facet_values(const RowCounter& counter, const IndexCache& cache,
                                                            double scale, std::size_t max_values) {
    Sums sums;
    for (const auto& [name, values] : counter.counts()) {
        std::map<std::string, std::uint64_t> sum;
        for (const auto& [id, n] : values)
            if (const auto count = static_cast<std::uint64_t>(n * scale + 0.5); count > 0) sum[id] = count;
        sums.emplace_back(name, std::move(sum));
    }
    return ordered(sums, cache, max_values);
}

std::map<std::string, std::vector<FacetValue>> FacetSpies::counts(const IndexCache& cache,
                                                                  std::size_t max_values) const {
    // facet -> id -> count, from whichever path counted.
    Sums sums;
    if (counter_) add_counter(sums, *counter_, 1);
    for (const auto& f : facets_) {
        std::map<std::string, std::uint64_t> sum;
        for (const auto& spy : f.spies)
            for (auto it = spy->values_begin(); it != spy->values_end(); ++it)
                if (!(*it).empty()) sum[*it] += it.get_termfreq();
        sums.emplace_back(f.name, std::move(sum));
    }
    return ordered(sums, cache, max_values);
}

}  // namespace quorum::query
