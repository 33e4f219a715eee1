#include "collect/http.h"

#include <brotli/decode.h>
#include <curl/curl.h>
#include <zlib.h>

#include <chrono>
#include <cstring>
#include <mutex>

#include <fmt/format.h>

#include "base/strings.h"

namespace parallax::collect {
namespace {

constexpr uint64_t kMaxDecoded = uint64_t{64} << 20;  // a decompression bomb stops here

struct Exchange {
  HttpResponse* response;
  uint64_t max_bytes;
  bool too_large = false;
};

size_t OnHeader(char* data, size_t size, size_t n, void* user) {
  auto* x = static_cast<Exchange*>(user);
  std::string_view line(data, size * n);
  // A new status line (after a 1xx response) starts the head again.
  if (line.rfind("HTTP/", 0) == 0) x->response->head.clear();
  x->response->head.append(line);
  return size * n;
}

size_t OnBody(char* data, size_t size, size_t n, void* user) {
  auto* x = static_cast<Exchange*>(user);
  if (x->response->wire_body.size() + size * n > x->max_bytes) {
    x->too_large = true;
    return 0;  // aborts the transfer
  }
  x->response->wire_body.append(data, size * n);
  return size * n;
}

int OnDebug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type == CURLINFO_HEADER_OUT) static_cast<Exchange*>(user)->response->request.append(data, size);
  return 0;
}

bool HasToken(std::string_view list, std::string_view token) {
  std::string l = AsciiLower(list);
  size_t pos = 0;
  while (pos <= l.size()) {
    size_t comma = l.find(',', pos);
    std::string_view item = std::string_view(l).substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (item == token) return true;
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return false;
}

Result<std::string> Inflate(std::string_view in) {
  z_stream z{};
  // 32 + 15: a gzip or zlib header, detected; a raw deflate stream is retried below.
  if (inflateInit2(&z, 32 + 15) != Z_OK) return Status::Internal("zlib initialisation failed");
  std::string out;
  char buf[1 << 16];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    out.append(buf, sizeof buf - z.avail_out);
    if (out.size() > kMaxDecoded) rc = Z_MEM_ERROR;
    if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) break;  // input ended early
  }
  inflateEnd(&z);
  if (rc == Z_MEM_ERROR) return Status::ResourceExhausted(fmt::format("body decodes to over {} MiB", kMaxDecoded >> 20));
  if (rc != Z_STREAM_END) {
    // "deflate" is sometimes sent raw, without the zlib header.
    z_stream r{};
    if (inflateInit2(&r, -15) != Z_OK) return Status::Internal("zlib initialisation failed");
    r.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    r.avail_in = static_cast<uInt>(in.size());
    std::string raw;
    int rr = Z_OK;
    while (rr == Z_OK && raw.size() <= kMaxDecoded) {
      r.next_out = reinterpret_cast<Bytef*>(buf);
      r.avail_out = sizeof buf;
      rr = inflate(&r, Z_NO_FLUSH);
      raw.append(buf, sizeof buf - r.avail_out);
      if (rr == Z_OK && r.avail_in == 0 && r.avail_out != 0) break;
    }
    inflateEnd(&r);
    if (rr != Z_STREAM_END) return Status::Corrupt("compressed body is damaged or truncated (gzip/deflate)");
    return raw;
  }
  return out;
}

Result<std::string> Unbrotli(std::string_view in) {
  BrotliDecoderState* s = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (s == nullptr) return Status::Internal("brotli initialisation failed");
  std::string out;
  size_t avail_in = in.size();
  const uint8_t* next_in = reinterpret_cast<const uint8_t*>(in.data());
  uint8_t buf[1 << 16];
  BrotliDecoderResult rc;
  do {
    size_t avail_out = sizeof buf;
    uint8_t* next_out = buf;
    rc = BrotliDecoderDecompressStream(s, &avail_in, &next_in, &avail_out, &next_out, nullptr);
    out.append(reinterpret_cast<char*>(buf), sizeof buf - avail_out);
    if (out.size() > kMaxDecoded) {
      BrotliDecoderDestroyInstance(s);
      return Status::ResourceExhausted(fmt::format("body decodes to over {} MiB", kMaxDecoded >> 20));
    }
  } while (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT);
  BrotliDecoderDestroyInstance(s);
  if (rc != BROTLI_DECODER_RESULT_SUCCESS) return Status::Corrupt("compressed body is damaged or truncated (br)");
  return out;
}

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

