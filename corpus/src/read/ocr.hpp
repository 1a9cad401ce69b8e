// OCR of PDF pages that have no text layer (scanned minutes), with tesseract when this
// build has it (CMake option QUORUM_OCR; see corpus/CMakeLists.txt).
#pragma once

#include <string>

#include "quorum/corpus/reader.hpp"  // ocr_built_in

namespace poppler {
class page;
}

namespace quorum::corpus {

struct OcrPage {
    enum class Status { ok, unavailable, failed, empty };
    Status status = Status::unavailable;
    std::string text;    // what tesseract read, UTF-8, one line per printed line (Status::ok)
    int confidence = 0;  // tesseract's mean word confidence, 0-100 (Status::ok)
    std::string why;     // what went wrong and what to do (unavailable, failed)
};

// Renders `page` in grey at up to 300 dpi and reads it with this thread's tesseract engine.
// The engine is made on a thread's first OCR page and kept for the thread's life: Init
// loads the English model, which costs far more than one page's layout analysis.
// The language data is found as tesseract finds it (TESSDATA_PREFIX, else the package's).
[[nodiscard]] OcrPage ocr_page(const poppler::page& page);

}  // namespace quorum::corpus
