// Hostile and broken inputs: each gives a clear diagnostic, and read_file returns
// promptly without crashing (run these under -DQUORUM_SANITIZE=ON too).
#include <catch2/catch.hpp>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>

#include "quorum/corpus/reader.hpp"
#include "read/source_readers.hpp"
#include "temp_dir.hpp"

using namespace quorum::corpus;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, std::string_view bytes) {
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

const Diagnostic* find_code(const FileResult& r, const std::string& code) {
    const auto it =
        std::find_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) { return d.code == code; });
    return it == r.diagnostics.end() ? nullptr : &*it;
}

const fs::path hostile = fs::path(QUORUM_FIXTURES_DIR) / "hostile";
const fs::path pdfs = fs::path(QUORUM_FIXTURES_DIR) / "pdf";

}  // namespace

TEST_CASE("an empty file is reported as empty and not read") {
    quorum::test::TempDir tmp;
    write(tmp.path() / "empty.txt", "");
    const FileResult r = read_file(tmp.path() / "empty.txt");
    CHECK_FALSE(r.ok);
    const Diagnostic* d = find_code(r, "empty");
    REQUIRE(d != nullptr);
    CHECK(d->file.find("empty.txt") != std::string::npos);
}

TEST_CASE("a file of blank lines is reported as having no readable text") {
    const FileResult r = read_buffer("\n \n\t\n", "blank.txt");
    CHECK_FALSE(r.ok);
    CHECK(find_code(r, "empty") != nullptr);
}

TEST_CASE("a binary file with a text extension is reported as binary") {
    quorum::test::TempDir tmp;
    std::string bytes = "\x89PNG\r\n\x1a\n";
    bytes.append(std::string(100, '\0'));
    write(tmp.path() / "image.txt", bytes);
    write(tmp.path() / "image.html", bytes);
    for (const char* name : {"image.txt", "image.html"}) {
        const FileResult r = read_file(tmp.path() / name);
        CHECK_FALSE(r.ok);
        CHECK(find_code(r, "binary") != nullptr);
        CHECK(r.documents.empty());
    }
}

TEST_CASE("a 50 MB single-line file is read in seconds, split into bounded lines") {
    quorum::test::TempDir tmp;
    std::string line;
    line.reserve(50u << 20);
    // Inline Markdown and entities on every few words; no block tags, so it stays one line.
    const std::string words = "the committee noted the report and **agreed** that *it* be [noted](x) &amp; ";
    while (line.size() < (50u << 20)) line += words;
    write(tmp.path() / "huge.md", line);
    // CPU time, not wall time: the check is about this code, not about a busy machine.
    const auto cpu_seconds = [](std::clock_t from) { return double(std::clock() - from) / CLOCKS_PER_SEC; };
    std::clock_t start = std::clock();
    std::vector<Diagnostic> ds;
    const SourceText t = read_text_source(line, "huge.md", true, ds);
    CHECK(cpu_seconds(start) < 60.0);  // linear passes: ~1 s optimised, generous for Debug and sanitizers
    REQUIRE(t.lines.size() > 4000);    // about 50 MB / 10 KB pieces
    CHECK(std::all_of(t.lines.begin(), t.lines.end(), [](const SourceLine& l) { return l.text.size() <= 10000; }));
    start = std::clock();
    const FileResult r = read_file(tmp.path() / "huge.md");
    CHECK(r.ok);
    CHECK(cpu_seconds(start) < 180.0);
}

TEST_CASE("invalid UTF-8 is repaired with replacement characters and reported") {
    const FileResult r = read_file(hostile / "invalid_utf8.txt");
    CHECK(find_code(r, "invalid-utf8") != nullptr);
    std::vector<Diagnostic> ds;
    std::ifstream in(hostile / "invalid_utf8.txt", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const SourceText t = read_text_source(bytes, "invalid_utf8.txt", false, ds);
    REQUIRE(t.lines.size() >= 2);
    CHECK(t.lines[1].text.find("caf\xC3\xA9") != std::string::npos);
    CHECK(t.lines[1].text.find("\xEF\xBF\xBD") != std::string::npos);
}

TEST_CASE("a Windows-1252 file is converted and reported once") {
    const FileResult r = read_file(hostile / "cp1252.txt");
    CHECK(std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                        [](const Diagnostic& d) { return d.code == "windows-1252"; }) == 1);
}

