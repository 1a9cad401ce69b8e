// The decisions analysis of the sample archive, read through the readers (as_of
// 2022-05-01): made once per test binary, for the tests of the indexer's decision records.
#pragma once

#include "quorum/corpus/reader.hpp"
#include "quorum/decisions/decisions.hpp"

namespace quorum::test {

inline const decisions::DecisionAnalysis& samples_analysis() {
    static const decisions::DecisionAnalysis a = [] {
        corpus::Archive archive;
        std::vector<corpus::Diagnostic> diagnostics;
        corpus::ReadOptions options;
        options.root = QUORUM_SAMPLES_DIR;
        for (const auto& file : corpus::collect_inputs({QUORUM_SAMPLES_DIR}, diagnostics))
            corpus::merge_into(archive, corpus::read_file(file, options));
        decisions::DecisionOptions o;
        o.as_of = "2022-05-01";
        return decisions::analyse_decisions(archive, o);
    }();
    return a;
}

}  // namespace quorum::test
