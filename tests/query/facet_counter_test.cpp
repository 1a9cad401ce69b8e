// The per-revision facet table and its match spy must count exactly what the stock
// ValueCountMatchSpy objects count; long snippet texts are cut around the first match.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

#include <xapian.h>

#include "archive_builder.hpp"
#include "facet_counter.hpp"
#include "quorum/index/schema.hpp"
#include "snippets.hpp"
#include "temp_dir.hpp"

using namespace quorum;
namespace s = quorum::index::schema;

namespace {

// Facet -> id -> count from the stock spies, summed over the multi-valued slots.
std::map<std::string, std::map<std::string, std::uint64_t>> stock_counts(Xapian::Enquire& enquire,
                                                                         const Xapian::Query& q, Xapian::doccount all,
                                                                         unsigned persons, unsigned topics) {
    std::vector<std::pair<std::string, std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies;
    for (auto [name, slot] : std::vector<std::pair<std::string, unsigned>>{{"committee", s::committee_slot},
                                                                           {"year", s::year_slot},
                                                                           {"type", s::type_slot},
                                                                           {"kind", s::kind_slot},
                                                                           {"outcome", s::outcome_slot},
                                                                           {"status", s::status_slot},
                                                                           {"council", s::council_slot}})
        spies.emplace_back(name, std::make_unique<Xapian::ValueCountMatchSpy>(slot));
    for (unsigned i = 0; i < persons; ++i)
        spies.emplace_back("person", std::make_unique<Xapian::ValueCountMatchSpy>(s::person_slot_first + i));
    for (unsigned i = 0; i < topics; ++i)
        spies.emplace_back("topic", std::make_unique<Xapian::ValueCountMatchSpy>(s::topic_slot_first + i));
    enquire.clear_matchspies();
    for (auto& [name, spy] : spies) enquire.add_matchspy(spy.get());
    enquire.set_query(q);
    (void)enquire.get_mset(0, 10, all);
    std::map<std::string, std::map<std::string, std::uint64_t>> out;
    for (auto& [name, spy] : spies)
        for (auto it = spy->values_begin(); it != spy->values_end(); ++it) out[name][*it] += it.get_termfreq();
    return out;
}

std::map<std::string, std::map<std::string, std::uint64_t>> table_counts(
    Xapian::Enquire& enquire, const Xapian::Query& q, Xapian::doccount all,
    std::shared_ptr<const query::FacetTable> table) {
    query::FacetCounter counter(std::move(table), query::FacetCounter::Copies::each);
    enquire.clear_matchspies();
    enquire.add_matchspy(&counter);
    enquire.set_query(q);
    (void)enquire.get_mset(0, 10, all);
    std::map<std::string, std::map<std::string, std::uint64_t>> out;
    for (std::size_t f = 0; f < counter.table().facets.size(); ++f)
        for (std::size_t code = 1; code < counter.counts()[f].size(); ++code)
            if (counter.counts()[f][code] != 0)
                out[counter.table().facets[f].name][counter.table().facets[f].values[code]] =
                    static_cast<std::uint64_t>(counter.counts()[f][code]);
    return out;
}

}  // namespace

