// Shared body of the reader targets: one file's bytes through the whole reading chain
// (format reader, segmenter, units) and the indexer's document builder, as quorum-index
// runs them. Besides crashes and sanitizer reports it checks what the rest of the
// pipeline relies on, and aborts (a crash to libFuzzer) when a promise is broken:
//  - no exception escapes a reader or the segmenter ("read-failed" and "segment-failed"
//    are the chain's last-resort catches: bad bytes are diagnostics, never exceptions);
//  - every unit, item and document text the readers give is valid UTF-8;
//  - the reading serialises to JSON (nlohmann throws on invalid UTF-8);
//  - every Xapian term of the built documents is non-empty and at most 245 bytes, the
//    longest term Xapian stores (a longer one fails the whole file at write time).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "quorum/corpus/model_json.hpp"
#include "quorum/corpus/reader.hpp"
#include "quorum/index/document_builder.hpp"
#include "quorum/text/utf8.hpp"

namespace quorum::fuzz {

[[noreturn]] inline void broken(const char* what, std::string_view detail) {
    std::fprintf(stderr, "fuzz: broken promise: %s: %.*s\n", what, static_cast<int>(std::min<std::size_t>(detail.size(), 200)),
                 detail.data());
    std::abort();
}

inline void check_utf8(const char* what, const std::string& text) {
    if (!text::is_valid_utf8(text)) broken(what, text);
}

inline int read_one(const std::uint8_t* data, std::size_t size, const std::string& name) {
    static const corpus::ReadOptions options = [] {
        corpus::ReadOptions o;
        o.sidecar = corpus::Sidecar{};  // never look beside the (imaginary) file
        return o;
    }();
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    corpus::FileResult result = corpus::read_buffer(bytes, name, options);

    for (const auto& d : result.diagnostics)
        if (d.code == "read-failed" || d.code == "segment-failed") broken(d.code.c_str(), d.message);
    for (const auto& doc : result.documents) {
        check_utf8("document title", doc.title);
        for (const auto& unit : doc.units) {
            check_utf8("unit text", unit.text);
            check_utf8("unit title", unit.title);
            check_utf8("unit section", unit.section);
        }
        for (const auto& item : doc.items) check_utf8("item title", item.title);
    }
    try {
        const nlohmann::json j = result;
        (void)j.dump();
    } catch (const nlohmann::json::exception& e) {
        broken("the reading does not serialise to JSON", e.what());
    }

    static index::DocumentBuilder builder;
    const index::BuiltFile built = builder.build(result, "fuzz");
    for (const auto& unit : built.units) {
        for (auto t = unit.doc.termlist_begin(); t != unit.doc.termlist_end(); ++t) {
            const std::string term = *t;
            if (term.empty() || term.size() > 245) broken("term Xapian cannot store", term);
        }
        (void)unit.doc.get_data();
    }
    return 0;
}

}  // namespace quorum::fuzz
