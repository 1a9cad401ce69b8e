// Issue 12, "Nothing dropped": run-on minutes, text whose structure is not understood,
// overlong paragraphs, dates printed as labelled fields, and document ids of names that
// differ only in spaces. Small texts shaped like the Norfolk parish minutes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "quorum/corpus/reader.hpp"
#include "segment/segmenter.hpp"
#include "temp_dir.hpp"
#include "units/long_paragraphs.hpp"

using namespace quorum::corpus;
namespace fs = std::filesystem;

namespace {

SourceText text_of(const std::string& s) {
    SourceText t;
    t.format = "md";
    std::istringstream in(s);
    std::string line;
    while (std::getline(in, line)) t.lines.push_back({line, 0});
    return t;
}

FileResult run(const std::string& s) {
    FileResult r;
    segment(text_of(s), Sidecar{}, Filing{}, "t-doc", "t/doc.md", default_topic_rules(), r);
    return r;
}

std::size_t unit_count(const FileResult& r) {
    std::size_t n = 0;
    for (const auto& d : r.documents) n += d.units.size();
    return n;
}

bool has_diagnostic(const FileResult& r, const std::string& code) {
    return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                       [&](const Diagnostic& d) { return d.code == code; });
}

// Parish minutes as a converter printed them: the whole meeting on one line.
const std::string kRunOnMinutes =
    "0905/06/2020 MINUTES OF LITTLE SNORING PARISH COUNCIL MEETING HELD AT THE VILLAGE HALL ON JUNE 1ST 2020 "
    "Present: Cllr Ann Green - Chairman, Cllr Bob White, Cllr Cath Black. Also present: County Councillor Dan "
    "Grey 1. Apologies for Absence accepted from: Apologies were received from Cllr Eve Brown and Cllr Fred "
    "Pink. 2. No "
    "declarations of Interest made 3. Approval of Minutes: The minutes of the meeting held on 04.05.2020 were "
    "accepted as a true record of the meeting. 4. Reports 4.1 Chairman's Report \xE2\x80\xA2 The new bench on "
    "the green has been installed. \xE2\x80\xA2 The hedge along School Lane will be cut in September. 4.2 "
    "Clerk's Report \xE2\x80\xA2 Correspondence continues to be shared with Councillors. \xE2\x80\xA2 The end of "
    "year accounts were passed to the Internal Auditor. 5. Accounts were presented and accepted for payment. "
    "Clerk's salary \xC2\xA3" "120.00 Grass cutting \xC2\xA3" "234.00 Street lighting electricity \xC2\xA3" "400.42 6. "
    "Planning Applications: 6.1 20/00123/F Construction of a detached garage at The Bungalow, Mill Lane. The "
    "Council had no objection to the application. 7. Highways: Potholes were reported along Low Road and the "
    "Clerk will report them to the highway authority. Concern was raised about the speed of traffic through the "
    "village and the Council will ask for the speed sign to be moved. 8. Date of Next Meeting: The next meeting "
    "will be held on Monday 6th July 2020 at the Village Hall.\n";

}  // namespace

// Regression: issue 12, 16 Norfolk files gave zero units: minutes printed on one line were
// swallowed whole by the meeting header, and no item was found in them.
TEST_CASE("minutes printed on one run-on line are split into their numbered items", "[fallback]") {
    REQUIRE(kRunOnMinutes.size() > 1000);
    const auto r = run(kRunOnMinutes);
    REQUIRE(r.documents.size() == 1);
    const auto& doc = r.documents[0];
    CHECK(doc.date == "2020-06-01");
    std::vector<std::string> numbers;
    for (const auto& item : doc.items) numbers.push_back(item.number);
    CHECK(numbers.size() >= 5);
    CHECK(std::find(numbers.begin(), numbers.end(), "1") != numbers.end());
    CHECK(std::find(numbers.begin(), numbers.end(), "4") != numbers.end());
    CHECK(std::find(numbers.begin(), numbers.end(), "8") != numbers.end());
    const auto apologies = std::find_if(doc.items.begin(), doc.items.end(),
                                        [](const Item& i) { return i.number == "1"; });
    REQUIRE(apologies != doc.items.end());
    CHECK(apologies->title == "Apologies for Absence accepted from");
    // the inline bullets of the Chairman's report are units of their own
    const auto bench = std::find_if(doc.units.begin(), doc.units.end(), [](const Unit& u) {
        return u.type == UnitType::paragraph && u.text == "The new bench on the green has been installed.";
    });
    CHECK(bench != doc.units.end());
    CHECK_FALSE(has_diagnostic(r, "structure-unrecognised"));
}

