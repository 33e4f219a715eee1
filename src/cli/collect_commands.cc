#include "cli/collect_commands.h"

#include <unistd.h>

#include <chrono>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "cli/output.h"
#include "base/date.h"
#include "pipeline/collect_job.h"

namespace parallax::cli {
namespace {

constexpr int kExitQuarantined = 3;
constexpr int kExitFetchFailed = 7;

// 7 when a feed or page failed (they are on stderr and in `watch --status`), else 3 when a
// record was quarantined, else 0.
int ExitFor(const pipeline::CollectSummary& s) {
  if (s.feeds_failed > 0 || s.pages_failed > 0) return kExitFetchFailed;
  return s.counts.quarantined > 0 ? kExitQuarantined : 0;
}

struct CollectArgs {
  std::vector<std::string> urls;
  std::string outlet, feeds, every = "1h", contact;
  double delay = -1;
  bool once = false, status = false, again = false, verbose = false, no_entities = false;
  std::vector<std::string> packs;
  int jobs = 0;
};

// "90", "90s", "15m", "2h", "1d" -> seconds; negative when unreadable.
double ParseDuration(const std::string& text) {
  if (text.empty()) return -1;
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || v < 0) return -1;
  std::string unit(end);
  if (unit.empty() || unit == "s") return v;
  if (unit == "m" || unit == "min") return v * 60;
  if (unit == "h") return v * 3600;
  if (unit == "d") return v * 86400;
  return -1;
}

pipeline::CollectOptions Options(const CollectArgs& a, const pipeline::CollectSettings& settings) {
  pipeline::CollectOptions o;
  o.settings = settings;
  if (!a.contact.empty()) o.settings.contact = a.contact;
  if (a.delay >= 0) o.settings.delay = a.delay;
  o.again = a.again;
  o.ingest.packs = a.packs;
  o.ingest.find_entities = !a.no_entities;
  o.ingest.jobs = a.jobs;
  o.ingest.on_reject = [](const Status& s) { fmt::print(stderr, "parallax: quarantined: {}\n", s.ToString()); };
  o.on_failure = [](const std::string& line) { fmt::print(stderr, "parallax: fetch failed: {}\n", line); };
  if (a.verbose) o.on_event = [](const std::string& line) { fmt::print(stderr, "{}\n", line); };
  return o;
}

void WarnNoContact(const pipeline::CollectSettings& s) {
  if (s.contact.empty()) {
    fmt::print(stderr, "parallax: note: no contact set; put `collect: {{contact: you@example.org}}` in the feeds file "
                       "(or use --contact) so site owners can reach you\n");
  }
}

int CmdFetch(const Common& c, const CollectArgs& a) {
  auto db = OpenDb(c.db, true);
  if (!db.ok()) return Fail(db.status());
  auto settings = pipeline::StoredSettings(**db);
  if (!settings.ok()) return Fail(settings.status());
  pipeline::CollectOptions o = Options(a, *settings);
  WarnNoContact(o.settings);
  auto s = pipeline::FetchUrls(**db, a.urls, a.outlet, o);
  if (!s.ok()) return Fail(s.status());
  fmt::print("{}\narchive: {}\n", pipeline::SummaryLine(*s), s->archive);
  return ExitFor(*s);
}

int CmdWatchStatus(const Common& c) {
  auto db = OpenDb(c.db, false);
  if (!db.ok()) return Fail(db.status());
  auto format = ParseFormat(c.format);
  if (!format.ok()) return Fail(format.status());
  auto states = (*db)->FetchStates(false);
  if (!states.ok()) return Fail(states.status());
  Rows rows;
  rows.columns = {"kind", "outlet", "url", "outcome", "status", "failures", "last_attempt", "next_attempt", "last_error", "history"};
  int pages_ok = 0;
  for (const store::FetchState& f : *states) {
    // Every feed; of the pages, those that failed (the rest are summed below).
    if (f.kind == "page" && f.failures == 0) {
      ++pages_ok;
      continue;
    }
    std::string history;
    if (f.failures > 0) {
      auto log = (*db)->FetchLog(f.url, 5);
      if (!log.ok()) return Fail(log.status());
      for (const store::FetchLogEntry& e : *log) {
        history += fmt::format("{}{} {}{}", history.empty() ? "" : "; ", e.at, e.outcome, e.error.empty() ? "" : " (" + e.error + ")");
      }
    }
    rows.rows.push_back({f.kind, f.outlet, f.url, f.outcome, f.status, f.failures, f.last_attempt,
                         f.next_attempt.empty() ? nlohmann::json() : nlohmann::json(f.next_attempt),
                         f.last_error.empty() ? nlohmann::json() : nlohmann::json(f.last_error), history});
  }
  Print(rows, *format);
  if (*format == Format::kTable) fmt::print("{} pages fetched without error are not listed\n", pages_ok);
  return 0;
}

int CmdWatch(const Common& c, const CollectArgs& a) {
  if (a.status) return CmdWatchStatus(c);
  double every = ParseDuration(a.every);
  if (every <= 0) return Fail(Status::InvalidInput(fmt::format("--every: not a duration: '{}' (e.g. 30m, 1h)", a.every)));
  auto db = OpenDb(c.db, true);
  if (!db.ok()) return Fail(db.status());
  if (!a.feeds.empty()) {
    // The watch list joins the workspace: its outlets (with their feeds) and its settings stay
    // for later runs without --feeds.
    auto list = pipeline::LoadWatchList(a.feeds);
    if (!list.ok()) return Fail(list.status());
    for (const Outlet& o : list->outlets) {
      if (Status s = (*db)->PutOutlet(o); !s.ok()) return Fail(s);
    }
    if (list->has_settings) {
      if (Status s = pipeline::StoreSettings(**db, list->settings); !s.ok()) return Fail(s);
    }
  }
  auto settings = pipeline::StoredSettings(**db);
  if (!settings.ok()) return Fail(settings.status());
  pipeline::CollectOptions o = Options(a, *settings);
  WarnNoContact(o.settings);
  while (true) {
    auto s = pipeline::WatchCycle(**db, o);
    if (!s.ok()) return Fail(s.status());
    fmt::print("{} {}\n", UtcIso(), pipeline::SummaryLine(*s));
    std::fflush(stdout);
    if (s->feeds == 0) {
      fmt::print(stderr, "parallax: no feeds to watch: give --feeds FILE (outlets with feeds:) or add feeds to a pack's outlets\n");
      return 2;
    }
    if (a.once) return ExitFor(*s);
    std::this_thread::sleep_for(std::chrono::duration<double>(every));
  }
}

}  // namespace

