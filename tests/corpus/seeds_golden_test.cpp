// The five seed files read through the whole chain (read_file with sidecars), checked
// against facts verified by reading the files, and against a reviewed JSON dump per seed
// (tests/fixtures/golden/NAME.json; QUORUM_UPDATE_GOLDEN=1 rewrites them).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "quorum/corpus/model_json.hpp"
#include "quorum/corpus/reader.hpp"

using namespace quorum::corpus;
namespace fs = std::filesystem;

namespace {

const fs::path samples = QUORUM_SAMPLES_DIR;

// Sidecars as the archive gives them: the pack is declared, the web page's committee is
// known but not printed.
Sidecar sidecar_for(const std::string& name) {
    Sidecar s;
    if (name == "001_8fed95a2e73ba999") s.kind = "agenda-pack";
    if (name == "003_0f19b924668e569c") {
        s.kind = "web-page";
        s.committee = "Children and Young People Scrutiny Committee";
    }
    return s;
}

FileResult read_seed(const std::string& name) {
    ReadOptions options;
    options.root = samples;
    options.sidecar = sidecar_for(name);
    return read_file(samples / (name + ".txt"), options);
}

std::vector<std::string> numbers(const Document& doc) {
    std::vector<std::string> out;
    for (const auto& item : doc.items) out.push_back(item.number);
    return out;
}

const Meeting& meeting_of(const FileResult& r, const Document& doc) {
    for (const auto& m : r.meetings)
        if (m.id == doc.meeting_id) return m;
    FAIL("no meeting " << doc.meeting_id);
    throw std::logic_error("unreachable");
}

const Attendee* find(const std::vector<Attendee>& list, const std::string& name) {
    for (const auto& a : list)
        if (a.name == name) return &a;
    return nullptr;
}

std::vector<std::string> range(int from, int to) {
    std::vector<std::string> out;
    for (int i = from; i <= to; ++i) out.push_back(std::to_string(i));
    return out;
}

}  // namespace

TEST_CASE("JSON dumps of the seeds match the reviewed golden files", "[golden]") {
    const bool update = std::getenv("QUORUM_UPDATE_GOLDEN") != nullptr;
    for (const char* name : {"000_93a416bcbe6d1f5a", "001_8fed95a2e73ba999", "002_f238e8122ed5804f",
                             "003_0f19b924668e569c", "004_96e372cf547dc9a6"}) {
        const nlohmann::json dump = read_seed(name);
        const fs::path golden = fs::path(QUORUM_FIXTURES_DIR) / "golden" / (std::string(name) + ".json");
        if (update) {
            std::ofstream(golden) << dump.dump(2) << "\n";
            continue;
        }
        INFO("golden file " << golden << " (QUORUM_UPDATE_GOLDEN=1 rewrites it; review the diff)");
        std::ifstream in(golden);
        REQUIRE(in.good());
        const nlohmann::json expected = nlohmann::json::parse(in);
        CHECK(dump == expected);
    }
}

