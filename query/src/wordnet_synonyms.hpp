// General English synonyms from WordNet (Debian's wordnet-base), for words a council's
// papers may not use ("sacked" -> "dismiss", "fire"). WordNet's C library keeps global
// state: every call goes through one lock, and answers are remembered.
#pragma once

#include <string>
#include <vector>

namespace quorum::query {

// The single-word synonyms of `word` (lower case) in its most common senses as a noun,
// verb or adjective, most common sense first; empty when WordNet is not installed or does
// not know the word. Thread-safe.
[[nodiscard]] std::vector<std::string> wordnet_synonyms(const std::string& word);

// Whether WordNet's dictionary could be opened (for /healthz and the docs' claims).
[[nodiscard]] bool wordnet_available();

}  // namespace quorum::query