TEST_CASE("the facet table counts exactly what the stock value count spies count", "[query][facets]") {
    test::TempDir tmp;
    const std::vector<std::string> people{"helen-ianson", "phillip-howells", "jennie-hewitt", "ann-lee", "bo-chan"};
    const std::vector<std::string> topics{"fostering", "finance", "ofsted"};
    std::vector<test::DocSpec> docs;
    for (int d = 0; d < 6; ++d) {
        test::DocSpec doc;
        doc.id = "samples-00" + std::to_string(d) + "-doc";
        if (d >= 4) doc.council = "Southmere District Council";  // two values of the council facet
        doc.date = "202" + std::to_string(d % 3) + "-0" + std::to_string(1 + d) + "-15";
        if (d % 2) {
            doc.committee_id = "cabinet";
            doc.committee_name = "Cabinet";
        }
        for (int u = 0; u < 7; ++u) {
            test::UnitSpec unit;
            unit.text = "Unit " + std::to_string(u) + " on fostering budget number " + std::to_string(d * 7 + u) + ".";
            for (std::size_t p = 0; p < people.size(); ++p)
                if ((d + u + p) % 3 == 0) unit.people.push_back(people[p]);
            if (u % 2) unit.topics.push_back(topics[(d + u) % topics.size()]);
            if (u == 3) {
                unit.type = corpus::UnitType::resolution;
                unit.outcome = d % 2 ? "carried" : "noted";
            }
            if (u == 5) {
                unit.type = corpus::UnitType::action;
                unit.status = "completed";
            }
            doc.units.push_back(unit);
        }
        docs.push_back(doc);
    }
    const auto db_path = tmp.path() / "db";
    {
        index::IndexWriter w(db_path);
        test::put(w, "f0", test::make_file({docs[0], docs[1], docs[2]}));
        test::put(w, "f1", test::make_file({docs[3], docs[4], docs[5]}));
        w.commit();
    }
    Xapian::Database db(db_path.string());
    auto slots = [&](std::string_view key) { return unsigned(std::stoul(db.get_metadata(std::string(key)))); };
    const unsigned persons = slots(s::person_slots_used_key), topic_slots = slots(s::topic_slots_used_key);
    REQUIRE(persons >= 2);
    auto table = query::shared_facet_table(db, persons, topic_slots);
    REQUIRE(table != nullptr);
    CHECK(query::shared_facet_table(db, persons, topic_slots) == table);  // one load per revision

    Xapian::Enquire enquire(db);
    const Xapian::doccount all = db.get_doccount();
    for (const auto& q : {Xapian::Query(std::string(s::unit_marker)),
                          Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("fostering"),
                                        Xapian::Query(s::term(s::committee_prefix, "cabinet"))),
                          Xapian::Query(s::term(s::person_prefix, "ann-lee")), Xapian::Query("nosuchword")}) {
        INFO(q.get_description());
        auto expected = stock_counts(enquire, q, all, persons, topic_slots);
        auto got = table_counts(enquire, q, all, table);
        CHECK(got == expected);
    }

    // Collapse keys are coded by their 64 bits, not interned as text (issue 14: the strings
    // took most of the server's memory at 1 GB): one code per distinct key, counted.
    std::map<std::string, std::uint32_t> code_of;
    std::map<std::uint32_t, std::uint32_t> units_of;
    for (Xapian::docid d = 1; d <= db.get_lastdocid(); ++d) {
        std::string key;
        try {
            key = db.get_document(d).get_value(s::collapse_slot);
        } catch (const Xapian::DocNotFoundError&) {
            continue;
        }
        const std::uint32_t code = table->collapse[d];
        if (key.empty()) {
            CHECK(code == 0);
            continue;
        }
        REQUIRE(code != 0);
        const auto [it, fresh] = code_of.emplace(key, code);
        CHECK(it->second == code);
        ++units_of[code];
    }
    REQUIRE(code_of.size() > 10);
    CHECK(units_of.size() == code_of.size());  // distinct keys, distinct codes
    CHECK(table->collapse_keys == code_of.size() + 1);
    for (const auto& [code, n] : units_of) CHECK(table->collapse_sizes[code] == n);
}

TEST_CASE("packed facet codes take the narrowest width that holds every code", "[query][facets]") {
    const std::vector<std::pair<std::vector<std::uint32_t>, unsigned>> cases{
        {{}, 1}, {{0, 7, 255}, 1}, {{0, 256, 3}, 2}, {{65535, 1}, 2}, {{65536, 0, 65535}, 4}, {{0xffffffffu, 1}, 4}};
    for (const auto& [codes, width] : cases) {
        const query::PackedCodes packed(codes);
        CHECK(packed.width() == width);
        REQUIRE(packed.size() == codes.size());
        for (std::size_t i = 0; i < codes.size(); ++i) CHECK(packed[i] == codes[i]);
    }
}

