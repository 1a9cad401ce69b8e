// cpp-httplib's Server with the settings Quorum needs (see docs/SERVING.md for why).
#pragma once

#include <httplib.h>

namespace quorum::server {

class HttpServer : public httplib::Server {
public:
    // cpp-httplib 0.11.4 listens with a backlog of 5, which drops connections under
    // load. Call after bind_to_port(): listen() again on the bound socket raises it.
    bool raise_listen_backlog(int backlog);
};

// Timeouts, keep-alive, payload limit, TCP_NODELAY and a thread pool of `threads`.
void tune(httplib::Server& server, int threads);

}  // namespace quorum::server