TEST_CASE("a broken sidecar is reported and ignored, and the file is still read") {
    const FileResult r = read_file(hostile / "with_bad_sidecar.txt");
    CHECK(find_code(r, "bad-sidecar") != nullptr);
    CHECK(r.ok);
}

TEST_CASE("a truncated PDF is reported as damaged") {
    const FileResult r = read_file(pdfs / "truncated.pdf");
    CHECK_FALSE(r.ok);
    CHECK(find_code(r, "pdf-damaged") != nullptr);
}

TEST_CASE("a file named .pdf that is not a PDF is reported as damaged") {
    const FileResult r = read_buffer("just some text, not a PDF", "fake.pdf");
    CHECK_FALSE(r.ok);
    CHECK(find_code(r, "pdf-damaged") != nullptr);
}

TEST_CASE("a 100,000-deep nested HTML page is cut with a deeply-nested diagnostic, not a crash") {
    std::string html = "<html><body><p>Top line</p>";
    for (int i = 0; i < 100000; ++i) html += "<div>";
    html += "deep text";
    for (int i = 0; i < 100000; ++i) html += "</div>";
    html += "</body></html>";
    std::vector<Diagnostic> ds;
    const SourceText t = read_html_source(html, "deep.html", ds);
    CHECK(std::any_of(ds.begin(), ds.end(), [](const Diagnostic& d) { return d.code == "deeply-nested"; }));
    REQUIRE_FALSE(t.lines.empty());
    CHECK(t.lines.front().text == "Top line");
    const FileResult r = read_buffer(html, "deep.html");
    CHECK(find_code(r, "deeply-nested") != nullptr);
}

TEST_CASE("nesting just under the limits is read in full") {
    std::string html = "<html><body>";
    for (int i = 0; i < 1500; ++i) html += "<div>";
    html += "deep text";
    for (int i = 0; i < 1500; ++i) html += "</div>";
    html += "</body></html>";
    std::vector<Diagnostic> ds;
    const SourceText t = read_html_source(html, "ok.html", ds);
    CHECK(ds.empty());
    REQUIRE(t.lines.size() == 1);
    CHECK(t.lines[0].text == "deep text");
}

TEST_CASE("unsupported and missing files are reported, not thrown") {
    quorum::test::TempDir tmp;
    write(tmp.path() / "data.json", "{}");
    const FileResult j = read_file(tmp.path() / "data.json");
    CHECK_FALSE(j.ok);
    CHECK(find_code(j, "unsupported") != nullptr);
    const FileResult m = read_file(tmp.path() / "missing.txt");
    CHECK_FALSE(m.ok);
    CHECK(find_code(m, "unreadable") != nullptr);
}

TEST_CASE("a file over the size limit is reported as too large") {
    quorum::test::TempDir tmp;
    write(tmp.path() / "big.txt", std::string(2000, 'a'));
    ReadOptions options;
    options.max_file_bytes = 1000;
    const FileResult r = read_file(tmp.path() / "big.txt", options);
    CHECK_FALSE(r.ok);
    CHECK(find_code(r, "too-large") != nullptr);
}

TEST_CASE("unclosed HTML fragments in a text file do not swallow the following paragraphs") {
    std::vector<Diagnostic> ds;
    const SourceText t =
        read_text_source("<table><tr><td>a\n\nNext paragraph\n<script>x\n\nAfter\n", "u.txt", false, ds);
    bool next = false, after = false;
    for (const auto& l : t.lines) {
        next = next || l.text == "Next paragraph";
        after = after || l.text == "After";
    }
    CHECK(next);
    CHECK(after);
}
