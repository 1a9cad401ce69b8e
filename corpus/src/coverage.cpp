// The coverage checker (see coverage.hpp for what counts as a sentence and as kept).
// It must stay near linear in the text: searching every sentence in the whole units' text
// would be quadratic on big PDFs (see UnitText).
#include "quorum/corpus/coverage.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <limits>

#include "quorum/text/ascii.hpp"
#include "quorum/text/fold.hpp"
#include "segment/structure.hpp"

namespace quorum::corpus {
namespace {

constexpr std::size_t kWindow = kMinSentenceChars;
constexpr std::size_t kStride = 4;
constexpr std::size_t kMinWords = 3;
constexpr std::size_t kItemKeyChars = 40;     // a wrapped item title is found by its start
constexpr std::size_t kItemLookahead = 5000;  // lines searched for the next item title
constexpr std::size_t kItemLabelChars = 12;   // "item12", "102/18": printed around a heading
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
constexpr std::uint64_t kBase = 0x100000001b3ull;

struct Compact {
    std::string chars;  // letters and digits of the folded text
    std::size_t words = 0;
};

// Only the letters and digits of folded text: the form both sides are compared in.
Compact compact_folded(std::string_view folded) {
    Compact out;
    out.chars.reserve(folded.size());
    bool in_word = false, word_letter = false;
    const auto end_word = [&] {
        if (in_word && word_letter) ++out.words;
        in_word = word_letter = false;
    };
    const auto* s = reinterpret_cast<const std::uint8_t*>(folded.data());
    const auto n = static_cast<std::int32_t>(folded.size());
    for (std::int32_t i = 0; i < n;) {
        const std::int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(s, i, n, c);
        const bool letter = c >= 0 && (c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : u_isalpha(c));
        const bool digit = c >= 0 && (c < 0x80 ? c >= '0' && c <= '9' : u_isdigit(c));
        if (letter || digit) {
            out.chars.append(folded.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
            in_word = true;
            word_letter = word_letter || letter;
        } else if (c != '\'') {  // "council's" is one word
            end_word();
        }
    }
    end_word();
    return out;
}

// compact_folded(fold_key(text)), faster: ASCII is lower-cased here and only runs of other
// characters go through ICU (fold_key of a whole unit with one "é" in it normalises all of
// it, and was most of the checker's time). A run that folds to nothing (a zero-width space)
// still separates words.
Compact compact(std::string_view text) {
    std::string folded;
    folded.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            folded.push_back(text::to_lower(text[i++]));
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && static_cast<unsigned char>(text[j]) >= 0x80) ++j;
        const std::string run = text::fold_key(text.substr(i, j - i));
        folded += run.empty() ? std::string(" ") : run;
        i = j;
    }
    return compact_folded(folded);
}

std::uint64_t window_hash(std::string_view s) {
    std::uint64_t h = 0;
    for (const char c : s) h = h * kBase + static_cast<unsigned char>(c);
    return h;
}

// A set of 64-bit hashes: open addressing, linear probing (a sorted vector took a fifth of
// the survey's time sorting, std::unordered_set allocates per element). 0 marks a free slot.
class HashSet {
public:
    void reserve(std::size_t n) {
        std::size_t cap = 16;
        while (cap < 2 * n) cap <<= 1;
        slots_.assign(cap, 0);
    }
    void insert(std::uint64_t h) {
        h = h == 0 ? 1 : h;
        for (std::size_t i = slot(h);; i = (i + 1) & (slots_.size() - 1)) {
            if (slots_[i] == h) return;
            if (slots_[i] == 0) {
                slots_[i] = h;
                return;
            }
        }
    }
    [[nodiscard]] bool contains(std::uint64_t h) const {
        if (slots_.empty()) return false;
        h = h == 0 ? 1 : h;
        for (std::size_t i = slot(h);; i = (i + 1) & (slots_.size() - 1)) {
            if (slots_[i] == h) return true;
            if (slots_[i] == 0) return false;
        }
    }
    [[nodiscard]] bool empty() const noexcept { return slots_.empty(); }

private:
    [[nodiscard]] std::size_t slot(std::uint64_t h) const {
        return static_cast<std::size_t>((h * 0x9E3779B97F4A7C15ull) >> 24) & (slots_.size() - 1);
    }
    std::vector<std::uint64_t> slots_;
};

// The units' compact text, searched near the previous match first: units follow the
// source in order, so most sentences are found a few characters on. A sentence not found
// there is searched in the whole text the first kFullSearches times; after that (a file
// losing much, or reordering much) the hashes of every window are built once and a
// sentence is kept when all its windows (every kStride-th, and the last) are there.
class UnitText {
public:
    explicit UnitText(const FileResult& result) {
        for (const auto& doc : result.documents) {
            const std::string* last_title = nullptr;
            const std::string* last_section = nullptr;
            const std::string* last_preamble = nullptr;
            for (const auto& u : doc.units) {
                ++units_;
                // An item prints its number before its heading ("88/19 Emergency Evacuation
                // Procedures"), a report paragraph after its section ("3.6 The ...").
                const bool item = u.type == UnitType::item;
                if (item) all_ += compact(u.number).chars;
                // paragraphs repeat their item's title and section: once is enough (items
                // print theirs each, even when two are alike: "Question submitted by ...")
                if (item || last_title == nullptr || *last_title != u.title) all_ += compact(u.title).chars;
                if (last_section == nullptr || *last_section != u.section) all_ += compact(u.section).chars;
                last_title = &u.title;
                last_section = &u.section;
                if (!item) all_ += compact(u.number).chars;
                // a decision's lettered parts share its preamble, which is indexed with each
                const std::string* preamble = u.resolution ? &u.resolution->preamble : nullptr;
                if (preamble != nullptr && (last_preamble == nullptr || *last_preamble != *preamble))
                    all_ += compact(*preamble).chars;
                if (preamble != nullptr) last_preamble = preamble;
                all_ += compact(u.text).chars;
            }
        }
    }

