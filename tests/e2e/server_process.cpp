#include "server_process.hpp"

#include "temp_dir.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace quorum::test {
namespace {

std::vector<char*> c_argv(std::vector<std::string>& args) {
    std::vector<char*> out;
    for (auto& a : args) out.push_back(a.data());
    out.push_back(nullptr);
    return out;
}

int decode_status(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

std::filesystem::path binary(const std::string& name) { return std::filesystem::path(QUORUM_BINARY_DIR) / name; }

int run_program(const std::vector<std::string>& argv, const std::filesystem::path& log) {
    auto args = argv;
    auto cargs = c_argv(args);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, cargs[0], &actions, nullptr, cargs.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return -1;
    // A program that should have stopped but serves on is killed: a test must not hang.
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    for (;;) {
        const pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid) return decode_status(status);
        if (r < 0 && errno != EINTR) return -1;
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -2;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

ServerProcess::ServerProcess(const std::filesystem::path& db, const std::filesystem::path& work_dir,
                             std::vector<std::string> extra_args)
    : err_(work_dir / "serve.stderr"), log_(work_dir / "access.log") {
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    std::vector<std::string> args = {binary("quorum-serve").string(),
                                     "--db",
                                     db.string(),
                                     "--host",
                                     "127.0.0.1",
                                     "--port",
                                     "0",
                                     "--access-log",
                                     log_.string(),
                                     "--threads",
                                     "16"};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    auto cargs = c_argv(args);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, cargs[0], &actions, nullptr, cargs.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    if (rc != 0) {
        ::close(out[0]);
        throw std::runtime_error("cannot start " + args[0] + ": build the quorum-serve target first");
    }
    pid_ = pid;

    // "quorum-serve: listening on http://127.0.0.1:PORT (...)"
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
        pollfd p{out[0], POLLIN, 0};
        if (::poll(&p, 1, 200) <= 0) continue;
        char buf[512];
        const auto n = ::read(out[0], buf, sizeof buf);
        if (n <= 0) break;
        line.append(buf, static_cast<std::size_t>(n));
    }
    ::close(out[0]);
    const auto at = line.find("127.0.0.1:");
    if (at != std::string::npos) port_ = std::atoi(line.c_str() + at + 10);
    if (port_ <= 0) {
        stop(SIGKILL);
        throw std::runtime_error("quorum-serve did not start: " + stderr_text());
    }
    auto c = client();
    for (int i = 0; i < 100; ++i) {
        // Any answer means it serves: a damaged index answers 503 here, which tests check.
        if (auto r = c.Get("/healthz"); r) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    stop(SIGKILL);
    throw std::runtime_error("quorum-serve never answered /healthz: " + stderr_text());
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) stop(SIGKILL);
}

httplib::Client ServerProcess::client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_connection_timeout(2, 0);
    c.set_read_timeout(10, 0);
    return c;
}

bool ServerProcess::running() {
    if (pid_ <= 0) return false;
    int status = 0;
    const pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
        status_ = decode_status(status);
        pid_ = -1;
        return false;
    }
    return true;
}

int ServerProcess::stop(int signal) {
    if (pid_ <= 0) return status_;
    ::kill(pid_, signal);
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {}
    pid_ = -1;
    status_ = decode_status(status);
    return status_;
}

std::string ServerProcess::stderr_text() const { return read_file(err_); }
std::string ServerProcess::access_log() const { return read_file(log_); }

ServerProcess& samples_server() {
    struct Shared {
        TempDir dir;
        std::unique_ptr<ServerProcess> server;
        Shared() {
            const auto db = dir.path() / "db";
            const int rc = run_program(
                {binary("quorum-index").string(), "--db", db.string(), "--as-of", "2022-05-01", QUORUM_SAMPLES_DIR},
                dir.path() / "index.log");
            if (rc != 0)
                throw std::runtime_error("quorum-index failed on the samples: " + read_file(dir.path() / "index.log"));
            server = std::make_unique<ServerProcess>(db, dir.path());
        }
    };
    static Shared shared;
    return *shared.server;
}

}  // namespace quorum::test
