// Collecting: `parallax fetch` and `parallax watch`. Feeds (RSS, Atom, sitemaps) are polled with
// conditional GETs, their new items' pages fetched politely (collect/fetcher.h), archived as
// WARC, and handed to the same Ingester as files; the workspace remembers every feed and page
// URL (fetch_state) and every attempt (fetch_log), so nothing is fetched twice needlessly and a
// failed fetch is tried again on a later cycle, with backoff.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/article.h"
#include "base/status.h"
#include "pipeline/ingest_job.h"
#include "store/sqlite_store.h"

namespace parallax::pipeline {

struct CollectSettings {
  std::string contact;           // put in the User-Agent so site owners can reach the operator
  double delay = 1.0;            // seconds between requests to one host
  double timeout = 30;           // seconds per request
  int retries = 2;               // within one cycle, for 429, 5xx and network errors
  double backoff = 2;            // seconds before the first retry; doubles
  double failure_backoff = 300;  // seconds before a failed URL is tried in a later cycle; doubles
  int max_failures = 8;          // after this many failures in a row a URL is given up
  int max_items = 200;           // newest items taken from one feed per cycle
  std::string archive;           // WARC folder; "" = "archive" beside the workspace file
};

// A watch list: `collect:` settings and `outlets:` with feeds (the outlets.yaml format, where
// `sitemap:` adds to `feeds:`). Errors name the file.
struct WatchList {
  CollectSettings settings;
  bool has_settings = false;
  std::vector<Outlet> outlets;
};
Result<WatchList> LoadWatchList(const std::string& path);

// The settings a workspace keeps (from the last `watch --feeds`), else the defaults.
Result<CollectSettings> StoredSettings(store::SqliteStore& store);
Status StoreSettings(store::SqliteStore& store, const CollectSettings& settings);

struct CollectOptions {
  IngestOptions ingest;  // analysis options; paths are ignored
  CollectSettings settings;
  bool again = false;    // fetch: fetch pages already stored once more
  std::function<void(const std::string&)> on_event;    // one line per feed and page, for -v
  std::function<void(const std::string&)> on_failure;  // each feed or page that failed, and why
};

struct CollectSummary {
  int feeds = 0, feeds_unchanged = 0, feeds_failed = 0, feeds_waiting = 0;
  int pages = 0;  // page URLs found (feeds' items and URLs given)
  int pages_known = 0, pages_fetched = 0, pages_failed = 0, pages_disallowed = 0, pages_waiting = 0;
  int requests = 0;
  store::RunCounts counts;  // of the ingest run: seen == stored + duplicates + quarantined
  double seconds = 0;
  std::string archive;      // the WARC file written
};

// `parallax fetch`: each URL is fetched now; a feed or sitemap has its items fetched too.
Result<CollectSummary> FetchUrls(store::SqliteStore& store, const std::vector<std::string>& urls,
                                 const std::string& outlet, const CollectOptions& options);
// One `parallax watch` cycle over every outlet with feeds: the workspace's (including the
// packs') and `extra`.
Result<CollectSummary> WatchCycle(store::SqliteStore& store, const CollectOptions& options);

// The line a cycle prints.
std::string SummaryLine(const CollectSummary& s);

// The archived document of an article fetched by `fetch` or `watch`, found through the article's
// archive location (relative to the workspace folder `workspace_dir`).
Result<std::string> ArchivedHtml(const Article& a, const std::string& workspace_dir);

}  // namespace parallax::pipeline
