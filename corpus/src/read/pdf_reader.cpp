// PDF -> SourceText with poppler-cpp: one SourceLine per text line, with its page.
// Layout choice (checked on the Kent ModernGov minutes, reports and budget appendices):
// physical_layout keeps "84.    Apologies" on one line, blank lines between paragraphs
// and table columns apart; raw_order_layout puts the number and the heading on separate
// lines, loses paragraph breaks and runs table cells together. Column gaps (3+ spaces
// inside a line) become tabs, so tables reach the segmenter as tab-separated rows.
// A page without a text layer (a scan) is read by OCR where the build has it (ocr.cpp).
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <string>

#include "quorum/corpus/text.hpp"
#include "read/ocr.hpp"
#include "read/source_readers.hpp"

namespace quorum::corpus {
namespace {

void silence_poppler(const std::string&, void*) {}

// poppler reports damaged objects on stderr; the reader reports them as diagnostics.
void install_quiet_errors() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(silence_poppler, nullptr); });
}

std::string utf8(const poppler::ustring& s) {
    const poppler::byte_array bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

// A bullet glyph alone before the gap: "•", "▪", "" (a symbol font's bullet), "o".
bool bullet_glyph(std::string_view before) {
    static constexpr std::array<std::string_view, 9> kGlyphs = {"\xE2\x80\xA2", "\xC2\xB7",     "\xEF\x82\xB7",
                                                                "\xE2\x96\xAA", "\xE2\x97\x8F", "\xE2\x96\xA0",
                                                                "\xE2\x9E\xA2", "\xEF\x82\xA7", "o"};
    return std::find(kGlyphs.begin(), kGlyphs.end(), before) != kGlyphs.end();
}

// A paragraph number ("1.2", "3.4.1"), a cover field's name ("From:", "Ask for:") or a
// bullet glyph (issue 13: a bulleted list laid out with a gap after its bullets was read
// as a table of bullets, apart from the lead-in it belongs to).
bool leading_label(std::string_view before) {
    if (bullet_glyph(before)) return true;
    if (before.empty() || before.size() > 24) return false;
    if (before.back() == ':')
        return before.find(':') == before.size() - 1 && std::count(before.begin(), before.end(), ' ') <= 2;
    if (before.size() > 8) return false;
    bool digit = false;
    for (char c : before) {
        if (c >= '0' && c <= '9')
            digit = true;
        else if (c != '.')
            return false;
    }
    return digit && before.front() != '.';
}

// Is there another column gap (3+ spaces) after `from`? Then the line is a table row.
bool more_gaps(std::string_view raw, std::size_t from) { return raw.find("   ", from) != std::string_view::npos; }

// Trailing padding removed; inner gaps of 3+ spaces become one tab, except after a
// leading label ("84.", "(a)", "1.2", "From:") where the gap is just layout: one space.
std::string tidy_line(std::string_view raw) {
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\r' || raw.back() == '\t')) raw.remove_suffix(1);
    std::size_t lead = 0;
    while (lead < raw.size() && raw[lead] == ' ') ++lead;
    std::string out(raw.substr(0, lead));
    bool first_gap = true;
    for (std::size_t i = lead; i < raw.size();) {
        if (raw[i] != ' ') {
            out.push_back(raw[i++]);
            continue;
        }
        std::size_t j = i;
        while (j < raw.size() && raw[j] == ' ') ++j;
        if (j - i >= 3) {
            const std::string_view before = std::string_view(out).substr(lead);
            const bool label = first_gap && ((before.size() <= 6 && !before.empty() &&
                                              (before.back() == '.' || before.back() == ')') &&
                                              before.find(' ') == std::string_view::npos) ||
                                             (leading_label(before) && !more_gaps(raw, j)));
            out.push_back(label ? ' ' : '\t');
        } else {
            out.append(j - i, ' ');
        }
        first_gap = false;
        i = j;
    }
    return out;
}

// A page with no text layer, read by OCR: its lines join the text with their page number
// and the page is listed in ocr_pages, so that its units are marked as OCR'd text.
void read_page_by_ocr(const poppler::page& page, int number, const std::string& file, SourceText& out,
                      std::vector<Diagnostic>& diagnostics) {
    using Sev = Diagnostic::Severity;
    const OcrPage ocr = ocr_page(page);
    const std::string where = "page " + std::to_string(number) + " has no text layer";
    switch (ocr.status) {
        case OcrPage::Status::unavailable:
            diagnostics.push_back({Sev::warning, file, 0, "ocr-unavailable",
                                   where + " and was not read by OCR: " + ocr.why});
            return;
        case OcrPage::Status::failed:
            diagnostics.push_back({Sev::warning, file, 0, "ocr-failed",
                                   where + " and OCR failed: " + ocr.why +
                                       ". Check that the page opens in a PDF viewer; a fresh copy may help"});
            return;
        case OcrPage::Status::empty:
            diagnostics.push_back({Sev::info, file, 0, "ocr-empty",
                                   where + " and OCR found no words on it (a blank page or a picture?); look at the "
                                           "page if it should have text"});
            return;
        case OcrPage::Status::ok:
            break;
    }
    std::size_t start = 0;
    while (start < ocr.text.size()) {
        std::size_t end = ocr.text.find('\n', start);
        if (end == std::string::npos) end = ocr.text.size();
        std::string line(trim(std::string_view(ocr.text).substr(start, end - start)));
        if (!line.empty() || (!out.lines.empty() && !out.lines.back().text.empty()))
            out.lines.push_back({to_nfc(repair_utf8(line)), number});
        start = end + 1;
    }
    out.ocr_pages.push_back(number);
    diagnostics.push_back({Sev::info, file, 0, "ocr-page",
                           where + " and was read by OCR (mean word confidence " + std::to_string(ocr.confidence) +
                               "%); its units are marked \"ocr\": check them against the page"});
}

}  // namespace

