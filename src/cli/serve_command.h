// `parallax serve`: the HTTP API and the web dashboard.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "cli/common.h"

namespace parallax::cli {

// Registers `serve` on `app`; the returned function runs it when it was parsed (else -1).
std::function<int()> AddServeCommand(CLI::App& app, Common& common);

}  // namespace parallax::cli
