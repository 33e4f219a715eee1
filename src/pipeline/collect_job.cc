#include "pipeline/collect_job.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <type_traits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/date.h"
#include "base/strings.h"
#include "base/yaml.h"
#include "collect/fetcher.h"
#include "collect/warc.h"
#include "ingest/outlets.h"

namespace parallax::pipeline {
namespace {

namespace fs = std::filesystem;
using collect::FetchResult;
using store::FetchState;

constexpr const char* kSettingsKey = "collect.settings";
constexpr const char* kVersion = PARALLAX_VERSION;


nlohmann::json SettingsJson(const CollectSettings& s) {
  return {{"contact", s.contact},     {"delay", s.delay},       {"timeout", s.timeout},
          {"retries", s.retries},     {"backoff", s.backoff},   {"failure_backoff", s.failure_backoff},
          {"max_failures", s.max_failures}, {"max_items", s.max_items}, {"archive", s.archive}};
}

template <typename T>
void Read(const nlohmann::json& j, const char* key, T& out) {
  if (auto it = j.find(key); it != j.end() && !it->is_null()) out = it->get<T>();
}

// The path stored for an archive file: relative to the workspace folder when inside it.
std::string Relative(const std::string& path, const std::string& workspace_dir) {
  std::error_code ec;
  fs::path rel = fs::relative(path, workspace_dir, ec);
  if (ec || rel.empty() || *rel.begin() == "..") return fs::absolute(path, ec).string();
  return rel.string();
}

std::string HostKey(const std::string& url) {
  Result<collect::Url> u = collect::ParseUrl(url);
  return u.ok() ? u->host : url;
}

// The collector for one run: one Ingester, one WARC file, one polite Fetcher.
class Collector {
 public:
  Collector(store::SqliteStore& store, const CollectOptions& options)
      : store_(store), options_(options), settings_(options.settings) {
    workspace_dir_ = fs::path(store.path()).parent_path().string();
    if (workspace_dir_.empty()) workspace_dir_ = ".";
  }

  Status Start(const std::string& args) {
    IngestOptions io = options_.ingest;
    io.paths.clear();
    PLX_ASSIGN_OR_RETURN(ingester_, Ingester::Start(store_, io, args));
    std::string dir = settings_.archive.empty() ? workspace_dir_ + "/archive"
                      : fs::path(settings_.archive).is_absolute() ? settings_.archive
                                                                  : workspace_dir_ + "/" + settings_.archive;
    PLX_ASSIGN_OR_RETURN(warc_, collect::WarcWriter::Open({.dir = dir,
                                                           .software = fmt::format("Parallax/{}", kVersion),
                                                           .operator_info = settings_.contact}));
    collect::FetcherOptions fo;
    fo.user_agent = settings_.contact.empty()
                        ? fmt::format("Parallax/{} (media-analysis collector)", kVersion)
                        : fmt::format("Parallax/{} (media-analysis collector; contact: {})", kVersion, settings_.contact);
    fo.delay_seconds = settings_.delay;
    fo.retries = settings_.retries;
    fo.backoff_seconds = settings_.backoff;
    fo.http.timeout_seconds = settings_.timeout;
    fo.http.connect_timeout_seconds = std::min(settings_.timeout, 10.0);
    fo.http.max_bytes = options_.ingest.read.max_document_bytes;
    PLX_ASSIGN_OR_RETURN(fetcher_, collect::Fetcher::Create(fo, warc_.get()));
    summary_.archive = Relative(warc_->path(), workspace_dir_);
    return Status::Ok();
  }

  const ingest::OutletRegistry& outlets() const { return ingester_->outlets(); }

