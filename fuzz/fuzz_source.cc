// Whole sources as ingest opens them: the first byte picks the file name's extension (format
// hint and compression), the rest is the file. Covers format sniffing, the JSONL line reader,
// charset handling and .gz/.zst streams (truncated, corrupt, or expanding past the limit).
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "fuzz/check.h"
#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static constexpr const char* kSuffixes[] = {"", ".jsonl", ".html", ".txt", ".rss", ".jsonl.gz", ".jsonl.zst", ".gz", ".zst"};
  if (size == 0) return 0;
  const char* suffix = kSuffixes[data[0] % (sizeof kSuffixes / sizeof kSuffixes[0])];
  std::string path = "/tmp/parallax-fuzz-source-" + std::to_string(getpid()) + suffix;
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) parallax::fuzz::Fail("cannot write the fuzz source file");
  std::fwrite(data + 1, 1, size - 1, f);
  std::fclose(f);
  parallax::ingest::ReadOptions options;
  options.limits.max_bytes = 1 << 20;  // a compressed input expanding past 1 MiB is a bomb
  options.max_document_bytes = 1 << 20;
  options.max_line_bytes = 1 << 16;
  int64_t records = 0;
  parallax::ingest::ReadSource(path, options, [&](parallax::ingest::Record& r) {
    ++records;
    if (r.article.ok()) {
      parallax::fuzz::CheckArticle(*r.article);
    } else {
      parallax::fuzz::Require(!r.article.status().message().empty(), "a rejected record has no reason");
      parallax::fuzz::Require(!r.where.source.empty(), "a rejected record does not name its source");
    }
  });
  unlink(path.c_str());
  // Nothing lost: an uncompressed source with any content gives at least one record (blank
  // lines are not JSONL records; a compressed source's content is only known decompressed).
  std::string_view content(reinterpret_cast<const char*>(data + 1), size - 1);
  bool compressed = std::string_view(suffix).find(".gz") != std::string_view::npos ||
                    std::string_view(suffix).find(".zst") != std::string_view::npos;
  bool blank = content.find_first_not_of(" \t\r\n") == std::string_view::npos;
  parallax::fuzz::Require(records > 0 || compressed || blank, "a source with content gave no record at all");
  return 0;
}
