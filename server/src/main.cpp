// quorum-serve: flags and wiring only. Serves the HTTP API and web page over an index
// made by quorum-index, read-only; stops cleanly (exit 0) on SIGTERM or SIGINT.
#include "app.hpp"
#include "config.hpp"
#include "http_server.hpp"
#include "searcher_backend.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <exception>
#include <iostream>
#include <malloc.h>
#include <sys/resource.h>
#include <pthread.h>
#include <thread>

namespace {

using namespace quorum::server;

// Signals are taken synchronously by one watcher thread (sigwait), so no code runs in
// a signal handler. SIGUSR1 is how main wakes the watcher when the server stops itself.
sigset_t shutdown_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGUSR1);
    return set;
}

// glibc gives each busy thread its own malloc arena, up to 8 per core: with one worker
// per keep-alive connection that doubled the resident memory for no speed. A few arenas
// serve as fast (measured in docs/SERVING.md). MALLOC_ARENA_MAX, when set, still wins.
void limit_malloc_arenas(unsigned hardware_threads) {
    if (std::getenv("MALLOC_ARENA_MAX") != nullptr) return;
    mallopt(M_ARENA_MAX, static_cast<int>(std::max(2u, 2 * hardware_threads)));
}

// Each connection is a file descriptor: a thousand slow clients need more than the usual
// soft limit of 1024. The hard limit is the operator's ceiling.
void raise_open_file_limit() {
    rlimit r{};
    if (::getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max) {
        r.rlim_cur = r.rlim_max;
        (void)::setrlimit(RLIMIT_NOFILE, &r);
    }
}

