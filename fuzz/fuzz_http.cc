// What the collector reads from the network: robots.txt, HTTP response heads and bodies
// (chunking, gzip, deflate, brotli) and sitemaps. The first byte picks the parser; the rest is
// the document. Besides no crash: robots.txt itself is always allowed, a decoded body stays
// under the decoder's limit, and sitemap URLs are valid UTF-8.
#include <cstdint>
#include <string>
#include <string_view>

#include "collect/fetcher.h"
#include "collect/http.h"
#include "collect/robots.h"
#include "fuzz/check.h"
#include "text/utf8.h"

using namespace parallax;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view doc(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0: {
      collect::Robots r = collect::Robots::Parse(doc, "Parallax");
      fuzz::Require(r.Allowed("/robots.txt"), "robots.txt itself disallowed");
      std::string path(1, '/');  // (built by append: "/" + string trips GCC 12's -Wrestrict)
      path.append(doc.substr(0, 64));
      (void)r.Allowed(path);
      fuzz::Require(r.crawl_delay() >= 0, "negative crawl delay");
      break;
    }
    case 1: {
      size_t end = doc.find("\r\n\r\n");
      std::string_view head = doc.substr(0, end == std::string_view::npos ? doc.size() : end + 4);
      std::string_view body = end == std::string_view::npos ? std::string_view() : doc.substr(end + 4);
      int status = 0;
      std::vector<collect::HttpHeader> headers;
      if (collect::ParseHead(head, status, headers).ok()) {
        fuzz::Require(status >= 0 && status <= 999, "status out of range");
        Result<std::string> out = collect::DecodedBody(body, headers);
        if (out.ok()) fuzz::Require(out->size() <= (size_t{64} << 20) + (1 << 16), "decoded body over the limit");
      }
      break;
    }
    case 2: {
      bool index = false;
      Result<std::vector<std::string>> urls = collect::ParseSitemap(doc, index);
      if (urls.ok()) {
        for (const std::string& u : *urls) fuzz::Require(text::IsValidUtf8(u), "sitemap URL is not UTF-8");
      }
      break;
    }
  }
  return 0;
}
