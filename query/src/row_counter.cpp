#include "row_counter.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "quorum/index/schema.hpp"
#include "quorum/index/shard_set.hpp"

namespace quorum::query {

namespace s = quorum::index::schema;
namespace ss = quorum::index::shard_set;

namespace {

// The fields of a row value (shard_set.hpp), without copying.
std::vector<std::string_view> fields_of(std::string_view row) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = row.find(ss::row_field, start);
        out.push_back(row.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return out;
}

constexpr std::size_t row_fields = 11;  // collapse key, its copies, six single-valued facets, people, topics, council

// The copies field (decimal), read in place: once per counted match.
Xapian::doccount copies_field(std::string_view field) {
    Xapian::doccount n = 0;
    std::from_chars(field.data(), field.data() + field.size(), n);
    return n;
}

}  // namespace

std::vector<std::pair<Xapian::docid, std::string>> match_rows(const Xapian::Database& db, const Xapian::Query& query,
                                                              unsigned subdbs, Xapian::doccount expected) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    // The row is the sort key: each server reads it once per match and sends it back.
    enquire.set_sort_by_value(ss::row_slot, false);
    Xapian::doccount want = std::max<Xapian::doccount>(1000, expected + expected / 2);
    Xapian::MSet mset = enquire.get_mset(0, want, want);
    if (mset.size() == want && mset.get_matches_upper_bound() > want)
        mset = enquire.get_mset(0, mset.get_matches_upper_bound(), mset.get_matches_upper_bound());
    std::vector<std::pair<Xapian::docid, std::string>> rows;
    rows.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) rows.emplace_back(single_docid(*it, subdbs), it.get_sort_key());
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return rows;
}

std::optional<Xapian::doccount> row_copies(const std::string& row) {
    const auto fields = fields_of(row);
    if (fields.size() != row_fields) return std::nullopt;
    return copies_field(fields[1]);
}

RowCounter::RowCounter(Copies copies, unsigned person_slots, unsigned topic_slots)
    : copies_(copies), person_slots_(person_slots), topic_slots_(topic_slots) {
    for (const char* name : {"committee", "year", "type", "kind", "outcome", "status", "person", "topic", "council"})
        counts_.emplace_back(name, std::map<std::string, double>{});
}

void RowCounter::add(const std::string& row) {
    const auto fields = fields_of(row);
    if (fields.size() != row_fields) return;  // not a unit row (cannot happen: units only carry one)
    ++matched_;
    const std::string key(fields[0]);
    double share = 1.0;
    if (!key.empty()) {
        const Xapian::doccount size = copies_field(fields[1]);
        if (size > 1) share = 1.0 / double(size);
    }
    share_ += share;
    bool first = true;
    if (key.empty())
        ++collapsed_;
    else if (seen_.insert(key).second)
        ++collapsed_;
    else
        first = false;
    if (copies_ == Copies::once && !first) return;
    const double weight = copies_ == Copies::share ? share : 1.0;
    for (std::size_t i = 0; i < 6; ++i)
        if (!fields[2 + i].empty()) counts_[i].second[std::string(fields[2 + i])] += weight;
    auto list = [&](std::string_view values, unsigned limit, std::map<std::string, double>& into) {
        unsigned taken = 0;
        std::size_t start = 0;
        while (!values.empty() && start <= values.size() && taken < limit) {
            const std::size_t end = values.find(ss::row_list, start);
            std::string_view v = values.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
            if (!v.empty()) into[std::string(v)] += weight;
            ++taken;
            if (end == std::string_view::npos) break;
            start = end + 1;
        }
    };
    list(fields[8], person_slots_, counts_[6].second);
    list(fields[9], topic_slots_, counts_[7].second);
    if (!fields[10].empty()) counts_[8].second[std::string(fields[10])] += weight;
}

}  // namespace quorum::query
