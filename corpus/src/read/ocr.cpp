// OCR of pages without a text layer. Compiled with tesseract when CMake found it
// (QUORUM_HAVE_OCR); without it every such page is reported as unavailable.
#include "read/ocr.hpp"

#include <poppler/cpp/poppler-page.h>

#ifdef QUORUM_HAVE_OCR
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <dlfcn.h>
#include <tesseract/baseapi.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>
#endif

namespace quorum::corpus {

#ifndef QUORUM_HAVE_OCR

bool ocr_built_in() noexcept { return false; }

OcrPage ocr_page(const poppler::page&) {
    return {OcrPage::Status::unavailable, {}, 0,
            "this build of Quorum has no OCR; install libtesseract-dev and tesseract-ocr-eng, then configure and "
            "build again (see README) to read scanned pages"};
}

#else

namespace {

constexpr double max_dpi = 300;  // tesseract reads body text best at about 300 dpi
// A poster-sized page at 300 dpi would take hundreds of MB: larger pages get fewer dpi.
constexpr double max_pixels = 36e6;  // about four A4 pages at 300 dpi

// This thread's engine. Remade when TESSDATA_PREFIX changes (tests point it elsewhere);
// a failed Init is remembered so that a file of scanned pages does not retry it per page.
struct Engine {
    std::optional<std::string> data_prefix;  // TESSDATA_PREFIX when made
    bool made = false;
    std::unique_ptr<tesseract::TessBaseAPI> api;  // null when Init failed
};

std::optional<std::string> data_prefix_now() {
    const char* p = std::getenv("TESSDATA_PREFIX");
    return p ? std::optional<std::string>(p) : std::nullopt;
}

// Debian's tesseract runs parts of its LSTM in OpenMP threads. The readers already read one
// file per core, and OpenMP's extra threads made a page 3-4 times slower (1.5 s instead of
// 0.4 s on 2 cores, measured on tests/fixtures/pdf/scanned_minutes.pdf). Its parallel
// regions are made serial through libgomp, found at run time so that a tesseract without
// OpenMP needs nothing; a user's own OMP_NUM_THREADS or OMP_THREAD_LIMIT is left alone.
void serial_openmp() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (std::getenv("OMP_NUM_THREADS") || std::getenv("OMP_THREAD_LIMIT")) return;
        using SetLevels = void (*)(int);
        if (auto set = reinterpret_cast<SetLevels>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"))) set(0);
    });
}

tesseract::TessBaseAPI* engine() {
    thread_local Engine e;
    const auto prefix = data_prefix_now();
    if (e.made && e.data_prefix == prefix) return e.api.get();
    serial_openmp();
    e = Engine{prefix, true, std::make_unique<tesseract::TessBaseAPI>()};
    // Debug output to nowhere: problems reach the user as diagnostics.
    const std::vector<std::string> names{"debug_file"}, values{"/dev/null"};
    if (e.api->Init(nullptr, "eng", tesseract::OEM_DEFAULT, nullptr, 0, &names, &values, false) != 0) {
        e.api.reset();
        return nullptr;
    }
    // Minutes are columns of text blocks with headings: automatic layout analysis, no OSD.
    e.api->SetPageSegMode(tesseract::PSM_AUTO);
    return e.api.get();
}

// A page with no dark pixel has nothing to read; tesseract would take a second to say so.
bool blank(const poppler::image& image) {
    const auto* row = reinterpret_cast<const unsigned char*>(image.const_data());
    for (int y = 0; y < image.height(); ++y, row += image.bytes_per_row())
        if (std::any_of(row, row + image.width(), [](unsigned char grey) { return grey < 160; })) return false;
    return true;
}

bool has_words(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c != ' ' && c != '\n' && c != '\t' && c != '\f'; });
}

}  // namespace

bool ocr_built_in() noexcept { return true; }

OcrPage ocr_page(const poppler::page& page) {
    OcrPage out;
    tesseract::TessBaseAPI* api = engine();
    if (api == nullptr) {
        out.why =
            "tesseract could not load its English language data (eng.traineddata); install tesseract-ocr-eng, "
            "or set TESSDATA_PREFIX to the folder holding it";
        return out;
    }
    const poppler::rectf box = page.page_rect();
    const double square_inches = (box.width() / 72.0) * (box.height() / 72.0);
    double dpi = max_dpi;
    if (square_inches > 0 && square_inches * dpi * dpi > max_pixels) dpi = std::sqrt(max_pixels / square_inches);
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    const poppler::image image = renderer.render_page(&page, dpi, dpi);
    if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) {
        out.status = OcrPage::Status::failed;
        out.why = "poppler could not render the page to an image";
        return out;
    }
    if (blank(image)) {
        out.status = OcrPage::Status::empty;
        return out;
    }
    api->SetImage(reinterpret_cast<const unsigned char*>(image.const_data()), image.width(), image.height(), 1,
                  image.bytes_per_row());
    api->SetSourceResolution(static_cast<int>(dpi));
    const std::unique_ptr<char[]> text(api->GetUTF8Text());
    if (!text) {
        api->Clear();
        out.status = OcrPage::Status::failed;
        out.why = "tesseract could not recognise the page image";
        return out;
    }
    out.text = text.get();
    out.confidence = std::clamp(api->MeanTextConf(), 0, 100);
    api->Clear();  // the page image is not kept between pages
    out.status = has_words(out.text) ? OcrPage::Status::ok : OcrPage::Status::empty;
    return out;
}

#endif

}  // namespace quorum::corpus