TEST_CASE("seed 000: minutes of 22 February 2022 with items 60 to 71 and full attendance", "[golden]") {
    const FileResult r = read_seed("000_93a416bcbe6d1f5a");
    REQUIRE(r.ok);
    REQUIRE(r.documents.size() == 1);
    const Document& doc = r.documents[0];
    CHECK(doc.id == "samples-000-93a416bcbe6d1f5a");
    CHECK(doc.kind == DocumentKind::minutes);
    CHECK(numbers(doc) == range(60, 71));
    CHECK(doc.items[0].title == "APOLOGIES FOR ABSENCE");
    CHECK(doc.items[7].title == "CHILDREN'S SERVICES IMPROVEMENT PLAN - PROGRESS UPDATE");  // after "---o0o--67."
    CHECK(doc.items[10].title == "WORK PROGRAMME REVIEW");
    CHECK(doc.items[11].title == "DATE OF NEXT MEETING");
    CHECK(doc.items[0].procedural);
    CHECK_FALSE(doc.items[6].procedural);
    // "71." is printed before the last lines of item 70: they stay in item 70.
    for (const auto& u : doc.units)
        if (u.type == UnitType::item && u.number == "70")
            CHECK(u.text.find("mental health focus") != std::string::npos);
        else if (u.type == UnitType::item && u.number == "71")
            CHECK(u.text.find("mental health focus") == std::string::npos);

    const Meeting& m = meeting_of(r, doc);
    CHECK(m.id == "children-and-young-people-scrutiny-committee-2022-02-22");
    REQUIRE(m.committee);
    CHECK(m.committee->name == "Children and Young People Scrutiny Committee");
    CHECK(m.date == "2022-02-22");
    CHECK(m.start_time == "14:30");
    CHECK(m.venue == "Herefordshire Council Offices, Plough Lane, Hereford, HR4 0LE");
    const auto& att = m.attendance;
    REQUIRE(att.present.size() == 7);
    CHECK(att.present[0].name == "Phillip Howells");
    CHECK(att.present[0].role == "chairperson");
    CHECK(att.present[1].name == "Jennie Hewitt");
    CHECK(att.present[1].role == "vice-chairperson");
    const Attendee* kenyon = find(att.present, "Jim Kenyon");  // "(non-voting\nmember)" wrapped
    REQUIRE(kenyon);
    CHECK(kenyon->note == "non-voting member");
    const Attendee* fagan = find(att.present, "Toni Fagan");
    REQUIRE(fagan);
    CHECK(fagan->remote);
    CHECK_FALSE(find(att.present, "Phillip Howells")->remote);
    REQUIRE(att.in_attendance.size() == 1);
    CHECK(att.in_attendance[0].name == "Diana Toynbee");
    CHECK(att.in_attendance[0].title == "Cabinet Member for Children and Families");
    REQUIRE(att.officers.size() == 9);
    CHECK(att.officers[0].name == "Darryl Freeman");
    CHECK(att.officers[0].title == "Director, Children and Families");
    CHECK(find(att.officers, "Ruth Madembo")->title ==
          "Interim Head of Service for Care Experienced Children and Young Adults");
    CHECK(find(att.officers, "Dana Marrett")->remote);
    REQUIRE(att.apologies.size() == 4);
    CHECK(att.apologies[0].name == "Graham Andrews");
    CHECK(att.apologies[1].name == "Sam Pratley");
    CHECK(att.apologies[3].name == "Jane Ellis");
    CHECK(att.substitutes.empty());
}