    [[nodiscard]] std::size_t units() const noexcept { return units_; }

    // Does `s` (at least kWindow characters) occur in the units' text?
    [[nodiscard]] bool contains(std::string_view s) {
        if (s.size() < kWindow || s.size() > all_.size()) return false;
        const std::string_view all = all_;
        const std::size_t lo = cursor_ > kBehind ? cursor_ - kBehind : 0;
        const std::size_t near = all.substr(lo, kAhead).find(s);
        if (near != std::string_view::npos) {
            cursor_ = lo + near + s.size();
            return true;
        }
        if (++misses_ <= kFullSearches) {
            const std::size_t at = all.find(s);
            if (at == std::string_view::npos) return false;
            cursor_ = at + s.size();
            return true;
        }
        if (hashes_.empty()) hash_windows();
        for (std::size_t p = 0;; p += kStride) {
            if (p + kWindow > s.size()) p = s.size() - kWindow;
            if (!hashes_.contains(window_hash(s.substr(p, kWindow)))) return false;
            if (p + kWindow == s.size()) return true;
        }
    }

private:
    static constexpr std::size_t kBehind = 4096, kAhead = 65536, kFullSearches = 16;

    void hash_windows() {
        hashes_.reserve(all_.size() - kWindow + 1);
        std::uint64_t top = 1;  // kBase^(kWindow-1)
        for (std::size_t i = 1; i < kWindow; ++i) top *= kBase;
        std::uint64_t h = window_hash(std::string_view(all_).substr(0, kWindow));
        hashes_.insert(h);
        for (std::size_t p = 1; p + kWindow <= all_.size(); ++p) {
            h = (h - top * static_cast<unsigned char>(all_[p - 1])) * kBase +
                static_cast<unsigned char>(all_[p + kWindow - 1]);
            hashes_.insert(h);
        }
    }

