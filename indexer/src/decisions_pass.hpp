// The decisions pass of a run: decisions link records across files, so any change
// recomputes them over the whole archive, and the new records go into the same commit as
// the units.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>

#include "quorum/corpus/reader.hpp"
#include "quorum/index/index_run.hpp"
#include "input_collection.hpp"
#include "quorum/index/index_writer.hpp"
#include "run_settings.hpp"

namespace quorum::index {

// Where a stored file is read again from: its input folder and its document id (ids of
// names that slug alike are made distinct across the whole run: corpus::document_ids).
struct FilePlace {
    std::filesystem::path root;
    std::string doc_id;
};

// Called as a phase of the pass ends, with its name (a first build times its phases).
using PhaseEnd = std::function<void(const std::string& phase)>;

// True when a run reading `tasks` keeps their readings for the pass (at most
// settings.keep_readings_bytes of files). Otherwise the pass reads each council again, and
// memory stays bounded by the largest council.
[[nodiscard]] bool keeps_readings(const std::vector<Task>& tasks, const RunSettings& settings);

// Analyses the whole archive and writes the records through `writer` (not committed).
// The archive is the files read in this run (`read`, by key; emptied) and every other
// indexed file whose path still exists, read again from `places` (key -> input folder and
// document id) on settings.threads threads. Each council is read, analysed, written and
// released before the next (links never cross councils). Each council's people and
// committee summaries wait on disk (SummarySpill); at the end each person's and
// committee's parts are merged (decisions::merge_summary) and written, a batch at a time.
void decisions_pass(IndexWriter& writer, std::map<std::string, corpus::FileResult>& read,
                    const std::map<std::string, FilePlace>& places, const RunSettings& settings,
                    RunSummary& summary, const PhaseEnd& phase_end = {});

}  // namespace quorum::index
