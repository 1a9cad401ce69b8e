#include "facet_counter.hpp"

#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <unordered_map>

#include <algorithm>

#include "quorum/index/schema.hpp"
#include "quorum/text/hash.hpp"

namespace quorum::query {

namespace s = quorum::index::schema;

namespace {

class Interner {
public:
    explicit Interner(std::vector<std::string>& values) : values_(values) { values_.assign(1, std::string()); }
    std::uint32_t code(const std::string& v) {
        auto [it, fresh] = index_.try_emplace(v, static_cast<std::uint32_t>(values_.size()));
        if (fresh) values_.push_back(v);
        return it->second;
    }

private:
    std::vector<std::string>& values_;
    std::unordered_map<std::string, std::uint32_t> index_;
};

FacetTable::Facet single(const Xapian::Database& db, const char* name, unsigned slot, Xapian::docid last) {
    FacetTable::Facet f{name, {}, {}, {}};
    std::vector<std::uint32_t> codes(std::size_t(last) + 1, 0);
    Interner intern(f.values);
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it)
        if (it.get_docid() <= last && !(*it).empty()) codes[it.get_docid()] = intern.code(*it);
    f.codes = PackedCodes(codes);
    return f;
}

// A collapse key's 64 bits: the key is 16 hex digits (collapse_key.hpp); anything else is
// hashed, which could join two keys only by a 64-bit collision.
std::uint64_t key_bits(const std::string& key) {
    std::uint64_t v = 0;
    if (key.size() != 16) return text::fnv1a(key);
    for (char c : key) {
        const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0) return text::fnv1a(key);
        v = v << 4 | std::uint64_t(d);
    }
    return v;
}

// collapse[docid] -> code (1.. in key order), and how many units share each code.
void load_collapse(const Xapian::Database& db, FacetTable& t) {
    constexpr std::uint64_t none = 0;  // no key (a key of 64 zero bits would just not collapse)
    std::vector<std::uint64_t> bits(std::size_t(t.last_docid) + 1, none);
    for (auto it = db.valuestream_begin(s::collapse_slot); it != db.valuestream_end(s::collapse_slot); ++it)
        if (it.get_docid() <= t.last_docid && !(*it).empty()) bits[it.get_docid()] = key_bits(*it);
    std::vector<std::uint64_t> keys;
    for (auto b : bits)
        if (b != none) keys.push_back(b);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    t.collapse.assign(bits.size(), 0);
    t.collapse_keys = static_cast<std::uint32_t>(keys.size() + 1);
    t.collapse_sizes.assign(t.collapse_keys, 0);
    for (std::size_t d = 1; d < bits.size(); ++d) {
        if (bits[d] == none) continue;
        const auto code =
            static_cast<std::uint32_t>(std::lower_bound(keys.begin(), keys.end(), bits[d]) - keys.begin() + 1);
        t.collapse[d] = code;
        ++t.collapse_sizes[code];
    }
}

FacetTable::Facet multi(const Xapian::Database& db, const char* name, unsigned first, unsigned count,
                        Xapian::docid last) {
    FacetTable::Facet f{name, {}, {}, std::vector<std::uint32_t>(std::size_t(last) + 2, 0)};
    Interner intern(f.values);
    std::vector<std::pair<Xapian::docid, std::uint32_t>> pairs;  // slot order kept per docid
    for (unsigned slot = first; slot < first + count; ++slot)
        for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it)
            if (it.get_docid() <= last && !(*it).empty()) pairs.emplace_back(it.get_docid(), intern.code(*it));
    // Counting sort by docid into offsets/codes (CSR).
    for (const auto& p : pairs) ++f.offsets[p.first + 1];
    for (std::size_t d = 1; d < f.offsets.size(); ++d) f.offsets[d] += f.offsets[d - 1];
    std::vector<std::uint32_t> codes(pairs.size());
    std::vector<std::uint32_t> fill(f.offsets.begin(), f.offsets.end() - 1);
    for (const auto& p : pairs) codes[fill[p.first]++] = p.second;
    f.codes = PackedCodes(codes);
    return f;
}

}  // namespace

PackedCodes::PackedCodes(const std::vector<std::uint32_t>& codes) : size_(codes.size()) {
    const std::uint32_t max = codes.empty() ? 0 : *std::max_element(codes.begin(), codes.end());
    width_ = max <= 0xff ? 1 : max <= 0xffff ? 2 : 4;
    if (width_ == 1)
        bytes_.assign(codes.begin(), codes.end());
    else if (width_ == 2)
        shorts_.assign(codes.begin(), codes.end());
    else
        words_ = codes;
}

FacetTable FacetTable::load(const Xapian::Database& db, unsigned person_slots, unsigned topic_slots) {
    FacetTable t;
    t.last_docid = db.get_lastdocid();
    // Same facets and names as the stock path in facets.cpp.
    t.facets.push_back(single(db, "committee", s::committee_slot, t.last_docid));
    t.facets.push_back(single(db, "year", s::year_slot, t.last_docid));
    t.facets.push_back(single(db, "type", s::type_slot, t.last_docid));
    t.facets.push_back(single(db, "kind", s::kind_slot, t.last_docid));
    t.facets.push_back(single(db, "outcome", s::outcome_slot, t.last_docid));
    t.facets.push_back(single(db, "status", s::status_slot, t.last_docid));
    t.facets.push_back(multi(db, "person", s::person_slot_first, person_slots, t.last_docid));
    t.facets.push_back(multi(db, "topic", s::topic_slot_first, topic_slots, t.last_docid));
    t.facets.push_back(single(db, "council", s::council_slot, t.last_docid));
    load_collapse(db, t);
    return t;
}

