// Format readers (text, Markdown, HTML, PDF) and the file chain around them:
// ids, sidecars, input collection and merging.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "quorum/corpus/reader.hpp"
#include "read/source_readers.hpp"
#include "temp_dir.hpp"

using namespace quorum::corpus;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write(const fs::path& p, std::string_view bytes) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::vector<std::string> texts(const SourceText& t) {
    std::vector<std::string> out;
    for (const auto& l : t.lines) out.push_back(l.text);
    return out;
}

bool contains(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

bool has_code(const std::vector<Diagnostic>& ds, const std::string& code) {
    return std::any_of(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.code == code; });
}

const fs::path fixtures = QUORUM_FIXTURES_DIR;
const fs::path samples = QUORUM_SAMPLES_DIR;

}  // namespace

TEST_CASE("the text reader keeps a seed's tab-separated agenda rows on one line with their cells") {
    std::vector<Diagnostic> ds;
    const SourceText t = read_text_source(slurp(samples / "001_8fed95a2e73ba999.txt"), "001.txt", false, ds);
    const auto lines = texts(t);
    CHECK(contains(lines, "1.\tAPOLOGIES FOR ABSENCE To receive apologies for absence\t"));
    CHECK(contains(lines,
                   "4.\tMINUTES AND ACTION LOG To approve and sign the minutes of the meeting on Tuesday 22 March "
                   "2022. To review and approve the action log\t9 - 16"));
    // Bold spanning two lines loses both halves of its markers.
    CHECK(contains(lines, "Place: Herefordshire Council Offices, Plough Lane, Hereford,"));
    CHECK(contains(lines, "HR4 0LE"));
    CHECK(contains(lines, "Date: Tuesday 26 April 2022"));
    for (const auto& l : lines) {
        CHECK(l.find("<p>") == std::string::npos);
        CHECK(l.find("**") == std::string::npos);
    }
    CHECK(ds.empty());
}

TEST_CASE("the text reader keeps the virtual attendance stars of seed minutes") {
    std::vector<Diagnostic> ds;
    const SourceText t = read_text_source(slurp(samples / "000_93a416bcbe6d1f5a.txt"), "000.txt", false, ds);
    const auto lines = texts(t);
    CHECK(contains(lines, "Dana Marrett*, Service Manager for Fostering and Permanence Service*"));
    CHECK(contains(lines, "*Denotes virtual attendance"));
    CHECK(contains(lines, "60."));
    CHECK(t.lines.front().page == 0);
}

TEST_CASE("the Markdown reader reads front matter, the original file link, tables and emphasis") {
    std::vector<Diagnostic> ds;
    const SourceText t = read_text_source(slurp(fixtures / "hostile" / "markdown_features.md"), "m.md", true, ds);
    CHECK(t.format == "md");
    CHECK(t.title == "Front matter title");
    CHECK(t.url == "https://example.org/minutes.pdf");
    const auto lines = texts(t);
    CHECK(contains(lines, "MINUTES OF THE EXAMPLE PARISH COUNCIL"));
    CHECK(contains(lines, "Present: Cllr A Smith, Cllr B Jones*"));
    CHECK(contains(lines, "1. APOLOGIES read more were noted."));
    CHECK(contains(lines, "Item\tCost"));
    CHECK(contains(lines,
                   "Grass cutting\t\xC2\xA3"
                   "100"));
    CHECK(contains(lines, "1.0\tWelcome & introductions"));
    CHECK(contains(lines, "2.0\tApologies"));
    CHECK_FALSE(contains(lines, "---"));
}

TEST_CASE("form feeds in a text file become page numbers counted from 1") {
    std::vector<Diagnostic> ds;
    const SourceText t = read_text_source("page one\nmore\fpage two\r\nend\r", "p.txt", false, ds);
    REQUIRE(t.lines.size() == 4);
    CHECK(t.lines[0].page == 1);
    CHECK(t.lines[1].page == 1);
    CHECK(t.lines[2].text == "page two");
    CHECK(t.lines[2].page == 2);
    CHECK(t.lines[3].text == "end");
}

TEST_CASE("the text reader strips trailing spaces but keeps leading indentation and NFC-normalises") {
    std::vector<Diagnostic> ds;
    const SourceText t = read_text_source("   (i) Cafe\xCC\x81 item   \n\tindented\t\n", "n.txt", false, ds);
    REQUIRE(t.lines.size() >= 2);
    CHECK(t.lines[0].text == "   (i) Caf\xC3\xA9 item");
    CHECK(t.lines[1].text == "\tindented\t");
}

