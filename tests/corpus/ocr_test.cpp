// OCR of PDF pages without a text layer (issue 12), on scanned_minutes.pdf: page 1 has a
// text layer, page 2 is only a 200 dpi scan of its text (make_scanned_minutes.sh).
// A build without tesseract must say so for the scanned page instead.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "quorum/corpus/reader.hpp"
#include "temp_dir.hpp"

using namespace quorum::corpus;
namespace fs = std::filesystem;

namespace {

const fs::path scanned = fs::path(QUORUM_FIXTURES_DIR) / "pdf" / "scanned_minutes.pdf";

std::vector<const Diagnostic*> with_code(const FileResult& r, const std::string& code) {
    std::vector<const Diagnostic*> out;
    for (const auto& d : r.diagnostics)
        if (d.code == code) out.push_back(&d);
    return out;
}

// The units of the file whose text contains `words`.
std::vector<const Unit*> units_with(const FileResult& r, const std::string& words) {
    std::vector<const Unit*> out;
    for (const auto& doc : r.documents)
        for (const auto& u : doc.units)
            if (u.text.find(words) != std::string::npos) out.push_back(&u);
    return out;
}

// Sets an environment variable for one test and puts back what was there.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

// A PDF of one blank page: no text layer and nothing for OCR to read.
std::string blank_page_pdf() {
    const std::vector<std::string> objects{"<< /Type /Catalog /Pages 2 0 R >>",
                                           "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                           "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"};
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 4\n0000000000 65535 f \n";
    for (std::size_t o : offsets) {
        std::string n = std::to_string(o);
        pdf += std::string(10 - n.size(), '0') + n + " 00000 n \n";
    }
    return pdf + "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
}

}  // namespace

TEST_CASE("a scanned PDF page is read by OCR and its units are marked ocr", "[ocr]") {
    const FileResult r = read_file(scanned);
    REQUIRE(r.ok);
    // Page 1 has a text layer: read as text, never marked.
    const auto apologies = units_with(r, "Apologies for absence were received from Councillor Smith");
    REQUIRE_FALSE(apologies.empty());
    for (const Unit* u : apologies) {
        CHECK(u->page == 1);
        CHECK_FALSE(u->ocr);
    }
    if (!ocr_built_in()) {
        const auto unavailable = with_code(r, "ocr-unavailable");
        REQUIRE(unavailable.size() == 1);
        CHECK(unavailable[0]->severity == Diagnostic::Severity::warning);
        CHECK(unavailable[0]->message.find("page 2 ") != std::string::npos);
        CHECK(unavailable[0]->message.find("tesseract-ocr-eng") != std::string::npos);
        CHECK(units_with(r, "pothole").empty());
        return;
    }
    // Page 2 exists only as pixels: its words come from tesseract.
    const auto highways = units_with(r, "pothole repairs on the A28");
    REQUIRE_FALSE(highways.empty());
    for (const Unit* u : highways) {
        CHECK(u->page == 2);
        CHECK(u->ocr);
    }
    CHECK_FALSE(units_with(r, "resurfacing programme for rural roads in the Ashford district").empty());
    bool resolution = false;
    for (const Unit* u : units_with(r, "RESOLVED: that the report be noted"))
        resolution = resolution || (u->type == UnitType::resolution && u->ocr && u->page == 2);
    CHECK(resolution);
    const auto read = with_code(r, "ocr-page");
    REQUIRE(read.size() == 1);
    CHECK(read[0]->severity == Diagnostic::Severity::info);
    CHECK(read[0]->message.find("page 2 ") != std::string::npos);
    CHECK(with_code(r, "ocr-unavailable").empty());
    CHECK(with_code(r, "ocr-failed").empty());
    CHECK(with_code(r, "ocr-empty").empty());
}

TEST_CASE("without the English language data a scanned page is reported, with what to install", "[ocr]") {
    if (!ocr_built_in()) return;  // the test above checks a build without OCR
    quorum::test::TempDir empty;
    {
        const ScopedEnv no_data("TESSDATA_PREFIX", empty.path().string());
        const FileResult r = read_file(scanned);
        REQUIRE(r.ok);  // page 1 is still read
        const auto unavailable = with_code(r, "ocr-unavailable");
        REQUIRE(unavailable.size() == 1);
        CHECK(unavailable[0]->message.find("page 2 ") != std::string::npos);
        CHECK(unavailable[0]->message.find("install tesseract-ocr-eng") != std::string::npos);
        CHECK(units_with(r, "pothole").empty());
        CHECK(with_code(r, "ocr-page").empty());
    }
    // With the data back, the same thread's engine is made again and reads the page.
    CHECK_FALSE(units_with(read_file(scanned), "pothole").empty());
}

TEST_CASE("a blank page without a text layer is reported as empty by OCR, not as a failure", "[ocr]") {
    const FileResult r = read_buffer(blank_page_pdf(), "blank.pdf");
    CHECK_FALSE(r.ok);  // no text at all: the file is reported empty
    const std::string expected = ocr_built_in() ? "ocr-empty" : "ocr-unavailable";
    const auto page = with_code(r, expected);
    REQUIRE(page.size() == 1);
    CHECK(page[0]->message.find("page 1 ") != std::string::npos);
    CHECK(with_code(r, "ocr-failed").empty());
    CHECK(with_code(r, "ocr-page").empty());
    CHECK(with_code(r, "empty").size() == 1);
}
