// Stop words dropped from queries (never from the index: phrases still need them).
// Debian ships no Xapian stop word lists, so this is our own: common English function
// words plus the question words people type in natural questions ("what did we resolve
// about ...", "who said ..."). Words that carry meaning in council minutes ("not" typed in
// lower case aside) stay out: "action", "report", "plan", "more", "further", and "may"
// (the month) and "last" ("last year").
#pragma once

#include <string_view>

namespace quorum::query {

inline constexpr std::string_view stop_words[] = {
    // articles, conjunctions, prepositions
    "a", "an", "the", "and", "or", "but", "nor", "so", "as", "at", "by", "for", "from", "in", "into", "of", "off", "on",
    "onto", "to", "with", "within", "about", "above", "after", "against", "before", "below", "between", "during",
    "over", "under", "until", "upon", "via", "than", "then", "if", "because", "while",
    // pronouns and determiners
    "i", "me", "my", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she", "her", "hers", "it",
    "its", "they", "them", "their", "theirs", "this", "that", "these", "those", "there", "here", "any", "some", "each",
    "every", "all", "both", "such", "other", "same", "own", "anything", "something",
    // auxiliaries
    "am", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having", "do", "does", "did",
    "doing", "done", "will", "would", "shall", "should", "can", "could", "might", "must",
    // question words and what questions wrap around the subject
    "what", "whats", "when", "where", "which", "who", "whom", "whose", "why", "how", "said", "say", "says", "tell",
    "told", "show", "find", "made", "make", "given", "taken", "know", "happened", "happen", "discussed", "mentioned",
    "regarding", "concerning", "re", "please", "ever", "latest", "just", "also", "very", "too"};

}  // namespace quorum::query
