// Coverage: how much of a file's text ends up in its units (issue 12, "Nothing dropped").
// The checker compares the text a format reader produced (SourceText, before segmentation)
// with the units the segmenter made of it, sentence by sentence.
//
// A sentence is a piece of one source line (after Markdown/HTML clean-up), cut at sentence
// ends (". ", "? ", "! "), tabs and "|" (table cells). It counts only when it has at least
// three words with a letter and at least kMinSentenceChars letters and digits: shorter
// pieces ("Item 5", "Cllr J Smith", "12.3") are fragments and are not measured.
//
// A sentence is kept when its compact form (fold_key, then only letters and digits) occurs
// in the compact concatenation of the file's units: their titles, sections, numbers and
// text. Dropping spaces and punctuation makes the match blind to re-wrapping, hyphens at
// line ends and bullets, but the letters must still occur in order. Document titles and
// meeting metadata (header, attendance) do not count: text that only became metadata is
// lost until it is in a unit.
//
// A sentence not kept is accounted for when the segmenter drops it on purpose and says so:
// page furniture (running heads, page numbers: the lines strip_page_furniture blanks) and
// exempt business (the body of an item marked exempt under Schedule 12A). Every other
// sentence not kept is lost.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "quorum/corpus/reader.hpp"

namespace quorum::corpus {

inline constexpr std::size_t kMinSentenceChars = 16;

struct LostSentence {
    int line = 0;      // 1-based line of the SourceText
    std::string text;  // as printed (after Markdown/HTML clean-up)
};

// One file's coverage.
struct FileCoverage {
    std::size_t sentences = 0;               // measured sentences in the source text
    std::size_t kept = 0;                    // found in the units
    std::size_t furniture = 0;               // not kept, on a page-furniture line
    std::size_t exempt = 0;                  // not kept, in the body of an exempt item
    std::size_t lost = 0;                    // everything else
    std::size_t lost_before_first_item = 0;  // of `lost`: before the first item heading (header, attendance)
    std::size_t units = 0;
    std::vector<LostSentence> lost_sentences;  // the first CoverageOptions::max_listed lost ones

    [[nodiscard]] double lost_share() const noexcept {
        return sentences == 0 ? 0.0 : static_cast<double>(lost) / static_cast<double>(sentences);
    }
    // Text but no unit at all: the worst loss, whatever the share.
    [[nodiscard]] bool zero_units() const noexcept { return sentences > 0 && units == 0; }
};

struct CoverageOptions {
    std::size_t max_listed = 20;  // lost sentences listed per file (0: count only)
};

// Compares `source` (FileResult::source of read_file with ReadOptions::keep_source) with the
// units of `result`. Linear in the size of the text.
[[nodiscard]] FileCoverage measure_coverage(const SourceText& source, const FileResult& result,
                                            const CoverageOptions& options = {});

// The coverage of a result read with keep_source; a result without source text (unreadable
// file) measures nothing.
[[nodiscard]] FileCoverage measure_coverage(const FileResult& result, const CoverageOptions& options = {});

// Sums over many files (a folder, an index run).
struct CoverageTotals {
    std::size_t files = 0;  // files measured (with at least one sentence)
    std::size_t sentences = 0, kept = 0, furniture = 0, exempt = 0, lost = 0, lost_before_first_item = 0;
    std::size_t files_losing_5 = 0;    // files losing more than 5% of their sentences
    std::size_t files_losing_30 = 0;   // ... more than 30%
    std::size_t files_zero_units = 0;  // text but no unit

    void add(const FileCoverage& file);
    void add(const CoverageTotals& other);
    [[nodiscard]] double kept_percent() const noexcept;  // 100 when nothing was measured
    [[nodiscard]] double lost_percent() const noexcept;
};

// "text kept: 99.8% of 12,345 sentences (0.1% page furniture or exempt, 0.1% lost); 12 files
// lost more than 5%, 0 files with text gave no unit"
[[nodiscard]] std::string coverage_summary(const CoverageTotals& totals);

}  // namespace quorum::corpus