TEST_CASE("a line with numbers that are not items in sequence is left whole", "[fallback]") {
    std::string prose = "The Clerk reported on the planning decisions received. ";
    // "27 Mill Road", "28 August", "29 of": numbers, but not "N. Heading" in sequence
    prose += "Decision received for 27 Mill Road: approved on 28 August 2018 with conditions 8, 9 and 29 of the "
             "permission. ";
    while (prose.size() < 1200) prose += "Councillors noted the decision and asked the Clerk to write to the owner. ";
    const auto r = run("Minutes of the meeting of Little Snoring Parish Council held on 3 May 2023\n\n"
                       "1. PLANNING\n\n" + prose + "\n\n2. CLOSE\n\nThe meeting closed at 9pm.\n");
    REQUIRE(r.documents.size() == 1);
    REQUIRE(r.documents[0].items.size() == 2);
    CHECK(r.documents[0].items[1].title == "CLOSE");
}

// Regression: issue 12, a readable file with text gave zero units (the header reader took
// the whole one-line text as the meeting header, and nothing was left for units).
TEST_CASE("text whose structure is not understood is indexed as paragraphs, with a diagnostic", "[fallback]") {
    const std::string text =
        "MINUTES OF LITTLE SNORING PARISH COUNCIL MEETING HELD AT THE CHURCH MONDAY JULY 6TH 2015 Present: Cllr "
        "Ann Green - Chairman, Cllr Bob White. The Chairman welcomed everyone to the meeting. Councillors "
        "discussed the overgrown hedge on School Lane and agreed that the Clerk would write to the landowner.\n";
    const auto r = run(text);
    REQUIRE(r.documents.size() == 1);
    CHECK(unit_count(r) > 0);
    const auto d = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                [](const Diagnostic& x) { return x.code == "structure-unrecognised"; });
    REQUIRE(d != r.diagnostics.end());
    CHECK(d->severity == Diagnostic::Severity::info);
    CHECK(d->file == "t/doc.md");
    CHECK(d->message.find("indexed as paragraphs") != std::string::npos);
    bool hedge = false;
    for (const auto& u : r.documents[0].units) hedge = hedge || u.text.find("overgrown hedge") != std::string::npos;
    CHECK(hedge);
}

TEST_CASE("split_long_paragraph cuts an overlong paragraph at sentence ends into pieces within the limit",
          "[fallback]") {
    std::string text;
    for (int i = 0; text.size() < 3400; ++i)
        text += "Cllr. Green reported that item " + std::to_string(i) +
                " of the village maintenance list had been completed by the contractor. ";
    text.pop_back();
    const auto pieces = split_long_paragraph(text);
    REQUIRE(pieces.size() == 3);
    std::string joined;
    for (const auto& p : pieces) {
        CHECK(p.size() <= kMaxParagraphChars);
        CHECK(p.back() == '.');
        CHECK(p.rfind("Cllr. Green", 0) == 0);  // never cut after the title "Cllr."
        joined += (joined.empty() ? "" : " ") + p;
    }
    CHECK(joined == text);
    // a paragraph within the limit, or one long sentence, stays whole
    CHECK(split_long_paragraph("A short paragraph. It stays.").size() == 1);
    CHECK(split_long_paragraph(std::string(2000, 'x')).size() == 1);
}

