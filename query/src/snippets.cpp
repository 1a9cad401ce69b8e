#include "snippets.hpp"

#include "quorum/index/text_fold.hpp"

namespace quorum::query {

std::string make_snippet(const Xapian::MSet& mset, const std::string& text, const Xapian::Stem& stem) {
    return mset.snippet(quorum::index::fold_for_search(text), snippet_bytes, stem,
                        Xapian::MSet::SNIPPET_BACKGROUND_MODEL, "<mark>", "</mark>", "\u2026");
}

}  // namespace quorum::query