int run(const Config& config) {
    limit_malloc_arenas(std::thread::hardware_concurrency());
    auto log = AccessLog::open(config.access_log);
    ShardPolicy policy;
    policy.options.remote = remote_endpoints(config);
    policy.options.timeout_ms = static_cast<unsigned>(config.shard_timeout_ms);
    policy.partial = config.on_shard_failure == "partial";
    policy.check_interval = std::chrono::milliseconds(config.shard_check_ms);
    SearcherBackend backend(config.db, std::chrono::seconds(1), 0, policy);
    // A damaged table is served around (the answers that need it get 503) rather than
    // refused, but the operator hears of it now and /healthz reports it.
    if (auto problem = backend.index_problem())
        std::cerr << "quorum-serve: warning: " << *problem << ". /healthz answers 503 until it is mended: check the "
                  << "whole index with xapian-check " << config.db.string() << ", then index the archive again\n";

    raise_open_file_limit();
    ConnectionLimits limits;
    limits.per_client = static_cast<std::size_t>(config.client_connections);
    HttpServer server(limits);
    const int threads = worker_threads(config, std::thread::hardware_concurrency());
    tune(server, threads);
    // Remote shards have no revision to key cached answers on, and a partial answer must
    // not outlive the shard's return: no response cache then.
    const bool cacheable = !backend.shard_set() || (policy.options.remote.empty() && !policy.partial);
    AppOptions options{config.public_url, {}, cacheable ? static_cast<std::size_t>(config.cache_mb) << 20 : 0};
    install_app(server, backend, log.get(), options);

    int port = config.port;
    if (port == 0) {
        port = server.bind_to_any_port(config.host);
        if (port < 0) port = 0;
    } else if (!server.bind_to_port(config.host, port)) {
        port = 0;
    }
    if (port == 0) {
        std::cerr << "quorum-serve: cannot listen on " << config.host << ":" << config.port
                  << ": the address is in use or not available here; pick another --host or --port\n";
        return 1;
    }
    if (!server.raise_listen_backlog(1024))
        std::cerr << "quorum-serve: could not raise the listen backlog; continuing with the default\n";

    std::printf(
        "quorum-serve: listening on http://%s:%d (%llu units, %d threads, %d searchers, %d MB cache, index %s)\n",
        config.host.c_str(), port, static_cast<unsigned long long>(backend.unit_count()), threads, backend.pool_size(),
        cacheable ? config.cache_mb : 0, config.db.c_str());
    std::fflush(stdout);

    const sigset_t signals = shutdown_signals();
    std::thread watcher([&server, signals] {
        int sig = 0;
        sigwait(&signals, &sig);
        if (sig != SIGUSR1) std::fprintf(stderr, "quorum-serve: signal %d, stopping\n", sig);
        // stop() does nothing before the listen loop runs: a signal at start would be lost.
        for (int i = 0; i < 500 && sig != SIGUSR1 && !server.is_running(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        server.stop();
    });
    server.listen_after_bind();                      // returns once stop() is called
    pthread_kill(watcher.native_handle(), SIGUSR1);  // no-op wake-up if a signal already came
    watcher.join();
    if (log) log->flush();
    std::fprintf(stderr, "quorum-serve: stopped\n");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    // A client closing mid-response must not kill the server.
    std::signal(SIGPIPE, SIG_IGN);
    // Block before any thread starts so every thread inherits the mask.
    const sigset_t signals = shutdown_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    Config config;
    CLI::App cli{"quorum-serve: the Quorum search API and web page over an index made by quorum-index"};
    try {
        apply_environment(config);
    } catch (const std::exception& e) {
        std::cerr << "quorum-serve: " << e.what() << "\n";
        return 2;
    }
    std::string db = config.db.string();
    cli.add_option("--db", db, "index folder made by quorum-index (env QUORUM_DB)");
    cli.add_option("--host", config.host, "address to listen on (env QUORUM_HOST)")->capture_default_str();
    cli.add_option("--port", config.port, "port, 0 for any free one (env QUORUM_PORT)")->capture_default_str();
    cli.add_option("--threads", config.threads, "worker threads, 0 sizes to the machine (env QUORUM_THREADS)")
        ->capture_default_str();
    cli.add_option("--access-log", config.access_log, "access log: FILE, - for stderr, off (env QUORUM_ACCESS_LOG)")
        ->capture_default_str();
    cli.add_option("--cache-mb", config.cache_mb,
                   "response cache for repeated searches, in MiB; 0 turns it off (env QUORUM_CACHE_MB)")
        ->capture_default_str();
    cli.add_option("--client-connections", config.client_connections,
                   "open connections allowed per client address, 0 for no limit (behind a proxy, every "
                   "client has the proxy's address) (env QUORUM_CLIENT_CONNECTIONS)")
        ->capture_default_str();
    cli.add_option("--remote", config.remote,
                   "a shard set's shards on xapian-tcpsrv: HOST:PORT,HOST:PORT,... in shard order; OUT/local is "
                   "still read from --db (env QUORUM_REMOTE)");
    cli.add_option("--shard-timeout-ms", config.shard_timeout_ms,
                   "a shard that takes longer to connect or to answer one message is down (env "
                   "QUORUM_SHARD_TIMEOUT_MS)")
        ->capture_default_str();
    cli.add_option("--on-shard-failure", config.on_shard_failure,
                   "when shards are down: fail (503 naming them) or partial (the others answer, marked partial) "
                   "(env QUORUM_ON_SHARD_FAILURE)")
        ->capture_default_str();
    cli.add_option("--shard-check-ms", config.shard_check_ms,
                   "how often each shard is looked at, for /healthz and to notice it back (env QUORUM_SHARD_CHECK_MS)")
        ->capture_default_str();
    cli.add_option("--public-url", config.public_url,
                   "public address, for absolute links in CSV and Atom exports (env QUORUM_PUBLIC_URL)");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e);
    }
    config.db = db;

    try {
        validate(config);
        return run(config);
    } catch (const quorum::query::IndexUnavailable& e) {
        std::cerr << "quorum-serve: " << e.what() << ". Check the whole index with xapian-check " << config.db.string()
                  << ", then index the archive again\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "quorum-serve: " << e.what() << "\n";
        return 1;
    }
}