  // Polls a feed or sitemap and queues its new items.
  Status PollFeed(const std::string& url, const std::string& outlet) {
    ++summary_.feeds;
    PLX_ASSIGN_OR_RETURN(FetchState st, StateOf(url, "feed", outlet));
    if (!Due(st)) {
      ++summary_.feeds_waiting;
      Event("feed {} waiting until {} after {} failures", url, st.next_attempt, st.failures);
      return Status::Ok();
    }
    FetchResult r = fetcher_->Fetch(url, st.etag, st.last_modified);
    if (r.outcome == "not_modified") {
      ++summary_.feeds_unchanged;
      Event("feed {} unchanged", url);
      return Record(st, r, "unchanged");
    }
    if (r.outcome != "ok") {
      ++summary_.feeds_failed;
      Event("feed {} {}: {}", url, r.outcome, r.error);
      Failure("{}: {}", url, r.error);
      return Record(st, r, r.outcome);
    }
    std::string error;
    int queued = QueueDocument(r, outlet, error);
    if (!error.empty()) {
      ++summary_.feeds_failed;
      r.outcome = "failed";
      r.error = error;
      r.retryable = true;  // a feed broken now may be mended by the next cycle
      Event("feed {} failed: {}", url, error);
      Failure("{}: {}", url, error);
      return Record(st, r, "failed");
    }
    Event("feed {}: {} new items", url, queued);
    return Record(st, r, "stored");
  }

  // `parallax fetch`: a URL that turns out to be a feed or sitemap has its items queued; a page
  // is queued as one.
  Status FetchUrl(const std::string& url, const std::string& outlet) {
    PLX_ASSIGN_OR_RETURN(FetchState st, StateOf(url, "page", outlet));
    if (!options_.again && st.kind == "page" && Done(st)) {
      ++summary_.pages, ++summary_.pages_known;
      Event("{} already {} (use --again to fetch it anyway)", url, st.outcome);
      return Status::Ok();
    }
    ++summary_.pages;
    FetchResult r = fetcher_->Fetch(url);
    ++summary_.pages_fetched;
    if (r.outcome == "ok") {
      std::string head = r.body.substr(0, 2048);
      if (collect::LooksLikeSitemap(head) || ingest::SniffFormat(head) == "rss") {
        --summary_.pages, --summary_.pages_fetched, ++summary_.feeds;
        st.kind = "feed";
        std::string error;
        int queued = QueueDocument(r, outlet, error);
        Event("feed {}: {} new items", url, queued);
        if (!error.empty()) {
          ++summary_.feeds_failed;
          r.outcome = "failed", r.error = error;
          return Record(st, r, "failed");
        }
        return Record(st, r, "stored");
      }
    }
    return Page(PageJob{url, outlet, std::nullopt}, st, r);
  }

  // Queues the pages that failed on earlier cycles and are due for another attempt (their feed
  // may no longer list them, or may not have changed).
  Status QueueRetries() {
    PLX_ASSIGN_OR_RETURN(std::vector<FetchState> failing, store_.FetchStates(true));
    for (const FetchState& f : failing) {
      if (f.kind != "page") continue;
      if (!Due(f)) {
        if (f.failures < settings_.max_failures) ++summary_.pages_waiting;
        continue;
      }
      bool queued = std::any_of(queue_.begin(), queue_.end(), [&](const PageJob& j) { return j.url == f.url; });
      if (queued) continue;
      ++summary_.pages;
      queue_.push_back(PageJob{f.url, f.outlet, std::nullopt, "", ""});
    }
    return Status::Ok();
  }

  // Fetches the queued pages, taking hosts in turn so that one host's rate limit does not hold
  // up the others.
  Status RunPages() {
    std::map<std::string, std::vector<PageJob>> by_host;
    std::vector<std::string> hosts;
    for (PageJob& j : queue_) {
      std::string h = HostKey(j.url);
      if (by_host[h].empty()) hosts.push_back(h);
      by_host[h].push_back(std::move(j));
    }
    queue_.clear();
    for (size_t round = 0;; ++round) {
      bool any = false;
      for (const std::string& h : hosts) {
        std::vector<PageJob>& jobs = by_host[h];
        if (round >= jobs.size()) continue;
        any = true;
        PageJob& j = jobs[round];
        PLX_ASSIGN_OR_RETURN(FetchState st, StateOf(j.url, "page", j.outlet));
        PLX_RETURN_IF_ERROR(Page(j, st, fetcher_->Fetch(j.url)));
        ++summary_.pages_fetched;
      }
      if (!any) break;
      PLX_RETURN_IF_ERROR(Settle());
    }
    return Settle();
  }

