// The five seed files read through the whole chain (read_file with sidecars), checked
// against facts verified by reading the files, and against a reviewed JSON dump per seed
// (tests/fixtures/golden/NAME.json; QUORUM_UPDATE_GOLDEN=1 rewrites them).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
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