    std::string all_;
    HashSet hashes_;
    std::size_t units_ = 0, cursor_ = 0, misses_ = 0;
};

// Pieces of one plain line: cut at sentence ends, tabs and table bars.
std::vector<std::string_view> sentence_pieces(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        std::size_t cut = kNone;
        if (c == '\t' || c == '|') {
            cut = i;
        } else if ((c == '.' || c == '?' || c == '!') && i + 1 < line.size() && line[i + 1] == ' ') {
            cut = i + 1;
        }
        if (cut == kNone) continue;
        if (cut > start) out.push_back(line.substr(start, cut - start));
        start = cut + 1;
        i = cut;
    }
    if (start < line.size()) out.push_back(line.substr(start));
    return out;
}

// "questions from the public (pages 9 - 10)": the page reference of an agenda heading is
// kept as Item::pages_ref, not as text.
std::string_view without_page_reference(std::string_view piece) {
    std::size_t end = piece.size();
    while (end > 0 && piece[end - 1] == ' ') --end;
    if (end == 0 || piece[end - 1] != ')') return piece;
    const std::size_t open = piece.rfind('(', end);
    if (open == std::string_view::npos || structure::page_range(piece.substr(open, end - open)).empty()) return piece;
    return piece.substr(0, open);
}

// Where the segmenter's item headings are in the source: line of each item, in order of
// the documents and their items (kNone when the title was not found).
struct ItemLines {
    struct Entry {
        std::size_t line;
        std::size_t document;
        bool exempt;
        std::string key;  // compact start of the item's title
    };
    std::vector<Entry> entries;  // located items, in line order
};

ItemLines locate_items(const FileResult& result, const std::vector<std::string>& line_compact) {
    ItemLines out;
    std::size_t cursor = 0;
    for (std::size_t d = 0; d < result.documents.size(); ++d) {
        for (const auto& item : result.documents[d].items) {
            std::string key = compact(item.title).chars;
            if (key.size() < 4) continue;  // "1", "A": too short to find reliably
            if (key.size() > kItemKeyChars) key.resize(kItemKeyChars);
            const std::size_t stop = std::min(line_compact.size(), cursor + kItemLookahead);
            for (std::size_t i = cursor; i < stop; ++i) {
                if (line_compact[i].find(key) == std::string::npos) continue;
                out.entries.push_back({i, d, item.exempt, key});
                cursor = i + 1;
                break;
            }
        }
    }
    return out;
}

// Lines [from, to) of exempt item bodies, and whether each line comes before the first
// item heading of its document (a header, attendance or cover).
void mark_regions(const ItemLines& items, std::size_t line_count, std::vector<char>& exempt,
                  std::vector<char>& before_item) {
    exempt.assign(line_count, 0);
    before_item.assign(line_count, 0);
    const auto& e = items.entries;
    if (e.empty()) return;
    for (std::size_t k = 0; k < e.size(); ++k) {
        const std::size_t end = k + 1 < e.size() ? e[k + 1].line : line_count;
        if (e[k].exempt)
            for (std::size_t i = e[k].line + 1; i < end; ++i) exempt[i] = 1;
        // the first located item of a document: the lines since the previous document's
        // last item belong to its header (or to the earlier document's trailer)
        const bool first_of_document = k == 0 || e[k - 1].document != e[k].document;
        if (first_of_document) {
            const std::size_t begin = k == 0 ? 0 : e[k - 1].line + 1;
            for (std::size_t i = begin; i < e[k].line; ++i) before_item[i] = 1;
        }
    }
}

// Lines strip_page_furniture blanks: the segmenter never sees them.
std::vector<char> furniture_lines(const SourceText& source) {
    structure::Lines lines = source.lines;
    structure::strip_page_furniture(lines);
    std::vector<char> out(lines.size(), 0);
    for (std::size_t i = 0; i < lines.size(); ++i)
        out[i] = lines[i].text.empty() && !structure::is_blank(source.lines[i].text);
    return out;
}

}  // namespace

