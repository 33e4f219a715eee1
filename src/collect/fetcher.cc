#include "collect/fetcher.h"

#include <curl/curl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <ctime>
#include <thread>

#include <fmt/format.h>

#include "base/date.h"
#include "base/strings.h"

namespace parallax::collect {
namespace {

bool Retryable(int status) { return status == 429 || status == 500 || status == 502 || status == 503 || status == 504; }

// Retry-After: delay-seconds or an HTTP date; 0 when absent or unreadable.
double RetryAfter(const std::string& value) {
  if (value.empty()) return 0;
  char* end = nullptr;
  double s = std::strtod(value.c_str(), &end);
  if (end != value.c_str() && *end == 0) return s > 0 ? s : 0;
  time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) return 0;
  double d = std::difftime(when, std::time(nullptr));
  return d > 0 ? d : 0;
}


std::string ChildText(xmlNode* n, const char* name) {
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, BAD_CAST name) == 0) {
      xmlChar* t = xmlNodeGetContent(c);
      std::string out = t != nullptr ? std::string(TrimAscii(reinterpret_cast<const char*>(t))) : "";
      xmlFree(t);
      return out;
    }
  }
  return "";
}

}  // namespace


std::string FetchResult::Header(std::string_view name) const { return HeaderValue(headers, name); }

std::string FetchResult::Charset() const {
  std::string type = AsciiLower(Header("Content-Type"));
  size_t at = type.find("charset=");
  if (at == std::string::npos) return "";
  std::string cs = type.substr(at + 8);
  cs = cs.substr(0, cs.find(';'));
  cs.erase(std::remove(cs.begin(), cs.end(), '"'), cs.end());
  return std::string(TrimAscii(cs));
}

Result<std::unique_ptr<Fetcher>> Fetcher::Create(const FetcherOptions& options, WarcWriter* archive) {
  FetcherOptions o = options;
  if (o.user_agent.empty()) o.user_agent = o.agent;
  o.http.user_agent = o.user_agent;
  PLX_ASSIGN_OR_RETURN(std::unique_ptr<HttpClient> http, HttpClient::Create(o.http));
  return std::unique_ptr<Fetcher>(new Fetcher(std::move(o), std::move(http), archive));
}

void Fetcher::WaitTurn(const std::string& host) {
  auto it = next_.find(host);
  if (it != next_.end()) std::this_thread::sleep_until(it->second);
}

Result<HttpResponse> Fetcher::Request(const Url& u, const std::string& url, const std::vector<HttpHeader>& headers,
                                      std::string& archive_location, std::string& fetched_at) {
  double delay = options_.delay_seconds;
  if (auto it = robots_.find(u.origin()); it != robots_.end()) {
    delay = std::max(delay, std::min(it->second.rules.crawl_delay(), options_.max_crawl_delay));
  }
  WaitTurn(u.host);
  requests_.push_back({u.host, url, Clock::now()});
  fetched_at = UtcIso();
  Result<HttpResponse> r = http_->Get(url, headers);
  // The delay runs from the end of this exchange, not its start: a slow server gets more room,
  // and the server never sees two requests closer together than the delay, however late it
  // reads them.
  next_[u.host] = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(delay));
  if (r.ok() && archive_ != nullptr) {
    Result<WarcLocation> at = archive_->Write(*r, fetched_at);
    if (!at.ok()) return at.status();
    archive_location = at->ToString();
  }
  return r;
}

const Robots& Fetcher::RobotsFor(const Url& u, std::string& error) {
  std::string origin = u.origin();
  if (auto it = robots_.find(origin); it != robots_.end()) {
    error = it->second.error;
    return it->second.rules;
  }
  Robots rules = Robots::AllowAll();
  error.clear();
  std::string url = origin + "/robots.txt";
  for (int hop = 0; hop <= options_.max_redirects; ++hop) {
    Result<Url> ru = ParseUrl(url);
    if (!ru.ok()) break;
    std::string location, date;
    Result<HttpResponse> r = Request(*ru, url, {}, location, date);
    // RFC 9309: unreachable or a server error means everything is disallowed for now; a
    // missing file (4xx) means everything is allowed.
    if (!r.ok() || r->status >= 500) {
      rules = Robots::DisallowAll();
      error = r.ok() ? fmt::format("robots.txt answered HTTP {}; {} is not fetched until it answers", r->status, u.host)
                     : fmt::format("robots.txt unreachable ({})", r.status().message());
      break;
    }
    if (r->status >= 300 && r->status < 400 && !r->Header("Location").empty()) {
      Result<std::string> next = ResolveUrl(url, r->Header("Location"));
      if (!next.ok()) break;
      url = *next;
      continue;
    }
    if (r->status >= 200 && r->status < 300) {
      Result<std::string> body = DecodedBody(r->wire_body, r->headers);
      if (body.ok()) rules = Robots::Parse(*body, options_.agent);
    }
    break;
  }
  return robots_.emplace(origin, RobotsEntry{std::move(rules), error}).first->second.rules;
}

