// Wildcards are expanded by the query library from the whole vocabulary (issue 16: Xapian
// expands them per database, so a shard set chose other terms). The rewrite must find the
// wildcards Xapian's parser finds, leave everything else as typed, and be undone exactly
// for a corrected query shown back to the user.
#include <catch2/catch.hpp>

#include "wildcards.hpp"

using quorum::query::restore_wildcards;
using quorum::query::rewrite_wildcards;

TEST_CASE("wildcard tokens are rewritten to the expanding field, and back", "[query][wildcards]") {
    const std::vector<std::string> fields{"title"};
    CHECK(rewrite_wildcards("co*", fields) == "qwild:co");
    CHECK(rewrite_wildcards("plan* application", fields) == "qwild:plan application");
    CHECK(rewrite_wildcards("title:bud* cuts", fields) == "qwildtitle:bud cuts");
    CHECK(rewrite_wildcards("+plan* -co*", fields) == "+qwild:plan -qwild:co");
    CHECK(rewrite_wildcards("(co* OR plan*)", fields) == "(qwild:co OR qwild:plan)");
    // A '*' that ends a word before punctuation still ends the wildcard, as in Xapian's parser.
    CHECK(rewrite_wildcards("co*, plan*.", fields) == "qwild:co, qwild:plan.");
    // Inside quotes, inside a word, after a field that is a filter, or alone: left as typed.
    CHECK(rewrite_wildcards("\"co* op\"", fields) == "\"co* op\"");
    CHECK(rewrite_wildcards("co-op*", fields) == "co-op*");
    CHECK(rewrite_wildcards("a*b", fields) == "a*b");
    CHECK(rewrite_wildcards("committee:ca*", fields) == "committee:ca*");
    CHECK(rewrite_wildcards("*", fields) == "*");
    CHECK(rewrite_wildcards("budget", fields) == "budget");

    for (const char* typed : {"co*", "plan* application", "title:bud* cuts", "+plan* -co*", "(co* OR plan*)"})
        CHECK(restore_wildcards(rewrite_wildcards(typed, fields)) == typed);
    CHECK(restore_wildcards("qwild:co qwildtitle:bud") == "co* title:bud*");
    CHECK(restore_wildcards("unqwild:co") == "unqwild:co");
}
