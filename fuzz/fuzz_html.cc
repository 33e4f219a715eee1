// HTML pages: the first byte picks a declared charset (as HTTP would send it), the rest is the page.
#include <cstdint>
#include <string_view>

#include "fuzz/charsets.h"
#include "fuzz/check.h"
#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view declared = parallax::fuzz::TakeCharset(data, size);
  std::string_view page(reinterpret_cast<const char*>(data), size);
  auto article = parallax::ingest::ParseHtml(page, declared);
  if (article.ok()) parallax::fuzz::CheckArticle(*article);
  return 0;
}
