// Reading an archive: files -> SourceText (per format) -> documents, meetings, people.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "quorum/corpus/model.hpp"
#include "quorum/corpus/topics.hpp"

namespace quorum::corpus {

// Metadata given by a sidecar NAME.meta.json (or the caller); overrides what the text says.
struct Sidecar {
    std::optional<std::string> council, committee, date, title, url, kind;
};

// One line of source text. Every format reader produces these, so one segmenter
// understands text, Markdown, HTML and PDF alike.
struct SourceLine {
    std::string text;  // valid UTF-8, NFC, no trailing newline
    int page = 0;      // 1-based page for PDFs (and page markers in text), 0 when unknown
};

struct SourceText {
    std::string format;  // "txt", "md", "html", "pdf"
    std::vector<SourceLine> lines;
    std::string title;  // <title> of an HTML page, PDF metadata title, Markdown front matter
    std::string url;    // where the text says it came from ("[Original file](...)")
    std::vector<int> ocr_pages;  // pages whose lines were read by OCR (no text layer), ascending
};

// What one input file gave.
struct FileResult {
    std::vector<Document> documents;
    std::vector<Meeting> meetings;
    std::vector<Person> people;
    std::vector<Acronym> acronyms;
    std::vector<Diagnostic> diagnostics;
    bool ok = false;  // false when the file could not be read at all (reason in diagnostics)
    // The format reader's text before segmentation, only when ReadOptions::keep_source asked
    // for it: the coverage checker compares it with the units (see coverage.hpp).
    std::optional<SourceText> source;
};

struct ReadOptions {
    std::filesystem::path root;               // archive root: document ids and sources are relative to it
    std::optional<Sidecar> sidecar;           // when not given, NAME.meta.json beside the file is read
    std::size_t max_file_bytes = 256u << 20;  // larger files are reported and skipped
    // The rules that decide which topics units get (quorum-index --topics gives its own).
    TopicRules topics = default_topic_rules();
    // Keep the SourceText in FileResult::source (costs a copy of the text only when set).
    bool keep_source = false;
    // The id of the file's documents when the run gave it one (document_ids); empty:
    // document_base_id of the file.
    std::string doc_id;
    // The council the archive gives the file (quorum-index: that of the papers it shares a
    // meeting with), for documents that neither print one nor have one from their sidecar or
    // place. Their meeting ids then carry it, so that they merge with that council's meeting.
    std::string council;
};

// Base of the ids of the documents read from `file`: the slug of its path relative to the
// parent of the input folder `root`, without extension ("samples-000-93a416bcbe6d1f5a").
// An empty `root` (or root == file) means the folder holding the file.
[[nodiscard]] std::string document_base_id(const std::filesystem::path& file, const std::filesystem::path& root);

// A file of a run and the root its id is relative to (ReadOptions::root).
struct IdSource {
    std::filesystem::path file, root;
};

// Document ids of a run's files, in their order: document_base_id, except where names
// that differ only in spaces or punctuation ("a  b.md", "a\u00a0b.md") slug to one id.
// Then the file whose exact relative path sorts first keeps the plain id (so ids do not
// depend on listing order) and each other gets "-" and 8 hex digits of an FNV-1a hash of
// its exact relative path. Ids of names that collide with nothing are document_base_id.
[[nodiscard]] std::vector<std::string> document_ids(const std::vector<IdSource>& files);

// Extensions the readers accept (lower case, with dot).
[[nodiscard]] bool is_supported_file(const std::filesystem::path& file);

// True when this build reads PDF pages without a text layer by OCR (built with tesseract);
// without it such pages are reported as ocr-unavailable.
[[nodiscard]] bool ocr_built_in() noexcept;

// Read one file through the whole chain. Never throws for bad data: problems are
// diagnostics, and ok=false when nothing could be read.
[[nodiscard]] FileResult read_file(const std::filesystem::path& file, const ReadOptions& options = {});

// Read text that is already in memory (tests, fuzzing): `name` decides the format by extension.
[[nodiscard]] FileResult read_buffer(std::string_view bytes, const std::string& name, const ReadOptions& options = {});

// Files under the inputs (folders searched recursively, sorted, sidecars excluded).
[[nodiscard]] std::vector<std::filesystem::path> collect_inputs(const std::vector<std::filesystem::path>& inputs,
                                                                std::vector<Diagnostic>& diagnostics);

// Merge per-file results into one archive: meetings with the same id are merged
// (agenda + minutes), people with the same id are merged and their roles combined.
void merge_into(Archive& archive, FileResult&& file);

}  // namespace quorum::corpus
