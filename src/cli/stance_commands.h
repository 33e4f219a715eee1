// The stance commands: `stance` (holder x target aggregates), `stance train`, `voices` and
// `network` (GraphML and Discourse Network Analyzer exports).
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "cli/common.h"

namespace parallax::cli {

// Registers the commands on `app`. The returned function runs whichever of them was parsed
// and returns its exit status, or -1 when none was.
std::function<int()> AddStanceCommands(CLI::App& app, Common& common);

}  // namespace parallax::cli
