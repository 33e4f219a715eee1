// The collecting commands: `fetch` (URLs now) and `watch` (poll feeds, once or every so often;
// `--status` for the state of every feed and the pages that failed).
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "cli/common.h"

namespace parallax::cli {

// Registers the commands on `app`; the returned function runs whichever was parsed and returns
// its exit status, or -1 when none was.
std::function<int()> AddCollectCommands(CLI::App& app, Common& common);

}  // namespace parallax::cli
