// The real build/quorum-index and build/quorum-serve, run as child processes for
// end-to-end tests: index into a temporary folder, serve on a free 127.0.0.1 port.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <string>
#include <vector>

namespace quorum::test {

// Runs a program to completion, its output appended to `log`. Returns its exit status
// (128 + signal when killed, -1 when it could not start, -2 when it ran over two
// minutes and was killed).
int run_program(const std::vector<std::string>& argv, const std::filesystem::path& log);

std::filesystem::path binary(const std::string& name);  // QUORUM_BINARY_DIR/name

class ServerProcess {
public:
    // Starts quorum-serve --db `db` --port 0 and waits until it prints its port and
    // answers /healthz (with any status). Throws std::runtime_error (with its stderr) when it does not.
    ServerProcess(const std::filesystem::path& db, const std::filesystem::path& work_dir,
                  std::vector<std::string> extra_args = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    [[nodiscard]] int port() const noexcept { return port_; }
    [[nodiscard]] httplib::Client client() const;
    [[nodiscard]] bool running();
    // Sends `signal` and waits; returns the exit status as run_program does.
    int stop(int signal);
    [[nodiscard]] std::string stderr_text() const;
    [[nodiscard]] std::string access_log() const;

private:
    int pid_ = -1;
    int port_ = 0;
    int status_ = -1;
    std::filesystem::path err_, log_;
};

// One index of corpus/samples and one server over it, shared by the read-only tests
// of this executable (indexing per test would be slow).
ServerProcess& samples_server();

}  // namespace quorum::test