  Result<CollectSummary> Finish() {
    PLX_RETURN_IF_ERROR(Settle());
    PLX_RETURN_IF_ERROR(warc_->Sync());
    PLX_ASSIGN_OR_RETURN(IngestSummary s, ingester_->Finish());
    summary_.counts = s.counts;
    summary_.requests = static_cast<int>(fetcher_->requests().size());
    return summary_;
  }

  CollectSummary& summary() { return summary_; }

 private:
  struct PageJob {
    std::string url, outlet;
    std::optional<ingest::Record> item;  // the feed's own item: stored when the page may not be fetched
    std::string item_archive, item_fetched_at;
  };

  template <typename... Args>
  void Event(fmt::format_string<Args...> f, Args&&... args) {
    if (options_.on_event) options_.on_event(fmt::format(f, std::forward<Args>(args)...));
  }

  template <typename... Args>
  void Failure(fmt::format_string<Args...> f, Args&&... args) {
    if (options_.on_failure) options_.on_failure(fmt::format(f, std::forward<Args>(args)...));
  }

  Result<FetchState> StateOf(const std::string& url, const char* kind, const std::string& outlet) {
    PLX_ASSIGN_OR_RETURN(std::optional<FetchState> st, store_.GetFetchState(url));
    if (st.has_value()) {
      if (!outlet.empty()) st->outlet = outlet;
      return *st;
    }
    FetchState f;
    f.url = url;
    f.kind = kind;
    f.outlet = outlet;
    return f;
  }

  // A page stored, repeated or quarantined (or forbidden) is not fetched again.
  static bool Done(const FetchState& f) {
    return f.outcome == "stored" || f.outcome == "duplicate" || f.outcome == "quarantined" || f.outcome == "disallowed";
  }
  bool Due(const FetchState& f) const {
    if (f.failures == 0) return true;
    if (f.failures >= settings_.max_failures) return false;
    return f.next_attempt.empty() || f.next_attempt <= UtcIso();
  }

  // Records an attempt in the state table and the log.
  Status Record(FetchState& st, const FetchResult& r, const std::string& outcome) {
    st.status = r.status;
    st.outcome = outcome;
    st.last_attempt = r.fetched_at.empty() ? UtcIso() : r.fetched_at;
    if (!r.archive.empty()) st.archive = ArchiveText(r.archive);
    if (outcome == "failed") {
      ++st.failures;
      st.last_error = r.error;
      double wait = r.retryable ? settings_.failure_backoff * std::pow(2.0, st.failures - 1) : settings_.failure_backoff * 8;
      st.next_attempt = UtcIso(std::max(wait, r.retry_after));
    } else {
      if (outcome != "disallowed") st.last_success = st.last_attempt;
      st.failures = 0;
      st.next_attempt.clear();
      st.last_error = outcome == "disallowed" ? r.error : "";
      if (!r.etag.empty() || !r.last_modified.empty() || outcome != "unchanged") {
        st.etag = r.etag;
        st.last_modified = r.last_modified;
      }
    }
    PLX_RETURN_IF_ERROR(store_.PutFetchState(st));
    return store_.LogFetch(st, r.seconds);
  }

