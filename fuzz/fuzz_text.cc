// Plain-text articles with header lines (Title:, Date:, URL: ...), read as ingest reads them:
// converted to UTF-8 first, then parsed; and format sniffing.
#include <cstdint>
#include <string_view>

#include "fuzz/check.h"
#include "ingest/charset.h"
#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  parallax::ingest::SniffFormat(in);
  auto decoded = parallax::ingest::ToUtf8(in);
  if (!decoded.ok()) return 0;
  auto article = parallax::ingest::ParseText(decoded->utf8);
  if (article.ok()) parallax::fuzz::CheckArticle(*article);
  return 0;
}
