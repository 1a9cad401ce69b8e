// Acronyms defined in the text, validated against the initials of their expansion.
#include <catch2/catch.hpp>

#include <string_view>
#include <vector>

#include "units/units.hpp"

using namespace quorum::corpus;

namespace {

std::vector<Acronym> acronyms_of(std::vector<std::string> texts) {
    std::vector<SourceLine> lines;
    for (std::string& t : texts) lines.push_back({std::move(t), 1});
    std::vector<Acronym> out;
    find_acronyms(lines, out);
    return out;
}

}  // namespace

TEST_CASE("Expansion before the bracket: 'Multi-Agency Safeguarding Hub (MASH)'", "[acronyms]") {
    // Seed 001 line 664.
    const auto found =
        acronyms_of({" - Significant and ongoing improvement in the timeliness of the response to contacts in the "
                     "Multi-Agency Safeguarding Hub (MASH) in recent months."});
    REQUIRE(found.size() == 1);
    CHECK(found[0] == Acronym{"MASH", "Multi-Agency Safeguarding Hub"});
}

TEST_CASE("Short form before the bracket: 'MASH (Multi-agency Safeguarding Hub)'", "[acronyms]") {
    // Seed 000 line 255.
    const auto found = acronyms_of({"Children that came in through the MASH (Multi-agency Safeguarding Hub) needing"});
    REQUIRE(found.size() == 1);
    CHECK(found[0] == Acronym{"MASH", "Multi-agency Safeguarding Hub"});
}

TEST_CASE("Lower-case letters of the short form and small words of the expansion may be skipped", "[acronyms]") {
    // Seed 000 line 249, seed 001 lines 211 and 613.
    const auto found = acronyms_of(
        {"The service had received a \xC2\xA3"
         "1.7m grant from the Department of Education (DfE) to",
         "- Noted that schools such as Blackmarstons, and Barrs Court school being excellent schools in regards to "
         "Special Educational Needs and Disabilities (SEND) and support groups that are in place.",
         "- That Newly Qualified Social Workers (NQSWs) are supported appropriately during their Assessed and "
         "Supported "
         "Year in Employment (ASYE)"});
    REQUIRE(found.size() == 4);
    CHECK(found[0] == Acronym{"DfE", "Department of Education"});
    CHECK(found[1] == Acronym{"SEND", "Special Educational Needs and Disabilities"});
    CHECK(found[2] == Acronym{"NQSWs", "Newly Qualified Social Workers"});
    CHECK(found[3] == Acronym{"ASYE", "Assessed and Supported Year in Employment"});
}

TEST_CASE("A short form that does not spell its expansion is rejected", "[acronyms]") {
    // Seed 001 line 206: PHSE printed for "Personal Social Health and Economic".
    CHECK(acronyms_of({"As a result Personal Social Health and Economic (PHSE) was described as important"}).empty());
    CHECK(acronyms_of({"Rate of open Child Protection plans (per 10k aged 0-17)"}).empty());
    CHECK(acronyms_of({"children and young people's (CYP's) mental health"}).empty());
}

TEST_CASE("Glossary lines with a TAB or a space after the short form", "[acronyms]") {
    // Seed 001 lines 479-483 and 1156-1160.
    const auto found =
        acronyms_of({"Glossary", "", "DfE Department for Education", "DCS Director Children\xE2\x80\x99s Services",
                     "CEO\tChief Executive Officer", "KPIs\tKey Performance Indicators", "",
                     "Report Reviewers Used for appraising this report:"});
    REQUIRE(found.size() == 4);
    CHECK(found[0] == Acronym{"DfE", "Department for Education"});
    CHECK(found[1] == Acronym{"DCS", "Director Children\xE2\x80\x99s Services"});
    CHECK(found[3] == Acronym{"KPIs", "Key Performance Indicators"});
}

TEST_CASE("The same definition twice is kept once", "[acronyms]") {
    const auto found =
        acronyms_of({"the Multi-Agency Safeguarding Hub (MASH) and", "the Multi-agency Safeguarding Hub (MASH)"});
    CHECK(found.size() == 1);
}
