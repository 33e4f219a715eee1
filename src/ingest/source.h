// Byte sources: plain files, stdin, and .gz / .zst files decompressed on the fly, with a limit on
// how many bytes a source may expand to.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace parallax::ingest {

struct SourceLimits {
  uint64_t max_bytes = uint64_t{4} << 30;  // decompressed bytes per source (4 GiB)
};

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to `n` bytes into `buf`; 0 at the end. Errors (truncated or corrupt compressed
  // data, read failures, the size limit) name the source.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
  virtual const std::string& name() const = 0;
};

// Opens `path` ("-" is stdin); a .gz or .zst suffix, or the magic bytes of either, selects the
// decompressor.
Result<std::unique_ptr<ByteStream>> OpenStream(const std::string& path, const SourceLimits& limits);

// Reads a whole source into memory (for formats that need the whole document).
Result<std::string> ReadAll(ByteStream& stream, uint64_t max_bytes);

// Splits a stream into lines without holding it all in memory. Lines exclude the "\n" (and a
// trailing "\r"). A line over `max_line` bytes is returned truncated with `too_long` set, and
// the rest of it is skipped.
class LineReader {
 public:
  LineReader(ByteStream& stream, size_t max_line) : stream_(stream), max_line_(max_line) {}
  // False at the end or on error (then `status()` says why).
  bool Next(std::string& line, bool& too_long);
  const Status& status() const { return status_; }
  uint64_t line_offset() const { return line_offset_; }  // byte offset of the last line
  // After an error: the bytes of the unfinished line it cut off, and where they start.
  std::string_view rest() const { return std::string_view(buf_).substr(pos_); }
  uint64_t rest_offset() const { return consumed_ + pos_; }

 private:
  bool Fill();
  ByteStream& stream_;
  size_t max_line_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t consumed_ = 0;  // bytes before buf_[0]
  uint64_t line_offset_ = 0;
  bool eof_ = false;
  Status status_;
};

// The file name's format hint from its extension (".jsonl.gz" -> "jsonl"), or "".
std::string FormatFromName(std::string_view path);

}  // namespace parallax::ingest