  // Queues the items of a fetched feed or sitemap; returns how many were new. `error` is set
  // when the document yields nothing usable.
  int QueueDocument(const FetchResult& r, const std::string& outlet, std::string& error) {
    int queued = 0;
    auto add = [&](std::string url, std::optional<ingest::Record> item) {
      Result<std::string> abs = collect::ResolveUrl(r.final_url, url);
      if (!abs.ok() || !collect::ParseUrl(*abs).ok()) return;
      ++summary_.pages;
      Result<std::optional<FetchState>> st = store_.GetFetchState(*abs);
      if (st.ok() && st->has_value()) {
        if (Done(**st)) {
          ++summary_.pages_known;
          return;
        }
        if (!Due(**st)) {
          ++summary_.pages_waiting;
          return;
        }
      }
      if (std::any_of(queue_.begin(), queue_.end(), [&](const PageJob& j) { return j.url == *abs; })) return;
      queue_.push_back(PageJob{*abs, outlet, std::move(item), r.archive, r.fetched_at});
      ++queued;
    };
    std::string head = r.body.substr(0, 2048);
    if (collect::LooksLikeSitemap(head)) {
      bool index = false;
      Result<std::vector<std::string>> urls = collect::ParseSitemap(r.body, index);
      if (!urls.ok()) {
        error = urls.status().message();
        return 0;
      }
      if (index) {
        // One level of sitemap index: the newest child sitemaps, fetched now.
        int children = 0;
        for (const std::string& child : *urls) {
          if (++children > 3) break;
          Result<std::string> abs = collect::ResolveUrl(r.final_url, child);
          if (!abs.ok()) continue;
          FetchResult c = fetcher_->Fetch(*abs);
          bool child_index = false;
          Result<std::vector<std::string>> pages = c.outcome == "ok" ? collect::ParseSitemap(c.body, child_index)
                                                                     : Result<std::vector<std::string>>(Status::Unavailable(c.error));
          if (!pages.ok() || child_index) continue;
          for (size_t i = 0; i < pages->size() && static_cast<int>(i) < settings_.max_items; ++i) add((*pages)[i], std::nullopt);
        }
        return queued;
      }
      for (size_t i = 0; i < urls->size() && static_cast<int>(i) < settings_.max_items; ++i) add((*urls)[i], std::nullopt);
      return queued;
    }
    int ok_items = 0, items = 0;
    std::string feed_error;
    ingest::ParseFeed(r.body, Where{.source = r.url}, [&](ingest::Record& rec) {
      if (rec.item.url.empty() && !rec.article.ok() && rec.item.title.empty()) {
        // The document's own failure (or an item with nothing at all): quarantined once.
        if (feed_error.empty()) feed_error = rec.article.status().message();
        ingester_->Add(rec);
        return;
      }
      ++items;
      if (items > settings_.max_items) return;
      if (rec.item.url.empty()) {
        ingester_->Add(rec);  // an item without a link is stored (or quarantined) as the feed gives it
        return;
      }
      ++ok_items;
      ingest::Record copy{std::move(rec.article), rec.where, {}, rec.item};
      add(rec.item.url, std::move(copy));
    });
    if (ok_items == 0 && !feed_error.empty()) error = feed_error;
    return queued;
  }

  // What to store of a fetched page (or of the feed's item when the page is forbidden), and the
  // state to record once the ingester says what became of it.
  Status Page(const PageJob& job, FetchState& st, FetchResult r) {
    if (r.outcome == "failed") {
      ++summary_.pages_failed;
      Event("page {} failed: {}", job.url, r.error);
      Failure("{}: {}", job.url, r.error);
      return Record(st, r, "failed");
    }
    if (r.outcome == "disallowed") {
      ++summary_.pages_disallowed;
      Event("page {} not fetched: {}", job.url, r.error);
      if (job.item.has_value() && job.item->article.ok()) {
        // The outlet syndicated this text in its feed; store that instead of the page.
        ingest::Record rec{job.item->article, Where{.source = job.url, .record = 1}, {}};
        rec.article->outlet = rec.article->outlet.empty() ? job.outlet : rec.article->outlet;
        rec.article->url = job.url;
        rec.article->source = job.url;
        rec.article->archive = ArchiveText(job.item_archive);
        rec.article->fetched_at = job.item_fetched_at;
        ingester_->Add(rec);
      }
      return Record(st, r, "disallowed");
    }
    Result<Article> a = ToArticle(job, r);
    std::string raw = a.ok() ? std::string() : r.body.substr(0, options_.ingest.max_quarantine_raw);
    ingest::Record rec{std::move(a), Where{.source = job.url, .record = 1}, raw};
    ingester_->Add(rec);
    waiting_.emplace(job.url, std::make_pair(st, std::move(r)));
    return Status::Ok();
  }

  std::string ArchiveText(const std::string& location) const {
    Result<collect::WarcLocation> l = collect::WarcLocation::Parse(location);
    return l.ok() ? Relative(l->file, workspace_dir_) + "#" + std::to_string(l->offset) : "";
  }

