// RSS 2.0 and Atom feeds: every item that comes back must be a sound article or a rejection.
#include <cstdint>
#include <string_view>

#include "fuzz/check.h"
#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view feed(reinterpret_cast<const char*>(data), size);
  parallax::Where where{.source = "fuzz.rss"};
  parallax::ingest::ParseFeed(feed, where, [](parallax::ingest::Record& r) {
    if (r.article.ok()) parallax::fuzz::CheckArticle(*r.article);
  });
  return 0;
}
