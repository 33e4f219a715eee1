#include "cli/report_command.h"

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "pipeline/ingest_job.h"

namespace parallax::cli {
namespace {

namespace fs = std::filesystem;

struct ReportArgs {
  report::Options options;
  std::vector<std::string> targets;
  FilterArgs filters;
  std::string format, out;
};

Status WriteFile(const std::string& path, const std::string& body) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << body;
  out.close();
  if (!out) return Status::IoError("cannot write", Where{.source = path});
  return Status::Ok();
}

int CmdReport(const Common& c, ReportArgs a) {
  auto store = OpenQueryStore(c, /*hold_quotations=*/true);  // a brief asks many stance questions
  if (!store.ok()) return Fail(store.status());
  auto k = store->Knowledge();
  if (!k.ok()) return Fail(k.status());
  for (const std::string& t : a.targets) {
    std::string id = store->ResolveEntity(*k, t);
    if (id.empty()) return Fail(Status::NotFound("no such target", Where{.source = t}));
    a.options.targets.push_back(id);
  }
  a.options.filters = a.filters.f;
  std::string format = a.format;
  if (format.empty()) {
    std::string ext = fs::path(a.out).extension().string();
    format = ext == ".html" || ext == ".htm" ? "html" : ext == ".pdf" ? "pdf" : "md";
  }
  auto brief = report::Build(*store->reader, *k, a.options);
  if (!brief.ok()) return Fail(brief.status());
  auto written = WriteBrief(*brief, format, a.out);
  if (!written.ok()) return Fail(written.status());
  for (const std::string& f : *written) fmt::print("wrote {}\n", f);
  return 0;
}

}  // namespace

Result<std::vector<std::string>> WriteBrief(const report::Brief& b, const std::string& format, const std::string& out) {
  std::vector<std::string> written;
  fs::path path(out);
  if (format == "md") {
    fs::path svg = path.parent_path() / (path.stem().string() + "-coverage.svg");
    PLX_RETURN_IF_ERROR(WriteFile(svg.string(), report::CoverageSvg(b)));
    PLX_RETURN_IF_ERROR(WriteFile(out, report::RenderMarkdown(b, svg.filename().string())));
    written = {out, svg.string()};
  } else if (format == "html") {
    PLX_RETURN_IF_ERROR(WriteFile(out, report::RenderHtml(b)));
    written = {out};
  } else if (format == "pdf") {
    fs::path html = path;
    html.replace_extension(".html");
    if (html == path) html += ".html";
    PLX_RETURN_IF_ERROR(WriteFile(html.string(), report::RenderHtml(b)));
    PLX_RETURN_IF_ERROR(report::PrintPdf(html.string(), out));
    written = {out, html.string()};
  } else {
    return Status::InvalidInput(fmt::format("unknown format '{}' (md, html or pdf)", format));
  }
  return written;
}

std::function<int()> AddReportCommand(CLI::App& app, Common& common) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand("report", "A cited brief from the workspace: Markdown, standalone HTML or PDF");
  cmd->add_option("query", args->options.query, "Articles matching this search (default: all)");
  cmd->add_option("--target", args->targets, "Stance toward this entity (repeatable; default: the three most discussed)");
  cmd->add_option("--title", args->options.title, "Title (default: made from the query and targets)");
  cmd->add_option("--exonyms", args->options.exonyms,
                  "kosovo (Kosovo, Pristina), kosova (Kosova, Prishtina) or a YAML file of entity id: name");
  cmd->add_option("--by", args->options.by, "Split sides and the chart by outlet country or tag")
      ->check(CLI::IsMember({"country", "tag"}));
  cmd->add_option("--voices", args->options.voices, "Key voices shown")->check(CLI::Range(1, 50));
  cmd->add_option("--date", args->options.today, "The date the brief carries (default: today)");
  cmd->add_option("--format", args->format, "md, html or pdf (default: from --out's extension)")
      ->check(CLI::IsMember({"md", "html", "pdf"}));
  cmd->add_option("--out", args->out, "Output file")->required();
  args->filters.Add(cmd);
  AddDb(cmd, common);
  AddStore(cmd, common);
  return [=, &common]() -> int {
    if (*cmd) return CmdReport(common, *args);
    return -1;
  };
}

}  // namespace parallax::cli