std::function<int()> AddCollectCommands(CLI::App& app, Common& common) {
  auto fa = std::make_shared<CollectArgs>();
  CLI::App* fetch = app.add_subcommand("fetch", "Fetch article pages (or a feed's items) now, archive them as WARC and ingest them");
  fetch->add_option("urls", fa->urls, "Page, feed or sitemap URLs (http or https)")->required();
  fetch->add_option("--outlet", fa->outlet, "Outlet of these pages (default: found from the URL's domain)");
  fetch->add_flag("--again", fa->again, "Fetch pages already stored once more");
  auto add_common = [&](CLI::App* cmd, CollectArgs& a) {
    cmd->add_option("--contact", a.contact, "Contact put in the User-Agent (default: the workspace's setting)");
    cmd->add_option("--delay", a.delay, "Seconds between requests to one host (default 1)")->check(CLI::Range(0.0, 3600.0));
    cmd->add_option("--pack", a.packs, "Extra knowledge pack (repeatable)");
    cmd->add_option("--jobs,-j", a.jobs, "Analysis threads (0: one per core)");
    cmd->add_flag("--no-entities", a.no_entities, "Store articles without entities, quotations and stance");
    cmd->add_flag("--verbose,-v", a.verbose, "A line per feed and page");
    AddDb(cmd, common);
  };
  add_common(fetch, *fa);

  auto wa = std::make_shared<CollectArgs>();
  CLI::App* watch = app.add_subcommand("watch", "Poll outlets' feeds and ingest their new articles, politely, with WARC archives");
  watch->add_option("--feeds", wa->feeds, "Watch list (YAML: collect: settings, outlets: with feeds:); kept in the workspace");
  watch->add_option("--every", wa->every, "Time between cycles: 30m, 1h, 6h ... (default 1h)");
  watch->add_flag("--once", wa->once, "One cycle, then exit (for cron)");
  watch->add_flag("--status", wa->status, "Each feed's state and the pages that failed, with their recent attempts");
  add_common(watch, *wa);
  AddFormat(watch, common);

  return [fetch, watch, fa, wa, &common]() -> int {
    if (*fetch) return CmdFetch(common, *fa);
    if (*watch) return CmdWatch(common, *wa);
    return -1;
  };
}

}  // namespace parallax::cli
