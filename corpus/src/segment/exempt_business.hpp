// Exempt business (Part II of the agenda, Schedule 12A of the Local Government Act 1972):
// which items an exclusion resolution withholds, and which words stay public. The
// resolution itself is public record, and so is what the meeting did before it; only the
// business it names is withheld (issue 15).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "segment/structure.hpp"

namespace quorum::corpus::structure {

// A resolution or record that the press and public leave the meeting: "RESOLVED that the
// press and public be excluded", "the public were excluded", "moved into closed session".
[[nodiscard]] bool is_exclusion_resolution(std::string_view text);

// What is withheld of one item.
struct Withholding {
    bool exempt = false;  // the item is exempt business
    // The item's own body excluded the public part-way through: what came before its
    // exclusion resolution was said in public and stays.
    bool public_until_exclusion = false;
};

// Reads the items of one document in order and says which are withheld.
class ExemptBusiness {
public:
    // `item_numbers`: the numbers of the document's items in order, so that a resolution
    // citing numbers no later item has (agenda numbers in minutes) is read for what it means.
    explicit ExemptBusiness(std::vector<std::string> item_numbers);

    // What is withheld of this item; then what its own words withhold after it.
    Withholding read(const Item& item, const std::string& body_text, DocumentKind kind);

    // A Part I / Part II line at the end of an item's body governs the next items.
    void read_end_marker(const Lines& body);

private:
    [[nodiscard]] bool named(const std::string& number) const;
    [[nodiscard]] bool names_a_later_item(const std::vector<std::string>& numbers) const;

    std::vector<std::string> item_numbers_;  // lower case
    std::size_t position_ = 0;               // items read so far

    bool excluded_ = false;                  // withheld until public business resumes
    int exclude_next_ = 0;                   // "the following item": this many items
    std::vector<std::string> named_exempt_;  // item numbers a resolution named
};

// The public words of a withheld item's body: the sentences that resolve to exclude the
// press and public (with the reasons that follow them), and, when `until_exclusion`, every
// line before the first of them.
struct PublicWords {
    Lines lines;                         // empty when the body has none
    std::size_t withheld_sentences = 0;  // sentences of the body left out
};
[[nodiscard]] PublicWords public_words(const Lines& body, bool until_exclusion);

}  // namespace quorum::corpus::structure
