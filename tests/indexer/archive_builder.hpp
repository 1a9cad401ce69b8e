// Builds small FileResults in code, so indexer and query tests do not depend on the readers.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "quorum/corpus/reader.hpp"
#include "quorum/index/document_builder.hpp"
#include "quorum/index/index_writer.hpp"

namespace quorum::test {

struct UnitSpec {
    corpus::UnitType type = corpus::UnitType::paragraph;
    std::string title;
    std::string text;
    std::vector<std::string> people;
    std::vector<std::string> topics;
    bool procedural = false;
    std::string outcome;  // resolution outcome (makes a resolution)
    std::string status;   // action status (makes an action)
};

struct DocSpec {
    std::string id;  // document id; units get id + "-u0001" ...
    std::string date = "2022-03-22";
    std::string committee_id = "children-and-young-people-scrutiny-committee";
    std::string committee_name = "Children and Young People Scrutiny Committee";
    corpus::DocumentKind kind = corpus::DocumentKind::minutes;
    std::string item_title = "Fostering Service Update";
    std::string council = "Herefordshire Council";
    std::vector<UnitSpec> units;
};

inline std::string meeting_id_of(const DocSpec& d) {
    return d.committee_id.empty() || d.date.empty() ? d.id + "-meeting" : d.committee_id + "-" + d.date;
}

inline corpus::FileResult make_file(const std::vector<DocSpec>& docs, std::vector<corpus::Acronym> acronyms = {}) {
    corpus::FileResult file;
    file.ok = true;
    file.acronyms = std::move(acronyms);
    for (const auto& spec : docs) {
        corpus::Document doc;
        doc.id = spec.id;
        doc.source = spec.id + ".txt";
        doc.kind = spec.kind;
        doc.title = "Minutes " + spec.date;
        doc.council = spec.council;
        if (!spec.committee_id.empty()) doc.committee = corpus::Named{spec.committee_id, spec.committee_name};
        doc.date = spec.date;
        doc.meeting_id = meeting_id_of(spec);
        doc.items.push_back({"68", spec.item_title, 1, "", false, false});
        int n = 0;
        for (const auto& u : spec.units) {
            corpus::Unit unit;
            char buf[16];
            std::snprintf(buf, sizeof buf, "-u%04d", ++n);
            unit.id = spec.id + buf;
            unit.type = u.type;
            unit.title = u.title.empty() ? spec.item_title : u.title;
            unit.text = u.text;
            unit.item_index = 0;
            unit.people = u.people;
            unit.topics = u.topics;
            unit.procedural = u.procedural;
            if (!u.outcome.empty()) {
                unit.type = corpus::UnitType::resolution;
                unit.resolution = corpus::ResolutionInfo{"resolved", "a)", "", u.outcome};
            }
            if (!u.status.empty()) {
                unit.type = corpus::UnitType::action;
                unit.action = corpus::ActionInfo{"1", spec.date, u.text, "Director", "", "", "", u.status};
            }
            for (const auto& p : u.people) {
                corpus::Person person;
                person.id = p;
                person.name = "Name of " + p;
                file.people.push_back(person);
            }
            doc.units.push_back(std::move(unit));
        }
        corpus::Meeting m;
        m.id = doc.meeting_id;
        m.date = spec.date;
        m.committee = doc.committee;
        m.council = doc.council;
        m.title = spec.committee_name + ", " + spec.date;
        m.venue = "Plough Lane, Hereford";
        if (spec.kind == corpus::DocumentKind::minutes)
            m.attendance.present.push_back({"Phillip Howells", "phillip-howells", "chairperson"});
        file.meetings.push_back(m);
        file.documents.push_back(std::move(doc));
    }
    return file;
}

// Writes one "file" (FileResult) into an open writer under `key`.
inline index::WriteCounts put(index::IndexWriter& writer, const std::string& key, const corpus::FileResult& file,
                              std::uint64_t size = 100, std::int64_t mtime = 1) {
    index::DocumentBuilder builder;
    index::FileSignature sig{size, mtime, "hash-" + std::to_string(size)};
    return writer.write_file(key, "/nonexistent/" + key, sig, builder.build(file, key));
}

}  // namespace quorum::test
