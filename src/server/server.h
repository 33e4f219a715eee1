// `parallax serve`: the JSON API and the web dashboard over one workspace.
//
// Read-only unless started with --allow-ingest and a bearer token. Bound to 127.0.0.1 unless
// told otherwise. Every request runs on its own thread's read-only SQLite connection; the
// knowledge packs (built-in and kept by the workspace) load once. Static files are the web/
// assets compiled into the binary, so no request reaches the file system. Errors are
// {"error":{"code","message"}} with the matching HTTP status.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "base/status.h"

namespace parallax::server {

struct Options {
  std::string db;
  std::string store;  // clickhouse://host:port/database: read that store instead of the workspace `db`
  std::string host = "127.0.0.1";
  int port = 8080;                    // 0: any free port (reported through on_listen)
  bool allow_ingest = false;          // POST /api/ingest, with `token`
  std::string token;                  // bearer token for writes
  std::string cors_origin;            // "" sends no CORS headers
  size_t max_body_bytes = 64u << 20;  // larger requests get 413
  int timeout_seconds = 30;           // read and write timeouts
  int threads = 64;                   // a worker holds one keep-alive connection at a time
  int queries = 0;                    // requests running queries at once, the rest queue in order (0: one per core)
  std::function<void(int port)> on_listen;  // called once the socket is bound
};

// Serves until the process is stopped (or Stop() from another thread). Fails when the workspace
// cannot be opened or the address cannot be bound.
Status Serve(const Options& options);
void Stop();

}  // namespace parallax::server
