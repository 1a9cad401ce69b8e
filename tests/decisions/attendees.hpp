// A member present at a meeting, as the attendance readers give one: for archives built by
// hand in the decisions tests.
#pragma once

#include <string>
#include <utility>

#include "quorum/corpus/model.hpp"

namespace quorum::test {

inline corpus::Attendee member(std::string honorific, std::string name, std::string id) {
    corpus::Attendee a;
    a.honorific = std::move(honorific);
    a.name = std::move(name);
    a.person_id = std::move(id);
    a.role = "member";
    return a;
}

}  // namespace quorum::test
