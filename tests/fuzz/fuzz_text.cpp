// libFuzzer target: a .txt file's bytes through the reading chain (reader_fuzz.hpp).
#include "reader_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return quorum::fuzz::read_one(data, size, "fuzz.txt");
}