  Result<Article> ToArticle(const PageJob& job, const FetchResult& r) const {
    Where where{.source = job.url, .record = 1};
    std::string type = AsciiLower(r.Header("Content-Type"));
    Result<Article> a = Status::InvalidInput("no document");
    if (type.empty() || type.find("html") != std::string::npos || type.find("xml") != std::string::npos) {
      a = ingest::ParseHtml(r.body, r.Charset());
    } else if (type.rfind("text/plain", 0) == 0) {
      a = ingest::ParseText(r.body);
    } else {
      return Status::InvalidInput(fmt::format("not an article page (Content-Type {})", r.Header("Content-Type")), where);
    }
    if (!a.ok()) return a.status().WithWhere(where);
    // The canonical URL the page declares, resolved; else where the redirects ended.
    Result<std::string> canonical = a->url.empty() ? Result<std::string>(Status::NotFound("")) : collect::ResolveUrl(r.final_url, a->url);
    a->url = canonical.ok() && collect::ParseUrl(*canonical).ok() ? *canonical : r.final_url;
    if (job.item.has_value()) {
      const ingest::FeedItem& f = job.item->item;
      if (a->title.empty()) a->title = f.title;
      if (a->author.empty()) a->author = f.author;
      if (a->published.empty() && job.item->article.ok()) {
        a->published = job.item->article->published;
        a->day = job.item->article->day;
      }
    }
    if (a->outlet.empty()) a->outlet = job.outlet;
    a->source = job.url;
    a->record = 1;
    a->format = "html";
    a->archive = ArchiveText(r.archive);
    a->fetched_at = r.fetched_at;
    return a;
  }

  // Stores what has been fetched, then records each page's state from what became of it.
  Status Settle() {
    PLX_RETURN_IF_ERROR(ingester_->Flush());
    for (const RecordOutcome& o : ingester_->TakeOutcomes()) {
      auto it = waiting_.find(o.source);
      if (it == waiting_.end()) continue;
      auto& [st, r] = it->second;
      st.article = o.article;
      if (o.outcome == "quarantined") st.last_error = o.reason;
      Event("page {} {}", o.source, o.outcome);
      PLX_RETURN_IF_ERROR(Record(st, r, o.outcome));
      waiting_.erase(it);
    }
    return Status::Ok();
  }