TEST_CASE("the HTML reader turns a ModernGov minutes page into numbered item lines and body paragraphs") {
    std::vector<Diagnostic> ds;
    const SourceText t = read_html_source(slurp(fixtures / "html" / "moderngov_minutes.html"), "p.html", ds);
    CHECK(t.format == "html");
    CHECK(t.title == "Agenda for Example Scrutiny Committee on Tuesday 3 March 2026, 2:00 pm - Modern Council");
    const auto lines = texts(t);
    CHECK(contains(lines, "Example Scrutiny Committee - Tuesday 3 March 2026 2:00 pm"));
    CHECK(contains(lines, "Venue: Town Hall, Example Street"));
    CHECK(contains(lines, "12. Apologies for Absence"));
    CHECK(contains(lines, "Apologies were received from Councillor Jane Doe and Councillor Caf\xC3\xA9 Smith."));
    CHECK(contains(lines, "13. Budget Monitoring"));
    CHECK(contains(lines,
                   "Service\tBudget \xC2\xA3"
                   "000\tOutturn \xC2\xA3"
                   "000"));
    CHECK(contains(lines, "Libraries\t1,200\t1,150"));
    CHECK(contains(lines, "\xE2\x80\xA2 the report be noted;"));
    for (const auto& l : lines) {
        CHECK(l.find("must not appear") == std::string::npos);
        CHECK(l.find("Calendar") == std::string::npos);
        CHECK(l.find("PDF 198 KB") == std::string::npos);
        CHECK(l.find("Search the site") == std::string::npos);
        CHECK(l.find("2026 Example Council") == std::string::npos);
    }
    // Item 12 comes before item 13, and its body follows its heading.
    const auto at = [&](const std::string& s) { return std::find(lines.begin(), lines.end(), s) - lines.begin(); };
    CHECK(at("12. Apologies for Absence") < at("Minutes:"));
    CHECK(at("Minutes:") < at("13. Budget Monitoring"));
    CHECK(ds.empty());
}

TEST_CASE("the PDF reader gives lines with page numbers and the document title") {
    std::vector<Diagnostic> ds;
    const SourceText t = read_pdf_source(slurp(fixtures / "pdf" / "two_pages.pdf"), "t.pdf", ds);
    CHECK(t.format == "pdf");
    CHECK(t.title == "Test minutes");
    const auto lines = texts(t);
    CHECK(contains(lines, "Minutes of the meeting of the Test Committee"));
    CHECK(contains(lines, "1. APOLOGIES FOR ABSENCE"));
    const auto it =
        std::find_if(t.lines.begin(), t.lines.end(), [](const SourceLine& l) { return l.text == "2. MINUTES"; });
    REQUIRE(it != t.lines.end());
    CHECK(it->page == 2);
    CHECK(t.lines.front().page == 1);
    CHECK(ds.empty());
}

TEST_CASE("the PDF reader keeps a cover field or a paragraph number with its text, and a table's columns apart") {
    // report_cover.pdf (make_report_cover.py): "From:" and "1.1" printed a column apart from their text
    std::vector<Diagnostic> ds;
    const auto lines = texts(read_pdf_source(slurp(fixtures / "pdf" / "report_cover.pdf"), "t.pdf", ds));
    CHECK(contains(lines, "From: Rory Love, Cabinet Member for Education"));
    CHECK(contains(lines, "To: Cabinet - 30 January 2025"));
    CHECK(contains(lines, "1.1 The County Council is the Strategic Commissioner of Education."));
    CHECK(contains(lines, "Year\tPlaces\tSchools"));
    CHECK(contains(lines, "2025\t120\t4"));
    // Regression (issue 13): a bullet a column apart from its text was a table of bullets
    // (609 of them in the Kent papers), its lead-in a unit apart.
    CHECK(contains(lines, "   \xE2\x80\xA2 Extended Rights to Home to School Transport"));
}

