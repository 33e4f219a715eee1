// `parallax report`: a cited brief from the workspace as Markdown, HTML or PDF.
#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/common.h"
#include "report/brief.h"

namespace parallax::cli {

// Registers `report` on `app`; the returned function runs it when it was parsed (else -1).
std::function<int()> AddReportCommand(CLI::App& app, Common& common);

// Writes the brief in `format` (md, html or pdf) to `out` (for md, the chart beside it as
// <stem>-coverage.svg; for pdf, the HTML beside it too). Returns the files written.
Result<std::vector<std::string>> WriteBrief(const report::Brief& b, const std::string& format, const std::string& out);

}  // namespace parallax::cli