  store::SqliteStore& store_;
  const CollectOptions& options_;
  CollectSettings settings_;
  std::string workspace_dir_;
  std::unique_ptr<Ingester> ingester_;
  std::unique_ptr<collect::WarcWriter> warc_;
  std::unique_ptr<collect::Fetcher> fetcher_;
  std::vector<PageJob> queue_;
  std::map<std::string, std::pair<FetchState, FetchResult>> waiting_;  // by page URL
  CollectSummary summary_;
};

}  // namespace

Result<WatchList> LoadWatchList(const std::string& path) {
  PLX_ASSIGN_OR_RETURN(std::vector<Outlet> outlets, ingest::LoadOutlets(path));
  WatchList w;
  w.outlets = std::move(outlets);
  PLX_ASSIGN_OR_RETURN(YamlNode root, ReadYamlFile(path));
  const YamlNode& c = root["collect"];
  if (!c.IsMap()) return w;
  w.has_settings = true;
  CollectSettings& s = w.settings;
  // Each number that is given must be one (and a count a sensible one).
  Status bad = Status::Ok();
  auto number = [&](std::string_view key, auto& field) {
    if (!c[key]) return;
    std::optional<double> v = ScalarNumber(c[key]);
    if (!v || (std::is_integral_v<std::remove_reference_t<decltype(field)>> && std::abs(*v) > 1e9)) {
      bad = Status::InvalidInput(fmt::format("collect: {} must be a number", key), Where{.source = path, .field = "collect"});
      return;
    }
    field = static_cast<std::remove_reference_t<decltype(field)>>(*v);
  };
  s.contact = c["contact"].scalar();
  number("delay", s.delay);
  number("timeout", s.timeout);
  number("retries", s.retries);
  number("backoff", s.backoff);
  number("failure_backoff", s.failure_backoff);
  number("max_failures", s.max_failures);
  number("max_items", s.max_items);
  if (c["archive"]) s.archive = c["archive"].scalar();
  PLX_RETURN_IF_ERROR(bad);
  if (s.delay < 0 || s.timeout <= 0 || s.retries < 0 || s.max_items <= 0 || s.max_failures <= 0) {
    return Status::InvalidInput("collect: delay, timeout, retries, max_items and max_failures must be positive",
                                Where{.source = path, .field = "collect"});
  }
  return w;
}

Result<CollectSettings> StoredSettings(store::SqliteStore& store) {
  CollectSettings s;
  PLX_ASSIGN_OR_RETURN(std::string text, store.GetMeta(kSettingsKey));
  if (text.empty()) return s;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return s;
  Read(j, "contact", s.contact);
  Read(j, "delay", s.delay);
  Read(j, "timeout", s.timeout);
  Read(j, "retries", s.retries);
  Read(j, "backoff", s.backoff);
  Read(j, "failure_backoff", s.failure_backoff);
  Read(j, "max_failures", s.max_failures);
  Read(j, "max_items", s.max_items);
  Read(j, "archive", s.archive);
  return s;
}

Status StoreSettings(store::SqliteStore& store, const CollectSettings& settings) {
  return store.PutMeta(kSettingsKey, SettingsJson(settings).dump());
}

Result<CollectSummary> FetchUrls(store::SqliteStore& store, const std::vector<std::string>& urls,
                                 const std::string& outlet, const CollectOptions& options) {
  auto start = std::chrono::steady_clock::now();
  Collector c(store, options);
  std::string args = "fetch";
  for (const std::string& u : urls) args += " " + u;
  PLX_RETURN_IF_ERROR(c.Start(args));
  for (const std::string& u : urls) {
    PLX_RETURN_IF_ERROR(c.FetchUrl(u, outlet));
  }
  PLX_RETURN_IF_ERROR(c.RunPages());
  PLX_ASSIGN_OR_RETURN(CollectSummary s, c.Finish());
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return s;
}

Result<CollectSummary> WatchCycle(store::SqliteStore& store, const CollectOptions& options) {
  auto start = std::chrono::steady_clock::now();
  Collector c(store, options);
  PLX_RETURN_IF_ERROR(c.Start("watch"));
  for (const Outlet& o : c.outlets().all()) {
    for (const std::string& feed : o.feeds) PLX_RETURN_IF_ERROR(c.PollFeed(feed, o.name));
  }
  PLX_RETURN_IF_ERROR(c.QueueRetries());
  PLX_RETURN_IF_ERROR(c.RunPages());
  PLX_ASSIGN_OR_RETURN(CollectSummary s, c.Finish());
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return s;
}

std::string SummaryLine(const CollectSummary& s) {
  return fmt::format(
      "feeds {} polled: {} unchanged, {} failed, {} waiting | pages {}: {} fetched, {} already known, {} failed, "
      "{} disallowed, {} waiting | stored {}, duplicates {}, quarantined {} | {} requests in {:.1f} s",
      s.feeds, s.feeds_unchanged, s.feeds_failed, s.feeds_waiting, s.pages, s.pages_fetched, s.pages_known,
      s.pages_failed, s.pages_disallowed, s.pages_waiting, s.counts.stored, s.counts.duplicates, s.counts.quarantined,
      s.requests, s.seconds);
}

Result<std::string> ArchivedHtml(const Article& a, const std::string& workspace_dir) {
  if (a.archive.empty()) {
    return Status::NotFound(fmt::format("article {} has no archived copy (it was ingested from {}, not fetched)", a.id,
                                        a.source.empty() ? "a file" : a.source));
  }
  PLX_ASSIGN_OR_RETURN(collect::WarcLocation l, collect::WarcLocation::Parse(a.archive));
  if (!fs::path(l.file).is_absolute()) l.file = workspace_dir + "/" + l.file;
  PLX_ASSIGN_OR_RETURN(collect::WarcRecord rec, collect::ReadWarcRecord(l));
  return collect::ArchivedDocument(rec);
}

}  // namespace parallax::pipeline