std::shared_ptr<const FacetTable> shared_facet_table(const Xapian::Database& db, unsigned person_slots,
                                                     unsigned topic_slots) {
    std::string key;
    try {
        // A revision is immutable: (uuid, revision) names its contents.
        key = db.get_uuid() + '/' + std::to_string(db.get_revision()) + '/' + std::to_string(person_slots) + '/' +
              std::to_string(topic_slots);
    } catch (const Xapian::InvalidOperationError&) {
        // Several shards (no single revision): a match spy sees shard-local docids, which
        // one table cannot map back. The caller counts with stock spies instead.
        return nullptr;
    }
    static std::mutex mutex;
    static std::map<std::string, std::weak_ptr<const FacetTable>> tables;
    std::lock_guard lock(mutex);  // one load per revision: the other threads wait for it
    if (auto it = tables.find(key); it != tables.end())
        if (auto table = it->second.lock()) return table;
    std::erase_if(tables, [](const auto& entry) { return entry.second.expired(); });
    auto table = std::make_shared<const FacetTable>(FacetTable::load(db, person_slots, topic_slots));
    tables[key] = table;
    return table;
}

bool has_remote_shards(const std::filesystem::path& path) {
    namespace fs = std::filesystem;
    std::function<bool(const fs::path&, int)> check = [&](const fs::path& p, int depth) {
        std::error_code ec;
        fs::path stub = fs::is_directory(p, ec) ? p / "XAPIANDB" : p;
        if (depth > 4 || !fs::is_regular_file(stub, ec)) return false;
        std::ifstream in(stub);
        std::string line;
        while (std::getline(in, line)) {
            auto start = line.find_first_not_of(" \t");
            if (start == std::string::npos || line[start] == '#') continue;
            line.erase(0, start);
            if (line.rfind("remote", 0) == 0) return true;
            if (line.rfind("auto ", 0) == 0) {
                fs::path next = line.substr(5);
                if (next.is_relative()) next = stub.parent_path() / next;
                if (check(next, depth + 1)) return true;
            }
        }
        return false;
    };
    return check(path, 0);
}

FacetCounter::FacetCounter(std::shared_ptr<const FacetTable> table, Copies copies)
    : table_(std::move(table)), copies_(copies) {
    for (const auto& f : table_->facets) counts_.emplace_back(f.values.size(), 0);
    seen_.assign(table_->collapse_keys / 64 + 1, 0);
}

void FacetCounter::operator()(const Xapian::Document& doc, double) {
    const Xapian::docid did = doc.get_docid();  // no document read: values come from the table
    if (did > table_->last_docid) return;       // cannot happen: the table is of this revision
    ++matched_;
    const std::uint32_t key = table_->collapse.empty() ? 0 : table_->collapse[did];
    const std::uint32_t size = key < table_->collapse_sizes.size() ? table_->collapse_sizes[key] : 0;
    const double share = size > 1 ? 1.0 / double(size) : 1.0;
    share_ += share;
    bool first = true;
    if (key == 0) {
        ++collapsed_;
    } else if ((seen_[key / 64] & (std::uint64_t(1) << (key % 64))) == 0) {
        seen_[key / 64] |= std::uint64_t(1) << (key % 64);
        ++collapsed_;
    } else {
        first = false;
    }
    if (copies_ == Copies::once && !first) return;
    const double weight = copies_ == Copies::share ? share : 1.0;
    for (std::size_t i = 0; i < table_->facets.size(); ++i) {
        const auto& f = table_->facets[i];
        auto& n = counts_[i];
        if (f.offsets.empty()) {
            n[f.codes[did]] += weight;
        } else {
            for (std::uint32_t k = f.offsets[did]; k < f.offsets[did + 1]; ++k) n[f.codes[k]] += weight;
        }
    }
}

}  // namespace quorum::query

namespace quorum::query {

namespace {
std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser: a cheap, well-spread hash
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}
}  // namespace

SamplePostingSource::SamplePostingSource(Xapian::docid stride, Xapian::docid last)
    : stride_(stride < 1 ? 1 : stride), last_(last) {}

bool SamplePostingSource::sampled(Xapian::docid did, Xapian::docid stride) {
    if (did == 0 || stride <= 1) return did != 0;
    Xapian::docid block = (did - 1) / stride;
    return did == block * stride + 1 + static_cast<Xapian::docid>(mix(block) % stride);
}

Xapian::docid SamplePostingSource::pick(Xapian::docid block) const {
    return block * stride_ + 1 + static_cast<Xapian::docid>(mix(block) % stride_);
}

void SamplePostingSource::init(const Xapian::Database&) {
    current_ = 0;
    set_maxweight(0);
}

void SamplePostingSource::next(double) { skip_to(current_ + 1, 0); }

void SamplePostingSource::skip_to(Xapian::docid did, double) {
    if (did <= current_) return;
    if (did == 0) did = 1;
    Xapian::docid block = (did - 1) / stride_;
    Xapian::docid at = pick(block);
    if (at < did) at = pick(block + 1);
    current_ = at;
}

bool SamplePostingSource::check(Xapian::docid did, double) {
    // Exact membership without moving past `did` unless it is not sampled.
    if (sampled(did, stride_)) {
        current_ = did;
        return true;
    }
    skip_to(did, 0);
    return true;
}

bool SamplePostingSource::at_end() const { return current_ > last_; }

Xapian::docid SamplePostingSource::get_docid() const { return current_; }

SamplePostingSource* SamplePostingSource::clone() const { return new SamplePostingSource(stride_, last_); }

std::string SamplePostingSource::get_description() const {
    return "SamplePostingSource(1/" + std::to_string(stride_) + ")";
}

}  // namespace quorum::query
