// The polite fetcher: every request waits its turn under a per-host rate limit, asks robots.txt
// first, follows redirects hop by hop (each hop checked and archived), sends conditional GETs,
// and retries rate-limited, unavailable and failed requests with backoff. Every response it
// receives is archived as WARC before anything reads it.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "collect/http.h"
#include "collect/robots.h"
#include "collect/warc.h"

namespace parallax::collect {

struct FetcherOptions {
  std::string agent = "Parallax";  // the robots.txt product token
  std::string user_agent;          // the User-Agent header (names the contact)
  double delay_seconds = 1.0;      // between requests to one host; robots.txt Crawl-delay can raise it
  double max_crawl_delay = 60;     // a larger Crawl-delay is capped here
  int retries = 2;                 // further attempts within one Fetch for 429, 5xx and network errors
  double backoff_seconds = 2;      // the first retry's wait; doubles after each
  double max_wait_seconds = 60;    // a longer Retry-After gives up for now instead of waiting
  int max_redirects = 5;
  HttpOptions http;
};

struct FetchResult {
  std::string url;        // as asked
  std::string final_url;  // after redirects
  int status = 0;         // the last HTTP status; 0 when none came
  // ok (200 with a body), not_modified (304), disallowed (robots.txt), failed
  std::string outcome;
  std::string error;           // why it failed
  bool retryable = false;      // a failure a later attempt may not meet (network, 429, 5xx)
  double retry_after = 0;      // seconds the server asked us to wait, when it did
  std::string body;            // the decoded document
  std::vector<HttpHeader> headers;
  std::string etag, last_modified;
  std::string archive;         // WARC location of the final response
  std::string fetched_at;      // UTC ISO 8601
  int attempts = 0;            // requests made for it, redirects and retries included
  double seconds = 0;

  std::string Header(std::string_view name) const;
  // The charset the Content-Type header declares, or "".
  std::string Charset() const;
};

// One request as it went out, for status lines and tests of the rate limit.
struct RequestLogEntry {
  std::string host, url;
  std::chrono::steady_clock::time_point at;
};

class Fetcher {
 public:
  // `archive` may be null (nothing is archived), else it must outlive the fetcher.
  static Result<std::unique_ptr<Fetcher>> Create(const FetcherOptions& options, WarcWriter* archive);

  // GET `url` politely. `etag` and `last_modified` make it conditional.
  FetchResult Fetch(const std::string& url, const std::string& etag = "", const std::string& last_modified = "");
  // Whether robots.txt lets us fetch `url` (fetching robots.txt when not yet known).
  bool Allowed(const std::string& url);

  const std::vector<RequestLogEntry>& requests() const { return requests_; }

 private:
  using Clock = std::chrono::steady_clock;
  Fetcher(FetcherOptions options, std::unique_ptr<HttpClient> http, WarcWriter* archive)
      : options_(std::move(options)), http_(std::move(http)), archive_(archive) {}
  // One GET after waiting for the host's turn; the response is archived.
  Result<HttpResponse> Request(const Url& u, const std::string& url, const std::vector<HttpHeader>& headers,
                               std::string& archive_location, std::string& fetched_at);
  // The rules for the URL's origin, fetching robots.txt the first time. `error` is set when
  // robots.txt could not be had (unreachable, or a server error): nothing may be fetched from
  // that origin in this run (RFC 9309), and the pages count as failed, to be tried later.
  const Robots& RobotsFor(const Url& u, std::string& error);
  // Sleeps until the host's next turn.
  void WaitTurn(const std::string& host);

  FetcherOptions options_;
  std::unique_ptr<HttpClient> http_;
  WarcWriter* archive_;
  struct RobotsEntry {
    Robots rules;
    std::string error;
  };
  std::map<std::string, RobotsEntry> robots_;      // by origin
  std::map<std::string, Clock::time_point> next_;  // by host: the earliest next request, the delay after the last one ended
  std::vector<RequestLogEntry> requests_;
};

// Sitemaps (sitemaps.org): the page URLs of a <urlset>, newest <lastmod> first, or the child
// sitemaps of a <sitemapindex>. `is_index` says which it was.
Result<std::vector<std::string>> ParseSitemap(std::string_view xml, bool& is_index);
// Whether a document looks like a sitemap rather than a feed.
bool LooksLikeSitemap(std::string_view head);

}  // namespace parallax::collect
