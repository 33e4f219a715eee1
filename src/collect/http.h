// HTTP/1.1 GET through libcurl, keeping the exchange as it went over the wire, so the WARC
// archive holds the response as the server sent it (chunked, gzip or brotli coded) while the
// pipeline reads the decoded body.
//
// Redirects are not followed here: the fetcher follows them itself, so that each hop is checked
// against robots.txt, waits its turn under the per-host rate limit and is archived. Only http
// and https URLs are fetched (a feed cannot make us read file:// or other schemes).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace parallax::collect {

struct HttpHeader {
  std::string name, value;
};

struct HttpOptions {
  std::string user_agent = "Parallax";
  double timeout_seconds = 30;          // the whole exchange
  double connect_timeout_seconds = 10;
  uint64_t max_bytes = uint64_t{32} << 20;  // response body on the wire
};

struct HttpResponse {
  std::string url;
  int status = 0;
  std::string request;    // the request head as sent
  std::string head;       // the status line and header lines as received, with the blank line
  std::vector<HttpHeader> headers;
  std::string wire_body;  // the body as received (transfer and content coding as sent)
  std::string ip;         // the server's address
  double seconds = 0;

  // The first header of that name (case-insensitive), or "".
  std::string Header(std::string_view name) const;
};

class HttpClient {
 public:
  static Result<std::unique_ptr<HttpClient>> Create(const HttpOptions& options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // One GET, no redirects followed. Network failures, timeouts and oversized bodies are
  // kUnavailable or kResourceExhausted errors naming the URL; any HTTP status is a response.
  Result<HttpResponse> Get(const std::string& url, const std::vector<HttpHeader>& extra = {});

 private:
  explicit HttpClient(void* curl, HttpOptions options) : curl_(curl), options_(std::move(options)) {}
  void* curl_;  // CURL*, reused so connections stay open between requests to one host
  HttpOptions options_;
};

// The first header of that name (case-insensitive), or "".
std::string HeaderValue(const std::vector<HttpHeader>& headers, std::string_view name);

// Parses a response head ("HTTP/1.1 200 OK\r\nName: value\r\n...\r\n\r\n").
Status ParseHead(std::string_view head, int& status, std::vector<HttpHeader>& headers);
// The entity body: `wire` without its chunked transfer coding when `headers` say so.
Result<std::string> EntityBody(std::string_view wire, const std::vector<HttpHeader>& headers);
// The body as the document: entity body decoded (gzip, deflate, br; identity).
Result<std::string> DecodedBody(std::string_view wire, const std::vector<HttpHeader>& headers);

struct Url {
  std::string scheme, host, path;  // path includes the query, starts with "/"
  int port = 0;
  std::string origin() const;      // "https://host:port"
};
// Parses an absolute http(s) URL; anything else is an error naming it.
Result<Url> ParseUrl(const std::string& url);
// `ref` resolved against `base` (both may be absolute); the result is normalised by curl.
Result<std::string> ResolveUrl(const std::string& base, const std::string& ref);

}  // namespace parallax::collect