TEST_CASE("seed 001: the agenda pack is split and each part keeps the meeting it records", "[golden]") {
    const FileResult r = read_seed("001_8fed95a2e73ba999");
    REQUIRE(r.ok);
    REQUIRE(r.documents.size() == 11);
    struct Expect {
        DocumentKind kind;
        const char* committee;
        const char* date;
    };
    const std::vector<Expect> expected = {
        {DocumentKind::agenda, "children-and-young-people-scrutiny-committee", "2022-04-26"},
        {DocumentKind::minutes, "children-and-young-people-scrutiny-committee", "2022-03-22"},
        {DocumentKind::action_tracker, "children-and-young-people-scrutiny-committee", "2022-04-26"},
        {DocumentKind::report, "children-and-young-people-scrutiny-committee", "2022-04-26"},
        {DocumentKind::report, "children-and-young-people-scrutiny-committee", "2022-04-26"},
        {DocumentKind::appendix, "children-and-young-people-scrutiny-committee", "2022-04-26"},
        {DocumentKind::appendix, "children-and-young-people-scrutiny-committee", "2022-04-26"},
        {DocumentKind::report, "cabinet", "2022-03-31"},
        {DocumentKind::report, "children-and-young-people-scrutiny-committee", "2022-04-26"},
        {DocumentKind::report, "children-and-young-people-scrutiny-committee", "2022-04-26"},
        {DocumentKind::work_programme, "children-and-young-people-scrutiny-committee", "2022-04-26"},
    };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Document& d = r.documents[i];
        INFO("part " << i + 1 << " " << d.title);
        CHECK(d.part == static_cast<int>(i + 1));
        CHECK(d.id == "samples-001-8fed95a2e73ba999-p" + std::to_string(i + 1));
        CHECK(d.kind == expected[i].kind);
        REQUIRE(d.committee);
        CHECK(d.committee->id == expected[i].committee);
        CHECK(d.date == expected[i].date);
    }
    CHECK(r.documents[3].title == "Families Co-optee Representative");
    CHECK(r.documents[3].report_by == "Democratic Services Officer");
    CHECK(r.documents[7].title == "Investment in Children's Transformation");
    CHECK(r.documents[7].committee->name == "Cabinet");

    const Document& agenda = r.documents[0];
    CHECK(numbers(agenda) == range(1, 11));
    CHECK(agenda.items[0].title == "APOLOGIES FOR ABSENCE");
    CHECK(agenda.items[3].title == "MINUTES AND ACTION LOG");
    CHECK(agenda.items[3].pages_ref == "9-16");
    CHECK(agenda.items[8].title == "CHILDREN AND YOUNG PEOPLE' IMPROVEMENT PLAN - PROGRESS UPDATE");
    CHECK(agenda.items[9].title == "WORK PROGRAMME REVIEW");
    CHECK(agenda.items[9].pages_ref == "59-86");
    CHECK(agenda.items[10].title == "DATE OF NEXT MEETING");
    const Meeting& april = meeting_of(r, agenda);
    CHECK(april.start_time == "14:30");
    CHECK(april.venue == "Herefordshire Council Offices, Plough Lane, Hereford, HR4 0LE");

    const Document& minutes = r.documents[1];
    CHECK(numbers(minutes) == range(72, 81));
    CHECK(minutes.items[6].title == "IMPACT OF THE PANDEMIC ON THE MENTAL HEALTH AND WELL-BEING OF PUPILS IN SCHOOLS");
    const Meeting& march = meeting_of(r, minutes);
    CHECK(march.id == "children-and-young-people-scrutiny-committee-2022-03-22");
    CHECK(march.start_time == "14:30");
    const auto& att = march.attendance;
    REQUIRE(att.present.size() >= 2);
    CHECK(att.present[0].name == "Phillip Howells");
    CHECK(att.present[0].role == "chairperson");
    CHECK(att.present[1].role == "vice-chairperson");
    CHECK(find(att.present, "Helen l'Anson")->remote);  // "attended the meeting remotely"
    CHECK(find(att.in_attendance, "James Kempton")->title == "LGA scrutiny mentor");
    REQUIRE(att.substitutes.size() == 1);
    CHECK(att.substitutes[0].name == "Andrew Teale");
    CHECK(att.substitutes[0].note == "substitute for Sam Pratley");
    REQUIRE(att.apologies.size() == 3);
    CHECK(att.apologies[1].name == "Darryl Freeman");
    CHECK(att.apologies[2].name == "Jane Ellis");

    const Document& cabinet = r.documents[7];
    CHECK(cabinet.meeting_id == "cabinet-2022-03-31");
    CHECK(cabinet.items.empty());
}

TEST_CASE("seed 002: minutes of 1 October 2018 with items 20 to 29 and a substitute", "[golden]") {
    const FileResult r = read_seed("002_f238e8122ed5804f");
    REQUIRE(r.ok);
    REQUIRE(r.documents.size() == 1);
    const Document& doc = r.documents[0];
    CHECK(numbers(doc) == range(20, 29));
    CHECK(doc.items[4].title == "QUESTIONS FROM MEMBERS OF THE PUBLIC");
    CHECK(doc.items[4].pages_ref == "9-10");
    CHECK_FALSE(doc.items[4].procedural);  // a question was received
    CHECK(doc.items[6].title ==
          "OUTCOME OF OFSTED INSPECTION OF LOCAL AUTHORITY CHILDREN'S SERVICES (ILACS) AND ACTION PLAN");
    const Meeting& m = meeting_of(r, doc);
    CHECK(m.council == "Herefordshire Council");
    CHECK(m.date == "2018-10-01");
    CHECK(m.start_time == "14:00");
    CHECK(m.venue == "The Council Chamber - The Shire Hall, St. Peter's Square, Hereford, HR1 2HX");
    const auto& att = m.attendance;
    REQUIRE(att.present.size() == 6);
    CHECK(att.present[0].name == "CA Gandy");
    CHECK(att.present[0].role == "chairperson");
    CHECK(att.present[1].name == "FM Norman");
    CHECK(att.present[1].role == "vice-chairperson");
    REQUIRE(att.in_attendance.size() == 8);
    CHECK(att.in_attendance[0].name == "Chris Baird");
    CHECK(att.in_attendance[4].name == "Lisa Fraser");
    CHECK(att.in_attendance[4].title == "Assistant Director Education Development Skills");
    CHECK(att.in_attendance[7].name == "Jon Roberts");
    CHECK(att.in_attendance[7].honorific == "DCI");
    CHECK(att.in_attendance[7].title == "West Mercia Police");
    REQUIRE(att.apologies.size() == 4);
    REQUIRE(att.substitutes.size() == 1);
    CHECK(att.substitutes[0].name == "J Hardwick");
    CHECK(att.substitutes[0].note == "substitute for Councillor Chappell");
    // the supplement's question table stays in the minutes, after the items
    bool question_section = false;
    for (const auto& u : doc.units)
        if (u.item_index == -1 && u.section.find("Supplement") == 0) question_section = true;
    CHECK(question_section);
}

