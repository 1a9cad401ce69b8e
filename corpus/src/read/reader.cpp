// The reading chain for one file: bytes -> format reader -> SourceText -> segmenter,
// plus finding inputs and merging per-file results into an archive.
// Nothing here throws for bad data: every problem becomes a Diagnostic.
#include "quorum/corpus/reader.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <system_error>
#include <unordered_map>
#include <unordered_set>

#include "quorum/corpus/text.hpp"
#include "segment/segmenter.hpp"
#include "read/source_readers.hpp"
#include "quorum/text/hash.hpp"
#include "quorum/text/utf8.hpp"

namespace quorum::corpus {
namespace fs = std::filesystem;
namespace {

using Sev = Diagnostic::Severity;
constexpr std::size_t kMaxLineBytes = 10000;
constexpr std::size_t kBinaryProbeBytes = 8192;

std::string lower_extension(const fs::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

void add(std::vector<Diagnostic>& ds, Sev severity, const std::string& file, std::string code, std::string message) {
    ds.push_back(Diagnostic{severity, file, 0, std::move(code), std::move(message)});
}

bool is_sidecar(const fs::path& file) {
    const std::string name = file.filename().string();
    return name.size() > 10 && name.ends_with(".meta.json");
}

// Folder the ids and sources are relative to: the parent of the input folder.
fs::path id_base_folder(const fs::path& file, const fs::path& root) {
    std::error_code ec;
    fs::path input = root;
    if (input.empty() || input == file || (!fs::is_directory(input, ec) && input.has_extension()))
        input = file.parent_path();
    return fs::absolute(input, ec).lexically_normal().parent_path();
}

fs::path relative_path(const fs::path& file, const fs::path& root) {
    std::error_code ec;
    const fs::path abs = fs::absolute(file, ec).lexically_normal();
    const fs::path base = id_base_folder(file, root);
    fs::path rel = abs.lexically_relative(base);
    if (rel.empty() || *rel.begin() == "..") rel = file.filename();
    return rel;
}

// Splits lines longer than kMaxLineBytes at a space, so that no later pass sees
// one huge line (a 50 MB single-line file is a real hostile input).
void split_long_lines(SourceText& text) {
    const bool any = std::any_of(text.lines.begin(), text.lines.end(),
                                 [](const SourceLine& l) { return l.text.size() > kMaxLineBytes; });
    if (!any) return;
    std::vector<SourceLine> lines;
    lines.reserve(text.lines.size() + 16);
    for (auto& line : text.lines) {
        std::string_view rest = line.text;
        while (rest.size() > kMaxLineBytes) {
            std::size_t cut = rest.rfind(' ', kMaxLineBytes);
            if (cut == std::string_view::npos || cut < kMaxLineBytes / 2) {
                cut = text::utf8_floor(rest, kMaxLineBytes);
                if (cut == 0) cut = kMaxLineBytes;
            }
            lines.push_back({std::string(rest.substr(0, cut)), line.page});
            rest.remove_prefix(cut);
            while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        }
        lines.push_back({std::string(rest), line.page});
    }
    text.lines = std::move(lines);
}

bool looks_binary(std::string_view bytes) {
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return false;  // UTF-16 has NULs
    return bytes.substr(0, kBinaryProbeBytes).find('\0') != std::string_view::npos;
}

std::optional<Sidecar> parse_sidecar(const fs::path& path, const std::string& file, std::vector<Diagnostic>& ds) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        add(ds, Sev::warning, file, "bad-sidecar", "cannot open the sidecar " + path.string() + "; it was ignored");
        return std::nullopt;
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const nlohmann::json j = nlohmann::json::parse(bytes, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        add(ds, Sev::warning, file, "bad-sidecar",
            "the sidecar " + path.filename().string() +
                " is not a JSON object; it was ignored. Fix it to give council, committee, date, title, url, kind");
        return std::nullopt;
    }
    Sidecar sc;
    const auto field = [&](const char* key, std::optional<std::string>& target) {
        const auto it = j.find(key);
        if (it == j.end() || it->is_null()) return;
        if (!it->is_string()) {
            add(ds, Sev::warning, file, "bad-sidecar",
                std::string("sidecar field \"") + key + "\" must be a string; it was ignored");
            return;
        }
        std::string v = trim(to_nfc(repair_utf8(it->get<std::string>())));
        if (!v.empty()) target = std::move(v);
    };
    field("council", sc.council);
    field("committee", sc.committee);
    field("date", sc.date);
    field("title", sc.title);
    field("url", sc.url);
    field("kind", sc.kind);
    if (sc.date) {
        const std::string& d = *sc.date;
        const bool iso = d.size() == 10 && d[4] == '-' && d[7] == '-' && std::all_of(d.begin(), d.end(), [](char c) {
                             return std::isdigit(static_cast<unsigned char>(c)) || c == '-';
                         });
        if (!iso) {
            add(ds, Sev::warning, file, "bad-sidecar", "sidecar date \"" + d + "\" is not YYYY-MM-DD; it was ignored");
            sc.date.reset();
        }
    }
    if (sc.kind && !document_kind_from_string(*sc.kind)) {
        add(ds, Sev::warning, file, "bad-sidecar",
            "sidecar kind \"" + *sc.kind +
                "\" is unknown (use minutes, agenda, report, agenda-pack, web-page); it was ignored");
        sc.kind.reset();
    }
    return sc;
}

// A unit is OCR'd text when the page it starts on was read by OCR.
void mark_ocr_units(const std::vector<int>& ocr_pages, FileResult& out) {
    for (auto& doc : out.documents)
        for (auto& u : doc.units)
            u.ocr = u.page > 0 && std::binary_search(ocr_pages.begin(), ocr_pages.end(), u.page);
}

// The chain after the bytes are in memory.
FileResult read_bytes(std::string_view bytes, const std::string& source, const std::string& doc_id,
                      const std::string& ext, const Sidecar& sidecar, const Filing& filing,
                      const ReadOptions& options, std::vector<Diagnostic> early) {
    FileResult out;
    out.diagnostics = std::move(early);
    if (bytes.empty()) {
        add(out.diagnostics, Sev::error, source, "empty", "the file is empty; nothing to read");
        return out;
    }
    const bool is_pdf = ext == ".pdf";
    if (!is_pdf && looks_binary(bytes)) {
        add(out.diagnostics, Sev::error, source, "binary",
            "the file contains NUL bytes: it is binary, not " + ext.substr(1) + " text. Check its extension");
        return out;
    }
    SourceText text;
    if (is_pdf) {
        text = read_pdf_source(bytes, source, out.diagnostics);
    } else if (ext == ".html" || ext == ".htm") {
        text = read_html_source(bytes, source, out.diagnostics);
    } else {
        text = read_text_source(bytes, source, ext == ".md", out.diagnostics);
    }
    split_long_lines(text);
    const bool has_text = std::any_of(text.lines.begin(), text.lines.end(), [](const SourceLine& l) {
        return std::any_of(l.text.begin(), l.text.end(),
                           [](char c) { return !std::isspace(static_cast<unsigned char>(c)); });
    });
    if (!has_text) {
        const bool failed = std::any_of(out.diagnostics.begin(), out.diagnostics.end(),
                                        [](const Diagnostic& d) { return d.severity == Sev::error; });
        if (!failed)
            add(out.diagnostics, Sev::error, source, "empty",
                "the file has no readable text (blank, or a scanned PDF without a text layer)");
        if (options.keep_source) out.source = std::move(text);
        return out;
    }
    try {
        segment(text, sidecar, filing, doc_id, source, options.topics, out);
        if (!text.ocr_pages.empty()) mark_ocr_units(text.ocr_pages, out);
        out.ok = true;
    } catch (const std::exception& e) {
        // The segmenter must not throw; if it does, the run still goes on.
        add(out.diagnostics, Sev::error, source, "segment-failed",
            std::string("the text was read but could not be segmented: ") + e.what() + ". Please report this file");
    }
    for (auto& d : out.diagnostics)
        if (d.file.empty()) d.file = source;
    if (options.keep_source) out.source = std::move(text);
    return out;
}

// What the file's place says, with the councils its path and the run give it.
Filing filing_with_councils(std::string_view path, const std::string& source, bool look_at_siblings,
                            const ReadOptions& options) {
    Filing filing = filing_of(path, look_at_siblings);
    filing.council = council_of_place(source);
    filing.archive_council = options.council;
    return filing;
}

std::string attendee_key(const Attendee& a) { return a.person_id.empty() ? fold_key(a.name) : a.person_id; }

void union_attendees(std::vector<Attendee>& into, std::vector<Attendee>&& from) {
    std::unordered_set<std::string> have;
    for (const auto& a : into) have.insert(attendee_key(a));
    for (auto& a : from)
        if (have.insert(attendee_key(a)).second) into.push_back(std::move(a));
}

void fill(std::string& into, std::string&& from) {
    if (into.empty()) into = std::move(from);
}

void merge_meeting(Meeting& into, Meeting&& from) {
    fill(into.council, std::move(from.council));
    if (!into.committee) into.committee = std::move(from.committee);
    fill(into.date, std::move(from.date));
    fill(into.start_time, std::move(from.start_time));
    fill(into.venue, std::move(from.venue));
    fill(into.title, std::move(from.title));
    union_attendees(into.attendance.present, std::move(from.attendance.present));
    union_attendees(into.attendance.in_attendance, std::move(from.attendance.in_attendance));
    union_attendees(into.attendance.officers, std::move(from.attendance.officers));
    union_attendees(into.attendance.apologies, std::move(from.attendance.apologies));
    union_attendees(into.attendance.substitutes, std::move(from.attendance.substitutes));
}

void merge_person(Person& into, Person&& from) {
    if (into.kind.empty()) into.kind = std::move(from.kind);
    if (!from.name.empty() && from.name != into.name) from.variants.push_back(std::move(from.name));
    for (auto& v : from.variants)
        if (v != into.name && std::find(into.variants.begin(), into.variants.end(), v) == into.variants.end())
            into.variants.push_back(std::move(v));
    for (auto& r : from.roles) {
        const bool known = std::any_of(into.roles.begin(), into.roles.end(), [&](const PersonRole& x) {
            return x.role == r.role && x.meeting_id == r.meeting_id && x.date == r.date &&
                   x.committee_id == r.committee_id;
        });
        if (!known) into.roles.push_back(std::move(r));
    }
}

}  // namespace

std::string document_base_id(const fs::path& file, const fs::path& root) {
    fs::path rel = relative_path(file, root);
    // Text extractions keep the bare name; other formats keep their extension so that
    // "x.pdf" and its extraction "x.txt" beside it do not share an id.
    const std::string ext = lower_extension(rel);
    rel.replace_extension();
    std::string id = slug(rel.generic_string());
    if (id.empty()) id = "document";
    if (!ext.empty() && ext != ".txt" && ext != ".md") id += "-" + ext.substr(1);
    // Ids become Xapian terms and URL path segments: long paths are cut and made unique
    // again with a hash of the whole id (FNV-1a), so unit ids stay well under 200 bytes.
    constexpr std::size_t kMaxLength = 96, kKeep = 80;
    if (id.size() > kMaxLength) {
        // This seed (not FNV's usual offset basis) is kept: it made the ids already published.
        const std::uint64_t h = text::fnv1a(id, 1469598103934665603ull);
        std::string cut = id.substr(0, kKeep);
        while (!cut.empty() && cut.back() == '-') cut.pop_back();
        char hex[17];
        std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
        id = cut + "-" + std::string(hex, 12);
    }
    return id;
}

std::vector<std::string> document_ids(const std::vector<IdSource>& files) {
    std::vector<std::string> ids(files.size());
    std::map<std::string, std::vector<std::size_t>> by_id;  // plain id -> files giving it
    for (std::size_t i = 0; i < files.size(); ++i) {
        ids[i] = document_base_id(files[i].file, files[i].root);
        by_id[ids[i]].push_back(i);
    }
    std::set<std::string> taken;
    for (const auto& [id, _] : by_id) taken.insert(id);
    for (auto& [id, group] : by_id) {
        if (group.size() < 2) continue;
        std::vector<std::pair<std::string, std::size_t>> names;  // exact relative path, file
        for (const std::size_t i : group)
            names.emplace_back(relative_path(files[i].file, files[i].root).generic_string(), i);
        std::sort(names.begin(), names.end());
        for (std::size_t k = 1; k < names.size(); ++k) {
            if (names[k].first == names[k - 1].first) {  // the same file given twice
                ids[names[k].second] = ids[names[k - 1].second];
                continue;
            }
            // another seed per attempt: a suffixed id that is itself taken is made again
            for (std::uint64_t seed = text::kFnvOffsetBasis;; ++seed) {
                char hex[17];
                std::snprintf(hex, sizeof hex, "%016llx",
                              static_cast<unsigned long long>(text::fnv1a(names[k].first, seed)));
                std::string distinct = id + "-" + std::string(hex, 8);
                if (taken.insert(distinct).second) {
                    ids[names[k].second] = std::move(distinct);
                    break;
                }
            }
        }
    }
    return ids;
}

bool is_supported_file(const fs::path& file) {
    static const std::set<std::string> exts = {".txt", ".md", ".html", ".htm", ".pdf"};
    return !is_sidecar(file) && exts.contains(lower_extension(file));
}

FileResult read_buffer(std::string_view bytes, const std::string& name, const ReadOptions& options) {
    try {
        const fs::path path(name);
        const std::string source = relative_path(path, options.root).generic_string();
        std::string ext = lower_extension(path);
        if (!is_supported_file(path)) ext = ".txt";  // unknown names are read as plain text
        const std::string id = options.doc_id.empty() ? document_base_id(path, options.root) : options.doc_id;
        // Text in memory has a name but no folder on disk: its siblings are not listed.
        return read_bytes(bytes, source, id, ext, options.sidecar.value_or(Sidecar{}), filing_with_councils(name, source, false, options),
                          options, {});
    } catch (const std::exception& e) {
        FileResult out;
        add(out.diagnostics, Sev::error, name, "read-failed", std::string("could not read the text: ") + e.what());
        return out;
    }
}

FileResult read_file(const fs::path& file, const ReadOptions& options) {
    FileResult out;
    std::string source = file.generic_string();
    try {
        source = relative_path(file, options.root).generic_string();
        if (!is_supported_file(file)) {
            add(out.diagnostics, Sev::warning, source, "unsupported",
                "files of type \"" + file.extension().string() +
                    "\" are not read; supported are .txt, .md, .html, .htm and .pdf");
            return out;
        }
        std::error_code ec;
        const auto status = fs::status(file, ec);
        if (ec || !fs::is_regular_file(status)) {
            add(out.diagnostics, Sev::error, source, "unreadable",
                ec ? "cannot open the file: " + ec.message() : std::string("not a regular file"));
            return out;
        }
        const auto size = fs::file_size(file, ec);
        if (ec) {
            add(out.diagnostics, Sev::error, source, "unreadable", "cannot read the file size: " + ec.message());
            return out;
        }
        if (size > options.max_file_bytes) {
            add(out.diagnostics, Sev::error, source, "too-large",
                "the file has " + std::to_string(size) + " bytes, more than the limit of " +
                    std::to_string(options.max_file_bytes) + "; split it or raise the limit");
            return out;
        }
        std::string bytes;
        {
            std::ifstream in(file, std::ios::binary);
            if (!in) {
                add(out.diagnostics, Sev::error, source, "unreadable",
                    "cannot open the file for reading; check its permissions");
                return out;
            }
            bytes.resize(static_cast<std::size_t>(size));
            in.read(bytes.data(), static_cast<std::streamsize>(size));
            bytes.resize(static_cast<std::size_t>(in.gcount()));
        }
        std::vector<Diagnostic> early;
        Sidecar sidecar;
        if (options.sidecar) {
            sidecar = *options.sidecar;
        } else {
            const fs::path side = file.string() + ".meta.json";
            if (fs::exists(side, ec))
                if (auto sc = parse_sidecar(side, source, early)) sidecar = std::move(*sc);
        }
        const std::string id = options.doc_id.empty() ? document_base_id(file, options.root) : options.doc_id;
        const Filing filing = filing_with_councils(fs::absolute(file, ec).generic_string(), source, true, options);
        return read_bytes(bytes, source, id, lower_extension(file), sidecar, filing, options, std::move(early));
    } catch (const std::exception& e) {
        // Out of memory or a filesystem error: report and go on with the next file.
        out.ok = false;
        add(out.diagnostics, Sev::error, source, "read-failed", std::string("could not read the file: ") + e.what());
        return out;
    }
}

std::vector<fs::path> collect_inputs(const std::vector<fs::path>& inputs, std::vector<Diagnostic>& diagnostics) {
    std::vector<fs::path> files;
    std::set<fs::path> seen;
    for (const auto& input : inputs) {
        std::error_code ec;
        const auto status = fs::status(input, ec);
        if (ec || !fs::exists(status)) {
            add(diagnostics, Sev::error, input.string(), "not-found", "the input does not exist; check the path");
            continue;
        }
        if (!fs::is_directory(status)) {
            if (is_supported_file(input)) {
                if (seen.insert(input).second) files.push_back(input);
            } else if (!is_sidecar(input)) {
                add(diagnostics, Sev::warning, input.string(), "unsupported",
                    "files of type \"" + input.extension().string() + "\" are not read");
            }
            continue;
        }
        std::vector<fs::path> found;
        fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
        if (ec) {
            add(diagnostics, Sev::error, input.string(), "unreadable", "cannot list the folder: " + ec.message());
            continue;
        }
        for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
            if (ec) {
                add(diagnostics, Sev::error, it->path().string(), "unreadable", "cannot list: " + ec.message());
                ec.clear();
                continue;
            }
            const fs::path& p = it->path();
            const std::string name = p.filename().string();
            std::error_code type_ec;
            if (it->is_directory(type_ec)) {
                if (name.starts_with(".")) it.disable_recursion_pending();  // .git, .cache, ...
                continue;
            }
            if (name.starts_with(".") || is_sidecar(p)) continue;
            if (!it->is_regular_file(type_ec)) continue;
            if (is_supported_file(p)) {
                found.push_back(p);
            } else {
                add(diagnostics, Sev::warning, p.string(), "unsupported",
                    "files of type \"" + p.extension().string() +
                        "\" are not read; supported are .txt, .md, .html, .htm and .pdf");
            }
        }
        std::sort(found.begin(), found.end());
        for (auto& p : found)
            if (seen.insert(p).second) files.push_back(std::move(p));
    }
    return files;
}

// Records of `more` join `into`; one met again (same id) is merged into the first.
template <typename T, typename Merge>
void merge_by_id(std::vector<T>& into, std::vector<T>& more, Merge merge) {
    if (more.empty()) return;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < into.size(); ++i) index.emplace(into[i].id, i);
    for (auto& m : more) {
        if (const auto it = index.find(m.id); it != index.end()) {
            merge(into[it->second], std::move(m));
        } else {
            index.emplace(m.id, into.size());
            into.push_back(std::move(m));
        }
    }
}

void merge_into(Archive& archive, FileResult&& file) {
    for (auto& d : file.documents) archive.documents.push_back(std::move(d));
    merge_by_id(archive.meetings, file.meetings, merge_meeting);
    merge_by_id(archive.people, file.people, merge_person);
    for (auto& a : file.acronyms)
        if (std::find(archive.acronyms.begin(), archive.acronyms.end(), a) == archive.acronyms.end())
            archive.acronyms.push_back(std::move(a));
    for (auto& d : file.diagnostics) archive.diagnostics.push_back(std::move(d));
}

}  // namespace quorum::corpus
