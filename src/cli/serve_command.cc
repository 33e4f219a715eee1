#include "cli/serve_command.h"

#include <csignal>
#include <fstream>

#include <fmt/format.h>

#include "server/server.h"

namespace parallax::cli {
namespace {

struct ServeArgs {
  server::Options options;
  std::string token_file;
};

void OnSignal(int) { server::Stop(); }

int CmdServe(const Common& c, ServeArgs a) {
  a.options.db = c.db;
  a.options.store = c.store;
  if (a.options.allow_ingest) {
    if (a.token_file.empty()) return Fail(Status::InvalidInput("--allow-ingest needs --token-file FILE"));
    std::ifstream in(a.token_file);
    if (!in) return Fail(Status::IoError("cannot read the token file", Where{.source = a.token_file}));
    std::getline(in, a.options.token);
    while (!a.options.token.empty() && (a.options.token.back() == '\r' || a.options.token.back() == ' ')) a.options.token.pop_back();
  }
  a.options.on_listen = [&](int port) {
    fmt::print("serving http://{}:{}/ ({} {}; {}; Ctrl-C stops)\n", a.options.host, port,
               c.store.empty() ? "workspace" : "store", c.store.empty() ? c.db : c.store,
               a.options.allow_ingest ? "POST /api/ingest enabled" : "read-only");
    std::fflush(stdout);
  };
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  Status s = server::Serve(a.options);
  if (!s.ok()) return Fail(s);
  return 0;
}

}  // namespace

std::function<int()> AddServeCommand(CLI::App& app, Common& common) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand("serve", "The HTTP API and web dashboard over the workspace");
  cmd->add_option("--host", args->options.host, "Address to bind (default 127.0.0.1: this machine only)");
  cmd->add_option("--port", args->options.port, "Port (0: any free port)")->check(CLI::Range(0, 65535));
  cmd->add_flag("--allow-ingest", args->options.allow_ingest, "Enable POST /api/ingest (needs --token-file)");
  cmd->add_option("--token-file", args->token_file, "File holding the bearer token for POST /api/ingest");
  cmd->add_option("--cors", args->options.cors_origin, "Allow this origin to call the API from a browser");
  cmd->add_option("--threads", args->options.threads, "Worker threads")->check(CLI::Range(1, 256));
  cmd->add_option("--queries", args->options.queries, "Requests that run queries at once; the rest wait in order (0: one per core)")
      ->check(CLI::Range(0, 256));
  cmd->add_option("--timeout", args->options.timeout_seconds, "Seconds a request may take")->check(CLI::Range(1, 3600));
  cmd->add_option("--max-body", args->options.max_body_bytes, "Largest request body in bytes");
  AddDb(cmd, common);
  AddStore(cmd, common);
  return [=, &common]() -> int {
    if (*cmd) return CmdServe(common, *args);
    return -1;
  };
}

}  // namespace parallax::cli