FileCoverage measure_coverage(const SourceText& source, const FileResult& result, const CoverageOptions& options) {
    FileCoverage out;
    UnitText units(result);
    out.units = units.units();
    const std::size_t n = source.lines.size();

    // Each line compacted once: its pieces are measured, its whole compact form finds items.
    std::vector<std::string> plain(n), line_compact(n);
    std::vector<std::vector<std::pair<std::string_view, Compact>>> pieces(n);
    for (std::size_t i = 0; i < n; ++i) {
        plain[i] = structure::plain(source.lines[i].text);
        for (const std::string_view piece : sentence_pieces(plain[i])) {
            Compact c = compact(without_page_reference(piece));
            line_compact[i] += c.chars;
            if (c.words >= kMinWords && c.chars.size() >= kMinSentenceChars)
                pieces[i].emplace_back(piece, std::move(c));
        }
    }
    const std::vector<char> furniture = furniture_lines(source);
    std::vector<char> exempt, before_item;
    const ItemLines items = locate_items(result, line_compact);
    mark_regions(items, n, exempt, before_item);
    // An item's heading is kept in its number and title, whatever label printed them ("Item
    // 1: Adoption of Minutes", "2.0 Minutes of Previous Meeting", "5.Question submitted by").
    std::vector<const std::string*> heading_key(n, nullptr);
    for (const auto& e : items.entries) heading_key[e.line] = &e.key;
    const auto heading = [&](std::size_t line, const std::string& piece) {
        return heading_key[line] != nullptr && piece.find(*heading_key[line]) != std::string::npos &&
               piece.size() <= heading_key[line]->size() + kItemLabelChars;
    };

    for (std::size_t i = 0; i < n; ++i) {
        for (const auto& [piece, c] : pieces[i]) {
            ++out.sentences;
            if (units.contains(c.chars) || heading(i, c.chars)) {
                ++out.kept;
            } else if (furniture[i]) {
                ++out.furniture;
            } else if (exempt[i]) {
                ++out.exempt;
            } else {
                ++out.lost;
                if (before_item[i]) ++out.lost_before_first_item;
                if (out.lost_sentences.size() < options.max_listed)
                    out.lost_sentences.push_back({static_cast<int>(i + 1), text::trim(piece)});
            }
        }
    }
    return out;
}

FileCoverage measure_coverage(const FileResult& result, const CoverageOptions& options) {
    if (!result.source) return {};
    return measure_coverage(*result.source, result, options);
}

void CoverageTotals::add(const FileCoverage& f) {
    if (f.sentences == 0) return;
    add(CoverageTotals{1, f.sentences, f.kept, f.furniture, f.exempt, f.lost, f.lost_before_first_item,
                       f.lost_share() > 0.05 ? 1u : 0u, f.lost_share() > 0.30 ? 1u : 0u, f.zero_units() ? 1u : 0u});
}

void CoverageTotals::add(const CoverageTotals& o) {
    files += o.files;
    sentences += o.sentences;
    kept += o.kept;
    furniture += o.furniture;
    exempt += o.exempt;
    lost += o.lost;
    lost_before_first_item += o.lost_before_first_item;
    files_losing_5 += o.files_losing_5;
    files_losing_30 += o.files_losing_30;
    files_zero_units += o.files_zero_units;
}

double CoverageTotals::kept_percent() const noexcept {
    return sentences == 0 ? 100.0 : 100.0 * static_cast<double>(kept) / static_cast<double>(sentences);
}

double CoverageTotals::lost_percent() const noexcept {
    return sentences == 0 ? 0.0 : 100.0 * static_cast<double>(lost) / static_cast<double>(sentences);
}

std::string coverage_summary(const CoverageTotals& t) {
    const double accounted =
        t.sentences == 0 ? 0.0 : 100.0 * static_cast<double>(t.furniture + t.exempt) / static_cast<double>(t.sentences);
    char buf[320];
    std::snprintf(buf, sizeof buf,
                  "text kept: %.1f%% of %zu sentences (%.1f%% page furniture or exempt, %.1f%% lost); "
                  "%zu of %zu files lost more than 5%%, %zu with text gave no unit",
                  t.kept_percent(), t.sentences, accounted, t.lost_percent(), t.files_losing_5, t.files,
                  t.files_zero_units);
    return buf;
}

}  // namespace quorum::corpus
