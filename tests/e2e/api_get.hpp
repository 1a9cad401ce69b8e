// GET from a test's quorum-serve and parse the JSON answer, requiring a 200: the step
// every end-to-end test of the API repeats.
#pragma once

#include "server_process.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

namespace quorum::test {

inline nlohmann::json get(const ServerProcess& server, const std::string& target) {
    auto r = server.client().Get(target.c_str());
    REQUIRE(r);
    INFO(target << " -> " << r->status << " " << r->body.substr(0, 300));
    REQUIRE(r->status == 200);
    return nlohmann::json::parse(r->body);
}

}  // namespace quorum::test
