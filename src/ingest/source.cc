#include "ingest/source.h"

#include <cerrno>
#include <cstring>

#include <fmt/format.h>
#include <zlib.h>
#include <zstd.h>

namespace parallax::ingest {
namespace {

class FileStream : public ByteStream {
 public:
  FileStream(std::string name, FILE* f, bool owned) : name_(std::move(name)), f_(f), owned_(owned) {}
  ~FileStream() override {
    if (owned_ && f_ != nullptr) std::fclose(f_);
  }
  Result<size_t> Read(char* buf, size_t n) override {
    size_t got = std::fread(buf, 1, n, f_);
    if (got == 0 && std::ferror(f_)) {
      return Status::IoError(fmt::format("read failed: {}", std::strerror(errno)), Where{.source = name_});
    }
    return got;
  }
  const std::string& name() const override { return name_; }

 private:
  std::string name_;
  FILE* f_;
  bool owned_;
};

// Counts the bytes a decompressor produced and stops at the limit.
class LimitedStream : public ByteStream {
 public:
  LimitedStream(std::string name, uint64_t max) : name_(std::move(name)), max_(max) {}
  const std::string& name() const override { return name_; }

 protected:
  Status Account(size_t n) {
    produced_ += n;
    if (produced_ > max_) {
      return Status::ResourceExhausted(
          fmt::format("decompressed size exceeds the limit of {} bytes (--max-source-bytes)", max_),
          Where{.source = name_});
    }
    return Status::Ok();
  }
  std::string name_;
  uint64_t max_;
  uint64_t produced_ = 0;
};

class GzipStream : public LimitedStream {
 public:
  GzipStream(std::string name, std::unique_ptr<ByteStream> in, uint64_t max)
      : LimitedStream(std::move(name), max), in_(std::move(in)) {
    std::memset(&z_, 0, sizeof z_);
    ok_ = inflateInit2(&z_, 15 + 32) == Z_OK;  // gzip or zlib header, concatenated members
  }
  ~GzipStream() override { inflateEnd(&z_); }

  Result<size_t> Read(char* buf, size_t n) override {
    if (!ok_) return Status::Internal("zlib init failed", Where{.source = name_});
    if (done_) return size_t{0};
    z_.next_out = reinterpret_cast<Bytef*>(buf);
    z_.avail_out = static_cast<uInt>(n);
    while (z_.avail_out == n) {
      if (z_.avail_in == 0) {
        PLX_ASSIGN_OR_RETURN(size_t got, in_->Read(in_buf_, sizeof in_buf_));
        if (got == 0) {
          if (in_member_) {
            return Status::Corrupt("truncated gzip data", Where{.source = name_, .offset = static_cast<int64_t>(z_.total_in)});
          }
          done_ = true;
          break;
        }
        z_.next_in = reinterpret_cast<Bytef*>(in_buf_);
        z_.avail_in = static_cast<uInt>(got);
      }
      in_member_ = true;
      int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&z_);  // another gzip member may follow
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        return Status::Corrupt(fmt::format("corrupt gzip data ({})", z_.msg ? z_.msg : "inflate error"),
                               Where{.source = name_, .offset = static_cast<int64_t>(z_.total_in)});
      }
    }
    size_t out = n - z_.avail_out;
    PLX_RETURN_IF_ERROR(Account(out));
    return out;
  }

 private:
  std::unique_ptr<ByteStream> in_;
  z_stream z_;
  bool ok_ = false;
  bool done_ = false;
  bool in_member_ = false;
  char in_buf_[1 << 16];
};

class ZstdStream : public LimitedStream {
 public:
  ZstdStream(std::string name, std::unique_ptr<ByteStream> in, uint64_t max)
      : LimitedStream(std::move(name), max), in_(std::move(in)), ctx_(ZSTD_createDCtx()) {}
  ~ZstdStream() override { ZSTD_freeDCtx(ctx_); }

  Result<size_t> Read(char* buf, size_t n) override {
    ZSTD_outBuffer out = {buf, n, 0};
    while (out.pos == 0) {
      if (input_.pos == input_.size) {
        PLX_ASSIGN_OR_RETURN(size_t got, in_->Read(in_buf_, sizeof in_buf_));
        if (got == 0) {
          if (pending_ != 0) return Status::Corrupt("truncated zstd data", Where{.source = name_});
          return size_t{0};
        }
        input_ = {in_buf_, got, 0};
      }
      pending_ = ZSTD_decompressStream(ctx_, &out, &input_);
      if (ZSTD_isError(pending_)) {
        return Status::Corrupt(fmt::format("corrupt zstd data ({})", ZSTD_getErrorName(pending_)),
                               Where{.source = name_});
      }
    }
    PLX_RETURN_IF_ERROR(Account(out.pos));
    return out.pos;
  }

 private:
  std::unique_ptr<ByteStream> in_;
  ZSTD_DCtx* ctx_;
  ZSTD_inBuffer input_ = {nullptr, 0, 0};
  size_t pending_ = 0;
  char in_buf_[1 << 16];
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A stream that first replays bytes already read (to sniff magic numbers).
class PrefixedStream : public ByteStream {
 public:
  PrefixedStream(std::string prefix, std::unique_ptr<ByteStream> in)
      : prefix_(std::move(prefix)), in_(std::move(in)) {}
  Result<size_t> Read(char* buf, size_t n) override {
    if (pos_ < prefix_.size()) {
      size_t k = std::min(n, prefix_.size() - pos_);
      std::memcpy(buf, prefix_.data() + pos_, k);
      pos_ += k;
      return k;
    }
    return in_->Read(buf, n);
  }
  const std::string& name() const override { return in_->name(); }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<ByteStream> in_;
};

}  // namespace

