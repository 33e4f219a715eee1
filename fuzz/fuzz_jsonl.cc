// JSONL records: each line of the input is one record for the JSON reader.
#include <cstdint>
#include <string_view>

#include "fuzz/check.h"
#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  parallax::ingest::SniffFormat(in);
  while (!in.empty()) {
    size_t nl = in.find('\n');
    std::string_view line = in.substr(0, nl);
    auto article = parallax::ingest::ParseJsonRecord(line);
    if (article.ok()) parallax::fuzz::CheckArticle(*article);
    if (nl == std::string_view::npos) break;
    in.remove_prefix(nl + 1);
  }
  return 0;
}