TEST_CASE("several shards leave facet counting to the stock spies", "[query][facets]") {
    test::TempDir tmp;
    test::DocSpec doc;
    doc.id = "samples-000-doc";
    doc.units = {{corpus::UnitType::paragraph, "", "Fostering report.", {"ann-lee"}, {}}};
    for (const char* shard : {"a", "b"}) {
        index::IndexWriter w(tmp.path() / shard);
        test::put(w, "f", test::make_file({doc}));
        w.commit();
    }
    std::ofstream(tmp.path() / "stub.db")
        << "auto " << (tmp.path() / "a").string() << "\nauto " << (tmp.path() / "b").string() << "\n";
    Xapian::Database db((tmp.path() / "stub.db").string());
    CHECK(query::shared_facet_table(db, 1, 0) == nullptr);
    CHECK_FALSE(query::has_remote_shards(tmp.path() / "stub.db"));
    CHECK_FALSE(query::has_remote_shards(tmp.path() / "a"));
    std::ofstream(tmp.path() / "remote.db") << "remote :127.0.0.1:33333\n";
    CHECK(query::has_remote_shards(tmp.path() / "remote.db"));
}

TEST_CASE("a long text is cut to a window around the first query word", "[query][snippets]") {
    std::string filler;
    while (filler.size() < 30000) filler += "Officers reported on the caf\u00e9 lease and other matters. ";
    const std::string text = filler + "The Fostering panel met. " + filler;
    const Xapian::Query query(Xapian::Query::OP_AND, Xapian::Query("Zfoster"), Xapian::Query("panel"));
    std::string_view window = query::snippet_window(text, query);
    CHECK(window.size() <= query::snippet_window_bytes);
    CHECK(window.size() >= query::snippet_window_bytes - 200);
    CHECK(window.find("Fostering panel") != std::string_view::npos);
    CHECK(window.find("Fostering panel") >= query::snippet_lead_bytes - 100);
    // Whole words and whole UTF-8 characters only.
    CHECK(window.front() != ' ');
    CHECK((static_cast<unsigned char>(window.front()) & 0xC0) != 0x80);

    // No query word in the text: its start. A short text: all of it.
    CHECK(query::snippet_window(text, Xapian::Query("nosuchword")).data() == text.data());
    const std::string short_text = "The fostering panel met.";
    CHECK(query::snippet_window(short_text, query) == short_text);
}

TEST_CASE("the docid sample takes one docid in every block, spread over the whole range", "[query][facets]") {
    const Xapian::docid last = 100000, stride = 37;
    query::SamplePostingSource source(stride, last);
    source.init(Xapian::Database());
    std::vector<Xapian::docid> picked;
    for (source.next(0); !source.at_end(); source.next(0)) picked.push_back(source.get_docid());
    // One per block of `stride` docids, none past the last docid.
    CHECK(picked.size() >= last / stride);
    CHECK(picked.size() <= last / stride + 1);
    for (std::size_t i = 0; i < picked.size(); ++i) {
        CHECK((picked[i] - 1) / stride == i);
        CHECK(query::SamplePostingSource::sampled(picked[i], stride));
    }
    // The position inside a block varies (a fixed one would lock onto any period of the
    // unit order), and each quarter of the range gets its quarter of the sample.
    std::map<Xapian::docid, int> offsets;
    for (auto d : picked) ++offsets[(d - 1) % stride];
    CHECK(offsets.size() > stride / 2);
    for (int q = 0; q < 4; ++q) {
        auto n = std::count_if(picked.begin(), picked.end(),
                               [&](Xapian::docid d) { return (d - 1) * 4 / last == Xapian::docid(q); });
        CHECK(std::abs(double(n) - double(picked.size()) / 4) <= 2);
    }
    // skip_to lands on the first sampled docid at or after its target; check agrees.
    query::SamplePostingSource again(stride, last);
    again.init(Xapian::Database());
    again.skip_to(5000, 0);
    auto first_after = *std::lower_bound(picked.begin(), picked.end(), Xapian::docid(5000));
    CHECK(again.get_docid() == first_after);
    query::SamplePostingSource checker(stride, last);
    checker.init(Xapian::Database());
    CHECK(checker.check(first_after, 0));
    CHECK(checker.get_docid() == first_after);
}