std::string HeaderValue(const std::vector<HttpHeader>& headers, std::string_view name) {
  for (const HttpHeader& h : headers) {
    if (h.name.size() == name.size() && AsciiLower(h.name) == AsciiLower(name)) return h.value;
  }
  return "";
}

std::string HttpResponse::Header(std::string_view name) const { return HeaderValue(headers, name); }

std::string Url::origin() const {
  bool default_port = (scheme == "http" && port == 80) || (scheme == "https" && port == 443);
  return default_port ? fmt::format("{}://{}", scheme, host) : fmt::format("{}://{}:{}", scheme, host, port);
}

Result<std::unique_ptr<HttpClient>> HttpClient::Create(const HttpOptions& options) {
  InitCurlOnce();
  CURL* c = curl_easy_init();
  if (c == nullptr) return Status::Internal("libcurl could not start");
  return std::unique_ptr<HttpClient>(new HttpClient(c, options));
}

HttpClient::~HttpClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

Result<HttpResponse> HttpClient::Get(const std::string& url, const std::vector<HttpHeader>& extra) {
  CURL* c = static_cast<CURL*>(curl_);
  curl_easy_reset(c);
  HttpResponse r;
  r.url = url;
  Exchange x{&r, options_.max_bytes};
  char error[CURL_ERROR_SIZE] = {};
  curl_slist* headers = nullptr;
  for (const HttpHeader& h : extra) headers = curl_slist_append(headers, (h.name + ": " + h.value).c_str());

  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);  // an HTTP/1.1 message to archive
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "gzip, deflate, br");
  curl_easy_setopt(c, CURLOPT_HTTP_CONTENT_DECODING, 0L);   // we decode; the archive keeps it coded
  curl_easy_setopt(c, CURLOPT_HTTP_TRANSFER_DECODING, 0L);  // and chunked, as sent
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout_seconds * 1000));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout_seconds * 1000));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &x);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &x);
  curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);  // the debug callback sees the request head; nothing is printed
  curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, OnDebug);
  curl_easy_setopt(c, CURLOPT_DEBUGDATA, &x);

  auto start = std::chrono::steady_clock::now();
  CURLcode rc = curl_easy_perform(c);
  curl_slist_free_all(headers);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Where where{.source = url};
  if (x.too_large) {
    return Status::ResourceExhausted(fmt::format("response larger than {} MiB", options_.max_bytes >> 20), where);
  }
  if (rc != CURLE_OK) {
    std::string why = error[0] != 0 ? error : curl_easy_strerror(rc);
    return Status::Unavailable(fmt::format("no response: {}", why), where);
  }
  char* ip = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip != nullptr) r.ip = ip;
  Status s = ParseHead(r.head, r.status, r.headers);
  if (!s.ok()) return s.WithWhere(where);
  return r;
}

