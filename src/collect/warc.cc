#include "collect/warc.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <ctime>
#include <filesystem>
#include <random>

#include <fmt/format.h>

#include "base/date.h"
#include "base/strings.h"
#include "collect/sha1.h"

namespace parallax::collect {
namespace {

std::string Gzip(std::string_view data) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);  // 15 + 16: a gzip member
  std::string out;
  out.resize(deflateBound(&z, data.size()) + 32);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}


Result<WarcRecord> ParseRecord(std::string_view bytes, const std::string& where) {
  WarcRecord rec;
  size_t head_end = bytes.find("\r\n\r\n");
  if (head_end == std::string_view::npos || bytes.rfind("WARC/", 0) != 0) {
    return Status::Corrupt(fmt::format("not a WARC record at {}", where));
  }
  std::string_view head = bytes.substr(0, head_end);
  size_t eol = head.find("\r\n");
  rec.version = std::string(head.substr(0, eol));
  size_t pos = eol == std::string_view::npos ? head.size() : eol + 2;
  while (pos < head.size()) {
    size_t end = head.find("\r\n", pos);
    std::string_view line = head.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    pos = end == std::string_view::npos ? head.size() : end + 2;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    rec.headers.push_back({std::string(TrimAscii(line.substr(0, colon))), std::string(TrimAscii(line.substr(colon + 1)))});
  }
  std::string length = rec.Header("Content-Length");
  char* endp = nullptr;
  unsigned long long n = std::strtoull(length.c_str(), &endp, 10);
  if (length.empty() || *endp != 0 || n > bytes.size() - head_end - 4) {
    return Status::Corrupt(fmt::format("WARC record at {} has a bad Content-Length", where));
  }
  rec.block = std::string(bytes.substr(head_end + 4, n));
  return rec;
}

// Inflates one gzip member of `f` starting at the current position; `consumed` is set to the
// member's compressed size. Returns "" with `eof` at a clean end of file.
Result<std::string> InflateMember(FILE* f, uint64_t offset, const std::string& path, uint64_t& consumed, bool& eof) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) return Status::Internal("zlib initialisation failed");
  std::string out;
  char in[1 << 15], buf[1 << 16];
  int rc = Z_OK;
  consumed = 0;
  eof = false;
  bool any = false;
  while (rc != Z_STREAM_END) {
    if (z.avail_in == 0) {
      size_t n = std::fread(in, 1, sizeof in, f);
      if (n == 0) break;
      any = true;
      z.next_in = reinterpret_cast<Bytef*>(in);
      z.avail_in = static_cast<uInt>(n);
    }
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    out.append(buf, sizeof buf - z.avail_out);
    if (out.size() > (uint64_t{256} << 20)) {
      inflateEnd(&z);
      return Status::ResourceExhausted(fmt::format("WARC record over 256 MiB at {}#{}", path, offset));
    }
  }
  consumed = z.total_in;
  // Step the file back over input read past the member's end.
  if (rc == Z_STREAM_END && z.avail_in > 0) std::fseek(f, -static_cast<long>(z.avail_in), SEEK_CUR);
  inflateEnd(&z);
  if (!any) {
    eof = true;
    return std::string();
  }
  if (rc != Z_STREAM_END) return Status::Corrupt(fmt::format("damaged or truncated gzip member at {}#{}", path, offset));
  return out;
}

}  // namespace

