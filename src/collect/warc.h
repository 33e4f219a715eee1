// WARC 1.1 (ISO 28500): the archive of every fetched page, readable by pywb, warcio and other
// WARC tools. Each file starts with a warcinfo record; each exchange is a request record and a
// response record holding the HTTP message as it went over the wire. Every record is its own
// gzip member (the .warc.gz convention), so a reader can seek straight to one record.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "collect/http.h"

namespace parallax::collect {

// Where a record starts: a file and the byte offset of its gzip member. As text "FILE#OFFSET".
struct WarcLocation {
  std::string file;
  uint64_t offset = 0;
  std::string ToString() const;
  static Result<WarcLocation> Parse(const std::string& text);
};

struct WarcWriterOptions {
  std::string dir;             // created when missing
  std::string software;        // "Parallax/0.1.0"
  std::string operator_info;   // who runs the crawl (the configured contact)
  uint64_t max_file_bytes = uint64_t{1} << 30;  // a new file starts past this size
};

class WarcWriter {
 public:
  static Result<std::unique_ptr<WarcWriter>> Open(const WarcWriterOptions& options);
  ~WarcWriter();
  WarcWriter(const WarcWriter&) = delete;
  WarcWriter& operator=(const WarcWriter&) = delete;

  // Appends the request and response records of `r`, fetched at `date` (ISO 8601 UTC); returns
  // where the response record is.
  Result<WarcLocation> Write(const HttpResponse& r, const std::string& date);
  // Flushes and fsyncs the current file: what was written survives a crash.
  Status Sync();
  const std::string& path() const { return path_; }

 private:
  explicit WarcWriter(WarcWriterOptions options) : options_(std::move(options)) {}
  Status StartFile();
  Result<uint64_t> Append(const std::vector<HttpHeader>& headers, std::string_view block);

  WarcWriterOptions options_;
  std::string path_;
  std::string warcinfo_id_;
  FILE* file_ = nullptr;
  uint64_t size_ = 0;
  int sequence_ = 0;
};

struct WarcRecord {
  std::string version;                // "WARC/1.1"
  std::vector<HttpHeader> headers;
  std::string block;
  std::string Header(std::string_view name) const;
};

// Reads the record at `location`; errors name the file and offset.
Result<WarcRecord> ReadWarcRecord(const WarcLocation& location);
// Every record of a file in order, with its offset (for checks and tools).
Result<std::vector<std::pair<uint64_t, WarcRecord>>> ReadWarcFile(const std::string& path);

// The document a response record holds: its HTTP body de-chunked and decoded.
Result<std::string> ArchivedDocument(const WarcRecord& response);

// A fresh "<urn:uuid:...>" (version 4).
std::string NewRecordId();

}  // namespace parallax::collect