Result<std::unique_ptr<ByteStream>> OpenStream(const std::string& path, const SourceLimits& limits) {
  std::unique_ptr<ByteStream> raw;
  if (path == "-") {
    raw = std::make_unique<FileStream>("-", stdin, false);
  } else {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
      return Status::IoError(fmt::format("cannot open: {}", std::strerror(errno)), Where{.source = path});
    }
    raw = std::make_unique<FileStream>(path, f, true);
  }
  // Sniff the first bytes for gzip (1f 8b) and zstd (28 b5 2f fd) magic numbers.
  char head[4];
  size_t got = 0;
  while (got < sizeof head) {
    PLX_ASSIGN_OR_RETURN(size_t n, raw->Read(head + got, sizeof head - got));
    if (n == 0) break;
    got += n;
  }
  std::string prefix(head, got);
  auto stream = std::make_unique<PrefixedStream>(prefix, std::move(raw));
  bool gz = (got >= 2 && static_cast<unsigned char>(head[0]) == 0x1f && static_cast<unsigned char>(head[1]) == 0x8b);
  bool zst = got >= 4 && std::memcmp(head, "\x28\xb5\x2f\xfd", 4) == 0;
  if (gz || (EndsWith(path, ".gz") && got == 0)) {
    return std::unique_ptr<ByteStream>(std::make_unique<GzipStream>(path, std::move(stream), limits.max_bytes));
  }
  if (zst || (EndsWith(path, ".zst") && got == 0)) {
    return std::unique_ptr<ByteStream>(std::make_unique<ZstdStream>(path, std::move(stream), limits.max_bytes));
  }
  if (EndsWith(path, ".gz") || EndsWith(path, ".zst")) {
    return Status::Corrupt("not compressed data despite the file name", Where{.source = path});
  }
  return std::unique_ptr<ByteStream>(std::move(stream));
}

Result<std::string> ReadAll(ByteStream& stream, uint64_t max_bytes) {
  std::string out;
  char buf[1 << 16];
  while (true) {
    PLX_ASSIGN_OR_RETURN(size_t n, stream.Read(buf, sizeof buf));
    if (n == 0) break;
    if (out.size() + n > max_bytes) {
      return Status::ResourceExhausted(
          fmt::format("document larger than the limit of {} bytes (--max-document-bytes)", max_bytes),
          Where{.source = stream.name()});
    }
    out.append(buf, n);
  }
  return out;
}

bool LineReader::Fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    consumed_ += pos_;
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old = buf_.size();
  buf_.resize(old + (1 << 16));
  Result<size_t> n = stream_.Read(buf_.data() + old, 1 << 16);
  if (!n.ok()) {
    status_ = n.status();
    buf_.resize(old);
    eof_ = true;
    return false;
  }
  buf_.resize(old + *n);
  if (*n == 0) eof_ = true;
  return *n > 0;
}

bool LineReader::Next(std::string& line, bool& too_long) {
  too_long = false;
  line.clear();
  size_t scanned = 0;  // bytes after pos_ known to hold no newline
  while (true) {
    size_t nl = buf_.find('\n', pos_ + scanned);
    if (nl != std::string::npos) {
      line_offset_ = consumed_ + pos_;
      size_t len = nl - pos_;
      if (len > max_line_) {
        len = max_line_;
        too_long = true;
      }
      line.assign(buf_, pos_, len);
      pos_ = nl + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
    if (buf_.size() - pos_ > max_line_) {
      // Over the limit: keep the head, skip to the next newline.
      line_offset_ = consumed_ + pos_;
      line.assign(buf_, pos_, max_line_);
      too_long = true;
      while (true) {
        size_t nl2 = buf_.find('\n', pos_);
        if (nl2 != std::string::npos) {
          pos_ = nl2 + 1;
          return true;
        }
        pos_ = buf_.size();
        if (!Fill()) return true;
      }
    }
    scanned = buf_.size() - pos_;
    if (!Fill()) {
      // After a read error (truncated or corrupt data) the unfinished line is not a record: it
      // stays in rest() for the caller's report of the error.
      if (pos_ < buf_.size() && status_.ok()) {
        line_offset_ = consumed_ + pos_;
        line.assign(buf_, pos_, buf_.size() - pos_);
        pos_ = buf_.size();
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return true;
      }
      return false;
    }
  }
}

std::string FormatFromName(std::string_view path) {
  std::string_view p = path;
  if (EndsWith(p, ".gz")) p.remove_suffix(3);
  if (EndsWith(p, ".zst")) p.remove_suffix(4);
  size_t dot = p.rfind('.');
  size_t slash = p.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
  std::string ext(p.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == "jsonl" || ext == "ndjson" || ext == "json") return "jsonl";
  if (ext == "html" || ext == "htm" || ext == "xhtml") return "html";
  if (ext == "txt" || ext == "text") return "text";
  if (ext == "rss" || ext == "atom" || ext == "xml" || ext == "feed") return "rss";
  return "";
}

}  // namespace parallax::ingest