TEST_CASE("document ids are slugs of the path relative to the input folder's parent") {
    CHECK(document_base_id("/data/corpus/samples/000_93a416bcbe6d1f5a.txt", "/data/corpus/samples") ==
          "samples-000-93a416bcbe6d1f5a");
    CHECK(document_base_id("/data/corpus/samples/000_93a416bcbe6d1f5a.txt", "") == "samples-000-93a416bcbe6d1f5a");
    // Regression: "x.pdf" and its extraction "x.txt" shared one id, so one replaced the other.
    CHECK(document_base_id("/a/kent/cabinet/2025-01-30/Printed minutes.pdf", "/a/kent") ==
          "kent-cabinet-2025-01-30-printed-minutes-pdf");
    CHECK(document_base_id("/a/x/minutes.html", "/a/x") == "x-minutes-html");
    // Regression: a 300-character file name made a unit id over Xapian's term limit.
    const std::string long_id = document_base_id("/a/limerick/" + std::string(300, 'n') + ".md", "/a/limerick");
    CHECK(long_id.size() <= 96);
    CHECK(long_id != document_base_id("/a/limerick/" + std::string(299, 'n') + ".md", "/a/limerick"));
    CHECK(long_id == document_base_id("/a/limerick/" + std::string(300, 'n') + ".md", "/a/limerick"));
}

TEST_CASE("is_supported_file accepts the five extensions in any case and nothing else") {
    CHECK(is_supported_file("a/b.TXT"));
    CHECK(is_supported_file("b.md"));
    CHECK(is_supported_file("b.Html"));
    CHECK(is_supported_file("b.htm"));
    CHECK(is_supported_file("b.pdf"));
    CHECK_FALSE(is_supported_file("b.json"));
    CHECK_FALSE(is_supported_file("b.txt.meta.json"));
    CHECK_FALSE(is_supported_file("README"));
}

TEST_CASE("collect_inputs lists supported files sorted, skips hidden folders and sidecars, reports the rest") {
    quorum::test::TempDir tmp;
    const fs::path root = tmp.path() / "archive";
    write(root / "b.txt", "b");
    write(root / "a" / "z.md", "z");
    write(root / "a" / "c.pdf", "%PDF");
    write(root / "b.txt.meta.json", "{}");
    write(root / ".git" / "x.txt", "hidden");
    write(root / "data.json", "[]");
    std::vector<Diagnostic> ds;
    const auto files = collect_inputs({root, tmp.path() / "missing"}, ds);
    REQUIRE(files.size() == 3);
    CHECK(files[0] == root / "a" / "c.pdf");
    CHECK(files[1] == root / "a" / "z.md");
    CHECK(files[2] == root / "b.txt");
    CHECK(has_code(ds, "unsupported"));
    CHECK(has_code(ds, "not-found"));
}

TEST_CASE("merge_into merges meetings and people with the same id and dedupes acronyms") {
    Archive archive;
    FileResult a;
    Meeting m1;
    m1.id = "c-2022-02-22";
    m1.date = "2022-02-22";
    m1.attendance.present.push_back({.name = "Jane Doe", .person_id = "jane-doe"});
    a.meetings.push_back(m1);
    a.people.push_back(Person{.id = "jane-doe", .name = "Jane Doe", .kind = "councillor"});
    a.acronyms.push_back({"MASH", "Multi-Agency Safeguarding Hub"});
    a.documents.push_back(Document{.id = "d1"});
    merge_into(archive, std::move(a));

    FileResult b;
    Meeting m2;
    m2.id = "c-2022-02-22";
    m2.venue = "Plough Lane";
    m2.attendance.present.push_back({.name = "Jane Doe", .person_id = "jane-doe"});
    m2.attendance.present.push_back({.name = "John Roe", .person_id = "john-roe"});
    b.meetings.push_back(m2);
    b.people.push_back(
        Person{.id = "jane-doe", .name = "Cllr J Doe", .roles = {{"chairperson", "c-2022-02-22", "", ""}}});
    b.acronyms.push_back({"MASH", "Multi-Agency Safeguarding Hub"});
    b.documents.push_back(Document{.id = "d2"});
    b.diagnostics.push_back({Diagnostic::Severity::info, "f", 0, "x", "y"});
    merge_into(archive, std::move(b));

    CHECK(archive.documents.size() == 2);
    REQUIRE(archive.meetings.size() == 1);
    CHECK(archive.meetings[0].venue == "Plough Lane");
    CHECK(archive.meetings[0].date == "2022-02-22");
    CHECK(archive.meetings[0].attendance.present.size() == 2);
    REQUIRE(archive.people.size() == 1);
    CHECK(archive.people[0].variants == std::vector<std::string>{"Cllr J Doe"});
    CHECK(archive.people[0].roles.size() == 1);
    CHECK(archive.acronyms.size() == 1);
    CHECK(archive.diagnostics.size() == 1);
}