std::string NewRecordId() {
  static thread_local std::mt19937_64 rng(std::random_device{}() ^ static_cast<uint64_t>(::getpid()) << 32);
  uint64_t a = rng(), b = rng();
  a = (a & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000004000ull;  // version 4
  b = (b & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;  // RFC 4122 variant
  return fmt::format("<urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}>", a >> 32, (a >> 16) & 0xFFFF, a & 0xFFFF, b >> 48,
                     b & 0xFFFFFFFFFFFFull);
}

std::string WarcLocation::ToString() const { return fmt::format("{}#{}", file, offset); }

Result<WarcLocation> WarcLocation::Parse(const std::string& text) {
  size_t hash = text.rfind('#');
  if (hash == std::string::npos || hash + 1 == text.size()) return Status::InvalidInput(fmt::format("not an archive location: '{}'", text));
  WarcLocation l;
  l.file = text.substr(0, hash);
  char* end = nullptr;
  l.offset = std::strtoull(text.c_str() + hash + 1, &end, 10);
  if (*end != 0) return Status::InvalidInput(fmt::format("not an archive location: '{}'", text));
  return l;
}

std::string WarcRecord::Header(std::string_view name) const { return HeaderValue(headers, name); }

Result<std::unique_ptr<WarcWriter>> WarcWriter::Open(const WarcWriterOptions& options) {
  std::unique_ptr<WarcWriter> w(new WarcWriter(options));
  PLX_RETURN_IF_ERROR(w->StartFile());
  return w;
}

WarcWriter::~WarcWriter() {
  if (file_ != nullptr) {
    (void)Sync();
    std::fclose(file_);
  }
}

Status WarcWriter::StartFile() {
  if (file_ != nullptr) {
    PLX_RETURN_IF_ERROR(Sync());
    std::fclose(file_);
    file_ = nullptr;
  }
  std::error_code ec;
  std::filesystem::create_directories(options_.dir, ec);
  if (ec) return Status::IoError(fmt::format("cannot create the archive folder: {}", ec.message()), Where{.source = options_.dir});
  path_ = fmt::format("{}/parallax-{}-{}-{:03}.warc.gz", options_.dir, FormatUtc(std::time(nullptr), "%Y%m%d%H%M%S"), ::getpid(), sequence_++);
  file_ = std::fopen(path_.c_str(), "ab");
  if (file_ == nullptr) return Status::IoError(fmt::format("cannot open: {}", std::strerror(errno)), Where{.source = path_});
  size_ = 0;
  std::string info = fmt::format("software: {}\r\nformat: WARC File Format 1.1\r\nconformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n", options_.software);
  if (!options_.operator_info.empty()) info += fmt::format("operator: {}\r\n", options_.operator_info);
  info += "robots: obey\r\n";
  warcinfo_id_ = NewRecordId();
  std::vector<HttpHeader> h = {{"WARC-Type", "warcinfo"},
                               {"WARC-Record-ID", warcinfo_id_},
                               {"WARC-Date", UtcIso()},
                               {"WARC-Filename", std::filesystem::path(path_).filename().string()},
                               {"Content-Type", "application/warc-fields"}};
  return Append(h, info).status();
}

Result<uint64_t> WarcWriter::Append(const std::vector<HttpHeader>& headers, std::string_view block) {
  std::string rec = "WARC/1.1\r\n";
  for (const HttpHeader& h : headers) rec += h.name + ": " + h.value + "\r\n";
  rec += fmt::format("Content-Length: {}\r\n\r\n", block.size());
  rec.append(block);
  rec += "\r\n\r\n";
  std::string gz = Gzip(rec);
  uint64_t offset = size_;
  if (std::fwrite(gz.data(), 1, gz.size(), file_) != gz.size() || std::fflush(file_) != 0) {
    return Status::IoError(fmt::format("cannot write: {}", std::strerror(errno)), Where{.source = path_});
  }
  size_ += gz.size();
  return offset;
}

Result<WarcLocation> WarcWriter::Write(const HttpResponse& r, const std::string& date) {
  if (size_ >= options_.max_file_bytes) PLX_RETURN_IF_ERROR(StartFile());
  std::string request_id = NewRecordId(), response_id = NewRecordId();
  std::string block = r.head + r.wire_body;
  Result<std::string> payload = EntityBody(r.wire_body, r.headers);
  std::vector<HttpHeader> h = {{"WARC-Type", "response"},
                               {"WARC-Record-ID", response_id},
                               {"WARC-Warcinfo-ID", warcinfo_id_},
                               {"WARC-Date", date},
                               {"WARC-Target-URI", r.url}};
  if (!r.ip.empty()) h.push_back({"WARC-IP-Address", r.ip});
  h.push_back({"Content-Type", "application/http;msgtype=response"});
  h.push_back({"WARC-Block-Digest", WarcDigest(block)});
  if (payload.ok()) h.push_back({"WARC-Payload-Digest", WarcDigest(*payload)});
  PLX_ASSIGN_OR_RETURN(uint64_t offset, Append(h, block));
  if (!r.request.empty()) {
    std::vector<HttpHeader> q = {{"WARC-Type", "request"},
                                 {"WARC-Record-ID", request_id},
                                 {"WARC-Warcinfo-ID", warcinfo_id_},
                                 {"WARC-Date", date},
                                 {"WARC-Target-URI", r.url},
                                 {"WARC-Concurrent-To", response_id},
                                 {"Content-Type", "application/http;msgtype=request"},
                                 {"WARC-Block-Digest", WarcDigest(r.request)}};
    PLX_RETURN_IF_ERROR(Append(q, r.request).status());
  }
  return WarcLocation{path_, offset};
}

Status WarcWriter::Sync() {
  if (file_ == nullptr) return Status::Ok();
  if (std::fflush(file_) != 0 || ::fsync(::fileno(file_)) != 0) {
    return Status::IoError(fmt::format("cannot sync: {}", std::strerror(errno)), Where{.source = path_});
  }
  return Status::Ok();
}

Result<WarcRecord> ReadWarcRecord(const WarcLocation& location) {
  FILE* f = std::fopen(location.file.c_str(), "rb");
  if (f == nullptr) return Status::NotFound(fmt::format("cannot open the archive: {}", std::strerror(errno)), Where{.source = location.file});
  std::string where = location.ToString();
  uint64_t consumed = 0;
  bool eof = true;
  Result<std::string> bytes = std::string();
  if (std::fseek(f, static_cast<long>(location.offset), SEEK_SET) == 0) {
    bytes = InflateMember(f, location.offset, location.file, consumed, eof);
  }
  std::fclose(f);
  if (!bytes.ok()) return bytes.status();
  if (eof) return Status::NotFound(fmt::format("no WARC record at {}", where));
  return ParseRecord(*bytes, where);
}

Result<std::vector<std::pair<uint64_t, WarcRecord>>> ReadWarcFile(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::NotFound(fmt::format("cannot open the archive: {}", std::strerror(errno)), Where{.source = path});
  std::vector<std::pair<uint64_t, WarcRecord>> out;
  uint64_t offset = 0;
  Status s;
  while (true) {
    uint64_t consumed = 0;
    bool eof = false;
    Result<std::string> bytes = InflateMember(f, offset, path, consumed, eof);
    if (!bytes.ok()) {
      s = bytes.status();
      break;
    }
    if (eof) break;
    Result<WarcRecord> rec = ParseRecord(*bytes, fmt::format("{}#{}", path, offset));
    if (!rec.ok()) {
      s = rec.status();
      break;
    }
    out.emplace_back(offset, std::move(*rec));
    offset += consumed;
  }
  std::fclose(f);
  if (!s.ok()) return s;
  return out;
}

Result<std::string> ArchivedDocument(const WarcRecord& response) {
  if (response.Header("WARC-Type") != "response") return Status::InvalidInput("not a WARC response record");
  size_t end = response.block.find("\r\n\r\n");
  if (end == std::string::npos) return Status::Corrupt("archived response has no HTTP head");
  int status = 0;
  std::vector<HttpHeader> headers;
  PLX_RETURN_IF_ERROR(ParseHead(std::string_view(response.block).substr(0, end + 4), status, headers));
  return DecodedBody(std::string_view(response.block).substr(end + 4), headers);
}

}  // namespace parallax::collect