TEST_CASE("lettered sub-points are never cut inside, and resolution parts are never split", "[fallback]") {
    const std::string part(1400, 'a');
    const std::string numbered = "3.1 The Council considered the report.\n(a) " + std::string(900, 'b') +
                                 " end of a.\n(b) " + std::string(900, 'c') + " end of b.";
    const auto pieces = split_long_paragraph(numbered);
    REQUIRE(pieces.size() >= 2);
    for (const auto& p : pieces) CHECK((p.find("(a)") == std::string::npos || p.find("end of a.") != std::string::npos));

    std::string long_part;
    while (long_part.size() < 2000) long_part += "The Council will write to the highway authority about the verge. ";
    const auto r = run("Minutes of the meeting of Little Snoring Parish Council held on 3 May 2023\n\n"
                       "1. HIGHWAYS\n\nRESOLVED that:\n(a) " + long_part + "\n(b) the Clerk reports back.\n");
    REQUIRE(r.documents.size() == 1);
    const auto& units = r.documents[0].units;
    const auto a = std::find_if(units.begin(), units.end(), [](const Unit& u) {
        return u.type == UnitType::resolution && u.resolution && u.resolution->label == "(a)";
    });
    REQUIRE(a != units.end());
    CHECK(a->text.size() > kMaxParagraphChars);
}

// Regression: the date of West Dereham's minutes of 3 December 2020 was read as null: a
// letterhead run onto the title line hid "Minutes of", and the date is a "DATE:" field.
TEST_CASE("minutes read the date, time and place printed as labelled fields after a letterhead", "[fallback]") {
    const std::string line =
        "Page 1 of 5 Jane Doe Clerk to Little Snoring Parish Council Email: clerk@example.org "
        "https://little-snoring.example.org Tel: 01234 567890 Minutes of the Parish Council Meeting LITTLE "
        "SNORING PARISH COUNCIL ------------------------------ DATE: Thursday 3rd December 2020 TIME: 7:00pm "
        "PLACE: Virtual Meeting using Zoom PRESENT: Ann Green (Chair), Bob White (Councillors) PUBLIC: 1 "
        "------------------------------\n\n1. To Receive Apologies for Absence\n\nThere were none.\n";
    const auto r = run(line);
    REQUIRE(r.meetings.size() == 1);
    CHECK(r.meetings[0].date == "2020-12-03");
    CHECK(r.meetings[0].start_time == "19:00");
    CHECK(r.meetings[0].venue == "Virtual Meeting using Zoom");
}

// Regression: names that differ only in spaces slugged to one id, and one file's units
// replaced the other's.
TEST_CASE("document ids stay distinct for names differing only in spaces, and stable otherwise", "[fallback]") {
    quorum::test::TempDir tmp;
    const fs::path dir = tmp.path() / "minutes";
    fs::create_directories(dir);
    const std::string text = "Minutes of the meeting of the Audit Committee held on 3 May 2023\n\n1. APOLOGIES\n\nNone.\n";
    const fs::path single = dir / "Minutes - 3 May 2023.md";
    const fs::path twice = dir / "Minutes -  3 May 2023.md";           // a double space
    const fs::path nbsp = dir / "Minutes -\xC2\xA0" "3 May 2023.md";   // a no-break space
    const fs::path other = dir / "Minutes - 4 May 2023.md";
    for (const auto& p : {single, twice, nbsp, other}) std::ofstream(p) << text;

    const auto ids = document_ids({{nbsp, dir}, {other, dir}, {single, dir}, {twice, dir}});
    REQUIRE(ids.size() == 4);
    const std::string plain = document_base_id(single, dir);
    CHECK(ids[1] == document_base_id(other, dir));  // no collision: the id of today
    // the first exact name in byte order keeps the plain id: "-  3" (double space) sorts first
    CHECK(ids[3] == plain);
    CHECK(ids[0] != plain);
    CHECK(ids[2] != plain);
    CHECK(ids[0] != ids[2]);
    CHECK(ids[0].rfind(plain + "-", 0) == 0);
    // the same files listed in another order get the same ids
    const auto again = document_ids({{twice, dir}, {single, dir}, {other, dir}, {nbsp, dir}});
    CHECK(again[0] == ids[3]);
    CHECK(again[1] == ids[2]);
    CHECK(again[3] == ids[0]);
    // the readers use the id they are given
    ReadOptions options;
    options.root = dir;
    options.doc_id = ids[2];
    const FileResult r = read_file(single, options);
    REQUIRE(r.documents.size() == 1);
    CHECK(r.documents[0].id == ids[2]);
}