SourceText read_pdf_source(std::string_view bytes, const std::string& file, std::vector<Diagnostic>& diagnostics) {
    using Sev = Diagnostic::Severity;
    install_quiet_errors();
    SourceText out;
    out.format = "pdf";
    if (!bytes.starts_with("%PDF") && bytes.substr(0, 1024).find("%PDF") == std::string_view::npos) {
        diagnostics.push_back({Sev::error, file, 0, "pdf-damaged",
                               "the file does not start like a PDF (no %PDF header); check that it is a PDF"});
        return out;
    }
    // load_from_raw_data does not copy: `bytes` outlives the document.
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
        bytes.data(), static_cast<int>(std::min<std::size_t>(bytes.size(), INT32_MAX))));
    if (!doc) {
        diagnostics.push_back({Sev::error, file, 0, "pdf-damaged",
                               "poppler could not open the PDF (damaged or truncated); get a fresh copy of the file"});
        return out;
    }
    if (doc->is_locked()) {
        diagnostics.push_back({Sev::error, file, 0, "pdf-encrypted",
                               "the PDF is password protected; save an unprotected copy to index it"});
        return out;
    }
    out.title = to_nfc(collapse_spaces(repair_utf8(utf8(doc->get_title()))));
    const int pages = doc->pages();
    std::vector<int> empty_pages;
    for (int p = 0; p < pages; ++p) {
        std::unique_ptr<poppler::page> page(doc->create_page(p));
        if (!page) {
            diagnostics.push_back({Sev::warning, file, 0, "pdf-damaged",
                                   "page " + std::to_string(p + 1) + " could not be read and was skipped"});
            continue;
        }
        const std::string text = repair_utf8(utf8(page->text(poppler::rectf(), poppler::page::physical_layout)));
        bool any = false;
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find_first_of("\n\f", start);
            if (end == std::string::npos) end = text.size();
            std::string line = tidy_line(std::string_view(text).substr(start, end - start));
            if (trim(line).empty()) line.clear();  // padding of no-break or em spaces
            if (!line.empty()) any = true;
            // One blank line is enough between paragraphs.
            if (!line.empty() || out.lines.empty() || !out.lines.back().text.empty() || out.lines.back().page != p + 1)
                out.lines.push_back({to_nfc(line), p + 1});
            start = end + 1;
        }
        if (!any) {
            empty_pages.push_back(p + 1);
            read_page_by_ocr(*page, p + 1, file, out, diagnostics);
        }
    }
    if (!empty_pages.empty()) {
        std::string list;
        for (std::size_t i = 0; i < empty_pages.size() && i < 20; ++i)
            list += (i ? ", " : "") + std::to_string(empty_pages[i]);
        if (empty_pages.size() > 20) list += ", ...";
        diagnostics.push_back({Sev::info, file, 0, "pdf-no-text",
                               std::to_string(empty_pages.size()) + " page(s) have no text layer (scanned?): " + list +
                                   "; the ocr-* diagnostic of each page says whether OCR read it"});
    }
    return out;
}

}  // namespace quorum::corpus