bool Fetcher::Allowed(const std::string& url) {
  Result<Url> u = ParseUrl(url);
  std::string error;
  return u.ok() && RobotsFor(*u, error).Allowed(u->path);
}

FetchResult Fetcher::Fetch(const std::string& url, const std::string& etag, const std::string& last_modified) {
  auto start = Clock::now();
  FetchResult res;
  res.url = url;
  res.final_url = url;
  auto done = [&](std::string outcome, std::string error = {}) -> FetchResult {
    res.outcome = std::move(outcome);
    res.error = std::move(error);
    res.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return std::move(res);
  };
  std::string current = url;
  for (int hop = 0; hop <= options_.max_redirects; ++hop) {
    Result<Url> u = ParseUrl(current);
    if (!u.ok()) return done("failed", u.status().message());
    std::string robots_error;
    const Robots& robots = RobotsFor(*u, robots_error);
    if (!robots_error.empty()) {
      res.retryable = true;
      return done("failed", robots_error);
    }
    if (!robots.Allowed(u->path)) return done("disallowed", fmt::format("robots.txt of {} disallows {}", u->host, u->path));
    std::vector<HttpHeader> headers;
    if (hop == 0 && !etag.empty()) headers.push_back({"If-None-Match", etag});
    if (hop == 0 && !last_modified.empty()) headers.push_back({"If-Modified-Since", last_modified});

    Result<HttpResponse> r = Status::Internal("no attempt");
    double backoff = options_.backoff_seconds;
    for (int attempt = 0;; ++attempt) {
      ++res.attempts;
      r = Request(*u, current, headers, res.archive, res.fetched_at);
      bool retry = !r.ok() ? r.status().code() == StatusCode::kUnavailable : Retryable(r->status);
      if (!retry) break;
      res.retryable = true;
      res.retry_after = r.ok() ? RetryAfter(r->Header("Retry-After")) : 0;
      double wait = std::max(backoff, res.retry_after);
      if (attempt >= options_.retries || wait > options_.max_wait_seconds) break;
      // The wait is the host's: the next request to it, this retry included, comes no sooner.
      auto& next = next_[u->host];
      next = std::max(next, Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(wait)));
      backoff *= 2;
    }
    if (!r.ok()) return done("failed", r.status().message());
    res.status = r->status;
    res.headers = r->headers;
    res.final_url = current;
    int s = r->status;
    if (s >= 300 && s < 400 && s != 304) {
      std::string location = r->Header("Location");
      if (location.empty()) return done("failed", fmt::format("HTTP {} without a Location", s));
      Result<std::string> next = ResolveUrl(current, location);
      if (!next.ok()) return done("failed", next.status().message());
      current = *next;
      continue;
    }
    res.retryable = Retryable(s);
    if (s == 304) {
      res.etag = etag;
      res.last_modified = last_modified;
      return done("not_modified");
    }
    if (s < 200 || s >= 300) return done("failed", fmt::format("HTTP {}", s));
    res.retryable = false;
    Result<std::string> body = DecodedBody(r->wire_body, r->headers);
    if (!body.ok()) return done("failed", body.status().message());
    res.body = std::move(*body);
    res.etag = r->Header("ETag");
    res.last_modified = r->Header("Last-Modified");
    return done("ok");
  }
  return done("failed", fmt::format("more than {} redirects", options_.max_redirects));
}

bool LooksLikeSitemap(std::string_view head) {
  head = head.substr(0, 2048);
  return head.find("<urlset") != std::string_view::npos || head.find("<sitemapindex") != std::string_view::npos;
}

Result<std::vector<std::string>> ParseSitemap(std::string_view xml, bool& is_index) {
  // No network and no entity expansion: a sitemap names URLs, nothing more.
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(std::min<size_t>(xml.size(), 64u << 20)), nullptr, nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) return Status::InvalidInput("sitemap is not well-formed XML");
  xmlNode* root = xmlDocGetRootElement(doc);
  std::vector<std::pair<std::string, std::string>> found;  // (lastmod, loc)
  is_index = root != nullptr && xmlStrcmp(root->name, BAD_CAST "sitemapindex") == 0;
  bool urlset = root != nullptr && xmlStrcmp(root->name, BAD_CAST "urlset") == 0;
  if (is_index || urlset) {
    const char* item = is_index ? "sitemap" : "url";
    for (xmlNode* c = root->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || xmlStrcmp(c->name, BAD_CAST item) != 0) continue;
      std::string loc = ChildText(c, "loc");
      if (!loc.empty()) found.emplace_back(ChildText(c, "lastmod"), loc);
    }
  }
  xmlFreeDoc(doc);
  if (!is_index && !urlset) return Status::InvalidInput("not a sitemap (<urlset> or <sitemapindex>)");
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (auto& f : found) out.push_back(std::move(f.second));
  return out;
}

}  // namespace parallax::collect
