// Cuts at page breaks (issue 13): a sentence broken by the footer and header, and a table
// continued on the next page, are one unit. The fixture is ModernGov minutes laid out as a
// PDF reader gives them (tests/fixtures/txt/README.md); the excerpts are seed-style bodies.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "quorum/corpus/reader.hpp"
#include "units/blocks.hpp"
#include "units/table_pages.hpp"
#include "units/tables.hpp"
#include "unit_excerpts.hpp"

using namespace quorum::corpus;
using namespace quorum::corpus::test;

namespace {

const Document& fixture_minutes(FileResult& holder) {
    holder = read_file(std::string(QUORUM_FIXTURES_DIR) + "/txt/minutes_over_pages.txt");
    REQUIRE(holder.ok);
    REQUIRE(holder.documents.size() == 1);
    return holder.documents[0];
}

std::vector<const Unit*> units_of_type(const Document& doc, UnitType type) {
    std::vector<const Unit*> out;
    for (const Unit& u : doc.units) {
        if (u.type == type) out.push_back(&u);
    }
    return out;
}

const Unit* unit_containing(const Document& doc, std::string_view needle) {
    for (const Unit& u : doc.units) {
        if (u.type != UnitType::item && u.text.find(needle) != std::string::npos) return &u;
    }
    return nullptr;
}

SourceLine line(std::string text, int page) { return SourceLine{std::move(text), page}; }

}  // namespace

TEST_CASE("Kent minutes: a sentence broken by the page number goes on in one unit", "[page-breaks]") {
    // Regression (issue 13): "... funded by adult social care and" / "13" / "were legally the
    // responsibility ..." was two units: the piece on page 13 was one short line, read as a
    // heading.
    FileResult r;
    const Document& doc = fixture_minutes(r);
    const Unit* u = unit_containing(doc, "were to funded by adult social care and were legally the responsibility");
    REQUIRE(u != nullptr);
    CHECK(u->page == 1);
    CHECK(u->text.find("13") == std::string::npos);
}

TEST_CASE("Kent Reserves Policy: a capital after a line that ran to the margin continues it", "[page-breaks]") {
    // Regression (issue 13): "... the nine groups, plus Public" / "Health, Schools and General."
    FileResult r;
    const Document& doc = fixture_minutes(r);
    const Unit* u = unit_containing(doc, "plus Public Health, Schools and General. Operationally");
    REQUIRE(u != nullptr);
    CHECK(u->number == "1.4");
}

TEST_CASE("Kent CMPB report: a table continued under its repeated title and header is one table", "[page-breaks]") {
    // Regression (issue 13): the title and header row printed again on page 4 made a second
    // section and a second table.
    FileResult r;
    const Document& doc = fixture_minutes(r);
    const auto tables = units_of_type(doc, UnitType::table);
    REQUIRE(tables.size() == 1);
    REQUIRE(tables[0]->table);
    CHECK(tables[0]->table->header == std::vector<std::string>{"Organisation", "Date Awarded", "Award Level"});
    CHECK(tables[0]->table->rows.size() == 6);
    CHECK(tables[0]->table->rows.back().front() == "Kent County Council");
    CHECK(tables[0]->section == "SILVER & GOLD Employer Recognition Scheme Award Holders");
    const Unit* after = unit_containing(doc, "The Board thanked the employers");
    REQUIRE(after != nullptr);
    CHECK(after->section == tables[0]->section);
}

TEST_CASE("A title line on a new page that is not a page break's sentence stays a paragraph of its own",
          "[page-breaks]") {
    // Kent minutes (9 January 2025): a heading at the foot of a page is not continued by the
    // capitalised paragraph on the next.
    const std::vector<SourceLine> lines = {line("Interests in items on the agenda", 1), line("", 1),
                                           line("Mr Hood declared an interest as a member of the board.", 2)};
    const std::vector<Piece> pieces = split_pieces(lines);
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[0].block.text == "Interests in items on the agenda");
}

TEST_CASE("Tables on consecutive pages join only when the later one goes on with the same columns", "[page-breaks]") {
    std::vector<Piece> pieces(4);
    pieces[0].block.text = "Table 2: Effect Symbols";
    pieces[0].block.lines = 1;
    pieces[1].is_table = true;
    pieces[1].table = TableRun{{{"Nature of effect", "Symbol"}, {"Significant positive effect", "++"}}, 15, 15};
    pieces[2].block.text = "Table 2: Effect Symbols (continued)";
    pieces[2].block.lines = 1;
    pieces[3].is_table = true;
    pieces[3].table = TableRun{{{"Nature of effect", "Symbol"}, {"Minor negative effect", "-"}}, 16, 16};
    std::vector<Piece> other = pieces;
    other[3].table.page = other[3].table.last_page = 15;  // the same page: two tables

    join_page_continued_tables(pieces, "");
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[1].table.rows.size() == 3);  // the header once
    CHECK(pieces[1].table.last_page == 16);
    CHECK(shape_table(pieces[1].table, pieces[0].block.text).rows.size() == 2);

    join_page_continued_tables(other, "");
    CHECK(other.size() == 4);
}

TEST_CASE("A header row printed again inside one run of rows is kept once", "[page-breaks]") {
    const TableRun run{{{"Organisation", "Date Awarded", "Award Level"},
                        {"Absolute Military", "2022", "Gold"},
                        {"Organisation", "Date Awarded", "Award Level"},
                        {"Kent Police", "2022", "Gold"}},
                       8,
                       9};
    const TableInfo t = shape_table(run, "");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[1].front() == "Kent Police");
}
