// A shard set (quorum-index --shards N, docs/SERVING.md "Shards"): the layout, the metadata
// and the two things shard documents carry that a single index does not need, shared by
// the indexer that writes a set and the query library that searches one.
//
//   OUT/XAPIANDB      stub: "auto local", "auto shard-0", ... (stock Xapian tools open OUT)
//   OUT/whole/        the single index the indexer updates; the set is cut from it
//   OUT/local/        every document that is not a unit (file state, meetings, decisions,
//                     people, committees), all metadata, the spelling and synonym tables
//   OUT/shard-K/      units only, served as they are by xapian-tcpsrv
//
// Every document keeps the docid it has in OUT/whole. Searched as [local, shard-0, ...],
// Xapian's docid tie-breaks, its collapsing and Quorum's samples then follow the same order
// as in the single index, so the set answers exactly as the single index does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "quorum/index/schema.hpp"

namespace quorum::index::shard_set {

inline constexpr std::string_view whole_dir = "whole";
inline constexpr std::string_view local_dir = "local";
[[nodiscard]] inline std::string shard_dir(unsigned k) { return "shard-" + std::to_string(k); }

// Metadata of OUT/local (the set's) and of each shard (set id and its own number).
inline constexpr std::string_view shards_key = "quorum:shards";          // decimal N
inline constexpr std::string_view rule_key = "quorum:shard-rule";        // how units are assigned
inline constexpr std::string_view rule = "fnv1a64-document-id-v1";       // fnv1a64(XDOC value) % N
inline constexpr std::string_view set_id_key = "quorum:set-id";          // random per set, on local and shards
inline constexpr std::string_view shard_key = "quorum:shard";            // decimal K, on shard K
inline constexpr std::string_view synced_key = "quorum:synced-revision";  // OUT/whole's revision the set follows
// What a set's documents carry, on local and shards: "2" = samples as values, anchors; "3" =
// rows end with the council (schema 8). A set
// of another format (or none: the first sets had sample terms) is copied again whole by the
// next run, and a server refuses it until then.
inline constexpr std::string_view format_key = "quorum:set-format";
inline constexpr std::string_view format = "3";

// Shard units carry "1" in value slot sample_slot(k) when sampled(docid, 2^k) (k = 1..
// max_sample_power): the samples the counting pass takes of a large match set, as a value
// range a stock xapian-tcpsrv can match (a custom PostingSource cannot be sent to it).
// Values, not terms: a new set's units get them after the parts are compacted (their
// docids are known only then), and Xapian rewrites a document's values without reading
// its terms and positions, which a new term would cost.
inline constexpr unsigned max_sample_power = 16;
[[nodiscard]] constexpr unsigned sample_slot(unsigned k) { return schema::sample_slot_first + k - 1; }
inline constexpr std::string_view sampled_value = "1";

// Shard documents also carry one "row" value: the collapse key and the facet values of the
// unit, so that a counting pass over remote shards brings them back as the MSet's sort key
// (one value read per match on the server, none on the client):
//   collapse \x1f copies \x1f committee \x1f year \x1f type \x1f kind \x1f outcome \x1f status
//            \x1f person ids joined by \x1e \x1f topic ids joined by \x1e \x1f council
// where copies is how many units of the whole index carry that collapse key (decimal; the
// set copies a whole group again when one of its units changes), so that a sampled count
// needs no lookup per key.
inline constexpr unsigned row_slot = schema::row_slot;
inline constexpr char row_field = '\x1f';
inline constexpr char row_list = '\x1e';

// And "u" in unit_slot: a shard's documents are all units, so its unit marker term indexes
// every one, which Xapian 1.4.22 cannot read as a filter there (query/src/index_cache.hpp
// all_units); a value range on this slot selects the same documents.
inline constexpr unsigned unit_slot = schema::unit_slot;
inline constexpr std::string_view unit_value = "u";

// Each shard also holds one "anchor": a file state document of OUT/whole (the first N by
// docid; anchor K goes to shard K) instead of OUT/local. A shard of units alone can have a
// term that indexes every one of its documents (a one-council archive's council term), and
// Xapian 1.4.22 cannot read such a term as a filter or under BoolWeight once the shard's
// docids have gaps ("Unexpected end of posting list"): it swaps in the all-documents
// postlist, then checks its chunks against the term's name. No unit term indexes a file
// state document. Moving a document keeps every collection statistic the single index has.
// OUT/local keeps each anchor's document records (its documents value) in metadata under
// anchor_key_prefix + docid, where a server looks for a document that OUT/local lacks.
inline constexpr std::string_view anchors_key = "quorum:anchors";             // the anchors' docids, space-separated
inline constexpr std::string_view anchor_key_prefix = "quorum:anchor-file:";  // + docid: its documents value

// splitmix64's finaliser: a cheap, well-spread hash of a block number.
[[nodiscard]] constexpr std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Whether `did` is in the sample of one docid per block of `stride` docids, at a position
// hashed from the block number (query/src/facet_counter.hpp SamplePostingSource explains why).
[[nodiscard]] constexpr bool sampled(std::uint32_t did, std::uint32_t stride) {
    if (did == 0 || stride <= 1) return did != 0;
    const std::uint32_t block = (did - 1) / stride;
    return did == block * stride + 1 + static_cast<std::uint32_t>(mix(block) % stride);
}

}  // namespace quorum::index::shard_set