TEST_CASE("seed 003: the web page holds one item 111 with sub-headings as sections", "[golden]") {
    const FileResult r = read_seed("003_0f19b924668e569c");
    REQUIRE(r.ok);
    REQUIRE(r.documents.size() == 1);
    const Document& doc = r.documents[0];
    CHECK(doc.kind == DocumentKind::web_page);
    CHECK(numbers(doc) == std::vector<std::string>{"111"});
    CHECK(doc.items[0].title == "Inspection of Herefordshire Children's Services");
    CHECK(doc.date.empty());  // not printed, not guessed
    REQUIRE(doc.committee);
    CHECK(doc.committee->id == "children-and-young-people-scrutiny-committee");
    CHECK(doc.meeting_id == "samples-003-0f19b924668e569c-meeting");
    std::set<std::string> sections;
    for (const auto& u : doc.units)
        if (u.item_index == 0) sections.insert(u.section);
    CHECK(sections.count("Corporate Responsibility") == 1);
    CHECK(sections.count("Multi-Agency Safeguarding Hub (MASH)") == 1);
    CHECK(sections.count("Voice of Children and Families") == 1);
}

TEST_CASE("seed 004: minutes of 22 July 2025, discussion points are not items, the appendix is item 12", "[golden]") {
    const FileResult r = read_seed("004_96e372cf547dc9a6");
    REQUIRE(r.ok);
    REQUIRE(r.documents.size() == 1);
    const Document& doc = r.documents[0];
    CHECK(numbers(doc) == range(1, 12));
    CHECK(doc.items[6].title == "HEREFORDSHIRE CHILDREN'S SERVICES AND PARTNERSHIP IMPROVEMENT PLAN");
    CHECK(doc.items[7].title == "CHILDREN AND YOUNG PEOPLE'S QUALITY ASSURANCE BRIEFING");
    CHECK(doc.items[11].title == "APPENDIX 1 - SUPPLEMENTARY QUESTION AND RESPONSE");
    CHECK_FALSE(doc.items[4].procedural);  // two public questions were received
    CHECK(doc.items[5].procedural);
    const Meeting& m = meeting_of(r, doc);
    CHECK(m.date == "2025-07-22");
    CHECK(m.start_time == "14:00");
    CHECK(m.venue == "Conference Room 1 - Herefordshire Council, Plough Lane Offices, Hereford, HR4 0LE");
    const auto& att = m.attendance;
    REQUIRE(att.present.size() == 7);
    CHECK(att.present[0].name == "Toni Fagan");
    CHECK(att.present[0].role == "chairperson");
    CHECK(att.present[1].name == "Ben Proctor");
    CHECK(att.present[1].role == "vice-chairperson");
    REQUIRE(att.in_attendance.size() == 2);
    CHECK(att.in_attendance[1].name == "Aubrey Oliver");
    CHECK(att.in_attendance[1].role == "observer");
    REQUIRE(att.officers.size() == 5);
    CHECK(att.officers[1].name == "Alfie Rees-Glinos");
    CHECK(att.officers[1].title == "Democratic Services Support");
    CHECK(att.apologies.empty());
}