Status ParseHead(std::string_view head, int& status, std::vector<HttpHeader>& headers) {
  headers.clear();
  size_t eol = head.find('\n');
  std::string_view first = head.substr(0, eol);
  if (first.rfind("HTTP/", 0) != 0 || first.size() < 12) return Status::Corrupt("no HTTP status line");
  size_t sp = first.find(' ');
  status = 0;
  for (size_t i = sp + 1; i < first.size() && i < sp + 4; ++i) {
    if (first[i] < '0' || first[i] > '9') return Status::Corrupt("bad HTTP status line");
    status = status * 10 + (first[i] - '0');
  }
  size_t pos = eol == std::string_view::npos ? head.size() : eol + 1;
  while (pos < head.size()) {
    size_t end = head.find('\n', pos);
    std::string_view line = head.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    pos = end == std::string_view::npos ? head.size() : end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    if ((line.front() == ' ' || line.front() == '\t') && !headers.empty()) {  // obsolete folding
      headers.back().value += ' ';
      headers.back().value += TrimAscii(line);
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    headers.push_back({std::string(TrimAscii(line.substr(0, colon))), std::string(TrimAscii(line.substr(colon + 1)))});
  }
  return Status::Ok();
}

Result<std::string> EntityBody(std::string_view wire, const std::vector<HttpHeader>& headers) {
  if (!HasToken(HeaderValue(headers, "Transfer-Encoding"), "chunked")) return std::string(wire);
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t eol = wire.find("\r\n", pos);
    if (eol == std::string_view::npos) return Status::Corrupt("chunked body ends inside a chunk header");
    uint64_t size = 0;
    size_t i = pos;
    for (; i < eol; ++i) {
      char ch = wire[i];
      int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
      if (d < 0) break;  // chunk extensions follow
      if (size > (uint64_t{1} << 40)) return Status::Corrupt("chunk size out of range");
      size = size * 16 + static_cast<uint64_t>(d);
    }
    if (i == pos) return Status::Corrupt("bad chunk size");
    pos = eol + 2;
    if (size == 0) return out;  // trailers, if any, are not part of the body
    if (size > wire.size() - pos) return Status::Corrupt("chunked body is truncated");
    out.append(wire.substr(pos, size));
    pos += size;
    if (wire.substr(pos, 2) != "\r\n") return Status::Corrupt("chunk not followed by CRLF");
    pos += 2;
  }
}

Result<std::string> DecodedBody(std::string_view wire, const std::vector<HttpHeader>& headers) {
  PLX_ASSIGN_OR_RETURN(std::string body, EntityBody(wire, headers));
  std::string coding = AsciiLower(TrimAscii(HeaderValue(headers, "Content-Encoding")));
  if (coding.empty() || coding == "identity") return body;
  if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") return Inflate(body);
  if (coding == "br") return Unbrotli(body);
  return Status::InvalidInput(fmt::format("unsupported Content-Encoding '{}'", coding));
}

Result<Url> ParseUrl(const std::string& url) {
  CURLU* h = curl_url();
  Where where{.source = url};
  if (h == nullptr) return Status::Internal("libcurl URL parser could not start");
  Url u;
  char* part = nullptr;
  Status s;
  if (curl_url_set(h, CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    s = Status::InvalidInput("not a URL", where);
  } else {
    if (curl_url_get(h, CURLUPART_SCHEME, &part, 0) == CURLUE_OK) u.scheme = AsciiLower(part), curl_free(part);
    if (curl_url_get(h, CURLUPART_HOST, &part, 0) == CURLUE_OK) u.host = AsciiLower(part), curl_free(part);
    if (curl_url_get(h, CURLUPART_PORT, &part, CURLU_DEFAULT_PORT) == CURLUE_OK) u.port = std::atoi(part), curl_free(part);
    if (curl_url_get(h, CURLUPART_PATH, &part, 0) == CURLUE_OK) u.path = part, curl_free(part);
    if (curl_url_get(h, CURLUPART_QUERY, &part, 0) == CURLUE_OK) u.path += std::string("?") + part, curl_free(part);
    if (u.scheme != "http" && u.scheme != "https") s = Status::InvalidInput("only http and https URLs are fetched", where);
    if (u.path.empty()) u.path.push_back('/');  // (assigning "/" trips GCC 12's -Wrestrict)
  }
  curl_url_cleanup(h);
  if (!s.ok()) return s;
  return u;
}

Result<std::string> ResolveUrl(const std::string& base, const std::string& ref) {
  CURLU* h = curl_url();
  if (h == nullptr) return Status::Internal("libcurl URL parser could not start");
  std::string out;
  Status s;
  if (curl_url_set(h, CURLUPART_URL, base.c_str(), 0) != CURLUE_OK ||
      curl_url_set(h, CURLUPART_URL, ref.c_str(), 0) != CURLUE_OK) {
    s = Status::InvalidInput(fmt::format("cannot resolve '{}' against '{}'", ref, base));
  } else {
    char* full = nullptr;
    if (curl_url_get(h, CURLUPART_URL, &full, 0) == CURLUE_OK) {
      out = full;
      curl_free(full);
    } else {
      s = Status::InvalidInput(fmt::format("cannot resolve '{}'", ref));
    }
  }
  curl_url_cleanup(h);
  if (!s.ok()) return s;
  return out;
}

}  // namespace parallax::collect
